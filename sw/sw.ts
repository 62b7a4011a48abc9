/// <reference lib="webworker" />
// Nightjar's service worker: precache the build, answer every navigation with the app
// shell (so a deep link or a reload works offline), and send the sealed outbox in the
// background (sw/outbox.ts). It caches no API response and has no route for the partner's
// endpoint, so the app's own requests to it go straight to the network. An update
// activates only when the page asks.
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { isPageToWorker, OUTBOX_SYNC_TAG } from '../src/shared/messages';
import { flushInBackground } from './outbox';

declare const self: ServiceWorkerGlobalScope;

// Background Sync is not in TypeScript's WebWorker library (it is a WICG specification).
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}

// A first install takes control at once so the app works offline from the first visit;
// an update still waits for the user (see the message handler).
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

self.addEventListener('message', (event) => {
  if (!isPageToWorker(event.data)) return;
  if (event.data.type === 'SKIP_WAITING') void self.skipWaiting();
  else if (event.data.type === 'FLUSH_OUTBOX') event.waitUntil(flushInBackground());
});

self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== OUTBOX_SYNC_TAG) return;
  sync.waitUntil(
    flushInBackground().then((outcome) => {
      // A rejected sync is retried by the browser later (with its own backoff).
      if (outcome === 'left-some' && !sync.lastChance) throw new Error('outbox not empty');
    }),
  );
});
