/**
 * Gravity refinement: one support plane fixes "up" to within a few degrees (a floor seen at a grazing angle
 * from a low camera tilts), so up is refined with every surface that agrees: the other horizontal planes
 * (table, bed and desk tops) within AGREE_DEG of it, and the walls (vertical planes, whose normals are
 * perpendicular to up) within WALL_AGREE_DEG of perpendicular to it. Each plane is its least-squares fit on
 * its own inliers; up is then the unit vector u maximising sum_h w_h (u . n_h)^2 - sum_v w_v (u . m_v)^2
 * (weights: the share of the points each holds), the top eigenvector of that 3x3 matrix: as parallel as
 * possible to every horizontal normal, as perpendicular as possible to every wall normal. The weighted RMS
 * of the remaining angles (horizontal normals from u, wall normals from 90 degrees to it) is recorded as the
 * frame's gravity residual: its confidence.
 */
import { symmetricEigen3 } from './eigen3';
import { fitPlane, segmentPlane, type Plane } from './plane';
import type { PointCloud } from './raster';
import { cross, dot, normalize, perpendicularTo, type Vec3 } from './vec';

/**
 * A horizontal plane joins the refinement when its normal is within this many degrees of the support
 * plane's (2: a RANSAC plane through two surfaces at different heights, a table top and a box top, tilts by
 * several degrees; on the synthetic rooms such mixtures were 4-5 degrees off).
 */
export const AGREE_DEG = 2;
/**
 * A wall joins when its normal is within this many degrees of perpendicular to the support plane's: a plane
 * through two vertical faces a little apart in depth (a car's rear and its cabin's, set back; a slanted
 * rear window) leans by several degrees. Synthetic benchmark, gate 10 (none) / 3 / 2 degrees: gravity error
 * p90 0.91 / 0.58 / 0.49 degrees in rooms, 0.59 / 0.18 / 0.16 in streets. 3, not 2: on the fixtures' SUN
 * RGB-D frame lifted at half resolution, 2 also moved up by 0.4 degrees and turned the dresser mirror's box
 * (a mirror's depth is its reflection); 3 changes nothing there.
 */
export const WALL_AGREE_DEG = 3;
/** The refined up never moves further than this from the support plane's normal (a slanted "wall" must not tilt the frame). */
export const MAX_MOVE_DEG = 5;
/** A wall's normal is within this many degrees of horizontal (relative to the support plane). */
export const WALL_TILT_DEG = 10;
/** A wall holds at least this share of the sampled points. */
const WALL_SHARE = 0.05;

/** A plane with its weight: the share of its sample's points it holds (samples differ in size, shares compare). */
export interface WeightedPlane extends Plane {
  share: number;
}

export interface GravityRefinement {
  up: Vec3;
  residualDeg: number;
  horizontals: number;
  walls: number;
  /** Where up was taken from the guess, not the surfaces: the tangent direction it may turn in (one wall alone: the roll about its normal). */
  freeAxis?: Vec3;
}

/** Vertical planes (relative to `up`) holding WALL_SHARE of an even sample of the cloud, largest first (at most 3). */
export function findVerticalPlanes(cloud: PointCloud, up: Vec3, opts: { maxPoints?: number; band?: number; seed?: number; tiltDeg?: number } = {}): WeightedPlane[] {
  const n = cloud.count;
  const step = Math.max(1, Math.ceil(n / (opts.maxPoints ?? 6000)));
  let remaining = new Uint32Array(Math.ceil(n / step));
  for (let k = 0, i = 0; i < n; i += step) remaining[k++] = i;
  const minIn = Math.max(50, Math.ceil(WALL_SHARE * remaining.length));
  const sinMax = Math.sin(((opts.tiltDeg ?? WALL_TILT_DEG) * Math.PI) / 180);
  const out: WeightedPlane[] = [];
  for (let round = 0; round < 3 && remaining.length >= minIn; round++) {
    const res = segmentPlane(cloud.positions, n, {
      distanceThreshold: opts.band ?? 0.03, iterations: 150, seed: (opts.seed ?? 13) + round * 104729,
      candidateFilter: (p) => Math.abs(dot(p.normal, up)) <= sinMax, indices: remaining, maxScoringPoints: 800,
    });
    if (!res || res.inliers.length < minIn || Math.abs(dot(res.plane.normal, up)) > sinMax) break;
    const plane = tightRefit(cloud.positions, res.inliers, res.plane, (opts.band ?? 0.03) / 3);
    if (Math.abs(dot(plane.normal, up)) <= sinMax) out.push({ ...plane, share: res.inliers.length / Math.ceil(n / step) });
    const drop = new Set(res.inliers);
    remaining = remaining.filter((i) => !drop.has(i));
  }
  return out;
}

/**
 * The plane refitted (least squares) on its inliers within a narrower band: the RANSAC band also holds the
 * edges of what touches the plane (a wall's skirting, the floor along it), which tilt a fit.
 */
export function tightRefit(points: Float32Array, inliers: Uint32Array, plane: Plane, band: number): Plane {
  const [a, b, c] = plane.normal;
  const keep: number[] = [];
  for (const i of inliers) {
    const dist = a * points[i * 3] + b * points[i * 3 + 1] + c * points[i * 3 + 2] + plane.d;
    if (dist <= band && dist >= -band) keep.push(i);
  }
  const refit = keep.length >= 3 ? fitPlane(points, keep) : null;
  if (!refit) return plane;
  return dot(refit.normal, plane.normal) >= 0 ? refit : { normal: [-refit.normal[0], -refit.normal[1], -refit.normal[2]], d: -refit.d };
}

/** Up refined from the support plane, the agreeing horizontal planes and the walls (see the module comment). */
export function refineGravity(support: WeightedPlane, horizontals: readonly WeightedPlane[], walls: readonly WeightedPlane[]): GravityRefinement {
  const up0 = normalize(support.normal);
  const cosAgree = Math.cos((AGREE_DEG * Math.PI) / 180);
  const hs = [support, ...horizontals.filter((h) => Math.abs(dot(normalize(h.normal), up0)) >= cosAgree)];
  const sinAgree = Math.sin((WALL_AGREE_DEG * Math.PI) / 180);
  const vs = walls.filter((w) => Math.abs(dot(normalize(w.normal), up0)) <= sinAgree);
  let up = leastSquaresUp(hs, vs, up0);
  // never move far from the support plane: a wrong "wall" (a wardrobe front at an angle) must not tilt the frame
  if (dot(up, up0) < Math.cos((MAX_MOVE_DEG * Math.PI) / 180)) up = up0;
  return { up, residualDeg: residualDeg(up, hs, vs), horizontals: hs.length - 1, walls: vs.length };
}

/**
 * The unit vector u maximising sum_h w_h (u . n_h)^2 - sum_v w_v (u . m_v)^2: the top eigenvector of that
 * 3x3 matrix, turned to the side of `towards`.
 */
function leastSquaresUp(horizontals: readonly WeightedPlane[], walls: readonly WeightedPlane[], towards: Vec3): Vec3 {
  const m = new Float64Array(9);
  const add = (n: Vec3, w: number) => {
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) m[i * 3 + j] += w * n[i] * n[j];
  };
  for (const h of horizontals) add(normalize(h.normal), h.share);
  for (const v of walls) add(normalize(v.normal), -v.share);
  const { values, vectors } = symmetricEigen3(m);
  let best = 0;
  for (let k = 1; k < 3; k++) if (values[k] > values[best]) best = k;
  const up = normalize(vectors[best]);
  return dot(up, towards) < 0 ? [-up[0], -up[1], -up[2]] : up;
}

/** Weighted RMS angle (degrees) of the horizontal normals from `up` and of the wall normals from 90 degrees to it. */
function residualDeg(up: Vec3, horizontals: readonly WeightedPlane[], walls: readonly WeightedPlane[]): number {
  let sw = 0, se = 0;
  for (const h of horizontals) {
    const a = Math.acos(Math.min(1, Math.abs(dot(up, normalize(h.normal)))));
    sw += h.share; se += h.share * a * a;
  }
  for (const v of walls) {
    const a = Math.asin(Math.min(1, Math.abs(dot(up, normalize(v.normal)))));
    sw += v.share; se += v.share * a * a;
  }
  return sw > 0 ? (Math.sqrt(se / sw) * 180) / Math.PI : 0;
}

/** Two walls fix up when their normals are at least this far from parallel (their cross product). */
const WALLS_APART_DEG = 30;

/**
 * Up from walls alone, when no support plane is seen (a close-up of furniture against a wall): vertical
 * planes are perpendicular to up. Two walls far enough from parallel fix it (the same least squares as
 * refineGravity, with no horizontal plane); one fixes all but the turn about its own normal, which is taken
 * from the guess (the level camera): up is the guess made perpendicular to the wall. The weighted RMS of
 * the walls' angles from vertical is the residual. Null without a wall.
 */
export function upFromWalls(guess: Vec3, walls: readonly WeightedPlane[]): GravityRefinement | null {
  if (walls.length === 0) return null;
  const g = normalize(guess);
  const sinApart = Math.sin((WALLS_APART_DEG * Math.PI) / 180);
  const apart = walls.some((w, i) => walls.some((v, j) => j > i && Math.hypot(...cross(normalize(w.normal), normalize(v.normal))) >= sinApart));
  let up: Vec3, freeAxis: Vec3 | undefined;
  if (apart) up = leastSquaresUp([], walls, g);
  else {
    const n = normalize(walls[0].normal);
    up = perpendicularTo(g, n);
    freeAxis = normalize(cross(n, up));
  }
  return { up, residualDeg: residualDeg(up, [], walls), horizontals: 0, walls: walls.length, ...(freeAxis ? { freeAxis } : {}) };
}
