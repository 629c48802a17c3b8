import type { Intrinsics } from '../camera/intrinsics';
import { intrinsicsForSize } from '../camera/transform';
import type { DepthMap, PointCloud, RGBAImage } from './raster';

export interface LiftOptions {
  /** Take every stride-th pixel in x and y (1 = every pixel). */
  stride?: number;
  /** Colours for the points; resampled (nearest) when its size differs from the depth map's. */
  rgb?: RGBAImage;
  /**
   * Relative depth jump that marks a flying pixel (default 0.05). A pixel is dropped when one of its
   * 4-neighbours (full resolution) is nearer by more than threshold x its depth. 0 or Infinity disables.
   */
  flyingPixelThreshold?: number;
}

export const DEFAULT_FLYING_PIXEL_THRESHOLD = 0.05;

/** True for depths that mean "measured": finite and > 0 (0, NaN, +-inf mean no depth). */
export const isValidDepth = (z: number): boolean => z > 0 && z < Infinity;

// intrinsicsForSize lives with the camera math (core/camera/transform.ts); re-exported for the geometry stages.
export { intrinsicsForSize } from '../camera/transform';

/**
 * Flying pixels sit between a foreground edge and the background, so they always have a much nearer
 * neighbour. Dropping only the far side of a jump removes them (and the background's edge pixels) while
 * keeping foreground silhouettes whole, which keeps object extents honest. Sparse depth (LiDAR) has few
 * valid neighbours, so it is left almost untouched.
 */
export function isFlyingPixel(data: Float32Array, width: number, height: number, x: number, y: number, threshold: number): boolean {
  const i = y * width + x;
  const lim = data[i] * (1 - threshold);
  if (x > 0) { const n = data[i - 1]; if (n > 0 && n < lim) return true; }
  if (x < width - 1) { const n = data[i + 1]; if (n > 0 && n < lim) return true; }
  if (y > 0) { const n = data[i - width]; if (n > 0 && n < lim) return true; }
  if (y < height - 1) { const n = data[i + width]; if (n > 0 && n < lim) return true; }
  return false;
}

/**
 * Depth map -> point cloud in the OpenCV camera frame (x right, y down, z forward, metres). `pixel` holds
 * each point's full-resolution pixel index. K is rescaled to the depth map's size (see intrinsicsForSize).
 */
export function liftDepth(depth: DepthMap, K: Intrinsics, opts: LiftOptions = {}): PointCloud {
  const { width: w, height: h, data } = depth;
  const k = intrinsicsForSize(K, w, h);
  const stride = Math.max(1, Math.floor(opts.stride ?? 1));
  const thr = opts.flyingPixelThreshold ?? DEFAULT_FLYING_PIXEL_THRESHOLD;
  const filter = thr > 0 && thr < 1;
  const cap = Math.ceil(w / stride) * Math.ceil(h / stride);
  const positions = new Float32Array(cap * 3);
  const pixel = new Uint32Array(cap);
  const ifx = 1 / k.fx, ify = 1 / k.fy;
  let n = 0;
  for (let y = 0; y < h; y += stride) {
    const ry = (y - k.cy) * ify;
    for (let x = 0; x < w; x += stride) {
      const i = y * w + x;
      const z = data[i];
      if (!(z > 0 && z < Infinity)) continue;
      if (filter && isFlyingPixel(data, w, h, x, y, thr)) continue;
      const o = n * 3;
      positions[o] = (x - k.cx) * ifx * z;
      positions[o + 1] = ry * z;
      positions[o + 2] = z;
      pixel[n++] = i;
    }
  }
  const colors = new Uint8Array(n * 3);
  const rgb = opts.rgb;
  if (rgb) {
    const same = rgb.width === w && rgb.height === h;
    const sx = rgb.width / w, sy = rgb.height / h;
    for (let p = 0; p < n; p++) {
      const i = pixel[p];
      let j = i;
      if (!same) {
        const px = Math.min(rgb.width - 1, Math.floor(((i % w) + 0.5) * sx));
        const py = Math.min(rgb.height - 1, Math.floor((Math.floor(i / w) + 0.5) * sy));
        j = py * rgb.width + px;
      }
      colors[p * 3] = rgb.data[j * 4];
      colors[p * 3 + 1] = rgb.data[j * 4 + 1];
      colors[p * 3 + 2] = rgb.data[j * 4 + 2];
    }
  } else {
    colors.fill(160);
  }
  // copy only when the spare capacity is worth giving back (dense maps fill nearly all of it)
  const tight = n > cap * 0.8;
  return {
    count: n,
    positions: tight ? positions.subarray(0, n * 3) : positions.slice(0, n * 3),
    colors,
    pixel: tight ? pixel.subarray(0, n) : pixel.slice(0, n),
  };
}
