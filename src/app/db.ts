// The app's one handle on the database. Erasing everything closes it for good, so the
// next caller gets a fresh handle (and a fresh, empty database).
import { type Db, eraseEverything, openDb } from '../core/storage';

let handle: Db | null = null;

export function db(): Db {
  handle ??= openDb();
  return handle;
}

export async function eraseAllData(): Promise<void> {
  const current = db();
  handle = null;
  await eraseEverything(current);
}

/** After the vault erased itself (erase-after-N), the old handle is closed for good. */
export function forgetDb(): void {
  handle = null;
}
