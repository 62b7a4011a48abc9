// Small byte helpers. One encoder and one decoder are shared: creating them per record is
// measurable when thousands of records are decrypted in a row.

const encoder = new TextEncoder();
// fatal: bytes that are not valid UTF-8 are an error, never silently replaced.
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Throws TypeError on invalid UTF-8. */
export function utf8Decode(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** Overwrite with zeros. JavaScript cannot promise no copy survives, but ours do not. */
export function wipe(bytes: Uint8Array | null | undefined): void {
  bytes?.fill(0);
}

/**
 * Compare without an early exit, so the time taken does not say where the first difference
 * is. Lengths are not secret here (hashes and keys have fixed sizes).
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) {
    diff |= (a[i] as number) ^ (b[i] as number);
  }
  return diff === 0;
}
