// Display preferences needed before the first paint, when nothing is unlocked: language,
// theme, which disguise to show and what to launch into. They are not sensitive (every
// install of this app has them) and hold no content, so they live in localStorage under a
// neutral key where they can be read synchronously. Nothing else ever goes there.
import { detectLanguage, isLanguage, type Language } from '../i18n/languages';

export type Face = 'calculator' | 'converter';
export type Theme = 'system' | 'light' | 'dark';
export type Launch = 'disguise' | 'unlock';

export interface Prefs {
  lang: Language;
  theme: Theme;
  face: Face;
  launch: Launch;
}

const KEY = 'calc';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // Storage can be blocked; defaults are fine.
  }
}

export function readPrefs(): Prefs {
  let raw: Partial<Record<keyof Prefs, unknown>> = {};
  try {
    raw = JSON.parse(storage()?.getItem(KEY) ?? '{}') ?? {};
  } catch {
    raw = {};
  }
  return {
    lang: isLanguage(raw.lang) ? raw.lang : detectLanguage(globalThis.navigator?.languages ?? []),
    theme: raw.theme === 'light' || raw.theme === 'dark' ? raw.theme : 'system',
    face: raw.face === 'converter' ? 'converter' : 'calculator',
    launch: raw.launch === 'unlock' ? 'unlock' : 'disguise',
  };
}

export function writePrefs(patch: Partial<Prefs>): Prefs {
  const next = { ...readPrefs(), ...patch };
  try {
    storage()?.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage full or blocked: the preference lasts for this session only.
  }
  return next;
}

export function clearPrefs(): void {
  try {
    storage()?.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}
