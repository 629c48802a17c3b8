import jpeg from 'jpeg-js';
import { encode as encodePng } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { fitThumbnail, sniffThumbnailMime, thumbnailBudgetBytes, thumbnailSize, THUMBNAIL_LADDER } from './thumbnail';
import { sampleJpeg } from './scenes.test-data';

/** A real encoder for the search: box-downscale a synthetic photo and encode it with jpeg-js. */
function photoEncoder(w: number, h: number) {
  const src = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    const x = i % w, y = Math.floor(i / w);
    src.set([(x * 255) / w, (y * 255) / h, 128 + 100 * Math.sin(x / 23) * Math.cos(y / 17), 255], i * 4);
  }
  return async (size: { width: number; height: number }, quality: number) => {
    const out = new Uint8Array(size.width * size.height * 4);
    for (let y = 0; y < size.height; y++)
      for (let x = 0; x < size.width; x++) {
        const sx = Math.floor((x * w) / size.width), sy = Math.floor((y * h) / size.height);
        out.set(src.subarray((sy * w + sx) * 4, (sy * w + sx) * 4 + 4), (y * size.width + x) * 4);
      }
    return new Uint8Array(jpeg.encode({ data: out, width: size.width, height: size.height }, Math.round(quality * 100)).data);
  };
}

describe('thumbnail helpers', () => {
  it('sniffs JPEG, PNG and WebP, nothing else', () => {
    expect(sniffThumbnailMime(sampleJpeg(1200))).toBe('image/jpeg');
    expect(sniffThumbnailMime(encodePng({ width: 1, height: 1, data: new Uint8Array([1, 2, 3]), channels: 3 }))).toBe('image/png');
    expect(sniffThumbnailMime(new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]))).toBe('image/webp');
    expect(sniffThumbnailMime(new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45]))).toBeNull();
    expect(sniffThumbnailMime(new TextEncoder().encode('<svg onload=alert(1)>'))).toBeNull();
    expect(sniffThumbnailMime(new Uint8Array(0))).toBeNull();
  });

  it('keeps the aspect ratio and never upscales', () => {
    expect(thumbnailSize(4032, 3024, 160)).toEqual({ width: 160, height: 120 });
    expect(thumbnailSize(3024, 4032, 160)).toEqual({ width: 120, height: 160 });
    expect(thumbnailSize(100, 50, 160)).toEqual({ width: 100, height: 50 });
    expect(thumbnailSize(10000, 10, 96)).toEqual({ width: 96, height: 1 });
  });

  it('budgets bytes as base64 characters', () => {
    expect(thumbnailBudgetBytes(3000, 8000)).toBe(Math.floor(((8000 - 3000 - 40) * 3) / 4));
    expect(thumbnailBudgetBytes(7990, 8000)).toBe(0);
  });

  it('finds the largest rung under the budget, or none', async () => {
    const enc = photoEncoder(640, 480);
    const big = await fitThumbnail(640, 480, 100_000, enc);
    expect(big).toMatchObject({ width: 160, height: 120, quality: THUMBNAIL_LADDER[0].quality });
    const small = await fitThumbnail(640, 480, 2500, enc);
    expect(small).not.toBeNull();
    expect(small?.bytes.length).toBeLessThanOrEqual(2500);
    expect(small && small.width < 160).toBe(true);
    expect(sniffThumbnailMime(small?.bytes ?? new Uint8Array())).toBe('image/jpeg');
    expect(await fitThumbnail(640, 480, 200, enc)).toBeNull();
    expect(await fitThumbnail(640, 480, 0, enc)).toBeNull();
  });
});
