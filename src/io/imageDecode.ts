/**
 * Byte-level image decoders to RGBA for places without a browser decoder (Node scripts, tests, workers
 * without OffscreenCanvas). Browser-safe: no fs, no DOM. The app's main path uses createImageBitmap.
 */
import { convertIndexedToRgb, decode as decodePngRaw } from 'fast-png';
import jpeg from 'jpeg-js';
import type { RGBAImage } from '../core/geometry/raster';
import { checkPngHeaderSize, DepthFileError, parsePnmHeader } from './depthFile';
import { checkImageBytes } from './imageLimits';
import { orientedSize, resampleOriented } from './orientResample';
import { jpegOrientation } from './jpegOrientation';
import type { PhotoDecoder } from './photoInput';

export class ImageDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageDecodeError';
  }
}

const MAX_PIXELS = 64 * 1024 * 1024;

/** Any channel layout fast-png returns (gray, gray+alpha, rgb, rgba, palette; 8 or 16 bit) -> RGBA8. */
export function decodePngToRgba(bytes: Uint8Array): RGBAImage {
  let png: ReturnType<typeof decodePngRaw>;
  try {
    checkPngHeaderSize(bytes, 'PNG');
    png = decodePngRaw(bytes);
  } catch (e) {
    throw new ImageDecodeError(`not a readable PNG (${e instanceof Error ? e.message : String(e)})`);
  }
  const { width, height } = png;
  if (!(width > 0 && height > 0 && width * height <= MAX_PIXELS)) {
    throw new ImageDecodeError(`PNG has an unusable size ${width}x${height}`);
  }
  let src: ArrayLike<number> = png.data;
  let channels = png.channels;
  let shift = png.depth === 16 ? 8 : 0;
  if (png.palette) {
    src = convertIndexedToRgb(png);
    channels = Math.round(src.length / (width * height)); // 3, or 4 when the palette has transparency
    shift = 0;
  } else if (png.depth < 8) {
    throw new ImageDecodeError(`PNG with ${png.depth}-bit samples is not supported`);
  }
  const n = width * height;
  if (src.length < n * channels) throw new ImageDecodeError('PNG pixel data is shorter than its header says');
  const out = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    const s = i * channels;
    const o = i * 4;
    if (channels >= 3) {
      out[o] = src[s] >> shift;
      out[o + 1] = src[s + 1] >> shift;
      out[o + 2] = src[s + 2] >> shift;
      out[o + 3] = channels === 4 ? src[s + 3] >> shift : 255;
    } else {
      const g = src[s] >> shift;
      out[o] = g;
      out[o + 1] = g;
      out[o + 2] = g;
      out[o + 3] = channels === 2 ? src[s + 1] >> shift : 255;
    }
  }
  return { width, height, data: out };
}

/** Baseline/progressive JPEG via jpeg-js. No EXIF orientation is applied: pixels come as stored. */
export function decodeJpegToRgba(bytes: Uint8Array): RGBAImage {
  try {
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: 64 });
    return { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length) };
  } catch (e) {
    throw new ImageDecodeError(`not a readable JPEG (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Binary PPM (P6), 8-bit or 16-bit (big-endian per the spec; scaled to 8-bit). */
export function decodePpmToRgba(bytes: Uint8Array): RGBAImage {
  let h: ReturnType<typeof parsePnmHeader>;
  try {
    h = parsePnmHeader(bytes, 'P6');
  } catch (e) {
    throw new ImageDecodeError(e instanceof DepthFileError ? e.message : String(e));
  }
  const { width, height, maxval, dataStart } = h;
  const n = width * height;
  const bps = maxval > 255 ? 2 : 1;
  if (bytes.length - dataStart < n * 3 * bps) throw new ImageDecodeError('PPM pixel data is truncated');
  const out = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 3; c++) {
      const k = dataStart + (i * 3 + c) * bps;
      const v = bps === 2 ? (bytes[k] << 8) | bytes[k + 1] : bytes[k];
      out[i * 4 + c] = maxval === 255 ? v : Math.round((v * 255) / maxval);
    }
    out[i * 4 + 3] = 255;
  }
  return { width, height, data: out };
}

/** Pick a decoder from the file's magic bytes (not its name). */
export function decodeImageToRgba(bytes: Uint8Array): RGBAImage {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return decodePngToRgba(bytes);
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return decodeJpegToRgba(bytes);
  if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x36) return decodePpmToRgba(bytes);
  throw new ImageDecodeError('unrecognised image format (expected PNG, JPEG or binary PPM)');
}

/**
 * Stored (pre-orientation) pixel size from a JPEG's SOF header, without decoding: for reading intrinsics of
 * big photos cheaply. Null if no frame header is found.
 */
export function jpegStoredSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    const len = (bytes[i + 2] << 8) | bytes[i + 3];
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry height then width.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = (bytes[i + 5] << 8) | bytes[i + 6];
      const width = (bytes[i + 7] << 8) | bytes[i + 8];
      return width > 0 && height > 0 ? { width, height } : null;
    }
    if (marker === 0xda || len < 2) return null; // start of scan before any frame header: malformed
    i += 2 + len;
  }
  return null;
}

/**
 * The pure-JS decoder for io/photoInput.ts (Node, the CLI): the whole file decoded, then oriented and
 * resampled to the size asked for in one pass. Binary PPM is accepted too (datasets write it).
 */
export const bytesPhotoDecoder: PhotoDecoder = {
  probe(name, bytes) {
    if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x36) {
      let h: ReturnType<typeof parsePnmHeader>;
      try {
        h = parsePnmHeader(bytes, 'P6');
      } catch (e) {
        throw new ImageDecodeError(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
      return { format: 'ppm', width: h.width, height: h.height, orientation: 1 };
    }
    const h = checkImageBytes(name, bytes);
    const orientation = jpegOrientation(bytes);
    return { format: h.format, orientation, ...orientedSize(h.width, h.height, orientation) };
  },
  async decode(bytes, header, _name, size) {
    const stored = decodeImageToRgba(bytes);
    const data = resampleOriented(stored.data, stored.width, stored.height, header.orientation, size.width, size.height);
    return { width: size.width, height: size.height, data };
  },
};
