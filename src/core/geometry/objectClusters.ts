/**
 * objects3d phase 4, cluster choice on the first-pass sample: statistical outlier removal (organized, over
 * the sample grid, for dense maps, keeping masked points as dense as their neighbours; voxel-grid k-NN for
 * sparse ones), connected voxel clusters, and which clusters are the object:
 * - with a mask: the largest, plus the clusters within its extent of it (a pole or trunk that enters the
 *   shade or crown out of sight samples as a cluster of its own);
 * - box only: chooseBoxCluster (clusters passing through the box are set aside, the front-most of those
 *   that fit the box best wins, an object seen in pieces gets its pieces). When the winner itself goes on
 *   outside the box (the object touches something), the planes it goes on along (a footboard's face behind
 *   an ottoman) are cut away inside the box, unless they hold half of it, and the sample is clustered again.
 *   Where smaller boxes were cut out, the contained clusters within half the winner's extent join it.
 */
import { selectKth } from '../math/select';
import type { Box2D } from '../scene/types';
import { chooseBoxCluster, type BoxChoice } from './boxClusterChoice';
import { LEAK_SHARE, leakingSurfacePoints, type LeakRing } from './boxLeak';
import { clusterConnectedVoxels, mergeNearbyClusters, type ClusterResult } from './cluster';
import { clampBox, median, type ObjectEnv } from './objectEnv';
import type { ObjectRegion } from './objectRegion';
import { dropSamples, type ObjectSample } from './objectSample';
import type { SurfaceRemoval } from './objectSurfaces';
import { removeStatisticalOutliers, removeStatisticalOutliersOrganized } from './outliers';
import { segmentPlane, type Plane } from './plane';
import type { VoxelGrid } from './voxelGrid';

/** Box only: the planes of what a cluster touches outside the box are cut away only if they hold less than this share of it. */
const MAX_CUT_SHARE = 0.5;

export interface CutPlane extends Plane {
  band: number;
}

/** The clusters kept as the object, on the first pass's voxel grid. */
export interface ClusterSelection {
  grid: VoxelGrid;
  slotLabel: Int32Array;
  /** 1 for each kept cluster label */
  keepLabel: Uint8Array;
  /** sample points in the kept clusters */
  firstPassKept: number;
  /** box only: planes whose points inside the box are not the object */
  cutPlanes: CutPlane[];
}

export const onPlanes = (planes: readonly CutPlane[], px: number, py: number, pz: number): boolean => {
  for (const p of planes) {
    const s = p.normal[0] * px + p.normal[1] * py + p.normal[2] * pz + p.d;
    if (s < p.band && s > -p.band) return true;
  }
  return false;
};

interface Clustered {
  cpts: Float32Array;
  cl: ClusterResult;
  choice: BoxChoice | null;
}

/** See clusterVoxelSize. */
const FAR_PAIRS = 10;

/**
 * The voxel size for clustering: neighbour spacing grows with depth, the sampling step and the map's sparsity.
 * Pairs more than FAR_PAIRS times the box's median distance away are left out: a road running to the
 * horizon behind a far cyclist spaces its samples metres apart, and no object there is clustered.
 */
export function clusterVoxelSize(env: ObjectEnv, s: ObjectSample): number {
  // the valid samples over all the grid's positions (boxDepths' length over at most 4000 positions made a big
  // box on sparse depth, 17,000 positions a twelfth of them with depth, read a third: voxels too small)
  const density = s.sampled > 0 ? Math.min(1, s.validSampled / s.sampled) : 1;
  const spacing = (s.zMed * s.step * env.ifx) / Math.sqrt(Math.max(1e-3, density));
  const all = new Float64Array(s.pairD.length);
  let m = 0;
  for (let k = 0; k < s.pairD.length; k++) if (!(s.pairDist[k] > FAR_PAIRS * s.zMed)) all[m++] = s.pairD[k];
  const pd = all.subarray(0, m);
  const p90 = pd.length >= 20 ? selectKth(pd, Math.floor(pd.length * 0.9)) : 0;
  return Math.max(env.clusterVoxel, 2 * spacing, 1.5 * p90);
}

/** null when the sample has fewer than minPoints points or no cluster is the object. */
export function chooseObjectClusters(env: ObjectEnv, s: ObjectSample, r: ObjectRegion, surf: SurfaceRemoval, box2d: Box2D): ClusterSelection | null {
  if (s.n < env.minPoints) return null;
  const { K, frame, W, H } = env;
  const voxel = clusterVoxelSize(env, s);
  const ring: Omit<LeakRing, 'bandY'> = { depth: env.depth, fx: K.fx, fy: K.fy, cx: K.cx, cy: K.cy, rotation: frame.rotation, translation: frame.translation, walls: surf.walls, flyingPixelThreshold: env.thr };
  const box2dPx = clampBox(box2d, env.sx, env.sy, W, H, 0);
  const clusterSample = (): Clustered => clusterAndChoose(env, s, r, voxel, { box: box2dPx, fx: K.fx, bandY: surf.bandY, ring, covering: r.covering, smaller: r.smaller, sparse: s.validFraction < 0.5 });
  let { cpts, cl, choice } = clusterSample();
  let cutPlanes: CutPlane[] = [];
  if (choice && choice.chosen >= 0 && choice.eligible[choice.chosen] === 0) {
    // The best cluster passes through the box: the object touches what goes on outside it (an ottoman
    // against a bed's footboard). Where that is a plane (the footboard's face), its points inside the
    // box are set aside too, and the sample is clustered again.
    // Not when that is most of the box: then the object lies on that plane (a painting on a wall).
    cutPlanes = leakPlanes({ ...ring, bandY: surf.bandY }, box2dPx, s.step, cl.grid, cl.slotLabel, choice.chosen, choice.bounds[choice.chosen], choice.shares);
    const pts = s.pts;
    let on = 0;
    for (let k = 0; k < s.n && cutPlanes.length > 0; k++) if (onPlanes(cutPlanes, pts[k * 3], pts[k * 3 + 1], pts[k * 3 + 2])) on++;
    if (on > MAX_CUT_SHARE * s.n) cutPlanes = [];
    if (cutPlanes.length > 0) {
      dropSamples(s, (k) => onPlanes(cutPlanes, pts[k * 3], pts[k * 3 + 1], pts[k * 3 + 2]));
      if (s.n >= env.minPoints) ({ cpts, cl, choice } = clusterSample());
    }
  }
  const chosen = choice ? choice.chosen : cl.sizes.length > 0 ? 0 : -1;
  if (chosen < 0) return null;
  const sizes = cl.sizes;
  const keepLabel = new Uint8Array(sizes.length);
  keepLabel[chosen] = 1;
  let firstPassKept = sizes[chosen];
  for (const l of choice?.pieces ?? []) { keepLabel[l] = 1; firstPassKept += sizes[l]; }
  const eligible = choice?.eligible ?? null;
  if (sizes.length > 1 && (!r.boxOnly || (eligible && r.excl.length > 0))) {
    // trust the mask: a thin part (pole, trunk, arm) often samples as its own cluster, apart from the
    // bulk where it enters it out of sight (a pole into a shade, a trunk into a crown). Box only, where
    // smaller objects' boxes were cut out of this one: what is left of the object comes in pieces
    // around them (a bed between an ottoman in front and a night stand), so the nearby clusters that
    // stay inside the box join too (within half the chosen one's extent)
    const merge = r.boxOnly ? { allowed: eligible ?? undefined, gapScale: 0.5 } : {};
    for (const l of mergeNearbyClusters(cpts, cl.labels, sizes, chosen, voxel, merge)) {
      if (keepLabel[l] === 1) continue;
      keepLabel[l] = 1;
      firstPassKept += sizes[l];
    }
  }
  return { grid: cl.grid, slotLabel: cl.slotLabel, keepLabel, firstPassKept, cutPlanes };
}

/**
 * On sparse maps the outlier ratio is this many times the dense one (3 -> 6). Synthetic streets (LiDAR rows,
 * half the points): every extent within 15% 68.5% -> 69.4% with masks (12 objects gained, 5 lost; an end-on
 * sedan's length 2.96 -> 3.75 m of 3.92) and 66.7% -> 67.7% with 2D boxes (8 gained, none lost); switched
 * off entirely, masks did the same (69.4%). The benchmark has no LiDAR-camera parallax returns, which a
 * looser ratio lets through: the clusters are what part those from the object.
 */
const SPARSE_STD_FACTOR = 2;

/** Outliers, clusters and (box only) which cluster is the object, on the sample as it stands. */
function clusterAndChoose(env: ObjectEnv, s: ObjectSample, r: ObjectRegion, voxel: number, boxCtx: Parameters<typeof chooseBoxCluster>[1]): Clustered {
  const { pts, n, step, cols, gcell } = s;
  const k = Math.min(env.outlierNeighbours, n - 1), stdRatio = env.outlierStdRatio;
  let inl: Uint32Array;
  if (s.validFraction >= 0.5) {
    // dense map: neighbours come from the sample grid (organized cloud), no spatial index needed
    const rows = Math.ceil((r.region.y1 - r.region.y0) / step);
    const sgrid = new Int32Array(cols * rows).fill(-1);
    for (let q = 0; q < n; q++) sgrid[gcell[q]] = q;
    // with a mask, a sparse surface seen at a grazing angle is still the object (keep it when it is as
    // dense as its neighbours); a box also holds clutter, where only the global statistic is safe
    inl = removeStatisticalOutliersOrganized(
      { points: pts, count: n, grid: sgrid, cols, cellOf: gcell },
      { k, stdRatio, farDistance: 3 * (s.zMed * step * env.ifx) * 3, radius: 2, localRatio: r.boxOnly ? 0 : 2 },
    ).inliers;
  } else {
    // sparse map (projected LiDAR): a point's neighbour distance follows the scan pattern (row gaps, range)
    // as much as noise, and at the dense maps' ratio the far, thinly scanned part of a surface (an end-on
    // car's length, a side seen at a grazing angle) was cut: the ratio here is SPARSE_STD_FACTOR times it
    inl = removeStatisticalOutliers(pts, n, k, stdRatio * SPARSE_STD_FACTOR).inliers;
  }
  const cpts = new Float32Array(inl.length * 3);
  for (let q = 0; q < inl.length; q++) {
    cpts[q * 3] = pts[inl[q] * 3]; cpts[q * 3 + 1] = pts[inl[q] * 3 + 1]; cpts[q * 3 + 2] = pts[inl[q] * 3 + 2];
  }
  const cl = clusterConnectedVoxels(cpts, inl.length, voxel);
  let choice: BoxChoice | null = null;
  if (r.boxOnly && cl.sizes.length > 0) {
    const cdist = new Float32Array(inl.length), cpix = new Uint32Array(inl.length);
    for (let q = 0; q < inl.length; q++) { cdist[q] = s.dist[inl[q]]; cpix[q] = s.spix[inl[q]]; }
    choice = chooseBoxCluster({ cl, points: cpts, count: inl.length, dist: cdist, pixel: cpix, width: env.W, step }, boxCtx);
  }
  return { cpts, cl, choice };
}

/**
 * Box only, for a cluster that goes on outside the box: on each side where it does (LEAK_SHARE of the
 * ring), the plane that at least 60% of the ring points joining it lie on (seeded RANSAC, band 2 cm or 1%
 * of their median distance): the face of what it touches (a footboard behind an ottoman). None where the
 * points outside do not form a plane (the object's own rounded side, a tangle).
 */
function leakPlanes(ring: LeakRing, box: Box2D, step: number, grid: VoxelGrid, slotLabel: Int32Array, label: number, bounds: Box2D, shares: Float64Array): CutPlane[] {
  const out: CutPlane[] = [];
  const surfaces = leakingSurfacePoints(ring, box, step, grid, slotLabel, label, bounds);
  const cam = ring.translation;
  for (let side = 0; side < 4; side++) {
    const pts = surfaces[side];
    const count = pts.length / 3;
    if (shares[label * 4 + side] < LEAK_SHARE || count < 10) continue;
    const ds: number[] = [];
    for (let k = 0; k < count; k++) ds.push(Math.hypot(pts[k * 3] - cam[0], pts[k * 3 + 1] - cam[1], pts[k * 3 + 2] - cam[2]));
    const band = Math.max(0.02, 0.01 * median(ds));
    const res = segmentPlane(pts, count, { distanceThreshold: band, iterations: 200, seed: 31 + side });
    if (res && res.inliers.length >= 0.6 * count) out.push({ ...res.plane, band });
  }
  return out;
}
