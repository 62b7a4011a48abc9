// Reports and their drafts in the vault. Screens never call the vault: they go through
// these few functions. Each takes the vault as its last argument (the open session's by
// default) so tests can use a real vault on fake-indexeddb.
//
// Decisions:
// - A report's record id is its UUID (also the id the partner will see); its draft is a
//   separate record 'draft:<reportId>', so an autosave can never overwrite the saved
//   report, and discarding a draft leaves the saved report as it was.
// - Decrypted data comes back through revive*(): a record that opens but does not look
//   like a report (written by a newer app, or tampered) is shown as damaged, never
//   crashes a screen. Missing fields are filled with blanks.
import { vault as sessionVault } from '../../app/session';
import { emptyReport, type Report } from '../../core/reports';
import type { Vault } from '../../core/vault';
import { deletePhoto } from './photo-store';

export const REPORT_KIND = 'report';
export const DRAFT_KIND = 'draft';

/** One row of a list: the value, or null when the record is damaged. */
export interface Entry<T> {
  id: string;
  value: T | null;
}

export interface Draft {
  report: Report;
  /** The report has never been saved (its form says "New report"). */
  isNew: boolean;
}

export const draftId = (reportId: string): string => `draft:${reportId}`;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];

/** Blanks filled in, wrong-typed fields dropped; null when it is not a report at all. */
export function reviveReport(data: unknown): Report | null {
  if (!isObject(data) || typeof data.id !== 'string' || data.id === '') return null;
  const base = emptyReport(data.id, new Date(0));
  const merged: Record<string, unknown> = { ...base };
  for (const [key, blank] of Object.entries(base)) {
    const value = data[key];
    if (typeof blank === 'string' && typeof value === 'string') merged[key] = value;
    else if (Array.isArray(blank) && Array.isArray(value)) merged[key] = value;
    else if (isObject(blank) && isObject(value)) {
      const nested: Record<string, unknown> = { ...blank };
      for (const [k, b] of Object.entries(blank)) {
        if (typeof value[k] === typeof b && Array.isArray(value[k]) === Array.isArray(b)) {
          nested[k] = value[k];
        }
      }
      merged[key] = nested;
    }
  }
  const r = merged as unknown as Report;
  r.types = strings(r.types) as Report['types'];
  r.supportWanted = strings(r.supportWanted) as Report['supportWanted'];
  r.perpetrator.emails = strings(r.perpetrator.emails);
  r.perpetrator.handles = strings(r.perpetrator.handles);
  r.perpetrator.paymentHandles = strings(r.perpetrator.paymentHandles);
  r.perpetrator.phones = r.perpetrator.phones.filter(
    (p) => isObject(p) && typeof p.raw === 'string' && typeof p.normalised === 'string',
  );
  r.photos = r.photos.filter((p) => isObject(p) && typeof p.id === 'string');
  return r;
}

function reviveDraft(data: unknown): Draft | null {
  if (!isObject(data)) return null;
  const report = reviveReport(data.report);
  return report ? { report, isNew: data.isNew === true } : null;
}

export async function listReports(v: Vault = sessionVault()): Promise<Entry<Report>[]> {
  const rows = await v.list(REPORT_KIND);
  return rows.map(({ id, result }) => ({
    id,
    value: result.ok ? reviveReport(result.value.data) : null,
  }));
}

export async function getReport(
  id: string,
  v: Vault = sessionVault(),
): Promise<Report | 'missing' | 'damaged'> {
  const found = await v.get(id);
  if (!found.ok) return found.error;
  if (found.value.kind !== REPORT_KIND) return 'missing';
  return reviveReport(found.value.data) ?? 'damaged';
}

export function putReport(report: Report, v: Vault = sessionVault()): Promise<void> {
  return v.put(REPORT_KIND, report.id, report);
}

/** The report, its draft and every photo it references. */
export async function deleteReport(report: Report, v: Vault = sessionVault()): Promise<void> {
  await v.delete(report.id);
  await v.delete(draftId(report.id));
  for (const photo of report.photos) await deletePhoto(photo.id, v);
}

export async function listDrafts(v: Vault = sessionVault()): Promise<Entry<Draft>[]> {
  const rows = await v.list(DRAFT_KIND);
  return rows.map(({ id, result }) => ({
    id,
    value: result.ok ? reviveDraft(result.value.data) : null,
  }));
}

export async function getDraft(reportId: string, v: Vault = sessionVault()): Promise<Draft | null> {
  const found = await v.get(draftId(reportId));
  return found.ok && found.value.kind === DRAFT_KIND ? reviveDraft(found.value.data) : null;
}

/**
 * Encrypts synchronously, before the returned promise's first await: the caller may lock
 * the vault (wipe the key) right after this returns and the write still completes.
 */
export function putDraft(draft: Draft, v: Vault = sessionVault()): Promise<void> {
  return v.put(DRAFT_KIND, draftId(draft.report.id), draft);
}

export function deleteDraft(reportId: string, v: Vault = sessionVault()): Promise<void> {
  return v.delete(draftId(reportId));
}

/**
 * A record that cannot be opened can still be deleted by its id ('draft:…' or a report's
 * id). Its photos cannot be found from it; the photo sweep removes them later.
 */
export async function deleteDamaged(id: string, v: Vault = sessionVault()): Promise<void> {
  await v.delete(id);
}
