import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMask, decodeMaskWindow, encodeMask, erodeMask, maskArea, maskBounds, rleBounds } from './mask';

describe('mask RLE', () => {
  it('round-trips any mask (property) and agrees on area and bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.array(fc.boolean(), { minLength: 144, maxLength: 144 }), (w, h, bits) => {
        const m = Uint8Array.from(bits.slice(0, w * h).map((b) => (b ? 1 : 0)));
        const rle = encodeMask(m, w, h);
        expect(Array.from(decodeMask(rle))).toEqual(Array.from(m));
        expect(maskArea(rle)).toBe(m.reduce((a, b) => a + b, 0));
        expect(rleBounds(rle)).toEqual(maskBounds(m, w, h));
      }),
    );
  });

  it('starts with a run of zeros and rejects runs that do not fit', () => {
    expect(encodeMask(Uint8Array.from([1, 1, 0]), 3, 1).counts).toEqual([0, 2, 1]);
    expect(() => decodeMask({ width: 2, height: 1, counts: [1, 5] })).toThrow();
  });

  it('erodes by a square, treating the image border as inside', () => {
    const w = 7, h = 5;
    const m = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < 5; x++) m[y * w + x] = 1; // touches left, top, bottom borders
    const e = erodeMask(m, w, h, 1);
    for (let y = 0; y < h; y++) {
      expect(e[y * w + 0]).toBe(1);
      expect(e[y * w + 3]).toBe(1);
      expect(e[y * w + 4]).toBe(0);
    }
    expect(Array.from(erodeMask(m, w, h, 1, { x0: 0, y0: 0, x1: 6, y1: 5 }))).toEqual(Array.from(e));
  });
});

describe('decodeMaskWindow', () => {
  it('equals the full decode cropped (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 99, maxLength: 99 }), fc.integer({ min: -2, max: 10 }), fc.integer({ min: -2, max: 8 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 10 }), (bs, x0, y0, w, h) => {
        const W = 11, H = 9;
        const m = Uint8Array.from(bs.map((b) => (b ? 1 : 0)));
        const win = decodeMaskWindow(encodeMask(m, W, H), { x0, y0, x1: x0 + w, y1: y0 + h });
        for (let y = 0; y < win.height; y++)
          for (let x = 0; x < win.width; x++) expect(win.bits[y * win.width + x]).toBe(m[(y + win.y0) * W + x + win.x0]);
      }),
    );
  });
});
