// The only importer of Dexie. One database, its schema history, and small repositories.

export {
  DB_NAME,
  type Db,
  type DeviceRow,
  type DeviceState,
  ERASE_AFTER_CHOICES,
  type EraseAfter,
  eraseEverything,
  type HeaderRow,
  openDb,
  type RecordRow,
  type UnlockCodeHash,
} from './db';
export { DEVICE_DEFAULTS, deviceRepo, headerRepo, recordsRepo } from './repos';
