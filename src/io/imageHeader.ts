/**
 * Image dimensions read from the first bytes of a file, before any decode: a 12000 x 9000 photo or a
 * 1 x 1 pixel is refused without allocating its pixels, and a text file renamed .jpg is named for what it is.
 */
export type ImageFormat = 'png' | 'jpeg' | 'webp';

export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u32be = (b: Uint8Array, i: number) => ((b[i] << 24) >>> 0) + (b[i + 1] << 16) + (b[i + 2] << 8) + b[i + 3];
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u24le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

export function sniffFormat(b: Uint8Array): ImageFormat | null {
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 3) === 'PNG') return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'webp';
  return null;
}

/**
 * Formats people drop that are not JPEG, PNG or WebP, named so the message says what the file is.
 * Null when the bytes match none of them.
 */
export function sniffOtherFormat(b: Uint8Array): string | null {
  const a = (i: number, n: number) => (b.length >= i + n ? ascii(b, i, n) : '');
  if (a(0, 6) === 'GIF87a' || a(0, 6) === 'GIF89a') return 'a GIF image';
  if (a(0, 2) === 'BM' && b.length >= 26 && u32le(b, 2) > 0 && [12, 40, 52, 56, 64, 108, 124].includes(u32le(b, 14))) return 'a BMP image';
  if ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a)) return 'a TIFF image';
  if (a(4, 4) === 'ftyp') {
    const brand = a(8, 4);
    if (brand === 'avif' || brand === 'avis') return 'an AVIF image';
    if (/^(heic|heix|hevc|heim|heis|mif1|msf1)$/.test(brand)) return 'a HEIC/HEIF image (convert it to JPEG first)';
    return 'a video or ISO media file';
  }
  if (a(0, 4) === '%PDF') return 'a PDF document';
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'a zip archive';
  if (b.length >= 2 && b[0] === 0x50 && b[1] >= 0x31 && b[1] <= 0x37 && (b[2] === 0x0a || b[2] === 0x20 || b[2] === 0x0d || b[2] === 0x09)) return 'a PNM (PGM/PPM) image';
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && (b[2] === 1 || b[2] === 2) && b[3] === 0) return 'an icon (ICO/CUR) file';
  if (a(0, 4) === 'qoif') return 'a QOI image';
  return null;
}

const u32le = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/** Size from the header; null when the format is known but the header is cut short or malformed. */
export function readImageHeader(b: Uint8Array): ImageHeader | null {
  const format = sniffFormat(b);
  if (format === 'png') {
    if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return null;
    return { format, width: u32be(b, 16), height: u32be(b, 20) };
  }
  if (format === 'jpeg') {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) { i++; continue; }
      const marker = b[i + 1];
      if (marker === 0xff) { i++; continue; }
      // SOFn markers carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { format, height: u16be(b, i + 5), width: u16be(b, i + 7) };
      }
      if (marker === 0xd9 || marker === 0xda) return null;
      if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { i += 2; continue; }
      i += 2 + u16be(b, i + 2);
    }
    return null;
  }
  if (format === 'webp') {
    const chunk = ascii(b, 12, 4);
    if (chunk === 'VP8 ' && b.length >= 30) return { format, width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
    if (chunk === 'VP8L' && b.length >= 25) {
      const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
      return { format, width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    if (chunk === 'VP8X' && b.length >= 30) return { format, width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
    return null;
  }
  return null;
}
