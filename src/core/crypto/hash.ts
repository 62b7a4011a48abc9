// Unkeyed BLAKE2b for fingerprints (hash-wasm). Not for passwords: those use Argon2id (kdf.ts).
import { blake2b } from 'hash-wasm';

/** BLAKE2b with an output of `bits` bits, as lowercase hex. */
export function blake2bHex(input: Uint8Array, bits: number): Promise<string> {
  return blake2b(input, bits);
}
