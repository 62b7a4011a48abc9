// Which organisation reports go to.
//
// Decisions:
// - A deployment bakes its partner profile in at build time (vite.config.ts reads
//   NIGHTJAR_PARTNER or partner.json, validates it with `parsePartnerConfig`, defines
//   __NIGHTJAR_PARTNER__ and puts the endpoint's origin in the CSP's connect-src). With no
//   profile the app works and sends nothing.
// - A pairing link (`#pair=`) may set or update the profile. It is accepted only if its
//   endpoint is an origin the CSP lets the app reach (the built-in partner's, or the app's
//   own), and, when a profile is built in, only if it is signed by the built-in signing key:
//   a link cannot swap the organisation's keys behind the worker's back.
// - The confirmed pairing is stored as the signed payload, not as a profile, and verified
//   again on every read (page and service worker), with the same rules: a profile edited
//   in storage is ignored rather than trusted.
import { err, ok, type Result } from '../result';
import {
  normalizeEndpoint,
  type PairingError,
  type PartnerProfile,
  type ProfileError,
  validateProfile,
  verifyPairing,
} from './profile';

declare const __NIGHTJAR_PARTNER__: unknown;

/** Validates a profile read from a config file; the endpoint is normalised first. */
export function parsePartnerConfig(raw: unknown): Result<PartnerProfile, ProfileError> {
  if (typeof raw !== 'object' || raw === null) return err('bad_name');
  const o = raw as Record<string, unknown>;
  if (typeof o.endpoint !== 'string') return err('bad_endpoint');
  const endpoint = normalizeEndpoint(o.endpoint);
  if (!endpoint.ok) return err('bad_endpoint');
  return validateProfile({
    name: typeof o.name === 'string' ? o.name.normalize('NFC').trim() : o.name,
    endpoint: endpoint.value,
    boxPublicKey: o.boxPublicKey,
    signPublicKey: o.signPublicKey,
  });
}

/** The profile baked into this build, or null. */
export function builtInPartner(): PartnerProfile | null {
  const raw = typeof __NIGHTJAR_PARTNER__ === 'undefined' ? null : __NIGHTJAR_PARTNER__;
  if (raw === null) return null;
  const parsed = parsePartnerConfig(raw);
  return parsed.ok ? parsed.value : null;
}

export function endpointOrigin(profile: Pick<PartnerProfile, 'endpoint'>): string {
  return new URL(profile.endpoint).origin;
}

export type PairingRefusal = PairingError | 'origin_not_allowed';

export interface PartnerContext {
  builtIn: PartnerProfile | null;
  /** The app's own origin (location.origin / self.location.origin). */
  appOrigin: string;
}

/** Verifies a pairing payload under the rules above. */
export function checkPairing(
  payload: string,
  ctx: PartnerContext,
): Result<PartnerProfile, PairingRefusal> {
  const verified = verifyPairing(payload, ctx.builtIn?.signPublicKey);
  if (!verified.ok) return verified;
  const origin = endpointOrigin(verified.value);
  const allowed =
    origin === ctx.appOrigin || (ctx.builtIn && origin === endpointOrigin(ctx.builtIn));
  return allowed ? ok(verified.value) : err('origin_not_allowed');
}

/** The profile in force: a confirmed pairing that still verifies, else the built-in one. */
export function activePartner(
  storedPayload: string | null,
  ctx: PartnerContext,
): PartnerProfile | null {
  if (storedPayload !== null) {
    const paired = checkPairing(storedPayload, ctx);
    if (paired.ok) return paired.value;
  }
  return ctx.builtIn;
}
