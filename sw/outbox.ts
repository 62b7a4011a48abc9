/// <reference lib="webworker" />
// Sending the outbox from the service worker, without the vault key: the rows are sealed
// boxes, and receipts are sealed to the device's public key (core/sync/receipts.ts).
//
// Decisions:
// - Only under the 'background' policy, read from the clear sync row.
// - Never while a window of the app is visible: the worker cannot tell whether it shows the
//   disguise, so it tells the page (OUTBOX_DUE) and the page decides by its own state.
// - Never a notification: the worker has no notification code at all.
// - The database is opened per run and closed after, so erasing everything in the page is
//   never blocked, and a database that does not exist is not created.
import { databaseExists, openDb, syncRepo } from '../src/core/storage';
import { activePartner, builtInPartner } from '../src/core/sync/partner-config';
import { sendBlockedBy } from '../src/core/sync/policy';
import { flushOutbox } from '../src/core/sync/sender';
import type { WorkerToPage } from '../src/shared/messages';

declare const self: ServiceWorkerGlobalScope;

async function windows(): Promise<readonly WindowClient[]> {
  return self.clients.matchAll({ type: 'window', includeUncontrolled: true });
}

async function tell(message: WorkerToPage, only?: readonly WindowClient[]): Promise<void> {
  for (const client of only ?? (await windows())) client.postMessage(message);
}

export type BackgroundOutcome = 'not-allowed' | 'handed-to-page' | 'done' | 'left-some';

export async function flushInBackground(): Promise<BackgroundOutcome> {
  if (!(await databaseExists())) return 'not-allowed';
  const db = openDb();
  try {
    const config = await syncRepo.get(db);
    const partner = activePartner(config.partnerPayload, {
      builtIn: builtInPartner(),
      appOrigin: self.location.origin,
    });
    if (partner === null || config.policy !== 'background') return 'not-allowed';
    const visible = (await windows()).filter((w) => w.visibilityState === 'visible');
    const blocked = sendBlockedBy({
      policy: config.policy,
      disguiseShowing: visible.length > 0,
      unlocked: false,
      online: self.navigator.onLine,
      trigger: 'background',
    });
    if (blocked === 'disguise') {
      await tell({ type: 'OUTBOX_DUE' }, visible);
      return 'handed-to-page';
    }
    if (blocked !== null) return 'left-some';
    const result = await flushOutbox({
      db,
      endpoint: partner.endpoint,
      fetch: (input, init) => self.fetch(input, init),
    });
    if (result.sent + result.stopped + result.retrying > 0) await tell({ type: 'OUTBOX_CHANGED' });
    return result.remaining > 0 ? 'left-some' : 'done';
  } finally {
    db.close();
  }
}
