import { asSalt, constantTimeEqual, hashUnlockCode, SALT_BYTES } from '../crypto';
import { type Db, deviceRepo } from '../storage';
import { isValidUnlockCode } from './passphrase';

/**
 * Whether `code` is the calculator unlock code. False when none is set or the code is not
 * 4 to 8 digits. Works while locked: it only opens the way to the passphrase screen.
 */
export async function checkUnlockCode(db: Db, code: string): Promise<boolean> {
  const { unlockCode } = await deviceRepo.get(db);
  if (unlockCode === null || !isValidUnlockCode(code)) return false;
  if (unlockCode.salt.length !== SALT_BYTES) return false;
  const hash = await hashUnlockCode(code, asSalt(unlockCode.salt));
  return constantTimeEqual(hash, unlockCode.hash);
}
