import type { Intrinsics } from '../camera/intrinsics';
import { decodeMaskWindow, maskArea, rleBounds } from '../scene/mask';
import type { AABB, Box2D, CanonicalFrame, MaskRLE, OBB, ObjectFlag, SceneObject } from '../scene/types';
import { orientedBoundingBox } from './boxes';
import { chooseBoxCluster, type BoxChoice } from './boxClusterChoice';
import { LEAK_SHARE, leakingSurfacePoints, type LeakRing } from './boxLeak';
import { clusterConnectedVoxels, mergeNearbyClusters } from './cluster';
import { erodeMaskKeepingThin } from './maskErosion';
import { DEFAULT_FLYING_PIXEL_THRESHOLD, intrinsicsForSize, isFlyingPixel } from './lift';
import { removeStatisticalOutliers, removeStatisticalOutliersOrganized } from './outliers';
import { scratchFloat32, scratchUint32 } from './scratch';
import type { DepthMap } from './raster';
import type { Vec3 } from './vec';
import type { VoxelGrid } from './voxelGrid';
import { segmentPlane, type Plane } from './plane';
import { findWalls, onOrBehindWall, type Wall } from './walls';

/** One detected object: 2D box (and mask) in the working image's pixels. */
export interface ObjectInput {
  id: string;
  caption: string;
  attributes?: string[];
  box2d: Box2D;
  mask?: MaskRLE;
}

export interface Objects3dContext {
  /** Metric depth; the object boxes/masks may be at another resolution (coordinates are scaled). */
  depth: DepthMap;
  /** For the image the boxes are in, or for the depth map: either is rescaled to the depth map. */
  intrinsics: Intrinsics;
  frame: CanonicalFrame;
  /** Image size the boxes and masks refer to (default: the depth map's size). */
  imageSize?: { width: number; height: number };
}

export interface Objects3dOptions {
  /** Mask erosion radius in mask pixels (default 1): drops edge pixels whose depth is a mix. */
  erodeRadius?: number;
  /** Box-only objects: shrink the box by this fraction of its size on each side (default 0.03). */
  boxShrink?: number;
  /** The first pass (outliers, clusters) samples about this many pixels per object (default 1200). */
  maxPoints?: number;
  /** Statistical outlier removal: neighbours per point (default 8). */
  outlierNeighbours?: number;
  /** Statistical outlier removal: mean + ratio * std of the k-NN distance (default 3). */
  outlierStdRatio?: number;
  /** Smallest cluster voxel, metres (default 0.05; grows with depth, sampling step and sparsity). */
  clusterVoxel?: number;
  /** Below this many kept points an object is flagged 'too-few-points' and gets a fallback box (30). */
  minPoints?: number;
  flyingPixelThreshold?: number;
}

export interface Objects3dResult {
  objects: SceneObject[];
  /** Per object, the depth-map pixel indices of the points its box was built from. */
  keptPixels: Uint32Array[];
}

/** A smaller box this share inside a bigger one is an object on or in front of (or behind) the bigger one. */
const NESTED_SHARE = 0.6;
/** A smaller box overlapping a bigger one at least this share, in front of it, is cut out of it where they overlap. */
const OCCLUDER_SHARE = 0.2;
/**
 * Box only: walls are set aside when at least this share of the box's points above the floor is off them (and
 * at least minPoints): a lamp in a loose box is a tenth of it, a painting none (then the object is the wall's).
 */
const OFF_WALL_SHARE = 0.05;
/** Box only: the planes of what a cluster touches outside the box are cut away only if they hold less than this share of it. */
const MAX_CUT_SHARE = 0.5;

const median = (v: number[]): number => {
  if (v.length === 0) return NaN;
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1];
};

function clampBox(b: Box2D, sx: number, sy: number, w: number, h: number, shrink: number) {
  const dx = (b.x1 - b.x0) * shrink, dy = (b.y1 - b.y0) * shrink;
  return {
    x0: Math.max(0, Math.floor((b.x0 + dx) * sx)),
    y0: Math.max(0, Math.floor((b.y0 + dy) * sy)),
    x1: Math.min(w, Math.ceil((b.x1 - dx) * sx)),
    y1: Math.min(h, Math.ceil((b.y1 - dy) * sy)),
  };
}

/**
 * Per-object 3D geometry (pipeline stage 7). Points come from the mask, eroded except where erosion would
 * wipe out a thin part (or, without a mask, from the 2D box shrunk a little, less the boxes of smaller
 * objects lying mostly inside it and the overlap with smaller boxes in front of it), where depth is valid
 * and not a flying pixel, in the canonical frame.
 * A first pass on a regular sample of about maxPoints pixels (the step sized by the pixels that have depth,
 * so sparse LiDAR keeps all of them) does: statistical outlier removal (organized, over the sample grid,
 * for dense maps, keeping masked points as dense as their neighbours; voxel-grid k-NN for sparse ones),
 * connected voxel clusters, and the object's clusters are kept:
 * - with a mask: the largest, plus the clusters within its extent of it (a pole or trunk that enters the
 *   shade or crown out of sight samples as a cluster of its own);
 * - box only: the box also holds floor and background, so points within a band above the support plane
 *   (3 cm or 1% of the depth, whichever is larger) are dropped first and flat residue clusters lying in
 *   that band are ignored; so are points on or behind the scene's walls (findWalls), unless they are
 *   most of the box (a painting, a door). The cluster is chosen by chooseBoxCluster: clusters passing
 *   through the box are set aside, the front-most of those that fit the box best wins, and an object
 *   seen in pieces gets its pieces. When the winner itself goes on outside the box (the object touches
 *   something), the planes it goes on along (a footboard's face behind an ottoman) are cut away inside
 *   the box, unless they hold half of it, and the sample is clustered again. Where smaller boxes were cut out, the contained clusters within half
 *   the winner's extent join it (the object is seen in pieces around them). If the winner reaches down
 *   to the band it is extended to the plane (the band cut its foot); if a nearer surface hides its
 *   bottom, it is extended to the box's bottom edge at its depth.
 * A second pass then takes every pixel of the region (of the mask before erosion) whose point falls in
 * (or next to) a voxel of the kept clusters, so the boxes' extents are limited neither by the sampling
 * step nor by the erosion. The OBB is the minimum-area rectangle of the XZ footprint (rotating calipers)
 * times the Y range.
 * Objects with fewer than minPoints points are kept with flags and a fallback box: the 2D box
 * back-projected at the median valid depth inside it (else the whole map's median, else 2 m), as deep as
 * it is wide or tall (the smaller). Their confidence is near 0.
 */
export function objects3d(inputs: ObjectInput[], ctx: Objects3dContext, opts: Objects3dOptions = {}): Objects3dResult {
  const { depth, frame } = ctx;
  const W = depth.width, H = depth.height, data = depth.data;
  const K = intrinsicsForSize(ctx.intrinsics, W, H);
  const img = ctx.imageSize ?? { width: W, height: H };
  const sx = W / img.width, sy = H / img.height;
  const thr = opts.flyingPixelThreshold ?? DEFAULT_FLYING_PIXEL_THRESHOLD;
  const filterFlying = thr > 0 && thr < 1;
  const maxPoints = opts.maxPoints ?? 1200;
  const minPoints = opts.minPoints ?? 30;
  const [r0, r1, r2, r3, r4, r5, r6, r7, r8] = frame.rotation;
  const [tx, ty, tz] = frame.translation;
  const ifx = 1 / K.fx, ify = 1 / K.fy;
  const hasPlane = frame.method === 'support-plane';
  const objects: SceneObject[] = [];
  const keptPixels: Uint32Array[] = [];
  let mapMedian: number | null = null;
  // found once, when the first box-only object needs them
  let walls: Wall[] | null = null;
  // second-pass points, reused across objects and calls (only the box fit reads them; kept pixels are copied out)
  let scratch: Float32Array = new Float32Array(0);
  let scratchPix: Uint32Array = new Uint32Array(0);

  for (const obj of inputs) {
    const flags: ObjectFlag[] = [];
    const b = obj.box2d;
    if (b.x0 <= 0.5 || b.y0 <= 0.5 || b.x1 >= img.width - 0.5 || b.y1 >= img.height - 0.5) flags.push('truncated');
    const boxOnly = !obj.mask;
    let region = clampBox(b, sx, sy, W, H, boxOnly ? (opts.boxShrink ?? 0.03) : 0);
    // the mask, decoded and eroded only in a window around its set pixels (mask pixels)
    let bits: Uint8Array | null = null;
    let rawBits: Uint8Array | null = null;
    let mw = W, mh = H, wx0 = 0, wy0 = 0, ww = 0, wh = 0;
    if (obj.mask) {
      const m = obj.mask;
      mw = m.width;
      mh = m.height;
      const mb = rleBounds(m);
      const rad = opts.erodeRadius ?? 1;
      if (mb) {
        const win = decodeMaskWindow(m, { x0: mb.x0 - rad - 1, y0: mb.y0 - rad - 1, x1: mb.x1 + rad + 1, y1: mb.y1 + rad + 1 });
        // outside the window counts as set (erodeMask's image-border rule): only true at the image border,
        // elsewhere the window keeps a margin of unset pixels
        bits = erodeMaskKeepingThin(win.bits, win.width, win.height, rad);
        rawBits = win.bits;
        wx0 = win.x0;
        wy0 = win.y0;
        ww = win.width;
        wh = win.height;
        // the mask decides the region (box2d may be looser or tighter than the mask)
        region = clampBox(mb, W / mw, H / mh, W, H, 0);
      } else {
        bits = new Uint8Array(0);
        region = { x0: 0, y0: 0, x1: 0, y1: 0 };
      }
    }
    const sameSize = mw === W && mh === H;
    const mmx = mw / W, mmy = mh / H;
    let mwin = bits;
    // box only: the pixels of a smaller box mostly inside this one are the smaller object's (a mug on a
    // table, an ottoman in front of a bed), whichever of the two is in front
    const excl = boxOnly ? cutOutBoxes(inputs, obj, sx, sy, depth) : [];
    const inMask = (x: number, y: number): boolean => {
      if (!mwin) {
        for (const r of excl) if (x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1) return false;
        return true;
      }
      const mx = sameSize ? x : Math.min(Math.floor((x + 0.5) * mmx), mw - 1);
      const my = sameSize ? y : Math.min(Math.floor((y + 0.5) * mmy), mh - 1);
      const lx = mx - wx0, ly = my - wy0;
      return lx >= 0 && ly >= 0 && lx < ww && ly < wh && mwin[ly * ww + lx] === 1;
    };

    const hasSel = mwin !== null || excl.length > 0;
    // how many candidate pixels, to pick the sampling step of the first pass
    let area = 0;
    if (obj.mask && sameSize) {
      area = maskArea(obj.mask);
    } else if (hasSel) {
      for (let y = region.y0; y < region.y1; y++) for (let x = region.x0; x < region.x1; x++) if (inMask(x, y)) area++;
    } else {
      area = Math.max(0, region.x1 - region.x0) * Math.max(0, region.y1 - region.y0);
    }
    // sparse depth (LiDAR) leaves most pixels empty: size the step by the pixels that have depth
    let probe = 0, probeValid = 0;
    const pstep = Math.max(1, Math.floor(Math.sqrt(((region.x1 - region.x0) * (region.y1 - region.y0)) / 400)));
    for (let y = region.y0; y < region.y1; y += pstep)
      for (let x = region.x0; x < region.x1; x += pstep) {
        if (hasSel && !inMask(x, y)) continue;
        probe++;
        const z = data[y * W + x];
        if (z > 0 && z < Infinity) probeValid++;
      }
    const validFraction = probe > 0 ? probeValid / probe : 0;
    const step = Math.max(1, Math.round(Math.sqrt((area * validFraction) / maxPoints)));
    const cap = Math.ceil((region.x1 - region.x0) / step + 1) * Math.ceil((region.y1 - region.y0) / step + 1);
    const pts = new Float32Array(cap * 3);
    const dist = new Float32Array(cap);
    const spix = new Uint32Array(cap);
    const gcell = new Int32Array(cap);
    let n = 0, sampled = 0;
    const boxDepths: number[] = [];
    // sample-grid neighbours on one surface (small relative depth step) measure the real point spacing,
    // which grazing views stretch far beyond depth * step / f
    const cols = Math.ceil((region.x1 - region.x0) / step);
    const prevRow = new Int32Array(Math.max(0, cols)).fill(-1);
    const pairD: number[] = [];
    for (let y = region.y0, row = 0; y < region.y1; y += step, row++) {
      let left = -1;
      for (let x = region.x0, c = 0; x < region.x1; x += step, c++) {
        const up = prevRow[c];
        prevRow[c] = -1;
        if (!inMask(x, y)) { left = -1; continue; }
        sampled++;
        const i = y * W + x;
        const z = data[i];
        if (!(z > 0 && z < Infinity)) { left = -1; continue; }
        if (boxDepths.length < 4000) boxDepths.push(z);
        if (filterFlying && isFlyingPixel(data, W, H, x, y, thr)) { left = -1; continue; }
        const cx = (x - K.cx) * ifx * z, cy = (y - K.cy) * ify * z;
        const o = n * 3;
        pts[o] = r0 * cx + r1 * cy + r2 * z + tx;
        pts[o + 1] = r3 * cx + r4 * cy + r5 * z + ty;
        pts[o + 2] = r6 * cx + r7 * cy + r8 * z + tz;
        dist[n] = Math.sqrt(cx * cx + cy * cy + z * z);
        spix[n] = i;
        gcell[n] = row * cols + c;
        for (const q of [left, up]) {
          if (q < 0 || pairD.length >= 4000) continue;
          const dz = pts[q * 3 + 2] - pts[o + 2], dxx = pts[q * 3] - pts[o], dyy = pts[q * 3 + 1] - pts[o + 1];
          if (Math.abs(dist[q] - dist[n]) < 0.05 * dist[n]) pairD.push(Math.sqrt(dxx * dxx + dyy * dyy + dz * dz));
        }
        prevRow[c] = n;
        left = n;
        n++;
      }
    }
    const zMed = median(boxDepths);
    // compacts the sample in place, keeping the samples `drop` says no to
    const dropSamples = (drop: (k: number) => boolean): void => {
      let m = 0;
      for (let k = 0; k < n; k++) {
        if (drop(k)) continue;
        pts[m * 3] = pts[k * 3]; pts[m * 3 + 1] = pts[k * 3 + 1]; pts[m * 3 + 2] = pts[k * 3 + 2];
        dist[m] = dist[k];
        spix[m] = spix[k];
        gcell[m] = gcell[k];
        m++;
      }
      n = m;
    };
    // box only: points in a band above the support plane are floor, not object
    const bandY = boxOnly && hasPlane ? Math.max(0.03, 0.01 * zMed) : -Infinity;
    // box only: so are points on (or behind) a wall, unless that is most of what the box holds (a
    // painting, a window, a door: then the object is on the wall)
    let wallsHere: Wall[] = [];
    if (boxOnly && hasPlane) {
      walls ??= findWalls(depth, K, frame, { flyingPixelThreshold: thr });
      if (walls.length > 0) {
        let above = 0, off = 0;
        for (let k = 0; k < n; k++) {
          if (pts[k * 3 + 1] < bandY) continue;
          above++;
          if (!onOrBehindWall(walls, pts[k * 3], pts[k * 3 + 1], pts[k * 3 + 2], dist[k])) off++;
        }
        if (off >= minPoints && off >= OFF_WALL_SHARE * above) wallsHere = walls;
      }
      dropSamples((k) => pts[k * 3 + 1] < bandY || (wallsHere.length > 0 && onOrBehindWall(wallsHere, pts[k * 3], pts[k * 3 + 1], pts[k * 3 + 2], dist[k])));
    }

    // first pass, on the sample: outliers, clusters, which cluster is the object
    let grid: VoxelGrid | null = null;
    let slotLabel: Int32Array | null = null;
    let chosen = -1;
    let keepLabel: Uint8Array | null = null;
    let eligible: Uint8Array | null = null;
    const pieces: number[] = [];
    let firstPassKept = 0;
    // box only: planes of what goes on outside the box, whose points inside it are not the object
    let cutPlanes: CutPlane[] = [];
    if (n >= minPoints) {
      // neighbour spacing grows with depth, the sampling step and the depth map's sparsity
      const density = sampled > 0 ? Math.min(1, boxDepths.length / Math.min(sampled, 4000)) : 1;
      const spacing = (zMed * step * ifx) / Math.sqrt(Math.max(1e-3, density));
      pairD.sort((a, b) => a - b);
      const p90 = pairD.length >= 20 ? pairD[Math.floor(pairD.length * 0.9)] : 0;
      const voxel = Math.max(opts.clusterVoxel ?? 0.05, 2 * spacing, 1.5 * p90);
      const ring: Omit<LeakRing, 'bandY'> = { depth, fx: K.fx, fy: K.fy, cx: K.cx, cy: K.cy, rotation: frame.rotation, translation: frame.translation, walls: wallsHere, flyingPixelThreshold: thr };
      const box2dPx = clampBox(b, sx, sy, W, H, 0);
      // outliers, clusters and (box only) which cluster is the object, on the sample as it stands
      const clusterSample = () => {
        const kNN = Math.min(opts.outlierNeighbours ?? 8, n - 1), ratio = opts.outlierStdRatio ?? 3.0;
        let inl: Uint32Array;
        if (validFraction >= 0.5) {
          // dense map: neighbours come from the sample grid (organized cloud), no spatial index needed
          const rows = Math.ceil((region.y1 - region.y0) / step);
          const sgrid = new Int32Array(cols * rows).fill(-1);
          for (let k = 0; k < n; k++) sgrid[gcell[k]] = k;
          // with a mask, a sparse surface seen at a grazing angle is still the object (keep it when it is as
          // dense as its neighbours); a box also holds clutter, where only the global statistic is safe
          inl = removeStatisticalOutliersOrganized(pts, n, sgrid, cols, gcell, kNN, ratio, 3 * (zMed * step * ifx) * 3, 2, boxOnly ? 0 : 2).inliers;
        } else {
          inl = removeStatisticalOutliers(pts, n, kNN, ratio).inliers;
        }
        const cpts = new Float32Array(inl.length * 3);
        for (let k = 0; k < inl.length; k++) {
          cpts[k * 3] = pts[inl[k] * 3]; cpts[k * 3 + 1] = pts[inl[k] * 3 + 1]; cpts[k * 3 + 2] = pts[inl[k] * 3 + 2];
        }
        const cl = clusterConnectedVoxels(cpts, inl.length, voxel);
        let choice: BoxChoice | null = null;
        if (boxOnly && cl.sizes.length > 0) {
          const cdist = new Float32Array(inl.length), cpix = new Uint32Array(inl.length);
          for (let k = 0; k < inl.length; k++) { cdist[k] = dist[inl[k]]; cpix[k] = spix[inl[k]]; }
          choice = chooseBoxCluster({ cl, points: cpts, count: inl.length, dist: cdist, pixel: cpix, width: W, step }, { box: box2dPx, fx: K.fx, bandY, ring });
        }
        return { cpts, cl, choice };
      };
      let { cpts, cl, choice } = clusterSample();
      if (choice && choice.chosen >= 0 && choice.eligible[choice.chosen] === 0) {
        // The best cluster passes through the box: the object touches what goes on outside it (an ottoman
        // against a bed's footboard). Where that is a plane (the footboard's face), its points inside the
        // box are set aside too, and the sample is clustered again.
        // Not when that is most of the box: then the object lies on that plane (a painting on a wall).
        cutPlanes = leakPlanes({ ...ring, bandY }, box2dPx, step, cl.grid, cl.slotLabel, choice.chosen, choice.bounds[choice.chosen], choice.shares);
        let on = 0;
        for (let k = 0; k < n && cutPlanes.length > 0; k++) if (onPlanes(cutPlanes, pts[k * 3], pts[k * 3 + 1], pts[k * 3 + 2])) on++;
        if (on > MAX_CUT_SHARE * n) cutPlanes = [];
        if (cutPlanes.length > 0) {
          dropSamples((k) => onPlanes(cutPlanes, pts[k * 3], pts[k * 3 + 1], pts[k * 3 + 2]));
          if (n >= minPoints) ({ cpts, cl, choice } = clusterSample());
        }
      }
      chosen = cl.sizes.length > 0 ? 0 : -1;
      if (choice) {
        chosen = choice.chosen;
        eligible = choice.eligible;
        pieces.push(...choice.pieces);
      }
      grid = cl.grid;
      slotLabel = cl.slotLabel;
      const sizes = cl.sizes;
      if (chosen >= 0) {
        keepLabel = new Uint8Array(sizes.length);
        keepLabel[chosen] = 1;
        firstPassKept = sizes[chosen];
        for (const l of pieces) { keepLabel[l] = 1; firstPassKept += sizes[l]; }
        if (sizes.length > 1 && (!boxOnly || (eligible && excl.length > 0))) {
          // trust the mask: a thin part (pole, trunk, arm) often samples as its own cluster, apart from the
          // bulk where it enters it out of sight (a pole into a shade, a trunk into a crown). Box only, where
          // smaller objects' boxes were cut out of this one: what is left of the object comes in pieces
          // around them (a bed between an ottoman in front and a night stand), so the nearby clusters that
          // stay inside the box join too (within half the chosen one's extent)
          const merge = boxOnly ? { allowed: eligible ?? undefined, gapScale: 0.5 } : {};
          for (const l of mergeNearbyClusters(cpts, cl.labels, sizes, chosen, voxel, merge)) {
            if (keepLabel[l] === 1) continue;
            keepLabel[l] = 1;
            firstPassKept += sizes[l];
          }
        }
      }
    }

    // second pass, every pixel of the region: keep those whose voxel (or a neighbouring one) is the chosen
    // cluster's, so extents are not limited by the sampling step
    let count = 0;
    const mn: Vec3 = [Infinity, Infinity, Infinity], mx: Vec3 = [-Infinity, -Infinity, -Infinity];
    let sx3 = 0, sy3 = 0, sz3 = 0;
    if (grid && slotLabel && keepLabel && firstPassKept >= minPoints) {
      // dense occupancy over the chosen cluster's cells, dilated by one cell (26-neighbourhood): one array read
      // per pixel instead of hash look-ups
      const g = grid;
      let lo0 = Infinity, lo1 = Infinity, lo2 = Infinity, hi0 = -Infinity, hi1 = -Infinity, hi2 = -Infinity;
      for (let s2 = 0; s2 < g.slotKey.length; s2++) {
        if (slotLabel[s2] < 0 || keepLabel[slotLabel[s2]] === 0) continue;
        const i0 = g.order[g.slotStart[s2]];
        const ax = g.coords[i0 * 3], ay = g.coords[i0 * 3 + 1], az = g.coords[i0 * 3 + 2];
        if (ax < lo0) lo0 = ax; if (ax > hi0) hi0 = ax;
        if (ay < lo1) lo1 = ay; if (ay > hi1) hi1 = ay;
        if (az < lo2) lo2 = az; if (az > hi2) hi2 = az;
      }
      lo0--; lo1--; lo2--; hi0++; hi1++; hi2++;
      const dx = hi0 - lo0 + 1, dy = hi1 - lo1 + 1, dz = hi2 - lo2 + 1;
      const occ = new Uint8Array(dx * dy * dz);
      for (let s2 = 0; s2 < g.slotKey.length; s2++) {
        if (slotLabel[s2] < 0 || keepLabel[slotLabel[s2]] === 0) continue;
        const i0 = g.order[g.slotStart[s2]];
        const ax = g.coords[i0 * 3] - lo0, ay = g.coords[i0 * 3 + 1] - lo1, az = g.coords[i0 * 3 + 2] - lo2;
        const c = (az * dy + ay) * dx + ax;
        for (let oz = -1; oz <= 1; oz++) for (let oy = -1; oy <= 1; oy++) occ.fill(1, c + oz * dx * dy + oy * dx - 1, c + oz * dx * dy + oy * dx + 2);
      }
      const inv = 1 / g.cell;
      const ox = g.minX + lo0 * g.cell, oy = g.minY + lo1 * g.cell, oz = g.minZ + lo2 * g.cell;
      const need = Math.max(0, (region.x1 - region.x0) * (region.y1 - region.y0));
      if (scratch.length < need * 3) scratch = scratchFloat32('objects3d.points', need * 3);
      if (scratchPix.length < need) scratchPix = scratchUint32('objects3d.pixels', need);
      const lim = 1 - thr;
      // the eroded mask chose the clusters; every mask pixel whose point joins their voxels counts for
      // the extents (erosion alone shaves a pixel off each side: a centimetre or two of a small object)
      if (rawBits) mwin = rawBits;
      for (let y = region.y0; y < region.y1; y++) {
        const ry = (y - K.cy) * ify;
        for (let x = region.x0; x < region.x1; x++) {
          if (hasSel && !inMask(x, y)) continue;
          const i = y * W + x;
          const z = data[i];
          if (!(z > 0 && z < Infinity)) continue;
          if (filterFlying) {
            const zl = z * lim;
            let nb: number;
            if (x > 0 && (nb = data[i - 1]) > 0 && nb < zl) continue;
            if (x < W - 1 && (nb = data[i + 1]) > 0 && nb < zl) continue;
            if (y > 0 && (nb = data[i - W]) > 0 && nb < zl) continue;
            if (y < H - 1 && (nb = data[i + W]) > 0 && nb < zl) continue;
          }
          const cx = (x - K.cx) * ifx * z, cy = ry * z;
          const px = r0 * cx + r1 * cy + r2 * z + tx;
          const py = r3 * cx + r4 * cy + r5 * z + ty;
          const pz = r6 * cx + r7 * cy + r8 * z + tz;
          if (py < bandY) continue;
          const ix = Math.floor((px - ox) * inv), iy = Math.floor((py - oy) * inv), iz = Math.floor((pz - oz) * inv);
          if (ix < 0 || iy < 0 || iz < 0 || ix >= dx || iy >= dy || iz >= dz || occ[(iz * dy + iy) * dx + ix] === 0) continue;
          if (wallsHere.length > 0 && onOrBehindWall(wallsHere, px, py, pz, Math.sqrt(cx * cx + cy * cy + z * z))) continue;
          if (cutPlanes.length > 0 && onPlanes(cutPlanes, px, py, pz)) continue;
          const o = count * 3;
          scratch[o] = px; scratch[o + 1] = py; scratch[o + 2] = pz;
          if (px < mn[0]) mn[0] = px; if (px > mx[0]) mx[0] = px;
          if (py < mn[1]) mn[1] = py; if (py > mx[1]) mx[1] = py;
          if (pz < mn[2]) mn[2] = pz; if (pz > mx[2]) mx[2] = pz;
          sx3 += px; sy3 += py; sz3 += pz;
          scratchPix[count++] = i;
        }
      }
    }

    let aabb: AABB, obb: OBB, centroid: Vec3, confidence: number;
    if (count >= minPoints) {
      aabb = { min: mn, max: mx };
      obb = orientedBoundingBox(scratch, count);
      let foot = Infinity;
      if (boxOnly && hasPlane && aabb.min[1] < 2 * bandY) foot = 0; // the band removal cut the object's foot: it stands on the plane
      else if (boxOnly && hasPlane) foot = occludedFoot(data, W, K, frame, scratchPix, count, clampBox(b, sx, sy, W, H, 0));
      if (foot < aabb.min[1]) {
        aabb.min[1] = foot;
        const top = obb.center[1] + obb.size[1] / 2;
        obb.center[1] = (top + foot) / 2;
        obb.size[1] = top - foot;
      }
      centroid = [sx3 / count, sy3 / count, sz3 / count];
      const support = Math.min(1, firstPassKept / 300) * Math.sqrt(firstPassKept / Math.max(firstPassKept, n));
      confidence = support * (boxOnly ? 0.7 : 1) * (frame.confidence === 'low' ? 0.6 : 1) * (flags.includes('truncated') ? 0.8 : 1);
    } else {
      flags.push('too-few-points');
      let z = median(boxDepths.length ? boxDepths : validDepthsInBox(data, W, H, clampBox(b, sx, sy, W, H, 0)));
      if (!(z > 0)) {
        flags.push('no-valid-depth');
        mapMedian ??= median(validDepthsInBox(data, W, H, { x0: 0, y0: 0, x1: W, y1: H }));
        z = mapMedian > 0 ? mapMedian : 2;
      }
      const u = ((b.x0 + b.x1) / 2) * sx, v = ((b.y0 + b.y1) / 2) * sy;
      const cxm = (u - K.cx) * ifx * z, cym = (v - K.cy) * ify * z;
      centroid = [
        r0 * cxm + r1 * cym + r2 * z + tx,
        r3 * cxm + r4 * cym + r5 * z + ty,
        r6 * cxm + r7 * cym + r8 * z + tz,
      ];
      const wd = (b.x1 - b.x0) * sx * ifx * z, ht = (b.y1 - b.y0) * sy * ify * z, dp = Math.min(wd, ht);
      aabb = {
        min: [centroid[0] - wd / 2, centroid[1] - ht / 2, centroid[2] - dp / 2],
        max: [centroid[0] + wd / 2, centroid[1] + ht / 2, centroid[2] + dp / 2],
      };
      obb = { center: [...centroid] as Vec3, size: [wd, ht, dp], yaw: 0 };
      confidence = count > 0 ? 0.1 : 0;
    }
    const out: SceneObject = {
      id: obj.id,
      caption: obj.caption,
      box2d: { ...b },
      aabb,
      obb,
      centroid,
      size: { width: aabb.max[0] - aabb.min[0], height: aabb.max[1] - aabb.min[1], depth: aabb.max[2] - aabb.min[2] },
      pointCount: count,
      confidence: Math.round(confidence * 1000) / 1000,
      flags,
    };
    if (obj.attributes) out.attributes = [...obj.attributes];
    if (obj.mask) out.mask = obj.mask;
    objects.push(out);
    keptPixels.push(count >= minPoints ? scratchPix.slice(0, count) : new Uint32Array(0));
  }
  return { objects, keptPixels };
}

interface CutPlane extends Plane {
  band: number;
}

const onPlanes = (planes: readonly CutPlane[], px: number, py: number, pz: number): boolean => {
  for (const p of planes) {
    const s = p.normal[0] * px + p.normal[1] * py + p.normal[2] * pz + p.d;
    if (s < p.band && s > -p.band) return true;
  }
  return false;
};

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

/**
 * What to cut out of box-only `obj`'s box (depth-map pixels): the boxes of the other objects that are smaller
 * and lie at least 60% inside it (a mug on a table, a night stand behind a bed: whichever is in front, those
 * pixels are the smaller object's), and where a smaller box overlaps it less (at least 20%), the overlap when
 * the smaller object is in front (an ottoman before a bed, reaching below the bed's box): the median depth
 * of its box outside `obj`'s is nearer than that of `obj`'s box outside it. Nested boxes of nested boxes
 * are not special-cased: each smaller one is cut out on its own.
 */
function cutOutBoxes(inputs: ObjectInput[], obj: ObjectInput, sx: number, sy: number, depth: DepthMap): Box2D[] {
  const a = obj.box2d;
  const areaA = (a.x1 - a.x0) * (a.y1 - a.y0);
  const out: Box2D[] = [];
  const px = (b: Box2D): Box2D => ({ x0: Math.floor(b.x0 * sx), y0: Math.floor(b.y0 * sy), x1: Math.ceil(b.x1 * sx), y1: Math.ceil(b.y1 * sy) });
  for (const o of inputs) {
    if (o === obj) continue;
    const b = o.box2d;
    const areaB = (b.x1 - b.x0) * (b.y1 - b.y0);
    if (!(areaB > 0) || areaB >= areaA) continue;
    const ix = Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
    const iy = Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
    if (ix * iy >= NESTED_SHARE * areaB) {
      out.push(px(b));
    } else if (ix * iy >= OCCLUDER_SHARE * areaB) {
      const pa = px(a), pb = px(b);
      const inter = { x0: Math.max(pa.x0, pb.x0), y0: Math.max(pa.y0, pb.y0), x1: Math.min(pa.x1, pb.x1), y1: Math.min(pa.y1, pb.y1) };
      const front = medianDepthOutside(depth, pb, inter), back = medianDepthOutside(depth, pa, inter);
      if (front < back) out.push(inter);
    }
  }
  return out;
}

/** Median valid depth of a box's pixels outside `hole` (sampled), NaN when there are none. */
function medianDepthOutside(depth: DepthMap, r: Box2D, hole: Box2D): number {
  const W = depth.width, H = depth.height, data = depth.data;
  const x0 = Math.max(0, r.x0), y0 = Math.max(0, r.y0), x1 = Math.min(W, r.x1), y1 = Math.min(H, r.y1);
  const step = Math.max(1, Math.floor(Math.sqrt(((x1 - x0) * (y1 - y0)) / 2000)));
  const zs: number[] = [];
  for (let y = y0; y < y1; y += step)
    for (let x = x0; x < x1; x += step) {
      if (x >= hole.x0 && x < hole.x1 && y >= hole.y0 && y < hole.y1) continue;
      const z = data[y * W + x];
      if (z > 0 && z < Infinity) zs.push(z);
    }
  return median(zs);
}

/**
 * Box only: where the kept pixels stop short of the 2D box's bottom edge because a nearer surface hides
 * the rest (a night stand behind a bed, a bed behind an ottoman), the box says the object goes on down to
 * that edge: the height (>= 0, the support plane) of the box's bottom edge at the object's median depth,
 * under its kept columns. Infinity when the bottom is seen, or what lies below it is not nearer.
 */
function occludedFoot(
  data: Float32Array, W: number, K: Intrinsics, frame: CanonicalFrame,
  pix: Uint32Array, count: number, box: { x0: number; y0: number; x1: number; y1: number },
): number {
  let yb = -1, xa = Infinity, xb = -Infinity;
  const zs: number[] = [];
  const stride = Math.max(1, Math.floor(count / 2000));
  for (let k = 0; k < count; k++) {
    const i = pix[k], x = i % W, y = (i - x) / W;
    if (y > yb) yb = y;
    if (x < xa) xa = x;
    if (x > xb) xb = x;
    if (k % stride === 0) zs.push(data[i]);
  }
  const gapRows = box.y1 - 1 - yb;
  if (gapRows < Math.max(3, 0.05 * (box.y1 - box.y0))) return Infinity;
  const zc = median(zs);
  let valid = 0, nearer = 0;
  const st = Math.max(1, Math.floor(Math.sqrt(((xb - xa + 1) * gapRows) / 400)));
  for (let y = yb + 1; y < box.y1; y += st)
    for (let x = xa; x <= xb; x += st) {
      const z = data[y * W + x];
      if (!(z > 0 && z < Infinity)) continue;
      valid++;
      if (z < 0.9 * zc) nearer++;
    }
  if (valid < 10 || nearer < 0.5 * valid) return Infinity;
  const u = (xa + xb) / 2, v = box.y1 - 0.5;
  const cx = ((u - K.cx) / K.fx) * zc, cy = ((v - K.cy) / K.fy) * zc;
  const R = frame.rotation;
  return Math.max(0, R[3] * cx + R[4] * cy + R[5] * zc + frame.translation[1]);
}

function validDepthsInBox(data: Float32Array, W: number, _H: number, r: { x0: number; y0: number; x1: number; y1: number }): number[] {
  const out: number[] = [];
  const step = Math.max(1, Math.floor(Math.sqrt(((r.x1 - r.x0) * (r.y1 - r.y0)) / 4000)));
  for (let y = r.y0; y < r.y1; y += step) {
    for (let x = r.x0; x < r.x1; x += step) {
      const z = data[y * W + x];
      if (z > 0 && z < Infinity) out.push(z);
    }
  }
  return out;
}
