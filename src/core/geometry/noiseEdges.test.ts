import { describe, expect, it } from 'vitest';
import { depthNoiseSigma, expectedMaxNormal, noisyFootprint, probit, pulledSides } from './noiseEdges';
import { rectangleAtYaw } from './yawFit';

/** The x sides of positions along x (as xyz points), through noisyFootprint's axis-aligned sides. */
function noisySides(v: number[] | Float64Array, n: number, s: number): [number, number] {
  const pts = Float32Array.from([...v].flatMap((x) => [x, 0, 0]));
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) { lo = Math.min(lo, pts[i * 3]); hi = Math.max(hi, pts[i * 3]); }
  return noisyFootprint(pts, n, rectangleAtYaw(pts, n, 0), [lo, 0, 0], [hi, 0, 0], (ux) => s * Math.abs(ux)).x;
}
/** The footprint rectangle of xyz points at a heading, with noise sigmaAlong. */
function noisyRectangleAtYaw(pts: Float32Array, n: number, yaw: number, sigmaAlong: (ux: number, uz: number) => number) {
  const min = [Infinity, 0, Infinity], max = [-Infinity, 0, -Infinity];
  for (let i = 0; i < n; i++) for (const k of [0, 2]) { min[k] = Math.min(min[k], pts[i * 3 + k]); max[k] = Math.max(max[k], pts[i * 3 + k]); }
  return noisyFootprint(pts, n, rectangleAtYaw(pts, n, yaw), min, max, sigmaAlong).rect;
}
import { mulberry32 } from './prng';

const gaussian = (r: () => number) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());

describe('probit', () => {
  it('inverts the normal CDF at known points', () => {
    expect(probit(0.5)).toBeCloseTo(0, 9);
    expect(probit(0.975)).toBeCloseTo(1.959964, 5);
    expect(probit(0.001)).toBeCloseTo(-3.090232, 5);
    expect(probit(0.8413447)).toBeCloseTo(1, 5);
  });
  it('is odd about 0.5', () => {
    for (const p of [0.01, 0.1, 0.3]) expect(probit(p)).toBeCloseTo(-probit(1 - p), 9);
  });
});

describe('expectedMaxNormal', () => {
  it('matches the simulated mean maximum of m standard normals within 3%', () => {
    const r = mulberry32(7);
    for (const m of [10, 100, 1000]) {
      let sum = 0;
      const trials = 400;
      for (let t = 0; t < trials; t++) {
        let mx = -Infinity;
        for (let i = 0; i < m; i++) mx = Math.max(mx, gaussian(r));
        sum += mx;
      }
      expect(expectedMaxNormal(m)).toBeCloseTo(sum / trials, 1);
      expect(Math.abs(expectedMaxNormal(m) / (sum / trials) - 1)).toBeLessThan(0.03);
    }
  });
  it('is 0 for one sample and grows with m', () => {
    expect(expectedMaxNormal(1)).toBe(0);
    expect(expectedMaxNormal(10)).toBeLessThan(expectedMaxNormal(100));
  });
});

describe('depthNoiseSigma', () => {
  /** A tilted plane's depth over a w x h image with Gaussian noise of `sigma`, every `keep`-th pixel valid. */
  function plane(sigma: number, keep = 1) {
    const w = 120, h = 80, r = mulberry32(3);
    const data = new Float32Array(w * h);
    const pixels: number[] = [];
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        if ((x + y) % keep !== 0) continue;
        data[y * w + x] = 3 + 0.004 * x + 0.002 * y + sigma * gaussian(r);
        pixels.push(y * w + x);
      }
    return { data, w, pixels: Uint32Array.from(pixels) };
  }
  it('recovers the noise of a noisy plane within 10%', () => {
    for (const s of [0.005, 0.02]) {
      const p = plane(s);
      expect(depthNoiseSigma(p.data, p.w, p.pixels, p.pixels.length) / s).toBeGreaterThan(0.9);
      expect(depthNoiseSigma(p.data, p.w, p.pixels, p.pixels.length) / s).toBeLessThan(1.1);
    }
  });
  it('uses neighbours across gaps (sparse, LiDAR-like depth)', () => {
    const p = plane(0.02, 2);
    const s = depthNoiseSigma(p.data, p.w, p.pixels, p.pixels.length);
    expect(s).toBeGreaterThan(0.018);
    expect(s).toBeLessThan(0.022);
  });
  it('is about 0 for smooth (model) depth and ignores the steps between surfaces', () => {
    const w = 100, h = 50;
    const data = new Float32Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = x < 50 ? 2 : 4;
    const pixels = Uint32Array.from({ length: w * h }, (_, i) => i);
    expect(depthNoiseSigma(data, w, pixels, pixels.length)).toBeLessThan(1e-6);
  });
  it('says 0 when there are too few pixels to tell', () => {
    const p = plane(0.02);
    expect(depthNoiseSigma(p.data, p.w, p.pixels, 10)).toBe(0);
  });
});

describe('noisySides', () => {
  it('is the plain extent without noise', () => {
    const [a, b] = noisySides([0.3, -0.2, 0.9, 0.1], 4, 0);
    expect(a).toBeCloseTo(-0.2, 6);
    expect(b).toBeCloseTo(0.9, 6);
  });
  it('undoes the outward push of noise on a face seen head-on (all points at one depth)', () => {
    const r = mulberry32(11);
    const n = 2000, s = 0.03;
    const v = new Float64Array(n);
    // a front face at 0 and a top face running back to 0.5: the extent is 0.5
    for (let i = 0; i < n; i++) v[i] = (i % 2 ? 0 : 0.5 * r()) + s * gaussian(r);
    let lo = Infinity, hi = -Infinity;
    for (const x of v) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
    const [a, b] = noisySides(v, n, s);
    expect(hi - lo - 0.5).toBeGreaterThan(0.12); // the raw extent is 25% too long
    expect(Math.abs(b - a - 0.5)).toBeLessThan(0.05);
    expect(Math.abs(a)).toBeLessThan(0.03);
  });
  it('finds the sides of a box 6 m from a structured-light sensor: a face head-on and a top running back', () => {
    // sigma 6 cm; the front face's points all lie at one depth, so its side is their centre, not their
    // extreme less the expected maximum (that left the depth 1.2 sigma long: 0.57 m for 0.5 m)
    for (const seed of [1, 2, 3]) {
      const r = mulberry32(seed);
      const n = 2000, s = 0.06;
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = (i % 2 ? 0 : 0.5 * r()) + s * gaussian(r);
      const [a, b] = noisySides(v, n, s);
      expect(Math.abs(b - a - 0.5), `seed ${seed}`).toBeLessThan(0.02);
      expect(Math.abs(a), `seed ${seed}`).toBeLessThan(0.02);
    }
  });
  it('puts a lone face seen head-on at its depth, whatever the noise', () => {
    const r = mulberry32(9);
    for (const s of [0.01, 0.05]) {
      const n = 1500, v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = 2 + s * gaussian(r);
      const [a, b] = noisySides(v, n, s);
      expect(Math.abs(a - 2)).toBeLessThan(0.25 * s);
      expect(Math.abs(b - 2)).toBeLessThan(0.25 * s);
    }
  });
  it('falls back to the expected-maximum pull where a side has too few points to fit', () => {
    const r = mulberry32(4);
    const n = 30, s = 0.03, v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = 0.4 * r() + s * gaussian(r);
    let lo = Infinity, hi = -Infinity;
    for (const x of v) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
    let mlo = 0, mhi = 0;
    for (const x of v) { if (x <= lo + 2 * s) mlo++; if (x >= hi - 2 * s) mhi++; }
    const [a, b] = noisySides(v, n, s);
    const [pa, pb] = pulledSides(lo, hi, mlo, mhi, s);
    // float32 positions: the same to a micrometre
    expect(a).toBeCloseTo(pa, 6);
    expect(b).toBeCloseTo(pb, 6);
  });
  it('pulls the top and bottom in by the vertical part of the noise', () => {
    // a crate 0.43 m tall seen from above: its top face (all at one height) and its front face (0 to 0.43 m)
    const r = mulberry32(21);
    const n = 3000, sy = 0.03;
    const pts = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) {
      pts[i * 3] = r() * 0.6;
      pts[i * 3 + 1] = (i % 2 ? 0.43 : 0.43 * r()) + sy * gaussian(r);
      pts[i * 3 + 2] = 0;
    }
    const min = [Infinity, Infinity, 0], max = [-Infinity, -Infinity, 0];
    for (let i = 0; i < n; i++) for (const k of [0, 1]) { min[k] = Math.min(min[k], pts[i * 3 + k]); max[k] = Math.max(max[k], pts[i * 3 + k]); }
    const { y } = noisyFootprint(pts, n, rectangleAtYaw(pts, n, 0), min, max, () => 0, sy);
    expect(max[1] - min[1] - 0.43).toBeGreaterThan(0.1); // the raw height is a quarter too tall
    expect(Math.abs(y[1] - y[0] - 0.43)).toBeLessThan(0.02);
    expect(Math.abs(y[1] - 0.43)).toBeLessThan(0.01);
    // no vertical noise given: the extremes stand
    expect(noisyFootprint(pts, n, rectangleAtYaw(pts, n, 0), min, max, () => 0).y).toEqual([min[1], max[1]]);
  });
  it('never moves a side through the middle', () => {
    const v = Float64Array.from([0, 0.01, 0.02]);
    const [a, b] = noisySides(v, 3, 1);
    expect(a).toBeLessThanOrEqual(b);
  });
});

describe('noisyRectangleAtYaw', () => {
  it('keeps a noise-free footprint exact and pulls in noise along the ray only', () => {
    const r = mulberry32(5);
    const n = 3000, yaw = 0.3, l = 1.2, w = 0.6;
    const c = Math.cos(yaw), s = Math.sin(yaw);
    const pts = new Float32Array(n * 3), noisy = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) {
      const a = (r() - 0.5) * l, b = (r() - 0.5) * w;
      pts[i * 3] = a * c + b * s;
      pts[i * 3 + 2] = -a * s + b * c;
      noisy[i * 3] = pts[i * 3];
      noisy[i * 3 + 2] = pts[i * 3 + 2] + 0.03 * gaussian(r); // noise along z (the ray)
    }
    const clean = noisyRectangleAtYaw(pts, n, yaw, () => 0);
    expect(clean.ex).toBeCloseTo(l, 2);
    expect(clean.ez).toBeCloseTo(w, 2);
    const raw = noisyRectangleAtYaw(noisy, n, yaw, () => 0);
    const fixed = noisyRectangleAtYaw(noisy, n, yaw, (ux, uz) => 0.03 * Math.abs(uz) + 0 * ux);
    expect(Math.abs(fixed.ex - l)).toBeLessThan(Math.abs(raw.ex - l));
    expect(Math.abs(fixed.ez - w)).toBeLessThan(Math.abs(raw.ez - w));
    expect(Math.abs(fixed.ez - w) / w).toBeLessThan(0.08);
  });
});

describe('noisyFootprint far sides', () => {
  // A box seen from the front (the camera looks along -z): its front face head-on at z = -2 (dense), its top
  // running back to z = -3.8, sampled every 3 cm from a random phase (scan rows), two points a row, and
  // depth noise of 3 cm along the line of sight.
  const L = 1.8, g = 0.03, sig = 0.03, T = 300;
  const runs = () => {
    const r = mulberry32(11);
    let far = 0, farPulled = 0, nearSame = 0;
    for (let t = 0; t < T; t++) {
      const pts: number[] = [];
      for (let i = 0; i < 300; i++) pts.push(-0.8 + 1.6 * r(), 1, -2 + sig * gaussian(r));
      for (let z = -2 - r() * g; z > -2 - L; z -= g) for (let k = 0; k < 2; k++) pts.push(-0.8 + 1.6 * r(), 1.5, z + sig * gaussian(r));
      const p = Float32Array.from(pts), n = p.length / 3;
      const min = [Infinity, 1, Infinity], max = [-Infinity, 1.5, -Infinity];
      for (let i = 0; i < n; i++) for (const k of [0, 2]) { min[k] = Math.min(min[k], p[i * 3 + k]); max[k] = Math.max(max[k], p[i * 3 + k]); }
      const raw = rectangleAtYaw(p, n, 0);
      const along = (_ux: number, uz: number) => sig * Math.abs(uz);
      const withAway = noisyFootprint(p, n, raw, min, max, along, 0, [0, -1]);
      const without = noisyFootprint(p, n, raw, min, max, along, 0);
      far += withAway.z[0] - (-2 - L);
      farPulled += without.z[0] - (-2 - L);
      if (withAway.z[1] === without.z[1]) nearSame++;
    }
    return { far: far / T, farPulled: farPulled / T, nearSame };
  };
  it('keeps a sparse far side at its outermost point, where the extreme-value pull took it short', () => {
    const { far, farPulled } = runs();
    // the pull assumes every point near the side sits on it: 2 cm short on average
    expect(farPulled).toBeGreaterThan(0.015);
    expect(Math.abs(far)).toBeLessThan(0.01);
  });
  it('leaves the near side (a face seen head-on) as it was', () => {
    expect(runs().nearSame).toBe(T);
  });
});
