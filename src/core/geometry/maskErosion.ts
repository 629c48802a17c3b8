import { erodeMask } from '../scene/mask';

/**
 * Erode a mask by `radius` (square) to drop edge pixels whose depth mixes object and background, but keep
 * the parts that erosion would wipe out entirely (a lamp's pole, a chair leg, a tree trunk a few pixels
 * wide): a set pixel survives when erosion keeps it, or when no eroded pixel lies within radius + 1 of it
 * (it belongs to a structure thinner than 2 * radius + 1, which has no interior to fall back on).
 * Edges of thick parts are always near their eroded interior, so they are still dropped.
 */
export function erodeMaskKeepingThin(bits: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const r = Math.max(0, Math.floor(radius));
  if (r === 0) return bits.slice();
  const er = erodeMask(bits, width, height, r);
  // only the pixels erosion removed (the rim, a thin part) need the look-around: a window of radius r + 1
  const out = er.slice();
  const R = r + 1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const i = row + x;
      if (!bits[i] || er[i]) continue;
      let near = false;
      for (let yy = Math.max(0, y - R); yy <= Math.min(height - 1, y + R) && !near; yy++) {
        const rr = yy * width;
        for (let xx = Math.max(0, x - R); xx <= Math.min(width - 1, x + R); xx++) if (er[rr + xx]) { near = true; break; }
      }
      if (!near) out[i] = 1;
    }
  }
  return out;
}
