/// <reference lib="webworker" />
// Nightjar's service worker: precache the build, answer every navigation with the app
// shell (so a deep link or a reload works offline), and nothing else. It caches no API
// response: the only network traffic it ever makes beyond the precache is the sealed
// outbox (issue: sending reports). An update activates only when the page asks.
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { isPageToWorker } from '../src/shared/messages';

declare const self: ServiceWorkerGlobalScope;

// A first install takes control at once so the app works offline from the first visit;
// an update still waits for the user (see the message handler).
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

self.addEventListener('message', (event) => {
  if (isPageToWorker(event.data) && event.data.type === 'SKIP_WAITING') {
    void self.skipWaiting();
  }
});
