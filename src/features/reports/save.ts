// Saving the open draft as a report, and deleting a report. Normalised phone numbers and
// plate are computed here, on save, from what was typed; blank list rows are dropped.
import {
  normalisePhone,
  normalisePlate,
  type Report,
  type ReportProblem,
  validateReport,
} from '../../core/reports';
import { forgetReport as forgetSent } from '../sync';
import { closeDraft, draftWrites, openDraft } from './draft';
import { deletePhoto } from './photo-store';
import { type ShareOutcome, shareReport } from './share';
import { forgetDraft, forgetReport, rememberReport } from './state';
import { deleteDamaged, deleteDraft, deleteReport, getReport, putReport } from './store';

const filled = (list: string[]): string[] => list.filter((s) => s.trim() !== '');

export function prepareReport(r: Report, now: Date): Report {
  const p = r.perpetrator;
  return {
    ...r,
    perpetrator: {
      ...p,
      phones: p.phones
        .filter((ph) => ph.raw.trim() !== '')
        .map((ph) => ({ raw: ph.raw, normalised: normalisePhone(ph.raw) })),
      emails: filled(p.emails),
      handles: filled(p.handles),
      paymentHandles: filled(p.paymentHandles),
    },
    vehicle: { ...r.vehicle, plateNormalised: normalisePlate(r.vehicle.plateRaw) },
    updatedAt: now.toISOString(),
  };
}

export type SaveResult =
  | { ok: true; report: Report; shared: ShareOutcome | 'failed' }
  | { ok: false; problems: ReportProblem[] }
  | { ok: false; problems: []; failed: true };

export async function saveOpenDraft(now: Date = new Date()): Promise<SaveResult> {
  const draft = openDraft.get();
  if (!draft) return { ok: false, problems: [], failed: true };
  const report = prepareReport(draft.report, now);
  const problems = validateReport(report, now);
  if (problems.length > 0) return { ok: false, problems };
  try {
    const before = await getReport(report.id);
    await draftWrites();
    await putReport(report);
    if (openDraft.get() === draft) closeDraft();
    await deleteDraft(report.id);
    forgetDraft(report.id);
    rememberReport(report);
    if (typeof before === 'object') {
      const kept = new Set(report.photos.map((p) => p.id));
      for (const photo of before.photos) if (!kept.has(photo.id)) await deletePhoto(photo.id);
    }
    // Queue (or take back) the sealed copy for the partner, as the consent tier says. The
    // report is saved either way; a failure here shows in its send state.
    const shared = await shareReport(report).catch(() => 'failed' as const);
    return { ok: true, report, shared };
  } catch {
    return { ok: false, problems: [], failed: true };
  }
}

export async function removeReport(report: Report): Promise<boolean> {
  try {
    if (openDraft.get()?.report.id === report.id) closeDraft();
    await draftWrites();
    await deleteReport(report);
    await forgetSent(report.id).catch(() => undefined);
    forgetReport(report.id);
    forgetDraft(report.id);
    return true;
  } catch {
    return false;
  }
}

/** A damaged record can still be deleted, by id only. */
export async function removeDamaged(id: string): Promise<boolean> {
  try {
    await deleteDamaged(id);
    forgetReport(id);
    if (id.startsWith('draft:')) forgetDraft(id.slice('draft:'.length));
    return true;
  } catch {
    return false;
  }
}
