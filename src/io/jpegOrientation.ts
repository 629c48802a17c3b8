/** EXIF orientation straight from a JPEG's bytes: no library, works in a window, a worker and Node. */

const u16 = (b: Uint8Array, i: number, le: boolean) => (le ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1]);
const u32 = (b: Uint8Array, i: number, le: boolean) => (le ? u16(b, i, true) + u16(b, i + 2, true) * 65536 : u16(b, i, false) * 65536 + u16(b, i + 2, false));

/** EXIF orientation of a JPEG (APP1 "Exif" -> IFD0 tag 0x0112); 1 when absent or unreadable. */
export function jpegOrientation(b: Uint8Array): number {
  if (b[0] !== 0xff || b[1] !== 0xd8) return 1;
  let i = 2;
  while (i + 4 < b.length && b[i] === 0xff) {
    const marker = b[i + 1];
    if (marker === 0xda || marker === 0xd9) return 1;
    const len = u16(b, i + 2, false);
    if (marker === 0xe1 && b[i + 4] === 0x45 && b[i + 5] === 0x78 && b[i + 6] === 0x69 && b[i + 7] === 0x66) {
      const t = i + 10; // TIFF header after "Exif\0\0"
      if (t + 8 > b.length) return 1;
      const le = b[t] === 0x49;
      const ifd = t + u32(b, t + 4, le);
      if (ifd + 2 > b.length) return 1;
      const n = u16(b, ifd, le);
      for (let k = 0; k < n; k++) {
        const e = ifd + 2 + k * 12;
        if (e + 12 > b.length) return 1;
        if (u16(b, e, le) === 0x0112) {
          const v = u16(b, e + 8, le);
          return v >= 1 && v <= 8 ? v : 1;
        }
      }
      return 1;
    }
    i += 2 + len;
  }
  return 1;
}
