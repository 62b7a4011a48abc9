// Exact decimal arithmetic for the disguise calculator, on BigInt, with no library: the
// engine loads before first paint and must stay tiny. A value is m × 10^e. Sums,
// differences and products are exact; results are rounded (half away from zero) to
// PRECISION significant digits, far beyond the 12 shown, so 0.1 + 0.2 is 0.3 and 1 / 3 × 3
// shows 1. Magnitudes from 1e100 up are an overflow (shown as Error, like a hand
// calculator); non-zero magnitudes below 1e-99 underflow to 0.

export interface Dec {
  readonly m: bigint;
  readonly e: number;
}

const PRECISION = 34;
const MAX_EXP = 99;
/** Significant digits shown, and digits a user may type. */
export const DIGITS = 12;

export const ZERO: Dec = { m: 0n, e: 0 };

const pow10 = (n: number): bigint => 10n ** BigInt(n);
const abs = (n: bigint): bigint => (n < 0n ? -n : n);
const len = (n: bigint): number => abs(n).toString().length;

/** a / b rounded half away from zero. */
function divRound(a: bigint, b: bigint): bigint {
  const q = a / b;
  const r = a % b;
  return 2n * abs(r) >= abs(b) ? q + (a < 0n === b < 0n ? 1n : -1n) : q;
}

/** Rounds m × 10^e so its last kept digit is at 10^p (when that drops digits). */
function roundAt(m: bigint, e: number, p: number): Dec {
  return p > e ? { m: divRound(m, pow10(p - e)), e: p } : { m, e };
}

/** Rounds to PRECISION digits, drops trailing zeros and applies the range; null = overflow. */
function norm(m: bigint, e: number): Dec | null {
  let x = roundAt(m, e, e + len(m) - PRECISION);
  if (x.m === 0n) return ZERO;
  let { m: n, e: k } = x;
  while (n % 10n === 0n) {
    n /= 10n;
    k++;
  }
  x = { m: n, e: k };
  const top = k + len(n) - 1;
  return top > MAX_EXP ? null : top < -MAX_EXP ? ZERO : x;
}

export type Op = '+' | '-' | '*' | '/';

/** The exact result of a op b, or null for division by zero and overflow. */
export function apply(a: Dec, op: Op, b: Dec): Dec | null {
  if (op === '*') return norm(a.m * b.m, a.e + b.e);
  if (op === '/') {
    if (b.m === 0n) return null;
    const s = PRECISION + len(b.m);
    return norm(divRound(a.m * pow10(s), b.m), a.e - b.e - s);
  }
  const e = Math.min(a.e, b.e);
  const bm = op === '-' ? -b.m : b.m;
  return norm(a.m * pow10(a.e - e) + bm * pow10(b.e - e), e);
}

export const percent = (a: Dec): Dec => norm(a.m, a.e - 2) ?? ZERO;
export const negate = (a: Dec): Dec => ({ m: -a.m, e: a.e });

/** Parses a typed entry such as '12.50' (digits and at most one point, no sign). */
export function parse(entry: string, negative: boolean): Dec {
  const point = entry.indexOf('.');
  const digits = entry.replace('.', '') || '0';
  const x = norm(BigInt(digits), point < 0 ? 0 : point + 1 - entry.length) ?? ZERO;
  return negative ? negate(x) : x;
}

/**
 * Formats for the display: at most DIGITS significant digits. Plain notation while the
 * leading digit is between 10^-6 and 10^11 (fractions get at most DIGITS decimals, so
 * 1/3 shows 0.333333333333); otherwise exponent notation such as 1e+21 or 2.5e-15.
 */
export function format(x: Dec): string {
  if (x.m === 0n) return '0';
  const top = (d: Dec): number => d.e + len(d.m) - 1;
  let t = top(x);
  const plain = t < DIGITS && t >= -6;
  const r = roundAt(abs(x.m), x.e, plain ? Math.max(t - DIGITS + 1, -DIGITS) : t - DIGITS + 1);
  let digits = r.m.toString().replace(/0+$/, '');
  const e = r.e + r.m.toString().length - digits.length;
  t = top({ m: r.m, e: r.e });
  const sign = x.m < 0n ? '-' : '';
  if (t >= DIGITS || t < -6) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mantissa}e${t < 0 ? '-' : '+'}${Math.abs(t)}`;
  }
  if (e >= 0) return sign + digits + '0'.repeat(e);
  digits = digits.padStart(1 - e, '0');
  return `${sign}${digits.slice(0, e)}.${digits.slice(e)}`;
}
