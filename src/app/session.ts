// The unlocked session: the one place that holds the open vault. Locking drops the vault
// (which wipes its key), runs every registered clean-up so no decrypted data stays in
// memory, unmounts the app behind the disguise and shows the disguise.
import type { Vault } from '../core/vault';
import { showFace } from './mode';
import { createStore } from './store';

let current: Vault | null = null;
export const unlocked = createStore(false);

// Bumped by every lock. An unlock that was still deriving its key when the worker pressed
// quick exit must not open the session afterwards: it compares epochs and locks itself.
let epoch = 0;

export function lockEpoch(): number {
  return epoch;
}

type Cleanup = () => void;
const onLockCallbacks = new Set<Cleanup>();
const beforeLockCallbacks = new Set<(vault: Vault) => void>();

/**
 * Opens the session with a freshly unlocked vault, unless a lock happened since `since`
 * (taken with lockEpoch() before the unlock began): then the vault is locked at once and
 * false is returned.
 */
export function startSession(vault: Vault, since: number): boolean {
  if (since !== epoch) {
    vault.lock();
    return false;
  }
  current = vault;
  unlocked.set(true);
  return true;
}

/** The open vault. Screens only exist while unlocked, so a locked call is a bug. */
export function vault(): Vault {
  if (!current) throw new Error('locked');
  return current;
}

export function isUnlocked(): boolean {
  return current !== null;
}

/** Register clean-up of module-level decrypted state; runs on every lock. */
export function onLock(cleanup: Cleanup): () => void {
  onLockCallbacks.add(cleanup);
  return () => onLockCallbacks.delete(cleanup);
}

/**
 * Runs synchronously just before the key is dropped, with the vault still open: the place
 * to encrypt an open draft (encryption is synchronous; only its write is async).
 */
export function beforeLock(callback: (vault: Vault) => void): () => void {
  beforeLockCallbacks.add(callback);
  return () => beforeLockCallbacks.delete(callback);
}

/**
 * Lock now. The disguise is painted first (a synchronous DOM swap), then drafts are sealed,
 * then the key is wiped and every reference to decrypted data dropped.
 */
export function lockNow(): void {
  showFace();
  epoch++;
  const open = current;
  current = null;
  unlocked.set(false);
  if (open) {
    for (const callback of [...beforeLockCallbacks]) {
      try {
        callback(open);
      } catch {
        // A failing draft save must never stop the lock.
      }
    }
    open.lock();
  }
  for (const cleanup of [...onLockCallbacks]) cleanup();
}
