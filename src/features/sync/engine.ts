// When the page sends, and what it tells the screens. Decisions (the rules themselves are
// in core/sync/policy.ts):
// - The page asks the policy on start, on unlock or when the app behind the disguise comes
//   into view, on `online`, right after a report is queued, when a backoff timer runs out,
//   and when the worker taps Send. Showing the disguise (quick exit, lock) aborts any send
//   in flight at once.
// - Background Sync is registered only when the page goes out of view with reports queued
//   under the 'background' policy (registering while visible would just bounce: the worker
//   leaves sending to a visible page). Without Background Sync the page hands the outbox to
//   the worker with a FLUSH_OUTBOX message instead.
// - Receipts are opened only while unlocked, and handed to whoever registered onReceipts
//   (the report screens), with the worker's "delete my copy" preference.
import { db } from '../../app/db';
import { mode } from '../../app/mode';
import { isUnlocked, onLock, unlocked, vault } from '../../app/session';
import { createStore } from '../../app/store';
import { outboxRepo } from '../../core/storage';
import {
  absorbReceipts,
  ensureDeviceKey,
  type FlushResult,
  flushOutbox,
  loadSendStates,
  type SendBlock,
  type SendState,
  type SyncTrigger,
  sendBlockedBy,
  wipeKeyPair,
} from '../../core/sync';
import { FLUSH_OUTBOX } from '../../shared/messages';
import {
  hasBackgroundSync,
  onWorkerMessage,
  postToActiveWorker,
  registerOutboxSync,
} from '../../sw-bridge';
import { loadPrefs, refreshConfig, syncConfig, syncPrefs } from './config';
import { takePairingFromUrl } from './pairing';

export interface ReceiptNotice {
  id: string;
  /** Epoch ms the partner confirmed; null when unknown. */
  confirmedAt: number | null;
}

export interface ReceiptBatch {
  receipts: ReceiptNotice[];
  /** The worker asked to delete their copy of a report once the partner has it. */
  deleteLocalCopy: boolean;
}

/** Per report id; ids not in the map are 'private'. Empty while locked. */
export const sendStates = createStore<ReadonlyMap<string, SendState>>(new Map());
/** Whether this browser can send with the app closed (Background Sync). */
export const backgroundSyncAvailable = createStore<boolean | null>(null);

const receiptListeners = new Set<(batch: ReceiptBatch) => void>();

export function onReceipts(listener: (batch: ReceiptBatch) => void): () => void {
  receiptListeners.add(listener);
  return () => receiptListeners.delete(listener);
}

export type SendOutcome =
  | { kind: 'blocked'; reason: SendBlock | 'no-partner' }
  | { kind: 'done'; result: FlushResult };

/** A trigger nobody awaits: a storage failure is retried by the next trigger. */
function fire(t: SyncTrigger): void {
  trigger(t).catch(() => undefined);
}

let started = false;
let inFlight: { controller: AbortController; done: Promise<FlushResult> } | null = null;
let again = false;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

/** Wire the triggers. Called once at start-up, behind the disguise, before any unlock. */
export async function startSync(): Promise<void> {
  if (started) return;
  started = true;
  takePairingFromUrl();
  window.addEventListener('hashchange', takePairingFromUrl);
  window.addEventListener('online', () => fire('online'));
  unlocked.subscribe(() => {
    if (unlocked.get()) void afterUnlock();
  });
  mode.subscribe(() => {
    if (mode.get() === 'face') stopSending();
    else fire('unlock');
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') handOver().catch(() => undefined);
  });
  onWorkerMessage((message) => {
    if (message.type === 'OUTBOX_CHANGED') refreshAfterSend().catch(() => undefined);
    else if (message.type === 'OUTBOX_DUE') fire('retry');
  });
  onLock(() => sendStates.set(new Map()));
  backgroundSyncAvailable.set(hasBackgroundSync());
  try {
    await refreshConfig();
  } catch {
    // Storage unavailable: nothing can be queued either.
  }
  fire('start');
}

async function afterUnlock(): Promise<void> {
  try {
    // The database may have been erased and started again since start-up.
    await refreshConfig();
    wipeKeyPair(await ensureDeviceKey(db(), vault()));
    await loadPrefs();
    await refreshAfterSend();
  } catch {
    // Locked again meanwhile, or storage failed: the next unlock tries again.
  }
  fire('unlock');
}

/** Re-read states and file receipts (only possible while unlocked). */
export async function refreshAfterSend(): Promise<void> {
  if (!isUnlocked()) return;
  const v = vault();
  const receipts = await absorbReceipts(db(), v);
  const states = await loadSendStates(db(), v);
  if (!isUnlocked()) return;
  sendStates.set(states);
  if (receipts.length > 0) {
    const batch: ReceiptBatch = {
      receipts: receipts.map((r) => ({ id: r.id, confirmedAt: r.confirmedAt })),
      deleteLocalCopy: syncPrefs.get().deleteAfterSent,
    };
    for (const listener of [...receiptListeners]) {
      try {
        listener(batch);
      } catch {
        // One screen's failure must not stop the others.
      }
    }
  }
}

function blockedNow(t: SyncTrigger): SendBlock | 'no-partner' | null {
  const { policy, partner } = syncConfig.get();
  if (partner === null) return 'no-partner';
  return sendBlockedBy({
    policy,
    disguiseShowing: mode.get() === 'face',
    unlocked: isUnlocked(),
    online: navigator.onLine,
    trigger: t,
  });
}

/** Send now if the policy allows it for this trigger. */
export async function trigger(t: SyncTrigger): Promise<SendOutcome> {
  const blocked = blockedNow(t);
  if (blocked !== null) return { kind: 'blocked', reason: blocked };
  if (inFlight) {
    // The running flush claims whatever is due when it next looks; make sure it looks.
    again = true;
    return { kind: 'done', result: await inFlight.done };
  }
  const partner = syncConfig.get().partner;
  if (partner === null) return { kind: 'blocked', reason: 'no-partner' };
  const controller = new AbortController();
  const run = async (): Promise<FlushResult> => {
    let result: FlushResult;
    do {
      again = false;
      result = await flushOutbox({
        db: db(),
        endpoint: partner.endpoint,
        fetch: (input, init) => fetch(input, init),
        signal: controller.signal,
      });
    } while (again && !controller.signal.aborted);
    return result;
  };
  const done = run();
  inFlight = { controller, done };
  try {
    const result = await done;
    if (!result.aborted) scheduleRetry(result.nextDueAt);
    await refreshAfterSend().catch(() => undefined);
    return { kind: 'done', result };
  } finally {
    if (inFlight?.done === done) inFlight = null;
  }
}

function scheduleRetry(nextDueAt: number | null): void {
  clearTimeout(retryTimer);
  retryTimer = undefined;
  if (nextDueAt === null) return;
  const wait = Math.min(Math.max(nextDueAt - Date.now(), 1_000), 60 * 60_000);
  retryTimer = setTimeout(() => fire('retry'), wait);
}

/** The disguise is showing: nothing may be sent from now on. */
function stopSending(): void {
  inFlight?.controller.abort();
  clearTimeout(retryTimer);
  retryTimer = undefined;
}

/** The page goes out of view: let the service worker carry on, if the policy says so. */
async function handOver(): Promise<void> {
  const { policy, partner } = syncConfig.get();
  if (policy !== 'background' || partner === null) return;
  if ((await outboxRepo.countQueued(db())) === 0) return;
  if (!(await registerOutboxSync())) await postToActiveWorker(FLUSH_OUTBOX);
}
