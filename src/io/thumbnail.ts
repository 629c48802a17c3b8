/**
 * Thumbnails for share links, pure parts: which size to draw, how many bytes a link has room for, what the
 * bytes are, and the search for the best (size, quality) under a byte budget. The pixels are encoded by the
 * caller (canvas `convertToBlob` in the UI), passed in as a function, so this file needs no DOM.
 */

export type ThumbnailMime = 'image/jpeg' | 'image/webp' | 'image/png';
export const THUMBNAIL_MIMES: readonly ThumbnailMime[] = ['image/jpeg', 'image/webp', 'image/png'];

/** The format the first bytes say, or null. Links refuse a thumbnail whose bytes disagree with its mime. */
export function sniffThumbnailMime(b: Uint8Array): ThumbnailMime | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return 'image/png';
  if (
    b.length >= 12 &&
    b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 &&
    b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50
  ) return 'image/webp';
  return null;
}

/** Width x height with the longest side `maxSide` (never upscaled, never below 1 px). */
export function thumbnailSize(width: number, height: number, maxSide: number): { width: number; height: number } {
  const s = Math.min(1, maxSide / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * s)), height: Math.max(1, Math.round(height * s)) };
}

/**
 * Bytes of thumbnail a link can carry: base64url turns 3 bytes into 4 characters, and already compressed
 * image bytes do not deflate. `linkCharsWithout` is the link's length without a photo.
 */
export function thumbnailBudgetBytes(linkCharsWithout: number, maxChars: number): number {
  const overhead = 40; // `"photo":{"thumbnail":"","mime":"image/jpeg"}` plus deflate's stored-block framing
  return Math.max(0, Math.floor(((maxChars - linkCharsWithout - overhead) * 3) / 4));
}

/** Sizes and qualities tried, best first: a recognisable photo at 160 px beats a sharp one at 64 px. */
export const THUMBNAIL_LADDER: readonly { maxSide: number; quality: number }[] = [
  { maxSide: 160, quality: 0.6 },
  { maxSide: 128, quality: 0.55 },
  { maxSide: 112, quality: 0.5 },
  { maxSide: 96, quality: 0.45 },
  { maxSide: 80, quality: 0.4 },
  { maxSide: 64, quality: 0.35 },
];

/**
 * The first ladder rung whose encoded bytes fit `budgetBytes`, or null when none does (the link then
 * carries boxes only). `encode` draws the photo at the given size and quality and returns its bytes.
 */
export async function fitThumbnail(
  width: number,
  height: number,
  budgetBytes: number,
  encode: (size: { width: number; height: number }, quality: number) => Promise<Uint8Array>,
): Promise<{ bytes: Uint8Array; width: number; height: number; quality: number } | null> {
  if (budgetBytes <= 0) return null;
  for (const rung of THUMBNAIL_LADDER) {
    const size = thumbnailSize(width, height, rung.maxSide);
    const bytes = await encode(size, rung.quality);
    if (bytes.length <= budgetBytes) return { bytes, ...size, quality: rung.quality };
  }
  return null;
}
