// Reading the inbox: open every sealed report with the organisation's secret key, remove the
// padding, check the payload shape, and export to JSON / CSV.
import { openPadded } from '../src/core/sync/seal';
import type { PartnerKeys } from './keys';
import type { ReportStore } from './store';

export const REPORT_FORMAT = 'nightjar-report';
export const REPORT_VERSION = 1;

export interface OpenedReport {
  id: string;
  receivedDay: string;
  report: Record<string, unknown>;
}

export interface FailedReport {
  id: string;
  receivedDay: string;
  error: string;
}

export interface InboxResult {
  reports: OpenedReport[];
  failed: FailedReport[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Opens one sealed, padded body into its report, or says why not. */
export async function openReport(
  body: Uint8Array,
  keys: Pick<PartnerKeys, 'boxPublicKey' | 'boxSecretKey'>,
  id?: string,
): Promise<{ ok: true; report: Record<string, unknown> } | { ok: false; error: string }> {
  const opened = await openPadded(body, keys.boxPublicKey, keys.boxSecretKey);
  if (!opened.ok) {
    const why =
      opened.error === 'auth_failed'
        ? 'cannot be opened with these keys (other key, or damaged)'
        : `malformed (${opened.error})`;
    return { ok: false, error: why };
  }
  let payload: unknown;
  try {
    payload = JSON.parse(utf8.decode(opened.value));
  } catch {
    return { ok: false, error: 'opened, but the content is not valid UTF-8 JSON' };
  } finally {
    opened.value.fill(0);
  }
  if (!isPlainObject(payload) || payload.format !== REPORT_FORMAT) {
    return { ok: false, error: 'opened, but it is not a Nightjar report' };
  }
  if (payload.version !== REPORT_VERSION) {
    return { ok: false, error: `unsupported report version ${String(payload.version)}` };
  }
  if (!isPlainObject(payload.report)) return { ok: false, error: 'report field missing' };
  // If the app binds the id inside the sealed payload, a moved/swapped row is detected.
  if (id !== undefined && typeof payload.id === 'string' && payload.id !== id) {
    return { ok: false, error: 'the id inside the report does not match the stored id' };
  }
  return { ok: true, report: payload.report };
}

export async function readInbox(
  store: ReportStore,
  keys: Pick<PartnerKeys, 'boxPublicKey' | 'boxSecretKey'>,
): Promise<InboxResult> {
  const result: InboxResult = { reports: [], failed: [] };
  for (const row of store.iterate()) {
    const r = await openReport(row.body, keys, row.id);
    if (r.ok) result.reports.push({ id: row.id, receivedDay: row.received_day, report: r.report });
    else result.failed.push({ id: row.id, receivedDay: row.received_day, error: r.error });
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// Output

// Reports come from anyone who has the (public) box key: never let their text drive the
// terminal (escape sequences) or reorder what is shown around it (bidi controls).
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_UNSAFE, '?');
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('; ');
  }
  return JSON.stringify(value);
}

/** One line: the first few top-level fields of the report, shortened. */
export function summarise(report: Record<string, unknown>, width = 90): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(report)) {
    const text = cellText(v).replace(/\s+/g, ' ');
    if (text === '') continue;
    parts.push(`${k}: ${text.length > 40 ? `${text.slice(0, 39)}…` : text}`);
    if (parts.length === 4) break;
  }
  const line = terminalSafe(parts.join(' | '));
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

export function toJsonExport(inbox: InboxResult): string {
  return `${JSON.stringify(
    {
      format: 'nightjar-inbox-export',
      version: 1,
      reports: inbox.reports,
      failed: inbox.failed,
    },
    null,
    2,
  )}\n`;
}

/**
 * RFC 4180 CSV (every field quoted, CRLF, UTF-8 with BOM for spreadsheet programs).
 * Columns: id, received_day, then every top-level field of `report` in first-seen order;
 * arrays are joined with "; ", objects written as JSON. A cell that a spreadsheet would run
 * as a formula (starting with = + - @ tab or CR) gets a leading apostrophe; the JSON export
 * keeps the exact values.
 */
export function toCsv(reports: OpenedReport[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const r of reports) {
    for (const k of Object.keys(r.report)) {
      if (!seen.has(k)) {
        seen.add(k);
        columns.push(k);
      }
    }
  }
  const quote = (text: string): string => {
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  const header = columns.map((c) => (c === 'id' || c === 'received_day' ? `report.${c}` : c));
  const lines = [['id', 'received_day', ...header].map(quote).join(',')];
  for (const r of reports) {
    const cells = [r.id, r.receivedDay, ...columns.map((c) => cellText(r.report[c]))];
    lines.push(cells.map(quote).join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
