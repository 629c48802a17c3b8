import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { orientationFromRotation, orientedSize, resampleOriented } from './orientResample';

/** Stored pixel (x, y) -> where EXIF orientation o shows it, written from the spec's descriptions. */
function shownAt(o: number, x: number, y: number, W: number, H: number): [number, number] {
  switch (o) {
    case 2: return [W - 1 - x, y]; // mirrored left-right
    case 3: return [W - 1 - x, H - 1 - y]; // turned 180 degrees
    case 4: return [x, H - 1 - y]; // mirrored top-bottom
    case 5: return [y, x]; // transposed
    case 6: return [H - 1 - y, x]; // turned 90 degrees clockwise
    case 7: return [H - 1 - y, W - 1 - x]; // transverse
    case 8: return [y, W - 1 - x]; // turned 90 degrees counter-clockwise
    default: return [x, y];
  }
}

const stored = (W: number, H: number) => {
  const d = new Uint8ClampedArray(W * H * 4);
  for (let i = 0; i < W * H; i++) d.set([i & 255, (i >> 8) & 255, (i * 7) & 255, 255 - (i & 127)], i * 4);
  return d;
};

describe('resampleOriented', () => {
  it('puts every stored pixel where its EXIF orientation shows it (scale 1: exact copies)', () => {
    const W = 5, H = 3, src = stored(W, H);
    for (let o = 1; o <= 8; o++) {
      const { width: ow, height: oh } = orientedSize(W, H, o);
      const out = resampleOriented(src, W, H, o, ow, oh);
      for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
        const [u, v] = shownAt(o, x, y, W, H);
        expect(Array.from(out.subarray((v * ow + u) * 4, (v * ow + u) * 4 + 4)), `orientation ${o} pixel ${x},${y}`).toEqual(Array.from(src.subarray((y * W + x) * 4, (y * W + x) * 4 + 4)));
      }
    }
  });

  it('reads rows with padding at an offset', () => {
    const W = 3, H = 2, S = 16, src = new Uint8Array(8 + S * H).fill(9);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) src.set([x, y, 1, 255], 8 + y * S + x * 4);
    const out = resampleOriented(src, W, H, 1, W, H, { stride: S, offset: 8 });
    expect(Array.from(out.subarray(4 * 4, 4 * 4 + 4))).toEqual([1, 1, 1, 255]);
  });

  it('keeps a flat image flat and a ramp a ramp when it scales (within 1 level)', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 2, max: 40 }), fc.integer({ min: 2, max: 48 }), fc.integer({ min: 2, max: 48 }), fc.integer({ min: 1, max: 8 }), (W, H, ow, oh, o) => {
      const src = new Uint8ClampedArray(W * H * 4);
      for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) src.set([77, (x * 255) / (W - 1), 200, 255], (y * W + x) * 4);
      const out = resampleOriented(src, W, H, o, ow, oh);
      for (let i = 0; i < ow * oh; i++) {
        if (out[i * 4] !== 77 || out[i * 4 + 2] !== 200 || out[i * 4 + 3] !== 255) return false;
      }
      // the ramp along stored x: monotone along the output axis it maps to
      const alongU = o < 5;
      const n = alongU ? ow : oh;
      const at = (k: number) => (alongU ? out[k * 4 + 1] : out[k * ow * 4 + 1]);
      const dir = at(n - 1) - at(0);
      for (let k = 1; k < n; k++) if (dir * (at(k) - at(k - 1)) < -1) return false;
      return true;
    }));
  });

  it("maps a VideoFrame's rotation and flip to the EXIF orientation (as Chromium reports them)", () => {
    expect([[0, false], [0, true], [180, false], [180, true], [90, true], [90, false], [270, true], [270, false]].map(([r, f]) => orientationFromRotation(r as number, f as boolean))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(orientationFromRotation(45, false)).toBeNull();
  });
});
