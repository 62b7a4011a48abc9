// Partner profile: who reports go to, and the keys that are pinned at pairing.
//
//   profile   = { name, endpoint, boxPublicKey, signPublicKey }    (keys: base64url, 32 bytes)
//   body      = boxPk(32) ‖ signPk(32) ‖ u16be len ‖ endpoint UTF-8 ‖ u16be len ‖ name UTF-8
//   canonical = UTF-8(PROFILE_DOMAIN) ‖ 0x00 ‖ body            (what is signed)
//   payload   = base64url(0x01 ‖ body ‖ Ed25519 detached signature over canonical (64))
//   link      = <appOrigin>/#pair=<payload>   (the fragment never reaches a server)
// Binary rather than JSON keeps the link (~280 characters) and its QR code small.
//
// A pairing payload is self-signed: the signature proves the publisher holds the signing key
// named in it, not who the publisher is. Trust comes from comparing `fingerprint(profile)`
// with the organisation out of band (in person, by phone), or from `expectedSignKey` when a
// signing key is already pinned.
import { blake2bHex, constantTimeEqual, signDetached, verifyDetached } from '../crypto';
import { err, ok, type Result } from '../result';

export interface PartnerProfile {
  /** Organisation name as shown to the worker. */
  name: string;
  /** Base URL of the endpoint, e.g. https://reports.example.org (no trailing slash). */
  endpoint: string;
  /** X25519 public key that reports are sealed to (base64url, 32 bytes). */
  boxPublicKey: string;
  /** Ed25519 public key the organisation signs its profile and alerts with (base64url). */
  signPublicKey: string;
}

export const PROFILE_DOMAIN = 'nightjar-partner-profile/v1';
export const PAIRING_VERSION = 1;
export const MAX_NAME_LENGTH = 80;
export const MAX_PAYLOAD_LENGTH = 4096;
const FINGERPRINT_DOMAIN = 'nightjar-partner-fingerprint/v1';
/** 32 symbols without 0/O and 1/I, so a fingerprint can be read aloud and compared. */
export const FINGERPRINT_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export type ProfileError =
  | 'bad_name'
  | 'bad_endpoint'
  | 'bad_box_key'
  | 'bad_sign_key'
  | 'bad_secret_key';
export type PairingError =
  | ProfileError
  | 'bad_payload'
  | 'unsupported_version'
  | 'bad_signature'
  | 'unexpected_key';

// ---------------------------------------------------------------------------------------
// base64url (RFC 4648 §5, no padding). Strict decoding: wrong characters, padding or
// non-zero trailing bits are rejected, so every byte string has exactly one encoding.

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64URL_REV = new Int16Array(128).fill(-1);
for (let i = 0; i < B64URL.length; i++) B64URL_REV[B64URL.charCodeAt(i)] = i;

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out +=
      B64URL.charAt((n >>> 18) & 63) +
      B64URL.charAt((n >>> 12) & 63) +
      B64URL.charAt((n >>> 6) & 63);
    out += B64URL.charAt(n & 63);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] ?? 0) << 16;
    out += B64URL.charAt((n >>> 18) & 63) + B64URL.charAt((n >>> 12) & 63);
  } else if (rest === 2) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
    out +=
      B64URL.charAt((n >>> 18) & 63) +
      B64URL.charAt((n >>> 12) & 63) +
      B64URL.charAt((n >>> 6) & 63);
  }
  return out;
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (typeof text !== 'string' || text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? (B64URL_REV[c] ?? -1) : -1;
    if (v < 0) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >>> bits) & 0xff;
    }
  }
  if (bits > 0 && (acc & ((1 << bits) - 1)) !== 0) return null; // non-canonical tail
  return o === out.length ? out : out.slice(0, o);
}

function keyBytes(text: unknown, length: number): Uint8Array | null {
  if (typeof text !== 'string') return null;
  const bytes = fromBase64Url(text);
  return bytes !== null && bytes.length === length ? bytes : null;
}

// ---------------------------------------------------------------------------------------
// Validation

// C0/C1 controls, bidi overrides/isolates, zero-width and line/paragraph separators: a name
// must not be able to reorder or hide text around it.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to reject them
const UNSAFE_NAME = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/;

export function isValidName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    name.length > 0 &&
    name.length <= MAX_NAME_LENGTH &&
    name === name.trim() &&
    name === name.normalize('NFC') &&
    !UNSAFE_NAME.test(name)
  );
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Canonical endpoint form: origin + path without trailing slash, no credentials, query or
 * fragment; https only (http is allowed for loopback, for development).
 */
export function normalizeEndpoint(input: string): Result<string, 'bad_endpoint'> {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return err('bad_endpoint');
  }
  const httpOk = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !httpOk) return err('bad_endpoint');
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    return err('bad_endpoint');
  }
  const out = url.origin + url.pathname.replace(/\/+$/, '');
  return out.length <= 512 ? ok(out) : err('bad_endpoint');
}

/** Canonical app origin (scheme://host[:port]), same transport rules as the endpoint. */
export function normalizeAppOrigin(input: string): Result<string, 'bad_origin'> {
  const e = normalizeEndpoint(input);
  if (!e.ok) return err('bad_origin');
  const origin = new URL(e.value).origin;
  return e.value === origin ? ok(origin) : err('bad_origin');
}

export function validateProfile(p: unknown): Result<PartnerProfile, ProfileError> {
  if (typeof p !== 'object' || p === null) return err('bad_name');
  const o = p as Record<string, unknown>;
  if (!isValidName(o.name)) return err('bad_name');
  if (typeof o.endpoint !== 'string') return err('bad_endpoint');
  const e = normalizeEndpoint(o.endpoint);
  if (!e.ok || e.value !== o.endpoint) return err('bad_endpoint');
  if (keyBytes(o.boxPublicKey, 32) === null) return err('bad_box_key');
  if (keyBytes(o.signPublicKey, 32) === null) return err('bad_sign_key');
  return ok({
    name: o.name,
    endpoint: o.endpoint,
    boxPublicKey: o.boxPublicKey as string,
    signPublicKey: o.signPublicKey as string,
  });
}

// ---------------------------------------------------------------------------------------
// Signing and verification

const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function u16(n: number): Uint8Array {
  return new Uint8Array([(n >>> 8) & 0xff, n & 0xff]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** boxPk(32) ‖ signPk(32) ‖ u16 len ‖ endpoint ‖ u16 len ‖ name (UTF-8, big-endian lengths). */
function profileBody(p: PartnerProfile): Uint8Array {
  const endpoint = utf8.encode(p.endpoint);
  const name = utf8.encode(p.name);
  return concat([
    fromBase64Url(p.boxPublicKey) ?? new Uint8Array(32),
    fromBase64Url(p.signPublicKey) ?? new Uint8Array(32),
    u16(endpoint.length),
    endpoint,
    u16(name.length),
    name,
  ]);
}

/**
 * The exact bytes that are signed: UTF-8(PROFILE_DOMAIN) ‖ 0x00 ‖ profile body. Every field
 * has a fixed length or a length prefix, so no two profiles share a serialisation.
 */
export function canonicalProfileBytes(p: PartnerProfile): Uint8Array {
  return concat([utf8.encode(PROFILE_DOMAIN), new Uint8Array([0]), profileBody(p)]);
}

/** Pairing payload bytes: version(1) ‖ profile body ‖ signature(64), base64url-encoded. */
export function encodePairingPayload(p: PartnerProfile, signature: Uint8Array): string {
  return toBase64Url(concat([new Uint8Array([PAIRING_VERSION]), profileBody(p), signature]));
}

/** Parses a payload without checking anything but its structure. */
export function decodePairingPayload(
  payload: string,
): Result<
  { profile: PartnerProfile; signature: Uint8Array },
  'bad_payload' | 'unsupported_version'
> {
  if (typeof payload !== 'string' || payload.length > MAX_PAYLOAD_LENGTH) {
    return err('bad_payload');
  }
  const raw = fromBase64Url(payload);
  if (raw === null || raw.length < 1 + 64 + 2 + 2 + 64) return err('bad_payload');
  if (raw[0] !== PAIRING_VERSION) return err('unsupported_version');
  let o = 1;
  const take = (n: number): Uint8Array | null => {
    if (o + n > raw.length) return null;
    const out = raw.subarray(o, o + n);
    o += n;
    return out;
  };
  const takeText = (): string | null => {
    const len = take(2);
    if (len === null) return null;
    const bytes = take(((len[0] ?? 0) << 8) | (len[1] ?? 0));
    if (bytes === null) return null;
    try {
      return utf8Strict.decode(bytes);
    } catch {
      return null;
    }
  };
  const box = take(32);
  const sign = take(32);
  const endpoint = takeText();
  const name = takeText();
  const signature = take(64);
  if (box === null || sign === null || endpoint === null || name === null || signature === null) {
    return err('bad_payload');
  }
  if (o !== raw.length) return err('bad_payload'); // nothing may trail the signature
  return ok({
    profile: {
      name,
      endpoint,
      boxPublicKey: toBase64Url(box),
      signPublicKey: toBase64Url(sign),
    },
    signature: signature.slice(),
  });
}

/**
 * Signs a profile with the organisation's Ed25519 secret key (64 bytes, nacl.sign format)
 * and returns the pairing payload. The key must match `profile.signPublicKey`.
 */
export function signProfile(
  profile: PartnerProfile,
  signSecretKey: Uint8Array,
): Result<string, ProfileError> {
  const v = validateProfile(profile);
  if (!v.ok) return v;
  if (!(signSecretKey instanceof Uint8Array) || signSecretKey.length !== 64) {
    return err('bad_secret_key');
  }
  // nacl's 64-byte secret key carries its public key in the last 32 bytes.
  if (toBase64Url(signSecretKey.subarray(32)) !== v.value.signPublicKey) {
    return err('bad_secret_key');
  }
  const sig = signDetached(canonicalProfileBytes(v.value), signSecretKey);
  return ok(encodePairingPayload(v.value, sig));
}

/**
 * Verifies a pairing payload. Without `expectedSignKey` the payload is checked against the
 * signing key it names (then show `fingerprint` for the worker to compare); with it, the
 * profile must name exactly that key.
 */
export function verifyPairing(
  payload: string,
  expectedSignKey?: string | Uint8Array,
): Result<PartnerProfile, PairingError> {
  const decoded = decodePairingPayload(payload);
  if (!decoded.ok) return decoded;
  const profile = validateProfile(decoded.value.profile);
  if (!profile.ok) return profile;
  const signKey = keyBytes(profile.value.signPublicKey, 32);
  if (signKey === null) return err('bad_sign_key');
  if (expectedSignKey !== undefined) {
    const expected =
      typeof expectedSignKey === 'string' ? keyBytes(expectedSignKey, 32) : expectedSignKey;
    if (expected === null || expected.length !== 32 || !constantTimeEqual(expected, signKey)) {
      return err('unexpected_key');
    }
  }
  const good = verifyDetached(
    canonicalProfileBytes(profile.value),
    decoded.value.signature,
    signKey,
  );
  return good ? ok(profile.value) : err('bad_signature');
}

// ---------------------------------------------------------------------------------------
// Fingerprint and link

/**
 * Short, human-comparable fingerprint of both public keys: the first 80 bits of
 * BLAKE2b-256(domain ‖ boxPublicKey ‖ signPublicKey) in FINGERPRINT_ALPHABET, as
 * "XXXX-XXXX-XXXX-XXXX". Name and endpoint are covered by the signature instead.
 */
export async function fingerprint(
  profile: Pick<PartnerProfile, 'boxPublicKey' | 'signPublicKey'>,
): Promise<Result<string, ProfileError>> {
  const box = keyBytes(profile.boxPublicKey, 32);
  if (box === null) return err('bad_box_key');
  const sign = keyBytes(profile.signPublicKey, 32);
  if (sign === null) return err('bad_sign_key');
  const domain = utf8.encode(FINGERPRINT_DOMAIN);
  const input = new Uint8Array(domain.length + 64);
  input.set(domain, 0);
  input.set(box, domain.length);
  input.set(sign, domain.length + 32);
  const hex = await blake2bHex(input, 256);
  // 80 bits = 20 hex digits = 16 symbols of 5 bits.
  let bits = BigInt(`0x${hex.slice(0, 20)}`);
  let out = '';
  for (let i = 0; i < 16; i++) {
    out = FINGERPRINT_ALPHABET.charAt(Number(bits & 31n)) + out;
    bits >>= 5n;
  }
  return ok(`${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}-${out.slice(12, 16)}`);
}

export const PAIR_FRAGMENT_PREFIX = '#pair=';

/** `<appOrigin>/#pair=<payload>` */
export function pairingLink(appOrigin: string, payload: string): Result<string, 'bad_origin'> {
  const o = normalizeAppOrigin(appOrigin);
  if (!o.ok) return o;
  return ok(`${o.value}/${PAIR_FRAGMENT_PREFIX}${payload}`);
}

/** Extracts the payload from a pairing link or from a bare `#pair=…` fragment. */
export function payloadFromLink(link: string): Result<string, 'bad_payload'> {
  const at = link.indexOf(PAIR_FRAGMENT_PREFIX);
  if (at < 0) return err('bad_payload');
  const payload = link.slice(at + PAIR_FRAGMENT_PREFIX.length);
  return payload.length > 0 &&
    payload.length <= MAX_PAYLOAD_LENGTH &&
    /^[A-Za-z0-9_-]+$/.test(payload)
    ? ok(payload)
    : err('bad_payload');
}
