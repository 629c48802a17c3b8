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
