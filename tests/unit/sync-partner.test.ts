// Which organisation reports go to: the built-in profile, pairing links and their limits,
// the stored pairing re-verified on every read, and the build-time config file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nacl from 'tweetnacl';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../scripts/csp';
import { loadPartnerProfile } from '../../scripts/partner';
import {
  activePartner,
  checkPairing,
  endpointOrigin,
  fromBase64Url,
  type PartnerProfile,
  parsePartnerConfig,
  signProfile,
  toBase64Url,
} from '../../src/core/sync';

function org(endpoint: string, name = 'Safe Nights') {
  const box = nacl.box.keyPair();
  const sign = nacl.sign.keyPair();
  const profile: PartnerProfile = {
    name,
    endpoint,
    boxPublicKey: toBase64Url(box.publicKey),
    signPublicKey: toBase64Url(sign.publicKey),
  };
  const pair = (p: PartnerProfile = profile) => {
    const r = signProfile(p, sign.secretKey);
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };
  return { profile, pair, sign };
}

const APP = 'https://app.example.org';

describe('partner config file', () => {
  it('is validated, with the endpoint normalised', () => {
    const { profile } = org('https://reports.example.org');
    expect(parsePartnerConfig({ ...profile, endpoint: 'https://reports.example.org/' })).toEqual({
      ok: true,
      value: profile,
    });
    expect(parsePartnerConfig({ ...profile, endpoint: 'http://reports.example.org' })).toEqual({
      ok: false,
      error: 'bad_endpoint',
    });
    expect(parsePartnerConfig({ ...profile, boxPublicKey: 'short' }).ok).toBe(false);
    expect(parsePartnerConfig({ ...profile, name: '' }).ok).toBe(false);
    expect(parsePartnerConfig(null).ok).toBe(false);
    expect(endpointOrigin({ endpoint: 'https://reports.example.org/base' })).toBe(
      'https://reports.example.org',
    );
  });

  const dir = mkdtempSync(join(tmpdir(), 'nj-partner-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is read from NIGHTJAR_PARTNER; a bad file stops the build', () => {
    const { profile } = org('http://127.0.0.1:8787');
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(profile));
    expect(loadPartnerProfile({ NIGHTJAR_PARTNER: good })).toEqual(profile);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...profile, signPublicKey: 'x' }));
    expect(() => loadPartnerProfile({ NIGHTJAR_PARTNER: bad })).toThrow(
      /not valid \(bad_sign_key\)/,
    );
    writeFileSync(bad, '{nope');
    expect(() => loadPartnerProfile({ NIGHTJAR_PARTNER: bad })).toThrow(/JSON/);
    expect(() => loadPartnerProfile({ NIGHTJAR_PARTNER: join(dir, 'missing.json') })).toThrow();
  });

  it('puts exactly the partner origin in connect-src', () => {
    expect(contentSecurityPolicy('http://127.0.0.1:8787')).toContain(
      "connect-src 'self' http://127.0.0.1:8787;",
    );
    expect(contentSecurityPolicy(undefined)).toContain("connect-src 'self';");
  });
});

describe('pairing links', () => {
  it('without a built-in profile: accepted for the app’s own origin only', () => {
    const same = org(`${APP}/partner`);
    expect(checkPairing(same.pair(), { builtIn: null, appOrigin: APP })).toEqual({
      ok: true,
      value: same.profile,
    });
    const elsewhere = org('https://reports.example.org');
    expect(checkPairing(elsewhere.pair(), { builtIn: null, appOrigin: APP })).toEqual({
      ok: false,
      error: 'origin_not_allowed',
    });
  });

  it('with a built-in profile: only signed by its key, only to a reachable origin', () => {
    const built = org('https://reports.example.org');
    const ctx = { builtIn: built.profile, appOrigin: APP };
    // The organisation moves its endpoint path and rotates its box key, signed as before.
    const rotated: PartnerProfile = {
      ...built.profile,
      endpoint: 'https://reports.example.org/v2',
      boxPublicKey: toBase64Url(nacl.box.keyPair().publicKey),
    };
    expect(checkPairing(built.pair(rotated), ctx)).toEqual({ ok: true, value: rotated });
    // Another organisation (or an attacker) cannot swap the keys.
    const other = org('https://reports.example.org', 'Impostor');
    expect(checkPairing(other.pair(), ctx)).toEqual({ ok: false, error: 'unexpected_key' });
    // Even the right key cannot point the app at an origin the CSP does not allow.
    const away = { ...built.profile, endpoint: 'https://evil.example.net' };
    expect(checkPairing(built.pair(away), ctx)).toEqual({ ok: false, error: 'origin_not_allowed' });
    // Damage is refused.
    const payload = built.pair();
    const raw = fromBase64Url(payload) as Uint8Array;
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(checkPairing(toBase64Url(raw), ctx)).toEqual({ ok: false, error: 'bad_signature' });
  });

  it('a stored pairing is used only while it still verifies', () => {
    const built = org('https://reports.example.org');
    const ctx = { builtIn: built.profile, appOrigin: APP };
    expect(activePartner(null, ctx)).toEqual(built.profile);
    const renamed = { ...built.profile, name: 'Safe Nights Collective' };
    expect(activePartner(built.pair(renamed), ctx)).toEqual(renamed);
    // Edited in storage (here: a payload from another key): ignored, the built-in stands.
    expect(activePartner(org('https://reports.example.org').pair(), ctx)).toEqual(built.profile);
    expect(activePartner('garbage', ctx)).toEqual(built.profile);
    expect(activePartner(null, { builtIn: null, appOrigin: APP })).toBeNull();
  });
});
