// Auto-lock: when the page is hidden (app switcher, screen off, another tab) and after a
// chosen time without activity. Both call lockNow(), which shows the disguise first.
import { isUnlocked, lockNow } from './session';
import { appSettings } from './settings';

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart', 'scroll'] as const;
let lastActivity = Date.now();
let started = false;

function hiddenLock(): void {
  if (!isUnlocked()) return;
  const { lockOnHide, autoLockMinutes } = appSettings.get();
  if (lockOnHide || autoLockMinutes === 0) lockNow();
}

function idleCheck(): void {
  if (!isUnlocked()) return;
  const minutes = appSettings.get().autoLockMinutes;
  if (minutes > 0 && Date.now() - lastActivity >= minutes * 60_000) lockNow();
}

export function markActive(): void {
  lastActivity = Date.now();
}

export function startAutoLock(): void {
  if (started) return;
  started = true;
  for (const type of ACTIVITY) {
    window.addEventListener(type, markActive, { capture: true, passive: true });
  }
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') hiddenLock();
  });
  // pagehide also covers the page going into the back/forward cache.
  window.addEventListener('pagehide', hiddenLock);
  window.setInterval(idleCheck, 1_000);
}
