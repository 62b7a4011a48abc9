// When to try a failed send again. Exponential backoff with full jitter: after the n-th
// failed attempt the wait is uniform in [0, min(CAP, BASE · 2^(n-1))). Full jitter spreads
// phones that went offline together, so they do not all come back in the same second.
// The cap is one hour: a report should never wait longer than that once the network works.
//
// A Retry-After header (seconds, or an HTTP date) is honoured: the wait is never shorter
// than it asks. It is clamped to the same cap, so a misconfigured server cannot park a
// report for days.

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 60 * 60_000;

/** Upper bound of the wait after `attempt` failed attempts (attempt ≥ 1). */
export function backoffCeiling(attempt: number): number {
  const n = Number.isNaN(attempt) ? 1 : Math.max(1, Math.floor(attempt));
  // 2^22 s already exceeds the cap; stop doubling before the number gets silly.
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(n - 1, 22));
}

/** Full jitter: uniform in [0, ceiling). `random` returns [0, 1), like Math.random. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const r = random();
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1 - Number.EPSILON) : 0.5;
  return Math.floor(unit * backoffCeiling(attempt));
}

/**
 * Milliseconds a Retry-After header asks to wait, or null when absent or unreadable.
 * Accepts delta-seconds ("120") or an HTTP date; a date in the past means 0.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return null; // "-5", "1.5": not a valid header
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The wait before the next attempt: the jittered backoff, at least Retry-After, at most the cap. */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number {
  const jittered = backoffDelay(attempt, random);
  const wanted = retryAfterMs === null ? jittered : Math.max(jittered, retryAfterMs);
  return Math.min(wanted, BACKOFF_CAP_MS);
}
