// Screens change in memory only: the URL and history never change, so Back, the app
// switcher and the history list can never reveal which screen was open.
import { createStore } from './store';

export type Screen =
  | { name: 'onboarding' }
  | { name: 'unlock' }
  | { name: 'damaged' }
  | { name: 'home' }
  | { name: 'settings' }
  | { name: 'reports' }
  | { name: 'report'; id: string | null }
  | { name: 'reportView'; id: string }
  | { name: 'contacts' }
  | { name: 'contact'; id: string | null }
  | { name: 'checkin' };

export type ScreenName = Screen['name'];

/** Screens that need the vault open; everything else is reachable while locked. */
export const LOCKED_SCREENS: ReadonlySet<ScreenName> = new Set(['onboarding', 'unlock', 'damaged']);

export const screen = createStore<Screen>({ name: 'unlock' });

export function go(next: Screen): void {
  screen.set(next);
}
