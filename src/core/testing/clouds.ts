import type { PointCloud } from '../geometry/raster';
import { mulberry32 } from '../geometry/prng';

const cloudOf = (positions: Float32Array): PointCloud => {
  const count = positions.length / 3;
  return { count, positions, colors: new Uint8Array(count * 3), pixel: new Uint32Array(count) };
};

/** Points filling a 3 x 2 x 2 m volume 2-4 m in front of the camera (camera frame), as foliage or a heap of things gives: no surface anywhere. */
export function volumeCloud(n = 20000, seed = 5): PointCloud {
  const r = mulberry32(seed);
  const p = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) { p[i * 3] = 3 * r() - 1.5; p[i * 3 + 1] = 2 * r() - 1; p[i * 3 + 2] = 2 + 2 * r(); }
  return cloudOf(p);
}

/** A floor `height` m under a level camera (camera frame, y down), 4 m wide and 1-6 m ahead, with roughly normal noise of `sigma` m. */
export function noisyFloorCloud(height: number, sigma: number, n = 20000, seed = 9): PointCloud {
  const r = mulberry32(seed);
  const p = new Float32Array(n * 3);
  // the sum of six uniforms, scaled to unit variance
  const normal = () => (r() + r() + r() + r() + r() + r() - 3) * Math.SQRT2;
  for (let i = 0; i < n; i++) { p[i * 3] = 4 * r() - 2; p[i * 3 + 1] = height + sigma * normal(); p[i * 3 + 2] = 1 + 5 * r(); }
  return cloudOf(p);
}
