/**
 * Box yaw from the footprint of an object's visible points, by L-shape fitting with the closeness
 * criterion (Zhang, Xu, Rajkumar et al. 2017, "Efficient L-Shape Fitting for Vehicle Detection Using
 * Laser Scanners", IEEE IV): every candidate heading is scored by how close the points lie to the
 * nearest side of the rectangle that heading gives; the visible faces of a box are sides, so the true
 * heading gathers the points onto two (or one) edges. The minimum-area rectangle of the convex hull
 * is decided by a handful of extreme points, which depth noise moves; here every point votes, each
 * vote capped at 1/d0 so that noise within d0 of a side counts as on it.
 * What it cannot do: tell the heading of a footprint with no straight side (a round table, a person),
 * where any heading scores alike and the result is near arbitrary (the box is still the tight one).
 */

/** Candidate headings over the quarter turn (a rectangle repeats every 90 degrees): coarse, then fine about the best. */
const COARSE_STEP = (2 * Math.PI) / 180;
const FINE_STEP = (0.2 * Math.PI) / 180;
/** The search scores at most this many points (a regular subsample); the box bounds use all. */
const MAX_SCORED = 400;

export interface FootprintRect {
  cx: number;
  cz: number;
  /** extent along local x = (cos yaw, 0, -sin yaw) */
  ex: number;
  /** extent along local z = (sin yaw, 0, cos yaw) */
  ez: number;
  /** folded into [-pi/4, pi/4] */
  yaw: number;
}

function closeness(xs: Float64Array, zs: Float64Array, yaw: number, d0: number): number {
  const c = Math.cos(yaw), s = Math.sin(yaw);
  const n = xs.length;
  let min1 = Infinity, max1 = -Infinity, min2 = Infinity, max2 = -Infinity;
  for (let i = 0; i < n; i++) {
    const a = xs[i] * c - zs[i] * s, b = xs[i] * s + zs[i] * c;
    if (a < min1) min1 = a;
    if (a > max1) max1 = a;
    if (b < min2) min2 = b;
    if (b > max2) max2 = b;
  }
  let score = 0;
  for (let i = 0; i < n; i++) {
    const a = xs[i] * c - zs[i] * s, b = xs[i] * s + zs[i] * c;
    const d = Math.min(a - min1, max1 - a, b - min2, max2 - b);
    // Math.max, not a ternary with the parameter: that boxed a number per point (6 kB of garbage per heading)
    score += 1 / Math.max(d, d0);
  }
  return score;
}

/** The heading (yaw in [0, pi/2)) whose rectangle has the points closest to its sides. */
export function lShapeYaw(points: Float32Array, count: number, d0: number): number {
  const stride = Math.max(1, Math.ceil(count / MAX_SCORED));
  const m = Math.ceil(count / stride);
  const xs = new Float64Array(m), zs = new Float64Array(m);
  for (let k = 0, i = 0; k < m; k++, i += stride) {
    xs[k] = points[i * 3];
    zs[k] = points[i * 3 + 2];
  }
  let best = 0, bestScore = -Infinity;
  for (let yaw = 0; yaw < Math.PI / 2; yaw += COARSE_STEP) {
    const sc = closeness(xs, zs, yaw, d0);
    if (sc > bestScore) { bestScore = sc; best = yaw; }
  }
  const centre = best;
  for (let yaw = centre - COARSE_STEP; yaw <= centre + COARSE_STEP; yaw += FINE_STEP) {
    const sc = closeness(xs, zs, yaw, d0);
    if (sc > bestScore) { bestScore = sc; best = yaw; }
  }
  return best;
}

/**
 * The heading of a footprint's principal axis (yaw in (-pi/2, pi/2]): the direction its points spread most,
 * for a footprint that is a line along its heading with no face along it (a bicycle under its rider).
 */
export function principalYaw(points: Float32Array, count: number): number {
  let mx = 0, mz = 0;
  for (let k = 0; k < count; k++) { mx += points[k * 3]; mz += points[k * 3 + 2]; }
  mx /= count || 1; mz /= count || 1;
  let sxx = 0, szz = 0, sxz = 0;
  for (let k = 0; k < count; k++) {
    const dx = points[k * 3] - mx, dz = points[k * 3 + 2] - mz;
    sxx += dx * dx; szz += dz * dz; sxz += dx * dz;
  }
  // the axis at angle t from +x in the (x, z) plane; local x = (cos yaw, -sin yaw), so yaw = -t
  return -0.5 * Math.atan2(2 * sxz, sxx - szz);
}

/** The tight rectangle of all the points' footprint at a given heading, yaw folded into [-pi/4, pi/4] (extents swapped with it). */
export function rectangleAtYaw(points: Float32Array, count: number, yaw: number): FootprintRect {
  while (yaw > Math.PI / 4) yaw -= Math.PI / 2;
  while (yaw < -Math.PI / 4) yaw += Math.PI / 2;
  const c = Math.cos(yaw), s = Math.sin(yaw);
  let min1 = Infinity, max1 = -Infinity, min2 = Infinity, max2 = -Infinity;
  for (let i = 0; i < count; i++) {
    const x = points[i * 3], z = points[i * 3 + 2];
    // local x = (c, -s), local z = (s, c) in (x, z)
    const a = x * c - z * s, b = x * s + z * c;
    if (a < min1) min1 = a;
    if (a > max1) max1 = a;
    if (b < min2) min2 = b;
    if (b > max2) max2 = b;
  }
  if (count === 0) return { cx: 0, cz: 0, ex: 0, ez: 0, yaw: 0 };
  const ma = (min1 + max1) / 2, mb = (min2 + max2) / 2;
  return { cx: ma * c + mb * s, cz: -ma * s + mb * c, ex: max1 - min1, ez: max2 - min2, yaw };
}
