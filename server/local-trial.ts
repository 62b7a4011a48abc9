// The local trial organisation that `npm start` runs (scripts/start.ts): keys, passphrase,
// profile and reports database in one gitignored folder, so a newcomer can file a report
// in the app and read it back with `npm run partner -- inbox`. FOR LOCAL TRIAL ONLY: the
// passphrase sits next to the encrypted secret key, which defeats the point of it.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PartnerProfile } from '../src/core/sync/profile';
import { generateKeyFiles, loadPublicKeys, PUBLIC_FILE } from './keys';

/** Relative to the repository root (where npm runs scripts). */
export const TRIAL_DIR = join('.data', 'partner');

export interface TrialPaths {
  dir: string;
  passphrase: string;
  profile: string;
  db: string;
  readme: string;
}

export function trialPaths(root: string = process.cwd()): TrialPaths {
  const dir = resolve(root, TRIAL_DIR);
  return {
    dir,
    passphrase: join(dir, 'passphrase.txt'),
    profile: join(dir, 'profile.json'),
    db: join(dir, 'reports.db'),
    readme: join(dir, 'README.txt'),
  };
}

export function hasTrialKeys(paths: TrialPaths = trialPaths()): boolean {
  return existsSync(join(paths.dir, PUBLIC_FILE)) && existsSync(paths.passphrase);
}

const README = `Local trial partner organisation, created by \`npm start\`.

FOR LOCAL TRIAL ONLY. passphrase.txt holds the passphrase of partner-secret.json in clear,
right next to it, so anyone who can read this folder can read every report sent here.
A real organisation runs \`npm run partner -- keygen\` on its own machine, keeps the
passphrase in its head or a password manager and the secret key file off the server.

  partner-public.json   public keys (baked into the app by npm start, via profile.json)
  partner-secret.json   secret keys, encrypted under passphrase.txt
  profile.json          the profile the app is built with
  reports.db            what the local endpoint received (sealed; read with the inbox)

Read the reports:  npm run partner -- inbox
Start over:        stop npm start, delete this folder, run npm start again.
`;

/** Creates keys and a random passphrase on first run; later runs reuse them. */
export async function ensureTrialKeys(paths: TrialPaths = trialPaths()): Promise<boolean> {
  if (hasTrialKeys(paths)) return false;
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  const passphrase = randomBytes(24).toString('base64url');
  writeFileSync(paths.passphrase, `${passphrase}\n`, { mode: 0o600 });
  writeFileSync(paths.readme, README);
  await generateKeyFiles(paths.dir, passphrase);
  return true;
}

export function trialPassphrase(paths: TrialPaths = trialPaths()): string {
  return readFileSync(paths.passphrase, 'utf8').trim();
}

/** Writes the profile the app is built with. */
export function writeTrialProfile(
  endpoint: string,
  paths: TrialPaths = trialPaths(),
): { path: string; profile: PartnerProfile } {
  const pub = loadPublicKeys(paths.dir);
  const profile: PartnerProfile = {
    name: 'Local trial organisation',
    endpoint,
    boxPublicKey: pub.boxPublicKey,
    signPublicKey: pub.signPublicKey,
  };
  writeFileSync(paths.profile, `${JSON.stringify(profile, null, 2)}\n`);
  return { path: paths.profile, profile };
}
