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
  wb.addEventListener('controlling', (event) => {
    // Only the update the user asked for reloads; a first install just takes control.
    if (event.isUpdate && userAskedForUpdate) window.location.reload();
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
export function applyUpdate(): void {
  if (!updateReady.get()) return;
  userAskedForUpdate = true;
  send(SKIP_WAITING);
}
