import type { CanonicalFrame } from '../scene/types';
import { findVerticalPlanes, refineGravity, upFromWalls } from './gravity';
import { fitPlane, segmentPlane, type Plane } from './plane';
import { selectKth } from '../math/select';
import { scratchUint8, scratchUint32 } from './scratch';
import type { PointCloud, RGBAImage } from './raster';
import type { Intrinsics } from '../camera/intrinsics';
import { findVerticalSegments, refineUpWithEdges, type EdgeRefinement, type FreeTilt } from './verticalLines';
import { LEVEL_ROLL_SIGMA_DEG, upFromLines } from './upFromLines';
import { cross, dot, matFromRows, normalize, type Vec3 } from './vec';

export interface CanonicalizeOptions {
  /** Up direction in the camera frame before any evidence (default [0,-1,0]: camera held level). */
  upGuess?: Vec3;
  /** Support-plane normals farther than this from upGuess are not candidates (default 35 deg). */
  maxTiltDeg?: number;
  /** RANSAC inlier distance, metres (default: 1% of the median depth, clamped to 2..8 cm). */
  distanceThreshold?: number;
  /** Planes searched for, each on the points the earlier ones left (default 3). */
  maxPlanes?: number;
  /** RANSAC hypotheses per plane (default 300). */
  iterations?: number;
  seed?: number;
  /** Points used for the plane search (evenly subsampled, default 20000). */
  maxPoints?: number;
  /** A candidate needs this share of the searched points (default 0.02) and at least 30 of them. */
  minInlierFraction?: number;
  /** The camera must be at least this high above a candidate plane, metres (default 0.1). */
  minCameraHeight?: number;
  /** Refine up with the agreeing horizontal planes and the walls (gravity.ts; default true). */
  refineGravity?: boolean;
  /** The picture the cloud was lifted from: its vertical edges join the gravity refinement. */
  image?: { rgb: RGBAImage; intrinsics: Intrinsics };
}

export interface PlaneCandidate extends Plane {
  /** Inliers among the searched (subsampled) points, and the number searched. */
  inliers: number;
  searched: number;
}

/**
 * Rotation camera -> canonical for a given up vector (camera frame): +Y = up, -Z = camera forward (+z)
 * projected on the plane normal to up, +X = Y x Z (the camera's right). Falls back to camera -y projected
 * when the camera looks straight along up (forward has no horizontal part).
 */
export function rotationFromUp(up: Vec3): CanonicalFrame['rotation'] {
  const Y = normalize(up);
  // forward minus its component along up
  let f: Vec3 = [-Y[2] * Y[0], -Y[2] * Y[1], 1 - Y[2] * Y[2]];
  if (Math.hypot(f[0], f[1], f[2]) < 1e-6) f = [Y[1] * Y[0], -1 + Y[1] * Y[1], Y[1] * Y[2]]; // camera -y projected
  const Z = normalize([-f[0], -f[1], -f[2]]);
  const X = normalize(cross(Y, Z));
  return matFromRows(X, Y, Z);
}

/** Frame whose origin lies `height` below the camera along `up` (camera at (0, height, 0)). */
export function frameFromUp(up: Vec3, height: number): Pick<CanonicalFrame, 'rotation' | 'translation' | 'cameraHeight'> {
  return { rotation: rotationFromUp(up), translation: [0, height, 0], cameraHeight: height };
}

function medianDepth(cloud: PointCloud): number {
  const n = cloud.count;
  if (n === 0) return 0;
  const step = Math.max(1, Math.floor(n / 2001));
  const zs: number[] = [];
  for (let i = 0; i < n; i += step) zs.push(cloud.positions[i * 3 + 2]);
  zs.sort((a, b) => a - b);
  return zs[zs.length >> 1];
}

/** The RANSAC band of the plane searches: distanceThreshold, or 1% of the median depth clamped to 2..8 cm. */
function planeBand(cloud: PointCloud, opts: CanonicalizeOptions): number {
  return opts.distanceThreshold ?? Math.min(0.08, Math.max(0.02, 0.01 * medianDepth(cloud)));
}

/**
 * Find candidate support planes, largest first: RANSAC restricted to planes within maxTilt of the up guess
 * that have the camera on their upper side, removing each plane's inliers before the next search.
 */
export function findSupportPlanes(cloud: PointCloud, opts: CanonicalizeOptions = {}): PlaneCandidate[] {
  const up = normalize(opts.upGuess ?? [0, -1, 0]);
  const cosMax = Math.cos(((opts.maxTiltDeg ?? 35) * Math.PI) / 180);
  const minH = opts.minCameraHeight ?? 0.1;
  const thr = planeBand(cloud, opts);
  const n = cloud.count;
  const maxPoints = opts.maxPoints ?? 20000;
  const step = Math.max(1, Math.ceil(n / maxPoints));
  let remaining = new Uint32Array(Math.ceil(n / step));
  for (let k = 0, i = 0; i < n; i += step) remaining[k++] = i;
  const searched = remaining.length;
  const minInliers = Math.max(30, Math.ceil((opts.minInlierFraction ?? 0.02) * searched));
  // Orientation-free test: the sign is fixed afterwards, so accept either facing.
  const filter = (p: Plane): boolean => {
    const c = dot(p.normal, up);
    const s = c >= 0 ? 1 : -1;
    return c * s >= cosMax && p.d * s >= minH;
  };
  const out: PlaneCandidate[] = [];
  const drop = scratchUint8('findSupportPlanes.drop', n).fill(0);
  const maxPlanes = opts.maxPlanes ?? 3;
  // a search that found a strip does not count towards maxPlanes (within twice as many searches)
  let strips = 0;
  for (let round = 0; round < Math.min(2 * maxPlanes, maxPlanes + strips) && remaining.length >= minInliers; round++) {
    const res = segmentPlane(cloud.positions, n, {
      distanceThreshold: thr,
      iterations: opts.iterations ?? 300,
      seed: (opts.seed ?? 7) + round * 7919,
      candidateFilter: filter,
      indices: remaining,
      // a support plane holds >= 2% of the points: 1000 scoring samples see it with ~20 votes
      maxScoringPoints: 1000,
    });
    if (!res || res.inliers.length < minInliers) break;
    let { normal, d } = res.plane;
    if (dot(normal, up) < 0) {
      normal = [-normal[0], -normal[1], -normal[2]];
      d = -d;
    }
    // the least-squares refit may leave the cone or cross the camera: then it is not a support plane; nor
    // is a plane whose inliers are a strip (it can turn freely about the strip's axis)
    if (filter({ normal, d })) {
      if (inPlaneSpread(cloud.positions, res.inliers, normal) >= MIN_SPREAD_M) out.push({ normal, d, inliers: res.inliers.length, searched });
      else strips++;
    }
    for (const i of res.inliers) drop[i] = 1;
    const next = new Uint32Array(remaining.length);
    let m = 0;
    for (const i of remaining) if (!drop[i]) next[m++] = i;
    remaining = next.slice(0, m);
  }
  return out.sort((a, b) => b.inliers - a.inliers);
}

/** With no support plane, the largest wall must hold this share of the sampled points to set up alone. */
const WALLS_ALONE_SHARE = 0.1;

/**
 * A support plane's inliers spread at least this far (metres, median absolute deviation) across their
 * narrower in-plane direction. A band around a near-horizontal plane cuts a vertical face (a headboard
 * beside the camera, a wall) in a strip of many pixels; a plane through that strip can turn freely about
 * it, and picked up a room's headboard 10 degrees off level on the synthetic benchmark. A floor or table
 * top seen at all spreads tens of centimetres both ways.
 */
const MIN_SPREAD_M = 0.05;

/**
 * A surface's points lie on it to within the depth's noise, so a band three times as wide holds few more of
 * them; a plane that cuts through things (poles, a shrub, a pile of objects, furniture seen from the side)
 * meets them at an angle, and a band about it holds points in proportion to its width: a third as many in
 * the narrow band as in the wide one. A support plane holds at least this share. Measured: the planes chosen
 * on the 8 fixture frames 0.64-0.93 (0.64 with a depth model's floor, UniDepth on NYU), on 40 benchmark
 * scenes 0.80-1.00; planes through objects 0.28-0.41 on both, through a row of poles 0.33-0.35. 0.5 also
 * turned away a bed top fitted together with what stood on it (0.45, 4 degrees off), whose fallback to the
 * floor under it had found up within 1.2 degrees, and took a plane 7.4 degrees off instead (benchmark room 70).
 */
const MIN_CONCENTRATION = 0.4;

/** The share of the points within 3 bands of the plane that lie within one band of it, over an even sample of about 20,000. */
export function concentration(cloud: PointCloud, plane: Plane, band: number): number {
  const p = cloud.positions, [a, b, c] = plane.normal, step = Math.max(1, Math.ceil(cloud.count / 20000));
  let near = 0, wide = 0;
  for (let i = 0; i < cloud.count; i += step) {
    const dist = Math.abs(a * p[i * 3] + b * p[i * 3 + 1] + c * p[i * 3 + 2] + plane.d);
    if (dist <= 3 * band) { wide++; if (dist <= band) near++; }
  }
  return wide ? near / wide : 0;
}

const isSurface = (cloud: PointCloud, plane: Plane, band: number): boolean => concentration(cloud, plane, band) >= MIN_CONCENTRATION;

/** Median absolute deviation of the inliers along their narrower in-plane direction (about 300 of them: a median needs no more). */
export function inPlaneSpread(points: Float32Array, inliers: Uint32Array, normal: Vec3): number {
  const n = inliers.length;
  if (n < 3) return 0;
  // an in-plane basis (e1, e2), then the 2x2 covariance of the inliers' coordinates in it
  const e1 = normalize(Math.abs(normal[0]) < 0.9 ? cross(normal, [1, 0, 0]) : cross(normal, [0, 1, 0]));
  const e2 = cross(normal, e1);
  const step = Math.max(1, Math.floor(n / 300));
  const m = Math.ceil(n / step);
  const us = new Float64Array(m), vs = new Float64Array(m);
  for (let k = 0, j = 0; k < n; k += step, j++) {
    const i = inliers[k] * 3, x = points[i], y = points[i + 1], z = points[i + 2];
    us[j] = e1[0] * x + e1[1] * y + e1[2] * z;
    vs[j] = e2[0] * x + e2[1] * y + e2[2] * z;
  }
  // robustly: the covariance of the three quarters nearest the median point (a far tail, a few stray inliers
  // on the back wall, would otherwise turn the axes)
  const mu = us.slice().sort()[m >> 1], mv = vs.slice().sort()[m >> 1];
  const r2 = new Float64Array(m);
  for (let k = 0; k < m; k++) r2[k] = (us[k] - mu) ** 2 + (vs[k] - mv) ** 2;
  const cut = r2.slice().sort()[Math.floor(0.75 * (m - 1))];
  let cuu = 0, cuv = 0, cvv = 0;
  for (let k = 0; k < m; k++) {
    if (r2[k] > cut) continue;
    const du = us[k] - mu, dv = vs[k] - mv;
    cuu += du * du; cuv += du * dv; cvv += dv * dv;
  }
  // the minor axis of that 2x2 covariance, and the median absolute deviation along it
  const theta = 0.5 * Math.atan2(2 * cuv, cuu - cvv) + Math.PI / 2;
  const a = Math.cos(theta), b = Math.sin(theta);
  const w = new Float64Array(m);
  for (let k = 0; k < m; k++) w[k] = a * us[k] + b * vs[k];
  const med = w.slice().sort()[m >> 1];
  for (let k = 0; k < m; k++) w[k] = Math.abs(w[k] - med);
  return w.sort()[m >> 1];
}

/**
 * A lower candidate parallel to the plane chosen so far within this many degrees needs this share of the
 * largest one's inliers (see chooseSupportPlane).
 */
const PARALLEL_DEG = 2, PARALLEL_SHARE = 0.2;

/**
 * Choose the support plane among candidates: the largest, unless a lower plane (farther below the camera)
 * has at least half its inliers, or a fifth when it is parallel to the plane chosen so far (within 2
 * degrees) - a floor beats a table top or a bed when both are well seen, because the floor is where "height"
 * is measured from; a barely visible floor does not, nor a lower plane at an angle (a wall and the floor
 * fitted as one). The fifth was tuned on the synthetic rooms (a floor under a bed holding 46% of the bed
 * top's points was lost; a tenth to a third chose alike there).
 */
export function chooseSupportPlane(cands: PlaneCandidate[]): PlaneCandidate | null {
  if (cands.length === 0) return null;
  const maxIn = cands[0].inliers;
  let best = cands[0];
  const cosPar = Math.cos((PARALLEL_DEG * Math.PI) / 180);
  for (const c of cands) {
    if (!(c.d > best.d + 0.05)) continue;
    const par = Math.abs(dot(c.normal, best.normal)) >= cosPar;
    if (c.inliers >= 0.5 * maxIn || (par && c.inliers >= PARALLEL_SHARE * maxIn)) best = c;
  }
  return best;
}

/**
 * Camera frame -> canonical frame (see CanonicalFrame). With a support plane: +Y is its normal (refined by the
 * other planes and, given the picture, its vertical edges: gravity.ts, verticalLines.ts), the origin is the
 * camera's foot on it, confidence 'high'. Without one: up from the walls when one holds WALLS_ALONE_SHARE
 * of the view (gravity.ts upFromWalls, method 'walls'), else, given the picture, from its vertical lines about
 * the level-camera guess (upFromLines.ts, method 'vertical-lines'), else the camera is assumed level (+Y = upGuess,
 * method 'level-camera'); the origin sits at the level of the lowest observed points (2nd percentile of
 * height below the camera, so a few stray points do not decide it; 1.5 m when the cloud is empty),
 * confidence 'low'.
 */
export function canonicalize(cloud: PointCloud, opts: CanonicalizeOptions = {}): CanonicalFrame {
  const guess = normalize(opts.upGuess ?? [0, -1, 0]);
  const thr = planeBand(cloud, opts);
  const cands = findSupportPlanes(cloud, { ...opts, distanceThreshold: thr });
  // planes that cut through things rather than lie along a surface are not candidates at all
  const surfaces = cands.filter((c) => isSurface(cloud, c, thr));
  const chosen = chooseSupportPlane(surfaces);
  if (chosen) {
    // refine on every point of the full cloud near the chosen plane (the search used a subsample), then
    // again in a narrower band so object feet standing within the RANSAC band do not lift the fit
    const p = cloud.positions;
    const idx = scratchUint32('canonicalize.refit', cloud.count);
    let normal = chosen.normal, d = chosen.d;
    let m = 0;
    for (const band of [thr, Math.max(0.01, thr / 3)]) {
      m = 0;
      const [a, b, c] = normal;
      for (let i = 0; i < cloud.count; i++) {
        const dist = a * p[i * 3] + b * p[i * 3 + 1] + c * p[i * 3 + 2] + d;
        // written always, kept by the count: no branch for the predictor to miss at the band's noisy edge.
        // plane.ts collectInliers does the same; called here it took 0.63 ms a band against 0.37 inline
        idx[m] = i;
        m += Math.abs(dist) <= band ? 1 : 0;
      }
      const refit = fitPlane(p, idx, m);
      if (!refit) break;
      const s = dot(refit.normal, guess) >= 0 ? 1 : -1;
      normal = [refit.normal[0] * s, refit.normal[1] * s, refit.normal[2] * s];
      d = refit.d * s;
    }
    let gravityResidualDeg: number | undefined, edgeCount = 0;
    if (opts.refineGravity ?? true) {
      const share = (c: PlaneCandidate) => ({ normal: c.normal, d: c.d, share: c.inliers / c.searched });
      const g = refineGravity({ normal, d, share: chosen.inliers / chosen.searched }, surfaces.filter((c) => c !== chosen).map(share), findVerticalPlanes(cloud, normal, { band: thr }));
      gravityResidualDeg = Math.round(g.residualDeg * 1000) / 1000;
      const edges = opts.image ? upWithPicture(opts.image, g.up, g.residualDeg) : null;
      if (edges) { g.up = edges.up; edgeCount = edges.edges; }
      if (g.up !== normal && m > 0) {
        // the floor's offset for the refined normal: least squares over its inliers
        normal = g.up;
        let sum = 0;
        for (let k = 0; k < m; k++) { const i = idx[k]; sum += normal[0] * p[i * 3] + normal[1] * p[i * 3 + 1] + normal[2] * p[i * 3 + 2]; }
        d = -sum / m;
      }
    }
    // a furniture top taken for the floor (a bed filling the view's lower half, the floor seen only in slivers):
    // much of the scene lies well under it, the lower parts of everything standing on the real floor
    const low = floorUnder(cloud, normal, d, thr);
    let inliers = m;
    if (low !== null) {
      // the floor's slivers may still hold a plane: then it is the support, its own up included (the furniture
      // top may be tilted, or not a top at all); else no plane lies at the floor's level (0 inliers)
      const f = floorPlaneUnder(cloud, normal, d, thr);
      if (f) { ({ normal, d, inliers } = f); edgeCount = 0; } // its own up, not the refined one
      else { d -= low; inliers = 0; }
    }
    return {
      ...frameFromUp(normal, d),
      plane: { normal, d, inliers },
      confidence: low === null ? 'high' : 'low',
      method: 'support-plane',
      ...(gravityResidualDeg === undefined ? {} : { gravityResidualDeg }),
      ...(edgeCount ? { gravityEdges: edgeCount } : {}),
    };
  }
  // no support plane: walls, when one holds enough of the view, still say which way is up (a close-up of
  // furniture against a wall); else the camera is taken as level
  let up = guess, method: CanonicalFrame['method'] = 'level-camera', gravityResidualDeg: number | undefined, edgeCount = 0;
  if (cloud.count > 0 && (opts.refineGravity ?? true)) {
    const walls = findVerticalPlanes(cloud, guess, { band: thr, tiltDeg: opts.maxTiltDeg ?? 35 });
    const g = walls.length && walls[0].share >= WALLS_ALONE_SHARE ? upFromWalls(guess, walls) : null;
    if (g) {
      up = g.up;
      method = 'walls';
      gravityResidualDeg = Math.round(g.residualDeg * 1000) / 1000;
      // one wall leaves the roll to the level-camera guess: the picture's vertical edges can say it
      const edges = opts.image ? upWithPicture(opts.image, up, g.residualDeg, g.freeAxis ? { axis: g.freeAxis, sigmaDeg: LEVEL_ROLL_SIGMA_DEG } : undefined) : null;
      if (edges) { up = edges.up; edgeCount = edges.edges; }
    } else if (opts.image) {
      // nothing in the depth says which way is up: the picture's vertical lines may, from the level-camera guess
      const lines = upFromLines(opts.image.rgb, opts.image.intrinsics, guess);
      if (lines) { up = lines.up; method = 'vertical-lines'; edgeCount = lines.edges; }
    }
  }
  const h = cloud.count > 0 ? Math.max(0, -lowestLevel(sampledHeights(cloud, up, 0, 5000))) : 1.5;
  return {
    ...frameFromUp(up, h), plane: null, confidence: 'low', method,
    ...(gravityResidualDeg === undefined ? {} : { gravityResidualDeg }),
    ...(edgeCount ? { gravityEdges: edgeCount } : {}),
  };
}

/**
 * Up refined with the picture's vertical edges (verticalLines.ts). When the surfaces left a direction free, the
 * guess there may be several degrees off, so the edges are searched again around the refined up and the
 * refinement redone from the surfaces' up with what that finds.
 */
function upWithPicture(image: NonNullable<CanonicalizeOptions['image']>, up: Vec3, sigmaDeg: number, free?: FreeTilt): EdgeRefinement | null {
  const first = refineUpWithEdges(up, sigmaDeg, findVerticalSegments(image.rgb, image.intrinsics, up), free);
  if (!first || !free) return first;
  return refineUpWithEdges(up, sigmaDeg, findVerticalSegments(image.rgb, image.intrinsics, first.up), free) ?? first;
}

/** A support plane with this share of the points more than BELOW_M (or three RANSAC bands) under it is not the floor. */
const BELOW_SHARE = 0.05, BELOW_M = 0.1;

/** Heights above the plane (n, d) of an even subsample of about `samples` of the cloud's points. */
function sampledHeights(cloud: PointCloud, n: Vec3, d: number, samples: number): Float64Array {
  const step = Math.max(1, Math.floor(cloud.count / samples));
  const p = cloud.positions;
  const hs = new Float64Array(Math.ceil(cloud.count / step));
  for (let i = 0, k = 0; i < cloud.count; i += step, k++) hs[k] = n[0] * p[i * 3] + n[1] * p[i * 3 + 1] + n[2] * p[i * 3 + 2] + d;
  return hs;
}

/** The level of the lowest points among `hs`: their 2nd percentile, so that a few stray points do not decide it (reorders `hs`). */
const lowestLevel = (hs: Float64Array): number => selectKth(hs, Math.floor(hs.length * 0.02));

/** How many of `hs` lie more than `depth` under their plane. */
function countUnder(hs: Float64Array, depth: number): number {
  let under = 0;
  for (const h of hs) if (h < -depth) under++;
  return under;
}

/**
 * The height (negative) of the lowest points' level when BELOW_SHARE of the points lie well under the plane
 * (n, d); null when the plane is the floor.
 */
function floorUnder(cloud: PointCloud, n: Vec3, d: number, band: number): number | null {
  const hs = sampledHeights(cloud, n, d, 5000);
  if (!(countUnder(hs, Math.max(BELOW_M, 3 * band)) >= BELOW_SHARE * hs.length)) return null;
  return lowestLevel(hs);
}

/**
 * A plane among the points well under a furniture top (the floor's slivers): within 35 degrees of it, no strip,
 * holding a tenth of those points (at least 30), below the camera, and with under a fifth of BELOW_SHARE of
 * the scene well under it in turn; null when there is none.
 */
function floorPlaneUnder(cloud: PointCloud, n: Vec3, d: number, band: number): (Plane & { inliers: number }) | null {
  const step = Math.max(1, Math.floor(cloud.count / 20000)); // sampledHeights' step for 20000 samples
  const p = cloud.positions;
  const deep = Math.max(BELOW_M, 3 * band);
  const idx: number[] = [];
  sampledHeights(cloud, n, d, 20000).forEach((h, k) => { if (h < -deep) idx.push(k * step); });
  const under = Uint32Array.from(idx);
  const cosMax = Math.cos((35 * Math.PI) / 180);
  const res = segmentPlane(p, cloud.count, {
    distanceThreshold: band, iterations: 300, seed: 7, indices: under, maxScoringPoints: 1000,
    candidateFilter: (q) => Math.abs(dot(q.normal, n)) >= cosMax,
  });
  if (!res || res.inliers.length < Math.max(30, 0.1 * under.length) || inPlaneSpread(p, res.inliers, res.plane.normal) < MIN_SPREAD_M) return null;
  const s = dot(res.plane.normal, n) >= 0 ? 1 : -1;
  const out = { normal: [res.plane.normal[0] * s, res.plane.normal[1] * s, res.plane.normal[2] * s] as Vec3, d: res.plane.d * s, inliers: res.inliers.length };
  if (!(out.d > 0) || !isSurface(cloud, out, band)) return null;
  // a plane through the furniture's feet, tilted, leaves some of the floor under it (a synthetic room: 4.5%)
  const hs = sampledHeights(cloud, out.normal, out.d, 20000);
  return countUnder(hs, deep) < (BELOW_SHARE / 5) * hs.length ? out : null;
}

/** `out` may be `positions` itself (each point is read before it is written). */
export function transformPoints(frame: Pick<CanonicalFrame, 'rotation' | 'translation'>, positions: Float32Array, count: number, out: Float32Array = new Float32Array(count * 3)): Float32Array {
  const [r0, r1, r2, r3, r4, r5, r6, r7, r8] = frame.rotation;
  const [tx, ty, tz] = frame.translation;
  for (let i = 0; i < count; i++) {
    const o = i * 3;
    const x = positions[o], y = positions[o + 1], z = positions[o + 2];
    out[o] = r0 * x + r1 * y + r2 * z + tx;
    out[o + 1] = r3 * x + r4 * y + r5 * z + ty;
    out[o + 2] = r6 * x + r7 * y + r8 * z + tz;
  }
  return out;
}
