// Sending: (a) the endpoint's ingest rate against a bare Fastify PUT that stores nothing
// (server/bench-ingest.ts, each server in its own process, autocannon here); (b) 1,000
// queued reports delivered from Chromium to the local endpoint (SQLite on disk,
// synchronous=FULL) by the app's own sender, through a bench-only hook (src/bench/sync.ts)
// in a build with a partner profile baked in.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIngestBench } from '../../server/bench-ingest';
import { launch } from '../support/browser';
import { startLocalPartner } from '../support/partner';
import { ROOT } from '../support/serve';
import { median, ms, type Row } from './stats';

const REPORTS = 1_000;
const TRIALS = 3;

type Hooks = {
  seedOutbox(n: number, boxPublicKey: string): Promise<string[]>;
  flushAll(endpoint: string): Promise<{ ms: number; sent: number; left: number; passes: number }>;
};

export async function benchSync(): Promise<Row[]> {
  const rows: Row[] = [];
  const ingest = await runIngestBench({ seconds: 5, connections: 16 });
  const perSecond = ingest.stored.perSecond;
  rows.push(
    {
      section: 'sync',
      metric: `endpoint ingest, ${ingest.bodyBytes} B bodies, ${ingest.connections} conns, SQLite FULL (bare Fastify PUT)`,
      value: `${Math.round(perSecond)}/s (${Math.round(ingest.baseline.perSecond)}/s)`,
      target: '≥ 3000/s',
      verdict: perSecond >= 3000 && ingest.stored.non2xx === 0 ? 'PASS' : 'FAIL',
    },
    {
      section: 'sync',
      metric: 'endpoint ingest / bare Fastify route',
      value: `${ingest.ratio.toFixed(2)}×`,
    },
  );

  const outDir = join(ROOT, 'node_modules', '.cache', 'nightjar-bench-sync');
  const dataDir = mkdtempSync(join(tmpdir(), 'nj-bench-sync-'));
  const partner = await startLocalPartner({
    outDir,
    env: { VITE_BENCH_HOOKS: '1' },
    server: { db: join(dataDir, 'reports.db') },
  });
  const browser = await launch();
  try {
    const { page } = browser;
    await page.goto(`${partner.app.url}/`);
    await page.waitForFunction(() => '__nightjarBenchSync' in window, undefined, {
      timeout: 20_000,
    });
    const times: number[] = [];
    let delivered = 0;
    for (let i = 0; i < TRIALS; i++) {
      await page.evaluate(
        ([n, key]) =>
          (window as unknown as { __nightjarBenchSync: Hooks }).__nightjarBenchSync.seedOutbox(
            n as number,
            key as string,
          ),
        [REPORTS, partner.profile.boxPublicKey] as const,
      );
      const before = partner.server.store.count();
      const r = await page.evaluate(
        (endpoint) =>
          (window as unknown as { __nightjarBenchSync: Hooks }).__nightjarBenchSync.flushAll(
            endpoint,
          ),
        partner.profile.endpoint,
      );
      if (r.left !== 0) throw new Error(`${r.left} reports left in the outbox`);
      delivered = partner.server.store.count() - before;
      if (delivered !== REPORTS) throw new Error(`server stored ${delivered}, expected ${REPORTS}`);
      times.push(r.ms);
    }
    const m = median(times);
    rows.push({
      section: 'sync',
      metric: `${REPORTS} queued reports delivered, Chromium → local endpoint (median of ${TRIALS})`,
      value: ms(m),
      target: '< 10 s',
      verdict: m < 10_000 ? 'PASS' : 'FAIL',
    });
  } finally {
    await browser.close();
    await partner.close();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(`${outDir}.partner.json`, { force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}
