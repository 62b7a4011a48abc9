import type { Theme } from '../app/prefs';

/** 'system' follows prefers-color-scheme through CSS; light/dark pin it. */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}
