/**
 * Object masks drawn at the photo's working size straight from their runs: a mask declaring 32768 x 32768
 * pixels costs no more than one at the working size (the runs are walked, the full-size mask is never
 * decoded). Each output pixel shows the mask at its centre's source pixel (nearest neighbour).
 */
import type { MaskRLE } from '../core/scene/types';

export interface MaskLayer {
  mask: MaskRLE;
  rgb: [number, number, number];
}

/**
 * RGBA of `width` x `height` (alpha 80 where a mask covers the pixel), or null when nothing is covered.
 * Allocation is width * height * 4 bytes plus one row/column table, whatever the masks declare.
 */
export function rasterizeMasks(layers: readonly MaskLayer[], width: number, height: number): Uint8ClampedArray | null {
  const data = new Uint8ClampedArray(width * height * 4);
  let any = false;
  for (const { mask, rgb } of layers) {
    const W = mask.width, H = mask.height;
    if (!(W >= 1 && H >= 1)) continue;
    const sx = W / width, sy = H / height;
    // output column u samples source column floor((u + 0.5) * sx): the first u at or past source column c
    const firstU = (c: number) => Math.max(0, Math.min(width, Math.ceil(c / sx - 0.5)));
    const firstV = (r: number) => Math.max(0, Math.min(height, Math.ceil(r / sy - 0.5)));
    const srcRow = (v: number) => Math.floor((v + 0.5) * sy);
    const [r, g, b] = rgb;
    let pos = 0, on = false;
    for (const c of mask.counts) {
      if (on && c > 0) {
        const end = Math.min(pos + c, W * H);
        // rows this run touches that some output row samples
        const r0 = Math.floor(pos / W), r1 = Math.floor((end - 1) / W);
        for (let v = firstV(r0); v < height && srcRow(v) <= r1; v++) {
          const row = srcRow(v);
          const c0 = row === r0 ? pos - r0 * W : 0;
          const c1 = row === r1 ? end - r1 * W : W;
          const u1 = firstU(c1);
          for (let u = firstU(c0), o = (v * width + u) * 4; u < u1; u++, o += 4) {
            data[o] = r; data[o + 1] = g; data[o + 2] = b; data[o + 3] = 80;
            any = true;
          }
        }
      }
      pos += c;
      on = !on;
      if (pos >= W * H) break;
    }
  }
  return any ? data : null;
}

/**
 * Only the edge of each mask, opaque: a pixel stays when a 4-neighbour is not covered by the same colour.
 * Outlines keep the object's own colours readable (a tint made a green chair look purple).
 */
export function outlineMasks(data: Uint8ClampedArray, width: number, height: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(data.length);
  const same = (o: number, p: number) => data[p + 3] > 0 && data[p] === data[o] && data[p + 1] === data[o + 1] && data[p + 2] === data[o + 2];
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      const o = (v * width + u) * 4;
      if (data[o + 3] === 0) continue;
      const edge = u === 0 || v === 0 || u === width - 1 || v === height - 1
        || !same(o, o - 4) || !same(o, o + 4) || !same(o, o - width * 4) || !same(o, o + width * 4);
      if (!edge) continue;
      out[o] = data[o]; out[o + 1] = data[o + 1]; out[o + 2] = data[o + 2]; out[o + 3] = 255;
    }
  }
  return out;
}
