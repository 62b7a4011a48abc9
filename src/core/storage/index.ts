// The only importer of Dexie. One database, its schema history, and small repositories.

export {
  DB_NAME,
  type Db,
  type DeviceRow,
  type DeviceState,
  databaseExists,
  ERASE_AFTER_CHOICES,
  type EraseAfter,
  eraseEverything,
  type HeaderRow,
  type OutboxRow,
  openDb,
  type ReceiptRow,
  type RecordRow,
  SYNC_POLICIES,
  type SyncConfig,
  type SyncPolicy,
  type SyncRow,
  type UnlockCodeHash,
} from './db';
export {
  DEVICE_DEFAULTS,
  deviceRepo,
  headerRepo,
  outboxRepo,
  receiptsRepo,
  recordsRepo,
  SYNC_DEFAULTS,
  syncRepo,
} from './repos';
