import { describe, expect, it } from 'vitest';
import { normalisePhone, normalisePlate } from '../../src/core/reports';

describe('normalisePhone', () => {
  const cases: Array<[raw: string, country: string | undefined, normalised: string]> = [
    ['', undefined, ''],
    ['   ', '44', ''],
    ['+', undefined, ''],
    ['no number', '44', ''],
    ['07700 900123', undefined, '07700900123'],
    ['07700 900123', '44', '+447700900123'],
    ['07700 900123', '+44', '+447700900123'],
    ['07700-900-123', '44', '+447700900123'],
    ['(07700) 900.123', '44', '+447700900123'],
    ['+44 7700 900123', undefined, '+447700900123'],
    ['+44 7700 900123', '353', '+447700900123'],
    ['  +44 (0)7700 900123', undefined, '+447700900123'],
    ['+44 (0) 7700 900123', '44', '+447700900123'],
    ['0044 7700 900123', undefined, '+447700900123'],
    ['0044 7700 900123', '1', '+447700900123'],
    ['(+1) 202-555-0123', undefined, '+12025550123'],
    ['202.555.0123', '1', '2025550123'],
    ['900123', '44', '900123'],
    ['0', '44', '0'],
    ['999', '44', '999'],
    ['0123', '', '0123'],
    ['07700\u00a0900\u2009123', '44', '+447700900123'],
    ['07700\u3000900123', '44', '+447700900123'],
    ['07700\u2013900\u2014123', '44', '+447700900123'],
    ['\uff10\uff17\uff17\uff10\uff10 900123', '44', '+447700900123'],
    ['\uff0b44 7700 900123', undefined, '+447700900123'],
    ['\u0660\u0667\u0667\u0660\u0660\u0669\u0660\u0660\u0661\u0662\u0663', '44', '+447700900123'],
    ['\u06f0\u06f9\u06f1\u06f2', undefined, '0912'],
    ['tel: 07700 900123', '44', '+447700900123'],
    ['07700 900123 ext 5', undefined, '077009001235'],
  ];
  it.each(cases)('%j (country %j) → %j', (raw, country, normalised) => {
    expect(normalisePhone(raw, country)).toBe(normalised);
  });

  it('is idempotent', () => {
    for (const [raw, country] of cases) {
      const once = normalisePhone(raw, country);
      expect(normalisePhone(once, country)).toBe(once);
    }
  });
});

describe('normalisePlate', () => {
  const cases: Array<[raw: string, normalised: string]> = [
    ['', ''],
    ['   ', ''],
    ['ab 12', 'AB12'],
    ['AB12 CDE', 'AB12CDE'],
    ['ab12cde', 'AB12CDE'],
    ['ab-12-cde', 'AB12CDE'],
    ['AB.12.CDE', 'AB12CDE'],
    [' ab\u00a012\u2009cde ', 'AB12CDE'],
    ['ab\u200b12', 'AB12'],
    ['ab\u201312\u2014c', 'AB12C'],
    ['\uff41\uff42\uff11\uff12', 'AB12'],
    ['m-äb 123', 'MÄB123'],
    ['ABC 123/4', 'ABC123/4'],
    ['?b1', '?B1'],
    ['7', '7'],
  ];
  it.each(cases)('%j → %j', (raw, normalised) => {
    expect(normalisePlate(raw)).toBe(normalised);
  });
});
