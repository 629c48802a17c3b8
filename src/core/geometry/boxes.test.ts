import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convexHull2D, minAreaRectangle, orientedBoundingBox, sortByXThenZ } from './boxes';
import { clusterConnectedVoxels } from './cluster';
import { removeStatisticalOutliers } from './outliers';
import { mulberry32 } from './prng';

/** Dense samples of a box's surface (canonical frame), yawed. */
function boxSurface(c: [number, number, number], size: [number, number, number], yaw: number, n: number, seed: number): Float32Array {
  const r = mulberry32(seed);
  const out = new Float32Array(n * 3);
  const cs = Math.cos(yaw), sn = Math.sin(yaw);
  for (let i = 0; i < n; i++) {
    const p = [r() - 0.5, r() - 0.5, r() - 0.5];
    const a = Math.floor(r() * 3);
    p[a] = r() < 0.5 ? -0.5 : 0.5;
    const lx = p[0] * size[0], ly = p[1] * size[1], lz = p[2] * size[2];
    // local x -> (cos, 0, -sin), local z -> (sin, 0, cos)
    out[i * 3] = c[0] + cs * lx + sn * lz;
    out[i * 3 + 1] = c[1] + ly;
    out[i * 3 + 2] = c[2] - sn * lx + cs * lz;
  }
  return out;
}

describe('orientedBoundingBox', () => {
  it('recovers centre, size and yaw of a yawed box (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.7, max: 0.7, noNaN: true }), fc.integer({ min: 1, max: 1000 }), (yaw, seed) => {
        const pts = boxSurface([1, 0.5, -3], [0.8, 1, 0.5], yaw, 3000, seed);
        const b = orientedBoundingBox(pts, 3000);
        expect(b.yaw).toBeCloseTo(yaw, 1);
        expect(b.size[0]).toBeCloseTo(0.8, 1);
        expect(b.size[1]).toBeCloseTo(1, 1);
        expect(b.size[2]).toBeCloseTo(0.5, 1);
        expect(Math.hypot(b.center[0] - 1, b.center[2] + 3)).toBeLessThan(0.02);
      }),
      { numRuns: 25 },
    );
  });

  it('sorts point indices by x, then z, as a comparator sort does, ties and duplicates included (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 1e6 }), fc.boolean(), (n, seed, grid) => {
        const r = mulberry32(seed);
        const xz = new Float64Array(n * 2);
        // on a coarse grid: many points share an x, many are exact duplicates
        for (let i = 0; i < n * 2; i++) xz[i] = grid ? Math.round(r() * 20) / 20 : Math.fround(r() * 2 - 1);
        const idx = Uint32Array.from({ length: n }, (_, i) => i);
        sortByXThenZ(idx, xz);
        const want = Array.from({ length: n }, (_, i) => i).sort((a, b) => xz[a * 2] - xz[b * 2] || xz[a * 2 + 1] - xz[b * 2 + 1]);
        // duplicates may come in either order: compare the coordinates, and that every index is there once
        expect(Array.from(idx).flatMap((i) => [xz[i * 2], xz[i * 2 + 1]])).toEqual(want.flatMap((i) => [xz[i * 2], xz[i * 2 + 1]]));
        expect(new Set(idx).size).toBe(n);
      }),
      { numRuns: 150 },
    );
  });

  it('hull holds every point (within the 0.1 mm slack) and is convex, made of input points (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 3000 }), fc.integer({ min: 1, max: 1e6 }), fc.constantFrom('square', 'disc', 'grid', 'line'), (n, seed, shape) => {
        const r = mulberry32(seed);
        const xz = new Float64Array(n * 2);
        for (let i = 0; i < n; i++) {
          const u = r(), v = r(), t = 2 * Math.PI * u, q = Math.sqrt(v);
          const [x, z] = shape === 'square' ? [u * 2 - 1, v - 0.5] : shape === 'disc' ? [q * Math.cos(t), 0.6 * q * Math.sin(t)]
            : shape === 'grid' ? [Math.round(u * 10) / 10, Math.round(v * 10) / 10] : [u, 0.3 * u + 1e-5 * v];
          xz[i * 2] = Math.fround(x); xz[i * 2 + 1] = Math.fround(z);
        }
        const h = convexHull2D(xz, n);
        const m = h.length / 2;
        const inputs = new Set(Array.from({ length: n }, (_, i) => `${xz[i * 2]},${xz[i * 2 + 1]}`));
        expect(Array.from({ length: m }, (_, k) => inputs.has(`${h[k * 2]},${h[k * 2 + 1]}`)).every(Boolean)).toBe(true);
        if (m < 3) return;
        for (let k = 0; k < m; k++) {
          const ax = h[k * 2], az = h[k * 2 + 1], bx = h[((k + 1) % m) * 2], bz = h[((k + 1) % m) * 2 + 1];
          const cx = h[((k + 2) % m) * 2], cz = h[((k + 2) % m) * 2 + 1];
          // counter-clockwise, strictly convex
          expect((bx - ax) * (cz - az) - (bz - az) * (cx - ax)).toBeGreaterThan(0);
          const el = Math.hypot(bx - ax, bz - az);
          let worst = Infinity;
          for (let i = 0; i < n; i++) worst = Math.min(worst, (bx - ax) * (xz[i * 2 + 1] - az) - (bz - az) * (xz[i * 2] - ax));
          expect(worst).toBeGreaterThanOrEqual(-1.0001e-4 * el);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('hull and rectangle of a square', () => {
    const sq = Float64Array.from([0, 0, 1, 0, 1, 1, 0, 1, 0.5, 0.5]);
    const h = convexHull2D(sq, 5);
    expect(h.length / 2).toBe(4);
    const r = minAreaRectangle(h);
    expect(r.ex * r.ez).toBeCloseTo(1, 9);
    expect(r.cx).toBeCloseTo(0.5, 9);
    expect(r.yaw).toBeCloseTo(0, 9);
  });
});

describe('clusterConnectedVoxels and removeStatisticalOutliers', () => {
  it('separates two boxes 30 cm apart and keeps the largest first', () => {
    const a = boxSurface([0, 0.5, -3], [1, 1, 1], 0, 4000, 1);
    const b = boxSurface([1.8, 0.25, -3], [0.5, 0.5, 0.5], 0, 1000, 2);
    const all = new Float32Array(15000);
    all.set(a);
    all.set(b, 12000);
    const { labels, sizes } = clusterConnectedVoxels(all, 5000, 0.1);
    expect(sizes).toEqual([4000, 1000]);
    expect(labels[0]).toBe(0);
    expect(labels[4500]).toBe(1);
  });

  it('drops far-away strays and nothing much else', () => {
    const a = boxSurface([0, 0.5, -3], [1, 1, 1], 0, 3000, 3);
    const pts = new Float32Array(3010 * 3);
    pts.set(a);
    for (let i = 3000; i < 3010; i++) pts.set([5 + i * 0.3, 3, -9], i * 3);
    const { inliers } = removeStatisticalOutliers(pts, 3010, 16, 3);
    expect(Array.from(inliers).filter((i) => i >= 3000)).toEqual([]);
    expect(inliers.length).toBeGreaterThan(2950);
  });
});
