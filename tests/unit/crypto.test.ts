import { argon2id } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import {
  asEnvelope,
  asKey,
  asSalt,
  checkKdfCost,
  constantTimeEqual,
  deriveKey,
  ENVELOPE_MIN_BYTES,
  hashUnlockCode,
  KDF_DEFAULT,
  KDF_FLOOR,
  type KdfParams,
  openSecret,
  randomKey,
  randomSalt,
  sealSecret,
  utf8Decode,
  utf8Encode,
  wipe,
} from '../../src/core/crypto';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const fixedSalt = asSalt(Uint8Array.from({ length: 16 }, (_, i) => i));
const params = (salt = fixedSalt): KdfParams => ({ ...KDF_DEFAULT, salt });

describe('envelopes', () => {
  const key = randomKey();

  it('round-trips, including an empty plaintext', () => {
    for (const text of ['', 'a', 'incident report ✓ — ünïcode', 'x'.repeat(100_000)]) {
      const env = sealSecret(key, utf8Encode(text));
      const opened = openSecret(key, env);
      expect(opened.ok).toBe(true);
      if (opened.ok) expect(utf8Decode(opened.value)).toBe(text);
    }
  });

  it('lays out [0x01][24-byte nonce][secretbox]', () => {
    const env = sealSecret(key, new Uint8Array(5));
    expect(env[0]).toBe(0x01);
    expect(env.length).toBe(1 + 24 + 16 + 5);
    expect(ENVELOPE_MIN_BYTES).toBe(41);
  });

  it('10,000 seals of one plaintext give 10,000 distinct nonces and ciphertexts', () => {
    const plaintext = utf8Encode('same every time');
    const nonces = new Set<string>();
    const bodies = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const env = sealSecret(key, plaintext);
      nonces.add(hex(env.subarray(1, 25)));
      bodies.add(hex(env.subarray(25)));
    }
    expect(nonces.size).toBe(10_000);
    expect(bodies.size).toBe(10_000);
  });

  it('fails cleanly when any byte is flipped (every position, several masks)', () => {
    const env = sealSecret(key, utf8Encode('short'));
    for (let i = 0; i < env.length; i++) {
      for (const mask of [0x01, 0x80, 0xff]) {
        const bad = env.slice();
        bad[i] = (bad[i] as number) ^ mask;
        expect(openSecret(key, asEnvelope(bad))).toEqual({ ok: false, error: 'failed' });
      }
    }
    expect(openSecret(key, env).ok).toBe(true);
  });

  it('fails cleanly on truncation, extension, unknown version, wrong key and non-bytes', () => {
    const env = sealSecret(key, utf8Encode('hello'));
    for (let n = 0; n < env.length; n++) {
      expect(openSecret(key, asEnvelope(env.slice(0, n))).ok).toBe(false);
    }
    const longer = new Uint8Array(env.length + 1);
    longer.set(env);
    expect(openSecret(key, asEnvelope(longer)).ok).toBe(false);
    for (const version of [0x00, 0x02, 0xff]) {
      const other = env.slice();
      other[0] = version;
      expect(openSecret(key, asEnvelope(other)).ok).toBe(false);
    }
    expect(openSecret(randomKey(), env).ok).toBe(false);
    // Garbage from storage must not throw either.
    const wrongSizeKey = new Uint8Array(31) as unknown as ReturnType<typeof randomKey>;
    expect(openSecret(wrongSizeKey, env).ok).toBe(false);
    for (const junk of [null, undefined, 'text', [1, 2, 3], new ArrayBuffer(64), {}]) {
      expect(openSecret(key, junk as never)).toEqual({ ok: false, error: 'failed' });
    }
  });
});

describe('Argon2id key derivation', () => {
  it('hash-wasm reproduces the reference Argon2id vector (phc-winner-argon2 test.c)', async () => {
    const out = await argon2id({
      password: 'password',
      salt: 'somesalt',
      parallelism: 1,
      iterations: 2,
      memorySize: 65536,
      hashLength: 32,
      outputType: 'hex',
    });
    expect(out).toBe('09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7');
  });

  it('is pinned: m=64 MiB, t=3, p=1, NFC + UTF-8 (a change here locks every user out)', async () => {
    // Decomposed input (e + combining acute) must give the key of the composed form.
    const decomposed = 'cafe\u0301 au lait, s\u2019il vous pla\u0069\u0302t';
    const composed = decomposed.normalize('NFC');
    expect(composed).not.toBe(decomposed);
    const key = await deriveKey(decomposed, params());
    expect(hex(key)).toBe('e6acb349c4875f878a30ad681faa2f66a0d074395082a83d85228e4bdd1b7b67');
    const direct = await argon2id({
      password: utf8Encode(composed),
      salt: fixedSalt,
      parallelism: 1,
      iterations: 3,
      memorySize: 65536,
      hashLength: 32,
      outputType: 'binary',
    });
    expect(hex(key)).toBe(hex(direct));
  });

  it('default and floor are m=65536 KiB, t=3, p=1', () => {
    const expected = { alg: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 };
    expect(KDF_DEFAULT).toEqual(expected);
    expect(KDF_FLOOR).toEqual(expected);
    expect(Object.isFrozen(KDF_DEFAULT)).toBe(true);
  });

  it('refuses parameters below the floor or malformed, without deriving', async () => {
    const weak = [
      { ...KDF_DEFAULT, memoryKiB: 65535 },
      { ...KDF_DEFAULT, iterations: 2 },
      { ...KDF_DEFAULT, parallelism: 0 },
    ];
    for (const cost of weak) {
      expect(['weak', 'invalid']).toContain(checkKdfCost(cost));
      await expect(
        deriveKey('long enough passphrase', { ...cost, salt: fixedSalt }),
      ).rejects.toThrow(RangeError);
    }
    expect(checkKdfCost({ ...KDF_DEFAULT, memoryKiB: 1 })).toBe('weak');
    expect(checkKdfCost({ ...KDF_DEFAULT, memoryKiB: 2 ** 31 })).toBe('invalid');
    expect(checkKdfCost({ ...KDF_DEFAULT, iterations: 3.5 })).toBe('invalid');
    expect(checkKdfCost({ ...KDF_DEFAULT, alg: 'argon2i' })).toBe('invalid');
    expect(checkKdfCost(null)).toBe('invalid');
    expect(checkKdfCost(KDF_DEFAULT)).toBe('ok');
    await expect(
      deriveKey('long enough passphrase', { ...KDF_DEFAULT, salt: new Uint8Array(8) as never }),
    ).rejects.toThrow(RangeError);
  });
});

describe('unlock code hash', () => {
  it('is Argon2id 19 MiB / 2 passes, salted, deterministic for the same salt', async () => {
    const salt = randomSalt();
    const a = await hashUnlockCode('1234', salt);
    expect(a.length).toBe(32);
    expect(hex(await hashUnlockCode('1234', salt))).toBe(hex(a));
    expect(hex(await hashUnlockCode('1235', salt))).not.toBe(hex(a));
    expect(hex(await hashUnlockCode('1234', randomSalt()))).not.toBe(hex(a));
    const direct = await argon2id({
      password: '1234',
      salt,
      parallelism: 1,
      iterations: 2,
      memorySize: 19456,
      hashLength: 32,
      outputType: 'binary',
    });
    expect(hex(a)).toBe(hex(direct));
  });
});

describe('helpers', () => {
  it('random keys and salts have the right sizes and differ', () => {
    expect(randomKey().length).toBe(32);
    expect(randomSalt().length).toBe(16);
    expect(hex(randomKey())).not.toBe(hex(randomKey()));
  });

  it('brands check lengths', () => {
    expect(() => asKey(new Uint8Array(31))).toThrow(RangeError);
    expect(() => asSalt(new Uint8Array(32))).toThrow(RangeError);
    expect(asKey(new Uint8Array(32)).length).toBe(32);
  });

  it('wipe zeroes', () => {
    const k = randomKey();
    wipe(k);
    expect(k.every((b) => b === 0)).toBe(true);
    wipe(null);
  });

  it('constant-time compare', () => {
    expect(constantTimeEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 3))).toBe(true);
    expect(constantTimeEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 4))).toBe(false);
    expect(constantTimeEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2))).toBe(false);
    expect(constantTimeEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });

  it('utf8 round-trips and refuses invalid bytes', () => {
    const s = 'Zoë 🌙 ĳ';
    expect(utf8Decode(utf8Encode(s))).toBe(s);
    expect(() => utf8Decode(Uint8Array.of(0xff, 0xfe))).toThrow();
  });
});
