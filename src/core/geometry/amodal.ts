/**
 * Amodal completion: the whole object's box from the box of what was seen, where a side is hidden.
 * Each hidden extent is set by one documented estimator, and the visible extent is always a lower bound
 * (a hidden extent is never shorter than what is seen):
 * - support contact: an object whose bottom is hidden (occluded, or cut by the image's bottom edge) and
 *   that stands on the support plane (a grounded category, or a caption that says so: "floor lamp", "lamp on
 *   the floor"; categoryPriors.ts standsOnFloor) extends down to it;
 *   without a category, down to it too when what is missing below is no taller than the object is wide
 *   (an ottoman cut by the image's bottom edge; not a cup on a table), else down to where its 2D box's
 *   bottom edge reaches at its depth, when that is lower;
 *   and any object whose 2D box reaches down to the support plane where its seen points stop short (a
 *   lamp's pole, a chair's legs: too thin for the depth) stands on it, as does a grounded category whose
 *   seen top is within its typical height of the support;
 * - category prior (people: only a depth along the line of sight more than 3 spreads under the category's
 *   shorter side, a flat front, and a width across the view cut by the border or an occluder): the published
 *   mean size of the caption's category (categoryPriors.ts) for an extent along the line of sight that no side
 *   face shows (the far side is always self-hidden) nor a top face seen from above (unless the depth it shows
 *   is 3 spreads under the category's: a car's roof), an extent across the view cut by the border or an
 *   occluder, and a height whose top or bottom is hidden; also for a height or a side seen 3 spreads under the
 *   category's while an end or the bottom is out of sight (the rest may be there: a headboard, a car's body
 *   under its cabin, the end face beside a cut end);
 * - footprint symmetry: a box-like object with no category whose depth along the line of sight is unseen
 *   (no side face shows it, and the camera is not above its top, where the top face would) is taken as
 *   having a square footprint (its footprint's 90-degree symmetry), capped by its height; the same across
 *   the view when an end is cut off and a side face shows the depth.
 * Which way a hidden extent grows (away from the camera, towards a cut or occluded end) and, when both
 * horizontal extents are hidden, which is the category's long side, is checked against the free space the
 * depth saw (freeSpace.ts): a completion whose added part lies where the camera saw through to something
 * farther is turned the other way when that way is clear.
 * What it cannot do: tell a wide object with no category that stands on something out of view (a television
 * on a stand cut by the image's bottom edge goes down to the floor), complete an object with no category
 * across a cut or occluded end when no side face shows its depth (nothing says how far it goes on), tell a
 * hidden extent of an unusual member of a category (the prior's mean is used), or see thin parts that the
 * depth misses.
 */
import type { AABB, AmodalEstimator, AmodalInfo, OBB, ObjectVisibility } from '../scene/types';
import { type CategoryPrior, PRIOR_SPREAD, categoryPrior, standsOnFloor } from './categoryPriors';
import type { FreeSpaceTest } from './freeSpace';
import type { Plane } from './plane';
import type { Vec3 } from './vec';

/** A side face shows the extent along the line of sight when it is turned at least this far towards the camera (sin 20 degrees). */
const SIDE_FACE_MIN = Math.sin((20 * Math.PI) / 180);
/**
 * For an object with a category, when its side face spans this many columns of the depth map (and is turned
 * at least 5 degrees): 8, 16, 24 and 32 tried on the synthetic benchmark, 16 was best; for objects with no
 * category on the fixture frames it widened a mirror 2.5x, so they keep the angle.
 */
const SIDE_FACE_PX = 16;
const SIDE_FACE_MIN_PRIOR = Math.sin((5 * Math.PI) / 180);
/** Relative spread of a square-footprint guess and of a support-contact extension (the plane is known to a few cm). */
export const SYMMETRY_SPREAD = 0.3;
export const SUPPORT_SPREAD = 0.05;
/**
 * A top face this many rows tall shows the object's depth; fewer are a few noisy samples (a box top seen at
 * 9 degrees six metres away, 5 rows, measured 0.17 m of its 0.37 m depth on the synthetic benchmark).
 */
const TOP_FACE_PX = 8;
/** A 2D box whose bottom edge reaches this near the support plane (metres, or share of the top's height) reaches it. */
const REACH_M = 0.05, REACH_REL = 0.05;
/** With an end out of sight, a seen height this many prior spreads under the category's is completed from it (2 and 3 tried on the synthetic benchmark: 2 also raised low cars and people the generator draws 20-30% under the mean). */
const PART_SPREADS = 3;
/** The near end is cut by an image edge when the points at that edge reach this near the visible box's near side (metres, or share of the distance). */
const NEAR_CUT_M = 0.05, NEAR_CUT_REL = 0.02;
/** A bottom this far (metres) above the support plane is not already on it. */
const ON_SUPPORT_M = 0.03;

export interface AmodalInput {
  visibleAabb: AABB;
  visibleObb: OBB;
  visibility: ObjectVisibility;
  caption: string;
  /** camera position, canonical frame */
  camera: Vec3;
  /** y = 0 is a support plane found in the depth */
  hasSupport: boolean;
  /** height the 2D box's bottom edge reaches at the object's depth (Infinity: unknown) */
  boxFoot: number;
  /** the same wherever the seen points stop short of that edge, hidden or not (objectBox.ts footBelow; asked only when needed) */
  boxReach?: () => number;
  /** the depth map's vertical focal length, pixels (default: infinite, every top face above eye level shows) */
  focalPx?: number;
  /** the scene's walls (n·p + d > 0 on the room side), asked for only when a depth is estimated: nothing goes on behind a wall */
  walls?: () => readonly Plane[];
  /** true where the depth saw empty space (freeSpace.ts): a hidden extent goes the way that does not cross it */
  freeSpace?: FreeSpaceTest;
  /** how far the seen points reach along a horizontal direction: those at the image edges that cut the object, and those well inside them (-Infinity: none) */
  edgeReach?: (ux: number, uz: number) => [number, number];
}

export interface AmodalBox {
  aabb: AABB;
  obb: OBB;
  info: AmodalInfo;
}

const hidden = (f: ObjectVisibility[keyof ObjectVisibility]) => f !== 'observed';

/**
 * Completes the hidden extents of one visible box: horizontal extents from the category prior (or footprint symmetry
 * when no prior applies), then the height down to the support or from the prior. Over 80 lines on purpose: the
 * estimators share the running size and centre, and each reads as one step.
 */
export function completeAmodal(inp: AmodalInput): AmodalBox {
  const vis = inp.visibleObb;
  const size: Vec3 = [...vis.size];
  const center: Vec3 = [...vis.center];
  const estimated: AmodalInfo['estimated'] = [null, null, null];
  const spread: Vec3 = [0, 0, 0];
  const prior = categoryPrior(inp.caption);
  const ax: Vec3 = [Math.cos(vis.yaw), 0, -Math.sin(vis.yaw)], az: Vec3 = [Math.sin(vis.yaw), 0, Math.cos(vis.yaw)];
  const axes = [ax, null, az] as const;
  let dx = center[0] - inp.camera[0], dz = center[2] - inp.camera[2];
  const dl = Math.hypot(dx, dz) || 1;
  dx /= dl; dz /= dl;
  const right: Vec3 = [-dz, 0, dx];
  const dot = (u: Vec3, x: number, z: number) => u[0] * x + u[2] * z;
  const along = alongAxis(vis, inp.camera);
  const across = along === 0 ? 2 : 0;
  const uAlong = axes[along]!, uAcross = axes[across]!;
  const v = inp.visibility;
  // the along extent shows only on a side face (normal = the across axis) turned towards the camera, and
  // only when the end of the box where that face is (left or right in the view) is not itself hidden
  const towards = dot(uAcross, dx, dz) <= 0 ? 1 : -1;
  const faceOnRight = towards * dot(uAcross, right[0], right[2]) > 0;
  // with a category, a side face that spans SIDE_FACE_PX columns shows the depth well enough to tell the long
  // side from the short (a van across the view, its end face seen at 19 degrees: 64 columns); without one
  // the seen depth becomes the footprint (symmetry), which asks for a face turned SIDE_FACE_MIN towards the camera
  // a camera above the object's top sees the top face, which spans the depth: then a thin object is thin,
  // as long as that face, were the object as deep as it is wide, would span TOP_FACE_PX rows of the depth map
  const over = inp.camera[1] - (center[1] + size[1] / 2);
  const topSeen = over > 0 && (inp.focalPx === undefined || (Math.min(size[across], size[1]) * over * inp.focalPx) / (dl * dl + over * over) >= TOP_FACE_PX);
  const sinFace = Math.abs(dot(uAcross, dx, dz));
  // a side face shows only to a camera beside it, outside the slab between the two side faces: a car 2.5 m
  // straight ahead, 9 degrees off the view axis, shows its back and trunk lid, not a side (unless the camera
  // is above it and the top face shows the depth)
  const between = sinFace * dl <= size[across] / 2 && !topSeen;
  const faceSeen = between ? false : prior?.boxLike && inp.focalPx !== undefined
    ? sinFace >= SIDE_FACE_MIN_PRIOR && (size[along] * sinFace * inp.focalPx) / Math.hypot(dl, center[1] - inp.camera[1]) >= SIDE_FACE_PX
    : sinFace >= SIDE_FACE_MIN;
  // an image edge can cut off the near end itself: a sofa seen from above whose front is below the view shows
  // its seat and back, a parked car beside the view its side up to the edge. Then only the points at that
  // edge reach the near side; a near face that is seen goes on inside the view (a car's back stands up from
  // the bottom edge, its width runs in from a side edge). The along extent is then hidden, and grows towards
  // the camera. Nothing is said when no points lie well inside the edge.
  // which way along is away from the camera
  const away = Math.sign(dot(uAlong, dx, dz)) || 1;
  const nearSide = -(center[0] * uAlong[0] + center[2] * uAlong[2]) * away + size[along] / 2, nearTol = Math.max(NEAR_CUT_M, NEAR_CUT_REL * dl);
  const edgeCut = v.bottom === 'border-cut' || v.left === 'border-cut' || v.right === 'border-cut';
  const [atEdge, inside] = edgeCut && inp.edgeReach ? inp.edgeReach(-uAlong[0] * away, -uAlong[2] * away) : [-Infinity, -Infinity];
  const nearCut = atEdge >= nearSide - nearTol && inside > -Infinity && inside < nearSide - nearTol;
  const alongHidden = !faceSeen || hidden(faceOnRight ? v.right : v.left) || nearCut;
  const acrossCut = hidden(v.left) || hidden(v.right);
  const set = (axis: 0 | 1 | 2, value: number, by: AmodalEstimator, s: number): number => {
    if (!(value > size[axis] + 1e-3)) return 0;
    const grow = value - size[axis];
    size[axis] = value;
    estimated[axis] = by;
    spread[axis] = s;
    return grow;
  };

  // the far side is hidden behind the near one, so a depth grows away from the camera, unless the depth map
  // saw that space empty and the other way is not (a near end cut by the image border; clearest)
  const growAlong = (target: number, by: AmodalEstimator, s: number) => {
    const sign = clearest(inp, center, size, vis.yaw, along, target - size[along], nearCut ? [-away, away] : [away, -away]).sign;
    grow(center, uAlong, set(along, target, by, s), sign);
    if (sign === away) stopAtWalls(inp, center, size, along, uAlong, away, vis.size[along]);
  };

  // an extent across the view grows towards its hidden end (both ways when both are), unless that is seen empty
  const acrossSigns = (): number[] => {
    const toward = hidden(v.left) === hidden(v.right) ? 0 : (hidden(v.right) ? 1 : -1) * Math.sign(dot(uAcross, right[0], right[2]));
    return [toward, toward ? 0 : 1, toward ? -toward : -1];
  };

  // horizontal extents
  if (prior && prior.boxLike) {
    // which of the two sides is the category's long one: the one the seen extents match
    let acrossIsLong: boolean;
    if (!acrossCut) acrossIsLong = fitSide(size[across], prior) === 'long';
    else if (!alongHidden) acrossIsLong = fitSide(size[along], prior) === 'short';
    else {
      // both hidden: the larger seen extent is the long one, unless that completion crosses seen-empty space
      // and the other way round clearly does not (a van seen past its end, its length hidden to the side)
      const cost = (long: boolean) => {
        const gAlong = (long ? prior.short : prior.long) - size[along], gAcross = (long ? prior.long : prior.short) - size[across];
        return clearest(inp, center, size, vis.yaw, along, gAlong, [away, -away]).crossed + clearest(inp, center, size, vis.yaw, across, gAcross, acrossSigns()).crossed;
      };
      // a way round is possible only if neither seen extent is beyond its side's prior (2 sigma): what is seen is a lower bound
      const fits = (long: boolean) => size[across] <= (long ? prior.long : prior.short) * (1 + 2 * PRIOR_SPREAD)
        && size[along] <= (long ? prior.short : prior.long) * (1 + 2 * PRIOR_SPREAD);
      acrossIsLong = size[across] >= size[along];
      const mine = cost(acrossIsLong);
      if (mine >= CROSSED_SHARE && fits(!acrossIsLong) && cost(!acrossIsLong) <= mine / 2) acrossIsLong = !acrossIsLong;
    }
    const alongPrior = acrossIsLong ? prior.short : prior.long;
    // a top face seen from above spans the depth from the near edge to the far one, which nothing nearer can
    // hide (a night stand 2 m away seen from 1.2 m: 0.39 m deep, not the prior's 0.5), unless the depth seen is
    // PART_SPREADS spreads under the category's: then that top is a part (a car's roof over its hidden bonnet)
    const topShowsDepth = topSeen && !nearCut && size[along] >= alongPrior * (1 - PART_SPREADS * PRIOR_SPREAD);
    if (alongHidden && !topShowsDepth) growAlong(alongPrior, 'category-prior', PRIOR_SPREAD);
    else if ((hidden(v.bottom) || acrossCut) && size[along] < alongPrior * (1 - PART_SPREADS * PRIOR_SPREAD)) {
      // a side face seen above a hidden bottom may be the narrower top part (a car's cabin over a nearer car:
      // 2.35 m of a 4.47 m sedan), and one beside a cut end may be cut with it (0.87 m of a car 1.8 m wide at
      // the image's edge): a seen side PART_SPREADS spreads under the prior's is completed from it, both ways
      // when the bottom is hidden (a cabin sits mid-body), else away from the camera (a near face seen down to
      // the ground is the near end: street 51's cut car went 0.55 m nearer both ways), unless that crosses
      // seen-empty space
      const sign = clearest(inp, center, size, vis.yaw, along, alongPrior - size[along], hidden(v.bottom) ? [0, away, -away] : [away, 0, -away]).sign;
      grow(center, uAlong, set(along, alongPrior, 'category-prior', PRIOR_SPREAD), sign);
    }
    if (acrossCut) {
      const target = acrossIsLong ? prior.long : prior.short;
      const sign = clearest(inp, center, size, vis.yaw, across, target - size[across], acrossSigns()).sign;
      grow(center, uAcross, set(across, target, 'category-prior', PRIOR_SPREAD), sign);
    }
  } else if (prior) {
    // not box-like (a person): what is seen stands, unless it is too thin for one (a LiDAR's flat front of a
    // body): then the category's side that the seen width does not match (a walker seen from the front, as
    // wide as the shoulders, is a stride deep); the shorter one when the width is cut or fits neither side
    // within 2 spreads (a narrow figure says nothing of its heading)
    const shoulders = !acrossCut && Math.abs(size[across] / prior.short - 1) <= 2 * PRIOR_SPREAD && fitSide(size[across], prior) === 'short';
    const alongTarget = shoulders ? prior.long : prior.short;
    if (alongHidden && size[along] < prior.short * (1 - PART_SPREADS * PRIOR_SPREAD)) growAlong(alongTarget, 'category-prior', PRIOR_SPREAD);
    // an end cut by the border or an occluder: the rest across is out of sight, so the prior's side that the
    // seen depth does not match (a walker's sliver at the image edge, 2 cm of a 0.9 m stride)
    if (acrossCut) {
      const target = fitSide(size[along], prior) === 'short' ? prior.long : prior.short;
      const sign = clearest(inp, center, size, vis.yaw, across, target - size[across], acrossSigns()).sign;
      grow(center, uAcross, set(across, target, 'category-prior', PRIOR_SPREAD), sign);
    }
  } else if (!prior && alongHidden && !topSeen) {
    growAlong(Math.min(size[across], size[1]), 'footprint-symmetry', SYMMETRY_SPREAD);
  } else if (!prior && acrossCut && !alongHidden) {
    // the same symmetry the other way: an end cut off or hidden, the depth seen on a side face
    const target = Math.min(size[along], size[1]);
    const sign = clearest(inp, center, size, vis.yaw, across, target - size[across], acrossSigns()).sign;
    grow(center, uAcross, set(across, target, 'footprint-symmetry', SYMMETRY_SPREAD), sign);
  }
  if (size[along] <= vis.size[along] + 1e-3) { estimated[along] = null; spread[along] = 0; }

  // height: bottom down to the support, or the 2D box's edge; a cut top (or a hidden bottom off any support) from the prior
  let bottom = center[1] - size[1] / 2, top = center[1] + size[1] / 2;
  const seenHeight = size[1];
  const reach = () => inp.boxReach?.() ?? Infinity;
  if (hidden(v.bottom) && bottom > ON_SUPPORT_M) {
    // no category: on the support when what is missing below is no taller than the object is wide
    // (an ottoman cut by the image's bottom edge; not a cup on a table, nor a painting)
    const lowEnough = !prior && inp.hasSupport && bottom <= Math.max(size[0], size[2]);
    const foot = inp.hasSupport && (standsOnFloor(inp.caption) || lowEnough) ? 0 : Math.min(inp.boxFoot, reach());
    if (foot < bottom) bottom = Math.max(inp.hasSupport ? 0 : -Infinity, foot);
    else if (prior && !inp.hasSupport) bottom = top - Math.max(seenHeight, prior.height);
    if (top - bottom > seenHeight + 1e-3) {
      estimated[1] = prior && !inp.hasSupport ? 'category-prior' : 'support-contact';
      spread[1] = estimated[1] === 'category-prior' ? PRIOR_SPREAD : SUPPORT_SPREAD;
    }
  } else if (inp.hasSupport && bottom > ON_SUPPORT_M && reach() <= Math.max(REACH_M, REACH_REL * top)) {
    // the 2D box goes on down to the support where the depth has nothing: thin legs or a pole it missed
    bottom = 0;
    estimated[1] = 'support-contact';
    spread[1] = SUPPORT_SPREAD;
  } else if (inp.hasSupport && !prior && bottom > ON_SUPPORT_M && standsOnFloor(inp.caption)) {
    // the caption says it stands on the floor (a floor lamp): its foot is there even where nothing seems to
    // hide it, a pole the depth missed, an occluder the strips did not catch, or an image edge beside it
    bottom = 0;
    estimated[1] = 'support-contact';
    spread[1] = SUPPORT_SPREAD;
  } else if (inp.hasSupport && prior?.grounded && bottom > ON_SUPPORT_M && top <= prior.height * (1 + 2 * PRIOR_SPREAD)) {
    // a grounded category seen wholly within its typical height (2 spreads) of the support stands on it: what
    // is missing below is legs the depth missed or the floor band the lift leaves out (a desk seen as its top,
    // 0.74 m up; LiDAR cars and walkers 5-14 cm up); one seen higher stands on something else
    bottom = 0;
    estimated[1] = 'support-contact';
    spread[1] = SUPPORT_SPREAD;
  }
  if (hidden(v.top) && prior && top - bottom < prior.height) {
    top = bottom + prior.height;
    estimated[1] = 'category-prior';
    spread[1] = PRIOR_SPREAD;
  } else if (acrossCut && prior && top - bottom < prior.height * (1 - PART_SPREADS * PRIOR_SPREAD)) {
    // an end out of sight may be the tall part (a bed's headboard, a car's cabin): a seen height more than
    // PART_SPREADS sigma under the category's says the rest is taller
    top = bottom + prior.height;
    estimated[1] = 'category-prior';
    spread[1] = PRIOR_SPREAD;
  }
  size[1] = top - bottom;
  center[1] = (top + bottom) / 2;

  const obb: OBB = { center, size, yaw: vis.yaw };
  const visibility = nearCut ? { ...inp.visibility, near: 'border-cut' as const } : inp.visibility;
  const info: AmodalInfo = { visibleAabb: inp.visibleAabb, visibleObb: vis, estimated, spread, visibility };
  if (prior && estimated.some((e) => e === 'category-prior')) info.prior = `${prior.category} (${prior.source})`;
  // the axis-aligned box of the whole oriented box, hidden corner included, as annotated boxes give it (the
  // points' own box stops at the visible faces: a car seen at 30 degrees lost its far corner, 0.75 m of depth)
  const aabb: AABB = aabbOfObb(obb);
  return { aabb, obb, info };
}

/**
 * The box's horizontal axis (0: local x, 2: local z) more along the line of sight from `eye`; the other runs
 * across the view, its ends the object's left and right in the photo.
 */
export function alongAxis(obb: OBB, eye: Vec3): 0 | 2 {
  const dx = obb.center[0] - eye[0], dz = obb.center[2] - eye[2];
  const c = Math.cos(obb.yaw), s = Math.sin(obb.yaw);
  // local x = (c, 0, -s), local z = (s, 0, c)
  return Math.abs(c * dx - s * dz) >= Math.abs(s * dx + c * dz) ? 0 : 2;
}

/** The prior's horizontal side a seen extent is nearer to, in ratio (the longer one on a tie). */
function fitSide(e: number, prior: CategoryPrior): 'long' | 'short' {
  const fit = (m: number) => Math.abs(Math.log(Math.max(e, 1e-3) / m));
  return fit(prior.long) <= fit(prior.short) ? 'long' : 'short';
}

/**
 * A depth grown away from the camera stops at a wall behind the object (a painting on a wall is as deep
 * as it looks), never below what was seen.
 */
function stopAtWalls(inp: AmodalInput, center: Vec3, size: Vec3, axis: number, u: Vec3, sign: number, seen: number): void {
  if (!inp.walls) return;
  for (const w of inp.walls()) {
    const h = size[axis] / 2;
    const far = [center[0] + u[0] * h * sign, center[1], center[2] + u[2] * h * sign];
    const s = w.normal[0] * far[0] + w.normal[1] * far[1] + w.normal[2] * far[2] + w.d;
    if (s >= 0) continue;
    const cut = Math.min(-s / Math.max(1e-3, Math.abs(w.normal[0] * u[0] + w.normal[2] * u[2])), size[axis] - seen);
    if (!(cut > 0)) continue;
    size[axis] -= cut;
    center[0] -= (u[0] * cut * sign) / 2;
    center[2] -= (u[2] * cut * sign) / 2;
  }
}

/**
 * Points sampled in a growth slab: along the growth, across it and up, as shares of the extents. Up only in
 * the lower half (15-45% of the height): the bottom of an object is its most box-like part, while a
 * headboard, a backrest or a car's cabin is taller than the rest, so the box's top corners behind them are
 * seen empty (samples up to 80% of the height sent 5 synthetic vans and desks the wrong way, none the right one).
 */
const SLAB_ALONG = [0.25, 0.5, 0.75, 1], SLAB_ACROSS = [-0.35, 0, 0.35], SLAB_UP = [-0.35, -0.2, -0.05];
/**
 * The default way is left only when this share of its slab lies in seen-empty space, and for a way that
 * crosses at most half as much (depth noise at the silhouette puts a few samples there).
 */
const CROSSED_SHARE = 1 / 3;

/**
 * Of the ways a box may grow by `g` along its `axis` (sign +1/-1: one side, 0: both), the one whose added
 * slab lies least in seen-empty space; the first (the default) unless it clearly crosses it (CROSSED_SHARE).
 * Also the share of the chosen slab in seen-empty space (0 without a depth map to ask).
 */
function clearest(inp: AmodalInput, center: Vec3, size: Vec3, yaw: number, axis: 0 | 2, g: number, signs: number[]): { sign: number; crossed: number } {
  const test = inp.freeSpace;
  if (!test || !(g > 1e-3)) return { sign: signs[0], crossed: 0 };
  const c = Math.cos(yaw), s = Math.sin(yaw);
  const u: Vec3 = axis === 0 ? [c, 0, -s] : [s, 0, c];
  const w: Vec3 = axis === 0 ? [s, 0, c] : [c, 0, -s];
  const other = axis === 0 ? 2 : 0;
  // the share of the added slab's sample points that lie in seen-empty space
  const crossed = (sign: number): number => {
    let n = 0, all = 0;
    for (const side of sign === 0 ? [1, -1] : [sign])
      for (const f of SLAB_ALONG) {
        const a = side * (size[axis] / 2 + (f * g) / (sign === 0 ? 2 : 1));
        for (const q of SLAB_ACROSS)
          for (const r of SLAB_UP) {
            const b = q * size[other];
            all++;
            if (test([center[0] + u[0] * a + w[0] * b, center[1] + r * size[1], center[2] + u[2] * a + w[2] * b])) n++;
          }
      }
    return n / all;
  };
  const first = crossed(signs[0]);
  if (first < CROSSED_SHARE) return { sign: signs[0], crossed: first };
  let best = signs[0], fewest = first;
  for (const sign of signs.slice(1)) {
    const share = crossed(sign);
    if (share < fewest) { best = sign; fewest = share; }
  }
  return fewest <= first / 2 ? { sign: best, crossed: fewest } : { sign: signs[0], crossed: first };
}

/** Moves a box centre by half of `g` along `u`, towards `sign` (0: grows both ways). */
function grow(center: Vec3, u: Vec3, g: number, sign: number): void {
  center[0] += (u[0] * g * sign) / 2;
  center[2] += (u[2] * g * sign) / 2;
}

export function aabbOfObb(o: OBB): AABB {
  const c = Math.cos(o.yaw), s = Math.sin(o.yaw);
  const ex = (Math.abs(c) * o.size[0] + Math.abs(s) * o.size[2]) / 2;
  const ez = (Math.abs(s) * o.size[0] + Math.abs(c) * o.size[2]) / 2;
  return {
    min: [o.center[0] - ex, o.center[1] - o.size[1] / 2, o.center[2] - ez],
    max: [o.center[0] + ex, o.center[1] + o.size[1] / 2, o.center[2] + ez],
  };
}
