import type { DepthMap, PointCloud } from '../core/geometry/raster';
import type { Intrinsics } from '../core/camera/intrinsics';
import type { CanonicalFrame } from '../core/scene/types';

/**
 * A depth map at the photo's size rebuilt from a canonical-frame cloud (the model pipeline returns the
 * scene and its cloud, not the depth map). Each point is projected with the intrinsics (given for
 * `K.width x K.height`, rescaled to width x height) and splatted over `splat x splat` pixels, nearest wins,
 * so a strided cloud still gives a dense map for measuring and the depth view.
 */
export function depthFromCloud(cloud: PointCloud, frame: CanonicalFrame, K: Intrinsics, width: number, height: number, splat = 2): DepthMap {
  const R = frame.rotation;
  const t = frame.translation;
  const sx = width / K.width, sy = height / K.height;
  const data = new Float32Array(width * height);
  const p = cloud.positions;
  for (let i = 0; i < cloud.count; i++) {
    const qx = p[i * 3] - t[0], qy = p[i * 3 + 1] - t[1], qz = p[i * 3 + 2] - t[2];
    // camera = R^T (canonical - t): R is a rotation, its transpose inverts it
    const x = R[0] * qx + R[3] * qy + R[6] * qz;
    const y = R[1] * qx + R[4] * qy + R[7] * qz;
    const z = R[2] * qx + R[5] * qy + R[8] * qz;
    if (!(z > 0)) continue;
    const u = Math.round(((K.fx * x) / z + K.cx + 0.5) * sx - 0.5);
    const v = Math.round(((K.fy * y) / z + K.cy + 0.5) * sy - 0.5);
    for (let dv = 0; dv < splat; dv++) {
      for (let du = 0; du < splat; du++) {
        const uu = u + du, vv = v + dv;
        if (uu < 0 || vv < 0 || uu >= width || vv >= height) continue;
        const k = vv * width + uu;
        if (data[k] === 0 || z < data[k]) data[k] = z;
      }
    }
  }
  return { width, height, data };
}
