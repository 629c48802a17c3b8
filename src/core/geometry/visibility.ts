/**
 * Which extents of an object's box are observed and which are hidden, and why, from the depth map around
 * its 2D box and the camera's view of its 3D box:
 * - border-cut: the 2D box touches the image border on that side;
 * - occluded: a nearer surface adjoins the object on that side (a depth step towards the camera), either
 *   just outside the 2D box or, in the box, between the object's own points and the box edge;
 * - self-hidden: the far side, always (every viewing ray stops at the near side first).
 * Sides are as seen from the camera: left/right ends across the view, top, bottom, near and far side.
 */
import type { Box2D, FaceState, ObjectVisibility } from '../scene/types';
import { median } from './objectEnv';
import type { DepthMap } from './raster';
import { rowPhase, stripWidth } from './rowPhase';

/** A side is occluded when at least this share of the valid depth beside it is nearer than the object. */
const NEARER_SHARE = 0.5;
/** "Nearer": in front of the object's median depth by 10% of it (at least 5 cm: depth noise is not a step). */
const NEARER_REL = 0.1, NEARER_MIN_M = 0.05;

export interface VisibilityInput {
  depth: DepthMap;
  /** the 2D box in depth-map pixels (x1, y1 exclusive) */
  box: Box2D;
  /** the object's kept depth-map pixels (first `count`) */
  pixels: Uint32Array;
  count: number;
  /** the image border in depth-map pixels: a box side within a pixel of it is cut */
  width: number;
  height: number;
  /** the kept pixels' bounds (x1, y1 inclusive), when the caller has them: saves a pass over the pixels */
  pixelBounds?: Box2D;
  /** the object's depth when it has no kept pixels (a fallback box at the depth of its few points) */
  depthHint?: number;
  /** true where a pixel's point lies on the support plane (floor in front of an object is not an occluder) */
  onSupport?: (x: number, y: number, z: number) => boolean;
}

export function objectVisibility(v: VisibilityInput): ObjectVisibility {
  const { depth, box, pixels, count } = v;
  const W = depth.width, data = depth.data;
  let xa = Infinity, xb = -Infinity, ya = Infinity, yb = -Infinity;
  const zs: number[] = [];
  const stride = Math.max(1, Math.floor(count / 1000));
  if (v.pixelBounds) {
    ({ x0: xa, y0: ya, x1: xb, y1: yb } = v.pixelBounds);
    for (let k = 0; k < count; k += stride) zs.push(data[pixels[k]]);
  } else {
    for (let k = 0; k < count; k++) {
      const i = pixels[k], x = i % W, y = (i - x) / W;
      if (x < xa) xa = x; if (x > xb) xb = x;
      if (y < ya) ya = y; if (y > yb) yb = y;
      if (k % stride === 0) zs.push(data[i]);
    }
  }
  const zc = count > 0 ? median(zs) : (v.depthHint ?? NaN);
  const limit = zc - Math.max(NEARER_MIN_M, NEARER_REL * zc);
  const bw = box.x1 - box.x0, bh = box.y1 - box.y0;
  const mx = Math.max(3, Math.round(0.05 * bw)), my = Math.max(3, Math.round(0.05 * bh));
  // each strip outside the box widened (up to 3x) where sparse depth leaves it without the samples to judge by:
  // scan lines 5 rows apart can both miss a strip 3 rows tall, and the nearer car above a far one went unseen
  const strip = (side: number, base: number): number => {
    const st = Math.max(1, Math.floor(Math.sqrt((base * (side < 2 ? bh : bw)) / STRIP_SAMPLES)));
    return stripWidth(data, W, depth.height, box, side, base, STRIP_MAX_GROWTH * base, MIN_VALID * st * st);
  };
  const [ml, mr, mt, mb] = [strip(0, mx), strip(1, mx), strip(2, my), strip(3, my)];
  // per side: the strip outside the box, and the gap inside it between the kept pixels and the edge
  const state = (cut: boolean, outside: Box2D, gap: Box2D | null): FaceState => {
    if (cut) return 'border-cut';
    if (!(zc > 0)) return 'observed';
    return nearerShare(depth, outside, gap, limit, v.onSupport) >= NEARER_SHARE ? 'occluded' : 'observed';
  };
  // no kept pixels (a fallback box): only the strips outside the box
  const gapX = count > 0 ? Math.max(3, 0.05 * bw) : Infinity, gapY = count > 0 ? Math.max(3, 0.05 * bh) : Infinity;
  return {
    left: state(box.x0 <= 1, { x0: box.x0 - ml, y0: box.y0, x1: box.x0, y1: box.y1 }, xa - box.x0 >= gapX ? { x0: box.x0, y0: box.y0, x1: xa, y1: box.y1 } : null),
    right: state(box.x1 >= v.width - 1, { x0: box.x1, y0: box.y0, x1: box.x1 + mr, y1: box.y1 }, box.x1 - 1 - xb >= gapX ? { x0: xb + 1, y0: box.y0, x1: box.x1, y1: box.y1 } : null),
    top: state(box.y0 <= 1, { x0: box.x0, y0: box.y0 - mt, x1: box.x1, y1: box.y0 }, ya - box.y0 >= gapY ? { x0: xa, y0: box.y0, x1: xb + 1, y1: ya } : null),
    bottom: state(box.y1 >= v.height - 1, { x0: box.x0, y0: box.y1, x1: box.x1, y1: box.y1 + mb }, box.y1 - 1 - yb >= gapY ? { x0: xa, y0: yb + 1, x1: xb + 1, y1: box.y1 } : null),
    near: 'observed',
    far: 'self-hidden',
  };
}

/** nearerShare reads about this many grid positions per region, and judges none with fewer than MIN_VALID depths. */
const STRIP_SAMPLES = 300, MIN_VALID = 8;
/** A strip outside the box widens to at most this many times its width. */
const STRIP_MAX_GROWTH = 3;

/** Share of the valid depth in `a` (and `b`) nearer than `limit`; a region with under 8 valid samples counts as 0. */
function nearerShare(depth: DepthMap, a: Box2D, b: Box2D | null, limit: number, onSupport?: VisibilityInput['onSupport']): number {
  let valid = 0, nearer = 0;
  for (const r of b ? [a, b] : [a]) {
    const x0 = Math.max(0, Math.floor(r.x0)), y0 = Math.max(0, Math.floor(r.y0));
    const x1 = Math.min(depth.width, Math.ceil(r.x1)), y1 = Math.min(depth.height, Math.ceil(r.y1));
    const st = Math.max(1, Math.floor(Math.sqrt(((x1 - x0) * (y1 - y0)) / STRIP_SAMPLES)));
    for (let y = y0 + rowPhase(depth.data, depth.width, x0, y0, x1, y1, st); y < y1; y += st)
      for (let x = x0; x < x1; x += st) {
        const z = depth.data[y * depth.width + x];
        if (!(z > 0 && z < Infinity) || (onSupport && onSupport(x, y, z))) continue;
        valid++;
        if (z < limit) nearer++;
      }
  }
  return valid < MIN_VALID ? 0 : nearer / valid;
}
