// Ingest benchmark: reports/s the endpoint stores, against a bare Fastify PUT that stores
// nothing. Each server runs in its own child process; autocannon runs here.
//
//   ./node_modules/.bin/tsx server/bench-ingest.ts [--seconds 5] [--connections 16]
//                                                  [--synchronous FULL|NORMAL]
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildServer } from './app';
import { openStore } from './store';

const BODY_BYTES = 4096 + 48; // the smallest sealed, padded report
const TARGET = 3_000;

async function runChild(mode: string, db: string, sync: 'FULL' | 'NORMAL'): Promise<void> {
  let app: Awaited<ReturnType<typeof buildServer>>;
  if (mode === 'endpoint') {
    app = await buildServer({
      db,
      appOrigin: 'https://app.example.org',
      rateLimit: { max: 100_000_000, timeWindow: 60_000 }, // keep the limiter in the path
      synchronous: sync,
    });
  } else {
    // Same body handling, nothing stored: the ceiling for this machine.
    app = Fastify({ bodyLimit: 8 * 1024 * 1024 + 48 });
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_r, b, done) =>
      done(null, b),
    );
    app.put('/v1/reports/:id', async (_req, reply) => reply.code(201).send({ stored: true }));
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`PORT ${(app.server.address() as AddressInfo).port}\n`);
  const stop = () => {
    app.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

function startChild(args: string[]): Promise<{ child: ChildProcess; port: number }> {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, [...process.execArgv, self, '--child', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
      const m = /PORT (\d+)/.exec(out);
      if (m?.[1]) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`child exited (${code}) before listening`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function load(port: number, seconds: number, connections: number) {
  const body = randomBytes(BODY_BYTES);
  const run = () =>
    autocannon({
      url: `http://127.0.0.1:${port}`,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'PUT',
          headers: { 'content-type': 'application/octet-stream' },
          body,
          setupRequest: (req) => ({ ...req, path: `/v1/reports/${randomUUID()}` }),
        },
      ],
    });
  await autocannonWarmup(port);
  const r = await run();
  const ok = r['2xx'];
  return { perSecond: ok / r.duration, ok, non2xx: r.non2xx, errors: r.errors, p99: r.latency.p99 };
}

async function autocannonWarmup(port: number): Promise<void> {
  await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: 4,
    duration: 1,
    requests: [
      {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream' },
        body: randomBytes(BODY_BYTES),
        setupRequest: (req) => ({ ...req, path: `/v1/reports/${randomUUID()}` }),
      },
    ],
  });
}

export interface IngestBench {
  bodyBytes: number;
  connections: number;
  seconds: number;
  synchronous: 'FULL' | 'NORMAL';
  stored: Awaited<ReturnType<typeof load>>;
  baseline: Awaited<ReturnType<typeof load>>;
  rowCount: number;
  ratio: number;
  target: number;
}

/** Measures the endpoint (storing, in a child process) and a bare Fastify PUT, in turn. */
export async function runIngestBench(
  options: { seconds?: number; connections?: number; synchronous?: 'FULL' | 'NORMAL' } = {},
): Promise<IngestBench> {
  const seconds = options.seconds ?? 5;
  const connections = options.connections ?? 16;
  const sync = options.synchronous ?? 'FULL';
  const dir = mkdtempSync(join(tmpdir(), 'nightjar-bench-'));
  const db = join(dir, 'bench.db');
  try {
    const endpoint = await startChild(['endpoint', '--db', db, '--synchronous', sync]);
    const stored = await load(endpoint.port, seconds, connections);
    await stopChild(endpoint.child);
    const rows = openStore(db, { readonly: true });
    const rowCount = rows.count();
    rows.close();

    const bare = await startChild(['bare']);
    const baseline = await load(bare.port, seconds, connections);
    await stopChild(bare.child);
    return {
      bodyBytes: BODY_BYTES,
      connections,
      seconds,
      synchronous: sync,
      stored,
      baseline,
      rowCount,
      ratio: stored.perSecond / baseline.perSecond,
      target: TARGET,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      db: { type: 'string' },
      seconds: { type: 'string', default: '5' },
      connections: { type: 'string', default: '16' },
      synchronous: { type: 'string', default: 'FULL' },
    },
  });
  const sync = values.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL';
  if (values.child) {
    await runChild(values.child, values.db ?? ':memory:', sync);
    return;
  }
  const r = await runIngestBench({
    seconds: Number(values.seconds),
    connections: Number(values.connections),
    synchronous: sync,
  });
  const { stored, baseline } = r;
  const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
  console.log(
    `body ${r.bodyBytes} B, ${r.connections} connections, ${r.seconds} s each, SQLite WAL synchronous=${sync}`,
  );
  console.log(
    `endpoint (stores): ${fmt(stored.perSecond)} reports/s  (2xx ${stored.ok}, non-2xx ${stored.non2xx}, errors ${stored.errors}, p99 ${stored.p99} ms, rows ${r.rowCount})`,
  );
  console.log(
    `bare Fastify PUT:  ${fmt(baseline.perSecond)} req/s      (2xx ${baseline.ok}, non-2xx ${baseline.non2xx}, errors ${baseline.errors}, p99 ${baseline.p99} ms)`,
  );
  console.log(`ratio endpoint/bare: ${r.ratio.toFixed(2)}`);
  console.log(
    `target ≥ ${fmt(TARGET)} reports/s: ${stored.perSecond >= TARGET ? 'met' : 'NOT met'}`,
  );
  if (stored.non2xx > 0 || stored.errors > 0) process.exitCode = 1;
}

// Runs as a script (and as its own child processes); importing it runs nothing.
const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
