// Reports sealed to the partner organisation: padding to a size bucket (padding.ts), then a
// libsodium-compatible sealed box (core/crypto/sealed-box.ts, interop proven in
// tests/unit/seal-interop.test.ts). The device keeps no key that can open what it sealed;
// only the partner's secret key can. Every report goes through `sealPadded`.
import {
  MAC_BYTES,
  type OpenError,
  openSealedBox,
  PUBLIC_KEY_BYTES,
  SEAL_OVERHEAD,
  SECRET_KEY_BYTES,
  type SealError,
  sealBox,
} from '../crypto';
import type { Result } from '../result';
import { isBucketSize, MAX_BUCKET, type PadError, pad, type UnpadError, unpad } from './padding';

export {
  MAC_BYTES,
  type OpenError,
  PUBLIC_KEY_BYTES,
  SEAL_OVERHEAD,
  SECRET_KEY_BYTES,
  type SealError,
};

/** Seals `msg` to the partner's box key. Does NOT pad: reports must go through `sealPadded`. */
export const sealForPartner = sealBox;
/** Opens a sealed box with the recipient's key pair (the partner's tools). */
export const openSealed = openSealedBox;

/** Pads `plain` to its size bucket, then seals it. This is what a report is sent as. */
export async function sealPadded(
  plain: Uint8Array,
  recipientPk: Uint8Array,
): Promise<Result<Uint8Array<ArrayBuffer>, SealError | PadError>> {
  const padded = pad(plain);
  if (!padded.ok) return padded;
  const sealed = await sealBox(padded.value, recipientPk);
  padded.value.fill(0);
  return sealed;
}

/** Opens a sealed, padded report and removes the padding. */
export async function openPadded(
  sealed: Uint8Array,
  recipientPk: Uint8Array,
  recipientSk: Uint8Array,
): Promise<Result<Uint8Array<ArrayBuffer>, OpenError | UnpadError>> {
  const opened = await openSealedBox(sealed, recipientPk, recipientSk);
  if (!opened.ok) return opened;
  const plain = unpad(opened.value);
  opened.value.fill(0);
  return plain;
}

/** True if `n` is a plausible sealed, padded body length: SEAL_OVERHEAD + a bucket size. */
export function isSealedBucketLength(n: number, maxBucket: number = MAX_BUCKET): boolean {
  return isBucketSize(n - SEAL_OVERHEAD, maxBucket);
}
