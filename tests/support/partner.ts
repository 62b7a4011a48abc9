// A local partner organisation for the browser tests and the benchmark: fresh keys, the
// real endpoint on a loopback port, and an app build that has its profile baked in (its
// own output folder, served with the matching CSP header).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import nacl from 'tweetnacl';
import type { ServerOptions } from '../../server/app';
import { type PartnerProfile, toBase64Url } from '../../src/core/sync';
import { type Running, startServer } from '../server/helpers';
import { build, freePort, type Served, serve } from './serve';

export interface LocalPartner {
  box: nacl.BoxKeyPair;
  sign: nacl.SignKeyPair;
  profile: PartnerProfile;
  server: Running;
  app: Served;
  outDir: string;
  close(): Promise<void>;
}

/**
 * Starts the endpoint (rate limit off unless given), builds the app into `outDir` with a
 * profile pointing at `endpointFor(server)` (the server itself, or a proxy in front of
 * it), and serves that build.
 */
export async function startLocalPartner(options: {
  outDir: string;
  env?: Record<string, string>;
  server?: Partial<ServerOptions>;
  /** The endpoint to bake in; defaults to the server's own URL. */
  endpointFor?: (server: Running) => Promise<string> | string;
}): Promise<LocalPartner> {
  const appPort = await freePort();
  const appOrigin = `http://127.0.0.1:${appPort}`;
  const server = await startServer({ appOrigin, ...options.server });
  const box = nacl.box.keyPair();
  const sign = nacl.sign.keyPair();
  const endpoint = options.endpointFor ? await options.endpointFor(server) : server.base;
  const profile: PartnerProfile = {
    name: 'Local Test Partner',
    endpoint,
    boxPublicKey: toBase64Url(box.publicKey),
    signPublicKey: toBase64Url(sign.publicKey),
  };
  mkdirSync(dirname(options.outDir), { recursive: true });
  const profilePath = `${options.outDir}.partner.json`;
  writeFileSync(profilePath, JSON.stringify(profile));
  build({ NIGHTJAR_PARTNER: profilePath, ...options.env }, options.outDir);
  // The preview server reads vite.config.ts, which reads NIGHTJAR_PARTNER for its headers.
  const before = process.env.NIGHTJAR_PARTNER;
  process.env.NIGHTJAR_PARTNER = profilePath;
  let app: Served;
  try {
    app = await serve(appPort, '127.0.0.1', options.outDir);
  } finally {
    if (before === undefined) delete process.env.NIGHTJAR_PARTNER;
    else process.env.NIGHTJAR_PARTNER = before;
  }
  return {
    box,
    sign,
    profile,
    server,
    app,
    outDir: options.outDir,
    async close() {
      await app.close();
      await server.close();
    },
  };
}
