// The decrypted reports, held in memory while unlocked so the list, search and detail
// screens open instantly. Loading starts as soon as the vault opens (it runs while the
// home screen paints); everything is dropped on lock.
import { isUnlocked, onLock, unlocked } from '../../app/session';
import { createStore } from '../../app/store';
import { buildSearchIndex, type Report, type SearchIndex } from '../../core/reports';
import { openDraft, openDraftHasChanges } from './draft';
import { deletePhoto, listPhotoOwners } from './photo-store';
import { type Draft, type Entry, listDrafts, listReports } from './store';

export interface ReportsState {
  /** Newest first; damaged records (value null) last. */
  entries: Entry<Report>[];
  /** The readable ones, in the same order. */
  reports: Report[];
}

export const reportsState = createStore<ReportsState | null>(null);
export const reportsFailed = createStore(false);
/** Sealed drafts (the open one, if it has changes, is merged in by unfinishedDrafts). */
export const storedDrafts = createStore<Entry<Draft>[]>([]);

let generation = 0;
let loading: Promise<void> | null = null;

/** Newest first: by date, then time, then when it was written. */
export function newestFirst(a: Entry<Report>, b: Entry<Report>): number {
  if (!a.value || !b.value) return a.value ? -1 : b.value ? 1 : a.id < b.id ? -1 : 1;
  const x = a.value;
  const y = b.value;
  if (x.date !== y.date) return x.date < y.date ? 1 : -1;
  if (x.time !== y.time) return x.time < y.time ? 1 : -1;
  return x.createdAt < y.createdAt ? 1 : x.createdAt > y.createdAt ? -1 : 0;
}

const indexes = new WeakMap<ReportsState, SearchIndex>();

/**
 * The search index of a loaded list, built on first use (or in the first idle moment
 * after loading) so it never delays the list's first paint.
 */
export function searchIndexOf(state: ReportsState): SearchIndex {
  let index = indexes.get(state);
  if (!index) {
    index = buildSearchIndex(state.reports);
    indexes.set(state, index);
  }
  return index;
}

function publish(entries: Entry<Report>[]): void {
  entries.sort(newestFirst);
  const state = { entries, reports: entries.flatMap((e) => (e.value ? [e.value] : [])) };
  reportsState.set(state);
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(() => {
      if (reportsState.get() === state) searchIndexOf(state);
    });
  }
}

/** Load once per unlock; later calls share the first. */
export function loadReports(): Promise<void> {
  if (reportsState.get()) return Promise.resolve();
  if (loading) return loading;
  const round = generation;
  reportsFailed.set(false);
  loading = (async () => {
    try {
      const [entries, drafts] = await Promise.all([listReports(), listDrafts()]);
      if (round !== generation) return;
      storedDrafts.set(drafts);
      publish(entries);
      setTimeout(() => void sweepOrphanPhotos(round), 3_000);
    } catch {
      if (round === generation) reportsFailed.set(true);
    } finally {
      if (round === generation) loading = null;
    }
  })();
  return loading;
}

/** Drop what is in memory and read every report again (after a bulk import). */
export function reloadReports(): Promise<void> {
  generation++;
  loading = null;
  reportsState.set(null);
  return loadReports();
}

export async function refreshDrafts(): Promise<void> {
  const round = generation;
  try {
    const drafts = await listDrafts();
    if (round === generation) storedDrafts.set(drafts);
  } catch {
    // Locked meanwhile, or storage failing: the banner keeps what it had.
  }
}

/** Sealed drafts plus the open one when it has changes; the open one wins. */
export function unfinishedDrafts(): Entry<Draft>[] {
  const open = openDraft.get();
  const list = storedDrafts.get().filter((e) => !open || e.id !== `draft:${open.report.id}`);
  return open && openDraftHasChanges()
    ? [{ id: `draft:${open.report.id}`, value: open }, ...list]
    : list;
}

export function findReport(id: string): Entry<Report> | undefined {
  return reportsState.get()?.entries.find((e) => e.id === id);
}

export function rememberReport(report: Report): void {
  const state = reportsState.get();
  if (!state) return;
  publish([...state.entries.filter((e) => e.id !== report.id), { id: report.id, value: report }]);
}

export function forgetReport(id: string): void {
  const state = reportsState.get();
  if (state) publish(state.entries.filter((e) => e.id !== id));
}

export function forgetDraft(reportId: string): void {
  storedDrafts.set(storedDrafts.get().filter((e) => e.id !== `draft:${reportId}`));
}

/**
 * Photos whose report and draft are both gone (a draft lost before it was sealed, an
 * interrupted delete). A photo is kept if any record, even a damaged one, has its
 * report's id, or the open draft does.
 */
async function sweepOrphanPhotos(round: number): Promise<void> {
  if (round !== generation || !isUnlocked()) return;
  try {
    // Reports from memory (saves since unlock are in it); drafts fresh, they change often.
    const [drafts, owners] = await Promise.all([listDrafts(), listPhotoOwners()]);
    const reports = reportsState.get()?.entries;
    if (round !== generation || !reports) return;
    const live = new Set([
      ...reports.map((e) => e.id),
      ...drafts.map((e) => e.id.slice('draft:'.length)),
    ]);
    const open = openDraft.get();
    if (open) live.add(open.report.id);
    for (const { photoId, reportId } of owners) {
      if (reportId === null || live.has(reportId)) continue;
      if (round !== generation) return;
      await deletePhoto(photoId);
    }
  } catch {
    // Try again on the next unlock.
  }
}

unlocked.subscribe(() => {
  if (unlocked.get()) void loadReports();
});

onLock(() => {
  generation++;
  loading = null;
  reportsState.set(null);
  reportsFailed.set(false);
  storedDrafts.set([]);
});
