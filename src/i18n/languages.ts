// The languages Nightjar ships, with their own names and writing direction. Kept apart from
// the i18next setup so the first paint can pick a language without loading anything.
// A language is listed here only once src/i18n/locales/<code>.ts and its folder exist.
export const LANGUAGES = {
  en: { name: 'English', dir: 'ltr' },
  es: { name: 'Español', dir: 'ltr' },
  'pt-BR': { name: 'Português (Brasil)', dir: 'ltr' },
  fr: { name: 'Français', dir: 'ltr' },
  ro: { name: 'Română', dir: 'ltr' },
  th: { name: 'ไทย', dir: 'ltr' },
  'zh-CN': { name: '简体中文', dir: 'ltr' },
  ar: { name: 'العربية', dir: 'rtl' },
} as const;

export type Language = keyof typeof LANGUAGES;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(LANGUAGES, value);
}

/** Which shipped language serves a base language tag ("pt-PT" → Brazilian Portuguese). */
const BY_BASE: Record<string, Language> = {
  en: 'en',
  es: 'es',
  pt: 'pt-BR',
  fr: 'fr',
  ro: 'ro',
  mo: 'ro',
  th: 'th',
  zh: 'zh-CN',
  ar: 'ar',
};

/** The first of the browser's preferred languages that we ship, else English. */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const exact = Object.keys(LANGUAGES).find((l) => l.toLowerCase() === tag.toLowerCase());
    if (exact) return exact as Language;
    const base = BY_BASE[tag.toLowerCase().split('-')[0] ?? ''];
    if (base) return base;
  }
  return 'en';
}
