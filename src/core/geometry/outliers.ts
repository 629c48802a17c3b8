import { buildVoxelGrid, cellKey, surfaceSpacing } from './voxelGrid';

/** mean + stdRatio * std of the mean neighbour distances, from their running sum and sum of squares. */
function globalLimit(sum: number, sum2: number, count: number, stdRatio: number): number {
  const mean = sum / count;
  return mean + stdRatio * Math.sqrt(Math.max(0, sum2 / count - mean * mean));
}

export interface OutlierResult {
  /** Indices (0..count-1) of the points kept. */
  inliers: Uint32Array;
  /** Mean distance of each point to its k nearest neighbours (search radius stands in for missing ones). */
  meanDistances: Float32Array;
}

/**
 * Open3D's remove_statistical_outlier: drop points whose mean distance to their k nearest neighbours exceeds
 * mean + stdRatio * std over the set. Neighbours are searched in the 27 grid cells around each point (125 when
 * that finds fewer than k); the cell is sized so that k neighbours of a surface sample normally fall inside it (`cellSize` overrides).
 */
export function removeStatisticalOutliers(
  points: Float32Array,
  count: number,
  k: number,
  stdRatio: number,
  opts: { cellSize?: number } = {},
): OutlierResult {
  const meanDistances = new Float32Array(count);
  if (count <= k) {
    const all = new Uint32Array(count);
    for (let i = 0; i < count; i++) all[i] = i;
    return { inliers: all, meanDistances };
  }
  const cellSize = opts.cellSize ?? surfaceSpacing(points, count) * Math.sqrt(k / Math.PI) * 1.5;
  const g = buildVoxelGrid(points, count, cellSize);
  const best = new Float64Array(k);
  // a neighbour not found within two cells is at least that far: count it as 3 cells
  const far = g.cell * g.cell * 9;
  let sum = 0, sum2 = 0;
  let cand = new Uint32Array(1024);
  let nc = 0;
  const gather = (cx: number, cy: number, cz: number, r: number, inner: number): void => {
    for (let dx = -r; dx <= r; dx++)
      for (let dy = -r; dy <= r; dy++)
        for (let dz = -r; dz <= r; dz++) {
          if (Math.abs(dx) <= inner && Math.abs(dy) <= inner && Math.abs(dz) <= inner) continue;
          const slot = g.find(cellKey(g, cx + dx, cy + dy, cz + dz));
          if (slot < 0) continue;
          const e = g.slotEnd[slot];
          if (nc + (e - g.slotStart[slot]) > cand.length) {
            const bigger = new Uint32Array(Math.max(cand.length * 2, nc + e - g.slotStart[slot]));
            bigger.set(cand.subarray(0, nc));
            cand = bigger;
          }
          for (let q = g.slotStart[slot]; q < e; q++) cand[nc++] = g.order[q];
        }
  };
  // cell by cell: the 27-cell neighbourhood is gathered once and shared by every point of the cell; the
  // outer ring is added only when that neighbourhood holds fewer than k other points (sparse or stray)
  for (let s = 0; s < g.slotKey.length; s++) {
    if (g.slotKey[s] < 0) continue;
    const first = g.order[g.slotStart[s]];
    const cx = g.coords[first * 3], cy = g.coords[first * 3 + 1], cz = g.coords[first * 3 + 2];
    nc = 0;
    gather(cx, cy, cz, 1, -1);
    if (nc <= k) gather(cx, cy, cz, 2, 1);
    for (let q0 = g.slotStart[s]; q0 < g.slotEnd[s]; q0++) {
      const i = g.order[q0];
      best.fill(far);
      const px = points[i * 3], py = points[i * 3 + 1], pz = points[i * 3 + 2];
      let worst = far;
      for (let c = 0; c < nc; c++) {
        const j = cand[c];
        if (j === i) continue;
        const ax = points[j * 3] - px, ay = points[j * 3 + 1] - py, az = points[j * 3 + 2] - pz;
        const d2 = ax * ax + ay * ay + az * az;
        if (d2 >= worst) continue;
        let m = k - 1;
        while (m > 0 && best[m - 1] > d2) {
          best[m] = best[m - 1];
          m--;
        }
        best[m] = d2;
        worst = best[k - 1];
      }
      let md = 0;
      for (let m = 0; m < k; m++) md += Math.sqrt(best[m]);
      md /= k;
      meanDistances[i] = md;
      sum += md;
      sum2 += md * md;
    }
  }
  const limit = globalLimit(sum, sum2, count, stdRatio);
  const keep = new Uint32Array(count);
  let n = 0;
  for (let i = 0; i < count; i++) if (meanDistances[i] <= limit) keep[n++] = i;
  return { inliers: keep.slice(0, n), meanDistances };
}

/**
 * The same statistic for points that come from an image grid (an organized cloud, as PCL calls it): the
 * neighbour candidates of a point are the points within `radius` grid steps of it, so no spatial index is
 * needed. `cellOf[i]` is point i's grid cell (row * cols + col) and `grid[cell]` the point there or -1.
 * Missing neighbours count as far (`farDistance`), which flags points at holes and edges only mildly:
 * use it for dense maps; sparse ones (LiDAR) want removeStatisticalOutliers.
 * The global statistic alone would also drop whole surfaces seen at a grazing angle (a car's side, a
 * table top far away): one image step there spans many centimetres, so all their points look "far". A
 * point over the global limit is therefore kept when its mean distance is within `localRatio` times the
 * mean of its neighbours' own (local density, as LOF compares it; 0 turns it off): a stray point between surfaces has
 * dense neighbours and stays an outlier, a sparse surface is as sparse as its neighbours.
 */
export interface OrganizedCloud {
  points: Float32Array;
  count: number;
  grid: Int32Array;
  cols: number;
  cellOf: Int32Array;
}

export interface OrganizedOutlierOptions {
  k: number;
  stdRatio: number;
  farDistance: number;
  /** grid steps searched around a point (default 2) */
  radius?: number;
  /** local-density ratio that keeps a sparse surface (default 2; 0 turns it off) */
  localRatio?: number;
}

export function removeStatisticalOutliersOrganized(
  cloud: OrganizedCloud,
  opts: OrganizedOutlierOptions,
): OutlierResult {
  const { points, count, grid, cols, cellOf } = cloud;
  const { k, stdRatio, farDistance, radius = 2, localRatio = 2 } = opts;
  const meanDistances = new Float32Array(count);
  const rows = Math.ceil(grid.length / cols);
  const best = new Float64Array(k);
  const bestIdx = new Int32Array(k);
  // the k nearest found (-1 where a neighbour was missing), for the local-density check
  const nbr = new Int32Array(count * k);
  const far2 = farDistance * farDistance;
  let sum = 0, sum2 = 0;
  for (let i = 0; i < count; i++) {
    for (let m = 0; m < k; m++) { best[m] = far2; bestIdx[m] = -1; }
    const cell = cellOf[i], r = Math.floor(cell / cols), c = cell - r * cols;
    const px = points[i * 3], py = points[i * 3 + 1], pz = points[i * 3 + 2];
    let worst = far2;
    const r1 = Math.min(rows - 1, r + radius), c0 = Math.max(0, c - radius), c1 = Math.min(cols - 1, c + radius);
    for (let rr = Math.max(0, r - radius); rr <= r1; rr++) {
      for (let at = rr * cols + c0, end = rr * cols + c1; at <= end; at++) {
        const j = grid[at];
        if (j < 0 || j === i) continue;
        const ax = points[j * 3] - px, ay = points[j * 3 + 1] - py, az = points[j * 3 + 2] - pz;
        const d2 = ax * ax + ay * ay + az * az;
        if (d2 >= worst) continue;
        let m = k - 1;
        while (m > 0 && best[m - 1] > d2) {
          best[m] = best[m - 1];
          bestIdx[m] = bestIdx[m - 1];
          m--;
        }
        best[m] = d2;
        bestIdx[m] = j;
        worst = best[k - 1];
      }
    }
    let md = 0;
    for (let m = 0; m < k; m++) { md += Math.sqrt(best[m]); nbr[i * k + m] = bestIdx[m]; }
    md /= k;
    meanDistances[i] = md;
    sum += md;
    sum2 += md * md;
  }
  const limit = globalLimit(sum, sum2, count, stdRatio);
  const keep = new Uint32Array(count);
  let n = 0;
  for (let i = 0; i < count; i++) {
    const md = meanDistances[i];
    if (md <= limit) { keep[n++] = i; continue; }
    let sumN = 0, cnt = 0;
    for (let m = 0; m < k; m++) {
      const j = nbr[i * k + m];
      if (j < 0) break;
      sumN += meanDistances[j];
      cnt++;
    }
    if (cnt >= 2 && md <= localRatio * (sumN / cnt)) keep[n++] = i;
  }
  return { inliers: keep.slice(0, n), meanDistances };
}
