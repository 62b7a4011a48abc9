// Shared helpers for the server tests: start the real endpoint on a free loopback port.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildServer, type ServerOptions } from '../../server/app';
import { openStore, type ReportStore } from '../../server/store';

export const APP_ORIGIN = 'https://app.example.org';
export const OCTET = { 'content-type': 'application/octet-stream' };

export interface Running {
  app: FastifyInstance;
  store: ReportStore;
  port: number;
  base: string;
  close(): Promise<void>;
}

export async function startServer(options: Partial<ServerOptions> = {}): Promise<Running> {
  const store = typeof options.db === 'object' ? options.db : openStore(options.db ?? ':memory:');
  const app = await buildServer({ appOrigin: APP_ORIGIN, rateLimit: false, ...options, db: store });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, store, port, base: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** A body of the sealed size for a padding bucket (random bytes stand in for a sealed box). */
export function sealedSizedBody(bucket = 4096): Uint8Array<ArrayBuffer> {
  return new Uint8Array(randomBytes(bucket + 48));
}
