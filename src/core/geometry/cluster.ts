import { buildVoxelGrid, cellKey, type VoxelGrid } from './voxelGrid';

export interface ClusterResult {
  /** Cluster id per point, 0 = largest; -1 for points in clusters smaller than minPoints. */
  labels: Int32Array;
  /** Point count per cluster id, descending. */
  sizes: number[];
  /** The grid used (cell = voxelSize, possibly enlarged), for callers that classify more points later. */
  grid: VoxelGrid;
  /** Cluster id per grid slot (-1 empty or dropped). */
  slotLabel: Int32Array;
}

/**
 * Connected components of occupied voxels (26-neighbourhood) with voxel edge `voxelSize`: points closer
 * than ~voxelSize always join, points farther than 2*sqrt(3)*voxelSize never do. A linear-time stand-in for
 * DBSCAN (minPts = 1) that stays fast on 10^5 points; deterministic (clusters ordered by size, then by
 * their first point).
 */
export function clusterConnectedVoxels(points: Float32Array, count: number, voxelSize: number, minPoints = 1): ClusterResult {
  const labels = new Int32Array(count).fill(-1);
  const g = buildVoxelGrid(points, count, voxelSize);
  const S = g.slotKey.length;
  const slotLabel = new Int32Array(S).fill(-1);
  if (count === 0) return { labels, sizes: [], grid: g, slotLabel };
  const parent = new Int32Array(S);
  for (let s = 0; s < S; s++) parent[s] = s;
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]];
      a = parent[a];
    }
    return a;
  };
  for (let s = 0; s < S; s++) {
    if (g.slotKey[s] < 0) continue;
    const i = g.order[g.slotStart[s]];
    const cx = g.coords[i * 3], cy = g.coords[i * 3 + 1], cz = g.coords[i * 3 + 2];
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (let dz = -1; dz <= 1; dz++) {
          if (dx < 0 || (dx === 0 && (dy < 0 || (dy === 0 && dz <= 0)))) continue; // each pair once
          const o = g.find(cellKey(g, cx + dx, cy + dy, cz + dz));
          if (o < 0) continue;
          const ra = find(s), rb = find(o);
          if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
      }
    }
  }
  const rootSize = new Int32Array(S);
  const rootFirst = new Int32Array(S).fill(0x7fffffff);
  for (let s = 0; s < S; s++) {
    if (g.slotKey[s] < 0) continue;
    const r = find(s);
    rootSize[r] += g.slotEnd[s] - g.slotStart[s];
    const first = g.order[g.slotStart[s]]; // order is sorted by index within a cell
    if (first < rootFirst[r]) rootFirst[r] = first;
  }
  const roots: number[] = [];
  for (let s = 0; s < S; s++) if (g.slotKey[s] >= 0 && find(s) === s && rootSize[s] >= minPoints) roots.push(s);
  roots.sort((a, b) => rootSize[b] - rootSize[a] || rootFirst[a] - rootFirst[b]);
  const label = new Int32Array(S).fill(-1);
  roots.forEach((r, k) => (label[r] = k));
  for (let s = 0; s < S; s++) {
    if (g.slotKey[s] < 0) continue;
    const l = label[find(s)];
    slotLabel[s] = l;
    if (l < 0) continue;
    for (let q = g.slotStart[s]; q < g.slotEnd[s]; q++) labels[g.order[q]] = l;
  }
  return { labels, sizes: roots.map((r) => rootSize[r]), grid: g, slotLabel };
}

/**
 * Clusters that belong with cluster `seed` although not connected to it: those (of at least 2% of the
 * largest cluster's points) whose nearest point lies within `gap` of the kept set, added until none is
 * left. The gap defaults to the seed's largest extent (at least 2 voxels): a part hidden where it meets
 * the bulk (a pole entering a lamp shade, a trunk entering a crown) leaves a gap about as large as the
 * bulk's radius, while another surface seen through or beside the mask lies farther. `gapScale` scales
 * that extent, `gap` replaces it; `allowed` limits the candidates. Distances use up to 200 points per
 * cluster. Returns the added cluster ids.
 */
export function mergeNearbyClusters(
  points: Float32Array,
  labels: Int32Array,
  sizes: number[],
  seed: number,
  voxelSize: number,
  opts: { gap?: number; gapScale?: number; allowed?: Uint8Array } = {},
): number[] {
  const L = sizes.length;
  const per = 200;
  const picks: number[][] = Array.from({ length: L }, () => []);
  const stride = sizes.map((s) => Math.max(1, Math.floor(s / per)));
  const seen = new Int32Array(L);
  const lo = [Infinity, Infinity, Infinity], hi = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (l < 0) continue;
    if (l === seed)
      for (let a = 0; a < 3; a++) {
        const v = points[i * 3 + a];
        if (v < lo[a]) lo[a] = v;
        if (v > hi[a]) hi[a] = v;
      }
    if (seen[l]++ % stride[l] === 0) picks[l].push(i);
  }
  const g = opts.gap ?? Math.max(2 * voxelSize, (opts.gapScale ?? 1) * Math.max(hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]));
  const g2 = g * g;
  const minSize = Math.max(3, 0.02 * sizes[0]);
  const kept = [...picks[seed]];
  const added: number[] = [];
  const done = new Uint8Array(L);
  done[seed] = 1;
  for (let grew = true; grew; ) {
    grew = false;
    for (let l = 0; l < L; l++) {
      if (done[l] || sizes[l] < minSize || (opts.allowed && !opts.allowed[l])) continue;
      let near = false;
      for (const i of picks[l]) {
        const px = points[i * 3], py = points[i * 3 + 1], pz = points[i * 3 + 2];
        for (const j of kept) {
          const dx = points[j * 3] - px, dy = points[j * 3 + 1] - py, dz = points[j * 3 + 2] - pz;
          if (dx * dx + dy * dy + dz * dz <= g2) { near = true; break; }
        }
        if (near) break;
      }
      if (!near) continue;
      done[l] = 1;
      added.push(l);
      kept.push(...picks[l]);
      grew = true;
    }
  }
  return added;
}
