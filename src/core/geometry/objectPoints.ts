/**
 * objects3d phase 5, the second pass: every pixel of the region (of the mask before erosion) whose point
 * falls in (or next to) a voxel of the kept clusters, so the box's extents are limited neither by the
 * sampling step nor by the erosion. Floor band, walls and cut planes stay out as in the first pass. Then
 * the surfaces are followed on past the voxels along image rows and columns (surfaceGrowth.ts): a face seen
 * at a grazing angle spaces its pixels further apart than a voxel.
 */
import type { Box2D } from '../scene/types';
import { orientedBoundingBox } from './boxes';
import type { Vec3 } from './vec';
import { onPlanes, type ClusterSelection } from './objectClusters';
import type { ObjectEnv } from './objectEnv';
import { pixelSelector, type ObjectRegion } from './objectRegion';
import type { SurfaceRemoval } from './objectSurfaces';
import { scratchFloat32, scratchUint32 } from './scratch';
import { isFlyingPixel } from './lift';
import { depthNoiseSigma } from './noiseEdges';
import { growAlongSurfaces, lineEnds, noteGathered, noteRow, type LineEnds } from './surfaceGrowth';
import { onOrBehindWall } from './walls';

/** The object's points: the first `count` of `points` (xyz) and `pixels` are live (scratch, reused by the next object). */
export interface ObjectPoints {
  points: Float32Array;
  pixels: Uint32Array;
  count: number;
  min: Vec3;
  max: Vec3;
  /** sum of the points (centroid = sum / count) */
  sum: Vec3;
  /** the kept pixels' bounds, depth-map pixels (x1, y1 inclusive); x0 > x1 when none */
  pixelBounds: Box2D;
  /** the depth noise measured on the gathered points (noiseEdges.ts depthNoiseSigma), when it was */
  noiseSigma?: number;
}

/** A chosen cluster of at least this many sampled points is gathered, however few. */
const FEW_KEPT = 5;

export function gatherObjectPoints(env: ObjectEnv, r: ObjectRegion, sel: ClusterSelection | null, surf: SurfaceRemoval): ObjectPoints {
  const mn: Vec3 = [Infinity, Infinity, Infinity], mx: Vec3 = [-Infinity, -Infinity, -Infinity];
  const out: ObjectPoints = { points: new Float32Array(0), pixels: new Uint32Array(0), count: 0, min: mn, max: mx, sum: [0, 0, 0], pixelBounds: { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity } };
  // a cluster under minPoints is still gathered (from FEW_KEPT points): too few for a box, but where it
  // lies places the fallback box (objectBox.ts)
  if (!sel || sel.firstPassKept < Math.min(env.minPoints, FEW_KEPT)) return out;
  const occ = keptOccupancy(sel);
  const { W, H, K, ifx, ify, thr, filterFlying } = env;
  const data = env.depth.data;
  const [r0, r1, r2, r3, r4, r5, r6, r7, r8] = env.frame.rotation;
  const [tx, ty, tz] = env.frame.translation;
  const { region, hasSel } = r;
  const { bandY, walls } = surf;
  const cutPlanes = sel.cutPlanes;
  const need = Math.max(0, (region.x1 - region.x0) * (region.y1 - region.y0));
  const scratch = scratchFloat32('objects3d.points', need * 3);
  const scratchPix = scratchUint32('objects3d.pixels', need);
  const lim = 1 - thr;
  // the eroded mask chose the clusters; every mask pixel whose point joins their voxels counts for
  // the extents (erosion alone shaves a pixel off each side: a centimetre or two of a small object)
  const inMask = pixelSelector(r, env.depth, true);
  const { inv, ox, oy, oz, dx, dy, dz, cells } = occ;
  const ends = lineEnds(region);
  let count = 0, sx3 = 0, sy3 = 0, sz3 = 0, bx0 = Infinity, bx1 = -Infinity, by0 = Infinity, by1 = -Infinity;
  for (let y = region.y0; y < region.y1; y++) {
    const ry = (y - K.cy) * ify;
    const rowStart = count;
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
      if (ix < 0 || iy < 0 || iz < 0 || ix >= dx || iy >= dy || iz >= dz || cells[(iz * dy + iy) * dx + ix] === 0) continue;
      if (walls.length > 0 && onOrBehindWall(walls, px, py, pz, Math.sqrt(cx * cx + cy * cy + z * z))) continue;
      if (cutPlanes.length > 0 && onPlanes(cutPlanes, px, py, pz)) continue;
      const o = count * 3;
      scratch[o] = px; scratch[o + 1] = py; scratch[o + 2] = pz;
      if (px < mn[0]) mn[0] = px; if (px > mx[0]) mx[0] = px;
      if (py < mn[1]) mn[1] = py; if (py > mx[1]) mx[1] = py;
      if (pz < mn[2]) mn[2] = pz; if (pz > mx[2]) mx[2] = pz;
      sx3 += px; sy3 += py; sz3 += pz;
      if (x < bx0) bx0 = x; if (x > bx1) bx1 = x;
      if (y < by0) by0 = y; by1 = y;
      noteGathered(ends, x, y);
      scratchPix[count++] = i;
    }
    if (count > rowStart) noteRow(ends, y, scratchPix[rowStart] - y * W, scratchPix[count - 1] - y * W);
  }
  out.points = scratch;
  out.pixels = scratchPix;
  out.count = count;
  out.sum = [sx3, sy3, sz3];
  out.pixelBounds = { x0: bx0, y0: by0, x1: bx1, y1: by1 };
  // the voxels stop short of a surface seen at a grazing angle: follow it on (surfaceGrowth.ts)
  if (count >= 2) growGathered(env, r, surf, cutPlanes, inMask, ends, out);
  if (r.boxOnly) dropIsolated(out, ends, data, W, H);
  if (r.boxOnly && surf.bandY > -Infinity) dropFloorNoise(out, surf.bandY, env.W);
  return out;
}

/** How far outside the footprint of the points above them low points are the support's (metres; 0.02 and 0.1 tried on the synthetic benchmark, 0.05 was best). */
const LOW_MARGIN = 0.05;

/**
 * Box only: the support's own points that the depth noise lifts above the floor band (a road under a car's
 * 2D box, 3-4 cm up where the band ends at 3 cm) join the object where they touch its voxels, and a handful of
 * them 30-50 cm beside it set the sides of its footprint (street 9: 8 points made an end-on car 1.99 x 5.03 m
 * for 1.64 x 4.47). Points less than the noise's reach above the band that lie outside the footprint (its
 * oriented rectangle, LOW_MARGIN wider) of the points above them are dropped; an object's own low parts (legs,
 * feet, a bottom rim) stand under its higher ones. Nothing is dropped when fewer than 10 points are higher up.
 */
function dropFloorNoise(out: ObjectPoints, bandY: number, W: number): void {
  const { points } = out;
  // the band's top plus the depth noise's reach (3 sigma; at least 1 cm)
  const lowY = bandY + Math.max(0.01, 3 * (out.noiseSigma ?? 0));
  let high = 0;
  for (let k = 0; k < out.count; k++) if (points[k * 3 + 1] >= lowY) high++;
  if (high < 10 || high === out.count) return;
  const hp = new Float32Array(high * 3);
  for (let k = 0, j = 0; k < out.count; k++) if (points[k * 3 + 1] >= lowY) { hp[j++] = points[k * 3]; hp[j++] = points[k * 3 + 1]; hp[j++] = points[k * 3 + 2]; }
  const f = orientedBoundingBox(hp, high);
  const c = Math.cos(f.yaw), sn = Math.sin(f.yaw);
  const hx = f.size[0] / 2 + LOW_MARGIN, hz = f.size[2] / 2 + LOW_MARGIN;
  keepPoints(out, W, (k) => {
    const y = points[k * 3 + 1];
    if (y >= lowY) return true;
    const dx = points[k * 3] - f.center[0], dz = points[k * 3 + 2] - f.center[2];
    // the box's local axes (boxes.ts: x along (cos, -sin), z along (sin, cos))
    const lx = c * dx - sn * dz, lz = sn * dx + c * dz;
    return Math.abs(lx) <= hx && Math.abs(lz) <= hz;
  });
}

/**
 * Box only, dense depth: a gathered pixel none of whose 8 neighbours is gathered, while at least half of them
 * have depth, is a stray of what surrounds it (the wall through a table's legs, 11 cm in front of the wall's
 * plane: its noise tail past the 3-sigma band, a handful of pixels among thousands in a 2D box), not the
 * object, whose pixels come in patches. Sparse depth (a LiDAR's rows) leaves its neighbours empty and keeps it.
 */
function dropIsolated(out: ObjectPoints, ends: LineEnds, depth: Float32Array, W: number, H: number): void {
  const { pixels } = out;
  const { region, taken } = ends;
  const rw = region.x1 - region.x0;
  const isTaken = (x: number, y: number) => x >= region.x0 && x < region.x1 && y >= region.y0 && y < region.y1 && taken[(y - region.y0) * rw + x - region.x0] === 1;
  const isolated = (i: number): boolean => {
    const x = i % W, y = (i - x) / W;
    let valid = 0;
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        if ((dx === 0 && dy === 0) || x + dx < 0 || x + dx >= W || y + dy < 0 || y + dy >= H) continue;
        if (isTaken(x + dx, y + dy)) return false;
        if (depth[(y + dy) * W + x + dx] > 0) valid++;
      }
    return valid >= 4;
  };
  const drop = new Uint8Array(out.count);
  let any = false;
  for (let k = 0; k < out.count; k++) if (isolated(pixels[k])) { drop[k] = 1; any = true; }
  if (any) keepPoints(out, W, (k) => drop[k] === 0);
}

/** Keeps the points `keep` says yes to, in order, and recomputes the bounds and sums. */
function keepPoints(out: ObjectPoints, W: number, keep: (k: number) => boolean): void {
  const { points, pixels } = out;
  const flags = new Uint8Array(out.count);
  for (let k = 0; k < out.count; k++) flags[k] = keep(k) ? 1 : 0;
  let n = 0;
  const mn = out.min, mx = out.max, sum = out.sum;
  mn.fill(Infinity); mx.fill(-Infinity); sum.fill(0);
  const b = out.pixelBounds;
  b.x0 = Infinity; b.y0 = Infinity; b.x1 = -Infinity; b.y1 = -Infinity;
  for (let k = 0; k < out.count; k++) {
    if (!flags[k]) continue;
    const x = points[k * 3], y = points[k * 3 + 1], z = points[k * 3 + 2];
    points[n * 3] = x; points[n * 3 + 1] = y; points[n * 3 + 2] = z;
    const i = pixels[k], px = i % W, py = (i - px) / W;
    pixels[n] = i;
    if (px < b.x0) b.x0 = px; if (px > b.x1) b.x1 = px;
    if (py < b.y0) b.y0 = py; if (py > b.y1) b.y1 = py;
    if (x < mn[0]) mn[0] = x; if (x > mx[0]) mx[0] = x;
    if (y < mn[1]) mn[1] = y; if (y > mx[1]) mx[1] = y;
    if (z < mn[2]) mn[2] = z; if (z > mx[2]) mx[2] = z;
    sum[0] += x; sum[1] += y; sum[2] += z;
    n++;
  }
  out.count = n;
}

/**
 * Adds to `out` the pixels the walks of surfaceGrowth.ts admit: each passes the region's tests as the
 * second pass's pixels do, all but the voxels'. Its own function so that the second pass's loop shares no
 * variables with a closure (V8 would keep them off the registers).
 */
function growGathered(env: ObjectEnv, r: ObjectRegion, surf: SurfaceRemoval, cutPlanes: ClusterSelection['cutPlanes'], inMask: (x: number, y: number) => boolean, ends: LineEnds, out: ObjectPoints): void {
  const { W, H, K, ifx, ify, thr, filterFlying } = env;
  const data = env.depth.data;
  const [r0, r1, r2, r3, r4, r5, r6, r7, r8] = env.frame.rotation;
  const [tx, ty, tz] = env.frame.translation;
  const { bandY, walls } = surf;
  const { points, pixels, min: mn, max: mx, sum, pixelBounds: b } = out;
  const sigma = depthNoiseSigma(data, W, pixels, out.count);
  out.noiseSigma = sigma;
  const before = out.count;
  const admit = (x: number, y: number): boolean => {
    const i = y * W + x;
    const z = data[i];
    if (filterFlying && isFlyingPixel(data, W, H, x, y, thr)) return false;
    const cx = (x - K.cx) * ifx * z, cy = (y - K.cy) * ify * z;
    const px = r0 * cx + r1 * cy + r2 * z + tx;
    const py = r3 * cx + r4 * cy + r5 * z + ty;
    const pz = r6 * cx + r7 * cy + r8 * z + tz;
    if (py < bandY) return false;
    if (walls.length > 0 && onOrBehindWall(walls, px, py, pz, Math.sqrt(cx * cx + cy * cy + z * z))) return false;
    if (cutPlanes.length > 0 && onPlanes(cutPlanes, px, py, pz)) return false;
    const o = out.count * 3;
    points[o] = px; points[o + 1] = py; points[o + 2] = pz;
    if (px < mn[0]) mn[0] = px; if (px > mx[0]) mx[0] = px;
    if (py < mn[1]) mn[1] = py; if (py > mx[1]) mx[1] = py;
    if (pz < mn[2]) mn[2] = pz; if (pz > mx[2]) mx[2] = pz;
    sum[0] += px; sum[1] += py; sum[2] += pz;
    if (x < b.x0) b.x0 = x; if (x > b.x1) b.x1 = x;
    if (y < b.y0) b.y0 = y; if (y > b.y1) b.y1 = y;
    pixels[out.count++] = i;
    return true;
  };
  // box only: no walk goes on into a smaller object's 2D box, whose pixels the voxel pass gives this object
  // only in clusters that reach out of that box (boxClusterChoice.ts): a chest's row walked on into a chair's
  // seat beside it at the same depth
  const base = r.hasSel ? inMask : () => true;
  const selectable = r.smaller.length === 0 ? base : (x: number, y: number) => base(x, y) && !insideAny(r.smaller, x, y);
  growAlongSurfaces({ width: W, depth: data, sigma, selectable, admit }, ends);
  if (out.count > before) mergeGrown(points, pixels, before, out.count);
}

function insideAny(boxes: readonly Box2D[], x: number, y: number): boolean {
  for (const q of boxes) if (x >= q.x0 && x < q.x1 && y >= q.y0 && y < q.y1) return true;
  return false;
}

/**
 * Dense occupancy over the kept clusters' cells, dilated by one cell (26-neighbourhood): one array read
 * per pixel instead of hash look-ups.
 */
export function keptOccupancy(sel: ClusterSelection) {
  const { grid: g, slotLabel, keepLabel } = sel;
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
  const cells = new Uint8Array(dx * dy * dz);
  for (let s2 = 0; s2 < g.slotKey.length; s2++) {
    if (slotLabel[s2] < 0 || keepLabel[slotLabel[s2]] === 0) continue;
    const i0 = g.order[g.slotStart[s2]];
    const ax = g.coords[i0 * 3] - lo0, ay = g.coords[i0 * 3 + 1] - lo1, az = g.coords[i0 * 3 + 2] - lo2;
    const c = (az * dy + ay) * dx + ax;
    for (let oz = -1; oz <= 1; oz++) for (let oy = -1; oy <= 1; oy++) cells.fill(1, c + oz * dx * dy + oy * dx - 1, c + oz * dx * dy + oy * dx + 2);
  }
  return { cells, dx, dy, dz, inv: 1 / g.cell, ox: g.minX + lo0 * g.cell, oy: g.minY + lo1 * g.cell, oz: g.minZ + lo2 * g.cell };
}

/**
 * Puts the points back in scan order (later stages read rows off it: objectBox.ts rowGap): the first `n0`
 * already are, the ones after them (the few the growth added) are sorted and merged in from the back.
 */
function mergeGrown(points: Float32Array, pixels: Uint32Array, n0: number, count: number): void {
  const m = count - n0;
  const order = Array.from({ length: m }, (_, k) => n0 + k).sort((a, b) => pixels[a] - pixels[b]);
  const gp = new Float32Array(m * 3), gx = new Uint32Array(m);
  for (let k = 0; k < m; k++) {
    const j = order[k];
    gx[k] = pixels[j];
    gp[k * 3] = points[j * 3]; gp[k * 3 + 1] = points[j * 3 + 1]; gp[k * 3 + 2] = points[j * 3 + 2];
  }
  let i = n0 - 1, j = m - 1;
  for (let w = count - 1; j >= 0; w--) {
    if (i >= 0 && pixels[i] > gx[j]) {
      pixels[w] = pixels[i];
      points[w * 3] = points[i * 3]; points[w * 3 + 1] = points[i * 3 + 1]; points[w * 3 + 2] = points[i * 3 + 2];
      i--;
    } else {
      pixels[w] = gx[j];
      points[w * 3] = gp[j * 3]; points[w * 3 + 1] = gp[j * 3 + 1]; points[w * 3 + 2] = gp[j * 3 + 2];
      j--;
    }
  }
}
