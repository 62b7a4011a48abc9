// The languages Nightjar ships, with their writing direction. Kept apart from the i18next
// setup so the first paint can pick a language without loading anything.
export const LANGUAGES = {
  en: { dir: 'ltr' },
  es: { dir: 'ltr' },
} as const;

export type Language = keyof typeof LANGUAGES;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(LANGUAGES, value);
}

/** The first of the browser's preferred languages that we ship, else English. */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(tag)) return tag;
    if (isLanguage(base)) return base;
  }
  return 'en';
}
