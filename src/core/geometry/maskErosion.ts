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
  // dilation of `er` = complement of the erosion of its complement (outside the image counts as "not er")
  const inv = new Uint8Array(er.length);
  for (let i = 0; i < er.length; i++) inv[i] = er[i] ? 0 : 1;
  const farFromInterior = erodeMask(inv, width, height, r + 1);
  const out = new Uint8Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = er[i] || (bits[i] && farFromInterior[i]) ? 1 : 0;
  return out;
}
