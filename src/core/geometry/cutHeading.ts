/**
 * An object cut off by the image's left or right edge ends, in its points' footprint, in a straight line: the
 * edge's viewing ray (every pixel of one image column lies in one plane through the camera). The L-shape
 * search (yawFit.ts) scores a heading by how close the points lie to the rectangle's sides, so that cut can
 * win as a "side" and turn the box: a table cut at the right edge came out 32 degrees off, its footprint
 * completed from the prior the wrong way round. A fitted side within CUT_RAY_DEG of the cut's ray is taken for
 * the cut; the heading then comes from the room's largest wall (furniture stands square to the walls, within
 * a few degrees), when that wall is itself clear of the ray (a side that truly runs along the ray is kept).
 * What it cannot do: tell a cut from a real side that runs along the ray in a room with no wall in view, or
 * in one whose walls run along the ray as well; turn an object that stands askew to the walls.
 */
import type { Intrinsics } from '../camera/intrinsics';
import type { CanonicalFrame } from '../scene/types';
import type { Wall } from './walls';

/**
 * On seeds 0-199 of the synthetic benchmark (2D boxes) every object cut at a side edge whose fitted side lay
 * within 8 degrees of the cut's ray was more than 20 degrees off (14 of 175 side-cut objects), and none of the
 * 175 truly had a side within 5 degrees of it; the next fitted side was 12 degrees from its ray.
 */
export const CUT_RAY_DEG = 8;

/** Heading difference folded to a rectangle's quarter turn, radians in [0, pi/4]. */
export function headingGap(a: number, b: number): number {
  let d = (a - b) % (Math.PI / 2);
  if (d < 0) d += Math.PI / 2;
  return Math.min(d, Math.PI / 2 - d);
}

/**
 * Headings (canonical yaw: a direction (x, z) has yaw atan2(-z, x)) of the viewing rays along the image's
 * left and right edges that cut the object, at the depth-map row `row`; `cutLeft` / `cutRight` say which.
 */
export function cutRayHeadings(K: Intrinsics, frame: CanonicalFrame, W: number, row: number, cutLeft: boolean, cutRight: boolean): number[] {
  const R = frame.rotation;
  const cy = (row - K.cy) / K.fy;
  const out: number[] = [];
  for (const [cut, col] of [[cutLeft, 0], [cutRight, W - 1]] as const) {
    if (!cut) continue;
    const cx = (col - K.cx) / K.fx;
    const x = R[0] * cx + R[1] * cy + R[2], z = R[6] * cx + R[7] * cy + R[8];
    if (Math.hypot(x, z) > 1e-6) out.push(Math.atan2(-z, x));
  }
  return out;
}

/** The heading of the wall with the most points (its face's direction; a quarter turn is the same box), or null. */
export function roomHeading(walls: readonly Wall[]): number | null {
  let best: Wall | null = null;
  for (const w of walls) if (!best || w.inliers > best.inliers) best = w;
  return best ? Math.atan2(-best.normal[2], best.normal[0]) : null;
}

/**
 * The heading to use instead of `fitted`, or null to keep it: the room's when a side of the fitted box lies
 * along a cut's ray and the room's heading does not.
 */
export function headingAtCut(fitted: number, rays: readonly number[], room: () => number | null): number | null {
  const lim = (CUT_RAY_DEG * Math.PI) / 180;
  if (!rays.some((r) => headingGap(fitted, r) <= lim)) return null;
  const h = room();
  if (h === null || rays.some((r) => headingGap(h, r) <= lim)) return null;
  return h;
}
