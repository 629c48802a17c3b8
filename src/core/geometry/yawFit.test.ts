import { describe, expect, it } from 'vitest';
import { mulberry32 } from './prng';
import { lShapeYaw, rectangleAtYaw } from './yawFit';

/** Points on the two camera-facing sides of a yawed l x w footprint (an L, as a box's visible faces give), with noise. */
function lShape(yaw: number, l: number, w: number, n: number, noise: number, seed: number): Float32Array {
  const r = mulberry32(seed);
  const g = () => (r() + r() + r() - 1.5) * 2 * noise;
  const out = new Float32Array(n * 3);
  const c = Math.cos(yaw), s = Math.sin(yaw);
  for (let i = 0; i < n; i++) {
    // local (a, b): half on the side b = +w/2, half on a = +l/2
    const onLong = i % 2 === 0;
    const a = onLong ? (r() - 0.5) * l : l / 2 + g();
    const b = onLong ? w / 2 + g() : (r() - 0.5) * w;
    out[i * 3] = 3 + a * c + b * s;
    out[i * 3 + 1] = r();
    out[i * 3 + 2] = -8 - a * s + b * c;
  }
  return out;
}

const foldDeg = (a: number) => {
  let d = a % (Math.PI / 2);
  if (d > Math.PI / 4) d -= Math.PI / 2;
  if (d < -Math.PI / 4) d += Math.PI / 2;
  return Math.abs((d * 180) / Math.PI);
};

describe('lShapeYaw', () => {
  it('recovers the heading of a noisy L within a degree, where noise moves the hull', () => {
    for (const [k, yaw] of [0.1, 0.5, 1.2, -0.3].entries()) {
      const pts = lShape(yaw, 3.9, 1.6, 800, 0.03, 7 + k);
      expect(foldDeg(lShapeYaw(pts, 800, 0.01) - yaw)).toBeLessThan(1);
    }
  });

  it('the rectangle at the true heading has the true extents (swapped with the fold) and centre', () => {
    const pts = lShape(1.2, 4, 2, 2000, 0, 3);
    const r = rectangleAtYaw(pts, 2000, lShapeYaw(pts, 2000, 0.01));
    expect(r.yaw).toBeGreaterThanOrEqual(-Math.PI / 4);
    expect(r.yaw).toBeLessThanOrEqual(Math.PI / 4);
    const ext = [r.ex, r.ez].sort((a, b) => a - b);
    expect(ext[0]).toBeCloseTo(2, 1);
    expect(ext[1]).toBeCloseTo(4, 1);
    expect(r.cx).toBeCloseTo(3, 1);
    expect(r.cz).toBeCloseTo(-8, 1);
  });

  it('an empty footprint gives an empty rectangle', () => {
    expect(rectangleAtYaw(new Float32Array(0), 0, 0.3)).toEqual({ cx: 0, cz: 0, ex: 0, ez: 0, yaw: 0 });
  });
});
