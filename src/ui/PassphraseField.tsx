// A passphrase input that never helps anyone else read it: no autocomplete, spellcheck,
// autocapitalise or autocorrect, and an explicit show/hide toggle.
import { useState } from 'preact/hooks';

interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** Accessible names of the toggle ("Show passphrase"); the visible text is the short form. */
  showLabel: string;
  hideLabel: string;
  showShort: string;
  hideShort: string;
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
        <button type="button" class="toggle" aria-pressed={shown} onClick={() => setShown(!shown)}>
          {shown ? props.hideLabel : props.showLabel}
        </button>
      </div>
    </div>
  );
}
