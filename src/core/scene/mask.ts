import type { Box2D, MaskRLE } from './types';

/** Binary mask (0/1 per pixel, row-major) -> RLE whose counts alternate starting with a run of 0s. */
export function encodeMask(bits: Uint8Array, width: number, height: number): MaskRLE {
  const n = width * height;
  if (bits.length !== n) throw new Error(`mask has ${bits.length} pixels, expected ${width}x${height}`);
  const counts: number[] = [];
  let cur = 0, run = 0;
  for (let i = 0; i < n; i++) {
    const b = bits[i] ? 1 : 0;
    if (b === cur) {
      run++;
    } else {
      counts.push(run);
      cur = b;
      run = 1;
    }
  }
  counts.push(run);
  return { width, height, counts };
}

/** RLE -> binary mask. Throws when the runs do not cover exactly width x height pixels. */
export function decodeMask(rle: MaskRLE): Uint8Array {
  const n = rle.width * rle.height;
  const out = new Uint8Array(n);
  let pos = 0, val = 0;
  for (const c of rle.counts) {
    if (c < 0 || pos + c > n) throw new Error('mask RLE runs overflow the image');
    if (val) out.fill(1, pos, pos + c);
    pos += c;
    val ^= 1;
  }
  if (pos !== n) throw new Error(`mask RLE covers ${pos} pixels, expected ${n}`);
  return out;
}

/** Pixels set in the mask. */
export function maskArea(rle: MaskRLE): number {
  let a = 0;
  for (let k = 1; k < rle.counts.length; k += 2) a += rle.counts[k];
  return a;
}

/** Tight pixel box of the set pixels (x1, y1 exclusive), or null for an empty mask. */
export function maskBounds(bits: Uint8Array, width: number, height: number): Box2D | null {
  let x0 = width, y0 = height, x1 = -1, y1 = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (!bits[row + x]) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      y1 = y;
    }
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/** Tight box of the set pixels straight from the runs (x1, y1 exclusive), or null for an empty mask. */
export function rleBounds(rle: MaskRLE): Box2D | null {
  const w = rle.width;
  let x0 = w, y0 = Infinity, x1 = -1, y1 = -1, pos = 0;
  for (let k = 0; k < rle.counts.length; k++) {
    const c = rle.counts[k];
    if (k & 1 && c > 0) {
      const ys = Math.floor(pos / w), ye = Math.floor((pos + c - 1) / w);
      const xs = pos % w, xe = (pos + c - 1) % w;
      if (ys < y0) y0 = ys;
      if (ye > y1) y1 = ye;
      if (ye > ys) { x0 = 0; x1 = w - 1; } else { if (xs < x0) x0 = xs; if (xe > x1) x1 = xe; }
    }
    pos += c;
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/**
 * Erode with a (2r+1)^2 square (separable running minimum). Pixels outside the image count as set, so an
 * object cut by the image border keeps its border pixels (truncation is not an edge). `rect` limits the
 * work to a window known to hold every set pixel (output is 0 outside it).
 */
export function erodeMask(bits: Uint8Array, width: number, height: number, radius: number, rect?: Box2D): Uint8Array {
  const r = Math.max(0, Math.floor(radius));
  if (r === 0) return bits.slice();
  const X0 = Math.max(0, rect?.x0 ?? 0), Y0 = Math.max(0, rect?.y0 ?? 0);
  const X1 = Math.min(width, rect?.x1 ?? width), Y1 = Math.min(height, rect?.y1 ?? height);
  const tmp = new Uint8Array(bits.length);
  const out = new Uint8Array(bits.length);
  const next = new Int32Array(Math.max(width, height) + 1);
  const BIG = 1 << 30;
  // a pixel survives a pass when no unset pixel lies within r along the line (inside the image)
  for (let y = Y0; y < Y1; y++) {
    const row = y * width;
    let nz = X1 < width ? X1 : BIG;
    for (let x = X1 - 1; x >= X0; x--) {
      if (!bits[row + x]) nz = x;
      next[x] = nz;
    }
    let last = X0 > 0 ? X0 - 1 : -BIG;
    for (let x = X0; x < X1; x++) {
      if (!bits[row + x]) last = x;
      tmp[row + x] = x - last > r && next[x] - x > r ? 1 : 0;
    }
  }
  for (let x = X0; x < X1; x++) {
    let nz = Y1 < height ? Y1 : BIG;
    for (let y = Y1 - 1; y >= Y0; y--) {
      if (!tmp[y * width + x]) nz = y;
      next[y] = nz;
    }
    let last = Y0 > 0 ? Y0 - 1 : -BIG;
    for (let y = Y0; y < Y1; y++) {
      const i = y * width + x;
      if (!tmp[i]) last = y;
      out[i] = y - last > r && next[y] - y > r ? 1 : 0;
    }
  }
  return out;
}

/** Decode only the window `win` (clipped to the image) of an RLE mask: row-major, win width x height. */
export function decodeMaskWindow(rle: MaskRLE, win: Box2D): { bits: Uint8Array; x0: number; y0: number; width: number; height: number } {
  const w = rle.width;
  const x0 = Math.max(0, win.x0), y0 = Math.max(0, win.y0);
  const x1 = Math.min(w, win.x1), y1 = Math.min(rle.height, win.y1);
  const cw = Math.max(0, x1 - x0), ch = Math.max(0, y1 - y0);
  const bits = new Uint8Array(cw * ch);
  let pos = 0;
  for (let k = 0; k < rle.counts.length; k++) {
    const c = rle.counts[k];
    if (k & 1 && c > 0) {
      // split the run into its rows and copy the part inside the window
      let p = pos;
      const end = pos + c;
      while (p < end) {
        const y = Math.floor(p / w), rowEnd = Math.min(end, (y + 1) * w);
        if (y >= y1) break;
        if (y >= y0) {
          const a = Math.max(p - y * w, x0), b = Math.min(rowEnd - y * w, x1);
          if (b > a) bits.fill(1, (y - y0) * cw + (a - x0), (y - y0) * cw + (b - x0));
        }
        p = rowEnd;
      }
    }
    pos += c;
  }
  return { bits, x0, y0, width: cw, height: ch };
}
