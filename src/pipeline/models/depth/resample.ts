/**
 * Bilinear resampling of a single-channel map whose samples cover the whole target image (no padding).
 * Pixel centres are aligned (align_corners = false), as torch.nn.functional.interpolate does.
 */
export function resampleBilinear(
  src: Float32Array,
  sw: number,
  sh: number,
  dw: number,
  dh: number,
  out: Float32Array = new Float32Array(dw * dh),
): Float32Array {
  const sx = sw / dw;
  const sy = sh / dh;
  for (let y = 0; y < dh; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), sh - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, sh - 1);
    const wy = fy - y0;
    const r0 = y0 * sw;
    const r1 = y1 * sw;
    for (let x = 0; x < dw; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), sw - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, sw - 1);
      const wx = fx - x0;
      const top = src[r0 + x0] * (1 - wx) + src[r0 + x1] * wx;
      const bottom = src[r1 + x0] * (1 - wx) + src[r1 + x1] * wx;
      out[y * dw + x] = top * (1 - wy) + bottom * wy;
    }
  }
  return out;
}
