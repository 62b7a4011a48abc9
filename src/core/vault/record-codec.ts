// How a record is sealed. secretbox has no associated data, so the clear fields of the row
// (id, kind) are repeated inside the plaintext with the schema version, and compared after
// decryption: a ciphertext copied to another id, or relabelled as another kind, opens fine
// but is refused as damaged.
//
//   plaintext = UTF-8 JSON { v, id, kind, data }
//
// Decoding is the hot path when a list of thousands is opened: one shared decoder, no
// per-record allocations beyond what secretbox and JSON.parse need.

import {
  asEnvelope,
  type Key,
  openSecret,
  sealSecret,
  utf8Decode,
  utf8Encode,
  wipe,
} from '../crypto';
import type { Result } from '../result';
import type { RecordRow } from '../storage';

export interface VaultRecord {
  id: string;
  kind: string;
  /** Schema version of `data`, chosen by the feature that wrote it. */
  v: number;
  data: unknown;
}

const DAMAGED: Result<never, 'damaged'> = Object.freeze({ ok: false, error: 'damaged' });

/** Binary would silently turn into {"0":…} objects in JSON; callers must encode it first. */
function refuseBinary(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    throw new TypeError('Record data must be JSON: encode binary (e.g. base64) first');
  }
  return value;
}

export function sealRecord(
  key: Key,
  id: string,
  kind: string,
  data: unknown,
  v: number,
): RecordRow {
  if (typeof id !== 'string' || id === '') throw new TypeError('Record id must be a string');
  if (typeof kind !== 'string' || kind === '') throw new TypeError('Record kind must be a string');
  if (!Number.isSafeInteger(v) || v < 1) throw new TypeError('Schema version must be 1 or more');
  const plaintext = utf8Encode(JSON.stringify({ v, id, kind, data }, refuseBinary));
  try {
    return { id, kind, ciphertext: sealSecret(key, plaintext) };
  } finally {
    wipe(plaintext);
  }
}

export function openRecord(key: Key, row: RecordRow): Result<VaultRecord, 'damaged'> {
  const opened = openSecret(key, asEnvelope(row.ciphertext));
  if (!opened.ok) return DAMAGED;
  try {
    const parsed: unknown = JSON.parse(utf8Decode(opened.value));
    if (typeof parsed !== 'object' || parsed === null) return DAMAGED;
    const { v, id, kind, data } = parsed as Record<string, unknown>;
    if (id !== row.id || kind !== row.kind) return DAMAGED;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) return DAMAGED;
    return { ok: true, value: { id, kind, v, data } };
  } catch {
    return DAMAGED;
  } finally {
    wipe(opened.value);
  }
}
