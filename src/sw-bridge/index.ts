// The only code that talks to the service worker. It registers sw.js with workbox-window
// after the first paint, tells the app when an update is waiting, and activates it only
// when the user asks (a typed SKIP_WAITING message, then one reload on controllerchange).
// Nothing here ever reloads the page on its own. It also carries the outbox's traffic:
// Background Sync registration, the hand-over message, and the worker's notices.
import { Workbox } from 'workbox-window';
import { createStore } from '../app/store';
import {
  isWorkerToPage,
  OUTBOX_SYNC_TAG,
  type PageToWorker,
  SKIP_WAITING,
  type WorkerToPage,
} from '../shared/messages';

/** True while a new version is installed and waiting for the user's go-ahead. */
export const updateReady = createStore(false);

let wb: Workbox | null = null;
let userAskedForUpdate = false;

export async function startServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  wb = new Workbox('/sw.js', { scope: '/', type: 'classic' });
  wb.addEventListener('waiting', () => updateReady.set(true));
  // Only the update the user asked for reloads the page; a first install just takes control.
  // (workbox-window's 'controlling' does not fire for a worker found by a later update
  // check, so listen to the browser's own event.)
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (userAskedForUpdate) window.location.reload();
  });
  try {
    await wb.register();
  } catch {
    // Registration can fail (private mode, storage blocked). The app still works online.
  }
}

export function send(message: PageToWorker): void {
  void wb?.messageSW(message);
}

/** The user tapped "update ready". */
export async function applyUpdate(): Promise<void> {
  if (!updateReady.get()) return;
  userAskedForUpdate = true;
  // messageSW() talks to the worker this page registered (the active one); the update is
  // the waiting one, so the typed message goes to it directly.
  const registration = await navigator.serviceWorker.getRegistration('/');
  registration?.waiting?.postMessage(SKIP_WAITING);
}

// Background Sync is not in TypeScript's DOM library (it is a WICG specification).
interface SyncManager {
  register(tag: string): Promise<void>;
}
type WithSync = ServiceWorkerRegistration & { sync?: SyncManager };

async function activeRegistration(): Promise<WithSync | null> {
  if (!('serviceWorker' in navigator)) return null;
  try {
    const reg = await navigator.serviceWorker.getRegistration('/');
    return reg?.active ? reg : null;
  } catch {
    return null;
  }
}

/** Whether this browser has Background Sync (registering still needs an active worker). */
export function hasBackgroundSync(): boolean {
  return 'serviceWorker' in navigator && 'SyncManager' in window;
}

/**
 * Asks the browser to fire the worker's `sync` event for the outbox once it is online, even
 * after the page has closed. False when Background Sync is missing or refused.
 */
export async function registerOutboxSync(): Promise<boolean> {
  const reg = await activeRegistration();
  if (!reg?.sync) return false;
  try {
    await reg.sync.register(OUTBOX_SYNC_TAG);
    return true;
  } catch {
    return false; // permission denied, or the worker is gone
  }
}

/** Posts to the active worker (not a waiting update). False when there is none. */
export async function postToActiveWorker(message: PageToWorker): Promise<boolean> {
  const reg = await activeRegistration();
  if (!reg?.active) return false;
  reg.active.postMessage(message);
  return true;
}

/** Messages from the service worker, typed; returns an unsubscribe function. */
export function onWorkerMessage(listener: (message: WorkerToPage) => void): () => void {
  if (!('serviceWorker' in navigator)) return () => undefined;
  const handler = (event: MessageEvent) => {
    if (isWorkerToPage(event.data)) listener(event.data);
  };
  navigator.serviceWorker.addEventListener('message', handler);
  return () => navigator.serviceWorker.removeEventListener('message', handler);
}
