import type { Db } from '../../../src/core/storage';

/** Each table of an open database as [primary key, ...index names]. */
export function tablesOf(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(
    db.tables.map((t) => [
      t.name,
      [t.schema.primKey.keyPath, ...t.schema.indexes.map((i) => i.name)],
    ]),
  );
}

/** Schema version 2: the v1 tables (header, records, device) plus the outbox's. */
export const SCHEMA_V2_TABLES = {
  header: ['id'],
  records: ['id', 'kind'],
  device: ['id'],
  outbox: ['id', 'nextAttemptAt'],
  receipts: ['id'],
  sync: ['id'],
};
