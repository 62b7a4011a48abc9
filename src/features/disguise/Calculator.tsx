// The calculator disguise. It is a real, correct calculator (the engine lives in
// core/calculator); the only secret thing about it is that typing the unlock code and "="
// asks the app to check that code. It must not import i18next: it is part of the first
// paint, so its accessible names arrive through `label` once translations have loaded.
import { useEffect, useReducer, useRef } from 'preact/hooks';
import {
  activeOperator,
  type CalcKey,
  clearLabel,
  display,
  initialState,
  pendingCode,
  press,
} from '../../core/calculator';

export type Label = (key: string) => string | undefined;

interface Props {
  label: Label;
  onCode: (code: string) => void;
}

interface KeyDef {
  key: CalcKey;
  text: string;
  name?: string;
  kind?: 'op' | 'fn' | 'eq';
}

const ROWS: KeyDef[][] = [
  [
    { key: 'C', text: 'AC', name: 'clear', kind: 'fn' },
    { key: '±', text: '±', name: 'sign', kind: 'fn' },
    { key: '%', text: '%', name: 'percent', kind: 'fn' },
    { key: '/', text: '÷', name: 'divide', kind: 'op' },
  ],
  [
    { key: '7', text: '7' },
    { key: '8', text: '8' },
    { key: '9', text: '9' },
    { key: '*', text: '×', name: 'multiply', kind: 'op' },
  ],
  [
    { key: '4', text: '4' },
    { key: '5', text: '5' },
    { key: '6', text: '6' },
    { key: '-', text: '−', name: 'subtract', kind: 'op' },
  ],
  [
    { key: '1', text: '1' },
    { key: '2', text: '2' },
    { key: '3', text: '3' },
    { key: '+', text: '+', name: 'add', kind: 'op' },
  ],
  [
    { key: '0', text: '0' },
    { key: '.', text: '.', name: 'point' },
    { key: 'back', text: '⌫', name: 'back', kind: 'fn' },
    { key: '=', text: '=', name: 'equals', kind: 'eq' },
  ],
];

const KEYBOARD: Record<string, CalcKey> = {
  '+': '+',
  '-': '-',
  '*': '*',
  x: '*',
  '/': '/',
  '%': '%',
  '.': '.',
  ',': '.',
  '=': '=',
  Enter: '=',
  Backspace: 'back',
  Delete: 'C',
};

export function Calculator({ label, onCode }: Props) {
  // The state lives in a ref so fast key presses (several in one frame) never act on a
  // stale copy; the reducer only asks Preact to paint.
  const stateRef = useRef(initialState());
  const codeRef = useRef(onCode);
  codeRef.current = onCode;
  const [, repaint] = useReducer((n: number) => n + 1, 0);

  const tap = (key: CalcKey) => {
    const next = press(stateRef.current, key);
    stateRef.current = next;
    repaint(0);
    const code = key === '=' ? pendingCode(next) : null;
    if (code) codeRef.current(code);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (document.body.dataset.mode !== 'face') return;
      const key = /^[0-9]$/.test(event.key) ? (event.key as CalcKey) : KEYBOARD[event.key];
      if (!key) return;
      // Let a focused button handle Enter itself.
      if (event.key === 'Enter' && document.activeElement?.tagName === 'BUTTON') return;
      event.preventDefault();
      tap(key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const state = stateRef.current;
  // Accessible names say what a symbol does; where the key shows letters (AC / C) the name
  // starts with them, so what is seen is what is heard (WCAG label in name).
  const keyName = (k: KeyDef) => {
    const name = k.name ? label(`calculator.keys.${k.name}`) : undefined;
    if (k.key !== 'C' || !name) return name;
    return `${clearLabel(state)} ${name}`;
  };
  const shown = display(state);
  const active = activeOperator(state);
  return (
    <div class="calc">
      <output
        class="calc-display"
        aria-live="polite"
        aria-label={label('calculator.display')}
        dir="ltr"
      >
        {shown}
      </output>
      <div class="calc-keys" dir="ltr">
        {ROWS.flat().map((k) => (
          <button
            type="button"
            key={k.key}
            class={`calc-key ${k.kind ?? 'digit'}${active === k.key ? ' active' : ''}`}
            aria-pressed={k.kind === 'op' ? active === k.key : undefined}
            aria-label={keyName(k)}
            onClick={() => tap(k.key)}
          >
            {k.key === 'C' ? clearLabel(state) : k.text}
          </button>
        ))}
      </div>
    </div>
  );
}
