import { symmetricEigen3 } from './eigen3';
import { mulberry32 } from './prng';
import type { Vec3 } from './vec';

/** n·p + d = 0 with |n| = 1. */
export interface Plane {
  normal: Vec3;
  d: number;
}

export interface SegmentPlaneOptions {
  /** Max point-to-plane distance of an inlier, metres. */
  distanceThreshold: number;
  iterations: number;
  seed: number;
  /** Reject hypotheses early (e.g. "roughly horizontal and below the camera"). May flip nothing: read only. */
  candidateFilter?: (plane: Plane) => boolean;
  /** Restrict the search to these point indices (default: all `count` points). */
  indices?: Uint32Array;
  /** Hypotheses are scored on at most this many sampled points (default 2000): speed, not accuracy. */
  maxScoringPoints?: number;
}

export interface SegmentPlaneResult {
  plane: Plane;
  /** Indices (into the point array) within distanceThreshold of the refitted plane. */
  inliers: Uint32Array;
}

/** Least-squares plane through the given points (smallest principal axis of their covariance). */
export function fitPlane(points: Float32Array, indices: ArrayLike<number>, n: number = indices.length): Plane | null {
  if (n < 3) return null;
  let mx = 0, my = 0, mz = 0;
  for (let k = 0; k < n; k++) {
    const o = indices[k] * 3;
    mx += points[o]; my += points[o + 1]; mz += points[o + 2];
  }
  mx /= n; my /= n; mz /= n;
  let xx = 0, xy = 0, xz = 0, yy = 0, yz = 0, zz = 0;
  for (let k = 0; k < n; k++) {
    const o = indices[k] * 3;
    const x = points[o] - mx, y = points[o + 1] - my, z = points[o + 2] - mz;
    xx += x * x; xy += x * y; xz += x * z; yy += y * y; yz += y * z; zz += z * z;
  }
  const { vectors } = symmetricEigen3([xx, xy, xz, xy, yy, yz, xz, yz, zz]);
  const nrm = vectors[0];
  return { normal: nrm, d: -(nrm[0] * mx + nrm[1] * my + nrm[2] * mz) };
}

function collectInliers(points: Float32Array, idx: Uint32Array | null, count: number, plane: Plane, thr: number, out: Uint32Array): number {
  const [a, b, c] = plane.normal, d = plane.d;
  let m = 0;
  for (let k = 0; k < count; k++) {
    const i = idx ? idx[k] : k;
    const o = i * 3;
    const dist = a * points[o] + b * points[o + 1] + c * points[o + 2] + d;
    out[m] = i;
    m += Math.abs(dist) <= thr ? 1 : 0;
  }
  return m;
}

/**
 * Seeded RANSAC plane segmentation (Open3D's segment_plane, deterministic): hypotheses from 3 random points
 * are scored on a fixed random subsample; the best one is refitted by least squares on all its inliers
 * (twice, so the inlier set follows the refit). Returns null when no hypothesis passes the filter.
 */
export function segmentPlane(points: Float32Array, count: number, opts: SegmentPlaneOptions): SegmentPlaneResult | null {
  const idx = opts.indices ?? null;
  const total = idx ? idx.length : count;
  if (total < 3) return null;
  const rand = mulberry32(opts.seed);
  const maxS = opts.maxScoringPoints ?? 2000;
  const sample = new Uint32Array(Math.min(total, maxS));
  if (total <= maxS) {
    for (let k = 0; k < total; k++) sample[k] = idx ? idx[k] : k;
  } else {
    for (let k = 0; k < sample.length; k++) {
      const j = Math.floor(rand() * total);
      sample[k] = idx ? idx[j] : j;
    }
  }
  const thr = opts.distanceThreshold;
  const ns = sample.length;
  // the scored points side by side (each hypothesis reads them all: in the cloud's order they are scattered
  // over megabytes); float32 values held exactly as float64, so every score is as before
  const sx = new Float64Array(ns), sy = new Float64Array(ns), sz = new Float64Array(ns);
  for (let k = 0; k < ns; k++) { const o = sample[k] * 3; sx[k] = points[o]; sy[k] = points[o + 1]; sz[k] = points[o + 2]; }
  let best: Plane | null = null;
  let bestScore = 0;
  // adaptive stop (standard RANSAC bound): enough hypotheses that an all-inlier triple was drawn with
  // 99.9% probability, given the best inlier ratio so far; still a pure function of the seed
  let needed = opts.iterations;
  for (let it = 0; it < needed; it++) {
    const o1 = sample[Math.floor(rand() * ns)] * 3;
    const o2 = sample[Math.floor(rand() * ns)] * 3;
    const o3 = sample[Math.floor(rand() * ns)] * 3;
    const ux = points[o2] - points[o1], uy = points[o2 + 1] - points[o1 + 1], uz = points[o2 + 2] - points[o1 + 2];
    const vx = points[o3] - points[o1], vy = points[o3 + 1] - points[o1 + 1], vz = points[o3 + 2] - points[o1 + 2];
    let a = uy * vz - uz * vy, b = uz * vx - ux * vz, c = ux * vy - uy * vx;
    const len = Math.sqrt(a * a + b * b + c * c);
    if (len < 1e-12) continue;
    a /= len; b /= len; c /= len;
    const d = -(a * points[o1] + b * points[o1 + 1] + c * points[o1 + 2]);
    if (opts.candidateFilter && !opts.candidateFilter({ normal: [a, b, c], d })) continue;
    let score = 0;
    // stop once even all the points left could not beat the best (it needs more, not as many)
    // counted without a branch (half the time: which points are inliers is a coin toss to the branch predictor)
    for (let k = 0; k < ns && score + ns - k > bestScore; k++) {
      const dist = a * sx[k] + b * sy[k] + c * sz[k] + d;
      score += Math.abs(dist) <= thr ? 1 : 0;
    }
    if (score > bestScore) {
      bestScore = score;
      best = { normal: [a, b, c], d };
      const w3 = (score / ns) ** 3;
      if (w3 > 0 && w3 < 1) needed = Math.min(opts.iterations, Math.max(30, Math.ceil(Math.log(0.001) / Math.log(1 - w3))));
      else if (w3 >= 1) needed = Math.min(needed, it + 1);
    }
  }
  if (!best) return null;
  const buf = new Uint32Array(total);
  let m = collectInliers(points, idx, total, best, thr, buf);
  for (let round = 0; round < 2; round++) {
    const refit = fitPlane(points, buf, m);
    if (!refit) break;
    // keep the hypothesis' orientation so callers see a stable sign
    if (refit.normal[0] * best.normal[0] + refit.normal[1] * best.normal[1] + refit.normal[2] * best.normal[2] < 0) {
      refit.normal = [-refit.normal[0], -refit.normal[1], -refit.normal[2]];
      refit.d = -refit.d;
    }
    best = refit;
    m = collectInliers(points, idx, total, best, thr, buf);
  }
  return { plane: best, inliers: buf.slice(0, m) };
}
