// The report being written, kept outside any component so it survives the form being
// unmounted (going back, switching screens), and sealed into the vault so it survives a
// crash, a reload or a lock.
//
// Decisions:
// - Autosave runs at most AUTOSAVE_MS + IDLE_MS after the first unsaved change, not after
//   typing stops: a worker who types without pausing still has every change saved within
//   a second. The save waits for an idle moment so it never delays a keystroke's paint.
// - On lock (auto-lock, quick exit, the Lock button) beforeLock seals the draft with the
//   vault still open; encryption is synchronous, so the key can be wiped right after and
//   the write completes on its own. Hiding the page saves too (it may be killed there).
// - On lock the decrypted draft is dropped from memory; the next unlock offers the sealed
//   one back ("You have an unfinished report").
import { beforeLock, isUnlocked, onLock, vault } from '../../app/session';
import { createStore } from '../../app/store';
import { emptyReport, localDate, type Report } from '../../core/reports';
import type { Vault } from '../../core/vault';
import { deletePhoto } from './photo-store';
import { type Draft, deleteDraft, getDraft, getReport, putDraft } from './store';

export const AUTOSAVE_MS = 700;
const IDLE_MS = 250;

export type DraftStatus = 'idle' | 'unsaved' | 'saved' | 'failed';

export const openDraft = createStore<Draft | null>(null);
export const draftStatus = createStore<DraftStatus>('idle');

let dirty = false;
/** A sealed copy of the open draft exists in the vault. */
let kept = false;
let autosave = true;
let timer: ReturnType<typeof setTimeout> | undefined;
let writes: Promise<void> = Promise.resolve();
let generation = 0;

/** Benchmarks compare typing with and without autosave; the app never turns it off. */
export function setAutosave(on: boolean): void {
  autosave = on;
  if (!on) cancelTimer();
  else if (dirty) schedule();
}

function cancelTimer(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
}

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: IDLE_MS });
  else run();
}

function schedule(): void {
  if (timer !== undefined) return;
  timer = setTimeout(() => {
    timer = undefined;
    whenIdle(() => void flushDraft());
  }, AUTOSAVE_MS);
}

/** Make `draft` the open one (sealing the previous one first if it had changes). */
export function openForEditing(draft: Draft, alreadyKept = false): void {
  if (openDraft.get() !== draft) void flushDraft();
  openDraft.set(draft);
  dirty = false;
  kept = alreadyKept;
  draftStatus.set(alreadyKept ? 'saved' : 'idle');
}

export function changeDraft(update: (report: Report) => Report): void {
  const current = openDraft.get();
  if (!current) return;
  openDraft.set({ ...current, report: update(current.report) });
  dirty = true;
  draftStatus.set('unsaved');
  if (autosave) schedule();
}

/** True when the open draft has anything worth offering back (typed or stored). */
export const openDraftHasChanges = (): boolean => openDraft.get() !== null && (dirty || kept);

/**
 * Seal the open draft now if it changed. Encrypts before returning (the write itself is
 * async); resolves when every draft write so far has finished.
 */
export function flushDraft(into?: Vault): Promise<void> {
  cancelTimer();
  const current = openDraft.get();
  if (!dirty || !current) return writes;
  const target = into ?? (isUnlocked() ? vault() : null);
  if (!target) return writes;
  dirty = false;
  const round = generation;
  let write: Promise<void>;
  try {
    write = putDraft(current, target);
  } catch {
    dirty = true;
    draftStatus.set('failed');
    return writes;
  }
  const done = write.then(
    () => {
      if (round !== generation) return;
      kept = true;
      if (!dirty) draftStatus.set('saved');
    },
    () => {
      if (round !== generation) return;
      dirty = true;
      draftStatus.set('failed');
    },
  );
  writes = writes.then(() => done);
  return writes;
}

/** Every draft write started so far has finished (saved or failed). */
export const draftWrites = (): Promise<void> => writes;

/** Forget the open draft without saving it (after the report was saved from it). */
export function closeDraft(): void {
  cancelTimer();
  openDraft.set(null);
  dirty = false;
  kept = false;
  draftStatus.set('idle');
}

/**
 * Open the form's report: the open draft if it is that report, else its sealed draft,
 * else the saved report; `null` starts a new report dated today.
 */
export async function beginEditing(
  id: string | null,
  now: Date = new Date(),
): Promise<Draft | 'missing' | 'damaged'> {
  const current = openDraft.get();
  if (id === null) {
    const report = { ...emptyReport(crypto.randomUUID(), now), date: localDate(now) };
    const draft: Draft = { report, isNew: true };
    openForEditing(draft);
    return draft;
  }
  if (current?.report.id === id) return current;
  const sealed = await getDraft(id);
  if (sealed) {
    openForEditing(sealed, true);
    return sealed;
  }
  const saved = await getReport(id);
  if (typeof saved === 'string') return saved;
  const draft: Draft = { report: saved, isNew: false };
  openForEditing(draft);
  return draft;
}

/** Throw a draft away: its sealed copy, and photos that only the draft had. */
export async function discardDraft(reportId: string): Promise<void> {
  const current = openDraft.get();
  const draft = current?.report.id === reportId ? current : await getDraft(reportId);
  if (current?.report.id === reportId) closeDraft();
  await writes;
  await deleteDraft(reportId);
  const saved = await getReport(reportId);
  // A damaged saved report may still reference these photos: keep them.
  if (saved === 'damaged' || !draft) return;
  const keep = new Set(saved === 'missing' ? [] : saved.photos.map((p) => p.id));
  for (const photo of draft.report.photos) {
    if (!keep.has(photo.id)) await deletePhoto(photo.id);
  }
}

beforeLock((open) => {
  void flushDraft(open);
});

onLock(() => {
  generation++;
  closeDraft();
});

if (typeof document !== 'undefined') {
  const save = () => {
    if (isUnlocked()) void flushDraft();
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') save();
  });
  window.addEventListener('pagehide', save);
}
