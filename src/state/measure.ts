/**
 * Click-to-measure on the photo: each click is lifted through the depth map and the intrinsics into the
 * canonical frame; two points give a distance (straight line, metres).
 */
import { distance, mulMatVec, add, type Vec3 } from '../core/geometry/vec';
import type { DepthMap } from '../core/geometry/raster';
import { emptyMeasure, notify, sceneStore } from './sceneStore';

/** Depth at a pixel: the median of valid samples in a small window, so a click on an edge still lands. */
export function depthAt(depth: DepthMap, x: number, y: number, radius = 2): number | null {
  const vals: number[] = [];
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const u = Math.round(x) + dx;
      const v = Math.round(y) + dy;
      if (u < 0 || v < 0 || u >= depth.width || v >= depth.height) continue;
      const z = depth.data[v * depth.width + u];
      if (z > 0 && Number.isFinite(z)) vals.push(z);
    }
  }
  if (!vals.length) return null;
  vals.sort((a, b) => a - b);
  return vals[vals.length >> 1];
}

export function addMeasurePoint(x: number, y: number): void {
  const cur = sceneStore.getState().current;
  if (!cur?.depth || !cur.scene) {
    notify('info', 'Measuring needs depth: load a sample or an RGB-D pair.');
    return;
  }
  // x, y are in the photo as drawn (working size); depth and intrinsics may be on other pixel grids
  const to = (p: number, from: number, n: number) => ((p + 0.5) * n) / from - 0.5;
  const z = depthAt(cur.depth, to(x, cur.rgb.width, cur.depth.width), to(y, cur.rgb.height, cur.depth.height));
  if (z === null) {
    notify('info', 'No depth at that point (sky, a hole in the depth map, or too far): pick another point.');
    return;
  }
  const K = cur.intrinsics;
  const kx = to(x, cur.rgb.width, K.width), ky = to(y, cur.rgb.height, K.height);
  const cam: Vec3 = [((kx - K.cx) * z) / K.fx, ((ky - K.cy) * z) / K.fy, z];
  const p = add(mulMatVec(cur.scene.frame.rotation, cam), cur.scene.frame.translation);
  const prev = sceneStore.getState().measure;
  const start = prev.points.length >= 2 ? emptyMeasure() : prev;
  const pixels: [number, number][] = [...start.pixels, [x, y]];
  const points = [...start.points, p];
  sceneStore.setState({ measure: { pixels, points, distance: points.length === 2 ? distance(points[0], points[1]) : null } });
}

export const clearMeasure = (): void => sceneStore.setState({ measure: emptyMeasure() });
