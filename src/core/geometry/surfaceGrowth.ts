/**
 * objects3d phase 5b: the object's surfaces followed on past the kept voxels, along image rows and columns.
 * The second pass takes a pixel only when its point falls in (or next to) a voxel of the first pass's kept
 * clusters. A surface seen at a grazing angle spaces its points far apart in depth (a car's end face seen
 * at 7 degrees, 10 m away: 15 cm per column), so where the first pass's sampling step skipped its last
 * columns, they fall outside those voxels and the far edge comes out short (that car: 1.37 of its 1.72 m).
 * Along a row of the image, a plane's inverse depth is linear in the column (and along a column in the row),
 * so the next valid pixel past the last gathered one is the same surface when its depth is where the line
 * through the last few gathered pixels puts it, within the depth's own noise: a background pixel behind a
 * silhouette misses by metres, a stray point by far more than the noise. Each walk stops at the first
 * pixel that misses, at a gap wider than MAX_GAP, or at the region's edge; every pixel it takes still
 * passes the region's own tests (mask or cut-outs, floor band, walls, cut planes), and with 2D boxes alone
 * no walk enters a smaller object's box (objectPoints.ts).
 * What it cannot do: follow a curved surface past where its curvature leaves the noise band (it stops
 * early, which is what happened before), or tell an object from another one flush with it inside its own
 * region (the region decides, as for the voxels).
 */
import { scratchUint8 } from './scratch';

/** Valid pixels are looked for this many pixels on (projected LiDAR keeps every third row, half its points). */
const MAX_GAP = 6;
/** The line is fitted through this many of the last gathered pixels. */
const FIT_POINTS = 4;
/**
 * A pixel joins when its depth is within this many noise sigmas of the line's (the extrapolated line's own
 * error is about 2 sigma a step or two out, the pixel's 1: 6 leaves a margin without reaching a background
 * that is any real distance behind).
 */
const TOL_SIGMAS = 6;
/** The pixels the line is fitted through lie within this share of the band of it (their own fit: about 0.7 sigma each). */
const SEED_SHARE = 0.5;
/** The floor of the band, relative to depth: depth from a model is smooth and measures sigma near 0. */
const TOL_REL = 0.005;

export interface GrowthTarget {
  width: number;
  depth: Float32Array;
  /** the random depth noise at the object, metres (noiseEdges.ts depthNoiseSigma) */
  sigma: number;
  /** the pixel may be the object's at all (its mask, outside cut-out boxes): tested before the line is fitted */
  selectable: (x: number, y: number) => boolean;
  /** tries to add pixel (x, y) to the object (the region's other tests); true when it was added */
  admit: (x: number, y: number) => boolean;
}

/**
 * Which pixels of the region are taken, and where each row's and column's taken pixels begin and end, noted
 * as the second pass gathers them: what the walks start from, with no pass over the points of its own.
 */
export interface LineEnds {
  /** depth-map pixels walked in, x1/y1 exclusive */
  region: { x0: number; y0: number; x1: number; y1: number };
  /** region pixels taken (row-major over the region) */
  taken: Uint8Array;
  /** per region row: the first and last gathered column (-1: none) */
  rowFirst: Int32Array;
  rowLast: Int32Array;
  /** per region column: the first and last gathered row (-1: none) */
  colFirst: Int32Array;
  colLast: Int32Array;
}

/** Empty line ends over `region` (its taken map is scratch: valid until the next object's). */
export function lineEnds(region: LineEnds['region']): LineEnds {
  const rw = Math.max(0, region.x1 - region.x0), rh = Math.max(0, region.y1 - region.y0);
  const taken = scratchUint8('surfaceGrowth.taken', rw * rh);
  taken.fill(0);
  return {
    region, taken,
    rowFirst: new Int32Array(rh).fill(-1), rowLast: new Int32Array(rh).fill(-1),
    colFirst: new Int32Array(rw).fill(-1), colLast: new Int32Array(rw).fill(-1),
  };
}

/** Notes a gathered point at pixel (x, y); points come in scan order. */
export function noteGathered(l: LineEnds, x: number, y: number): void {
  const c = x - l.region.x0;
  l.taken[(y - l.region.y0) * (l.region.x1 - l.region.x0) + c] = 1;
  if (l.colFirst[c] < 0) l.colFirst[c] = y;
  l.colLast[c] = y;
}

/** Notes that row y's gathered pixels run from column `first` to `last` (once per row, not per point). */
export function noteRow(l: LineEnds, y: number, first: number, last: number): void {
  l.rowFirst[y - l.region.y0] = first;
  l.rowLast[y - l.region.y0] = last;
}

// one walk at a time: its seed (steps back from the end) and the line's last FIT_POINTS pixels (ring buffers)
const seedBuf = new Int32Array(FIT_POINTS);
const posBuf = new Float64Array(FIT_POINTS), invBuf = new Float64Array(FIT_POINTS);

/**
 * Walks out from both ends of every row's and every column's taken pixels. The walks' own pixels are noted as
 * taken. Returns how many pixels were admitted.
 */
export function growAlongSurfaces(t: GrowthTarget, l: LineEnds): number {
  const { region } = l;
  const rw = region.x1 - region.x0, rh = region.y1 - region.y0;
  let added = 0;
  // rows, then columns (a top face's far edge runs back up the image)
  for (let r = 0; r < rh; r++) {
    const y = region.y0 + r, xl = l.rowFirst[r], xr = l.rowLast[r];
    if (xr > xl) added += walkBothWays(t, l, xl, y, xr, y, 1, 0);
  }
  for (let c = 0; c < rw; c++) {
    const x = region.x0 + c, yt = l.colFirst[c], yb = l.colLast[c];
    if (yb > yt) added += walkBothWays(t, l, x, yt, x, yb, 0, 1);
  }
  return added;
}

/** Walks on from (x1, y1) along (dx, dy) and from (x0, y0) against it. */
function walkBothWays(t: GrowthTarget, l: LineEnds, x0: number, y0: number, x1: number, y1: number, dx: number, dy: number): number {
  let added = 0, n = lineSeeds(l, x1, y1, dx, dy);
  if (n >= 2) added += walk(t, l, n, x1, y1, dx, dy);
  n = lineSeeds(l, x0, y0, -dx, -dy);
  if (n >= 2) added += walk(t, l, n, x0, y0, -dx, -dy);
  return added;
}

/**
 * The taken pixels back from the line's end (x, y), against the walk's step (dx, dy), read off the taken map
 * into seedBuf as steps back, the end last (0); at most FIT_POINTS, and only the run that ends there: pixels
 * further back across a gap wider than MAX_GAP are another part, or another object. How many.
 */
function lineSeeds(l: LineEnds, x: number, y: number, dx: number, dy: number): number {
  const { region, taken } = l;
  const rw = region.x1 - region.x0;
  let n = 0;
  for (let b = 0, px = x, py = y; n < FIT_POINTS && px >= region.x0 && px < region.x1 && py >= region.y0 && py < region.y1 && b - (n ? seedBuf[n - 1] : 0) <= MAX_GAP; b++, px -= dx, py -= dy)
    if (taken[(py - region.y0) * rw + px - region.x0] === 1) seedBuf[n++] = b;
  for (let q = 0; q < n >> 1; q++) { const v = seedBuf[q]; seedBuf[q] = seedBuf[n - 1 - q]; seedBuf[n - 1 - q] = v; }
  return n;
}

let ringLen = 0, ringHead = 0;
function ringPush(p: number, iv: number): void {
  posBuf[ringHead] = p; invBuf[ringHead] = iv;
  ringHead = (ringHead + 1) % FIT_POINTS;
  if (ringLen < FIT_POINTS) ringLen++;
}

/**
 * From pixel (x, y), the end of a line whose `n` seed pixels lie seedBuf[q] steps back (the end last, 0),
 * steps of (dx, dy) to the region's edge: each valid pixel whose depth fits the line through the last
 * FIT_POINTS taken ones (inverse depth against the step count) is admitted, the first that does not ends
 * the walk.
 */
function walk(t: GrowthTarget, l: LineEnds, n: number, x: number, y: number, dx: number, dy: number): number {
  const { depth, width: W } = t;
  const { region } = l;
  const rw = region.x1 - region.x0;
  ringLen = 0; ringHead = 0;
  for (let q = 0; q < n; q++) {
    const b = seedBuf[q];
    ringPush(-b, 1 / depth[(y - b * dy) * W + x - b * dx]);
  }
  let added = 0, lastStep = 0;
  for (let s = 1, px = x + dx, py = y + dy; px >= region.x0 && px < region.x1 && py >= region.y0 && py < region.y1 && s - lastStep <= MAX_GAP; s++, px += dx, py += dy) {
    const z = depth[py * W + px];
    if (!(z > 0 && z < Infinity)) continue;
    if (l.taken[(py - region.y0) * rw + px - region.x0] === 1 || !t.selectable(px, py)) break;
    // least-squares line of inverse depth against the step, over the last len
    const len = ringLen;
    let sp = 0, si = 0, spp = 0, spi = 0;
    for (let q = 0; q < len; q++) { sp += posBuf[q]; si += invBuf[q]; spp += posBuf[q] * posBuf[q]; spi += posBuf[q] * invBuf[q]; }
    const den = len * spp - sp * sp;
    if (!(Math.abs(den) > 1e-12)) break;
    const slope = (len * spi - sp * si) / den, icpt = (si - slope * sp) / len;
    const tol = Math.max(TOL_SIGMAS * t.sigma, TOL_REL * z);
    // the last few taken pixels must lie on one surface themselves (not the object's edge and what is behind it)
    let line = true;
    for (let q = 0; q < len && line; q++) line = Math.abs(1 / invBuf[q] - 1 / (icpt + slope * posBuf[q])) <= SEED_SHARE * tol;
    const pred = 1 / (icpt + slope * s);
    if (!line || !(pred > 0) || Math.abs(z - pred) > tol) break;
    if (!t.admit(px, py)) break;
    l.taken[(py - region.y0) * rw + px - region.x0] = 1;
    ringPush(s, 1 / z);
    added++;
    lastStep = s;
  }
  return added;
}
