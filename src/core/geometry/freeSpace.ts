/**
 * Free space: where the depth map says there is nothing. A ray that reaches a surface at depth z passes
 * through empty space before it, so a hidden part of an object cannot lie there: it would have been seen.
 * Amodal completion (amodal.ts) asks this to choose which way a hidden extent goes: a car beside the road
 * whose near end is cut by the image's left border goes on towards the camera (out of the view), not away
 * from it into road the camera sees. This is the space-carving test of multi-view reconstruction, with one view.
 */
import type { Intrinsics } from '../camera/intrinsics';
import { canonicalToPixel } from '../camera/project';
import type { CanonicalFrame } from '../scene/types';
import type { DepthMap } from './raster';
import type { Vec3 } from './vec';

/** A point is in seen-empty space when the surface behind it is at least this much farther (relative, and at least FREE_MIN_M). */
const FREE_REL = 0.05, FREE_MIN_M = 0.1;

/** true when the canonical-frame point lies in space the depth map saw empty; false when out of view, behind a surface or unknown. */
export type FreeSpaceTest = (p: Vec3) => boolean;

export function freeSpaceTest(depth: DepthMap, K: Intrinsics, frame: Pick<CanonicalFrame, 'rotation' | 'translation'>): FreeSpaceTest {
  const R = frame.rotation, t = frame.translation;
  const W = depth.width, H = depth.height, data = depth.data;
  const pixelOf = canonicalToPixel(frame, K, W, H);
  return (p) => {
    const i = pixelOf(p[0], p[1], p[2]);
    if (i < 0) return false;
    // the point's depth along the camera's axis (the third row of R^T (p - t))
    const z = R[2] * (p[0] - t[0]) + R[5] * (p[1] - t[1]) + R[8] * (p[2] - t[2]);
    // the nearest surface the ray meets: the nearest valid depth in a 3x3 neighbourhood (projected LiDAR is sparse)
    const u = i % W, v = (i - u) / W;
    let zs = Infinity;
    for (let j = Math.max(0, v - 1); j <= Math.min(H - 1, v + 1); j++)
      for (let k = Math.max(0, u - 1); k <= Math.min(W - 1, u + 1); k++) {
        const d = data[j * W + k];
        if (d > 0 && d < zs) zs = d;
      }
    return zs < Infinity && zs > z + Math.max(FREE_MIN_M, FREE_REL * z);
  };
}
