import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeMask } from '../core/scene/mask';
import { outlineMasks, rasterizeMasks } from './maskRaster';

describe('rasterizeMasks', () => {
  it('at the mask size it paints exactly the mask', () => {
    const W = 7, H = 5;
    const bits = new Uint8Array(W * H).map((_, i) => ((i * 7919) % 3 === 0 ? 1 : 0));
    const out = rasterizeMasks([{ mask: encodeMask(bits, W, H), rgb: [1, 2, 3] }], W, H);
    expect(out).not.toBeNull();
    for (let i = 0; i < W * H; i++) expect(out![i * 4 + 3]).toBe(bits[i] ? 80 : 0);
  });

  it('downscaled, each pixel shows the mask at its centre', () => {
    const W = 40, H = 20;
    const bits = new Uint8Array(W * H);
    for (let y = 5; y < 15; y++) for (let x = 10; x < 30; x++) bits[y * W + x] = 1;
    const out = rasterizeMasks([{ mask: encodeMask(bits, W, H), rgb: [9, 9, 9] }], 10, 5)!;
    for (let v = 0; v < 5; v++) for (let u = 0; u < 10; u++) {
      const sx = Math.floor((u + 0.5) * 4), sy = Math.floor((v + 0.5) * 4);
      expect(out[(v * 10 + u) * 4 + 3]).toBe(bits[sy * W + sx] ? 80 : 0);
    }
  });

  it('property: any declared size, output is exactly the working size and fast', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 32768 }), fc.integer({ min: 1, max: 32768 }), fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 50 }), (W, H, runs) => {
        // runs padded so they cover W x H exactly, as the schema requires
        const total = W * H;
        const counts: number[] = [];
        let pos = 0;
        for (const c of runs) {
          if (pos + c > total) break;
          counts.push(c);
          pos += c;
        }
        counts.push(total - pos);
        const t0 = performance.now();
        const out = rasterizeMasks([{ mask: { width: W, height: H, counts }, rgb: [1, 1, 1] }], 64, 48);
        expect(performance.now() - t0).toBeLessThan(200);
        if (out) expect(out.length).toBe(64 * 48 * 4);
      }),
      { numRuns: 200 },
    );
  });

  it('a whole 32768 x 32768 mask is one cheap fill', () => {
    const out = rasterizeMasks([{ mask: { width: 32768, height: 32768, counts: [0, 32768 * 32768] }, rgb: [1, 1, 1] }], 1024, 1024)!;
    expect(out.length).toBe(1024 * 1024 * 4);
    expect(out[3]).toBe(80);
    expect(out[out.length - 1]).toBe(80);
  });
});

describe('outlineMasks', () => {
  it('keeps the edge of a mask and clears its inside', () => {
    const w = 5, h = 5;
    const data = new Uint8ClampedArray(w * h * 4);
    for (let v = 0; v < h; v++) for (let u = 0; u < w; u++) data.set([10, 200, 30, 80], (v * w + u) * 4);
    const out = outlineMasks(data, w, h);
    expect(out[(2 * w + 2) * 4 + 3]).toBe(0);
    expect(out[(0 * w + 2) * 4 + 3]).toBe(255);
    expect([...out.slice(0, 3)]).toEqual([10, 200, 30]);
  });
});
