import type { ImageHeader } from './imageHeader';
import { readImageHeader, sniffFormat, sniffOtherFormat } from './imageHeader';

/** Smallest side we can say anything about, and the largest photo we agree to decode. */
export const MIN_SIDE = 32;
export const MAX_PIXELS = 50_000_000;
export const MAX_SIDE = 10_000;
/** Processing size: the longest side of the working image. */
export const WORKING_SIDE = 1024;
/**
 * Largest image a share link or a scene file may declare (its camera's and masks' pixel grid). The app
 * never allocates at this size (every raster is built at the working size), but a declared size beyond
 * what any photo we accept could have is refused as nonsense: the same 50 MP as a photo.
 */
export const MAX_DECLARED_PIXELS = MAX_PIXELS;

export class ImageInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageInputError';
  }
}

/**
 * Is this the start of a text file? Valid UTF-8 with no control characters other than tab and line
 * breaks. A binary file that happens to start with a letter or '#' is not text.
 */
export function looksLikeText(head: Uint8Array): boolean {
  const part = head.subarray(0, 512);
  if (part.length === 0) return false;
  let text: string;
  try {
    // a multi-byte character cut at the window's end is not a reason to call the file binary
    text = new TextDecoder('utf-8', { fatal: true }).decode(part.length === 512 ? part.subarray(0, 508) : part);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text) && /\S/.test(text);
}

export interface CheckOptions {
  /** Smallest side accepted (MIN_SIDE for photos; 1 for link thumbnails, which are small on purpose). */
  minSide?: number;
  /** What the file is to the person: "photo" (default), "thumbnail", "depth file". */
  what?: string;
}

/**
 * Checks a file's bytes (the whole file: a JPEG's frame header can sit after large XMP / ICC segments,
 * found by walking the segments); throws an ImageInputError whose message a person can act on.
 */
export function checkImageBytes(name: string, bytes: Uint8Array, opts: CheckOptions = {}): ImageHeader {
  const what = opts.what ?? 'photo';
  const minSide = opts.minSide ?? MIN_SIDE;
  if (bytes.length === 0) throw new ImageInputError(`"${name}" is empty (0 bytes).`);
  const format = sniffFormat(bytes);
  if (!format) {
    const other = sniffOtherFormat(bytes);
    if (other) throw new ImageInputError(`"${name}" is ${other}, which this app does not read. Use a JPEG, PNG or WebP ${what}.`);
    throw new ImageInputError(
      looksLikeText(bytes)
        ? `"${name}" is not an image: it looks like a text file. Use a JPEG, PNG or WebP ${what}.`
        : `"${name}" is not a JPEG, PNG or WebP image.`,
    );
  }
  const header = readImageHeader(bytes);
  if (!header) throw new ImageInputError(`"${name}" looks like a ${format.toUpperCase()} file but its header is damaged.`);
  const { width, height } = header;
  if (width < minSide || height < minSide) {
    throw new ImageInputError(`"${name}" is too small (${width} × ${height} px): a ${what} needs at least ${minSide} px on each side.`);
  }
  if (width * height > MAX_PIXELS || width > MAX_SIDE || height > MAX_SIDE) {
    const mp = ((width * height) / 1e6).toFixed(0);
    throw new ImageInputError(
      `"${name}" is too large (${width} × ${height} px, ${mp} MP): the limit is ${MAX_PIXELS / 1e6} MP and ${MAX_SIDE} px a side. Resize it and try again.`,
    );
  }
  return header;
}

/** Working size for a photo: longest side at most WORKING_SIDE, aspect kept. */
export function workingSize(width: number, height: number, side = WORKING_SIDE): { width: number; height: number } {
  const s = Math.min(1, side / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * s)), height: Math.max(1, Math.round(height * s)) };
}

/**
 * Why a declared image size (a link's or scene file's camera, a mask) is refused, or null. Any size the
 * schema lets through is then drawn at workingSize(), never at its own size.
 */
export function declaredSizeProblem(width: number, height: number, what: string): string | null {
  if (!(width >= 1 && height >= 1)) return `${what} has no size`;
  if (width * height > MAX_DECLARED_PIXELS) {
    return `${what} declares a ${width} × ${height} image (${Math.round((width * height) / 1e6)} MP); the limit is ${MAX_DECLARED_PIXELS / 1e6} MP`;
  }
  return null;
}
