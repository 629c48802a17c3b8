import type { CanonicalFrame } from '../scene/types';
import type { Intrinsics } from '../camera/intrinsics';
import { intrinsicsForSize, isFlyingPixel } from './lift';
import { median } from './objectEnv';
import { normalCdf } from '../units/uncertainty';
import { fitPlane, segmentPlane, type Plane } from './plane';
import type { DepthMap } from './raster';

/**
 * Walls: large vertical planes that bound the scene. A 2D box around a bed or a lamp also holds the wall
 * behind it, and a headboard or a lamp shade touching that wall joins it into one cluster; a wall is told
 * apart from a big furniture face (a wardrobe front) by what lies behind it: nothing, for a wall.
 */
export interface WallOptions {
  /** The scene is sampled to about this many points (default 6000). */
  maxPoints?: number;
  /** A wall holds at least this share of the sampled points (default 0.05). */
  minShare?: number;
  /** Its normal is within this many degrees of horizontal (default 10). */
  maxTiltDeg?: number;
  /** At most this share of the sampled points lies behind it (default 0.02). */
  maxBehindShare?: number;
  /** At most this many walls (default 3). */
  maxWalls?: number;
  flyingPixelThreshold?: number;
}

/** A wall in the canonical frame, its normal horizontal-ish and facing the camera: n·p + d > 0 on the room side. */
export interface Wall extends Plane {
  /** RANSAC band used to find it, metres (points within it are the wall). */
  band: number;
  /** Inliers among the sampled points. */
  inliers: number;
}

/** No wall rests on fewer sampled points. */
const MIN_WALL_POINTS = 30;
/**
 * A widened wall's RANSAC inliers are at least this share of what its noise puts in the RANSAC band (synthetic
 * benchmark: walls 0.74-1.04, widenings over clutter 0.41-0.50).
 */
const NOISE_FIT = 0.65;

/**
 * Walls of the scene (canonical frame): sequential seeded RANSAC for near-vertical planes on a regular
 * sample of the depth map, each kept when it holds minShare of the sample (within its own noise band, for a
 * far wall) and at most maxBehindShare of the sample lies more than two bands behind it (seen through a
 * doorway or a window, a little does).
 */
export function findWalls(depth: DepthMap, K: Intrinsics, frame: CanonicalFrame, opts: WallOptions = {}): Wall[] {
  const W = depth.width, H = depth.height, data = depth.data;
  const { fx, fy, cx, cy } = intrinsicsForSize(K, W, H);
  const thr = opts.flyingPixelThreshold ?? 0.05;
  const step = Math.max(1, Math.floor(Math.sqrt((W * H) / (opts.maxPoints ?? 6000))));
  const pts = new Float32Array(Math.ceil(W / step) * Math.ceil(H / step) * 3);
  const R = frame.rotation, T = frame.translation;
  const zs: number[] = [];
  let n = 0;
  for (let y = 0; y < H; y += step)
    for (let x = 0; x < W; x += step) {
      const z = data[y * W + x];
      if (!(z > 0 && z < Infinity) || isFlyingPixel(data, W, H, x, y, thr)) continue;
      const qx = ((x - cx) / fx) * z, qy = ((y - cy) / fy) * z;
      pts[n * 3] = R[0] * qx + R[1] * qy + R[2] * z + T[0];
      pts[n * 3 + 1] = R[3] * qx + R[4] * qy + R[5] * z + T[1];
      pts[n * 3 + 2] = R[6] * qx + R[7] * qy + R[8] * z + T[2];
      if ((n & 7) === 0) zs.push(z);
      n++;
    }
  if (n < 100) return [];
  zs.sort((a, b) => a - b);
  const band = Math.min(0.08, Math.max(0.02, 0.01 * zs[zs.length >> 1]));
  const sinTilt = Math.sin(((opts.maxTiltDeg ?? 10) * Math.PI) / 180);
  const minIn = Math.max(MIN_WALL_POINTS, Math.ceil((opts.minShare ?? 0.05) * n));
  const maxBehind = (opts.maxBehindShare ?? 0.02) * n;
  const walls: Wall[] = [];
  const drop = new Uint8Array(n);
  let remaining = new Uint32Array(n).map((_, i) => i);
  for (let round = 0; round < 2 * (opts.maxWalls ?? 3) && walls.length < (opts.maxWalls ?? 3) && remaining.length >= minIn; round++) {
    const res = segmentPlane(pts, n, {
      distanceThreshold: band,
      iterations: 300,
      seed: 101 + round * 7919,
      candidateFilter: (p) => Math.abs(p.normal[1]) <= sinTilt,
      indices: remaining,
      maxScoringPoints: 1000,
    });
    if (!res || res.inliers.length < MIN_WALL_POINTS) break;
    // A far wall's depth noise can exceed the band (a structured-light sensor at 4-5 m: 3-4 cm): then the
    // band holds only its middle, the rest reads as "behind" and the refit tilts. The wall's own spread
    // widens its band, and the plane is refitted on that.
    const { plane, band: wband, inliers } = widenToNoise(pts, remaining, res.plane, band);
    // Its share may then be counted in its own band (a wall 7 m away behind the furniture: 22% of the sample,
    // 5% within the RANSAC band), when the points scatter about it as its noise would: the RANSAC band
    // holds the share of them a normal of sigma = band / 3 puts there. A widening that swept in furniture
    // and floor (a 0.6-1 m band) leaves under half that share in the RANSAC band: that plane is set aside and
    // the search goes on (room 38's wall came after one).
    if (res.inliers.length < minIn) {
      if (inliers.length < minIn) break;
      const held = (2 * normalCdf((3 * band) / wband) - 1) * inliers.length;
      if (res.inliers.length < NOISE_FIT * held) {
        for (const i of res.inliers) drop[i] = 1;
        remaining = remaining.filter((i) => !drop[i]);
        continue;
      }
    }
    let [a, b, c] = plane.normal;
    let d = plane.d;
    // face the camera (at T in the canonical frame)
    if (a * T[0] + b * T[1] + c * T[2] + d < 0) { a = -a; b = -b; c = -c; d = -d; }
    let behind = 0;
    for (let k = 0; k < n; k++) if (a * pts[k * 3] + b * pts[k * 3 + 1] + c * pts[k * 3 + 2] + d < -2 * wband) behind++;
    if (Math.abs(b) <= sinTilt && behind <= maxBehind) walls.push({ normal: [a, b, c], d, band: wband, inliers: inliers.length });
    for (const i of res.inliers) drop[i] = 1;
    for (const i of inliers) drop[i] = 1;
    remaining = remaining.filter((i) => !drop[i]);
  }
  return walls;
}

/**
 * The plane's band widened to its points' spread: the robust sigma (1.4826 x MAD) of the signed residuals
 * within three bands, iterated so a spread wider than the band is not cut short; band = max(band, 3 sigma),
 * and the plane refitted by least squares on the points within it.
 */
function widenToNoise(pts: Float32Array, idx: Uint32Array, plane: Plane, band: number): { plane: Plane; band: number; inliers: Uint32Array } {
  let p = plane, wband = band;
  const within = (q: Plane, b: number) => idx.filter((i) => Math.abs(q.normal[0] * pts[i * 3] + q.normal[1] * pts[i * 3 + 1] + q.normal[2] * pts[i * 3 + 2] + q.d) < b);
  const res: number[] = [];
  for (let round = 0; round < 2; round++) {
    const [a, b, c] = p.normal, d = p.d;
    res.length = 0;
    const lim = 3 * wband;
    for (const i of idx) {
      const s = a * pts[i * 3] + b * pts[i * 3 + 1] + c * pts[i * 3 + 2] + d;
      if (s < lim && s > -lim) res.push(s);
    }
    if (res.length < 10) break;
    const m = median(res);
    const sigma = 1.4826 * median(res.map((r) => Math.abs(r - m)));
    const next = Math.max(band, 3 * sigma);
    if (next <= wband * 1.05 && round > 0) break;
    wband = next;
    const refit = fitPlane(pts, within(p, wband));
    if (!refit) break;
    if (refit.normal[0] * p.normal[0] + refit.normal[1] * p.normal[1] + refit.normal[2] * p.normal[2] < 0) { refit.normal = [-refit.normal[0], -refit.normal[1], -refit.normal[2]]; refit.d = -refit.d; }
    p = refit;
  }
  return { plane: p, band: wband, inliers: within(p, wband) };
}

/**
 * True when a canonical point is part of a wall or behind one: within the wall's band, or the point's
 * own depth noise (1% of its distance), of the plane, or beyond it.
 */
export function onOrBehindWall(walls: readonly Wall[], px: number, py: number, pz: number, dist: number): boolean {
  for (const w of walls) {
    const s = w.normal[0] * px + w.normal[1] * py + w.normal[2] * pz + w.d;
    if (s < Math.max(w.band, 0.01 * dist)) return true;
  }
  return false;
}
