// Clear device state a locked screen may show: how long until the next unlock attempt, and
// which protections are switched on. Nothing here is secret; it is read before unlocking.

import { type Db, deviceRepo, type EraseAfter } from '../storage';
import { msUntilNextAttempt } from './delay';

/** Milliseconds until unlockVault will try a passphrase again (0: now). */
export async function unlockWaitMs(db: Db, now: number = Date.now()): Promise<number> {
  return msUntilNextAttempt(await deviceRepo.get(db), now);
}

export async function deviceSettings(
  db: Db,
): Promise<{ eraseAfter: EraseAfter; hasUnlockCode: boolean }> {
  const { eraseAfter, unlockCode } = await deviceRepo.get(db);
  return { eraseAfter, hasUnlockCode: unlockCode !== null };
}
