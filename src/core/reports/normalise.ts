// Canonical forms of phone numbers and number plates, so that the same person or car
// typed two ways ("07700 900123", "+44 7700-900123") can be compared and searched. Both
// keep what was typed alongside (raw) because a canonical form can lose meaning.

// NFKC folds full-width digits, letters and '＋' to ASCII; Arabic-Indic (U+0660–0669) and
// Extended Arabic-Indic (U+06F0–06F9) digits are mapped here (both blocks start at …0).
const asciiDigits = (s: string): string =>
  s.normalize('NFKC').replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (c) => String(c.charCodeAt(0) & 15));

/**
 * Rules, in order:
 * 1. Everything but digits is dropped (spaces of any kind, dashes, dots, parentheses,
 *    letters), after folding non-ASCII digits to 0–9. No digits gives ''.
 * 2. International: a '+' or '00' before the first digit gives '+' and the digits after
 *    it; a trunk '(0)' written inside ("+44 (0)7700 900123") is dropped.
 * 3. National: with a defaultCountryCode ('44' or '+44') and a leading 0, that 0 becomes
 *    '+44'.
 * 4. Otherwise the digits alone (a partial number stays partial).
 */
export function normalisePhone(raw: string, defaultCountryCode?: string): string {
  const s = asciiDigits(raw);
  const prefix = /^[^\d+]*(\+|00)?/.exec(s)?.[1];
  if (prefix !== undefined) {
    const digits = s.replace(/\(\s*0\s*\)/g, '').replace(/\D/g, '');
    const national = prefix === '00' ? digits.slice(2) : digits;
    return national === '' ? '' : `+${national}`;
  }
  const digits = s.replace(/\D/g, '');
  const country = (defaultCountryCode ?? '').replace(/\D/g, '');
  if (country !== '' && digits.length > 1 && digits.startsWith('0')) {
    return `+${country}${digits.slice(1)}`;
  }
  return digits;
}

/**
 * Upper case (after NFKC, so full-width letters become ASCII) with all spaces (including
 * no-break and zero-width ones), hyphens and dashes, and dots removed. Every other
 * character is kept, so a partial plate stays as typed: 'ab 12' → 'AB12'.
 */
export const normalisePlate = (raw: string): string =>
  raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\u200b-\u200d\u2060\ufeff\-\u2010-\u2015\u2212.\u00b7]/g, '');
