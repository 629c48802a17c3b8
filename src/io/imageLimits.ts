import type { ImageHeader } from './imageHeader';
import { readImageHeader, sniffFormat } from './imageHeader';

/** Smallest side we can say anything about, and the largest photo we agree to decode. */
export const MIN_SIDE = 32;
export const MAX_PIXELS = 50_000_000;
export const MAX_SIDE = 10_000;
/** Processing size: the longest side of the working image. */
export const WORKING_SIDE = 1024;

export class ImageInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageInputError';
  }
}

const KNOWN_TEXT = /^\s*[<{[#A-Za-z0-9"']/;

/** Checks a file's first bytes; throws an ImageInputError whose message a person can act on. */
export function checkImageBytes(name: string, head: Uint8Array): ImageHeader {
  if (head.length === 0) throw new ImageInputError(`"${name}" is empty (0 bytes).`);
  const format = sniffFormat(head);
  if (!format) {
    const text = KNOWN_TEXT.test(new TextDecoder().decode(head.subarray(0, 64)));
    throw new ImageInputError(
      text
        ? `"${name}" is not an image: it looks like a text file. Use a JPEG, PNG or WebP photo.`
        : `"${name}" is not a JPEG, PNG or WebP image.`,
    );
  }
  const header = readImageHeader(head);
  if (!header) throw new ImageInputError(`"${name}" looks like a ${format.toUpperCase()} file but its header is damaged.`);
  const { width, height } = header;
  if (width < MIN_SIDE || height < MIN_SIDE) {
    throw new ImageInputError(`"${name}" is too small (${width} × ${height} px): a photo needs at least ${MIN_SIDE} px on each side.`);
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
