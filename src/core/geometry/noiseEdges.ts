/**
 * Box sides that depth noise does not push outwards. A box from the extreme points grows with the depth's
 * random noise: every face is blurred along the viewing rays, and the outermost of m noisy points lies about
 * sigma x sqrt(2 ln m) beyond the face (a structured-light sensor at 4 m has sigma ~2.6 cm, so a night stand
 * seen from 4 m came out 15-20 cm too deep). Two steps, neither with a constant fitted to data:
 * - the noise is measured on the object's own depth, from second differences along image rows (for a
 *   smooth surface z[x] - (z[x-1] + z[x+1]) / 2 has variance 1.5 sigma^2; the median absolute value is
 *   robust to the object's own edges). Model depth is smooth and measures near 0, so it is left alone;
 * - each side is fitted where the points near it are many: their histogram (bins of sigma / 4, from the
 *   outermost point inwards over 7 sigma, at most across the whole spread) is matched by least squares to a
 *   face seen head-on at the side (a Gaussian bump) plus a surface running up to it (a step blurred by the
 *   Gaussian), both non-negative, over candidate sides every sigma / 10 within 4 sigma of the outermost
 *   point and never past the middle. A face seen head-on has all its points at one depth: its side is the
 *   bump's centre, which the extreme-value rule below missed by about 0.6 sigma per side (a box's depth 1.2
 *   sigma too long: 7 cm at 6 m from a structured-light sensor). The same for the bottom and top, with the
 *   noise's vertical part;
 * - where they are few (under MIN_FIT), each side is pulled in by the expected maximum of the Gaussian noise
 *   of the points at that side (the extreme-value expectation for m samples), the noise projected on the
 *   side's normal.
 * What it cannot do: remove flying pixels (the flying-pixel filter does) or noise that is correlated over
 * the surface (a model's wrong scale moves the whole face, not its points).
 */
import { normalCdf } from '../units/uncertainty';
import { median } from './objectEnv';
import type { FootprintRect } from './yawFit';

/** Second differences this far from 0 (relative to depth) are edges between surfaces, not noise. */
const SAME_SURFACE_REL = 0.05;
/** Valid neighbours are searched this many pixels to each side (projected LiDAR leaves gaps along a row). */
const MAX_GAP = 3;
const MAX_SAMPLES = 500;
/**
 * The points "at" a side are those within this many sigma of its outermost point. Where all the points
 * lie on the side (a face seen head-on) a 3-sigma window counts them all and 1.5 sigma too few; where they
 * spread evenly up to the side (a top face running back) 1.5 is right and 3 counts too many. With 2 the
 * first case keeps about 0.6 sigma of the push and the second loses about 0.4 sigma too much (worked out
 * from the Gaussian tail; the unit tests check both).
 */
const EDGE_WINDOW = 2;

/**
 * The random depth noise (one sigma, metres) at the object's median depth, from the depth-map pixels
 * `pixels[0..count)`; 0 when there are too few usable triples (under 30).
 */
export function depthNoiseSigma(data: Float32Array, width: number, pixels: Uint32Array, count: number): number {
  const stride = Math.max(1, Math.floor(count / MAX_SAMPLES));
  const res: number[] = [];
  for (let k = 0; k < count; k += stride) {
    const i = pixels[k], x = i % width, z = data[i];
    if (!(z > 0)) continue;
    let zl = 0, zr = 0, dl = 0, dr = 0;
    for (let d = 1; d <= MAX_GAP && x - d >= 0; d++) if (data[i - d] > 0) { zl = data[i - d]; dl = d; break; }
    for (let d = 1; d <= MAX_GAP && x + d < width; d++) if (data[i + d] > 0) { zr = data[i + d]; dr = d; break; }
    if (!dl || !dr) continue;
    // the line through the neighbours, evaluated at x (unequal gaps weigh the nearer one more)
    const zi = (zl * dr + zr * dl) / (dl + dr);
    const r = z - zi;
    if (Math.abs(r) > SAME_SURFACE_REL * z) continue;
    // variance of z - zi is sigma^2 (1 + (dr^2 + dl^2) / (dl + dr)^2)
    const f = Math.sqrt(1 + (dr * dr + dl * dl) / ((dl + dr) * (dl + dr)));
    res.push(Math.abs(r) / f);
  }
  if (res.length < 30) return 0;
  // MAD of a zero-mean Gaussian: sigma = median|r| / 0.6745
  return median(res) / 0.6745;
}

/** Expected maximum of m standard normal samples (Blom's approximation to the largest order statistic); 0 for m <= 1. */
export function expectedMaxNormal(m: number): number {
  if (m <= 1) return 0;
  return probit((m - 0.375) / (m + 0.25));
}

/** Inverse standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function probit(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) return -probit(1 - p);
  const q = p - 0.5, r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/**
 * The two sides of a noisy 1-D spread, given its extremes `lo`/`hi` and the number of points within
 * EDGE_WINDOW sigma of each (`mLo`, `mHi`): each extreme pulled in by the expected maximum of the noise of
 * those points, never past the middle (a side is never moved through the object).
 */
export function pulledSides(lo: number, hi: number, mLo: number, mHi: number, s: number): [number, number] {
  if (!(s > 0) || !(hi >= lo)) return [lo, hi];
  const mid = (lo + hi) / 2;
  return [Math.min(mid, lo + s * expectedMaxNormal(mLo)), Math.max(mid, hi - s * expectedMaxNormal(mHi))];
}

/** A side is fitted (blurredSide) when at least this many points lie in its window; else it is pulled in (pulledSides). */
const MIN_FIT = 40;
/** The fit's window reaches this many sigma in from the outermost point (3-7 tried on simulated faces; wider was better). */
const FIT_WINDOW = 7;
/** Candidate sides reach this many sigma in from the outermost point. */
const FIT_REACH = 4;
const BINS_PER_SIGMA = 4;
/** A fitted face counts only if it holds more points than the running surface has within this many sigma (see blurredSide). */
const SHEET_MIN = 2;
const FIT_BINS = FIT_WINDOW * BINS_PER_SIGMA;

/**
 * The upper side of a noisy spread from the histogram `h` of its points (bin j covers lo + [j, j+1) x sigma /
 * BINS_PER_SIGMA; the last bin ends at the outermost point `ext`): the candidate side s (every sigma / 10, up
 * to FIT_REACH sigma in from ext) whose best non-negative mix of a face at s seen head-on (the Gaussian
 * density) and a surface running up to s (the Gaussian-blurred step) matches the histogram best (least squares).
 */
function blurredSide(h: Float64Array, nb: number, ext: number, sigma: number, floor: number): number {
  const d = sigma / BINS_PER_SIGMA;
  const lo = ext - nb * d;
  const k = d / (sigma * Math.sqrt(2 * Math.PI));
  let best = ext, bestE = Infinity;
  const from = Math.max(floor, ext - FIT_REACH * sigma);
  for (let i = 0; ; i++) {
    const s = ext - i * (sigma / 10);
    if (s < from) break;
    let a11 = 0, a12 = 0, a22 = 0, b1 = 0, b2 = 0, hh = 0;
    for (let j = 0; j < nb; j++) {
      const u = (lo + (j + 0.5) * d - s) / sigma;
      const g1 = k * Math.exp(-0.5 * u * u), g2 = d * normalCdf(-u), y = h[j];
      a11 += g1 * g1; a12 += g1 * g2; a22 += g2 * g2; b1 += g1 * y; b2 += g2 * y; hh += y * y;
    }
    const det = a11 * a22 - a12 * a12;
    let A = det > 1e-300 ? (b1 * a22 - b2 * a12) / det : -1, R = det > 1e-300 ? (a11 * b2 - a12 * b1) / det : -1;
    if (A < 0 || R < 0) {
      // one shape alone: the better of the two
      if (b1 * b1 * a22 >= b2 * b2 * a11) { A = Math.max(0, b1 / a11); R = 0; } else { R = Math.max(0, b2 / a22); A = 0; }
    }
    // a face no heavier than what the running surface holds within SHEET_MIN sigma is no face: a step moved
    // in by delta plus a bump of delta x its density mimics the step where it was (to first order), which
    // pulled sides of surfaces running back in by half a sigma
    if (A > 0 && R > 0 && A < SHEET_MIN * R * sigma) { A = 0; R = Math.max(0, b2 / a22); }
    const e = hh - 2 * (A * b1 + R * b2) + A * A * a11 + 2 * A * R * a12 + R * R * a22;
    if (e < bestE) { bestE = e; best = s; }
  }
  return best;
}

/** Below this sigma (metres) the push is under a few millimetres and the points' extremes stand. */
const NEGLIGIBLE_SIGMA_M = 5e-4;

export interface NoisyFootprint {
  /** the footprint rectangle at the heading (as rectangleAtYaw), sides pulled in */
  rect: FootprintRect;
  /** the axis-aligned x and z sides, pulled in */
  x: [number, number];
  z: [number, number];
  /** the bottom and top, pulled in by the noise's vertical part (sigmaY) */
  y: [number, number];
}

/**
 * A horizontal side whose outward normal is within this angle's cosine (60 degrees) of the line of sight
 * away from the camera is a far side.
 */
const FAR_SIDE_COS = 0.5;

/**
 * The footprint rectangle `raw` (the points' tight rectangle at its heading, as rectangleAtYaw gives it) and
 * the axis-aligned x/z sides of the points (xyz, first `count`; `min`/`max` their extremes), every side pulled
 * in by the noise along its normal: `sigmaAlong(ux, uz)` is the noise sigma along a horizontal direction,
 * `sigmaY` along up (the bottom and top; 0 leaves them at the extremes). One pass over the points (and one
 * for the fitted sides) where there is noise to undo, none where there is not.
 *
 * `away` (the horizontal unit direction from the camera to the object) marks the far sides. A far side is
 * never a face seen head-on: the points near it lie on surfaces running back to it (a top, a side face at a
 * grazing angle), and where the depth is sparse (projected LiDAR rows) the last of them stops short of the
 * edge by part of a sample step. With too few points to fit, such a side keeps its outermost point: the
 * extreme-value pull assumes all of them sit on the side and took street objects' far sides 2.5 cm short
 * (median, seen whole) where the outermost point was already unbiased (synthetic benchmark, docs/evaluation.md).
 */
export function noisyFootprint(
  points: Float32Array, count: number, raw: FootprintRect, min: readonly number[], max: readonly number[],
  sigmaAlong: (ux: number, uz: number) => number, sigmaY = 0, away?: readonly [number, number],
): NoisyFootprint {
  const { yaw } = raw;
  const c = Math.cos(yaw), s = Math.sin(yaw);
  // local x = (c, -s), local z = (s, c) in (x, z): the rectangle's sides in local coordinates
  const ma = raw.cx * c - raw.cz * s, mb = raw.cx * s + raw.cz * c;
  let a0 = ma - raw.ex / 2, a1 = ma + raw.ex / 2, b0 = mb - raw.ez / 2, b1 = mb + raw.ez / 2;
  const sa = sigmaAlong(c, -s), sb = sigmaAlong(s, c), sx = sigmaAlong(1, 0), sz = sigmaAlong(0, 1);
  let x: [number, number] = [min[0], max[0]], z: [number, number] = [min[2], max[2]], y: [number, number] = [min[1], max[1]];
  const sy = sigmaY;
  if (Math.max(sa, sb, sx, sz, sy) > NEGLIGIBLE_SIGMA_M && count >= 2) {
    const w = EDGE_WINDOW;
    const ta0 = a0 + w * sa, ta1 = a1 - w * sa, tb0 = b0 + w * sb, tb1 = b1 - w * sb;
    const tx0 = min[0] + w * sx, tx1 = max[0] - w * sx, tz0 = min[2] + w * sz, tz1 = max[2] - w * sz;
    const ty0 = min[1] + w * sy, ty1 = max[1] - w * sy;
    let ma0 = 0, ma1 = 0, mb0 = 0, mb1 = 0, mx0 = 0, mx1 = 0, mz0 = 0, mz1 = 0, my0 = 0, my1 = 0;
    for (let i = 0; i < count; i++) {
      const px = points[i * 3], pz = points[i * 3 + 2], py = points[i * 3 + 1];
      if (py <= ty0) my0++;
      if (py >= ty1) my1++;
      const a = px * c - pz * s, b = px * s + pz * c;
      if (a <= ta0) ma0++;
      if (a >= ta1) ma1++;
      if (b <= tb0) mb0++;
      if (b >= tb1) mb1++;
      if (px <= tx0) mx0++;
      if (px >= tx1) mx1++;
      if (pz <= tz0) mz0++;
      if (pz >= tz1) mz1++;
    }
    // a far side is not pulled (one point at the side: no extreme to undo)
    const far = (nx: number, nz: number) => away !== undefined && nx * away[0] + nz * away[1] > FAR_SIDE_COS;
    const at = (nx: number, nz: number, m: number) => (far(nx, nz) ? 1 : m);
    [a0, a1] = pulledSides(a0, a1, at(-c, s, ma0), at(c, -s, ma1), sa);
    [b0, b1] = pulledSides(b0, b1, at(-s, -c, mb0), at(s, c, mb1), sb);
    x = pulledSides(min[0], max[0], at(-1, 0, mx0), at(1, 0, mx1), sx);
    z = pulledSides(min[2], max[2], at(0, -1, mz0), at(0, 1, mz1), sz);
    y = pulledSides(min[1], max[1], my0, my1, sy);
    const raw10 = [ma - raw.ex / 2, ma + raw.ex / 2, mb - raw.ez / 2, mb + raw.ez / 2, min[0], max[0], min[2], max[2], min[1], max[1]];
    const fit = fittedSides(points, count, c, s, raw10, [sa, sa, sb, sb, sx, sx, sz, sz, sy, sy]);
    const pick = (k: number, pulled: number) => (fit[k] === null ? pulled : fit[k]);
    [a0, a1, b0, b1] = [pick(0, a0), pick(1, a1), pick(2, b0), pick(3, b1)];
    x = [pick(4, x[0]), pick(5, x[1])];
    z = [pick(6, z[0]), pick(7, z[1])];
    y = [pick(8, y[0]), pick(9, y[1])];
  }
  const na = (a0 + a1) / 2, nb = (b0 + b1) / 2;
  return { rect: { cx: na * c + nb * s, cz: -na * s + nb * c, ex: a1 - a0, ez: b1 - b0, yaw }, x, z, y };
}

/**
 * The ten sides (local a lower/upper, local b lower/upper, x lower/upper, z lower/upper, bottom/top) fitted
 * by blurredSide where their window holds MIN_FIT points; null where it does not (or there is no noise along
 * that side). `raw` are the sides from the extremes, `sig` the noise along each side's normal. One pass over
 * the points fills the ten histograms.
 */
const SIDES = 10;
function fittedSides(points: Float32Array, count: number, c: number, s: number, raw: number[], sig: number[]): (number | null)[] {
  const out: (number | null)[] = new Array<number | null>(SIDES).fill(null);
  const hist = new Float64Array(SIDES * FIT_BINS);
  const lo = new Float64Array(SIDES), inv = new Float64Array(SIDES), stop = new Float64Array(SIDES), used = new Uint8Array(SIDES), nbs = new Int32Array(SIDES), reach = new Float64Array(SIDES);
  for (let k = 0; k < SIDES; k++) {
    if (!(sig[k] > NEGLIGIBLE_SIGMA_M)) continue;
    const pair = k ^ 1, mid = (raw[k] + raw[pair]) / 2;
    // distances inwards from the outermost point, over at most the whole spread; the side stays on its half
    lo[k] = raw[k];
    inv[k] = BINS_PER_SIGMA / sig[k];
    nbs[k] = Math.min(FIT_BINS, Math.floor(Math.abs(raw[k] - raw[pair]) * inv[k]));
    stop[k] = nbs[k] / inv[k];
    reach[k] = Math.abs(raw[k] - mid);
    used[k] = nbs[k] >= 1 ? 1 : 0;
  }
  const v = new Float64Array(SIDES);
  for (let i = 0; i < count; i++) {
    const px = points[i * 3], pz = points[i * 3 + 2];
    const a = px * c - pz * s, b = px * s + pz * c;
    v[0] = v[1] = a; v[2] = v[3] = b; v[4] = v[5] = px; v[6] = v[7] = pz; v[8] = v[9] = points[i * 3 + 1];
    for (let k = 0; k < SIDES; k++) {
      if (!used[k]) continue;
      const dist = k & 1 ? lo[k] - v[k] : v[k] - lo[k];
      if (dist < 0 || dist >= stop[k]) continue;
      // bin 0 is innermost: blurredSide reads the window from its low end to the outermost point
      const j = FIT_BINS - 1 - Math.min(nbs[k] - 1, Math.floor(dist * inv[k]));
      hist[k * FIT_BINS + j]++;
    }
  }
  for (let k = 0; k < SIDES; k++) {
    if (!used[k]) continue;
    const nb = nbs[k];
    const h = hist.subarray(k * FIT_BINS + FIT_BINS - nb, (k + 1) * FIT_BINS);
    let n = 0;
    for (let j = 0; j < nb; j++) n += h[j];
    if (n < MIN_FIT) continue;
    // the upper side as is; the lower side as the upper side of the mirrored spread
    const ext = k & 1 ? raw[k] : -raw[k];
    const side = blurredSide(h, nb, ext, sig[k], ext - reach[k]);
    out[k] = k & 1 ? side : -side;
  }
  return out;
}
