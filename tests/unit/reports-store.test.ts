// The reports, drafts and photos repositories on a real vault (fake-indexeddb): what is
// written comes back, damage shows as damage, photos are split into sealed pieces under
// 256 KiB and put back together byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyReport, type Report } from '../../src/core/reports';
import { type Db, openDb } from '../../src/core/storage';
import { createVault, unlockVault, type Vault } from '../../src/core/vault';
import {
  CHUNK_BYTES,
  deletePhoto,
  fromBase64,
  listPhotoOwners,
  loadPhoto,
  loadThumb,
  photoChunkId,
  savePhoto,
  splitBytes,
  toBase64,
} from '../../src/features/reports/photo-store';
import {
  deleteDamaged,
  deleteReport,
  getDraft,
  getReport,
  listDrafts,
  listReports,
  putDraft,
  putReport,
  reviveReport,
} from '../../src/features/reports/store';

const PASS = 'correct horse battery staple';
const NOW = new Date(2024, 5, 15, 12);
let db: Db;
let vault: Vault;

const report = (patch: Partial<Report> = {}): Report => ({
  ...emptyReport(crypto.randomUUID(), NOW),
  types: ['theft'],
  date: '2024-06-10',
  ...patch,
});

function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 65536) crypto.getRandomValues(out.subarray(i, i + 65536));
  return out;
}

beforeAll(async () => {
  db = openDb(`reports-store-${Date.now()}`);
  const created = await createVault(db, PASS);
  if (!created.ok) throw new Error(created.error);
  vault = created.value;
});

afterAll(() => vault.lock());

describe('reports', () => {
  it('round-trips, lists and deletes', async () => {
    const a = report({ whatHappened: 'took my phone' });
    const b = report({ area: 'north station' });
    await putReport(a, vault);
    await putReport(b, vault);
    expect(await getReport(a.id, vault)).toEqual(a);
    const listed = await listReports(vault);
    expect(listed.map((e) => e.value)).toEqual(expect.arrayContaining([a, b]));
    await deleteReport(a, vault);
    expect(await getReport(a.id, vault)).toBe('missing');
    await deleteReport(b, vault);
  });

  it('lists a damaged record as damaged without breaking the others', async () => {
    const good = report();
    const bad = report();
    await putReport(good, vault);
    await putReport(bad, vault);
    const row = await db.records.get(bad.id);
    if (!row) throw new Error('row missing');
    row.ciphertext[30] = (row.ciphertext[30] as number) ^ 0xff;
    await db.records.put(row);
    const listed = await listReports(vault);
    expect(listed.find((e) => e.id === bad.id)?.value).toBeNull();
    expect(listed.find((e) => e.id === good.id)?.value).toEqual(good);
    expect(await getReport(bad.id, vault)).toBe('damaged');
    await deleteDamaged(bad.id, vault);
    await deleteReport(good, vault);
    expect(await listReports(vault)).toEqual([]);
  });

  it('revives partial data with blanks and refuses what is not a report', () => {
    const revived = reviveReport({ id: 'x', types: ['theft', 7], vehicle: { make: 'Ford' } });
    expect(revived?.types).toEqual(['theft']);
    expect(revived?.vehicle).toMatchObject({ make: 'Ford', plateRaw: '' });
    expect(revived?.perpetrator.phones).toEqual([]);
    expect(reviveReport('text')).toBeNull();
    expect(reviveReport({ types: [] })).toBeNull();
  });
});

describe('drafts', () => {
  it('survive the key being wiped right after the call (sealed synchronously)', async () => {
    const draft = { report: report({ whatHappened: 'half written' }), isNew: true };
    const local = openDb(`drafts-${Date.now()}`);
    const created = await createVault(local, PASS);
    if (!created.ok) throw new Error(created.error);
    const write = putDraft(draft, created.value);
    created.value.lock(); // the key is zeroed before the write has even started
    await write;
    const reopened = await unlockVault(local, PASS);
    if (!reopened.ok) throw new Error(reopened.error);
    expect(await getDraft(draft.report.id, reopened.value)).toEqual(draft);
    const listed = await listDrafts(reopened.value);
    expect(listed).toEqual([{ id: `draft:${draft.report.id}`, value: draft }]);
    reopened.value.lock();
  });

  it('are separate from the saved report and deleted with it', async () => {
    const saved = report({ whatHappened: 'saved text' });
    await putReport(saved, vault);
    await putDraft({ report: { ...saved, whatHappened: 'edited text' }, isNew: false }, vault);
    expect(await getReport(saved.id, vault)).toMatchObject({ whatHappened: 'saved text' });
    expect((await getDraft(saved.id, vault))?.report.whatHappened).toBe('edited text');
    await deleteReport(saved, vault);
    expect(await getDraft(saved.id, vault)).toBeNull();
  });
});

describe('photos', () => {
  it('base64 and splitting are lossless', () => {
    const bytes = randomBytes(1000);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    const parts = splitBytes(bytes, 300);
    expect(parts.map((p) => p.length)).toEqual([300, 300, 300, 100]);
    expect(splitBytes(new Uint8Array(0))).toEqual([]);
  });

  it('are sealed in pieces under 256 KiB and reassembled exactly', async () => {
    const full = randomBytes(3 * CHUNK_BYTES + 12_345);
    const thumb = randomBytes(9_000);
    const owner = report();
    const ref = await savePhoto(
      { reportId: owner.id, full, thumb, width: 2560, height: 1920, mime: 'image/jpeg' },
      vault,
    );
    expect(ref).toMatchObject({ width: 2560, height: 1920, bytes: full.length });

    const rows = await db.records.where('id').startsWith(`photo:${ref.id}`).toArray();
    expect(rows.map((r) => r.kind).sort()).toEqual([
      'photo',
      'photo-chunk',
      'photo-chunk',
      'photo-chunk',
      'photo-chunk',
      'photo-chunk',
    ]);
    for (const row of rows) expect(row.ciphertext.length).toBeLessThanOrEqual(256 * 1024);

    expect(await loadPhoto(ref.id, vault)).toEqual({ ok: true, value: full });
    expect(await loadThumb(ref.id, vault)).toEqual({ ok: true, value: thumb });
    expect(await listPhotoOwners(vault)).toContainEqual({ photoId: ref.id, reportId: owner.id });

    await deletePhoto(ref.id, vault);
    expect(await db.records.where('id').startsWith(`photo:${ref.id}`).count()).toBe(0);
    expect(await loadPhoto(ref.id, vault)).toEqual({ ok: false, error: 'missing' });
  });

  it('a damaged or missing piece makes the photo damaged, and it can still be deleted', async () => {
    const full = randomBytes(CHUNK_BYTES + 10);
    const ref = await savePhoto(
      { reportId: 'r', full, thumb: randomBytes(10), width: 1, height: 1, mime: 'image/jpeg' },
      vault,
    );
    const row = await db.records.get(photoChunkId(ref.id, 1));
    if (!row) throw new Error('piece missing');
    row.ciphertext[40] = (row.ciphertext[40] as number) ^ 1;
    await db.records.put(row);
    expect(await loadPhoto(ref.id, vault)).toEqual({ ok: false, error: 'damaged' });
    await db.records.delete(photoChunkId(ref.id, 1));
    expect(await loadPhoto(ref.id, vault)).toEqual({ ok: false, error: 'damaged' });

    // Damaged metadata: every possible piece is deleted anyway.
    const meta = await db.records.get(`photo:${ref.id}`);
    if (!meta) throw new Error('meta missing');
    meta.ciphertext[40] = (meta.ciphertext[40] as number) ^ 1;
    await db.records.put(meta);
    await deletePhoto(ref.id, vault);
    expect(await db.records.where('id').startsWith(`photo:${ref.id}`).count()).toBe(0);
  });

  it('deleting a report deletes its photos', async () => {
    const owner = report();
    const ref = await savePhoto(
      {
        reportId: owner.id,
        full: randomBytes(500),
        thumb: randomBytes(50),
        width: 10,
        height: 10,
        mime: 'image/jpeg',
      },
      vault,
    );
    const withPhoto = { ...owner, photos: [ref] };
    await putReport(withPhoto, vault);
    await deleteReport(withPhoto, vault);
    expect(await db.records.where('id').startsWith(`photo:${ref.id}`).count()).toBe(0);
  });
});
