// The outbox and the sender against a scripted fetch: what is deleted, stopped and retried,
// when, and what the request looks like.
import nacl from 'tweetnacl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boxKeyPair } from '../../src/core/crypto';
import {
  type Db,
  eraseEverything,
  type OutboxRow,
  openDb,
  outboxRepo,
  receiptsRepo,
  syncRepo,
} from '../../src/core/storage';
import {
  BACKOFF_CAP_MS,
  classifyStatus,
  dequeueReport,
  enqueueReport,
  type FlushOptions,
  flushOutbox,
  openPadded,
  openReceipt,
  outboxStatuses,
  requeueStopped,
} from '../../src/core/sync';

const ENDPOINT = 'https://reports.example.org';
const ID = '0b9d4a6e-5f1c-4e2b-9a3d-7c8e1f2a3b4c';
const ID2 = '1c8e5b7f-6a2d-4f3c-8b4e-9d0f2a3b4c5d';
const partner = nacl.box.keyPair();
const device = boxKeyPair();

interface Call {
  url: string;
  init: RequestInit;
}
type Script = (call: Call) => Response | Promise<Response>;

function fakeFetch(script: Script) {
  const calls: Call[] = [];
  const fn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(input), init: init ?? {} };
    calls.push(call);
    return script(call);
  }) as typeof fetch;
  return { fn, calls };
}

const status =
  (code: number, headers: Record<string, string> = {}) =>
  () =>
    new Response(code === 204 ? null : '{}', { status: code, headers });

let n = 0;
let db: Db;
let clock: number;

beforeEach(async () => {
  db = openDb(`outbox-test-${++n}`);
  clock = 1_000_000;
  await syncRepo.update(db, (s) => ({ ...s, devicePublicKey: device.publicKey }));
});

afterEach(async () => {
  await eraseEverything(db);
});

function flush(fetch: typeof globalThis.fetch, extra: Partial<FlushOptions> = {}) {
  return flushOutbox({
    db,
    endpoint: ENDPOINT,
    fetch,
    now: () => clock,
    random: () => 0.5,
    timeoutMs: 1_000,
    ...extra,
  });
}

async function queue(id = ID, report: unknown = { whatHappened: 'canary-outbox' }) {
  return enqueueReport(db, { id, report, boxPublicKey: partner.publicKey, now: clock });
}

describe('queueing', () => {
  it('seals {format, version, id, report}, padded, to the partner key', async () => {
    expect(await queue()).toBe('queued');
    const row = await outboxRepo.get(db, ID);
    expect(row).toMatchObject({ id: ID, attempts: 0, nextAttemptAt: clock, state: 'queued' });
    expect(row?.body.length).toBe(4096 + 48);
    const opened = await openPadded(row?.body as Uint8Array, partner.publicKey, partner.secretKey);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(JSON.parse(new TextDecoder().decode(opened.value))).toEqual({
      format: 'nightjar-report',
      version: 1,
      id: ID,
      report: { whatHappened: 'canary-outbox' },
    });
    // Nothing readable is stored: the canary is not in the row.
    expect(Buffer.from(row?.body as Uint8Array).includes(Buffer.from('canary-outbox'))).toBe(false);
  });

  it('replaces unsent bytes, but keeps bytes a send has started with', async () => {
    await queue();
    const first = (await outboxRepo.get(db, ID))?.body;
    expect(await queue(ID, { v: 2 })).toBe('replaced');
    const second = (await outboxRepo.get(db, ID))?.body;
    expect(second).not.toEqual(first);
    const { fn } = fakeFetch(status(503));
    await flush(fn);
    expect(await queue(ID, { v: 3 })).toBe('unchanged');
    expect((await outboxRepo.get(db, ID))?.body).toEqual(second);
  });

  it('refuses ids the endpoint would refuse, and reports too large for any bucket', async () => {
    expect(await queue('not-a-uuid')).toBe('bad-id');
    expect(await queue(ID.toUpperCase())).toBe('bad-id');
    expect(await queue(ID, { big: 'x'.repeat(8 * 1024 * 1024) })).toBe('too-large');
    expect(await outboxRepo.count(db)).toBe(0);
  });

  it('takes a report out of the queue, saying whether it may already have arrived', async () => {
    expect(await dequeueReport(db, ID)).toEqual({ removed: false, mayHaveArrived: false });
    await queue();
    expect(await dequeueReport(db, ID)).toEqual({ removed: true, mayHaveArrived: false });
    await queue();
    await flush(fakeFetch(() => Promise.reject(new TypeError('network'))).fn);
    expect(await dequeueReport(db, ID)).toEqual({ removed: true, mayHaveArrived: true });
    expect(await outboxRepo.count(db)).toBe(0);
  });
});

describe('sending', () => {
  it('PUTs the sealed bytes with no cookie, referrer, cache or extra header', async () => {
    await queue();
    const body = (await outboxRepo.get(db, ID))?.body;
    const { fn, calls } = fakeFetch(status(201));
    const result = await flush(fn);
    expect(result).toMatchObject({
      sent: 1,
      stopped: 0,
      retrying: 0,
      remaining: 0,
      nextDueAt: null,
    });
    expect(calls.length).toBe(1);
    const [call] = calls;
    expect(call?.url).toBe(`${ENDPOINT}/v1/reports/${ID}`);
    expect(call?.init).toMatchObject({
      method: 'PUT',
      mode: 'cors',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      redirect: 'error',
    });
    expect(call?.init.headers).toEqual({ 'content-type': 'application/octet-stream' });
    expect(call?.init.body).toEqual(body);
    expect(call?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('2xx: deletes the row and writes a receipt sealed to the device key', async () => {
    await queue();
    await flush(fakeFetch(status(201)).fn);
    expect(await outboxRepo.count(db)).toBe(0);
    const receipts = await receiptsRepo.list(db);
    expect(receipts.map((r) => r.id)).toEqual([ID]);
    // Not readable in clear…
    expect(Buffer.from(receipts[0]?.sealed as Uint8Array).includes(Buffer.from(ID))).toBe(false);
    // …but opens with the device's secret key.
    expect(await openReceipt(receipts[0] as never, device.publicKey, device.secretKey)).toEqual({
      id: ID,
      status: 201,
      confirmedAt: clock,
    });
  });

  it('200 for a resend of the same bytes also counts as delivered', async () => {
    await queue();
    const { fn, calls } = fakeFetch(status(200));
    expect((await flush(fn)).sent).toBe(1);
    expect(calls.length).toBe(1);
    expect(await outboxRepo.count(db)).toBe(0);
    expect((await receiptsRepo.list(db)).length).toBe(1);
  });

  it.each([409, 400, 413, 404, 401, 403, 410, 422])(
    '%i: stops, keeps the row for the worker, never retries on its own',
    async (code) => {
      await queue();
      const { fn, calls } = fakeFetch(status(code));
      const result = await flush(fn);
      expect(result).toMatchObject({ sent: 0, stopped: 1, remaining: 0, nextDueAt: null });
      expect(await outboxRepo.get(db, ID)).toMatchObject({ state: 'stopped', lastStatus: code });
      expect((await outboxStatuses(db)).get(ID)).toEqual({ state: 'stopped', status: code });
      expect((await receiptsRepo.list(db)).length).toBe(0);
      clock += 10 * BACKOFF_CAP_MS;
      await flush(fn);
      expect(calls.length).toBe(1);
      // The worker can put it back.
      expect(await requeueStopped(db, ID, clock)).toBe(true);
      await flush(fakeFetch(status(201)).fn);
      expect(await outboxRepo.count(db)).toBe(0);
    },
  );

  it.each([408, 429, 500, 502, 503, 504])('%i: backs off and tries again', async (code) => {
    await queue();
    const { fn, calls } = fakeFetch(status(code));
    const result = await flush(fn);
    expect(result).toMatchObject({ sent: 0, retrying: 1, remaining: 1 });
    const row = await outboxRepo.get(db, ID);
    expect(row).toMatchObject({ state: 'queued', attempts: 1, lastStatus: code });
    // random 0.5 and the first attempt: half of one second.
    expect(row?.nextAttemptAt).toBe(clock + 500);
    expect(result.nextDueAt).toBe(clock + 500);
    expect(calls.length).toBe(1);
  });

  it('a network error or a timeout backs off too (status 0)', async () => {
    await queue();
    await flush(fakeFetch(() => Promise.reject(new TypeError('Failed to fetch'))).fn);
    expect(await outboxRepo.get(db, ID)).toMatchObject({ attempts: 1, lastStatus: 0 });

    clock += 10_000;
    const hang = fakeFetch(
      ({ init }) =>
        new Promise((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(new DOMException('', 'AbortError'))),
        ),
    );
    const started = Date.now();
    const result = await flush(hang.fn, { timeoutMs: 50 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.retrying).toBe(1);
    expect(await outboxRepo.get(db, ID)).toMatchObject({ attempts: 2, lastStatus: 0 });
  });

  it('sends nothing before nextAttemptAt, and doubles the wait each time', async () => {
    await queue();
    const { fn, calls } = fakeFetch(status(500));
    await flush(fn);
    const waits: number[] = [];
    for (let i = 0; i < 14; i++) {
      const due = (await outboxRepo.get(db, ID))?.nextAttemptAt as number;
      waits.push(due - clock);
      const before = calls.length;
      clock = due - 1;
      await flush(fn);
      expect(calls.length, `attempt ${i + 2} too early`).toBe(before);
      clock = due;
      await flush(fn);
      expect(calls.length).toBe(before + 1);
    }
    expect(waits.slice(0, 5)).toEqual([500, 1_000, 2_000, 4_000, 8_000]);
    expect(Math.max(...waits)).toBe(BACKOFF_CAP_MS / 2); // random 0.5 of the one-hour cap
  });

  it('honours Retry-After on 429 and 503', async () => {
    await queue();
    await flush(fakeFetch(status(429, { 'retry-after': '120' })).fn);
    expect((await outboxRepo.get(db, ID))?.nextAttemptAt).toBe(clock + 120_000);
    const { fn, calls } = fakeFetch(status(503, { 'retry-after': '30' }));
    clock += 119_999;
    await flush(fn);
    expect(calls.length).toBe(0);
    clock += 1;
    await flush(fn);
    expect(calls.length).toBe(1);
    expect((await outboxRepo.get(db, ID))?.nextAttemptAt).toBe(clock + 30_000);
  });

  it('classifies every status', () => {
    expect([200, 201, 204, 299].map(classifyStatus)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect([408, 429, 500, 503, 599, 0, 302, 101].map(classifyStatus)).toEqual(
      Array(8).fill('retry'),
    );
    expect([400, 401, 404, 409, 413, 499].map(classifyStatus)).toEqual(Array(6).fill('stop'));
  });

  it('two senders at once never send one row twice', async () => {
    const ids = Array.from({ length: 40 }, () => crypto.randomUUID());
    for (const id of ids) await queue(id);
    const seen: string[] = [];
    const { fn } = fakeFetch(async ({ url }) => {
      seen.push(url.slice(-36));
      await new Promise((r) => setTimeout(r, 2));
      return new Response('{}', { status: 201 });
    });
    const [a, b] = await Promise.all([flush(fn, { batchSize: 4 }), flush(fn, { batchSize: 4 })]);
    expect(a.sent + b.sent).toBe(40);
    expect(seen.length).toBe(40);
    expect(new Set(seen).size).toBe(40);
    expect((await receiptsRepo.list(db)).length).toBe(40);
  });

  it('a report taken out of the queue mid-send still gets its receipt if it arrived', async () => {
    await queue();
    const { fn } = fakeFetch(async () => {
      await dequeueReport(db, ID);
      return new Response('{}', { status: 201 });
    });
    await flush(fn);
    expect(await outboxRepo.count(db)).toBe(0);
    expect((await receiptsRepo.list(db)).map((r) => r.id)).toEqual([ID]);
  });

  it('a row replaced mid-send is not deleted by the old send', async () => {
    await queue();
    const row = await outboxRepo.get(db, ID);
    const { fn } = fakeFetch(async () => {
      // Another version queued meanwhile (a page that did not see the claim).
      await outboxRepo.change(db, ID, () => ({
        ...(row as OutboxRow),
        body: new Uint8Array(4144),
        nextAttemptAt: clock + 60_000,
      }));
      return new Response('{}', { status: 201 });
    });
    await flush(fn);
    expect((await outboxRepo.get(db, ID))?.body).toEqual(new Uint8Array(4144));
    // The old bytes did arrive: that is recorded.
    expect((await receiptsRepo.list(db)).length).toBe(1);
  });

  it('aborting cancels sends in flight; their rows are due again at once', async () => {
    await queue();
    await queue(ID2);
    const controller = new AbortController();
    const { fn, calls } = fakeFetch(
      ({ init }) =>
        new Promise((_resolve, reject) => {
          controller.abort();
          init.signal?.addEventListener('abort', () => reject(new DOMException('', 'AbortError')));
          if (init.signal?.aborted) reject(new DOMException('', 'AbortError'));
        }),
    );
    const result = await flush(fn, { signal: controller.signal, concurrency: 1 });
    expect(result.aborted).toBe(true);
    expect(calls.length).toBe(1); // the second was never started
    for (const id of [ID, ID2]) {
      expect((await outboxRepo.get(db, id))?.nextAttemptAt).toBe(clock);
    }
  });

  it('sends nothing until the device has a receipt key', async () => {
    await syncRepo.update(db, (s) => ({ ...s, devicePublicKey: null }));
    await queue();
    const { fn, calls } = fakeFetch(status(201));
    const result = await flush(fn);
    expect(result.noDeviceKey).toBe(true);
    expect(calls.length).toBe(0);
    expect(result.remaining).toBe(1);
  });
});
