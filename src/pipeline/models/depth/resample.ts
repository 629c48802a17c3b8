/**
 * Bilinear resampling of a single-channel map whose samples cover the whole target image (no padding).
 * Pixel centres are aligned (align_corners = false), as torch.nn.functional.interpolate does.
 */
import { linearTaps } from '../../../core/geometry/linearTaps';

export function resampleBilinear(
  src: Float32Array,
  sw: number,
  sh: number,
  dw: number,
  dh: number,
  out: Float32Array = new Float32Array(dw * dh),
): Float32Array {
  const cols = linearTaps(dw, sw), rows = linearTaps(dh, sh);
  const { i0: x0, i1: x1, w: wx } = cols;
  for (let y = 0; y < dh; y++) {
    const r0 = rows.i0[y] * sw, r1 = rows.i1[y] * sw, wy = rows.w[y];
    const o = y * dw;
    for (let x = 0; x < dw; x++) {
      const top = src[r0 + x0[x]] * (1 - wx[x]) + src[r0 + x1[x]] * wx[x];
      const bottom = src[r1 + x0[x]] * (1 - wx[x]) + src[r1 + x1[x]] * wx[x];
      out[o + x] = top * (1 - wy) + bottom * wy;
    }
  }
  return out;
}

/** The integer sub-rectangle of a map (a letterboxed prediction without its padding), as its own map. */
export function cropMap(src: Float32Array, sw: number, r: { x0: number; y0: number; width: number; height: number }): { data: Float32Array; width: number; height: number } {
  const x0 = Math.round(r.x0), y0 = Math.round(r.y0);
  const width = Math.max(1, Math.round(r.width)), height = Math.max(1, Math.round(r.height));
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) data.set(src.subarray((y0 + y) * sw + x0, (y0 + y) * sw + x0 + width), y * width);
  return { data, width, height };
}
