// Turning a picked file into a photo that is safe to keep. The file is decoded and drawn
// again onto a canvas, and only the canvas's pixels are encoded as a new JPEG: EXIF (GPS
// position, camera serial, time), XMP, IPTC and any other metadata stay behind with the
// original bytes, which are never stored. The phone's rotation is applied while decoding,
// so a portrait photo stays upright without its orientation tag.

export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
export const MAX_PHOTOS = 10;
export const MAX_SIDE = 2560;
export const THUMB_SIDE = 320;
const QUALITY = 0.9;
const THUMB_QUALITY = 0.75;

export type PhotoProblem = 'too-large' | 'too-many' | 'not-image' | 'failed';

export interface CleanPhoto {
  full: Uint8Array;
  thumb: Uint8Array;
  width: number;
  height: number;
  mime: 'image/jpeg';
}

/** Fits (w, h) inside a square of `side`, never enlarging. */
export function fitWithin(w: number, h: number, side: number): { width: number; height: number } {
  const scale = Math.min(1, side / Math.max(w, h));
  return {
    width: Math.max(1, Math.round(w * scale)),
    height: Math.max(1, Math.round(h * scale)),
  };
}

async function encode(
  bitmap: ImageBitmap,
  width: number,
  height: number,
  quality: number,
): Promise<Uint8Array> {
  const draw = (ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D) => {
    // JPEG has no transparency: a transparent PNG would otherwise turn black.
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, width, height);
  };
  let blob: Blob | null;
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    draw(ctx);
    blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
  } else {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    draw(ctx);
    blob = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, 'image/jpeg', quality),
    );
    canvas.width = 0; // release the pixels now
  }
  if (blob?.type !== 'image/jpeg') throw new Error('JPEG encoding failed');
  return new Uint8Array(await blob.arrayBuffer());
}

/** The size limit is checked on the original file, before anything is decoded. */
export function checkPhotoFile(file: Blob, alreadyAttached: number): PhotoProblem | null {
  if (alreadyAttached >= MAX_PHOTOS) return 'too-many';
  if (file.size > MAX_PHOTO_BYTES) return 'too-large';
  return null;
}

export async function cleanPhoto(
  file: Blob,
): Promise<{ ok: true; value: CleanPhoto } | { ok: false; error: PhotoProblem }> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return { ok: false, error: 'not-image' };
  }
  try {
    if (bitmap.width === 0 || bitmap.height === 0) return { ok: false, error: 'not-image' };
    const size = fitWithin(bitmap.width, bitmap.height, MAX_SIDE);
    const thumbSize = fitWithin(bitmap.width, bitmap.height, THUMB_SIDE);
    const full = await encode(bitmap, size.width, size.height, QUALITY);
    const thumb = await encode(bitmap, thumbSize.width, thumbSize.height, THUMB_QUALITY);
    return { ok: true, value: { full, thumb, ...size, mime: 'image/jpeg' } };
  } catch {
    return { ok: false, error: 'failed' };
  } finally {
    bitmap.close();
  }
}
