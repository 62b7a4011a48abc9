import { KEY_BYTES, type Key, NONCE_BYTES, type Nonce, SALT_BYTES, type Salt } from './types';

export function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return bytes;
}

export function randomKey(): Key {
  return randomBytes(KEY_BYTES) as Key;
}

export function randomNonce(): Nonce {
  return randomBytes(NONCE_BYTES) as Nonce;
}

export function randomSalt(): Salt {
  return randomBytes(SALT_BYTES) as Salt;
}
