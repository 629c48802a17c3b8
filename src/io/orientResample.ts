/**
 * Stored RGBA pixels -> the displayed orientation (EXIF 1..8) at another size, in one bilinear pass.
 * The photo decoder hands over the decoder's own pixels (already scaled near the working size in the DCT
 * domain) instead of drawing them through a canvas: on the team machine a canvas draw + getImageData of
 * a 1000x750 frame cost ~45 ms, this pass ~18 ms (two-thirds of it first-touching the new 3 MB output).
 * Meant for modest scale changes (the decoder's n/8 scale to the working size); large downscales alias.
 */

import { linearTaps } from '../core/geometry/linearTaps';

/** EXIF orientation from a VideoFrame's rotation (clockwise degrees) and horizontal flip, as Chromium maps them. */
export function orientationFromRotation(rotation: number, flip: boolean): number | null {
  const r = ((rotation % 360) + 360) % 360;
  const table: Record<number, [number, number]> = { 0: [1, 2], 180: [3, 4], 90: [6, 5], 270: [8, 7] };
  const e = table[r];
  return e ? e[flip ? 1 : 0] : null;
}

/** Size after orientation: 5-8 swap width and height. */
export function orientedSize(width: number, height: number, orientation: number): { width: number; height: number } {
  return orientation >= 5 ? { width: height, height: width } : { width, height };
}

/**
 * `src`: stored (unrotated) RGBA, `stride` bytes per row from byte `offset`. Output: `outW` x `outH` RGBA
 * of the displayed (oriented) image. Pixel centres are aligned (align_corners = false), so at scale 1
 * pixels are copied exactly.
 */
export function resampleOriented(
  src: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  orientation: number,
  outW: number,
  outH: number,
  opts: { stride?: number; offset?: number; out?: Uint8ClampedArray } = {},
): Uint8ClampedArray {
  const S = opts.stride ?? width * 4;
  const base0 = opts.offset ?? 0;
  if (S % 4 !== 0 || (src.byteOffset + base0) % 4 !== 0) throw new Error('resampleOriented: rows must be 4-byte aligned');
  const out = opts.out ?? new Uint8ClampedArray(outW * outH * 4);
  // oriented coordinates (i across, j down) -> stored byte offset base + i * di + j * dj
  const W = width, H = height;
  const last = (W - 1) * 4, bottom = (H - 1) * S;
  const map: Record<number, [number, number, number]> = {
    1: [0, 4, S],
    2: [last, -4, S],
    3: [last + bottom, -4, -S],
    4: [bottom, 4, -S],
    5: [0, S, 4],
    6: [bottom, -S, 4],
    7: [last + bottom, -S, -4],
    8: [last, S, -4],
  };
  const [base, di, dj] = map[orientation] ?? map[1];
  const { width: ow, height: oh } = orientedSize(W, H, orientation);
  const src32 = new Uint32Array(src.buffer, src.byteOffset, src.byteLength >> 2);
  const out32 = new Uint32Array(out.buffer, out.byteOffset, outW * outH);
  // taps in 32-bit words, weights in 1/256
  const cols = linearTaps(outW, ow), rows = linearTaps(outH, oh);
  const ca = cols.i0.map((i) => (i * di) >> 2), cb = cols.i1.map((i) => (i * di) >> 2);
  const cw = Int32Array.from(cols.w, (w) => Math.round(w * 256));
  const b0 = (base0 + base) >> 2;
  const M = 0x00ff00ff, R = 0x00800080;
  for (let v = 0; v < outH; v++) {
    const ra = b0 + ((rows.i0[v] * dj) >> 2);
    const rb = b0 + ((rows.i1[v] * dj) >> 2);
    const wy = Math.round(rows.w[v] * 256), iy = 256 - wy;
    let o = v * outW;
    for (let u = 0; u < outW; u++, o++) {
      const wx = cw[u], ix = 256 - wx;
      const p = src32[ra + ca[u]], q = src32[ra + cb[u]], r = src32[rb + ca[u]], s = src32[rb + cb[u]];
      // two channels per operation (bytes 0 and 2, then 1 and 3): each 16-bit lane holds at most
      // 255 * 256 + 128, so lanes never carry into each other; at weight 0 the copy is exact
      const te = (((p & M) * ix + (q & M) * wx + R) >>> 8) & M;
      const be = (((r & M) * ix + (s & M) * wx + R) >>> 8) & M;
      const to = ((((p >>> 8) & M) * ix + ((q >>> 8) & M) * wx + R) >>> 8) & M;
      const bo = ((((r >>> 8) & M) * ix + ((s >>> 8) & M) * wx + R) >>> 8) & M;
      out32[o] = (((te * iy + be * wy + R) >>> 8) & M) | ((((to * iy + bo * wy + R) >>> 8) & M) << 8);
    }
  }
  return out;
}
