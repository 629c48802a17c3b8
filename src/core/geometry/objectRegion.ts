/**
 * objects3d phase 1, the mask window: which depth-map pixels may belong to an object. With a mask, the mask
 * decoded (and eroded) only in a window around its set pixels; box only, the 2D box shrunk a little, less
 * the boxes of smaller objects inside it and the overlap with smaller boxes in front of it (cutOutBoxes).
 */
import { decodeMaskWindow, maskArea, rleBounds } from '../scene/mask';
import type { Box2D, MaskRLE } from '../scene/types';
import { erodeMaskKeepingThin } from './maskErosion';
import { clampBox, median, type ObjectEnv } from './objectEnv';
import type { DepthMap } from './raster';
import { rowPhase } from './rowPhase';

/** One detected object: 2D box (and mask) in the working image's pixels. */
export interface ObjectInput {
  id: string;
  caption: string;
  attributes?: string[];
  box2d: Box2D;
  mask?: MaskRLE;
}

/** A decoded mask window (mask pixels): eroded for the first pass, as given for the second. */
export interface MaskWindow {
  eroded: Uint8Array;
  raw: Uint8Array;
  x0: number;
  y0: number;
  width: number;
  height: number;
  /** the whole mask's size */
  maskWidth: number;
  maskHeight: number;
}

/** A rectangle of another object's pixels; with zMin, only its pixels at least that far (the object behind this one). */
export type CutOut = Box2D & { zMin?: number };

export interface ObjectRegion {
  /** Depth-map pixels to scan, x1/y1 exclusive. */
  region: Box2D;
  boxOnly: boolean;
  mask: MaskWindow | null;
  /** Box only: depth-map rectangles that are other objects' pixels (with zMin: only those at least that far). */
  excl: CutOut[];
  /** Box only: the depth-map boxes of larger objects that overlap this one's (not cut out: which pixels are whose is the clusters' to say). */
  covering: Box2D[];
  /** Box only: the depth-map boxes of smaller objects that overlap this one's. */
  smaller: Box2D[];
  /** Some pixels of the region are not the object's (a mask, or cut-out boxes). */
  hasSel: boolean;
  /** How many candidate pixels the region holds (sizes the first pass's sampling step). */
  area: number;
}

/** A smaller box this share inside a bigger one is an object on or in front of (or behind) the bigger one. */
const NESTED_SHARE = 0.6;
/** A nested box's object is behind this one when the depth of its box outside this one is this much farther (10%). */
const BEHIND_REL = 0.1;
/** A smaller box overlapping a bigger one at least this share, in front of it, is cut out of it where they overlap. */
const OCCLUDER_SHARE = 0.2;

export function objectRegion(env: ObjectEnv, obj: ObjectInput, inputs: readonly ObjectInput[]): ObjectRegion {
  const { W, H, sx, sy } = env;
  const boxOnly = !obj.mask;
  let region = clampBox(obj.box2d, sx, sy, W, H, boxOnly ? env.boxShrink : 0);
  let mask: MaskWindow | null = null;
  if (obj.mask) {
    const m = obj.mask;
    const mb = rleBounds(m);
    const rad = env.erodeRadius;
    if (mb) {
      const win = decodeMaskWindow(m, { x0: mb.x0 - rad - 1, y0: mb.y0 - rad - 1, x1: mb.x1 + rad + 1, y1: mb.y1 + rad + 1 });
      // outside the window counts as set (erodeMask's image-border rule): only true at the image border,
      // elsewhere the window keeps a margin of unset pixels
      const eroded = erodeMaskKeepingThin(win.bits, win.width, win.height, rad);
      mask = { eroded, raw: win.bits, x0: win.x0, y0: win.y0, width: win.width, height: win.height, maskWidth: m.width, maskHeight: m.height };
      // the mask decides the region (box2d may be looser or tighter than the mask)
      region = clampBox(mb, W / m.width, H / m.height, W, H, 0);
    } else {
      const empty = new Uint8Array(0);
      mask = { eroded: empty, raw: empty, x0: 0, y0: 0, width: 0, height: 0, maskWidth: m.width, maskHeight: m.height };
      region = { x0: 0, y0: 0, x1: 0, y1: 0 };
    }
  }
  // box only: the pixels of a smaller box mostly inside this one are the smaller object's (a mug on a
  // table, an ottoman in front of a bed), whichever of the two is in front
  const excl = boxOnly ? cutOutBoxes(inputs, obj, sx, sy, env.depth) : [];
  const covering = boxOnly ? overlappingBoxes(inputs, obj, sx, sy, true) : [];
  const smaller = boxOnly ? overlappingBoxes(inputs, obj, sx, sy, false) : [];
  const r: ObjectRegion = { region, boxOnly, mask, excl, covering, smaller, hasSel: mask !== null || excl.length > 0, area: 0 };
  r.area = regionArea(r, obj, env.depth);
  return r;
}

function regionArea(r: ObjectRegion, obj: ObjectInput, depth: DepthMap): number {
  const { region } = r, W = depth.width, H = depth.height;
  if (obj.mask && obj.mask.width === W && obj.mask.height === H) return maskArea(obj.mask);
  if (!r.hasSel) return Math.max(0, region.x1 - region.x0) * Math.max(0, region.y1 - region.y0);
  const inMask = pixelSelector(r, depth, false);
  let area = 0;
  for (let y = region.y0; y < region.y1; y++) for (let x = region.x0; x < region.x1; x++) if (inMask(x, y)) area++;
  return area;
}

/**
 * Whether depth-map pixel (x, y) is the object's: in its mask (eroded for the first pass, `raw` for the
 * second: the eroded mask chose the clusters, every mask pixel counts for the extents), or box only,
 * outside the cut-out boxes.
 */
export function pixelSelector(r: ObjectRegion, depth: DepthMap, raw: boolean): (x: number, y: number) => boolean {
  const W = depth.width, H = depth.height;
  const m = r.mask;
  if (!m) {
    const excl = r.excl, data = depth.data;
    return (x, y) => {
      for (const e of excl) if (x >= e.x0 && x < e.x1 && y >= e.y0 && y < e.y1 && (e.zMin === undefined || data[y * W + x] >= e.zMin)) return false;
      return true;
    };
  }
  const bits = raw ? m.raw : m.eroded;
  const { x0, y0, width: ww, height: wh, maskWidth: mw, maskHeight: mh } = m;
  const sameSize = mw === W && mh === H;
  const mmx = mw / W, mmy = mh / H;
  return (x, y) => {
    const mx = sameSize ? x : Math.min(Math.floor((x + 0.5) * mmx), mw - 1);
    const my = sameSize ? y : Math.min(Math.floor((y + 0.5) * mmy), mh - 1);
    const lx = mx - x0, ly = my - y0;
    return lx >= 0 && ly >= 0 && lx < ww && ly < wh && bits[ly * ww + lx] === 1;
  };
}

/**
 * What to cut out of box-only `obj`'s box (depth-map pixels): the boxes of the other objects that are smaller
 * and lie at least 60% inside it (a mug on a table, a night stand behind a bed: whichever is in front, those
 * pixels are the smaller object's; but where the smaller box's depth outside `obj`'s (all of it, when it lies
 * wholly inside: a far van's box within a near cyclist's, over the rider's torso) is 10% farther than `obj`'s
 * outside it, only its pixels beyond the midway depth), and where a smaller box
 * overlaps it less (at least 20%), the overlap when the smaller object is in front (an ottoman before a bed,
 * reaching below the bed's box): the median depth of its box outside `obj`'s is nearer than that of `obj`'s
 * box outside it. Nested boxes of nested boxes
 * are not special-cased: each smaller one is cut out on its own.
 */
export function cutOutBoxes(inputs: readonly ObjectInput[], obj: ObjectInput, sx: number, sy: number, depth: DepthMap): CutOut[] {
  const a = obj.box2d;
  const areaA = (a.x1 - a.x0) * (a.y1 - a.y0);
  const out: CutOut[] = [];
  const pa = toDepthPixels(a, sx, sy);
  for (const o of inputs) {
    if (o === obj) continue;
    const b = o.box2d;
    const areaB = (b.x1 - b.x0) * (b.y1 - b.y0);
    if (!(areaB > 0) || areaB >= areaA) continue;
    const ix = Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
    const iy = Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
    if (ix * iy < OCCLUDER_SHARE * areaB) continue;
    const pb = toDepthPixels(b, sx, sy);
    const inter = { x0: Math.max(pa.x0, pb.x0), y0: Math.max(pa.y0, pb.y0), x1: Math.min(pa.x1, pb.x1), y1: Math.min(pa.y1, pb.y1) };
    // the median depth of each box outside the other (all of the smaller box when it is wholly inside): which
    // of the two objects is in front
    const other = medianDepthOutside(depth, pb, ix * iy < areaB ? inter : NO_HOLE);
    const here = other > 0 ? medianDepthOutside(depth, pa, inter) : NaN;
    if (ix * iy >= NESTED_SHARE * areaB) {
      // mostly inside, and behind where both are seen apart (a van far off whose box reaches into a near
      // car's): only what is at the van's depth is the van's, the car's own pixels in front of it stay
      out.push(other > here * (1 + BEHIND_REL) ? { ...pb, zMin: (other + here) / 2 } : pb);
    } else if (other < here) out.push(inter);
  }
  return out;
}

/** The depth-map boxes of the other objects whose 2D boxes overlap this one's: the larger ones (at least as large as `obj`'s) or the smaller ones. */
export function overlappingBoxes(inputs: readonly ObjectInput[], obj: ObjectInput, sx: number, sy: number, larger: boolean): Box2D[] {
  const a = obj.box2d;
  const areaA = (a.x1 - a.x0) * (a.y1 - a.y0);
  const out: Box2D[] = [];
  for (const o of inputs) {
    if (o === obj) continue;
    const b = o.box2d;
    if (((b.x1 - b.x0) * (b.y1 - b.y0) >= areaA) !== larger) continue;
    if (Math.min(a.x1, b.x1) <= Math.max(a.x0, b.x0) || Math.min(a.y1, b.y1) <= Math.max(a.y0, b.y0)) continue;
    out.push(toDepthPixels(b, sx, sy));
  }
  return out;
}

const NO_HOLE: Box2D = { x0: 0, y0: 0, x1: 0, y1: 0 };

/** An image-pixel box in depth-map pixels (scaled by sx, sy), grown outwards to whole pixels. */
const toDepthPixels = (b: Box2D, sx: number, sy: number): Box2D =>
  ({ x0: Math.floor(b.x0 * sx), y0: Math.floor(b.y0 * sy), x1: Math.ceil(b.x1 * sx), y1: Math.ceil(b.y1 * sy) });

/**
 * Grid positions medianDepthOutside reads at most. 2000 on sparse depth (8% of the pixels under KITTI's
 * highest scan line hold a return) gave 160 depths, too few for a box whose pixels are half a near rider,
 * half a van behind: the sample's median came out 5.3 m where all the pixels' is 10.8, and the van's box was
 * cut out of the rider's whole, his torso with it.
 */
const MEDIAN_POSITIONS = 20000;

/** Median valid depth of a box's pixels outside `hole` (sampled), NaN when there are none. */
function medianDepthOutside(depth: DepthMap, r: Box2D, hole: Box2D): number {
  const W = depth.width, H = depth.height, data = depth.data;
  const x0 = Math.max(0, r.x0), y0 = Math.max(0, r.y0), x1 = Math.min(W, r.x1), y1 = Math.min(H, r.y1);
  const step = Math.max(1, Math.floor(Math.sqrt(((x1 - x0) * (y1 - y0)) / MEDIAN_POSITIONS)));
  const zs: number[] = [];
  for (let y = y0 + rowPhase(data, W, x0, y0, x1, y1, step); y < y1; y += step)
    for (let x = x0; x < x1; x += step) {
      if (x >= hole.x0 && x < hole.x1 && y >= hole.y0 && y < hole.y1) continue;
      const z = data[y * W + x];
      if (z > 0 && z < Infinity) zs.push(z);
    }
  return median(zs);
}
