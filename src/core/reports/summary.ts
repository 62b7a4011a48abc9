// The one-line view of a report for lists. Core holds no i18n: this returns data, and the
// screen names the types and formats the date in the user's language.

import type { IncidentType, Report } from './report';

export interface ReportSummary {
  id: string;
  types: IncidentType[];
  date: string;
  time: string;
  /** What happened, else the area, whitespace collapsed, cut to maxLength with '…'. */
  snippet: string;
}

// Cut between user-perceived characters so an emoji or accented letter is never split.
const graphemes = (s: string): string[] =>
  typeof Intl.Segmenter === 'function'
    ? Array.from(
        new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s),
        (g) => g.segment,
      )
    : Array.from(s);

/** Shortens to at most maxLength characters (the '…' included), at a word end when one is near. */
export function snippet(text: string, maxLength = 80): string {
  const chars = graphemes(text.replace(/\s+/g, ' ').trim());
  if (chars.length <= maxLength) return chars.join('');
  const cut = chars.slice(0, Math.max(maxLength - 1, 0));
  const space = cut.lastIndexOf(' ');
  const kept = space >= cut.length * 0.6 ? cut.slice(0, space) : cut;
  return `${kept.join('').trimEnd()}…`;
}

export function summariseReport(r: Report, maxLength = 80): ReportSummary {
  const source = r.whatHappened.trim() !== '' ? r.whatHappened : r.area;
  return {
    id: r.id,
    types: [...r.types],
    date: r.date,
    time: r.time,
    snippet: snippet(source, maxLength),
  };
}
