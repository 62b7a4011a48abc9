// The open draft through a real session: autosave within a second of a change, sealing on
// lock with the key wiped right after, nothing decrypted left in memory after the lock,
// and saving or discarding cleaning up the draft and the photos only it had.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The session paints the disguise on lock; there is no DOM here.
vi.mock('../../src/app/mode', () => ({ showFace: () => {} }));

import { lockEpoch, lockNow, startSession } from '../../src/app/session';
import { emptyReport } from '../../src/core/reports';
import { openDb } from '../../src/core/storage';
import { createVault, unlockVault, type Vault } from '../../src/core/vault';
import {
  AUTOSAVE_MS,
  beginEditing,
  changeDraft,
  discardDraft,
  openDraft,
} from '../../src/features/reports/draft';
import { loadPhoto, savePhoto } from '../../src/features/reports/photo-store';
import { prepareReport, saveOpenDraft } from '../../src/features/reports/save';
import { reportsState } from '../../src/features/reports/state';
import { getDraft, getReport, listDrafts } from '../../src/features/reports/store';

const PASS = 'correct horse battery staple';
let n = 0;
let name = '';
let vault: Vault;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const photo = (reportId: string) => ({
  reportId,
  full: new Uint8Array(100).fill(7),
  thumb: new Uint8Array(10).fill(3),
  width: 10,
  height: 10,
  mime: 'image/jpeg',
});

beforeEach(async () => {
  name = `draft-${Date.now()}-${++n}`;
  const created = await createVault(openDb(name), PASS);
  if (!created.ok) throw new Error(created.error);
  vault = created.value;
  startSession(vault, lockEpoch());
});

afterEach(() => lockNow());

async function reopen(): Promise<Vault> {
  const opened = await unlockVault(openDb(name), PASS);
  if (!opened.ok) throw new Error(opened.error);
  vault = opened.value;
  startSession(vault, lockEpoch());
  return vault;
}

describe('the open draft', () => {
  it('is sealed within a second of a change, without waiting for typing to stop', async () => {
    const draft = await beginEditing(null, new Date(2024, 5, 15, 12));
    if (typeof draft === 'string') throw new Error(draft);
    expect(draft.report.date).toBe('2024-06-15');
    expect(await listDrafts(vault)).toEqual([]); // nothing typed, nothing stored

    const started = Date.now();
    // Keep typing every 100 ms: a debounce that waits for a pause would never save.
    for (let i = 0; i < 12; i++) {
      changeDraft((r) => ({ ...r, whatHappened: `${r.whatHappened}x` }));
      await sleep(100);
      const stored = await getDraft(draft.report.id, vault);
      if (stored) {
        expect(Date.now() - started).toBeLessThan(1_000 + 100);
        expect(stored.report.whatHappened.length).toBeGreaterThan(0);
        return;
      }
    }
    throw new Error(`not saved within ${AUTOSAVE_MS} ms + idle time`);
  });

  it('is sealed on lock, dropped from memory, and comes back after unlocking', async () => {
    const draft = await beginEditing(null);
    if (typeof draft === 'string') throw new Error(draft);
    changeDraft((r) => ({ ...r, whatHappened: 'typed just before the lock', types: ['threats'] }));
    lockNow(); // well before the autosave timer
    expect(openDraft.get()).toBeNull();
    expect(reportsState.get()).toBeNull();
    expect(vault.isLocked).toBe(true);

    const again = await reopen();
    await sleep(50); // the sealed write finishes on its own
    const stored = await getDraft(draft.report.id, again);
    expect(stored?.report).toMatchObject({
      whatHappened: 'typed just before the lock',
      types: ['threats'],
    });
    // Opening the report again continues the sealed draft.
    const resumed = await beginEditing(draft.report.id);
    expect(resumed).toMatchObject({ report: { whatHappened: 'typed just before the lock' } });
  });

  it('saving normalises identifiers, deletes the draft and photos removed from it', async () => {
    const draft = await beginEditing(null);
    if (typeof draft === 'string') throw new Error(draft);
    const id = draft.report.id;
    const kept = await savePhoto(photo(id), vault);
    const dropped = await savePhoto(photo(id), vault);
    changeDraft((r) => ({
      ...r,
      types: ['unpaid'],
      photos: [kept, dropped],
      perpetrator: {
        ...r.perpetrator,
        phones: [
          { raw: '+44 7700 900123', normalised: '' },
          { raw: '  ', normalised: '' },
        ],
        emails: ['', 'a@example.com'],
      },
      vehicle: { ...r.vehicle, plateRaw: 'ab12 c-de' },
    }));
    const first = await saveOpenDraft();
    expect(first.ok).toBe(true);
    const saved = await getReport(id, vault);
    if (typeof saved === 'string') throw new Error(saved);
    expect(saved.perpetrator.phones).toEqual([
      { raw: '+44 7700 900123', normalised: '+447700900123' },
    ]);
    expect(saved.perpetrator.emails).toEqual(['a@example.com']);
    expect(saved.vehicle.plateNormalised).toBe('AB12CDE');
    expect(await getDraft(id, vault)).toBeNull();
    expect(openDraft.get()).toBeNull();

    await beginEditing(id);
    changeDraft((r) => ({ ...r, photos: r.photos.filter((p) => p.id !== dropped.id) }));
    expect((await saveOpenDraft()).ok).toBe(true);
    expect((await loadPhoto(kept.id, vault)).ok).toBe(true);
    expect(await loadPhoto(dropped.id, vault)).toEqual({ ok: false, error: 'missing' });
  });

  it('refuses to save without a type, and a discarded draft takes only its own photos', async () => {
    const draft = await beginEditing(null);
    if (typeof draft === 'string') throw new Error(draft);
    const id = draft.report.id;
    changeDraft((r) => ({ ...r, whatHappened: 'no type yet' }));
    expect(await saveOpenDraft()).toEqual({
      ok: false,
      problems: [{ field: 'types', error: 'required' }],
    });
    const added = await savePhoto(photo(id), vault);
    changeDraft((r) => ({ ...r, photos: [added] }));
    await discardDraft(id);
    expect(openDraft.get()).toBeNull();
    expect(await getDraft(id, vault)).toBeNull();
    expect(await loadPhoto(added.id, vault)).toEqual({ ok: false, error: 'missing' });
  });

  it('prepareReport stamps the save time and keeps what was typed', () => {
    const at = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
    const base = emptyReport('x', new Date(0));
    const r = prepareReport(
      {
        ...base,
        perpetrator: {
          ...base.perpetrator,
          phones: [{ raw: '00 34 600 000 000', normalised: '' }],
          handles: [' @me '],
        },
        vehicle: { ...base.vehicle, plateNormalised: 'stale' },
      },
      at,
    );
    expect(r.updatedAt).toBe(at.toISOString());
    expect(r.createdAt).toBe(base.createdAt);
    expect(r.perpetrator.phones[0]?.normalised).toBe('+34600000000');
    expect(r.perpetrator.handles).toEqual([' @me ']);
    expect(r.vehicle.plateNormalised).toBe('');
  });
});
