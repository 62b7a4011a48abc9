// Screens change in memory only: the URL and history never change, so Back, the app
// switcher and the history list can never reveal which screen was open.
import { createStore } from './store';

export type Screen = { name: 'home' } | { name: 'settings' };

export const screen = createStore<Screen>({ name: 'home' });

export function go(next: Screen): void {
  screen.set(next);
}
