// The partner endpoint's storage: sealed report blobs, their ids and the day they arrived.
// Nothing else: no IP addresses, no user agents, no exact times.
import { closeSync, constants as fsConstants, openSync } from 'node:fs';
import Database from 'better-sqlite3';

export type PutOutcome = 'created' | 'duplicate' | 'conflict';

export interface StoredReport {
  id: string;
  body: Buffer;
  received_day: string;
}

export interface ReportStore {
  /** Race-safe idempotent insert: the first writer of an id wins, later writers compare. */
  put(id: string, body: Uint8Array, day?: string): PutOutcome;
  /**
   * Same as `put`, but group-committed: every put queued in the same event-loop turn is
   * written in one transaction (one fsync), and each promise settles after that commit.
   */
  putAsync(id: string, body: Uint8Array, day?: string): Promise<PutOutcome>;
  get(id: string): StoredReport | undefined;
  count(): number;
  /** All reports, oldest day first (lazily, so a large inbox is not held in memory). */
  iterate(): IterableIterator<StoredReport>;
  close(): void;
  readonly path: string;
}

export interface StoreOptions {
  readonly?: boolean;
  /**
   * SQLite `synchronous` with WAL. FULL (default) fsyncs the WAL on every commit, so a 201
   * survives power loss; the device deletes its copy after a 2xx, so losing an acknowledged
   * report would lose it for good. NORMAL is faster but may drop the last commits on power
   * loss (never corrupts).
   */
  synchronous?: 'FULL' | 'NORMAL';
}

/** Coarse receipt time: the UTC day only. */
export function receivedDay(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS reports (
  id TEXT PRIMARY KEY,
  body BLOB NOT NULL,
  received_day TEXT NOT NULL
);`;

function createPrivateFile(path: string): void {
  // Create the database file owner-only before SQLite opens it; SQLite gives the -wal and
  // -shm files the same permissions.
  try {
    const fd = openSync(path, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_RDWR, 0o600);
    closeSync(fd);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
}

export function openStore(path: string, options: StoreOptions = {}): ReportStore {
  const memory = path === ':memory:';
  const readonly = options.readonly === true;
  if (!memory && !readonly) createPrivateFile(path);
  const db = new Database(path, { readonly, fileMustExist: readonly });
  db.pragma('busy_timeout = 5000');
  if (!readonly) {
    if (!memory) db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
    db.exec(SCHEMA);
  }

  const insert = readonly
    ? null
    : db.prepare(
        'INSERT INTO reports (id, body, received_day) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING',
      );
  const select = db.prepare<[string], StoredReport>(
    'SELECT id, body, received_day FROM reports WHERE id = ?',
  );
  const selectBody = db.prepare<[string], { body: Buffer }>(
    'SELECT body FROM reports WHERE id = ?',
  );
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM reports');
  const listAll = db.prepare<[], StoredReport>(
    'SELECT id, body, received_day FROM reports ORDER BY received_day, rowid',
  );

  const putOne = (id: string, body: Uint8Array, day: string): PutOutcome => {
    if (insert === null) throw new Error('store is read-only');
    const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    // ON CONFLICT DO NOTHING makes the insert atomic even with several writers (processes);
    // whoever did not insert compares against what is stored.
    if (insert.run(id, buf, day).changes === 1) return 'created';
    const existing = selectBody.get(id);
    if (existing === undefined) throw new Error('report vanished after conflicting insert');
    return existing.body.equals(buf) ? 'duplicate' : 'conflict';
  };

  interface Pending {
    id: string;
    body: Uint8Array;
    day: string;
    resolve: (o: PutOutcome) => void;
    reject: (e: unknown) => void;
  }
  const MAX_BATCH = 256;
  let queue: Pending[] = [];
  let scheduled = false;
  const writeBatch = db.transaction((items: Pending[]) =>
    items.map((it) => putOne(it.id, it.body, it.day)),
  );
  const flush = (): void => {
    scheduled = false;
    const items = queue.slice(0, MAX_BATCH);
    queue = queue.slice(MAX_BATCH);
    if (queue.length > 0) schedule();
    if (items.length === 0) return;
    let outcomes: PutOutcome[];
    try {
      outcomes = writeBatch(items);
    } catch (e) {
      for (const it of items) it.reject(e);
      return;
    }
    items.forEach((it, i) => {
      it.resolve(outcomes[i] as PutOutcome);
    });
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };

  return {
    path,
    put(id, body, day = receivedDay()) {
      return putOne(id, body, day);
    },
    putAsync(id, body, day = receivedDay()) {
      if (insert === null) return Promise.reject(new Error('store is read-only'));
      return new Promise<PutOutcome>((resolve, reject) => {
        queue.push({ id, body, day, resolve, reject });
        schedule();
      });
    },
    get(id) {
      return select.get(id);
    },
    count() {
      return countAll.get()?.n ?? 0;
    },
    iterate() {
      return listAll.iterate();
    },
    close() {
      while (queue.length > 0) flush(); // settle anything still queued before closing
      if (db.open) db.close();
    },
  };
}
