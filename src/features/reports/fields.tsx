// Small form fields shared by the report sections. Every field is private by default:
// no autocomplete, no spell check (some browsers send text away to check it).
import type { ComponentChildren } from 'preact';
import { t } from '../../i18n';

type InputMode = 'text' | 'tel' | 'email' | 'numeric';

/** Preact types each input `type` separately; these fields choose it at run time. */
const typed = (type: string) => ({ type }) as { type: 'text' };

interface TextProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  hint?: string;
  error?: string | null;
  multiline?: boolean;
  type?: 'text' | 'date' | 'time' | 'email' | 'tel';
  inputMode?: InputMode;
  max?: string;
}

export function TextField(p: TextProps) {
  const hintId = p.hint ? `${p.id}-hint` : undefined;
  const errorId = p.error ? `${p.id}-error` : undefined;
  const common = {
    id: p.id,
    value: p.value,
    autocomplete: 'off',
    spellcheck: false,
    'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
    'aria-invalid': p.error ? true : undefined,
  } as const;
  return (
    <div class="field">
      <label for={p.id}>{p.label}</label>
      {p.hint && (
        <p class="hint" id={hintId}>
          {p.hint}
        </p>
      )}
      {p.multiline ? (
        <textarea {...common} rows={5} onInput={(e) => p.onValue(e.currentTarget.value)} />
      ) : (
        <input
          {...common}
          {...typed(p.type ?? 'text')}
          inputMode={p.inputMode}
          max={p.max}
          onInput={(e) => p.onValue(e.currentTarget.value)}
        />
      )}
      {p.error && (
        <p class="error" id={errorId}>
          {p.error}
        </p>
      )}
    </div>
  );
}

interface ListProps {
  id: string;
  legend: string;
  itemLabel: string;
  values: string[];
  onValues: (values: string[]) => void;
  hint?: string;
  type?: 'text' | 'email' | 'tel';
  inputMode?: InputMode;
}

/** Several values of one kind (phone numbers, emails…): add and remove rows. */
export function ListField(p: ListProps) {
  const rows = p.values.length > 0 ? p.values : [''];
  const set = (i: number, value: string) =>
    p.onValues(rows.map((old, j) => (j === i ? value : old)));
  return (
    <fieldset class="list-field">
      <legend>{p.legend}</legend>
      {p.hint && <p class="hint">{p.hint}</p>}
      {rows.map((value, i) => (
        <div class="list-row" key={i}>
          <label class="visually-hidden" for={`${p.id}-${i}`}>
            {`${p.itemLabel} ${i + 1}`}
          </label>
          <input
            id={`${p.id}-${i}`}
            {...typed(p.type ?? 'text')}
            inputMode={p.inputMode}
            value={value}
            autocomplete="off"
            spellcheck={false}
            onInput={(e) => set(i, e.currentTarget.value)}
          />
          {(rows.length > 1 || value !== '') && (
            <button
              type="button"
              class="remove"
              aria-label={t('reports:form.removeItem', { item: `${p.itemLabel} ${i + 1}` })}
              onClick={() => p.onValues(rows.filter((_, j) => j !== i))}
            >
              ×
            </button>
          )}
        </div>
      ))}
      <button type="button" class="add" onClick={() => p.onValues([...rows, ''])}>
        {t('reports:form.add')}
      </button>
    </fieldset>
  );
}

interface Option<T extends string> {
  value: T;
  label: string;
}

interface ChoiceProps<T extends string> {
  name: string;
  legend: string;
  options: Option<T>[];
  error?: string | null;
  hint?: string;
}

/** Checkboxes: any number of the options. */
export function CheckGroup<T extends string>(
  p: ChoiceProps<T> & { selected: readonly T[]; onSelected: (next: T[]) => void },
) {
  const toggle = (value: T, on: boolean) =>
    p.onSelected(
      on
        ? [...p.selected.filter((s) => s !== value), value]
        : p.selected.filter((s) => s !== value),
    );
  return (
    <fieldset class="choices" aria-invalid={p.error ? true : undefined} id={`${p.name}-group`}>
      <legend>{p.legend}</legend>
      {p.hint && <p class="hint">{p.hint}</p>}
      {p.options.map((o, i) => (
        <label class="check" key={o.value}>
          <input
            type="checkbox"
            id={i === 0 ? p.name : undefined}
            name={p.name}
            value={o.value}
            checked={p.selected.includes(o.value)}
            onChange={(e) => toggle(o.value, e.currentTarget.checked)}
          />
          {o.label}
        </label>
      ))}
      {p.error && <p class="error">{p.error}</p>}
    </fieldset>
  );
}

/** Radio buttons: exactly one of the options. */
export function RadioGroup<T extends string>(
  p: ChoiceProps<T> & { value: T; onValue: (next: T) => void },
) {
  return (
    <fieldset class="choices" id={`${p.name}-group`}>
      <legend>{p.legend}</legend>
      {p.hint && <p class="hint">{p.hint}</p>}
      {p.options.map((o, i) => (
        <label class="check" key={o.value}>
          <input
            type="radio"
            id={i === 0 ? p.name : undefined}
            name={p.name}
            value={o.value}
            checked={p.value === o.value}
            onChange={() => p.onValue(o.value)}
          />
          {o.label}
        </label>
      ))}
      {p.error && <p class="error">{p.error}</p>}
    </fieldset>
  );
}

/** A collapsible part of a long form: short on a small screen, one section at a time. */
export function Section(p: {
  id: string;
  title: string;
  open?: boolean;
  children: ComponentChildren;
}) {
  return (
    <details class="form-section" id={p.id} open={p.open}>
      <summary>{p.title}</summary>
      <div class="section-body">{p.children}</div>
    </details>
  );
}
