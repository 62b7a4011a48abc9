// The partner profile a build bakes in (read by vite.config.ts): the JSON file named by
// NIGHTJAR_PARTNER, else partner.json at the repo root if present, else none. A file that
// exists but does not validate stops the build with the reason: a deployment must never
// ship silently unable to send, or sending somewhere it did not mean to.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePartnerConfig } from '../src/core/sync/partner-config';
import type { PartnerProfile } from '../src/core/sync/profile';

export const PARTNER_ENV = 'NIGHTJAR_PARTNER';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function partnerConfigPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const named = env[PARTNER_ENV];
  if (named) return resolve(ROOT, named);
  const fallback = join(ROOT, 'partner.json');
  return existsSync(fallback) ? fallback : null;
}

export function loadPartnerProfile(env: NodeJS.ProcessEnv = process.env): PartnerProfile | null {
  const path = partnerConfigPath(env);
  if (path === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`Partner profile ${path} cannot be read as JSON: ${(e as Error).message}`);
  }
  const parsed = parsePartnerConfig(raw);
  if (!parsed.ok) {
    throw new Error(
      `Partner profile ${path} is not valid (${parsed.error}). It needs {name, endpoint ` +
        '(https, or http on localhost), boxPublicKey, signPublicKey (base64url, 32 bytes)}.',
    );
  }
  return parsed.value;
}
