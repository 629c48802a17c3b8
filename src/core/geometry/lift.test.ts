import { describe, expect, it } from 'vitest';
import { intrinsicsForSize, liftDepth } from './lift';
import type { DepthMap } from './raster';

const K = { fx: 100, fy: 100, cx: 1.5, cy: 1.5, width: 4, height: 4 };
const map = (vals: number[]): DepthMap => ({ width: 4, height: 4, data: Float32Array.from(vals) });

describe('liftDepth', () => {
  it('back-projects in the OpenCV frame (x right, y down, z forward)', () => {
    const d = map(new Array(16).fill(2));
    const c = liftDepth(d, K);
    expect(c.count).toBe(16);
    // pixel (0,0) is up-left of the principal point: x < 0, y < 0
    expect(c.positions[0]).toBeCloseTo((-1.5 / 100) * 2, 6);
    expect(c.positions[1]).toBeCloseTo((-1.5 / 100) * 2, 6);
    expect(c.positions[2]).toBe(2);
    expect(c.pixel[15]).toBe(15);
  });

  it('skips 0, NaN and infinite depth', () => {
    const v = new Array(16).fill(2);
    v[1] = 0; v[2] = NaN; v[3] = Infinity; v[4] = -1;
    const c = liftDepth(map(v), K, { flyingPixelThreshold: 0 });
    expect(c.count).toBe(12);
    expect(Array.from(c.pixel)).not.toContain(1);
  });

  it('drops the far side of a depth jump but keeps the near silhouette', () => {
    const v = [1, 1, 5, 5, 1, 1, 5, 5, 1, 1, 5, 5, 1, 1, 5, 5];
    const c = liftDepth(map(v), K);
    const kept = new Set(c.pixel);
    expect(kept.has(1)).toBe(true); // near edge pixel stays
    expect(kept.has(2)).toBe(false); // far edge pixel (flying side) goes
    expect(kept.has(3)).toBe(true);
  });

  it('keeps sparse depth (isolated pixels have no neighbours to jump to)', () => {
    const v = new Array(16).fill(0);
    v[0] = 3; v[5] = 9; v[10] = 4;
    expect(liftDepth(map(v), K).count).toBe(3);
  });

  it('strides and colours', () => {
    const rgb = { width: 4, height: 4, data: new Uint8Array(64).map((_, i) => i) };
    const c = liftDepth(map(new Array(16).fill(1)), K, { stride: 2, rgb });
    expect(c.count).toBe(4);
    expect(Array.from(c.pixel)).toEqual([0, 2, 8, 10]);
    expect(Array.from(c.colors.slice(3, 6))).toEqual([8, 9, 10]);
  });

  it('rescales intrinsics to the depth map and refuses a different aspect ratio', () => {
    const k2 = intrinsicsForSize({ fx: 200, fy: 200, cx: 3.5, cy: 3.5, width: 8, height: 8 }, 4, 4);
    expect(k2.fx).toBe(100);
    expect(k2.cx).toBeCloseTo(1.5, 9);
    expect(() => intrinsicsForSize(K, 8, 4)).toThrow(/aspect/);
  });
});
