// Input rules. The passphrase minimum is counted in characters a person typed (code points
// after NFC), so accents and emoji are neither penalised nor a way around it. Nothing is
// trimmed or changed beyond NFC: what was typed is what protects the vault.

export const MIN_PASSPHRASE_CHARS = 8;

/** Counted in characters (code points after NFC), not UTF-16 units. */
export function isLongEnough(passphrase: string): boolean {
  if (typeof passphrase !== 'string') throw new TypeError('passphrase must be a string');
  return [...passphrase.normalize('NFC')].length >= MIN_PASSPHRASE_CHARS;
}

const UNLOCK_CODE = /^[0-9]{4,8}$/;

/** The calculator unlock code: 4 to 8 ASCII digits. */
export function isValidUnlockCode(code: string): boolean {
  return typeof code === 'string' && UNLOCK_CODE.test(code);
}
