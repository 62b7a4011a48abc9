// Dates and times in the user's language, always through Intl (never hand-made). The
// formatters are cached per language: a list of a thousand rows formats a thousand dates.

import type { IncidentType } from '../../core/reports';
import { i18next, t } from '../../i18n';

const cache = new Map<string, Intl.DateTimeFormat>();

/**
 * The app's language, with the phone's region when the phone prefers that same language
 * ('en' + en-GB → en-GB: "1 May 2024, 22:15"; 'es' + es-MX → es-MX).
 */
function locale(): string {
  const lang = i18next.language;
  const preferred = globalThis.navigator?.languages ?? [];
  return preferred.find((tag) => tag.toLowerCase().split('-')[0] === lang) ?? lang;
}

function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const tag = locale();
  const id = `${tag}|${key}`;
  let found = cache.get(id);
  if (!found) {
    found = new Intl.DateTimeFormat(tag, options);
    cache.set(id, found);
  }
  return found;
}

/** 'YYYY-MM-DD' (a local calendar date) → "15 Jun 2024" in the user's language. */
export function formatDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const at = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return formatter('day', { dateStyle: 'medium' }).format(at);
}

/** 'HH:MM' → "21:30" or "9:30 pm", as the language writes it. */
export function formatClock(hhmm: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return hhmm;
  const at = new Date(2000, 0, 1, Number(m[1]), Number(m[2]));
  return formatter('clock', { timeStyle: 'short' }).format(at);
}

/** An ISO instant → date and time. */
export function formatInstant(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return formatter('instant', { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

export const typeLabel = (type: IncidentType): string => t(`reports:types.${type}`);

export const typeList = (types: readonly IncidentType[]): string =>
  types.map(typeLabel).join(' · ');
