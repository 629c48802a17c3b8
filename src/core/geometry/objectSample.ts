/**
 * objects3d phase 2, the first-pass sample: a regular grid of about maxPoints of the object's pixels (the
 * step sized by the pixels that have depth, so sparse LiDAR keeps all of them, and on sparse depth the rows
 * laid on its scan lines), lifted to the canonical frame. Every later phase of the first pass reads and
 * compacts this one sample.
 */
import { isFlyingPixel } from './lift';
import { median, type ObjectEnv } from './objectEnv';
import { pixelSelector, type ObjectRegion } from './objectRegion';
import { rowPhase } from './rowPhase';

/** The sampled points of one object (the first n entries of each array are live). */
export interface ObjectSample {
  /** canonical positions, xyz per point */
  pts: Float32Array;
  /** distance from the camera, metres */
  dist: Float32Array;
  /** depth-map pixel index */
  spix: Uint32Array;
  /** cell of the sample grid (row * cols + col) */
  gcell: Int32Array;
  n: number;
  /** sample-grid step (pixels) and columns */
  step: number;
  cols: number;
  /** grid positions in the region (with or without depth), those with valid depth, and the share of a probe with valid depth */
  sampled: number;
  validSampled: number;
  validFraction: number;
  /** up to 4000 valid depths of the sampled pixels, and their median */
  boxDepths: number[];
  zMed: number;
  /** distances between sample-grid neighbours on one surface (up to 4000) */
  pairD: number[];
  /** per pair, its distance from the camera: pairs far beyond the box's median depth are left out of the spacing */
  pairDist: number[];
}

export function sampleObject(env: ObjectEnv, r: ObjectRegion): ObjectSample {
  const { W, H, K, ifx, ify, thr, filterFlying } = env;
  const data = env.depth.data;
  const [r0, r1, r2, r3, r4, r5, r6, r7, r8] = env.frame.rotation;
  const [tx, ty, tz] = env.frame.translation;
  const { region, hasSel } = r;
  const inMask = pixelSelector(r, env.depth, false);
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
  const step = Math.max(1, Math.round(Math.sqrt((r.area * validFraction) / env.maxPoints)));
  const phase = validFraction < 0.5 ? rowPhase(data, W, region.x0, region.y0, region.x1, region.y1, step, pstep) : 0;
  const cap = Math.ceil((region.x1 - region.x0) / step + 1) * Math.ceil((region.y1 - region.y0) / step + 1);
  const pts = new Float32Array(cap * 3);
  const dist = new Float32Array(cap);
  const spix = new Uint32Array(cap);
  const gcell = new Int32Array(cap);
  let n = 0, sampled = 0, validSampled = 0;
  const boxDepths: number[] = [];
  // sample-grid neighbours on one surface (small relative depth step) measure the real point spacing,
  // which grazing views stretch far beyond depth * step / f
  const cols = Math.ceil((region.x1 - region.x0) / step);
  const prevRow = new Int32Array(Math.max(0, cols)).fill(-1);
  const pairD: number[] = [], pairDist: number[] = [];
  for (let y = region.y0 + phase, row = 0; y < region.y1; y += step, row++) {
    let left = -1;
    for (let x = region.x0, c = 0; x < region.x1; x += step, c++) {
      const up = prevRow[c];
      prevRow[c] = -1;
      if (!inMask(x, y)) { left = -1; continue; }
      sampled++;
      const i = y * W + x;
      const z = data[i];
      if (!(z > 0 && z < Infinity)) { left = -1; continue; }
      validSampled++;
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
      // the left neighbour, then the one above (a loop, not an array literal per point)
      for (let t = 0; t < 2; t++) {
        const q = t === 0 ? left : up;
        if (q < 0 || pairD.length >= 4000) continue;
        const dz = pts[q * 3 + 2] - pts[o + 2], dxx = pts[q * 3] - pts[o], dyy = pts[q * 3 + 1] - pts[o + 1];
        if (Math.abs(dist[q] - dist[n]) < 0.05 * dist[n]) {
          pairD.push(Math.sqrt(dxx * dxx + dyy * dyy + dz * dz));
          pairDist.push(dist[n]);
        }
      }
      prevRow[c] = n;
      left = n;
      n++;
    }
  }
  return { pts, dist, spix, gcell, n, step, cols, sampled, validSampled, validFraction, boxDepths, zMed: median(boxDepths), pairD, pairDist };
}

/** Compacts the sample in place, keeping the samples `drop` says no to. */
export function dropSamples(s: ObjectSample, drop: (k: number) => boolean): void {
  const { pts, dist, spix, gcell } = s;
  let m = 0;
  for (let k = 0; k < s.n; k++) {
    if (drop(k)) continue;
    pts[m * 3] = pts[k * 3]; pts[m * 3 + 1] = pts[k * 3 + 1]; pts[m * 3 + 2] = pts[k * 3 + 2];
    dist[m] = dist[k];
    spix[m] = spix[k];
    gcell[m] = gcell[k];
    m++;
  }
  s.n = m;
}
