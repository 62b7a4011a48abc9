// The language picker, on the first-run screen and in Settings. Each option is written in
// its own language. Switching re-renders every screen (they subscribe to currentLanguage)
// and relabels the disguise.
import { useState } from 'preact/hooks';
import { repaintFace } from '../../app/boot';
import { readPrefs, writePrefs } from '../../app/prefs';
import { changeLanguage, t } from '../../i18n';
import { isLanguage, LANGUAGES, type Language } from '../../i18n/languages';

export function LanguageSelect({ id = 'language' }: { id?: string }) {
  const [lang, setLang] = useState(() => readPrefs().lang);
  return (
    <>
      <label for={id}>{t('settings:appearance.language')}</label>
      <select
        id={id}
        value={lang}
        onChange={async (e) => {
          const next = e.currentTarget.value;
          if (!isLanguage(next)) return;
          writePrefs({ lang: next });
          setLang(next);
          await changeLanguage(next);
          repaintFace();
        }}
      >
        {(Object.keys(LANGUAGES) as Language[]).map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGES[l].name}
          </option>
        ))}
      </select>
    </>
  );
}
