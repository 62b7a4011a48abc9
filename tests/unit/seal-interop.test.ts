// Sealed boxes, padding and pairing: interop with libsodium (the reference implementation
// of crypto_box_seal) and the failure cases that must stay failures.
import sodium from 'libsodium-wrappers';
import nacl from 'tweetnacl';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  bucketFor,
  canonicalProfileBytes,
  decodePairingPayload,
  encodePairingPayload,
  FINGERPRINT_ALPHABET,
  fingerprint,
  fromBase64Url,
  isBucketSize,
  isSealedBucketLength,
  MAX_BUCKET,
  MIN_BUCKET,
  openPadded,
  openSealed,
  type PartnerProfile,
  pad,
  pairingLink,
  payloadFromLink,
  SEAL_OVERHEAD,
  sealForPartner,
  sealPadded,
  signProfile,
  toBase64Url,
  unpad,
  verifyPairing,
} from '../../src/core/sync';

beforeAll(async () => {
  await sodium.ready;
});

afterEach(() => {
  vi.restoreAllMocks();
});

function bytes(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.length).equals(
    Buffer.from(b.buffer, b.byteOffset, b.length),
  );
}

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(`unexpected error: ${String(r.error)}`);
  return r.value;
}

describe('sealed box interop with libsodium', () => {
  const sizes = [0, 1, 15, 16, 17, 100, 4096, 4100, 65_536 + 7];

  it.each(sizes)('Nightjar seal of %i bytes opens with crypto_box_seal_open', async (n) => {
    const kp = sodium.crypto_box_keypair();
    const msg = bytes(n, n + 3);
    const sealed = unwrap(await sealForPartner(msg, kp.publicKey));
    expect(sealed.length).toBe(n + SEAL_OVERHEAD);
    const opened = sodium.crypto_box_seal_open(sealed, kp.publicKey, kp.privateKey);
    expect(Buffer.from(opened).equals(Buffer.from(msg))).toBe(true);
  });

  it.each(sizes)('libsodium crypto_box_seal of %i bytes opens with openSealed', async (n) => {
    const kp = nacl.box.keyPair();
    const msg = bytes(n, n + 11);
    const sealed = sodium.crypto_box_seal(msg, kp.publicKey);
    const opened = unwrap(await openSealed(sealed, kp.publicKey, kp.secretKey));
    expect(Buffer.from(opened).equals(Buffer.from(msg))).toBe(true);
  });

  it('uses nonce = BLAKE2b-192(epk ‖ pk), i.e. crypto_box_seal exactly', async () => {
    const kp = nacl.box.keyPair();
    const msg = bytes(64, 5);
    const sealed = unwrap(await sealForPartner(msg, kp.publicKey));
    const epk = sealed.slice(0, 32);
    const nonce = sodium.crypto_generichash(24, new Uint8Array([...epk, ...kp.publicKey]), null);
    const box = nacl.box(msg, nonce, epk, kp.secretKey); // same DH key, other side
    expect(Buffer.from(sealed.subarray(32)).equals(Buffer.from(box))).toBe(true);
  });

  it('uses a fresh ephemeral key per message and wipes its secret key', async () => {
    const kp = nacl.box.keyPair();
    const made: nacl.BoxKeyPair[] = [];
    const real = nacl.box.keyPair;
    vi.spyOn(nacl.box, 'keyPair').mockImplementation(() => {
      const k = real();
      made.push(k);
      return k;
    });
    const a = unwrap(await sealForPartner(bytes(10), kp.publicKey));
    const b = unwrap(await sealForPartner(bytes(10), kp.publicKey));
    expect(made).toHaveLength(2);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    for (const k of made) expect(k.secretKey.every((x) => x === 0)).toBe(true);
  });

  it('fails on tampering in every region, truncation and the wrong key', async () => {
    const kp = nacl.box.keyPair();
    const sealed = unwrap(await sealPadded(bytes(300, 9), kp.publicKey));
    expect(unwrap(await openPadded(sealed, kp.publicKey, kp.secretKey))).toEqual(bytes(300, 9));
    const regions = {
      'ephemeral pk': [0, 7, 31],
      mac: [32, 40, 47],
      body: [48, 1000, sealed.length - 1],
    };
    for (const [region, positions] of Object.entries(regions)) {
      for (const pos of positions) {
        for (const bit of [0x01, 0x80]) {
          const t = sealed.slice();
          t[pos] = (t[pos] ?? 0) ^ bit;
          const r = await openSealed(t, kp.publicKey, kp.secretKey);
          expect(r.ok, `${region} byte ${pos} bit ${bit}`).toBe(false);
          expect(() => sodium.crypto_box_seal_open(t, kp.publicKey, kp.secretKey)).toThrow();
        }
      }
    }
    expect((await openSealed(sealed.slice(0, -1), kp.publicKey, kp.secretKey)).ok).toBe(false);
    expect((await openSealed(sealed.slice(0, 47), kp.publicKey, kp.secretKey)).ok).toBe(false);
    expect((await openSealed(new Uint8Array(0), kp.publicKey, kp.secretKey)).ok).toBe(false);
    const other = nacl.box.keyPair();
    expect((await openSealed(sealed, other.publicKey, other.secretKey)).ok).toBe(false);
    // Right secret key, wrong public key: the nonce differs, so it must fail too.
    expect((await openSealed(sealed, other.publicKey, kp.secretKey)).ok).toBe(false);
  });

  it('refuses low-order keys like libsodium and never throws on junk', async () => {
    const kp = nacl.box.keyPair();
    expect(await sealForPartner(bytes(5), new Uint8Array(32))).toEqual({
      ok: false,
      error: 'bad_public_key',
    });
    expect((await sealForPartner(bytes(5), new Uint8Array(31))).ok).toBe(false);
    const zeroEpk = new Uint8Array(48 + 10);
    expect(await openSealed(zeroEpk, kp.publicKey, kp.secretKey)).toEqual({
      ok: false,
      error: 'bad_public_key',
    });
    expect((await openSealed(bytes(100), new Uint8Array(3), kp.secretKey)).ok).toBe(false);
    const junk = null as unknown as Uint8Array;
    expect((await openSealed(junk, kp.publicKey, kp.secretKey)).ok).toBe(false);
    expect((await sealForPartner(bytes(5), junk)).ok).toBe(false);
  });

  it('sealPadded output is always SEAL_OVERHEAD + a bucket and opens in libsodium', async () => {
    const kp = sodium.crypto_box_keypair();
    for (const n of [0, 4092, 4093, 20_000]) {
      const sealed = unwrap(await sealPadded(bytes(n, n + 1), kp.publicKey));
      expect(sealed.length).toBe((bucketFor(n) ?? 0) + SEAL_OVERHEAD);
      expect(isSealedBucketLength(sealed.length)).toBe(true);
      const opened = sodium.crypto_box_seal_open(sealed, kp.publicKey, kp.privateKey);
      expect(unwrap(unpad(opened))).toEqual(bytes(n, n + 1));
    }
  });
});

describe('padding', () => {
  const edges = new Set<number>([0, 1, 2, 3, 4]);
  for (let b = MIN_BUCKET; b <= MAX_BUCKET; b *= 2) {
    for (const d of [-5, -4, -3, -1, 0, 1]) edges.add(b + d);
  }

  it.each([...edges].sort((a, b) => a - b))('round trips %i bytes onto a bucket edge', (n) => {
    const msg = bytes(n, n + 7);
    const result = pad(msg);
    if (n + 4 > MAX_BUCKET) {
      expect(result).toEqual({ ok: false, error: 'too_large' });
      return;
    }
    const padded = unwrap(result);
    expect(isBucketSize(padded.length)).toBe(true);
    // Smallest bucket that holds length prefix + message.
    expect(padded.length).toBeGreaterThanOrEqual(n + 4);
    expect(padded.length === MIN_BUCKET || padded.length / 2 < n + 4).toBe(true);
    expect(same(unwrap(unpad(padded)), msg)).toBe(true);
  });

  it('lands on the documented buckets', () => {
    expect(bucketFor(0)).toBe(4096);
    expect(bucketFor(4092)).toBe(4096);
    expect(bucketFor(4093)).toBe(8192);
    expect(bucketFor(8188)).toBe(8192);
    expect(bucketFor(8189)).toBe(16384);
    expect(bucketFor(MAX_BUCKET - 4)).toBe(MAX_BUCKET);
    expect(bucketFor(MAX_BUCKET - 3)).toBeNull();
  });

  it('the format is a 4-byte big-endian length, the data, then zeros', () => {
    const padded = unwrap(pad(new Uint8Array([9, 8, 7])));
    expect([...padded.subarray(0, 8)]).toEqual([0, 0, 0, 3, 9, 8, 7, 0]);
    expect(padded.subarray(7).every((x) => x === 0)).toBe(true);
    const big = unwrap(pad(new Uint8Array(0x010203)));
    expect([...big.subarray(0, 4)]).toEqual([0, 1, 2, 3]);
  });

  it('refuses what is too large and anything malformed', () => {
    expect(pad(new Uint8Array(MAX_BUCKET - 3))).toEqual({ ok: false, error: 'too_large' });
    expect(pad(new Uint8Array(5000), 4096)).toEqual({ ok: false, error: 'too_large' });
    const good = unwrap(pad(bytes(10)));
    expect(unpad(good.slice(0, 4095)).ok).toBe(false);
    expect(unpad(new Uint8Array(0)).ok).toBe(false);
    expect(unpad(new Uint8Array(3 * 4096)).ok).toBe(false);
    const dirty = good.slice();
    dirty[4095] = 1;
    expect(unpad(dirty)).toEqual({ ok: false, error: 'bad_filler' });
    const longLen = good.slice();
    longLen[2] = 0x10; // 4096 + 10 > 4092
    expect(unpad(longLen)).toEqual({ ok: false, error: 'bad_length' });
    const huge = good.slice();
    huge[0] = 0xff;
    expect(unpad(huge)).toEqual({ ok: false, error: 'bad_length' });
    // A larger bucket than needed is not canonical.
    const loose = new Uint8Array(8192);
    loose[3] = 10;
    expect(unpad(loose)).toEqual({ ok: false, error: 'bad_length' });
  });
});

describe('partner profile and pairing', () => {
  const signKp = nacl.sign.keyPair.fromSeed(new Uint8Array(32).fill(7));
  const boxKp = nacl.box.keyPair.fromSecretKey(new Uint8Array(32).fill(9));
  const profile: PartnerProfile = {
    name: 'Safe Nights Outreach',
    endpoint: 'https://reports.example.org',
    boxPublicKey: toBase64Url(boxKp.publicKey),
    signPublicKey: toBase64Url(signKp.publicKey),
  };

  function decode(p: string) {
    return unwrap(decodePairingPayload(p));
  }

  it('signature verifies, with and without the pinned key', () => {
    const payload = unwrap(signProfile(profile, signKp.secretKey));
    expect(unwrap(verifyPairing(payload))).toEqual(profile);
    expect(unwrap(verifyPairing(payload, profile.signPublicKey))).toEqual(profile);
    expect(unwrap(verifyPairing(payload, signKp.publicKey))).toEqual(profile);
    // An Ed25519 signature over the canonical bytes (checked independently with libsodium).
    const msg = canonicalProfileBytes(profile);
    expect(
      sodium.crypto_sign_verify_detached(decode(payload).signature, msg, signKp.publicKey),
    ).toBe(true);
    // Compact enough for a comfortable QR code.
    expect(payload.length).toBeLessThan(300);
  });

  it('a changed field fails', () => {
    const payload = unwrap(signProfile(profile, signKp.secretKey));
    const { signature } = decode(payload);
    const other = nacl.box.keyPair();
    const changes: Partial<PartnerProfile>[] = [
      { name: 'Safe Nights Outreach.' },
      { name: 'Safe Nights Outreac' },
      { endpoint: 'https://evil.example.org' },
      { endpoint: 'https://reports.example.org/x' },
      { boxPublicKey: toBase64Url(other.publicKey) },
    ];
    for (const change of changes) {
      const forged = encodePairingPayload({ ...profile, ...change }, signature);
      expect(verifyPairing(forged), JSON.stringify(change)).toEqual({
        ok: false,
        error: 'bad_signature',
      });
    }
    const flipped = signature.slice();
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(verifyPairing(encodePairingPayload(profile, flipped))).toEqual({
      ok: false,
      error: 'bad_signature',
    });
    // Every single-byte corruption of the payload fails one way or another.
    const raw = fromBase64Url(payload) ?? new Uint8Array();
    for (let i = 0; i < raw.length; i++) {
      const t = raw.slice();
      t[i] = (t[i] ?? 0) ^ 0x20;
      expect(verifyPairing(toBase64Url(t)).ok, `byte ${i}`).toBe(false);
    }
  });

  it('another key fails', () => {
    const mallory = nacl.sign.keyPair();
    // Mallory cannot sign a profile naming the organisation's key…
    expect(signProfile(profile, mallory.secretKey)).toEqual({ ok: false, error: 'bad_secret_key' });
    const sig = nacl.sign.detached(canonicalProfileBytes(profile), mallory.secretKey);
    expect(verifyPairing(encodePairingPayload(profile, sig))).toEqual({
      ok: false,
      error: 'bad_signature',
    });
    // …and a profile naming her own key fails against the pinned one.
    const hers = { ...profile, signPublicKey: toBase64Url(mallory.publicKey) };
    const herPayload = unwrap(signProfile(hers, mallory.secretKey));
    expect(verifyPairing(herPayload).ok).toBe(true);
    expect(verifyPairing(herPayload, profile.signPublicKey)).toEqual({
      ok: false,
      error: 'unexpected_key',
    });
  });

  it('rejects malformed payloads and unsafe profiles', () => {
    const payload = unwrap(signProfile(profile, signKp.secretKey));
    expect(verifyPairing('').ok).toBe(false);
    expect(verifyPairing('!!!').ok).toBe(false);
    expect(verifyPairing('a'.repeat(5000)).ok).toBe(false);
    const raw = fromBase64Url(payload) ?? new Uint8Array();
    const v2 = raw.slice();
    v2[0] = 2;
    expect(verifyPairing(toBase64Url(v2))).toEqual({ ok: false, error: 'unsupported_version' });
    const trailing = new Uint8Array([...raw, 0]);
    expect(verifyPairing(toBase64Url(trailing))).toEqual({ ok: false, error: 'bad_payload' });
    expect(verifyPairing(toBase64Url(raw.slice(0, -1)))).toEqual({
      ok: false,
      error: 'bad_payload',
    });
    expect(verifyPairing(toBase64Url(new TextEncoder().encode('[1,2]'))).ok).toBe(false);
    // A structurally valid payload with an unsafe name is refused even if correctly signed.
    const evil = { ...profile, name: 'Safe \u202eNights' };
    const evilSig = nacl.sign.detached(canonicalProfileBytes(evil), signKp.secretKey);
    expect(verifyPairing(encodePairingPayload(evil, evilSig))).toEqual({
      ok: false,
      error: 'bad_name',
    });
    for (const bad of [
      { ...profile, endpoint: 'http://reports.example.org' },
      { ...profile, endpoint: 'https://reports.example.org/' },
      { ...profile, endpoint: 'https://user:pw@reports.example.org' },
      { ...profile, name: 'Safe \u202eNights' },
      { ...profile, name: ' padded' },
      { ...profile, name: '' },
      { ...profile, boxPublicKey: 'short' },
    ]) {
      expect(signProfile(bad, signKp.secretKey).ok, JSON.stringify(bad)).toBe(false);
    }
  });

  it('fingerprint is stable, well formed and covers both keys', async () => {
    const fp = unwrap(await fingerprint(profile));
    expect(fp).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
    expect(unwrap(await fingerprint({ ...profile, name: 'Other' } as PartnerProfile))).toBe(fp);
    // Known answer (fixed keys above), recomputed independently with libsodium's BLAKE2b.
    const input = new Uint8Array([
      ...new TextEncoder().encode('nightjar-partner-fingerprint/v1'),
      ...boxKp.publicKey,
      ...signKp.publicKey,
    ]);
    const h = sodium.crypto_generichash(32, input, null);
    let bits = 0n;
    for (const b of h.subarray(0, 10)) bits = (bits << 8n) | BigInt(b);
    let ref = '';
    for (let i = 0; i < 16; i++) {
      ref = FINGERPRINT_ALPHABET[Number(bits & 31n)] + ref;
      bits >>= 5n;
    }
    expect(fp.replaceAll('-', '')).toBe(ref);
    expect(fp).toBe('EBM7-XMNY-X73M-RA3V');
    const swapped = { ...profile, boxPublicKey: toBase64Url(nacl.box.keyPair().publicKey) };
    expect(unwrap(await fingerprint(swapped))).not.toBe(fp);
    const swappedSign = { ...profile, signPublicKey: toBase64Url(nacl.sign.keyPair().publicKey) };
    expect(unwrap(await fingerprint(swappedSign))).not.toBe(fp);
  });

  it('pairing link carries the payload only in the fragment', () => {
    const payload = unwrap(signProfile(profile, signKp.secretKey));
    const link = unwrap(pairingLink('https://app.example.org/', payload));
    expect(link).toBe(`https://app.example.org/#pair=${payload}`);
    expect(new URL(link).pathname).toBe('/');
    expect(new URL(link).search).toBe('');
    expect(unwrap(payloadFromLink(link))).toBe(payload);
    expect(pairingLink('https://app.example.org/path', payload).ok).toBe(false);
    expect(payloadFromLink('https://app.example.org/').ok).toBe(false);
  });

  it('base64url is RFC 4648 §5 and strict', () => {
    for (let n = 0; n < 70; n++) {
      const b = bytes(n, n + 1);
      const enc = toBase64Url(b);
      expect(enc).toBe(Buffer.from(b).toString('base64url'));
      expect(fromBase64Url(enc)).toEqual(b);
    }
    expect(fromBase64Url('AB==')).toBeNull();
    expect(fromBase64Url('A')).toBeNull();
    expect(fromBase64Url('AB+/')).toBeNull();
    expect(fromBase64Url('AA')).toEqual(new Uint8Array([0]));
    expect(fromBase64Url('AB')).toBeNull(); // non-zero trailing bits
  });
});
