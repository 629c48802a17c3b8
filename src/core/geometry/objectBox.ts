/**
 * objects3d phase 6, the box: the OBB is the tight rectangle of the XZ footprint at the L-shape heading (yawFit.ts)
 * times the Y range of the object's points, every side freed of the depth noise's push (noiseEdges.ts). Box
 * only, a foot the floor band cut, or a bottom a nearer surface hides, is extended down (to the plane, or to
 * the 2D box's bottom edge at the object's depth).
 * Objects with fewer than minPoints points get a fallback box: the 2D box back-projected at the median
 * depth of the few points the cluster choice kept, else at the median valid depth inside it (else the
 * whole map's median, else 2 m), as deep as it is wide or tall (the smaller). Their confidence is near 0.
 */
import type { Intrinsics } from '../camera/intrinsics';
import type { AABB, Box2D, CanonicalFrame, OBB, ObjectFlag } from '../scene/types';
import { orientedBoundingBox } from './boxes';
import { clampBox, median, type ObjectEnv } from './objectEnv';
import type { ObjectPoints } from './objectPoints';
import type { ObjectSample } from './objectSample';
import type { Vec3 } from './vec';
import { depthNoiseSigma, noisyFootprint } from './noiseEdges';
import { lShapeYaw, principalYaw, rectangleAtYaw, type FootprintRect } from './yawFit';
import { cutRayHeadings, headingAtCut } from './cutHeading';

/** Chosen on the synthetic benchmark (1.05-1.3 tried; larger keeps the L-shape heading more often and was best). */
const AREA_RATIO = 1.3;
/**
 * The footprint rectangle at the L-shape heading (every point votes; yawFit.ts), unless it is much larger
 * than the minimum-area rectangle (a footprint with no clear straight sides, where the closeness score
 * is flat): then the minimum-area one. A category whose footprint is a line with no face along it (a
 * cyclist) takes the principal axis.
 */
function footprintBox(p: ObjectPoints, noise: NoiseAlong, lineFootprint: boolean, cutRays: readonly number[], room: () => number | null): { obb: OBB; aabb: AABB } {
  let raw: FootprintRect;
  if (lineFootprint) raw = rectangleAtYaw(p.points, p.count, principalYaw(p.points, p.count));
  else {
    const tight = orientedBoundingBox(p.points, p.count);
    const l = rectangleAtYaw(p.points, p.count, lShapeYaw(p.points, p.count, YAW_D0));
    raw = l.ex * l.ez > AREA_RATIO * tight.size[0] * tight.size[2] ? rectangleAtYaw(p.points, p.count, tight.yaw) : l;
    // a side along an image edge's ray is where the edge cut the object (cutHeading.ts)
    const turned = cutRays.length > 0 ? headingAtCut(raw.yaw, cutRays, room) : null;
    if (turned !== null) raw = rectangleAtYaw(p.points, p.count, turned);
  }
  // the sides from the points less the depth noise's outward push (noiseEdges.ts)
  const { rect: r, x, z, y } = noisyFootprint(p.points, p.count, raw, p.min, p.max, noise.along, noise.vertical, noise.away);
  return {
    obb: { center: [r.cx, (y[0] + y[1]) / 2, r.cz], size: [r.ex, y[1] - y[0], r.ez], yaw: r.yaw },
    aabb: { min: [x[0], y[0], z[0]], max: [x[1], y[1], z[1]] },
  };
}

interface NoiseAlong {
  /** sigma along a horizontal direction (ux, uz) */
  along: (ux: number, uz: number) => number;
  /** sigma along up: a camera looking down at a box puts a share of the ray's noise on its top and bottom */
  vertical: number;
  /** the horizontal unit direction from the camera to the points (which sides are far), when there is one */
  away?: [number, number];
}

/**
 * Noise sigma along a direction of the canonical frame: the depth noise measured on the object, which acts
 * along the viewing ray (camera to the points' centroid), projected on that direction.
 */
function noiseAlong(env: ObjectEnv, p: ObjectPoints): NoiseAlong {
  const sigma = p.noiseSigma ?? depthNoiseSigma(env.depth.data, env.W, p.pixels, p.count);
  const t = env.frame.translation;
  const rx = p.sum[0] / p.count - t[0], ry = p.sum[1] / p.count - t[1], rz = p.sum[2] / p.count - t[2];
  const rl = Math.hypot(rx, ry, rz) || 1;
  const hl = Math.hypot(rx, rz);
  const away: [number, number] | undefined = hl > 0 ? [rx / hl, rz / hl] : undefined;
  return { along: (ux, uz) => (sigma * Math.abs(rx * ux + rz * uz)) / rl, vertical: (sigma * Math.abs(ry)) / rl, away };
}

/** Yaw search (yawFit.ts): points within this many metres of a side count as on it (the sensor's depth noise at a few metres; chosen on the synthetic benchmark, 0.01-0.05 m). */
const YAW_D0 = 0.01;

export interface ObjectBox {
  aabb: AABB;
  obb: OBB;
  centroid: Vec3;
  confidence: number;
  /** Box only: the height the 2D box's bottom edge reaches at the object's depth where a nearer surface hides its bottom (Infinity: none). */
  boxFoot: number;
  /**
   * The height the 2D box's bottom edge reaches at the object's depth wherever the kept pixels stop short of
   * it, whatever is seen there (a lamp's pole or a chair's legs, too thin for the depth; Infinity: no gap).
   */
  boxReach: () => number;
}

/** What the box of a well-sampled object rests on. */
export interface BoxEvidence {
  boxOnly: boolean;
  bandY: number;
  firstPassKept: number;
  /** sample size after surface removal (n) */
  sampleCount: number;
  flags: readonly ObjectFlag[];
  /** the caption's category has a line footprint (categoryPriors.ts) */
  lineFootprint: boolean;
  /** the heading of the room's largest wall, asked only for an object cut at a side edge (cutHeading.ts) */
  roomHeading?: () => number | null;
}

export function fitObjectBox(env: ObjectEnv, p: ObjectPoints, box2d: Box2D, ev: BoxEvidence): ObjectBox {
  const { count } = p;
  const px = clampBox(box2d, env.sx, env.sy, env.W, env.H, 0);
  const cutRays = cutRayHeadings(env.K, env.frame, env.W, (p.pixelBounds.y0 + p.pixelBounds.y1) / 2, px.x0 <= 1, px.x1 >= env.W - 1);
  const { obb, aabb } = footprintBox(p, noiseAlong(env, p), ev.lineFootprint, cutRays, ev.roomHeading ?? (() => null));
  raiseSampledTop(env, p, obb, aabb);
  let foot = Infinity, boxFoot = Infinity;
  // one pass over the object's pixels: made when the box-only foot needs it, else only if amodal asks
  let below: { occluded: number; reach: number } | null = null;
  const look = () => (below ??= env.hasPlane ? footBelow(env.depth.data, env.W, env.K, env.frame, p.pixels, count, p.pixelBounds, px) : { occluded: Infinity, reach: Infinity });
  if (ev.boxOnly && env.hasPlane && aabb.min[1] < 2 * ev.bandY) foot = 0; // the band removal cut the object's foot: it stands on the plane
  else if (ev.boxOnly && env.hasPlane) boxFoot = look().occluded;
  const boxReach = () => look().reach;
  if (foot < aabb.min[1]) {
    aabb.min[1] = foot;
    const top = obb.center[1] + obb.size[1] / 2;
    obb.center[1] = (top + foot) / 2;
    obb.size[1] = top - foot;
  }
  const centroid: Vec3 = [p.sum[0] / count, p.sum[1] / count, p.sum[2] / count];
  const kept = ev.firstPassKept;
  const support = Math.min(1, kept / 300) * Math.sqrt(kept / Math.max(kept, ev.sampleCount));
  const confidence = support * (ev.boxOnly ? 0.7 : 1) * (env.frame.confidence === 'low' ? 0.6 : 1) * (ev.flags.includes('truncated') ? 0.8 : 1);
  return { aabb, obb, centroid, confidence, boxFoot, boxReach };
}

function keptMedianDepth(data: Float32Array, pixels: Uint32Array, count: number): number {
  const zs = new Float64Array(count);
  for (let i = 0; i < count; i++) zs[i] = data[pixels[i]];
  return median(zs);
}

/** Map-wide median depth, computed once per objects3d call when a fallback box first needs it. */
export type MapMedianCache = { value: number | null };

/** The fallback box of an object with too few points; pushes its flags. */
export function fallbackBox(env: ObjectEnv, s: ObjectSample, box2d: Box2D, kept: { pixels: Uint32Array; count: number }, flags: ObjectFlag[], cache: MapMedianCache): ObjectBox {
  const { W, H, K, ifx, ify, sx, sy, frame } = env;
  const data = env.depth.data;
  const count = kept.count;
  flags.push('too-few-points');
  // the few points the cluster choice kept are the object's layer (a far cyclist's 26 LiDAR returns seen
  // past a near one whose box holds its box): their depth, not the box's, where a nearer object may fill it
  let z = count > 0 ? keptMedianDepth(data, kept.pixels, count) : NaN;
  if (!(z > 0)) z = median(s.boxDepths.length ? s.boxDepths : validDepthsInBox(data, W, clampBox(box2d, sx, sy, W, H, 0)));
  if (!(z > 0)) {
    flags.push('no-valid-depth');
    cache.value ??= median(validDepthsInBox(data, W, { x0: 0, y0: 0, x1: W, y1: H }));
    z = cache.value > 0 ? cache.value : 2;
  }
  const [r0, r1, r2, r3, r4, r5, r6, r7, r8] = frame.rotation;
  const [tx, ty, tz] = frame.translation;
  const b = box2d;
  const u = ((b.x0 + b.x1) / 2) * sx, v = ((b.y0 + b.y1) / 2) * sy;
  const cxm = (u - K.cx) * ifx * z, cym = (v - K.cy) * ify * z;
  const centroid: Vec3 = [
    r0 * cxm + r1 * cym + r2 * z + tx,
    r3 * cxm + r4 * cym + r5 * z + ty,
    r6 * cxm + r7 * cym + r8 * z + tz,
  ];
  const wd = (b.x1 - b.x0) * sx * ifx * z, ht = (b.y1 - b.y0) * sy * ify * z, dp = Math.min(wd, ht);
  const aabb: AABB = {
    min: [centroid[0] - wd / 2, centroid[1] - ht / 2, centroid[2] - dp / 2],
    max: [centroid[0] + wd / 2, centroid[1] + ht / 2, centroid[2] + dp / 2],
  };
  return { aabb, obb: { center: [...centroid] as Vec3, size: [wd, ht, dp], yaw: 0 }, centroid, confidence: count > 0 ? 0.1 : 0, boxFoot: Infinity, boxReach: () => Infinity };
}

/**
 * Where the kept pixels stop short of the 2D box's bottom edge, the box says the object goes on down to
 * that edge: `reach` is the height (>= 0, the support plane) of the box's bottom edge at the object's median
 * depth, under its kept columns; `occluded` is the same where a nearer surface hides that gap (a night stand
 * behind a bed, a bed behind an ottoman). Infinity when the bottom is seen (or, for `occluded`, what lies
 * below it is not nearer).
 */
export function footBelow(
  data: Float32Array, W: number, K: Intrinsics, frame: CanonicalFrame,
  pix: Uint32Array, count: number, kept: Box2D, box: Box2D,
): { occluded: number; reach: number } {
  const none = { occluded: Infinity, reach: Infinity };
  if (count === 0) return none;
  // the kept pixels' lowest row and their columns (bounds inclusive, from the gather pass)
  const yb = kept.y1, xa = kept.x0, xb = kept.x1;
  const gapRows = box.y1 - 1 - yb;
  if (gapRows < Math.max(3, 0.05 * (box.y1 - box.y0))) return none;
  const stride = Math.max(1, Math.floor(count / 2000));
  const zs: number[] = [];
  for (let k = 0; k < count; k += stride) zs.push(data[pix[k]]);
  const zc = median(zs);
  const u = (xa + xb) / 2, v = box.y1 - 0.5;
  const cx = ((u - K.cx) / K.fx) * zc, cy = ((v - K.cy) / K.fy) * zc;
  const R = frame.rotation;
  const reach = Math.max(0, R[3] * cx + R[4] * cy + R[5] * zc + frame.translation[1]);
  let valid = 0, nearer = 0;
  const st = Math.max(1, Math.floor(Math.sqrt(((xb - xa + 1) * gapRows) / 400)));
  for (let y = yb + 1; y < box.y1; y += st)
    for (let x = xa; x <= xb; x += st) {
      const z = data[y * W + x];
      if (!(z > 0 && z < Infinity)) continue;
      valid++;
      if (z < 0.9 * zc) nearer++;
    }
  return { occluded: valid < 10 || nearer < 0.5 * valid ? Infinity : reach, reach };
}

function validDepthsInBox(data: Float32Array, W: number, r: Box2D): number[] {
  const out: number[] = [];
  const step = Math.max(1, Math.floor(Math.sqrt(((r.x1 - r.x0) * (r.y1 - r.y0)) / 4000)));
  for (let y = r.y0; y < r.y1; y += step) {
    for (let x = r.x0; x < r.x1; x += step) {
      const z = data[y * W + x];
      if (z > 0 && z < Infinity) out.push(z);
    }
  }
  return out;
}

/**
 * A top seen as the upper edge of a side face (the camera at or below it: no top face to give its height) on
 * a map sampled in rows (projected LiDAR scan lines) lies between the last row that hits the object and the
 * next one, which misses it: on average (gap - 1) / 2 rows above the last hit, the rows in between being
 * unsampled. On a dense map (gap 1) the edge is within the pixel and nothing moves. Synthetic street objects'
 * tops were 8 mm low (median, seen whole) and 13 mm (completed), 2 mm after; KITTI's pedestrian 0.975 -> 0.981
 * of its height.
 */
function raiseSampledTop(env: ObjectEnv, p: ObjectPoints, obb: OBB, aabb: AABB): void {
  const t = env.frame.translation;
  const top = aabb.max[1];
  if (!(t[1] <= top) || p.count < 2) return;
  const gap = rowGap(p.pixels, p.count, env.W);
  if (gap <= 1) return;
  const n = p.count;
  const range = Math.hypot(p.sum[0] / n - t[0], p.sum[1] / n - t[1], p.sum[2] / n - t[2]);
  const up = ((gap - 1) / 2) * range * env.ify;
  aabb.max[1] = top + up;
  obb.center[1] += up / 2;
  obb.size[1] += up;
}

/**
 * The median step between the rows that hold the object's kept pixels (1 on a dense map; a LiDAR's scan-line
 * spacing on a projected one). The pixels come in scan order (gatherObjectPoints), so each row's run is
 * skipped by bisection: one probe per row, not per pixel.
 */
export function rowGap(pixels: Uint32Array, count: number, W: number): number {
  const gaps: number[] = [];
  let last = -1;
  for (let k = 0; k < count;) {
    const y = Math.floor(pixels[k] / W);
    if (last >= 0) gaps.push(y - last);
    last = y;
    const next = (y + 1) * W;
    let lo = k + 1, hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pixels[mid] < next) lo = mid + 1;
      else hi = mid;
    }
    k = lo;
  }
  return gaps.length ? median(gaps) : 1;
}
