// Settings that only matter while unlocked live inside the vault as one encrypted record,
// so even the choice of auto-lock delay is unreadable from a copied profile.
import { onLock, vault } from './session';
import { createStore } from './store';

export const AUTO_LOCK_CHOICES = [0, 1, 5, 15, 30] as const;
export type AutoLockMinutes = (typeof AUTO_LOCK_CHOICES)[number];

export interface AppSettings {
  /** 0 = lock as soon as the app is left; otherwise minutes without activity. */
  autoLockMinutes: AutoLockMinutes;
  lockOnHide: boolean;
}

export const DEFAULT_SETTINGS: AppSettings = { autoLockMinutes: 5, lockOnHide: true };
const ID = 'settings';

export const appSettings = createStore<AppSettings>(DEFAULT_SETTINGS);
onLock(() => appSettings.set(DEFAULT_SETTINGS));

function sanitise(value: unknown): AppSettings {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Partial<AppSettings>;
  return {
    autoLockMinutes: AUTO_LOCK_CHOICES.includes(raw.autoLockMinutes as AutoLockMinutes)
      ? (raw.autoLockMinutes as AutoLockMinutes)
      : DEFAULT_SETTINGS.autoLockMinutes,
    lockOnHide: typeof raw.lockOnHide === 'boolean' ? raw.lockOnHide : DEFAULT_SETTINGS.lockOnHide,
  };
}

export async function loadSettings(): Promise<void> {
  const found = await vault().get(ID);
  appSettings.set(found.ok ? sanitise(found.value.data) : DEFAULT_SETTINGS);
}

export async function saveSettings(patch: Partial<AppSettings>): Promise<void> {
  const next = { ...appSettings.get(), ...patch };
  await vault().put(ID, ID, next);
  appSettings.set(next);
}
