/**
 * Location out of photos before they go into a dataset zip: the EXIF GPS directory is emptied and
 * XMP GPS fields blanked, in place (same length, so no offset inside the file moves and every other tag,
 * the focal length included, stays readable). JPEG (APP1 Exif and XMP), PNG (eXIf chunk, CRC redone)
 * and WebP (EXIF and XMP chunks). Other bytes are untouched; the input is never modified.
 */
import { crc32 } from './zipReader';

const TYPE_BYTES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };

/** Empty the GPS IFD of the TIFF structure at b[t..end). Returns true when there was GPS data. */
function wipeTiffGps(b: Uint8Array, t: number, end: number): boolean {
  if (t + 8 > end) return false;
  const le = b[t] === 0x49 && b[t + 1] === 0x49;
  if (!le && !(b[t] === 0x4d && b[t + 1] === 0x4d)) return false;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u16 = (i: number) => dv.getUint16(i, le);
  const u32 = (i: number) => dv.getUint32(i, le);
  const ifd0 = t + u32(t + 4);
  if (ifd0 + 2 > end) return false;
  const n = u16(ifd0);
  for (let k = 0; k < n; k++) {
    const e = ifd0 + 2 + k * 12;
    if (e + 12 > end) return false;
    if (u16(e) !== 0x8825) continue;
    const gps = t + u32(e + 8);
    if (gps + 2 > end) return false;
    const m = u16(gps);
    for (let j = 0; j < m; j++) {
      const g = gps + 2 + j * 12;
      if (g + 12 > end) break;
      const size = (TYPE_BYTES[u16(g + 2)] ?? 1) * u32(g + 4);
      if (size > 4) {
        const at = t + u32(g + 8);
        if (at >= t && at + size <= end) b.fill(0, at, at + size);
      }
      b.fill(0, g, g + 12);
    }
    dv.setUint16(gps, 0, le);
    return m > 0;
  }
  return false;
}

const latin1 = (b: Uint8Array, from: number, to: number) => {
  let s = '';
  for (let i = from; i < to; i += 8192) s += String.fromCharCode(...b.subarray(i, Math.min(to, i + 8192)));
  return s;
};

/** Blank XMP GPS attributes and elements (exif:GPS…) with spaces, same length. */
function wipeXmpGps(b: Uint8Array, from: number, to: number): boolean {
  const text = latin1(b, from, to);
  let hit = false;
  const blank = (re: RegExp) => {
    for (const m of text.matchAll(re)) {
      hit = true;
      b.fill(0x20, from + (m.index ?? 0), from + (m.index ?? 0) + m[0].length);
    }
  };
  blank(/\b[A-Za-z-]*:GPS[A-Za-z]*\s*=\s*("[^"]*"|'[^']*')/g);
  blank(/<([A-Za-z-]*:GPS[A-Za-z]*)\b[^>]*>[\s\S]*?<\/\1>/g);
  return hit;
}

/** A copy of the photo without GPS location, and whether any was found. */
export function stripGps(input: Uint8Array): { bytes: Uint8Array; stripped: boolean } {
  const b = new Uint8Array(input);
  let stripped = false;
  const dv = new DataView(b.buffer);
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 4 <= b.length && b[i] === 0xff) {
      const marker = b[i + 1];
      if (marker === 0xda || marker === 0xd9) break;
      const len = dv.getUint16(i + 2);
      const end = Math.min(b.length, i + 2 + len);
      if (marker === 0xe1) {
        if (latin1(b, i + 4, Math.min(end, i + 10)) === 'Exif\0\0') stripped = wipeTiffGps(b, i + 10, end) || stripped;
        else stripped = wipeXmpGps(b, i + 4, end) || stripped;
      }
      i += 2 + len;
    }
  } else if (b.length > 8 && b[0] === 0x89 && b[1] === 0x50) {
    let i = 8;
    while (i + 12 <= b.length) {
      const len = dv.getUint32(i);
      const type = latin1(b, i + 4, i + 8);
      const data = i + 8, end = Math.min(b.length, data + len);
      let hit = false;
      if (type === 'eXIf') hit = wipeTiffGps(b, data, end);
      else if (type === 'iTXt' && latin1(b, data, Math.min(end, data + 17)) === 'XML:com.adobe.xmp') hit = wipeXmpGps(b, data, end);
      if (hit && end + 4 <= b.length) dv.setUint32(end, crc32(b.subarray(i + 4, end)));
      stripped = hit || stripped;
      if (type === 'IEND') break;
      i = end + 4;
    }
  } else if (b.length > 12 && latin1(b, 0, 4) === 'RIFF' && latin1(b, 8, 12) === 'WEBP') {
    let i = 12;
    while (i + 8 <= b.length) {
      const type = latin1(b, i, i + 4);
      const len = dv.getUint32(i + 4, true);
      const data = i + 8, end = Math.min(b.length, data + len);
      if (type === 'EXIF') {
        // some writers keep the JPEG "Exif\0\0" prefix inside the chunk
        const t = latin1(b, data, Math.min(end, data + 6)) === 'Exif\0\0' ? data + 6 : data;
        stripped = wipeTiffGps(b, t, end) || stripped;
      } else if (type === 'XMP ') stripped = wipeXmpGps(b, data, end) || stripped;
      i = end + (len & 1);
    }
  }
  return { bytes: stripped ? b : input, stripped };
}
