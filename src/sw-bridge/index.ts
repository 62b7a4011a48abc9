// The only code that talks to the service worker. It registers sw.js with workbox-window
// after the first paint, tells the app when an update is waiting, and activates it only
// when the user asks (a typed SKIP_WAITING message, then one reload on controllerchange).
// Nothing here ever reloads the page on its own.
import { Workbox } from 'workbox-window';
import { createStore } from '../app/store';
import { type PageToWorker, SKIP_WAITING } from '../shared/messages';

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
  const registration = await navigator.serviceWorker.getRegistration();
  registration?.waiting?.postMessage(SKIP_WAITING);
}
