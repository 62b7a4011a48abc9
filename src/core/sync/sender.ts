// Sends the outbox to the partner. Plain TypeScript with every effect passed in (database,
// fetch, clock, randomness), used unchanged by the page and by the service worker.
//
//   PUT {endpoint}/v1/reports/{id}   body: the sealed, padded bytes
//     2xx                     delete the row, write a sealed receipt (same transaction)
//     408, 429, 5xx, network  try again later: backoff with full jitter, Retry-After honoured
//     409, any other 4xx      stop; the worker sees it (nothing is retried on its own)
//
// Decisions:
// - A row is claimed before its request leaves: attempts + 1 and nextAttemptAt pushed past
//   the request timeout. Two senders (page and service worker) cannot send the same row at
//   once, and a sender that dies mid-request leaves a row that becomes due again by itself.
// - Outcomes are written per batch in one transaction. A row is deleted only after a 2xx;
//   if the sender dies before writing, the row is sent again and the partner answers 200
//   for the same bytes.
// - The request carries nothing that identifies the device or the worker: no cookies
//   (credentials 'omit'), no referrer, no cache, no header but content-type; redirects are
//   refused (a failure, retried), so the bytes only ever go to the pinned endpoint.
import { type Db, type OutboxRow, outboxRepo, syncRepo } from '../storage';
import { parseRetryAfter, retryDelay } from './backoff';
import { sealReceipt } from './receipts';

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_CONCURRENCY = 6;
export const DEFAULT_BATCH = 64;

export interface FlushOptions {
  db: Db;
  /** The partner's endpoint, e.g. https://reports.example.org (no trailing slash). */
  endpoint: string;
  fetch: typeof fetch;
  now?: () => number;
  /** [0, 1), for the backoff jitter. */
  random?: () => number;
  /** Per request. */
  timeoutMs?: number;
  concurrency?: number;
  batchSize?: number;
  /** Aborting stops new sends and cancels those in flight (their rows become due at once). */
  signal?: AbortSignal;
}

export interface FlushResult {
  sent: number;
  stopped: number;
  retrying: number;
  /** The signal was aborted before the outbox was done. */
  aborted: boolean;
  /** Queued rows left (due later, or not claimed because of an abort). */
  remaining: number;
  /** Earliest nextAttemptAt of what is left, or null. */
  nextDueAt: number | null;
  /** Nothing was sent because no device receipt key exists yet (nothing unlocked since). */
  noDeviceKey?: true;
}

export type Verdict = 'sent' | 'retry' | 'stop';

/** How a response status (0: no response) is handled. */
export function classifyStatus(status: number): Verdict {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 408 || status === 429) return 'retry';
  if (status >= 400 && status < 500) return 'stop';
  return 'retry'; // 5xx, no response, or anything unexpected
}

interface Attempt {
  status: number;
  retryAfter: string | null;
  /** Cancelled by the caller's signal, not by the timeout or the network. */
  cancelled: boolean;
}

async function putReport(
  row: OutboxRow,
  opts: Required<Pick<FlushOptions, 'endpoint' | 'fetch' | 'timeoutMs'>> & { signal?: AbortSignal },
): Promise<Attempt> {
  if (opts.signal?.aborted) return { status: 0, retryAfter: null, cancelled: true };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  const cancel = () => controller.abort();
  opts.signal?.addEventListener('abort', cancel);
  try {
    const response = await opts.fetch(`${opts.endpoint}/v1/reports/${row.id}`, {
      method: 'PUT',
      body: row.body as Uint8Array<ArrayBuffer>,
      headers: { 'content-type': 'application/octet-stream' },
      mode: 'cors',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      redirect: 'error',
      signal: controller.signal,
    });
    const retryAfter = response.headers.get('retry-after');
    // The answer is a few bytes of JSON nobody reads; release the connection.
    await response.body?.cancel().catch(() => undefined);
    return { status: response.status, retryAfter, cancelled: false };
  } catch {
    return { status: 0, retryAfter: null, cancelled: opts.signal?.aborted === true };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', cancel);
  }
}

async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

/**
 * Sends every queued row that is due, batch by batch, until none is due or the signal is
 * aborted. Rows that fail become due later; call again then (Background Sync, a timer, the
 * next trigger).
 */
export async function flushOutbox(options: FlushOptions): Promise<FlushResult> {
  const { db, signal } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const result: FlushResult = {
    sent: 0,
    stopped: 0,
    retrying: 0,
    aborted: false,
    remaining: 0,
    nextDueAt: null,
  };

  const { devicePublicKey } = await syncRepo.get(db);
  if (devicePublicKey === null) {
    result.noDeviceKey = true;
  } else {
    while (!signal?.aborted) {
      const t = now();
      const claimed = await outboxRepo.claimDue(db, t, batchSize, (row) => ({
        ...row,
        attempts: row.attempts + 1,
        nextAttemptAt: t + timeoutMs + retryDelay(row.attempts + 1, null, random),
      }));
      if (claimed.length === 0) break;
      const outcomes: Parameters<typeof outboxRepo.settle>[1][number][] = [];
      await eachLimited(claimed, concurrency, async (row) => {
        const attempt = await putReport(row, { endpoint, fetch: options.fetch, timeoutMs, signal });
        const at = now();
        if (attempt.cancelled) {
          // Not a failure of the partner: due again as soon as sending is allowed.
          outcomes.push({ id: row.id, sentBody: row.body, next: { ...row, nextAttemptAt: at } });
          return;
        }
        const verdict = classifyStatus(attempt.status);
        if (verdict === 'sent') {
          result.sent++;
          const receipt = await sealReceipt(
            { id: row.id, status: attempt.status, confirmedAt: at },
            devicePublicKey,
          );
          outcomes.push({ id: row.id, sentBody: row.body, next: null, receipt });
        } else if (verdict === 'stop') {
          result.stopped++;
          outcomes.push({
            id: row.id,
            sentBody: row.body,
            next: { ...row, state: 'stopped', lastStatus: attempt.status },
          });
        } else {
          result.retrying++;
          const wait = retryDelay(row.attempts, parseRetryAfter(attempt.retryAfter, at), random);
          outcomes.push({
            id: row.id,
            sentBody: row.body,
            next: { ...row, nextAttemptAt: at + wait, lastStatus: attempt.status },
          });
        }
      });
      await outboxRepo.settle(db, outcomes);
    }
  }
  result.aborted = signal?.aborted === true;
  result.remaining = await outboxRepo.countQueued(db);
  result.nextDueAt = await outboxRepo.nextDueAt(db);
  return result;
}
