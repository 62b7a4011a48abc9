// The outbox: reports the worker agreed to send, sealed and padded for the partner, waiting
// for the sync policy and the network. It has no UI; screens read its state through
// features/sync.
//
// Decisions:
// - A row is the report's UUID and the sealed bytes, sealed once. A resend is always the
//   same bytes, so the partner answers 200 to a resend after a lost response (idempotent)
//   and the report is stored once.
// - Before any send has started (attempts 0) a re-queue replaces the bytes (the worker
//   edited the report). After that the bytes are kept: the partner may already hold them,
//   and other bytes under the same id would be refused (409).
// - Taking a report out of the queue (consent withdrawn) deletes its row at once. If a send
//   had already started, the caller is told it may have arrived: the sender writes a
//   receipt whenever the partner confirms, so the worker is never told "not sent" falsely.
import { utf8Encode } from '../crypto';
import { type Db, type OutboxRow, outboxRepo } from '../storage';
import { sealPadded } from './seal';

export const REPORT_FORMAT = 'nightjar-report';
export const REPORT_VERSION = 1;
/** The partner endpoint accepts lowercase version-4 UUIDs only. */
export const REPORT_ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** What is sealed: the id is bound inside, so a body moved to another id is detected. */
export function reportPayload(id: string, report: unknown): Uint8Array {
  return utf8Encode(JSON.stringify({ format: REPORT_FORMAT, version: REPORT_VERSION, id, report }));
}

export type EnqueueOutcome =
  /** A new row. */
  | 'queued'
  /** The unsent bytes were replaced by the new version. */
  | 'replaced'
  /** A send has started (or the partner refused it): the row was left as it was. */
  | 'unchanged'
  | 'bad-id'
  | 'bad-key'
  | 'too-large';

function isIdle(row: OutboxRow | undefined): boolean {
  return row === undefined || (row.state === 'queued' && row.attempts === 0);
}

export async function enqueueReport(
  db: Db,
  opts: { id: string; report: unknown; boxPublicKey: Uint8Array; now: number },
): Promise<EnqueueOutcome> {
  if (!REPORT_ID_RE.test(opts.id)) return 'bad-id';
  if (!isIdle(await outboxRepo.get(db, opts.id))) return 'unchanged';
  const plain = reportPayload(opts.id, opts.report);
  const sealed = await sealPadded(plain, opts.boxPublicKey);
  plain.fill(0);
  if (!sealed.ok) return sealed.error === 'too_large' ? 'too-large' : 'bad-key';
  let existed = false;
  const written = await outboxRepo.change(db, opts.id, (current) => {
    if (!isIdle(current)) return undefined; // claimed while we were sealing
    existed = current !== undefined;
    return {
      id: opts.id,
      body: sealed.value,
      attempts: 0,
      nextAttemptAt: opts.now,
      state: 'queued',
    };
  });
  if (written === undefined) return 'unchanged';
  return existed ? 'replaced' : 'queued';
}

export interface DequeueOutcome {
  /** A row was deleted. */
  removed: boolean;
  /** A send had started, so the partner may hold the report already. */
  mayHaveArrived: boolean;
}

export async function dequeueReport(db: Db, id: string): Promise<DequeueOutcome> {
  let before: OutboxRow | undefined;
  await outboxRepo.change(db, id, (current) => {
    before = current;
    return current === undefined ? undefined : null;
  });
  if (before === undefined) return { removed: false, mayHaveArrived: false };
  const refused = before.state === 'stopped' && before.lastStatus !== 409;
  return { removed: true, mayHaveArrived: before.attempts > 0 && !refused };
}

/** A refused (stopped) report goes back in the queue, due now. False if none was stopped. */
export async function requeueStopped(db: Db, id: string, now: number): Promise<boolean> {
  const next = await outboxRepo.change(db, id, (current) =>
    current?.state === 'stopped' ? { ...current, state: 'queued', nextAttemptAt: now } : undefined,
  );
  return next !== undefined && next !== null;
}

export type OutboxStatus =
  | { state: 'queued'; attempts: number; nextAttemptAt: number; lastStatus?: number }
  | { state: 'stopped'; status: number };

export async function outboxStatuses(db: Db): Promise<Map<string, OutboxStatus>> {
  const out = new Map<string, OutboxStatus>();
  for (const row of await outboxRepo.list(db)) {
    out.set(
      row.id,
      row.state === 'stopped'
        ? { state: 'stopped', status: row.lastStatus ?? 0 }
        : {
            state: 'queued',
            attempts: row.attempts,
            nextAttemptAt: row.nextAttemptAt,
            ...(row.lastStatus === undefined ? {} : { lastStatus: row.lastStatus }),
          },
    );
  }
  return out;
}
