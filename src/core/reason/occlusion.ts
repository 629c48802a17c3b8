/**
 * Which extents of an object may be hidden behind a nearer object, read from the 2D boxes alone: a nearer
 * object whose box overlaps this one's and reaches past one of its edges over a good part of that edge
 * may hide the object's end there (a tree's trunk behind a car, a lamp's foot behind a laptop). The visible
 * box then under-measures that extent, so answers resting on it say so and are less sure. It is a flag,
 * not a measurement: the amodal box (objects3d) is what completes hidden extents where it can.
 */
import type { SceneObject } from '../scene/types';
import { distance } from '../geometry/vec';
import type { Viewpoint } from './viewpoint';

/** A nearer object must be this much closer to the camera (centre ranges, metres) to count as in front. */
export const OCCLUDER_MIN_LEAD_M = 0.2;
/** Share of an edge the nearer box must cover past that edge: two fifths, a good part of it, not a corner. */
export const OCCLUDED_EDGE_SHARE = 0.4;
/** Pixels of slack: boxes that touch count as overlapping. */
const SLACK_PX = 3;

export type Extent = 'height' | 'width';

export interface Occlusion {
  by: SceneObject;
  extent: Extent;
}

const overlap = (a0: number, a1: number, b0: number, b1: number): number => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/** The extents of `o` that a nearer object may hide, each with the object in front. */
export function occlusionsOf(o: SceneObject, objects: readonly SceneObject[], view: Viewpoint): Occlusion[] {
  const range = distance(view.eye, o.obb.center);
  const b = o.box2d;
  const w = Math.max(1, b.x1 - b.x0);
  const h = Math.max(1, b.y1 - b.y0);
  const out: Occlusion[] = [];
  for (const q of objects) {
    if (q.id === o.id || distance(view.eye, q.obb.center) > range - OCCLUDER_MIN_LEAD_M) continue;
    const c = q.box2d;
    const ox = overlap(b.x0 - SLACK_PX, b.x1 + SLACK_PX, c.x0, c.x1);
    const oy = overlap(b.y0 - SLACK_PX, b.y1 + SLACK_PX, c.y0, c.y1);
    if (ox <= 0 || oy <= 0) continue;
    const coversBottomOrTop = (c.y1 > b.y1 + SLACK_PX && c.y0 <= b.y1 + SLACK_PX) || (c.y0 < b.y0 - SLACK_PX && c.y1 >= b.y0 - SLACK_PX);
    const coversSide = (c.x0 < b.x0 - SLACK_PX && c.x1 >= b.x0 - SLACK_PX) || (c.x1 > b.x1 + SLACK_PX && c.x0 <= b.x1 + SLACK_PX);
    if (coversBottomOrTop && ox / w >= OCCLUDED_EDGE_SHARE) out.push({ by: q, extent: 'height' });
    if (coversSide && oy / h >= OCCLUDED_EDGE_SHARE) out.push({ by: q, extent: 'width' });
  }
  return out;
}
