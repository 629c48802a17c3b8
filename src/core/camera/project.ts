/**
 * Canonical frame -> pixels: p_cam = Rᵀ (p - t), then the pinhole. Written once; the scene-file reader
 * finds a saved cloud's pixels with it.
 */
import type { Intrinsics } from './intrinsics';
import { scaleIntrinsics } from './transform';

/** The part of a canonical frame the projection needs (row-major 3x3 rotation camera -> canonical, translation). */
export interface FramePose {
  rotation: ArrayLike<number>;
  translation: ArrayLike<number>;
}

/** A canonical point in the camera frame: Rᵀ (p - t). */
export function canonicalToCamera(frame: FramePose, p: readonly [number, number, number]): [number, number, number] {
  const R = frame.rotation, t = frame.translation;
  const qx = p[0] - t[0], qy = p[1] - t[1], qz = p[2] - t[2];
  return [R[0] * qx + R[3] * qy + R[6] * qz, R[1] * qx + R[4] * qy + R[7] * qz, R[2] * qx + R[5] * qy + R[8] * qz];
}

/** A canonical point's depth along the camera's optical axis (the third row of Rᵀ (p - t)). */
export function canonicalDepth(frame: FramePose, x: number, y: number, z: number): number {
  const R = frame.rotation, t = frame.translation;
  return R[2] * (x - t[0]) + R[5] * (y - t[1]) + R[8] * (z - t[2]);
}

/**
 * A projector for `width` x `height` pixels (K rescaled to that grid). It returns the pixel index of the
 * canonical point (x, y, z), or -1 when the point is behind the camera or outside the image.
 */
export function canonicalToPixel(frame: FramePose, K: Intrinsics, width: number, height: number): (x: number, y: number, z: number) => number {
  const R = frame.rotation, t = frame.translation;
  const k = scaleIntrinsics(K, width, height);
  return (px, py, pz) => {
    const qx = px - t[0], qy = py - t[1], qz = pz - t[2];
    const x = R[0] * qx + R[3] * qy + R[6] * qz;
    const y = R[1] * qx + R[4] * qy + R[7] * qz;
    const z = R[2] * qx + R[5] * qy + R[8] * qz;
    if (!(z > 0)) return -1;
    const u = Math.round((k.fx * x) / z + k.cx);
    const v = Math.round((k.fy * y) / z + k.cy);
    return u >= 0 && v >= 0 && u < width && v < height ? v * width + u : -1;
  };
}
