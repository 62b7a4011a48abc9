// The disguise calculator: a pure state machine that must pass for an ordinary phone
// calculator in front of whoever the user is hiding from. Decisions:
// - Immediate execution, left to right: 2 + 3 × shows 5, and 2 + 3 × 4 = is 20.
// - An operator pressed again before a number replaces the previous one (2 + × 3 = is 6).
// - '=' with no second number reuses the first (2 + = is 4); '=' again repeats the last
//   operation (2 + 3 = = is 8). A digit after '=' starts a new calculation.
// - '%' follows iOS: after + or − it is that percent of the first number (50 + 10 % = is
//   55); otherwise it divides by 100 (10 % is 0.1, 50 × 10 % = is 5).
// - 'C' clears only the number being typed while an operation is pending (5 + 3 C 4 = is
//   9, like iOS's C); otherwise it clears everything (AC). clearLabel() names the key.
// - '±' on a fresh operand starts typing '-0'; on a result it negates the result.
// - Division by zero and overflow show 'Error'; operators, '=', '%' and '±' are then
//   ignored, and the next digit or point starts fresh.
// - Typing is limited to DIGITS digits; extra digits and second points are ignored, and a
//   leading zero is replaced by the next digit.

import { apply, type Dec, DIGITS, format, negate, type Op, parse, percent, ZERO } from './decimal';

export type { Op } from './decimal';
export type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
export type CalcKey = Digit | '.' | Op | '=' | 'C' | '%' | '±' | 'back';

export interface CalcState {
  /** The number being typed, unsigned ('0.50'); null while a result is shown. */
  readonly entry: string | null;
  readonly negative: boolean;
  /** The number shown when nothing is being typed. */
  readonly value: Dec;
  /** The first operand of the pending operation. */
  readonly left: Dec;
  readonly op: Op | null;
  /** A second operand has been given (typed, or produced by '%' or '±') since op. */
  readonly hasRight: boolean;
  /** What another '=' repeats. */
  readonly repeat: { readonly op: Op; readonly right: Dec } | null;
  readonly error: boolean;
  /** Digit keys pressed since a fresh start; null once anything else touched the entry. */
  readonly typed: string | null;
  readonly code: string | null;
}

export function initialState(): CalcState {
  return {
    entry: null,
    negative: false,
    value: ZERO,
    left: ZERO,
    op: null,
    hasRight: false,
    repeat: null,
    error: false,
    typed: null,
    code: null,
  };
}

const current = (s: CalcState): Dec => (s.entry === null ? s.value : parse(s.entry, s.negative));

/** Shows a computed value, or Error when there is none (division by zero, overflow). */
const result = (s: CalcState, value: Dec | null): CalcState =>
  value === null
    ? { ...initialState(), error: true }
    : { ...s, entry: null, negative: false, value, typed: null };

function type(s: CalcState, key: Digit | '.'): CalcState {
  // No pending operation and nothing being typed: a new calculation.
  if (s.error || (s.op === null && s.entry === null)) {
    return type({ ...initialState(), entry: '', typed: '' }, key);
  }
  const entry = s.entry ?? '';
  const typed = key === '.' ? null : s.typed === null ? null : s.typed + key;
  // A leading '0.' does not count towards the DIGITS a user may type.
  if (entry.replace(/^0\.|\./, '').length >= DIGITS) return s;
  if (key === '.') {
    return entry.includes('.') ? s : { ...s, entry: `${entry || '0'}.`, hasRight: true, typed };
  }
  return { ...s, entry: entry === '0' ? key : entry + key, hasRight: true, typed };
}

function operator(s: CalcState, op: Op): CalcState {
  if (s.op !== null && !s.hasRight) return { ...s, op };
  const left = s.op === null ? current(s) : apply(s.left, s.op, current(s));
  const next = result(s, left);
  return next.error ? next : { ...next, left: next.value, op, hasRight: false, repeat: null };
}

function equals(s: CalcState): CalcState {
  if (s.op !== null) {
    const right = s.hasRight ? current(s) : s.left;
    const next = result(s, apply(s.left, s.op, right));
    return next.error ? next : { ...next, op: null, hasRight: false, repeat: { op: s.op, right } };
  }
  if (s.repeat !== null) return result(s, apply(current(s), s.repeat.op, s.repeat.right));
  // The unlock-code rule: '=' with no pending and no repeatable operation, while the number
  // on screen is an entry made only of 4 to 8 digit keys since a fresh start (a clear, a
  // new calculation after a result or Error, or opening the app) — backspace allowed,
  // any point, sign or percent disqualifies — hands those keys, leading zeros included, to
  // the UI. The screen still just shows the number, as any calculator would.
  const code = s.entry !== null && s.typed !== null && /^\d{4,8}$/.test(s.typed) ? s.typed : null;
  return { ...result(s, current(s)), code };
}

function percentKey(s: CalcState): CalcState {
  const x = s.op !== null && !s.hasRight ? s.left : current(s);
  const additive = s.op === '+' || s.op === '-';
  const next = result(s, additive ? apply(s.left, '*', percent(x)) : percent(x));
  return next.error ? next : { ...next, hasRight: s.op !== null };
}

function sign(s: CalcState): CalcState {
  if (s.entry !== null) return { ...s, negative: !s.negative, typed: null };
  if (s.op !== null && !s.hasRight) return { ...s, entry: '0', negative: true, hasRight: true };
  return { ...s, value: negate(s.value) };
}

function back(s: CalcState): CalcState {
  if (s.entry === null) return s;
  const entry = s.entry.slice(0, -1);
  const typed = s.typed === null ? null : s.typed.slice(0, -1);
  return entry === '' ? { ...s, entry: '0', negative: false, typed } : { ...s, entry, typed };
}

function clear(s: CalcState): CalcState {
  const clearEntry = s.entry !== null && s.op !== null && !s.error;
  return clearEntry ? { ...s, entry: null, negative: false, value: ZERO } : initialState();
}

export function press(state: CalcState, key: CalcKey): CalcState {
  const s = state.code === null ? state : { ...state, code: null };
  if (key === 'C') return clear(s);
  if (/^[\d.]$/.test(key)) return type(s, key as Digit | '.');
  if (s.error) return s;
  switch (key) {
    case '=':
      return equals(s);
    case '%':
      return percentKey(s);
    case '±':
      return sign(s);
    case 'back':
      return back(s);
    default:
      return operator(s, key as Op);
  }
}

export function display(s: CalcState): string {
  if (s.error) return 'Error';
  return s.entry === null ? format(s.value) : (s.negative ? '-' : '') + s.entry;
}

/** The code to check when the last key was '=' under the unlock-code rule, else null. */
export const pendingCode = (s: CalcState): string | null => s.code;

/** The operator to highlight: pressed and still waiting for its second number. */
export const activeOperator = (s: CalcState): Op | null => (s.hasRight ? null : s.op);

/** What the clear key does next: 'C' clears the entry only, 'AC' clears everything. */
export const clearLabel = (s: CalcState): 'C' | 'AC' =>
  s.entry !== null && s.op !== null && !s.error ? 'C' : 'AC';
