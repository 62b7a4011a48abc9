// Storage persistence, language, theme and what the app opens into.
import { useEffect, useState } from 'preact/hooks';
import { changeFace } from '../../app/boot';
import { type Face, type Launch, readPrefs, type Theme, writePrefs } from '../../app/prefs';
import { t } from '../../i18n';
import { applyTheme } from '../../ui/theme';
import { LanguageSelect } from './LanguageSelect';

type Persist = 'persistent' | 'notPersistent' | 'unknown';

export function StorageStatus() {
  const [state, setState] = useState<Persist>('unknown');
  useEffect(() => {
    const storage = navigator.storage;
    if (!storage?.persisted) return;
    void storage
      .persisted()
      .then((yes) => setState(yes ? 'persistent' : 'notPersistent'))
      .catch(() => setState('unknown'));
  }, []);
  return (
    <section aria-labelledby="storage-title">
      <h3 id="storage-title">{t('settings:storage.title')}</h3>
      <p class={state === 'notPersistent' ? 'warning' : undefined} data-persist={state}>
        {t(`settings:storage.${state}`)}
      </p>
    </section>
  );
}

export function Appearance() {
  const [prefs, setPrefs] = useState(readPrefs);
  return (
    <fieldset>
      <legend>{t('settings:appearance.title')}</legend>
      <LanguageSelect />
      <label for="theme">{t('settings:appearance.theme')}</label>
      <select
        id="theme"
        value={prefs.theme}
        onChange={(e) => {
          const theme = e.currentTarget.value as Theme;
          setPrefs(writePrefs({ theme }));
          applyTheme(theme);
        }}
      >
        <option value="system">{t('settings:appearance.themeSystem')}</option>
        <option value="light">{t('settings:appearance.themeLight')}</option>
        <option value="dark">{t('settings:appearance.themeDark')}</option>
      </select>
    </fieldset>
  );
}

export function DisguiseOptions() {
  const [prefs, setPrefs] = useState(readPrefs);
  return (
    <fieldset>
      <legend>{t('settings:disguise.title')}</legend>
      <label for="disguise-choice">{t('settings:disguise.choose')}</label>
      <select
        id="disguise-choice"
        value={prefs.face}
        aria-describedby="face-hint"
        onChange={(e) => {
          const face = e.currentTarget.value as Face;
          setPrefs(writePrefs({ face }));
          changeFace(face);
        }}
      >
        <option value="calculator">{t('disguise:calculator.title')}</option>
        <option value="converter">{t('disguise:converter.title')}</option>
      </select>
      <p id="face-hint" class="hint">
        {t('settings:disguise.chooseHint')}
      </p>
      <label for="launch">{t('settings:disguise.launch')}</label>
      <select
        id="launch"
        value={prefs.launch}
        onChange={(e) => setPrefs(writePrefs({ launch: e.currentTarget.value as Launch }))}
      >
        <option value="disguise">{t('settings:disguise.launchDisguise')}</option>
        <option value="unlock">{t('settings:disguise.launchUnlock')}</option>
      </select>
      <p class="hint">{t('settings:disguise.installNote')}</p>
    </fieldset>
  );
}
