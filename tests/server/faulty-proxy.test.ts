// 1,000 queued reports through a proxy that drops answers after the server stored the
// report, resets connections, answers 500 and stalls past the client's timeout, at random.
// The real sender (fake-indexeddb outbox, real fetch, short timeouts, a test clock for the
// backoff) runs until the outbox is empty; the server must then hold exactly the 1,000
// reports, each byte-identical to what was queued, none missing and none stored twice.
import nacl from 'tweetnacl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boxKeyPair } from '../../src/core/crypto';
import {
  type Db,
  eraseEverything,
  openDb,
  outboxRepo,
  receiptsRepo,
  syncRepo,
} from '../../src/core/storage';
import { enqueueReport, flushOutbox } from '../../src/core/sync';
import { type FaultyProxy, seeded, startFaultyProxy } from '../support/faulty-proxy';
import { type Running, startServer } from './helpers';

const N = 1_000;
const partner = nacl.box.keyPair();

let server: Running;
let proxy: FaultyProxy;
let db: Db;

beforeAll(async () => {
  server = await startServer();
  proxy = await startFaultyProxy({
    upstream: server.base,
    seed: 20_261_125,
    weights: {
      pass: 50,
      'drop-after-store': 15,
      reset: 10,
      'error-500': 10,
      stall: 8,
      'stall-after-store': 7,
    },
  });
  db = openDb('faulty-proxy-test');
  await syncRepo.update(db, (s) => ({ ...s, devicePublicKey: boxKeyPair().publicKey }));
});

afterAll(async () => {
  await proxy?.close();
  await server?.close();
  await eraseEverything(db);
});

describe('sending through a faulty network', () => {
  it('1,000 queued reports end as exactly 1,000 stored rows, none lost, none twice', async () => {
    for (let i = 0; i < N; i++) {
      const outcome = await enqueueReport(db, {
        id: crypto.randomUUID(),
        report: { n: i, whatHappened: `report ${i}` },
        boxPublicKey: partner.publicKey,
        now: 0,
      });
      expect(outcome).toBe('queued');
    }
    const queued = new Map((await outboxRepo.list(db)).map((row) => [row.id, row.body]));
    expect(queued.size).toBe(N);

    let clock = 0;
    const random = seeded(7);
    let passes = 0;
    const started = Date.now();
    for (;;) {
      const result = await flushOutbox({
        db,
        endpoint: proxy.url,
        fetch,
        now: () => clock,
        random,
        timeoutMs: 300,
        concurrency: 8,
        batchSize: 64,
      });
      passes++;
      expect(result.stopped).toBe(0);
      if (result.remaining === 0) break;
      expect(passes).toBeLessThan(50);
      // Instead of waiting out the backoff, move the test clock to when every row left is
      // due again (the sender itself never sends a row before its nextAttemptAt).
      const waiting = await outboxRepo.list(db);
      clock = Math.max(clock, ...waiting.map((row) => row.nextAttemptAt));
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `faulty proxy: ${passes} passes in ${seconds.toFixed(1)} s; faults ${JSON.stringify(proxy.faults)}; ` +
        `server answered ${JSON.stringify(Object.fromEntries(proxy.upstream))}`,
    );

    // Every kind of fault really happened, several times.
    for (const count of Object.values(proxy.faults)) expect(count).toBeGreaterThan(20);
    // The server stored each report exactly once (201), and recognised every resend of
    // a stored report as the same bytes (200), never as a conflict.
    expect(proxy.upstream.get(201)).toBe(N);
    expect(proxy.upstream.get(200) ?? 0).toBeGreaterThan(0);
    expect(proxy.upstream.get(409) ?? 0).toBe(0);

    expect(server.store.count()).toBe(N);
    const stored = new Map([...server.store.iterate()].map((row) => [row.id, row.body]));
    expect(stored.size).toBe(N);
    for (const [id, body] of queued) {
      const got = stored.get(id);
      expect(got, `missing ${id}`).toBeDefined();
      expect(Buffer.compare(got as Buffer, Buffer.from(body)), `bytes differ for ${id}`).toBe(0);
    }
    expect(await outboxRepo.count(db)).toBe(0);
    const receipts = await receiptsRepo.list(db);
    expect(new Set(receipts.map((r) => r.id))).toEqual(new Set(queued.keys()));
  });
});
