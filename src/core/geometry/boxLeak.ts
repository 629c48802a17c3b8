import type { Box2D } from '../scene/types';
import { isFlyingPixel } from './lift';
import { rowPhase, stripWidth } from './rowPhase';
import type { DepthMap } from './raster';
import { cellKey, type VoxelGrid } from './voxelGrid';
import { onOrBehindWall, type Wall } from './walls';

export interface LeakRing {
  depth: DepthMap;
  /** Intrinsics at the depth map's size. */
  fx: number;
  fy: number;
  cx: number;
  cy: number;
  /** Camera -> canonical (row-major) and translation. */
  rotation: readonly number[];
  translation: readonly number[];
  /** Points below this height are floor and ignored (-Infinity: none). */
  bandY: number;
  /** Points on or behind these walls are ignored, as they were in the box (default: none). */
  walls?: readonly Wall[];
  flyingPixelThreshold: number;
}

/**
 * For each cluster of `slotLabel` (ids 0..bounds.length-1) and each side of the 2D box (depth-map pixels;
 * left, right, top, bottom at [4l .. 4l+3]), the share of the ring samples beyond that side that fall in
 * or next to one of the cluster's voxels: how much the cluster continues outside the box there. The ring
 * is a tenth of the box side wide (at least 4 px; wider where sparse depth leaves it empty, ringMargins),
 * sampled every `step` px and lifted like the box; a
 * side's share counts only the samples along the cluster's own pixel `bounds` (rows for left/right,
 * columns for top/bottom), so a wall behind the upper half of a box is judged where it is. A tight 2D box
 * ends where its object ends, so the object's cluster leaks on at most one side (where it touches
 * something), while a surface that only passes through the box (the bed around a night stand, a wall, a
 * table top) leaks on several. Sides outside the image, or with fewer than 5 samples, read 0.
 */
export function clusterLeakShares(
  ring: LeakRing,
  box: Box2D,
  step: number,
  grid: VoxelGrid,
  slotLabel: Int32Array,
  bounds: readonly Box2D[],
): Float64Array {
  const labels = bounds.length;
  const total = new Int32Array(labels * 4);
  const hits = new Int32Array(labels * 4);
  const seen = new Int32Array(labels).fill(-1);
  const inv = 1 / grid.cell;
  let sample = 0;
  forEachRingPoint(ring, box, step, (side, x, y, px, py, pz) => {
    // a side's share counts the ring samples along the cluster's own rows (left, right) or columns
    // (top, bottom): a wall behind the upper half of a box leaks left even if the floor fills the rest
    for (let l = 0; l < labels; l++) {
      const b = bounds[l];
      if (side < 2 ? y >= b.y0 && y < b.y1 : x >= b.x0 && x < b.x1) total[l * 4 + side]++;
    }
    sample++;
    const ix = Math.floor((px - grid.minX) * inv), iy = Math.floor((py - grid.minY) * inv), iz = Math.floor((pz - grid.minZ) * inv);
    for (let dz = -1; dz <= 1; dz++)
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const s = grid.find(cellKey(grid, ix + dx, iy + dy, iz + dz));
          if (s < 0) continue;
          const l = slotLabel[s];
          if (l < 0 || l >= labels || seen[l] === sample) continue;
          const b = bounds[l];
          if (!(side < 2 ? y >= b.y0 && y < b.y1 : x >= b.x0 && x < b.x1)) continue;
          seen[l] = sample;
          hits[l * 4 + side]++;
        }
  });
  const out = new Float64Array(labels * 4);
  for (let q = 0; q < labels * 4; q++) out[q] = total[q] >= 5 ? hits[q] / total[q] : 0;
  return out;
}

/**
 * Calls `visit` with each ring sample around the box (side 0..3: left, right, top, bottom; its pixel and
 * its canonical point) that has valid depth, is no flying pixel, and is neither floor band nor wall. The
 * ring is ringMargins wide on each side, sampled every `step` px.
 */
function forEachRingPoint(
  ring: LeakRing, box: Box2D, step: number,
  visit: (side: number, x: number, y: number, px: number, py: number, pz: number) => void,
): void {
  const { depth, fx, fy, cx, cy, rotation: R, translation: T, bandY, walls } = ring;
  const W = depth.width, H = depth.height, data = depth.data;
  const thr = ring.flyingPixelThreshold;
  const m = ringMargins(data, W, H, box, step);
  const X0 = Math.max(0, box.x0 - m[0]), X1 = Math.min(W, box.x1 + m[1]), Y0 = Math.max(0, box.y0 - m[2]), Y1 = Math.min(H, box.y1 + m[3]);
  for (let y = Y0 + rowPhase(data, W, X0, Y0, X1, Y1, step); y < Y1; y += step) {
    for (let x = X0; x < X1; x += step) {
      const side = x < box.x0 ? 0 : x >= box.x1 ? 1 : y < box.y0 ? 2 : y >= box.y1 ? 3 : -1;
      if (side < 0) continue;
      const z = data[y * W + x];
      if (!(z > 0 && z < Infinity)) continue;
      if (thr > 0 && thr < 1 && isFlyingPixel(data, W, H, x, y, thr)) continue;
      const qx = ((x - cx) / fx) * z, qy = ((y - cy) / fy) * z;
      const py = R[3] * qx + R[4] * qy + R[5] * z + T[1];
      if (py < bandY) continue;
      const px = R[0] * qx + R[1] * qy + R[2] * z + T[0];
      const pz = R[6] * qx + R[7] * qy + R[8] * z + T[2];
      if (walls && walls.length > 0 && onOrBehindWall(walls, px, py, pz, Math.sqrt(qx * qx + qy * qy + z * z))) continue;
      visit(side, x, y, px, py, pz);
    }
  }
}

/** Fewer valid depth samples than this beyond a side, and its ring widens (a side with fewer reads 0). */
const RING_MIN_SAMPLES = 5;
/** A ring side widens to at most this many times its width: far enough for the next scan line of a LiDAR. */
const RING_MAX_GROWTH = 3;

/**
 * Each side's ring width (left, right, top, bottom, depth-map pixels): a tenth of the box side (at least 4 px),
 * widened up to 3x while the ring samples at `step` would hold fewer than 5 depths (rowPhase.ts stripWidth).
 * A 4 px band under a far car's box can fall between two scan lines, and a nearer car that runs on below it
 * then read as not going on at all (the far car took the near one's points for its own).
 */
function ringMargins(data: Float32Array, W: number, H: number, box: Box2D, step: number): [number, number, number, number] {
  const mx = Math.max(4, Math.round(0.1 * (box.x1 - box.x0))), my = Math.max(4, Math.round(0.1 * (box.y1 - box.y0)));
  const need = RING_MIN_SAMPLES * step * step;
  const w = (side: number, base: number) => stripWidth(data, W, H, box, side, base, RING_MAX_GROWTH * base, need);
  return [w(0, mx), w(1, mx), w(2, my), w(3, my)];
}

/** A side leaks when at least this share of its ring samples falls into the cluster. */
export const LEAK_SHARE = 0.3;

/** On how many sides cluster `l` leaks, from clusterLeakShares. */
export function leakingSides(shares: Float64Array, l: number): number {
  let n = 0;
  for (let k = 0; k < 4; k++) if (shares[l * 4 + k] >= LEAK_SHARE) n++;
  return n;
}

/**
 * The canonical points of the ring samples beyond each side of the box that fall in or next to cluster
 * `label`'s voxels, along its own rows or columns (as clusterLeakShares counts them): the surfaces by which
 * the cluster goes on outside the box. Index 0..3: left, right, top, bottom.
 */
export function leakingSurfacePoints(
  ring: LeakRing,
  box: Box2D,
  step: number,
  grid: VoxelGrid,
  slotLabel: Int32Array,
  label: number,
  bounds: Box2D,
): Float32Array[] {
  const out: number[][] = [[], [], [], []];
  const inv = 1 / grid.cell;
  forEachRingPoint(ring, box, step, (side, x, y, px, py, pz) => {
    if (!(side < 2 ? y >= bounds.y0 && y < bounds.y1 : x >= bounds.x0 && x < bounds.x1)) return;
    const ix = Math.floor((px - grid.minX) * inv), iy = Math.floor((py - grid.minY) * inv), iz = Math.floor((pz - grid.minZ) * inv);
    for (let dz = -1; dz <= 1; dz++)
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const s = grid.find(cellKey(grid, ix + dx, iy + dy, iz + dz));
          if (s >= 0 && slotLabel[s] === label) {
            out[side].push(px, py, pz);
            return;
          }
        }
  });
  return out.map((a) => Float32Array.from(a));
}
