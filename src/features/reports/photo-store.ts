// Evidence photos in the vault. A photo is already re-encoded (no EXIF or GPS) before it
// gets here. It is stored as:
//   'photo'        photo:<photoId>          metadata: owner report, size, chunk count
//   'photo-chunk'  photo:<photoId>:thumb    a small JPEG for lists and forms
//   'photo-chunk'  photo:<photoId>:<n>      the full JPEG, in pieces
// Records are JSON, so bytes travel as base64. A piece holds CHUNK_BYTES of the photo,
// chosen so each sealed record stays under 256 KiB: one huge record would have to be
// encrypted and decrypted in one blocking step, and one bad sector would lose the photo.
// Everything is written in one transaction: a photo is stored whole or not at all.
import { vault as sessionVault } from '../../app/session';
import type { PhotoRef } from '../../core/reports';
import type { Result } from '../../core/result';
import type { Vault } from '../../core/vault';

export const PHOTO_KIND = 'photo';
export const CHUNK_KIND = 'photo-chunk';
/** 190 KiB of photo → ~253 KiB of base64 → under 256 KiB sealed, with the JSON around it. */
export const CHUNK_BYTES = 190 * 1024;
/** Deleting a photo whose metadata is damaged: try every piece a photo can have. */
const MAX_CHUNKS = Math.ceil((16 * 1024 * 1024) / CHUNK_BYTES);

export interface PhotoMeta extends PhotoRef {
  reportId: string;
  chunks: number;
}

export interface NewPhoto {
  reportId: string;
  full: Uint8Array;
  thumb: Uint8Array;
  width: number;
  height: number;
  mime: string;
}

export const photoMetaId = (photoId: string): string => `photo:${photoId}`;
export const photoChunkId = (photoId: string, n: number | 'thumb'): string =>
  `photo:${photoId}:${n}`;

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  }
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function splitBytes(bytes: Uint8Array, size = CHUNK_BYTES): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

export async function savePhoto(
  photo: NewPhoto,
  v: Vault = sessionVault(),
  id: string = crypto.randomUUID(),
): Promise<PhotoRef> {
  const pieces = splitBytes(photo.full);
  const ref: PhotoRef = {
    id,
    width: photo.width,
    height: photo.height,
    bytes: photo.full.length,
    mime: photo.mime,
  };
  const meta: PhotoMeta = { ...ref, reportId: photo.reportId, chunks: pieces.length };
  await v.putMany([
    { kind: PHOTO_KIND, id: photoMetaId(id), data: meta },
    { kind: CHUNK_KIND, id: photoChunkId(id, 'thumb'), data: toBase64(photo.thumb) },
    ...pieces.map((piece, n) => ({
      kind: CHUNK_KIND,
      id: photoChunkId(id, n),
      data: toBase64(piece),
    })),
  ]);
  return ref;
}

async function readChunk(id: string, v: Vault): Promise<Result<Uint8Array, 'missing' | 'damaged'>> {
  const found = await v.get(id);
  if (!found.ok) return found;
  if (found.value.kind !== CHUNK_KIND || typeof found.value.data !== 'string') {
    return { ok: false, error: 'damaged' };
  }
  try {
    return { ok: true, value: fromBase64(found.value.data) };
  } catch {
    return { ok: false, error: 'damaged' };
  }
}

export async function getPhotoMeta(
  photoId: string,
  v: Vault = sessionVault(),
): Promise<Result<PhotoMeta, 'missing' | 'damaged'>> {
  const found = await v.get(photoMetaId(photoId));
  if (!found.ok) return found;
  const data = found.value.data as Partial<PhotoMeta> | null;
  if (
    found.value.kind !== PHOTO_KIND ||
    typeof data !== 'object' ||
    data === null ||
    data.id !== photoId ||
    !Number.isSafeInteger(data.chunks) ||
    (data.chunks as number) < 0 ||
    (data.chunks as number) > MAX_CHUNKS
  ) {
    return { ok: false, error: 'damaged' };
  }
  return { ok: true, value: data as PhotoMeta };
}

export function loadThumb(
  photoId: string,
  v: Vault = sessionVault(),
): Promise<Result<Uint8Array, 'missing' | 'damaged'>> {
  return readChunk(photoChunkId(photoId, 'thumb'), v);
}

/** The whole re-encoded photo, its pieces checked against the metadata. */
export async function loadPhoto(
  photoId: string,
  v: Vault = sessionVault(),
): Promise<Result<Uint8Array, 'missing' | 'damaged'>> {
  const meta = await getPhotoMeta(photoId, v);
  if (!meta.ok) return meta;
  const pieces: Uint8Array[] = [];
  for (let n = 0; n < meta.value.chunks; n++) {
    const piece = await readChunk(photoChunkId(photoId, n), v);
    if (!piece.ok) return { ok: false, error: 'damaged' };
    pieces.push(piece.value);
  }
  const total = pieces.reduce((sum, p) => sum + p.length, 0);
  if (total !== meta.value.bytes) return { ok: false, error: 'damaged' };
  const out = new Uint8Array(total);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return { ok: true, value: out };
}

export async function deletePhoto(photoId: string, v: Vault = sessionVault()): Promise<void> {
  const meta = await getPhotoMeta(photoId, v);
  const count = meta.ok ? meta.value.chunks : meta.error === 'missing' ? 0 : MAX_CHUNKS;
  // Pieces first: a photo whose metadata survives an interrupted delete can be deleted again.
  for (let n = 0; n < count; n++) await v.delete(photoChunkId(photoId, n));
  await v.delete(photoChunkId(photoId, 'thumb'));
  await v.delete(photoMetaId(photoId));
}

/** Which report each stored photo belongs to (for sweeping photos left by a lost draft). */
export async function listPhotoOwners(
  v: Vault = sessionVault(),
): Promise<Array<{ photoId: string; reportId: string | null }>> {
  const rows = await v.list(PHOTO_KIND);
  return rows.map(({ id, result }) => {
    const data = result.ok ? (result.value.data as Partial<PhotoMeta> | null) : null;
    return {
      photoId: id.slice('photo:'.length),
      reportId: data && typeof data.reportId === 'string' ? data.reportId : null,
    };
  });
}
