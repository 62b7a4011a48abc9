// Branded byte arrays: a Key, a Nonce, a Salt and an Envelope are all Uint8Arrays at run
// time, but the type checker refuses to pass one where another is expected. The only way to
// make one is through the constructors below, which check the length.

declare const brand: unique symbol;
type Branded<T, B extends string> = T & { readonly [brand]: B };

export type Key = Branded<Uint8Array, 'Key'>;
export type Nonce = Branded<Uint8Array, 'Nonce'>;
export type Salt = Branded<Uint8Array, 'Salt'>;
/** A versioned secretbox envelope: [version][nonce][secretbox output]. */
export type Envelope = Branded<Uint8Array, 'Envelope'>;

export const KEY_BYTES = 32;
export const NONCE_BYTES = 24;
export const SALT_BYTES = 16;

/** True for a Uint8Array from any realm (IndexedDB hands back structured clones). */
export function isBytes(value: unknown): value is Uint8Array {
  return Object.prototype.toString.call(value) === '[object Uint8Array]';
}

function exactly(bytes: Uint8Array, length: number, what: string): void {
  if (!isBytes(bytes) || bytes.length !== length) {
    throw new RangeError(`${what} must be ${length} bytes`);
  }
}

export function asKey(bytes: Uint8Array): Key {
  exactly(bytes, KEY_BYTES, 'Key');
  return bytes as Key;
}

export function asNonce(bytes: Uint8Array): Nonce {
  exactly(bytes, NONCE_BYTES, 'Nonce');
  return bytes as Nonce;
}

export function asSalt(bytes: Uint8Array): Salt {
  exactly(bytes, SALT_BYTES, 'Salt');
  return bytes as Salt;
}

/** Any byte string may claim to be an envelope; openSecret decides whether it is one. */
export function asEnvelope(bytes: Uint8Array): Envelope {
  return bytes as Envelope;
}
