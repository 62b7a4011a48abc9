// Benchmark hooks for the 'sync' section of `npm run bench` only (main.tsx imports this
// module only when the build sets VITE_BENCH_HOOKS=1). Seeds sealed reports straight into
// the outbox of a database of its own and times the real sender emptying it.
import { boxKeyPair } from '../core/crypto';
import {
  type Db,
  eraseEverything,
  type OutboxRow,
  openDb,
  outboxRepo,
  syncRepo,
} from '../core/storage';
import { flushOutbox, fromBase64Url, reportPayload, sealPadded } from '../core/sync';

let db: Db | null = null;

/** A fresh database with `n` sealed ~1 KB reports queued; returns their ids. */
async function seedOutbox(n: number, boxPublicKey: string): Promise<string[]> {
  if (db) await eraseEverything(db);
  db = openDb(`bench-sync-${Date.now()}`);
  const pk = fromBase64Url(boxPublicKey);
  if (pk === null) throw new Error('bad box key');
  const device = boxKeyPair();
  await syncRepo.update(db, (s) => ({ ...s, devicePublicKey: device.publicKey }));
  const rows: OutboxRow[] = [];
  for (let i = 0; i < n; i++) {
    const id = crypto.randomUUID();
    const sealed = await sealPadded(
      reportPayload(id, { whatHappened: `bench report ${i} ${'x'.repeat(1000)}` }),
      pk,
    );
    if (!sealed.ok) throw new Error(sealed.error);
    rows.push({ id, body: sealed.value, attempts: 0, nextAttemptAt: 0, state: 'queued' });
  }
  await outboxRepo.putMany(db, rows);
  return rows.map((r) => r.id);
}

/** Flushes until the outbox is empty (or `limitMs` passes); returns the time taken. */
async function flushAll(
  endpoint: string,
  limitMs = 60_000,
): Promise<{ ms: number; sent: number; left: number; passes: number }> {
  if (!db) throw new Error('seed first');
  const start = performance.now();
  let sent = 0;
  let passes = 0;
  let left = await outboxRepo.count(db);
  while (left > 0 && performance.now() - start < limitMs) {
    const result = await flushOutbox({ db, endpoint, fetch: (i, init) => fetch(i, init) });
    sent += result.sent;
    passes++;
    left = await outboxRepo.count(db);
    const due = result.nextDueAt;
    if (left > 0 && due !== null) {
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
    }
  }
  return { ms: performance.now() - start, sent, left, passes };
}

declare global {
  interface Window {
    __nightjarBenchSync?: unknown;
  }
}

window.__nightjarBenchSync = { seedOutbox, flushAll };
