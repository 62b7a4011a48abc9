// i18next, initialised from JSON bundled per language. English is the reference: its files
// type every key (see i18next.d.ts), so a missing or misspelt key fails the type check.
// Languages load lazily as one chunk each; the service worker precaches them all.
import i18next from 'i18next';
import { createStore } from '../app/store';
import { LANGUAGES, type Language } from './languages';
import type en from './locales/en';

export type Resources = typeof en;

/** The current language; screens subscribe so a switch re-renders every label. */
export const currentLanguage = createStore<Language>('en');

const loaders = import.meta.glob<{ default: Resources }>('./locales/*.ts');

async function loadResources(lng: Language): Promise<Resources> {
  const load = loaders[`./locales/${lng}.ts`];
  if (!load) throw new Error(`no locale ${lng}`);
  return (await load()).default;
}

export async function initI18n(wanted: Language): Promise<void> {
  // A language that cannot load (a damaged cache, a missing file) must never keep the app
  // from starting: fall back to English, which is also every language's fallback.
  const en = await loadResources('en');
  let lng: Language = wanted;
  const resources: Record<string, Resources> = { en };
  if (wanted !== 'en') {
    try {
      resources[wanted] = await loadResources(wanted);
    } catch {
      lng = 'en';
    }
  }
  await i18next.init({
    lng,
    fallbackLng: 'en',
    resources,
    ns: Object.keys(en),
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // Preact escapes text for us.
    returnNull: false,
    debug: false,
  });
  applyDocumentLanguage(lng);
}

export async function changeLanguage(lng: Language): Promise<void> {
  if (!i18next.hasResourceBundle(lng, 'common')) {
    const res = await loadResources(lng);
    for (const [ns, bundle] of Object.entries(res)) {
      i18next.addResourceBundle(lng, ns, bundle, true, true);
    }
  }
  await i18next.changeLanguage(lng);
  applyDocumentLanguage(lng);
}

function applyDocumentLanguage(lng: Language): void {
  currentLanguage.set(lng);
  document.documentElement.lang = lng;
  document.documentElement.dir = LANGUAGES[lng].dir;
}

export const t = i18next.t.bind(i18next);
export { i18next };
