// Padding to size buckets, so a network observer (or the partner's server) learns only a
// coarse size class of a report, never its length.
//
// Format (version 1), for a message of n bytes:
//   [ n as 4-byte unsigned big-endian ][ n message bytes ][ zero bytes ... ]
// The total is the smallest bucket B with n + 4 <= B, where the buckets are the powers of two
// from 4 KiB: 4096, 8192, 16384, ... up to MAX_BUCKET (8 MiB). `unpad` is strict: the input
// must be exactly a bucket size, the length must fit, and every filler byte must be zero.

import { err, ok, type Result } from '../result';

/** Smallest bucket (4 KiB). */
export const MIN_BUCKET = 4096;
/** Largest bucket (8 MiB). The server's default body limit is MAX_BUCKET + SEAL_OVERHEAD. */
export const MAX_BUCKET = 8 * 1024 * 1024;
/** Bytes used by the length prefix. */
export const LENGTH_PREFIX = 4;

export type PadError = 'too_large';
export type UnpadError = 'bad_size' | 'bad_length' | 'bad_filler';

/** True if n is one of the bucket sizes (a power of two, >= MIN_BUCKET, <= maxBucket). */
export function isBucketSize(n: number, maxBucket: number = MAX_BUCKET): boolean {
  if (!Number.isSafeInteger(n) || n < MIN_BUCKET || n > maxBucket) return false;
  // Powers of two up to 2^52 are exact in doubles; avoid 32-bit bitwise ops for large n.
  return Number.isInteger(Math.log2(n)) && 2 ** Math.log2(n) === n;
}

/** The bucket a message of `length` bytes pads to, or null if it exceeds maxBucket. */
export function bucketFor(length: number, maxBucket: number = MAX_BUCKET): number | null {
  if (!Number.isSafeInteger(length) || length < 0) return null;
  const needed = length + LENGTH_PREFIX;
  let bucket = MIN_BUCKET;
  while (bucket < needed) bucket *= 2;
  return bucket <= maxBucket ? bucket : null;
}

/** Pads `data` to its bucket. Returns a new array; `data` is not modified. */
export function pad(
  data: Uint8Array,
  maxBucket: number = MAX_BUCKET,
): Result<Uint8Array<ArrayBuffer>, PadError> {
  const bucket = bucketFor(data.length, maxBucket);
  if (bucket === null) return err('too_large');
  const out = new Uint8Array(bucket); // zero-filled
  const n = data.length;
  out[0] = (n >>> 24) & 0xff;
  out[1] = (n >>> 16) & 0xff;
  out[2] = (n >>> 8) & 0xff;
  out[3] = n & 0xff;
  out.set(data, LENGTH_PREFIX);
  return ok(out);
}

/** Reverses `pad`. Returns a copy of the message bytes. */
export function unpad(
  padded: Uint8Array,
  maxBucket: number = MAX_BUCKET,
): Result<Uint8Array<ArrayBuffer>, UnpadError> {
  if (!isBucketSize(padded.length, maxBucket)) return err('bad_size');
  const n =
    (padded[0] ?? 0) * 0x1000000 +
    ((padded[1] ?? 0) << 16) +
    ((padded[2] ?? 0) << 8) +
    (padded[3] ?? 0);
  if (n > padded.length - LENGTH_PREFIX) return err('bad_length');
  // Must be the smallest bucket that fits: a larger one means the sender did not follow
  // the scheme (and would leak nothing extra, but we refuse anything non-canonical).
  if (bucketFor(n, maxBucket) !== padded.length) return err('bad_length');
  let filler = 0;
  for (let i = LENGTH_PREFIX + n; i < padded.length; i++) filler |= padded[i] ?? 0;
  if (filler !== 0) return err('bad_filler');
  return ok(padded.slice(LENGTH_PREFIX, LENGTH_PREFIX + n));
}
