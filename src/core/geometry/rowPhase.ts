/**
 * Sparse depth comes in rows: a LiDAR's scan lines, projected, every few pixels. A sampling grid whose rows
 * fall between them samples nothing (a car 5 m away: its box's rows every 3 px, all between scan lines every
 * 3 px). rowPhase is the row offset, of 0..step-1, whose rows hold the most depth; 0 (the grid unchanged)
 * where the offset-0 rows already find depth at half their samples or more.
 */
export function rowPhase(data: Float32Array, W: number, x0: number, y0: number, x1: number, y1: number, step: number, xStep = step): number {
  if (step <= 1) return 0;
  let best = 0, most = -1;
  for (let ph = 0; ph < step; ph++) {
    let valid = 0, all = 0;
    for (let y = y0 + ph; y < y1; y += step)
      for (let x = x0; x < x1; x += xStep) {
        all++;
        const z = data[y * W + x];
        if (z > 0 && z < Infinity) valid++;
      }
    // dense depth: the grid as it is (and no further probing)
    if (ph === 0 && valid >= 0.5 * all) return 0;
    if (valid > most) { most = valid; best = ph; }
  }
  return best;
}

/**
 * How many lines of pixels beyond one side of `box` (0 left, 1 right, 2 top, 3 bottom; depth-map pixels, x1
 * and y1 exclusive) a strip must take to hold `need` valid depths: `base`, widened a line at a time up to
 * `max` while it holds fewer (and stopped by the image border). Dense depth has them in the first lines and
 * keeps `base`; a LiDAR's scan lines, 4-7 rows apart on KITTI, can all pass outside a strip 3 or 4 rows tall.
 */
export function stripWidth(data: Float32Array, W: number, H: number, box: { x0: number; y0: number; x1: number; y1: number }, side: number, base: number, max: number, need: number): number {
  const bx0 = Math.max(0, box.x0), bx1 = Math.min(W, box.x1), by0 = Math.max(0, box.y0), by1 = Math.min(H, box.y1);
  let n = 0, m = 0;
  for (; m < max; m++) {
    if (m >= base && n >= need) break;
    // every pixel of the line (a grid every few pixels can miss every scan line), until there are enough
    if (n >= need) continue;
    if (side < 2) {
      const x = side === 0 ? box.x0 - 1 - m : box.x1 + m;
      if (x < 0 || x >= W) break;
      for (let y = by0; y < by1 && n < need; y++) { const z = data[y * W + x]; if (z > 0 && z < Infinity) n++; }
    } else {
      const y = side === 2 ? box.y0 - 1 - m : box.y1 + m;
      if (y < 0 || y >= H) break;
      for (let x = bx0; x < bx1 && n < need; x++) { const z = data[y * W + x]; if (z > 0 && z < Infinity) n++; }
    }
  }
  return Math.max(base, m);
}
