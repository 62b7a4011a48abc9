// A passphrase input that never helps anyone else read it: no autocomplete, spellcheck,
// autocapitalise or autocorrect, and an explicit show/hide toggle.
import { useState } from 'preact/hooks';
import { t } from '../i18n';

interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  autoFocus?: boolean;
  describedBy?: string;
  invalid?: boolean;
}

export function PassphraseField(props: Props) {
  const [shown, setShown] = useState(false);
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <div class="with-toggle">
        <input
          id={props.id}
          // The typings split text and password inputs; this one is both, by design.
          {...({ type: shown ? 'text' : 'password' } as { type: 'password' })}
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)}
          autocomplete="off"
          spellcheck={false}
          autocapitalize="off"
          autocorrect="off"
          aria-describedby={props.describedBy}
          aria-invalid={props.invalid || undefined}
          // biome-ignore lint/a11y/noAutofocus: the only field on a screen the user opened to type into.
          autoFocus={props.autoFocus}
        />
        <button
          type="button"
          class="toggle"
          // The visible word is short ("Show"); the accessible name says what it shows.
          aria-label={shown ? t('vault:onboarding.hide') : t('vault:onboarding.show')}
          onClick={() => setShown(!shown)}
        >
          {shown ? t('vault:onboarding.hideShort') : t('vault:onboarding.showShort')}
        </button>
      </div>
    </div>
  );
}
