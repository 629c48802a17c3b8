import { describe, expect, it } from 'vitest';
import { symmetricEigen3 } from './eigen3';
import { segmentPlane } from './plane';
import { mulberry32 } from './prng';
import { angleBetween, normalize, type Vec3 } from './vec';

function planeWithClutter(n: Vec3, d: number, inliers: number, outliers: number, seed: number): Float32Array {
  const r = mulberry32(seed);
  const nn = normalize(n);
  // basis of the plane
  const a = normalize(Math.abs(nn[0]) < 0.9 ? [1 - nn[0] * nn[0], -nn[0] * nn[1], -nn[0] * nn[2]] : [-nn[1] * nn[0], 1 - nn[1] * nn[1], -nn[1] * nn[2]]);
  const b: Vec3 = [nn[1] * a[2] - nn[2] * a[1], nn[2] * a[0] - nn[0] * a[2], nn[0] * a[1] - nn[1] * a[0]];
  const out = new Float32Array((inliers + outliers) * 3);
  for (let i = 0; i < inliers; i++) {
    const u = r() * 4 - 2, v = r() * 4 - 2, e = (r() - 0.5) * 0.004;
    for (let k = 0; k < 3; k++) out[i * 3 + k] = -d * nn[k] + u * a[k] + v * b[k] + e * nn[k];
  }
  for (let i = inliers; i < inliers + outliers; i++) for (let k = 0; k < 3; k++) out[i * 3 + k] = r() * 6 - 3;
  return out;
}

describe('segmentPlane', () => {
  it('finds a plane among 40% clutter, deterministically', () => {
    const n: Vec3 = [0.1, -0.9, -0.3];
    const pts = planeWithClutter(n, 1.4, 3000, 2000, 1);
    const r1 = segmentPlane(pts, 5000, { distanceThreshold: 0.01, iterations: 200, seed: 3 });
    const r2 = segmentPlane(pts, 5000, { distanceThreshold: 0.01, iterations: 200, seed: 3 });
    expect(r1).not.toBeNull();
    const p = r1!.plane;
    const s = Math.sign(p.normal[1]) === Math.sign(normalize(n)[1]) ? 1 : -1;
    expect(angleBetween([p.normal[0] * s, p.normal[1] * s, p.normal[2] * s], n)).toBeLessThan(0.2 * (Math.PI / 180));
    expect(p.d * s).toBeCloseTo(1.4, 2);
    expect(r1!.inliers.length).toBeGreaterThanOrEqual(2990);
    expect(r1!.inliers.length).toBeLessThan(3100);
    expect(Array.from(r1!.inliers)).toEqual(Array.from(r2!.inliers));
  });

  it('honours the candidate filter and returns null when nothing passes', () => {
    const pts = planeWithClutter([0, -1, 0], 1, 500, 0, 2);
    expect(segmentPlane(pts, 500, { distanceThreshold: 0.01, iterations: 50, seed: 1, candidateFilter: (p) => Math.abs(p.normal[0]) > 0.9 })).toBeNull();
  });
});

describe('symmetricEigen3', () => {
  it('recovers eigenpairs of a symmetric matrix', () => {
    const m = [4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 1];
    const { values, vectors } = symmetricEigen3(m);
    expect(values[0]).toBeLessThanOrEqual(values[1]);
    for (let k = 0; k < 3; k++) {
      const v = vectors[k];
      const mv = [0, 1, 2].map((i) => m[i * 3] * v[0] + m[i * 3 + 1] * v[1] + m[i * 3 + 2] * v[2]);
      mv.forEach((x, i) => expect(x).toBeCloseTo(values[k] * v[i], 9));
    }
  });
});
