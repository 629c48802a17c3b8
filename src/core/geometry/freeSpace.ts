/**
 * Free space: where the depth map says there is nothing. A ray that reaches a surface at depth z passes
 * through empty space before it, so a hidden part of an object cannot lie there: it would have been seen.
 * Amodal completion (amodal.ts) asks this to choose which way a hidden extent goes: a car beside the road
 * whose near end is cut by the image's left border goes on towards the camera (out of the view), not away
 * from it into road the camera sees. This is the space-carving test of multi-view reconstruction, with one view.
 * On sparse depth (projected LiDAR), a ray with no return near it, above and below to the next scan lines,
 * is empty up to the reach the sensor shows elsewhere (its 99th percentile depth): sky, or road beyond it.
 * On dense depth a hole says nothing (a black car's paint, a window).
 */
import { selectKth } from '../math/select';
import type { Intrinsics } from '../camera/intrinsics';
import { canonicalDepth, canonicalToPixel } from '../camera/project';
import type { CanonicalFrame } from '../scene/types';
import type { DepthMap } from './raster';
import type { Vec3 } from './vec';

/** A point is in seen-empty space when the surface behind it is at least this much farther (relative, and at least FREE_MIN_M). */
const FREE_REL = 0.05, FREE_MIN_M = 0.1;

/** true when the canonical-frame point lies in space the depth map saw empty; false when out of view, behind a surface or unknown. */
export type FreeSpaceTest = (p: Vec3) => boolean;

export function freeSpaceTest(depth: DepthMap, K: Intrinsics, frame: Pick<CanonicalFrame, 'rotation' | 'translation'>): FreeSpaceTest {
  const W = depth.width, H = depth.height, data = depth.data;
  const pixelOf = canonicalToPixel(frame, K, W, H);
  let reach: { sparse: boolean; range: number } | null = null;
  return (p) => {
    const i = pixelOf(p[0], p[1], p[2]);
    if (i < 0) return false;
    const z = canonicalDepth(frame, p[0], p[1], p[2]);
    // the nearest surface the ray meets: the nearest valid depth in a 3x3 neighbourhood (projected LiDAR is sparse)
    const u = i % W, v = (i - u) / W;
    let zs = Infinity;
    for (let j = Math.max(0, v - 1); j <= Math.min(H - 1, v + 1); j++)
      for (let k = Math.max(0, u - 1); k <= Math.min(W - 1, u + 1); k++) {
        const d = data[j * W + k];
        if (d > 0 && d < zs) zs = d;
      }
    if (zs < Infinity) return zs > z + Math.max(FREE_MIN_M, FREE_REL * z);
    const { sparse, range } = (reach ??= sensorReach(data));
    if (!sparse || !(z < range)) return false;
    // sparse depth (a LiDAR's scan lines): no return between the scan lines above and below either, where
    // the sensor reached as far elsewhere, is sky or road beyond its reach; a car there would have returned
    for (let j = Math.max(0, v - SCAN_GAP); j <= Math.min(H - 1, v + SCAN_GAP); j++)
      for (let k = Math.max(0, u - 1); k <= Math.min(W - 1, u + 1); k++) if (data[j * W + k] > 0) return false;
    return true;
  };
}

/** Rows searched above and below for a scan line (KITTI's are 3-5 px apart at full resolution). */
const SCAN_GAP = 6;

/** Whether the map is sparse (under half its pixels have depth) and how far it reached (its 99th percentile depth). */
function sensorReach(data: Float32Array): { sparse: boolean; range: number } {
  const stride = Math.max(1, Math.floor(data.length / 20000));
  const zs = new Float64Array(Math.ceil(data.length / stride));
  let n = 0, m = 0;
  for (let i = 0; i < data.length; i += stride, n++) if (data[i] > 0 && data[i] < Infinity) zs[m++] = data[i];
  if (m === 0) return { sparse: false, range: 0 };
  return { sparse: m < 0.5 * n, range: selectKth(zs.subarray(0, m), Math.floor(0.99 * (m - 1))) };
}
