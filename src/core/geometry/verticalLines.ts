/**
 * Up from the picture's vertical edges (a door frame, a wall corner, a building's side, a pole): a vertical
 * line in the world images as a segment running towards up's vanishing point, and the plane through the
 * camera centre and that segment contains up, so its normal n is perpendicular to up (Manhattan-world and
 * vanishing-point methods, e.g. Kosecka and Zhang 2002; Lee, Hebert and Kanade 2009). Unlike a floor fitted
 * to depth, this does not depend on the depth at all: a tilted road, a floor a depth model bends or a sensor's
 * radial bias leave the edges as they are.
 *
 * findVerticalSegments finds candidate segments near the vanishing point of a first guess of up (the planes'),
 * refineUpWithEdges weighs what they say against the planes by inverse variance.
 */
import type { Intrinsics } from '../camera/intrinsics';
import type { RGBAImage } from './raster';
import { scratchFloat32, scratchUint8 } from './scratch';
import { cross, dot, normalize, type Vec3 } from './vec';

/** An image segment that may be the picture of a vertical edge. */
export interface VerticalSegment {
  /** End points in the intrinsics' pixels. */
  x0: number; y0: number; x1: number; y1: number;
  /** Length in the image's pixels. */
  length: number;
  /** How well its end points are placed across it, in the image's pixels (EDGE_PIXEL_SIGMA of a working pixel). */
  pixelSigma: number;
  /** Unit normal (camera frame) of the plane through the camera centre and the segment. */
  normal: Vec3;
}

export interface VerticalSegmentOptions {
  /** An edge pixel's direction, and a segment's, is within this many degrees of the direction towards up's vanishing point (default 8). */
  pixelTolDeg?: number;
  /** Shortest segment kept, as a share of the image height (default 0.1). */
  minLengthShare?: number;
  /** Gradient magnitude (Sobel / 4 on 0-255 grey) an edge pixel needs (default 12). */
  minGradient?: number;
  /** The search runs on the image averaged down by a whole factor to at most about this many pixels (default WORK_PIXELS). */
  workPixels?: number;
}

const DEG = Math.PI / 180;
/** The search runs on the image averaged down by a whole factor to at most about this many pixels (cost; the averaging also smooths a render's staircase edges). */
const WORK_PIXELS = 500_000;
/** Runs shorter than this many pixels are not even merged (texture). */
const MIN_RUN = 6;
/** Pieces of one line: each end of one within this many pixels of the other's line (a staircase steps by one) ... */
const COLLINEAR_PX = 1;
/**
 * ... and at most this many pixels apart along it: a tile joint or a render's staircase step breaks an edge for a
 * pixel or a few; pieces further apart are other edges that happen to line up (a desk leg under a laptop's side).
 */
const MERGE_GAP_PX = 8;
/** RMS distance of a run's pixels from its line: thicker is texture or a curve. */
const MAX_THICKNESS = 1.2;

/**
 * Grey levels (Rec. 601 luma) averaged over k x k blocks, then blurred across by a 3-tap binomial (the
 * Sobel filter smooths along; across, the blur turns a render's or a sharpened photo's staircase edge into
 * a ramp whose ridge the fit can place), in a reused buffer (scratch.ts: valid until the next call).
 */
function greyDown(img: RGBAImage, k: number): { g: Float32Array; w: number; h: number } {
  const w = Math.floor(img.width / k), h = Math.floor(img.height / k), W = img.width;
  // one element type whatever the caller's array (a Uint8ClampedArray or a Uint8Array): a view, not a copy
  const d = new Uint8Array(img.data.buffer, img.data.byteOffset, img.data.length);
  const g = scratchFloat32('verticalLines.grey', w * h);
  const inv = 1 / (k * k);
  const at = (x: number, y: number): number => {
    let s = 0;
    for (let dy = 0; dy < k; dy++) for (let dx = 0; dx < k; dx++) {
      const i = ((y * k + dy) * W + x * k + dx) << 2;
      s += 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
    }
    return s * inv;
  };
  const one = k === 1;
  for (let y = 0; y < h; y++) {
    const r = y * w;
    let a = at(0, y), b = a;
    for (let x = 0; x < w - 1; x++) {
      const j = (r + x + 1) << 2;
      const c = one ? 0.299 * d[j] + 0.587 * d[j + 1] + 0.114 * d[j + 2] : at(x + 1, y);
      g[r + x] = 0.25 * (a + c) + 0.5 * b;
      a = b; b = c;
    }
    g[r + w - 1] = 0.25 * a + 0.75 * b;
  }
  return { g, w, h };
}

interface Fit { x0: number; y0: number; x1: number; y1: number; length: number; thickness: number }
interface Run extends Fit { xs: number[]; ys: number[]; ws: number[] }

/**
 * Segments running towards the vanishing point of `up` (camera frame, OpenCV axes): edge pixels whose
 * direction agrees with it, grouped into 8-connected runs, pieces of one line merged, kept when long and thin.
 */
export function findVerticalSegments(img: RGBAImage, K: Intrinsics, up: Vec3, opts: VerticalSegmentOptions = {}): VerticalSegment[] {
  const k = Math.max(1, Math.ceil(Math.sqrt((img.width * img.height) / (opts.workPixels ?? WORK_PIXELS))));
  const { g, w, h } = greyDown(img, k);
  if (w < 8 || h < 8) return [];
  // working pixel X covers image pixels kX .. kX+k-1: its centre is kX + (k-1)/2 in image pixels
  const sx = img.width / K.width, sy = img.height / K.height;
  const fx = (K.fx * sx) / k, fy = (K.fy * sy) / k;
  const cx = (K.cx * sx - (k - 1) / 2) / k, cy = (K.cy * sy - (k - 1) / 2) / k;
  // up's vanishing point, homogeneous
  const vx = fx * up[0] + cx * up[2], vy = fy * up[1] + cy * up[2], vz = up[2];
  const cosTol = Math.cos((opts.pixelTolDeg ?? 8) * DEG), cos2 = cosTol * cosTol;
  const minG = opts.minGradient ?? 12, minG2 = minG * minG;
  const mark = scratchUint8('verticalLines.mark', w * h).fill(0), mag = scratchFloat32('verticalLines.mag', w * h);
  // when every direction towards the vanishing point is within 60 degrees of the image's vertical, an edge
  // pixel's gradient is within 68 of the horizontal and its row's central difference about twice the Sobel
  // x response: passing over the pixels whose difference is under half the threshold skips most of the image.
  // Against no skip, on the 6 fixture frames with intrinsics and 40 benchmark scenes: the same segments in 45, the
  // same 14 with one fit moved a little in the other; the eval's figures are the same
  const steep = [[0, 0], [w - 1, 0], [0, h - 1], [w - 1, h - 1]].every(([x, y]) => {
    const rx = vx - x * vz, ry = vy - y * vz;
    return Math.abs(ry) >= 0.5 * Math.hypot(rx, ry);
  });
  const minDx = steep ? 0.5 * minG : 0;
  for (let y = 1; y < h - 1; y++) {
    const ry = vy - y * vz;
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const dx2 = g[i + 1] - g[i - 1];
      if (dx2 < minDx && -dx2 < minDx) continue;
      const gx = (g[i - w + 1] + 2 * g[i + 1] + g[i + w + 1] - g[i - w - 1] - 2 * g[i - 1] - g[i + w - 1]) / 4;
      const gy = (g[i + w - 1] + 2 * g[i + w] + g[i + w + 1] - g[i - w - 1] - 2 * g[i - w] - g[i - w + 1]) / 4;
      const m2 = gx * gx + gy * gy;
      if (m2 < minG2) continue;
      // the edge runs perpendicular to the gradient: (-gy, gx) against the direction to the vanishing point
      const rx = vx - x * vz;
      const c = -gy * rx + gx * ry;
      // marked by the side the brighter region is on: the two edges of a thin bar (a pole, a window's
      // mullion) are two lines, not one thick run
      if (c * c >= cos2 * m2 * (rx * rx + ry * ry)) { mark[i] = c > 0 ? 1 : 2; mag[i] = Math.sqrt(m2); }
    }
  }
  const towards = (f: Fit): boolean => {
    const mx = (f.x0 + f.x1) / 2, my = (f.y0 + f.y1) / 2;
    const dx = vx - mx * vz, dy = vy - my * vz, ex = f.x1 - f.x0, ey = f.y1 - f.y0;
    const c = dx * ex + dy * ey;
    return c * c >= cos2 * (dx * dx + dy * dy) * (ex * ex + ey * ey);
  };
  const runs: Run[] = [];
  const stack: number[] = [];
  const xs: number[] = [], ys: number[] = [], ws: number[] = [];
  for (let s = 0; s < w * h; s++) {
    const side = mark[s];
    if (side !== 1 && side !== 2) continue;
    mark[s] = 3; stack.push(s); xs.length = 0; ys.length = 0; ws.length = 0;
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % w, y = (i - x) / w;
      xs.push(x); ys.push(y); ws.push(mag[i]);
      for (let oy = -1; oy <= 1; oy++) for (let ox = -1; ox <= 1; ox++) {
        const nx = x + ox, ny = y + oy;
        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
        const j = ny * w + nx;
        if (mark[j] === side) { mark[j] = 3; stack.push(j); }
      }
    }
    if (xs.length < MIN_RUN) continue;
    const f = fitSegment(xs, ys, ws);
    if (f && f.length >= MIN_RUN && f.thickness <= MAX_THICKNESS && towards(f)) runs.push({ ...f, xs: xs.slice(), ys: ys.slice(), ws: ws.slice() });
  }
  const minLen = (opts.minLengthShare ?? 0.1) * h;
  const out: VerticalSegment[] = [];
  for (const r of mergeCollinear(runs, towards)) {
    if (r.length < minLen) continue;
    const a: Vec3 = [(r.x0 - cx) / fx, (r.y0 - cy) / fy, 1];
    const b: Vec3 = [(r.x1 - cx) / fx, (r.y1 - cy) / fy, 1];
    const x0 = (k * r.x0 + (k - 1) / 2) / sx, x1 = (k * r.x1 + (k - 1) / 2) / sx;
    const y0 = (k * r.y0 + (k - 1) / 2) / sy, y1 = (k * r.y1 + (k - 1) / 2) / sy;
    out.push({ x0, y0, x1, y1, length: Math.hypot((x1 - x0) * sx, (y1 - y0) * sy), pixelSigma: EDGE_PIXEL_SIGMA * k, normal: normalize(cross(a, b)) });
  }
  return out;
}

/**
 * One straight edge comes apart wherever its contrast dips (a tile joint crossing it, a leaf in front), and
 * a short piece of a slightly slanted edge is pixel-aligned: merging the pieces and refitting them together
 * recovers the slant. Longest first; a merge stands only when the joint fit is still thin and still runs
 * towards the vanishing point.
 */
function mergeCollinear(runs: Run[], towards: (f: Fit) => boolean): Fit[] {
  runs.sort((p, q) => q.length - p.length);
  const out: Fit[] = [];
  const used = new Uint8Array(runs.length);
  for (let i = 0; i < runs.length; i++) {
    if (used[i]) continue;
    let cur: Run = runs[i];
    // again while it grows: a piece two gaps away is next to it only once the one between has joined
    for (let grew = true; grew;) {
      grew = false;
      for (let j = i + 1; j < runs.length; j++) {
        if (used[j] || !collinear(cur, runs[j])) continue;
        const xs = cur.xs.concat(runs[j].xs), ys = cur.ys.concat(runs[j].ys), ws = cur.ws.concat(runs[j].ws);
        const f = fitSegment(xs, ys, ws);
        if (!f || f.thickness > MAX_THICKNESS || !towards(f)) continue;
        cur = { ...f, xs, ys, ws };
        used[j] = 1;
        grew = true;
      }
    }
    out.push(cur);
  }
  return out;
}

/** b continues a: each of its ends within COLLINEAR_PX of a's line, and the gap between them along it at most MERGE_GAP_PX. */
function collinear(a: Fit, b: Fit): boolean {
  const dx = a.x1 - a.x0, dy = a.y1 - a.y0, l = Math.hypot(dx, dy);
  // written out, not a closure: this runs for every pair of runs, and a closure per call was a megabyte of garbage per frame
  if (Math.abs((b.x0 - a.x0) * dy - (b.y0 - a.y0) * dx) / l > COLLINEAR_PX || Math.abs((b.x1 - a.x0) * dy - (b.y1 - a.y0) * dx) / l > COLLINEAR_PX) return false;
  const t0 = ((b.x0 - a.x0) * dx + (b.y0 - a.y0) * dy) / l, t1 = ((b.x1 - a.x0) * dx + (b.y1 - a.y0) * dy) / l;
  const gap = Math.max(Math.min(t0, t1) - l, -Math.max(t0, t1), 0);
  return gap <= MERGE_GAP_PX;
}

/**
 * Principal axis of a run of pixels weighted by their gradient (the band of edge pixels is two or three wide;
 * its ridge is where the edge lies): end points, length and weighted RMS thickness across it.
 */
function fitSegment(xs: number[], ys: number[], ws: number[]): Fit | null {
  const n = xs.length;
  let mx = 0, my = 0, sw = 0;
  for (let k = 0; k < n; k++) { mx += ws[k] * xs[k]; my += ws[k] * ys[k]; sw += ws[k]; }
  if (!(sw > 0)) return null;
  mx /= sw; my /= sw;
  let sxx = 0, sxy = 0, syy = 0;
  for (let k = 0; k < n; k++) { const dx = xs[k] - mx, dy = ys[k] - my; sxx += ws[k] * dx * dx; sxy += ws[k] * dx * dy; syy += ws[k] * dy * dy; }
  const t = Math.atan2(2 * sxy, sxx - syy) / 2;
  const ux = Math.cos(t), uy = Math.sin(t);
  let lo = Infinity, hi = -Infinity, across = 0;
  for (let k = 0; k < n; k++) {
    const dx = xs[k] - mx, dy = ys[k] - my;
    const along = dx * ux + dy * uy;
    if (along < lo) lo = along;
    if (along > hi) hi = along;
    const p = -dx * uy + dy * ux;
    across += ws[k] * p * p;
  }
  if (!(hi > lo)) return null;
  return { x0: mx + lo * ux, y0: my + lo * uy, x1: mx + hi * ux, y1: my + hi * uy, length: hi - lo, thickness: Math.sqrt(across / sw) };
}

/**
 * How far a real vertical edge's segment may be from vertical, one sigma: built edges stand within a fraction of
 * a degree (door frames, wall corners), furniture and poles lean a little more, and a segment's end points
 * are found to about half a pixel (EDGE_PIXEL_SIGMA over its length). Round a-priori figures.
 */
export const EDGE_WORLD_SIGMA_DEG = 0.3;
export const EDGE_PIXEL_SIGMA = 0.5;
/**
 * How far the planes' up is trusted, one sigma, at the least: a floor or a road is laid level only to a
 * percent or two (a road's cross slope for drainage is 1.5-2.5%, 0.9-1.4 degrees) and depth bends planes
 * (a sensor's radial bias, a model's warped floor). A round a-priori figure, not fitted to any frame.
 */
export const PLANE_SIGMA_DEG = 1;
/** Fewest segments (counted by their robust weights) that join the estimate. */
const MIN_EDGES = 3;
/** Cauchy weights: a segment this many of its sigmas off counts half. */
const CAUCHY_SIGMAS = 2;

/** A direction (tangent to up) in which the surfaces left up to a guess, and how far that guess is trusted. */
export interface FreeTilt {
  axis: Vec3;
  sigmaDeg: number;
}

export interface EdgeRefinement {
  up: Vec3;
  /** Segments that count at least half (Cauchy weight >= 0.5) at the end. */
  edges: number;
}

/** One-sigma angle (radians) between a segment's plane and true up: the edge's own lean and its end points' placement. */
export const sigmaOf = (s: VerticalSegment): number => Math.hypot(EDGE_WORLD_SIGMA_DEG * DEG, s.pixelSigma / s.length);

/**
 * The planes' up refined with the vertical segments by inverse variance, in the plane tangent to it: the
 * planes count as max(PLANE_SIGMA_DEG, their residual) in every direction of tilt but `free` (one wall alone
 * leaves the roll about its normal to the level-camera guess), which counts as its own sigma; the segments as the
 * information they carry, strong across them (roll, for edges near the picture's middle) and weak along the
 * viewing rays (pitch needs edges spread across the picture), each weighed by 1 / sigma^2 and by a Cauchy
 * weight of its residual against its sigma and the current estimate's (iteratively reweighted from the
 * planes' up, so that the edges can pull it while a leaning tree or a slanted roof line stops counting),
 * scaled down when they scatter more than modelled, and with EDGE_WORLD_SIGMA_DEG added for what they may
 * share (a leaning facade, lens distortion). Null when fewer than MIN_EDGES segments agree.
 * `centre`: where the prior is centred when that is not `up` itself (a level-camera guess, with the search
 * started from what the lines said: upFromLines.ts); by default the planes' up.
 */
export function refineUpWithEdges(up: Vec3, planeSigmaDeg: number, segs: readonly VerticalSegment[], free?: FreeTilt, centre?: Vec3): EdgeRefinement | null {
  if (segs.length < MIN_EDGES) return null;
  const u = normalize(up);
  const e1 = normalize(Math.abs(u[0]) < 0.9 ? cross(u, [1, 0, 0]) : cross(u, [0, 1, 0]));
  const e2 = cross(u, e1);
  // per segment: residual at u, and how it changes with the tilt (x1 e1 + x2 e2): r = r0 + a x1 + b x2
  const r0 = segs.map((s) => dot(s.normal, u)), A = segs.map((s) => dot(s.normal, e1)), B = segs.map((s) => dot(s.normal, e2));
  const w = segs.map((s) => 1 / sigmaOf(s) ** 2), sig = segs.map(sigmaOf);
  // the planes' information: p in every direction, or pf along a direction they leave free
  const p = 1 / ((Math.max(PLANE_SIGMA_DEG, planeSigmaDeg) * DEG) ** 2);
  let p11 = p, p12 = 0, p22 = p;
  if (free) {
    const t1 = dot(free.axis, e1), t2 = dot(free.axis, e2), tn = Math.hypot(t1, t2);
    if (tn > 1e-9) {
      const c1 = t1 / tn, c2 = t2 / tn, dp = 1 / (free.sigmaDeg * DEG) ** 2 - p;
      p11 += dp * c1 * c1; p12 += dp * c1 * c2; p22 += dp * c2 * c2;
    }
  }
  // the prior's mean in the tangent plane at u (the turn from u to the centre): 0 unless a centre is given
  let m1 = 0, m2 = 0;
  if (centre) {
    const c = normalize(centre), t1 = dot(c, e1), t2 = dot(c, e2), tn = Math.hypot(t1, t2);
    if (tn > 1e-12) { const a = Math.atan2(tn, dot(c, u)); m1 = (a * t1) / tn; m2 = (a * t2) / tn; }
  }
  const pm1 = p11 * m1 + p12 * m2, pm2 = p12 * m1 + p22 * m2;
  const sw = EDGE_WORLD_SIGMA_DEG * DEG;
  let x1 = 0, x2 = 0, kept = 0, om = 0;
  // covariance of the current estimate: a residual measured from it is also off by its error
  const pd = p11 * p22 - p12 * p12;
  let f11 = p22 / pd, f12 = -p12 / pd, f22 = p11 / pd;
  for (let iter = 0; iter < 8; iter++) {
    let h11 = 0, h12 = 0, h22 = 0, g1 = 0, g2 = 0;
    const q = new Float64Array(segs.length);
    kept = 0; om = 0;
    for (let k = 0; k < segs.length; k++) {
      const r = r0[k] + A[k] * x1 + B[k] * x2;
      const v = A[k] * A[k] * f11 + 2 * A[k] * B[k] * f12 + B[k] * B[k] * f22;
      const z = r / (CAUCHY_SIGMAS * Math.sqrt(sig[k] * sig[k] + v));
      const c = 1 / (1 + z * z);
      if (c >= 0.5) kept++;
      om += c;
      q[k] = c * w[k];
      h11 += q[k] * A[k] * A[k]; h12 += q[k] * A[k] * B[k]; h22 += q[k] * B[k] * B[k];
      g1 -= q[k] * A[k] * r0[k]; g2 -= q[k] * B[k] * r0[k];
    }
    if (om < MIN_EDGES) return null;
    // the segments alone: H d = g (regularised where they say nothing)
    const eps = 1e-9;
    let det = (h11 + eps) * (h22 + eps) - h12 * h12;
    const d1 = ((h22 + eps) * g1 - h12 * g2) / det, d2 = ((h11 + eps) * g2 - h12 * g1) / det;
    // scaled down when the ones within 3 sigmas of their own fit scatter more than modelled (the others are
    // outliers, not scatter)
    let chi = 0, nIn = 0;
    for (let k = 0; k < segs.length; k++) {
      const z = (r0[k] + A[k] * d1 + B[k] * d2) / sig[k];
      if (z * z <= 9) { chi += z * z; nIn++; }
    }
    const f = 1 / Math.max(1, nIn ? chi / nIn : 1);
    h11 *= f; h12 *= f; h22 *= f;
    det = (h11 + eps) * (h22 + eps) - h12 * h12;
    // their covariance H^-1 plus the shared part, inverted: the information the fusion gives them
    const c11 = (h22 + eps) / det + sw * sw, c12 = -h12 / det, c22 = (h11 + eps) / det + sw * sw;
    const cd = c11 * c22 - c12 * c12;
    const i11 = c22 / cd, i12 = -c12 / cd, i22 = c11 / cd;
    // fused tilt = (P + I)^-1 (P m + I d), its covariance (P + I)^-1
    const a11 = p11 + i11, a12 = p12 + i12, a22 = p22 + i22, ad = a11 * a22 - a12 * a12;
    const s1 = pm1 + i11 * d1 + i12 * d2, s2 = pm2 + i12 * d1 + i22 * d2;
    x1 = (a22 * s1 - a12 * s2) / ad; x2 = (a11 * s2 - a12 * s1) / ad;
    f11 = a22 / ad; f12 = -a12 / ad; f22 = a11 / ad;
  }
  if (kept < MIN_EDGES) return null;
  // the tilt turned onto the sphere by the exponential map: the tangent's length is the angle turned, also for the
  // larger turns a far prior centre can ask for (upFromLines.ts), where u + x drifts by tan(x) - x
  const a = Math.hypot(x1, x2), sa = a > 1e-12 ? Math.sin(a) / a : 1, ca = Math.cos(a);
  return { up: normalize([0, 1, 2].map((i) => ca * u[i] + sa * (x1 * e1[i] + x2 * e2[i])) as Vec3), edges: kept };
}
