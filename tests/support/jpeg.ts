// JPEG bytes for the photo tests: a real JPEG drawn by the page's canvas, with an APP1
// Exif segment carrying a GPS position spliced in by hand, and a reader that lists a
// JPEG's segments so a test can prove what is (or is not) in the file.
import type { Page } from 'playwright-core';

/** The GPS latitude as stored: 51/1, 30/1, 1234567/100000 (three little-endian RATIONALs). */
export const GPS_LATITUDE = Buffer.from(new Uint32Array([51, 1, 30, 1, 1234567, 100000]).buffer);
export const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');

/** APP1 "Exif" with IFD0 → GPS IFD (version, N, latitude, W, longitude). Little-endian TIFF. */
export function exifWithGps(): Buffer {
  const tiff = Buffer.alloc(140);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4); // IFD0 offset
  // IFD0: one entry, GPSInfo (0x8825, LONG) pointing at the GPS IFD.
  tiff.writeUInt16LE(1, 8);
  tiff.writeUInt16LE(0x8825, 10);
  tiff.writeUInt16LE(4, 12);
  tiff.writeUInt32LE(1, 14);
  const gpsIfd = 8 + 2 + 12 + 4;
  tiff.writeUInt32LE(gpsIfd, 18);
  tiff.writeUInt32LE(0, 22); // no next IFD
  // GPS IFD: 5 entries, then the rational data.
  const entries: Array<[tag: number, type: number, count: number, value: Buffer | number]> = [
    [0x0000, 1, 4, Buffer.from([2, 3, 0, 0])],
    [0x0001, 2, 2, Buffer.from('N\0', 'latin1')],
    [0x0002, 5, 3, 0],
    [0x0003, 2, 2, Buffer.from('W\0', 'latin1')],
    [0x0004, 5, 3, 0],
  ];
  let at = gpsIfd;
  tiff.writeUInt16LE(entries.length, at);
  at += 2;
  let data = gpsIfd + 2 + entries.length * 12 + 4;
  const rationals = [
    GPS_LATITUDE,
    Buffer.from(new Uint32Array([0, 1, 7, 1, 654321, 100000]).buffer),
  ];
  for (const [tag, type, count, value] of entries) {
    tiff.writeUInt16LE(tag, at);
    tiff.writeUInt16LE(type, at + 2);
    tiff.writeUInt32LE(count, at + 4);
    if (Buffer.isBuffer(value)) value.copy(tiff, at + 8);
    else {
      tiff.writeUInt32LE(data, at + 8);
      (rationals.shift() as Buffer).copy(tiff, data);
      data += 24;
    }
    at += 12;
  }
  tiff.writeUInt32LE(0, at);
  const payload = Buffer.concat([EXIF_HEADER, tiff.subarray(0, data)]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

export interface Segment {
  marker: number;
  data: Buffer;
}

/** The segments before the image data (SOS); throws if this is not a JPEG. */
export function jpegSegments(bytes: Buffer): Segment[] {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('not a JPEG');
  const out: Segment[] = [];
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) throw new Error(`bad marker at ${at}`);
    const marker = bytes.readUInt16BE(at);
    const length = bytes.readUInt16BE(at + 2);
    out.push({ marker, data: bytes.subarray(at + 4, at + 2 + length) });
    if (marker === 0xffda) break;
    at += 2 + length;
  }
  return out;
}

/** Inserts a segment after SOI and the JFIF APP0 segment, if there is one. */
export function spliceSegment(jpeg: Buffer, segment: Buffer): Buffer {
  let at = 2;
  if (jpeg.readUInt16BE(2) === 0xffe0) at = 4 + jpeg.readUInt16BE(4);
  return Buffer.concat([jpeg.subarray(0, at), segment, jpeg.subarray(at)]);
}

/** A JPEG drawn by the page's canvas (so the browser can surely decode it), with GPS Exif. */
export async function jpegWithGps(page: Page, width = 800, height = 600): Promise<Buffer> {
  const drawn = await page.evaluate(
    async ([w, h]) => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no canvas');
      const g = ctx.createLinearGradient(0, 0, w, h);
      g.addColorStop(0, '#c0392b');
      g.addColorStop(1, '#2980b9');
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, w, h);
      ctx.fillStyle = '#ffffff';
      ctx.font = '48px sans-serif';
      ctx.fillText('evidence', 40, 120);
      const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', 0.9));
      if (!blob) throw new Error('no blob');
      return Array.from(new Uint8Array(await blob.arrayBuffer()));
    },
    [width, height] as const,
  );
  return spliceSegment(Buffer.from(drawn), exifWithGps());
}
