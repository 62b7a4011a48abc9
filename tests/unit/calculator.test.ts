import { describe, expect, it } from 'vitest';
import {
  activeOperator,
  type CalcKey,
  type CalcState,
  clearLabel,
  display,
  initialState,
  pendingCode,
  press,
} from '../../src/core/calculator';

// '12.5 + ± 3 =' → keys: runs of digits and points are split into single keys.
function keys(sequence: string): CalcKey[] {
  return sequence
    .split(' ')
    .filter(Boolean)
    .flatMap((token) => (/^[\d.]+$/.test(token) ? [...token] : [token])) as CalcKey[];
}

const run = (sequence: string): CalcState => keys(sequence).reduce(press, initialState());

const cases: Array<[string, string]> = [
  // basics
  ['', '0'],
  ['5', '5'],
  ['2 + 3 =', '5'],
  ['9 - 12 =', '-3'],
  ['6 * 7 =', '42'],
  ['8 / 2 =', '4'],
  ['7 / 2 =', '3.5'],
  ['0 - 0.5 =', '-0.5'],
  // chaining, left to right on operator press
  ['2 + 3 *', '5'],
  ['2 + 3 * 4 =', '20'],
  ['10 - 2 - 3 =', '5'],
  ['1 + 2 + 3 + 4 =', '10'],
  ['2 + 3 = * 2 =', '10'],
  ['1 + 2 = + =', '6'],
  // an operator pressed again replaces the last one
  ['2 + * 3 =', '6'],
  ['9 * - / 3 =', '3'],
  ['2 +', '2'],
  // repeated '='
  ['2 + 3 = =', '8'],
  ['2 * 3 = = =', '54'],
  ['10 - 1 = = =', '7'],
  ['2 + =', '4'],
  ['3 * = =', '27'],
  ['2 + 3 = 7', '7'],
  ['2 + 3 = 7 =', '7'],
  ['2 + 3 = ± =', '-2'],
  // percent, the iOS way
  ['50 + 10 %', '5'],
  ['50 + 10 % =', '55'],
  ['10 %', '0.1'],
  ['50 - 10 % =', '45'],
  ['50 * 10 % =', '5'],
  ['200 / 50 % =', '400'],
  ['50 + %', '25'],
  ['5 % %', '0.0005'],
  ['50 + 10 % 20 =', '70'],
  // sign
  ['5 ±', '-5'],
  ['5 ± ±', '5'],
  ['5 + ±', '-0'],
  ['5 + ± 3 =', '2'],
  ['2 + 3 = ±', '-5'],
  ['0.5 ±', '-0.5'],
  ['3 ± * 4 =', '-12'],
  ['0 ± 5', '-5'],
  ['±', '0'],
  // backspace
  ['123 back', '12'],
  ['1 back', '0'],
  ['1.5 back', '1.'],
  ['1.5 back back 2', '12'],
  ['2 + 3 = back', '5'],
  ['12 ± back', '-1'],
  ['5 ± back', '0'],
  ['2 + back', '2'],
  // decimals and floating-point artefacts
  ['0.1 + 0.2 =', '0.3'],
  ['1.1 * 3 =', '3.3'],
  ['3 * 1.1 =', '3.3'],
  ['0.3 - 0.1 =', '0.2'],
  ['0.1 + 0.2 - 0.3 =', '0'],
  ['0.7 + 0.1 =', '0.8'],
  ['0.1 * 3 =', '0.3'],
  ['0.1 * 0.1 =', '0.01'],
  ['1.005 * 1000 =', '1005'],
  ['4.35 * 100 =', '435'],
  ['1.15 + 2.35 =', '3.5'],
  ['19.99 * 3 =', '59.97'],
  ['1 / 3 =', '0.333333333333'],
  ['2 / 3 =', '0.666666666667'],
  ['1 / 7 =', '0.142857142857'],
  ['100 / 3 =', '33.3333333333'],
  ['2 / 3 * 1000000 =', '666666.666667'],
  ['1 / 3 * 3 =', '1'],
  ['1 / 3 = * 3 =', '1'],
  ['10 / 4 =', '2.5'],
  ['1.50', '1.50'],
  ['1.50 =', '1.5'],
  ['0.00001 / 3 =', '0.000003333333'],
  // leading zeros and points
  ['0 0 0', '0'],
  ['0 0 7', '7'],
  ['.', '0.'],
  ['. 5', '0.5'],
  ['1 . . 5 .', '1.5'],
  ['0.001', '0.001'],
  ['5 + . 5 =', '5.5'],
  ['5 + 3 .', '3.'],
  // the 12-digit entry limit
  ['1234567890123', '123456789012'],
  ['0.1234567890123', '0.123456789012'],
  ['123456789012 .', '123456789012'],
  ['123456.7890123', '123456.789012'],
  // large and small numbers
  ['99999999999.9 + 0.1 =', '100000000000'],
  ['999999999999 + 1 =', '1e+12'],
  ['999999999999 + 0.5 =', '1e+12'],
  ['123456789012 * 1000 =', '1.23456789012e+14'],
  ['1000000 * 1000000 * 1000000 * 1000 =', '1e+21'],
  ['999999999999 * 999999999999 =', '9.99999999998e+23'],
  ['0 - 999999999999 * 1000 =', '-9.99999999999e+14'],
  ['0.0000025 / 1000000000 =', '2.5e-15'],
  ['1 / 1000000 =', '0.000001'],
  ['1 / 10000000 =', '1e-7'],
  ['0.000001 / 3 =', '3.33333333333e-7'],
  [`10000000000 *${' ='.repeat(8)}`, '1e+90'],
  [`10000000000 *${' ='.repeat(9)}`, 'Error'],
  [`10000000000 *${' ='.repeat(9)} 4`, '4'],
  [`10000000000 *${' ='.repeat(8)} * 100000 + 100000000 %`, 'Error'],
  [`0.000001 *${' ='.repeat(15)}`, '1e-96'],
  [`0.000001 *${' ='.repeat(16)}`, '0'],
  // division by zero
  ['5 / 0 =', 'Error'],
  ['0 / 0 =', 'Error'],
  ['5 / 0 *', 'Error'],
  ['5 / 0 = +', 'Error'],
  ['5 / 0 = = % ± back', 'Error'],
  ['5 / 0 = 3', '3'],
  ['5 / 0 = 3 + 4 =', '7'],
  ['5 / 0 = .', '0.'],
  ['5 / 0 = C', '0'],
  // clear: the entry first while an operation is pending, otherwise everything
  ['5 + 3 C', '0'],
  ['5 + 3 C 4 =', '9'],
  ['5 + 3 C =', '5'],
  ['5 + 3 C C 4 =', '4'],
  ['2 + 3 = C', '0'],
  ['12 C', '0'],
];

describe('calculator display', () => {
  it.each(cases)('%s → %s', (sequence, shown) => {
    expect(display(run(sequence))).toBe(shown);
  });

  it('has well over 60 cases', () => {
    expect(cases.length).toBeGreaterThan(60);
  });
});

describe('calculator helpers', () => {
  it('highlights the operator waiting for a number', () => {
    expect(activeOperator(run('2 +'))).toBe('+');
    expect(activeOperator(run('2 + *'))).toBe('*');
    expect(activeOperator(run('2 + 3'))).toBeNull();
    expect(activeOperator(run('2 + 3 ='))).toBeNull();
  });

  it('labels the clear key like iOS', () => {
    expect(clearLabel(initialState())).toBe('AC');
    expect(clearLabel(run('5 + 3'))).toBe('C');
    expect(clearLabel(run('5 + 3 C'))).toBe('AC');
    expect(clearLabel(run('5 +'))).toBe('AC');
    expect(clearLabel(run('5'))).toBe('AC');
  });

  it('never mutates the state it is given', () => {
    const frozen = Object.freeze(run('1 + 2'));
    for (const key of keys('3 = + - * / % ± back C .')) {
      expect(() => press(frozen, key)).not.toThrow();
    }
    expect(display(frozen)).toBe('2');
  });

  it('survives random key presses with a sane display', () => {
    const all = keys('0 1 2 3 4 5 6 7 8 9 . + - * / = C % ± back');
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let state = initialState();
    for (let i = 0; i < 5000; i++) {
      state = press(state, all[Math.floor(random() * all.length)] ?? '0');
      expect(display(state)).toMatch(/^(Error|-?\d+\.?\d*(e[+-]\d+)?)$/);
      expect(display(state).replace(/e.*$/, '').replace(/\D/g, '').length).toBeLessThanOrEqual(13);
    }
  });

  it('agrees with integer arithmetic on small integers', () => {
    for (let a = -20; a <= 20; a += 3) {
      for (let b = -9; b <= 9; b += 2) {
        const typed = (n: number) => `${Math.abs(n)}${n < 0 ? ' ±' : ''}`;
        const seq = (op: string) => `${typed(a)} ${op} ${typed(b)} =`;
        expect(display(run(seq('+')))).toBe(String(a + b));
        expect(display(run(seq('-')))).toBe(String(a - b));
        expect(display(run(seq('*')))).toBe(String(a * b === 0 ? 0 : a * b));
      }
    }
  });
});

describe('pendingCode', () => {
  const codes: Array<[string, string | null]> = [
    ['2468 =', '2468'],
    ['1357 =', '1357'],
    ['12345678 =', '12345678'],
    ['0123 =', '0123'],
    ['0000 =', '0000'],
    ['24689 back =', '2468'],
    ['5 + 3 = 2468 =', '2468'],
    ['5 / 0 = 2468 =', '2468'],
    ['99 C 2468 =', '2468'],
    ['12 + 2468 =', null],
    ['2468 + =', null],
    ['2468 + 0 =', null],
    ['123 =', null],
    ['123456789 =', null],
    ['2468', null],
    ['2468 = =', null],
    ['2468 = 5', null],
    ['2.468 =', null],
    ['2468. =', null],
    ['2468 ± ± =', null],
    ['2468 % =', null],
    ['5 + 3 C 2468 =', null],
    ['2 + 3 = ± 2468 +', null],
    ['2468 back =', null],
  ];

  it.each(codes)('%s → %s', (sequence, code) => {
    expect(pendingCode(run(sequence))).toBe(code);
  });

  it('still calculates normally when a code is offered', () => {
    expect(display(run('2468 ='))).toBe('2468');
    expect(display(run('0123 ='))).toBe('123');
    expect(display(run('2468 = + 2 ='))).toBe('2470');
  });
});
