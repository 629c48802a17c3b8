import type { Box2D } from '../scene/types';
import { LEAK_SHARE, clusterLeakShares, leakingSides, type LeakRing } from './boxLeak';
import type { ClusterResult } from './cluster';

/** The sampled points of one box-only object, clustered. */
export interface BoxClusters {
  cl: ClusterResult;
  /** Canonical positions of the clustered points (cl.labels indexes them). */
  points: Float32Array;
  count: number;
  /** Per clustered point: its distance from the camera and its depth-map pixel index. */
  dist: ArrayLike<number>;
  pixel: ArrayLike<number>;
  /** Depth-map width, and the sampling step (a point stands for a step x step block). */
  width: number;
  step: number;
}

export interface BoxChoiceContext {
  /** The object's 2D box, depth-map pixels. */
  box: Box2D;
  /** fx of the depth map, to turn the box's pixel width into metres. */
  fx: number;
  /** Height of the floor band (points below it were dropped); -Infinity without a support plane. */
  bandY: number;
  ring: Omit<LeakRing, 'bandY'>;
  /** The boxes of larger objects overlapping this one (depth-map pixels; objectRegion.ts overlappingBoxes). */
  covering?: readonly Box2D[];
  /** The boxes of smaller objects overlapping this one (depth-map pixels): a cluster inside one is that object, not a piece of this one. */
  smaller?: readonly Box2D[];
  /** The depth is sparse (a LiDAR's rows): a piece's point count says how many scan lines cross it, not how big it is. */
  sparse?: boolean;
}

export interface BoxChoice {
  /** The object's cluster, -1 when none. */
  chosen: number;
  /** Clusters that stay inside the box (leak on fewer than two sides) and are not floor residue. */
  eligible: Uint8Array;
  /** Further clusters that join the chosen one: the object seen in pieces. */
  pieces: number[];
  /** Per cluster: its sampled pixels' bounds, and (4 per cluster) how much it goes on beyond each side (clusterLeakShares). */
  bounds: Box2D[];
  shares: Float64Array;
}

/**
 * Whether larger box `c` holds cluster `l` (its pixel bounds, to within a sampling step) and goes on beyond
 * `box` on every side where the cluster leaves it.
 */
function covers(c: Box2D, box: Box2D, b: Box2D, shares: Float64Array, l: number, step: number): boolean {
  if (b.x0 < c.x0 - step || b.y0 < c.y0 - step || b.x1 > c.x1 + step || b.y1 > c.y1 + step) return false;
  const beyond = [c.x0 < box.x0 - step, c.x1 > box.x1 + step, c.y0 < box.y0 - step, c.y1 > box.y1 + step];
  for (let k = 0; k < 4; k++) if (shares[l * 4 + k] >= LEAK_SHARE && !beyond[k]) return false;
  return true;
}

/** Whether pixel bounds `b` lie within box `o`, to within a sampling step. */
const inside = (b: Box2D, o: Box2D, step: number): boolean => b.x0 >= o.x0 - step && b.y0 >= o.y0 - step && b.x1 <= o.x1 + step && b.y1 <= o.y1 + step;

/**
 * On dense depth a piece joins only if it is at least this share of what is kept already (a mirror's
 * reflections come as small pieces). On sparse depth only the 20-point floor holds: a car's roof seen end-on
 * is a few scan lines across it, 30-40 points each, beside 1200 of its back.
 */
const PIECE_SHARE = 0.1;
/** A cluster of fewer points joins only with the other specks (sparse depth), never as a piece on its own. */
const PIECE_MIN_POINTS = 20;

/**
 * Which cluster is the boxed object? A 2D box is tight around its object, so the object's pixels span most
 * of it: an occluder in front spans only part, the background spans all of it but lies behind. Clusters
 * that go on outside the box on two or more sides pass through it (background, an occluder around the
 * object) and are set aside while a contained one fits the box at all. Among clusters whose pixel bounds
 * fit the box (IoU) at least 0.7x as well as the best one, the front-most wins, and one that stays inside
 * the box on every side before one that goes on beyond a side: a tight box ends where its object does, so
 * a cluster leaving it is something else (a near rider whose torso crosses a far car's box, leaving it at
 * the bottom, chosen before this rule for the car's two halves on either side of the rider). A cluster that
 * leaves the box only where the box of a larger object goes on, and lies inside that box, is that object
 * and is set aside while another cluster fits at all (a near pedestrian's body in the box of a person behind
 * whose head alone shows).
 * An object seen in pieces (a bed once its wall is set aside: headboard, pillows, footboard, each apart in
 * depth) has no one cluster that spans its box: contained clusters join the winner, largest first, while
 * each makes the kept pixels' bounds fit the box better (IoU + 0.02), none deeper apart from the winner than
 * the box is wide there (a mirror's reflections, something behind seen in a loose box's margin), and none
 * that lies inside the box of a smaller object overlapping this one: that is the smaller object (a cyclist
 * in the corner of a far car's box, 18% of its own box inside, joined the car and pulled it 2.6 m over).
 * On sparse depth the clusters under 20 points that pass the same tests then join all together, if together
 * they make the bounds fit better: a side face seen at a grazing angle comes in such specks.
 */
export function chooseBoxCluster(c: BoxClusters, ctx: BoxChoiceContext): BoxChoice {
  const { cl, points, count, dist, pixel, width: W, step } = c;
  const { box, bandY } = ctx;
  const sizes = cl.sizes;
  const L = sizes.length;
  const hasPlane = bandY > -Infinity;
  const topY = new Float64Array(L).fill(-Infinity);
  const sumD = new Float64Array(L);
  const bx0 = new Float64Array(L).fill(Infinity), by0 = new Float64Array(L).fill(Infinity);
  const bx1 = new Float64Array(L).fill(-Infinity), by1 = new Float64Array(L).fill(-Infinity);
  for (let k = 0; k < count; k++) {
    const l = cl.labels[k];
    if (l < 0) continue;
    if (points[k * 3 + 1] > topY[l]) topY[l] = points[k * 3 + 1];
    sumD[l] += dist[k];
    const px = pixel[k] % W, py = (pixel[k] - px) / W;
    if (px < bx0[l]) bx0[l] = px; if (px + step > bx1[l]) bx1[l] = px + step;
    if (py < by0[l]) by0[l] = py; if (py + step > by1[l]) by1[l] = py + step;
  }
  const fa = Math.max(1, (box.x1 - box.x0) * (box.y1 - box.y0));
  const fit = (x0: number, y0: number, x1: number, y1: number): number => {
    const ix = Math.max(0, Math.min(x1, box.x1) - Math.max(x0, box.x0));
    const iy = Math.max(0, Math.min(y1, box.y1) - Math.max(y0, box.y0));
    return (ix * iy) / (fa + (x1 - x0) * (y1 - y0) - ix * iy);
  };
  const residue = (l: number) => hasPlane && topY[l] < 2 * bandY; // flat floor residue in the band
  const bounds = Array.from({ length: L }, (_, l) => ({ x0: bx0[l], y0: by0[l], x1: bx1[l], y1: by1[l] }));
  const shares = clusterLeakShares({ ...ctx.ring, bandY }, box, step, cl.grid, cl.slotLabel, bounds);
  // a cluster that leaves the box only where a larger object's box goes on, and lies inside that box, is
  // that object (a near pedestrian's body crossing the box of a person behind, whose head alone shows): set
  // aside while any other cluster is left, and the 10% size floor is taken from the largest one left
  const claimed = new Uint8Array(L);
  let largest = 0;
  for (let l = 0; l < L; l++) {
    if (residue(l)) continue;
    if (leakingSides(shares, l) > 0 && (ctx.covering ?? []).some((c) => covers(c, box, bounds[l], shares, l, step))) claimed[l] = 1;
    else largest = Math.max(largest, sizes[l]);
  }
  // every cluster claimed: the claims are set aside, not the clusters
  if (largest === 0) { claimed.fill(0); largest = sizes[0] ?? 0; }
  const iou = new Float64Array(L);
  let bestIou = 0;
  for (let l = 0; l < L; l++) {
    if (sizes[l] < 0.1 * largest || residue(l) || claimed[l]) continue;
    iou[l] = fit(bx0[l], by0[l], bx1[l], by1[l]);
    if (iou[l] > bestIou) bestIou = iou[l];
  }
  let bestContained = 0;
  const eligible = new Uint8Array(L);
  for (let l = 0; l < L; l++) {
    if (leakingSides(shares, l) >= 2 || residue(l) || claimed[l]) continue;
    eligible[l] = 1;
    if (iou[l] > bestContained) bestContained = iou[l];
  }
  if (bestContained >= 0.25 * bestIou) {
    for (let l = 0; l < L; l++) if (leakingSides(shares, l) >= 2) iou[l] = 0;
    bestIou = bestContained;
  }
  let chosen = L > 0 ? 0 : -1, bestD = Infinity;
  const fits = (l: number) => iou[l] > 0 && iou[l] >= 0.7 * bestIou;
  let tight = false;
  for (let l = 0; l < L; l++) if (fits(l) && leakingSides(shares, l) === 0) tight = true;
  for (let l = 0; l < L; l++) {
    if (!fits(l) || (tight && leakingSides(shares, l) > 0)) continue;
    const md = sumD[l] / sizes[l];
    if (md < bestD) { bestD = md; chosen = l; }
  }
  const pieces: number[] = [];
  if (chosen >= 0 && eligible[chosen] === 1) {
    let ux0 = bx0[chosen], uy0 = by0[chosen], ux1 = bx1[chosen], uy1 = by1[chosen];
    let cur = iou[chosen], total = sizes[chosen];
    const d0 = sumD[chosen] / sizes[chosen];
    // a piece or a speck: stays in the box, is not a smaller object's, and lies no deeper apart from the
    // chosen cluster than the box is wide there
    const mayJoin = (l: number): boolean => {
      if (l === chosen || eligible[l] === 0 || (ctx.smaller ?? []).some((o) => inside(bounds[l], o, step))) return false;
      const d1 = sumD[l] / sizes[l];
      return Math.abs(d1 - d0) <= ((box.x1 - box.x0) / ctx.fx) * ((d0 + d1) / 2);
    };
    const order = Array.from({ length: L }, (_, l) => l).sort((a, b) => sizes[b] - sizes[a]);
    for (const l of order) {
      if (sizes[l] < Math.max(PIECE_MIN_POINTS, (ctx.sparse ? 0 : PIECE_SHARE) * total) || !mayJoin(l)) continue;
      const nx0 = Math.min(ux0, bx0[l]), ny0 = Math.min(uy0, by0[l]), nx1 = Math.max(ux1, bx1[l]), ny1 = Math.max(uy1, by1[l]);
      const f = fit(nx0, ny0, nx1, ny1);
      if (f < cur + 0.02) continue;
      pieces.push(l);
      ux0 = nx0; uy0 = ny0; ux1 = nx1; uy1 = ny1; cur = f; total += sizes[l];
    }
    if (ctx.sparse) {
      // sparse depth: a side face seen at a grazing angle comes apart in specks of a few points (each pixel along
      // a scan line is decimetres of depth there, and the lines cross it at columns of their own), none large
      // enough to join alone: the specks beside the kept part, at its depth, join together when together they
      // make the kept pixels' bounds fit the box better
      const specks: number[] = [];
      let sx0 = ux0, sy0 = uy0, sx1 = ux1, sy1 = uy1;
      for (let l = 0; l < L; l++) {
        if (sizes[l] >= PIECE_MIN_POINTS || !mayJoin(l)) continue;
        specks.push(l);
        sx0 = Math.min(sx0, bx0[l]); sy0 = Math.min(sy0, by0[l]); sx1 = Math.max(sx1, bx1[l]); sy1 = Math.max(sy1, by1[l]);
      }
      if (specks.length > 0 && fit(sx0, sy0, sx1, sy1) >= cur + 0.02) pieces.push(...specks);
    }
  }
  return { chosen, eligible, pieces, bounds, shares };
}
