import type { OBB } from '../scene/types';

/** Convex hull of 2D points (x, z pairs), Andrew's monotone chain; counter-clockwise, no repeats. */
export function convexHull2D(xz: Float64Array, n: number): Float64Array {
  // Akl-Toussaint: points strictly inside the octagon of the 8 extreme points cannot be on the hull,
  // which leaves only a thin rim of a dense footprint to sort
  const ext = new Int32Array(8);
  const best = new Float64Array(8).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    const x = xz[i * 2], z = xz[i * 2 + 1];
    if (x > best[0]) { best[0] = x; ext[0] = i; }
    if (-x > best[1]) { best[1] = -x; ext[1] = i; }
    if (z > best[2]) { best[2] = z; ext[2] = i; }
    if (-z > best[3]) { best[3] = -z; ext[3] = i; }
    if (x + z > best[4]) { best[4] = x + z; ext[4] = i; }
    if (-x - z > best[5]) { best[5] = -x - z; ext[5] = i; }
    if (x - z > best[6]) { best[6] = x - z; ext[6] = i; }
    if (z - x > best[7]) { best[7] = z - x; ext[7] = i; }
  }
  // octagon vertices in counter-clockwise order (x right, z up in the 2D sense used by turn())
  const order = [6, 0, 4, 2, 7, 1, 5, 3]; // by angle: (1,-1),(1,0),(1,1),(0,1),(-1,1),(-1,0),(-1,-1),(0,-1)
  const poly: number[] = [];
  for (const k of order) if (poly[poly.length - 1] !== ext[k] && poly[0] !== ext[k]) poly.push(ext[k]);
  const keep = new Uint8Array(n).fill(1);
  if (n > 64 && poly.length >= 3) {
    // the octagon's edges as eight fixed tests (a shorter polygon is padded with empty edges, which every
    // point passes): unrolled, the bench scene's ten hulls took 1.9 ms instead of 2.7 with a loop over the edges
    const P = poly.length;
    const e = new Float64Array(40);
    for (let k = 0; k < 8; k++) {
      const a = poly[Math.min(k, P - 1)], b = k < P ? poly[(k + 1) % P] : a;
      const ax = xz[a * 2], az = xz[a * 2 + 1], ex = xz[b * 2] - ax, ez = xz[b * 2 + 1] - az;
      // 0.1 mm of slack: float32 positions of a face seen edge-on scatter about the edge line
      e[k * 5] = ax; e[k * 5 + 1] = az; e[k * 5 + 2] = ex; e[k * 5 + 3] = ez; e[k * 5 + 4] = -1e-4 * Math.hypot(ex, ez);
    }
    const [a0x, a0z, e0x, e0z, t0, a1x, a1z, e1x, e1z, t1, a2x, a2z, e2x, e2z, t2, a3x, a3z, e3x, e3z, t3,
      a4x, a4z, e4x, e4z, t4, a5x, a5z, e5x, e5z, t5, a6x, a6z, e6x, e6z, t6, a7x, a7z, e7x, e7z, t7] = e;
    for (let i = 0; i < n; i++) {
      const x = xz[i * 2], z = xz[i * 2 + 1];
      // on an octagon edge counts as inside too: such points are collinear, never hull vertices
      const outside = e0x * (z - a0z) - e0z * (x - a0x) < t0 || e1x * (z - a1z) - e1z * (x - a1x) < t1
        || e2x * (z - a2z) - e2z * (x - a2x) < t2 || e3x * (z - a3z) - e3z * (x - a3x) < t3
        || e4x * (z - a4z) - e4z * (x - a4x) < t4 || e5x * (z - a5z) - e5z * (x - a5x) < t5
        || e6x * (z - a6z) - e6z * (x - a6x) < t6 || e7x * (z - a7z) - e7z * (x - a7x) < t7;
      if (!outside) keep[i] = 0;
    }
    for (const v of poly) keep[v] = 1;
  }
  let m0 = 0;
  for (let i = 0; i < n; i++) m0 += keep[i];
  const idx = new Uint32Array(m0);
  for (let i = 0, k = 0; i < n; i++) if (keep[i]) idx[k++] = i;
  n = m0;
  sortByXThenZ(idx, xz);
  const hull = new Uint32Array(2 * n + 1);
  let h = 0;
  const turn = (o: number, a: number, b: number): number =>
    (xz[a * 2] - xz[o * 2]) * (xz[b * 2 + 1] - xz[o * 2 + 1]) - (xz[a * 2 + 1] - xz[o * 2 + 1]) * (xz[b * 2] - xz[o * 2]);
  for (let k = 0; k < n; k++) {
    while (h >= 2 && turn(hull[h - 2], hull[h - 1], idx[k]) <= 0) h--;
    hull[h++] = idx[k];
  }
  for (let k = n - 2, lower = h + 1; k >= 0; k--) {
    while (h >= lower && turn(hull[h - 2], hull[h - 1], idx[k]) <= 0) h--;
    hull[h++] = idx[k];
  }
  const m = Math.max(0, h - 1);
  const out = new Float64Array(m * 2);
  for (let k = 0; k < m; k++) {
    out[k * 2] = xz[hull[k] * 2];
    out[k * 2 + 1] = xz[hull[k] * 2 + 1];
  }
  return n === 1 ? Float64Array.from([xz[idx[0] * 2], xz[idx[0] * 2 + 1]]) : out;
}

/**
 * Point indices sorted by x, then z, in place: a quicksort on the typed array itself (median-of-three,
 * insertion sort below 16). A comparator sort copies to a JS array and calls back per comparison: with it
 * the hull of a dense disc of 8000 points took 17% longer. Exact duplicates may come in any order; the hull
 * drops them.
 */
export function sortByXThenZ(idx: Uint32Array, xz: Float64Array): void {
  const less = (a: number, b: number): boolean => {
    const ax = xz[a * 2], bx = xz[b * 2];
    return ax < bx || (ax === bx && xz[a * 2 + 1] < xz[b * 2 + 1]);
  };
  const stack: number[] = [0, idx.length - 1];
  while (stack.length > 0) {
    let hi = stack.pop()!, lo = stack.pop()!;
    while (hi - lo >= 16) {
      const mid = (lo + hi) >> 1;
      if (less(idx[mid], idx[lo])) swap(idx, mid, lo);
      if (less(idx[hi], idx[lo])) swap(idx, hi, lo);
      if (less(idx[hi], idx[mid])) swap(idx, hi, mid);
      const pivot = idx[mid];
      let i = lo, j = hi;
      while (i <= j) {
        while (less(idx[i], pivot)) i++;
        while (less(pivot, idx[j])) j--;
        if (i <= j) { swap(idx, i, j); i++; j--; }
      }
      // the larger side waits on the stack and the smaller is looped on: the stack stays shallow
      if (j - lo < hi - i) { stack.push(i, hi); hi = j; } else { stack.push(lo, j); lo = i; }
    }
    for (let k = lo + 1; k <= hi; k++) {
      const v = idx[k];
      let m = k - 1;
      while (m >= lo && less(v, idx[m])) { idx[m + 1] = idx[m]; m--; }
      idx[m + 1] = v;
    }
  }
}

function swap(a: Uint32Array, i: number, j: number): void {
  const t = a[i]; a[i] = a[j]; a[j] = t;
}

/**
 * Minimum-area rectangle around a convex polygon (rotating calipers: the best rectangle has a side on a
 * hull edge). Returns centre (cx, cz), extents (ex along the local x axis, ez along local z) and `yaw` in
 * the canonical convention (local x = (cos yaw, 0, -sin yaw)), folded into [-pi/4, pi/4] by swapping the
 * extents, so a nearly axis-aligned box reads yaw ~ 0 with ex its X extent.
 */
export function minAreaRectangle(hull: Float64Array): { cx: number; cz: number; ex: number; ez: number; yaw: number } {
  const m = hull.length / 2;
  if (m === 0) return { cx: 0, cz: 0, ex: 0, ez: 0, yaw: 0 };
  let best = { area: Infinity, ux: 1, uz: 0, lo: 0, hi: 0, lo2: 0, hi2: 0 };
  const edges = Math.max(1, m);
  for (let e = 0; e < edges; e++) {
    const a = e, b = (e + 1) % m;
    let ux = hull[b * 2] - hull[a * 2], uz = hull[b * 2 + 1] - hull[a * 2 + 1];
    const len = Math.hypot(ux, uz);
    if (len < 1e-12) {
      if (m > 1) continue;
      ux = 1; uz = 0;
    } else {
      ux /= len; uz /= len;
    }
    let lo = Infinity, hi = -Infinity, lo2 = Infinity, hi2 = -Infinity;
    for (let k = 0; k < m; k++) {
      const x = hull[k * 2], z = hull[k * 2 + 1];
      const p = x * ux + z * uz, q = -x * uz + z * ux;
      if (p < lo) lo = p; if (p > hi) hi = p;
      if (q < lo2) lo2 = q; if (q > hi2) hi2 = q;
    }
    const area = (hi - lo) * (hi2 - lo2);
    if (area < best.area - 1e-12) best = { area, ux, uz, lo, hi, lo2, hi2 };
  }
  const { ux, uz, lo, hi, lo2, hi2 } = best;
  const pm = (lo + hi) / 2, qm = (lo2 + hi2) / 2;
  // axis u = (ux, uz), axis v = (-uz, ux) in (x, z)
  const cx = pm * ux - qm * uz, cz = pm * uz + qm * ux;
  let ex = hi - lo, ez = hi2 - lo2;
  // local x = (cos yaw, -sin yaw) in (x, z)
  let yaw = Math.atan2(-uz, ux);
  // fold to [-pi/4, pi/4]: rotating by 90 deg swaps the extents
  while (yaw > Math.PI / 4) { yaw -= Math.PI / 2; [ex, ez] = [ez, ex]; }
  while (yaw < -Math.PI / 4) { yaw += Math.PI / 2; [ex, ez] = [ez, ex]; }
  return { cx, cz, ex, ez, yaw };
}

/**
 * Yaw-oriented box (canonical frame, rotation about +Y only): the minimum-area rectangle of the points'
 * XZ footprint times their Y range.
 */
export function orientedBoundingBox(points: Float32Array, count: number, indices?: ArrayLike<number>): OBB {
  const n = indices ? indices.length : count;
  if (n === 0) return { center: [0, 0, 0], size: [0, 0, 0], yaw: 0 };
  const xz = new Float64Array(n * 2);
  let ymin = Infinity, ymax = -Infinity;
  for (let k = 0; k < n; k++) {
    const o = (indices ? indices[k] : k) * 3;
    xz[k * 2] = points[o];
    xz[k * 2 + 1] = points[o + 2];
    const y = points[o + 1];
    if (y < ymin) ymin = y;
    if (y > ymax) ymax = y;
  }
  const r = minAreaRectangle(convexHull2D(xz, n));
  return { center: [r.cx, (ymin + ymax) / 2, r.cz], size: [r.ex, ymax - ymin, r.ez], yaw: r.yaw };
}
