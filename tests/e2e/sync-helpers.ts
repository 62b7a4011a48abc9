// Browser-side helpers for the sync tests: raw IndexedDB access (what a test may set up
// without the report screens) and a Background Sync event fired through DevTools.
import type { BrowserContext, Page } from 'playwright-core';

/** Put one row into a store of the app's database ('calc'); `bytes` names Uint8Array fields. */
export function idbPut(
  page: Page,
  store: string,
  row: Record<string, unknown>,
  bytes: string[] = [],
): Promise<void> {
  return page.evaluate(
    async ({ store, row, bytes }) => {
      const value: Record<string, unknown> = { ...row };
      for (const f of bytes) value[f] = new Uint8Array(value[f] as number[]);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('calc');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(store, 'readwrite');
        tx.objectStore(store).put(value);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { store, row, bytes },
  );
}

/** Every row of a store, with Uint8Arrays as number arrays. */
export function idbAll(page: Page, store: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(async (store) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('calc');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    if (!db.objectStoreNames.contains(store)) {
      db.close();
      return [];
    }
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const tx = db.transaction(store, 'readonly');
      const req = tx.objectStore(store).getAll();
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return rows.map((row) =>
      Object.fromEntries(
        Object.entries(row as Record<string, unknown>).map(([k, v]) => [
          k,
          v instanceof Uint8Array ? Array.from(v) : v,
        ]),
      ),
    );
  }, store);
}

/** Sets the clear sync policy the service worker reads. */
export async function setPolicy(page: Page, policy: 'manual' | 'unlocked' | 'background') {
  const [row] = await idbAll(page, 'sync');
  await idbPut(page, 'sync', { ...(row ?? { id: 'sync' }), policy }, ['devicePublicKey']);
}

/**
 * Fires the worker's `sync` event (tag 'outbox') through DevTools, from a blank page of
 * the same browser, so it works with every window of the app closed.
 */
export async function fireBackgroundSync(context: BrowserContext, origin: string): Promise<void> {
  const blank = await context.newPage();
  try {
    const cdp = await context.newCDPSession(blank);
    const registrations: Array<{ registrationId: string; scopeURL: string }> = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => {
      registrations.push(...(event.registrations as typeof registrations));
    });
    await cdp.send('ServiceWorker.enable');
    for (let i = 0; i < 50 && !registrations.some((r) => r.scopeURL.startsWith(origin)); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const reg = registrations.find((r) => r.scopeURL.startsWith(origin));
    if (!reg) throw new Error(`no service worker registration for ${origin}`);
    await cdp.send('ServiceWorker.dispatchSyncEvent', {
      origin,
      registrationId: reg.registrationId,
      tag: 'outbox',
      lastChance: false,
    });
    await cdp.detach();
  } finally {
    await blank.close();
  }
}
