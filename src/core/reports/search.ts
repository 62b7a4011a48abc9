// Search and filter over decrypted reports, in memory: nothing readable may be indexed on
// disk, and a worker's list is small. buildSearchIndex folds each report once (lower case,
// accents stripped) so a search is plain substring tests: 1,000 reports take about a
// millisecond. Build it after unlock and drop it on lock with the reports themselves.
//
// Text matching: every word of the query must occur in the report's text fields (any of
// them, nested description, vehicle and identifiers included). Identifiers also match
// written another way: the whole query without spaces, dashes, dots or parentheses against
// plates, phones, emails and handles ('ab 12' finds 'AB-12 CDE'), and a phone-like query
// against phone numbers by digits, ignoring a leading '+', '00' or trunk '0' (so
// '07700 900123' finds '+44 7700 900123').

import type { Report } from './report';

export interface ReportQuery {
  text?: string;
  /** Any of these incident types; empty or absent means all. */
  types?: readonly string[];
  /** Inclusive YYYY-MM-DD bounds; reports without a date fall outside any bound. */
  from?: string;
  to?: string;
}

interface IndexEntry {
  readonly report: Report;
  readonly text: string;
  readonly ids: string;
  readonly phones: readonly string[];
}

export interface SearchIndex {
  readonly entries: readonly IndexEntry[];
}

/** Lower case, accents and other combining marks removed, whitespace collapsed. */
export const fold = (s: string): string =>
  s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

const compact = (s: string): string => fold(s).replace(/[\s\-.()/_\u2010-\u2015]/g, '');

/** Digits without a leading '+', '00' or trunk '0'. */
const phoneDigits = (s: string): string =>
  s.normalize('NFKC').replace(/\D/g, '').replace(/^0+/, '');

function strings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') {
    if (value !== '') out.push(value);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) strings(v, out);
  }
  return out;
}

function indexReport(r: Report): IndexEntry {
  const { perpetrator: p, vehicle: v } = r;
  // Ids, enums, dates and photo references are not text: filters cover what matters.
  const text = strings(
    [
      r.duration,
      r.area,
      r.contactMethod,
      p,
      r.description,
      v,
      r.whatHappened,
      r.injuries,
      r.workingName,
      r.safeContact,
    ],
    [],
  );
  const identifiers = strings(
    [p.phones, p.emails, p.handles, p.nameUsed, p.paymentHandles, v.plateRaw, v.plateNormalised],
    [],
  );
  return {
    report: r,
    text: text.map(fold).join('\n'),
    ids: identifiers.map(compact).join('\n'),
    phones: p.phones.flatMap((ph) => [phoneDigits(ph.normalised), phoneDigits(ph.raw)]),
  };
}

export const buildSearchIndex = (reports: readonly Report[]): SearchIndex => ({
  entries: reports.map(indexReport),
});

function textMatcher(query: string): (e: IndexEntry) => boolean {
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return () => true;
  const whole = compact(query);
  const digits = /^[\s\d+().\-/\u2010-\u2015]+$/.test(query.normalize('NFKC'))
    ? phoneDigits(query)
    : '';
  return (e) =>
    words.every((w) => e.text.includes(w) || e.ids.includes(w)) ||
    (whole.length > 1 && e.ids.includes(whole)) ||
    (digits.length >= 3 &&
      e.phones.some((p) => p.includes(digits) || (p.length >= 7 && digits.includes(p))));
}

/** The reports matching every given criterion, in the order given. */
export function searchReports(
  source: readonly Report[] | SearchIndex,
  query: ReportQuery,
): Report[] {
  const { entries } = Array.isArray(source)
    ? buildSearchIndex(source as readonly Report[])
    : (source as SearchIndex);
  const text = textMatcher(query.text ?? '');
  const types = query.types ?? [];
  const from = query.from ?? '';
  const to = query.to ?? '';
  const out: Report[] = [];
  for (const e of entries) {
    const { date } = e.report;
    if (types.length > 0 && !e.report.types.some((t) => types.includes(t))) continue;
    if ((from !== '' || to !== '') && date === '') continue;
    if ((from !== '' && date < from) || (to !== '' && date > to)) continue;
    if (text(e)) out.push(e.report);
  }
  return out;
}
