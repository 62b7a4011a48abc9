// The secret envelope, format version 1:
//
//   [0x01][24-byte random nonce][nacl.secretbox(plaintext, nonce, key)]
//
// XSalsa20-Poly1305 with a fresh random nonce per message: 192-bit nonces make random
// choice safe without a counter, so no state has to survive between sessions. The leading
// version byte lets a later construction live beside this one; any change to the bytes
// above gets a new version. Opening never throws: a short, unknown, altered or wrongly
// keyed envelope is one and the same failure, so callers cannot tell why (and neither can
// anyone probing them).

import nacl from 'tweetnacl';
import type { Result } from '../result';
import { randomNonce } from './random';
import { type Envelope, isBytes, type Key, NONCE_BYTES } from './types';

export const ENVELOPE_V1 = 0x01;
const HEADER_BYTES = 1 + NONCE_BYTES;
/** Smallest possible envelope: header plus the Poly1305 tag of an empty plaintext. */
export const ENVELOPE_MIN_BYTES = HEADER_BYTES + nacl.secretbox.overheadLength;

const FAILED: Result<never> = Object.freeze({ ok: false, error: 'failed' }) as Result<never>;

export function sealSecret(key: Key, plaintext: Uint8Array): Envelope {
  const nonce = randomNonce();
  const box = nacl.secretbox(plaintext, nonce, key);
  const out = new Uint8Array(HEADER_BYTES + box.length);
  out[0] = ENVELOPE_V1;
  out.set(nonce, 1);
  out.set(box, HEADER_BYTES);
  return out as Envelope;
}

export function openSecret(key: Key, envelope: Envelope): Result<Uint8Array> {
  if (!isBytes(envelope) || envelope.length < ENVELOPE_MIN_BYTES) return FAILED;
  if (envelope[0] !== ENVELOPE_V1) return FAILED;
  try {
    const nonce = envelope.subarray(1, HEADER_BYTES);
    const box = envelope.subarray(HEADER_BYTES);
    const plaintext = nacl.secretbox.open(box, nonce, key);
    return plaintext ? { ok: true, value: plaintext } : FAILED;
  } catch {
    // tweetnacl throws on a key of the wrong size or a non-Uint8Array argument.
    return FAILED;
  }
}
