// Backoff: the exponential schedule, its one-hour cap, full-jitter bounds, Retry-After.
import { describe, expect, it } from 'vitest';
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  backoffCeiling,
  backoffDelay,
  parseRetryAfter,
  retryDelay,
} from '../../src/core/sync';

describe('backoff', () => {
  it('doubles from one second per failed attempt', () => {
    expect(BACKOFF_BASE_MS).toBe(1_000);
    expect([1, 2, 3, 4, 5, 10].map(backoffCeiling)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 512_000,
    ]);
  });

  it('is capped at one hour, however many attempts', () => {
    expect(BACKOFF_CAP_MS).toBe(3_600_000);
    expect(backoffCeiling(12)).toBe(2_048_000);
    expect(backoffCeiling(13)).toBe(3_600_000);
    for (const n of [13, 20, 64, 1_000, 1e9, Number.POSITIVE_INFINITY]) {
      expect(backoffCeiling(n)).toBe(BACKOFF_CAP_MS);
      expect(backoffDelay(n, () => 0.999999)).toBeLessThan(BACKOFF_CAP_MS);
    }
    // Nonsense input waits like a first failure rather than never or forever.
    expect(backoffCeiling(0)).toBe(1_000);
    expect(backoffCeiling(-3)).toBe(1_000);
    expect(backoffCeiling(Number.NaN)).toBe(1_000);
  });

  it('uses full jitter: uniform in [0, ceiling), following the random source', () => {
    expect(backoffDelay(4, () => 0)).toBe(0);
    expect(backoffDelay(4, () => 0.5)).toBe(4_000);
    expect(backoffDelay(4, () => 0.999999)).toBe(7_999);
    // A broken random source cannot push it outside the bounds.
    expect(backoffDelay(4, () => 7)).toBeLessThan(8_000);
    expect(backoffDelay(4, () => -1)).toBe(0);
    expect(backoffDelay(4, () => Number.NaN)).toBe(4_000);
    for (let attempt = 1; attempt <= 20; attempt++) {
      const samples = Array.from({ length: 200 }, () => backoffDelay(attempt));
      for (const d of samples) {
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(backoffCeiling(attempt));
        expect(Number.isInteger(d)).toBe(true);
      }
      // Spread, not a constant: jitter really happens.
      if (attempt >= 3) expect(new Set(samples).size).toBeGreaterThan(50);
    }
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:30 GMT', now)).toBe(90_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0); // in the past
    for (const bad of [null, undefined, '', '-5', '1.5', 'soon', '12abc']) {
      expect(parseRetryAfter(bad, now), String(bad)).toBeNull();
    }
  });

  it('never retries sooner than Retry-After asks, and never later than the cap', () => {
    expect(retryDelay(1, 30_000, () => 0.5)).toBe(30_000);
    expect(retryDelay(12, 30_000, () => 0.9)).toBe(Math.floor(0.9 * 2_048_000));
    expect(retryDelay(3, null, () => 0.25)).toBe(1_000);
    expect(retryDelay(1, 86_400_000, () => 0)).toBe(BACKOFF_CAP_MS);
  });
});
