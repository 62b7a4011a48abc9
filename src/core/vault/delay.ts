// Slowing down guessing at the lock screen. The first four failures in a row cost nothing
// (typos happen, often under stress); from the fifth on, each failure doubles the wait
// before the next try, from 5 s up to 5 minutes. This only slows someone using the app itself; a copied profile is
// protected by Argon2id, and by erase-after-N on the phone.

export const FREE_FAILURES = 5;
export const FIRST_DELAY_MS = 5_000;
export const MAX_DELAY_MS = 5 * 60_000;

/** Wait required after `consecutiveFailures` failures in a row: none after 1–4, then 5 s
 * after the 5th, 10 s after the 6th, 20 s, ... capped at 5 minutes. */
export function unlockDelayMs(consecutiveFailures: number): number {
  if (!(consecutiveFailures >= FREE_FAILURES)) return 0;
  const doublings = Math.min(consecutiveFailures - FREE_FAILURES, 16);
  return Math.min(FIRST_DELAY_MS * 2 ** doublings, MAX_DELAY_MS);
}

/**
 * Milliseconds until the next attempt is allowed. A last failure in the future (the clock
 * was turned back) counts as just now, so the wait never exceeds one full delay; the vault
 * also rewrites such a timestamp.
 */
export function msUntilNextAttempt(
  state: { consecutiveFailures: number; lastFailureAt: number | null },
  now: number = Date.now(),
): number {
  const delay = unlockDelayMs(state.consecutiveFailures);
  if (delay === 0 || state.lastFailureAt === null) return 0;
  const elapsed = Math.max(0, now - state.lastFailureAt);
  return Math.max(0, delay - elapsed);
}
