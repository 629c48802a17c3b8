/**
 * Measures of one object's box, all read from the yaw-oriented box (OBB) so that they do not change when
 * the scene is turned about the vertical axis (an axis-aligned box would grow and shrink).
 *
 * - width: the larger horizontal extent of the OBB footprint; depth: the smaller; height: along +Y.
 * - size ("bigger"): box volume.
 * - gap between two objects: the distance between their boxes taken as vertical prisms
 *   (footprint rectangle x height interval), exact for yaw-oriented boxes.
 */
import type { Vec3 } from '../geometry/vec';
import type { OBB, SceneObject } from '../scene/types';

export type P2 = [number, number]; // (x, z)

/** Unit axes of the box in the canonical frame: local x and local z (yaw turns x towards -Z about +Y). */
export function obbAxes(o: OBB): { ax: Vec3; az: Vec3 } {
  const c = Math.cos(o.yaw);
  const s = Math.sin(o.yaw);
  return { ax: [c, 0, -s], az: [s, 0, c] };
}

/** Full extent of the box along a horizontal unit direction. */
export function extentAlong(o: OBB, dir: Vec3): number {
  const { ax, az } = obbAxes(o);
  return o.size[0] * Math.abs(ax[0] * dir[0] + ax[2] * dir[2]) + o.size[2] * Math.abs(az[0] * dir[0] + az[2] * dir[2]);
}

export const widthOf = (o: SceneObject): number => Math.max(o.obb.size[0], o.obb.size[2]);
export const depthOf = (o: SceneObject): number => Math.min(o.obb.size[0], o.obb.size[2]);
export const heightOf = (o: SceneObject): number => o.obb.size[1];
export const volumeOf = (o: SceneObject): number => o.obb.size[0] * o.obb.size[1] * o.obb.size[2];
export const bottomOf = (o: SceneObject): number => o.obb.center[1] - o.obb.size[1] / 2;
export const topOf = (o: SceneObject): number => o.obb.center[1] + o.obb.size[1] / 2;

/** The footprint rectangle's corners (x, z), in order around it. */
export function footprint(o: OBB): P2[] {
  const { ax, az } = obbAxes(o);
  const hx = o.size[0] / 2;
  const hz = o.size[2] / 2;
  const c: P2 = [o.center[0], o.center[2]];
  const corner = (sx: number, sz: number): P2 => [
    c[0] + sx * hx * ax[0] + sz * hz * az[0],
    c[1] + sx * hx * ax[2] + sz * hz * az[2],
  ];
  return [corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1)];
}

/** Signed area of a polygon (x, z); positive when its corners run counter-clockwise. */
export const signedArea = (poly: readonly P2[]): number => {
  let s = 0;
  for (let i = 0; i < poly.length; i++) {
    const [x0, z0] = poly[i];
    const [x1, z1] = poly[(i + 1) % poly.length];
    s += x0 * z1 - x1 * z0;
  }
  return s / 2;
};

const counterClockwise = (poly: P2[]): P2[] => (signedArea(poly) < 0 ? [...poly].reverse() : poly);

/** The part of convex polygon `subject` inside convex polygon `clip` (Sutherland-Hodgman). */
export function clipConvex(subject: readonly P2[], clip: readonly P2[]): P2[] {
  const c = counterClockwise([...clip]);
  let out: P2[] = counterClockwise([...subject]);
  for (let i = 0; i < c.length && out.length > 0; i++) {
    const [ax, az] = c[i];
    const [bx, bz] = c[(i + 1) % c.length];
    const side = ([x, z]: P2) => (bx - ax) * (z - az) - (bz - az) * (x - ax);
    const input = out;
    out = [];
    for (let j = 0; j < input.length; j++) {
      const p = input[j];
      const q = input[(j + 1) % input.length];
      const sp = side(p);
      const sq = side(q);
      if (sp >= 0) out.push(p);
      if ((sp >= 0) !== (sq >= 0)) {
        const t = sp / (sp - sq);
        out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
      }
    }
  }
  return out;
}

/** Share of A's footprint (seen from above, with its yaw) that lies within B's, 0..1. */
export function footprintShare(a: SceneObject, b: SceneObject): number {
  const fa = footprint(a.obb);
  const areaA = Math.abs(signedArea(fa));
  return areaA > 1e-12 ? Math.min(1, Math.abs(signedArea(clipConvex(fa, footprint(b.obb)))) / areaA) : 0;
}

/** The longer footprint axis through the centre, end to end: what "width" measures, for the viewer. */
export function widthSegment(o: OBB): [Vec3, Vec3] {
  const { ax, az } = obbAxes(o);
  const [axis, len] = o.size[0] >= o.size[2] ? [ax, o.size[0]] : [az, o.size[2]];
  const h = len / 2;
  const c = o.center;
  return [
    [c[0] - axis[0] * h, c[1], c[2] - axis[2] * h],
    [c[0] + axis[0] * h, c[1], c[2] + axis[2] * h],
  ];
}

const cross2 = (o: P2, a: P2, b: P2): number => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

function insideConvex(p: P2, poly: P2[]): boolean {
  let sign = 0;
  for (let i = 0; i < poly.length; i++) {
    const c = cross2(poly[i], poly[(i + 1) % poly.length], p);
    if (Math.abs(c) < 1e-15) continue;
    const s = Math.sign(c);
    if (sign === 0) sign = s;
    else if (s !== sign) return false;
  }
  return true;
}

function closestOnSegment(p: P2, a: P2, b: P2): P2 {
  const dx = b[0] - a[0];
  const dz = b[1] - a[1];
  const l2 = dx * dx + dz * dz;
  const t = l2 > 0 ? Math.min(1, Math.max(0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dz) / l2)) : 0;
  return [a[0] + t * dx, a[1] + t * dz];
}

function segmentsCross(a: P2, b: P2, c: P2, d: P2): boolean {
  const d1 = cross2(a, b, c);
  const d2 = cross2(a, b, d);
  const d3 = cross2(c, d, a);
  const d4 = cross2(c, d, b);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

/** Closest points between two convex footprints; equal points (a shared one) when they overlap. */
function footprintClosest(pa: P2[], pb: P2[]): { a: P2; b: P2; dist: number } {
  for (const p of pa) if (insideConvex(p, pb)) return { a: p, b: p, dist: 0 };
  for (const p of pb) if (insideConvex(p, pa)) return { a: p, b: p, dist: 0 };
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++)
      if (segmentsCross(pa[i], pa[(i + 1) % 4], pb[j], pb[(j + 1) % 4])) {
        return { a: pa[i], b: pa[i], dist: 0 };
      }
  let best = { a: pa[0], b: pb[0], dist: Infinity };
  const consider = (a: P2, b: P2) => {
    const d = Math.hypot(a[0] - b[0], a[1] - b[1]);
    if (d < best.dist) best = { a, b, dist: d };
  };
  for (const p of pa) for (let j = 0; j < 4; j++) consider(p, closestOnSegment(p, pb[j], pb[(j + 1) % 4]));
  for (const p of pb) for (let i = 0; i < 4; i++) consider(closestOnSegment(p, pa[i], pa[(i + 1) % 4]), p);
  return best;
}

export interface Gap {
  /** closest-surface distance, 0 when the boxes touch or overlap */
  distance: number;
  /** a closest point on each box */
  onA: Vec3;
  onB: Vec3;
  /** separate horizontal and vertical parts: distance = hypot(horizontal, vertical) */
  horizontal: number;
  vertical: number;
}

/** Closest-surface gap between two yaw-oriented boxes, taken as vertical prisms. */
export function boxGap(a: OBB, b: OBB): Gap {
  const f = footprintClosest(footprint(a), footprint(b));
  const a0 = a.center[1] - a.size[1] / 2;
  const a1 = a.center[1] + a.size[1] / 2;
  const b0 = b.center[1] - b.size[1] / 2;
  const b1 = b.center[1] + b.size[1] / 2;
  let ya: number;
  let yb: number;
  if (a1 < b0) [ya, yb] = [a1, b0];
  else if (b1 < a0) [ya, yb] = [a0, b1];
  else ya = yb = (Math.max(a0, b0) + Math.min(a1, b1)) / 2;
  const vertical = Math.abs(yb - ya);
  return {
    distance: Math.hypot(f.dist, vertical),
    onA: [f.a[0], ya, f.a[1]],
    onB: [f.b[0], yb, f.b[1]],
    horizontal: f.dist,
    vertical,
  };
}
