/**
 * "Is the apple in the bowl?", "is the person inside the bus?": A is in B when most of A's footprint lies within
 * B's (seen from above, both amodal boxes with their yaw) and A's base lies within B's height: no lower than B's
 * bottom and below B's top. A's top is not tested: what a container holds may rise above its rim (fruit in a
 * bowl, a plant in a pot). A base at B's top is "on" B, not in it (a cup on a table), so the base must be below
 * B's top by more than the height noise.
 *
 * What it cannot do: it sees boxes, not hollows. A cat under a table is inside the table's box and reads as in
 * the table; an object in a drawer of a closed chest cannot be seen at all.
 */
import type { SceneObject } from '../scene/types';
import type { Answer } from './answer';
import { bottomOf, footprintShare, heightOf, topOf } from './boxGeometry';
import type { Ctx } from './context';
import { placementAnswer, placementConfidence, shareMargin } from './placement';
import type { Query } from './query';
import { label } from './templates';

/** Share of A's footprint that must lie within B's. */
export const CONTAIN_FOOTPRINT_SHARE = 0.75;
/** The smallest height margin (metres) that tells a base inside B from one resting on its top. */
export const CONTAIN_MIN_TOL_M = 0.03;
/** The height margin as a share of B's height, where that is more. */
export const CONTAIN_REL_TOL = 0.1;

export interface Containment {
  /** share of A's footprint within B's, 0..1 */
  footprintShare: number;
  /** A's base above B's bottom, metres (negative: below it) */
  baseAboveBottom: number;
  /** B's top above A's base, metres (negative: the base is above B's top) */
  baseBelowTop: number;
  /** height margin used for both base tests, metres */
  tolerance: number;
  holds: boolean;
}

export function containment(a: SceneObject, b: SceneObject): Containment {
  const share = footprintShare(a, b);
  // Relative, not absolute: two objects side by side in one depth map are off together, so the margin follows
  // the container's size (a bowl's few centimetres, a bus's decimetres), not each box's position error.
  const tolerance = Math.max(CONTAIN_MIN_TOL_M, CONTAIN_REL_TOL * heightOf(b));
  const baseAboveBottom = bottomOf(a) - bottomOf(b);
  const baseBelowTop = topOf(b) - bottomOf(a);
  const holds = share >= CONTAIN_FOOTPRINT_SHARE && baseAboveBottom >= -tolerance && baseBelowTop > tolerance;
  return { footprintShare: share, baseAboveBottom, baseBelowTop, tolerance, holds };
}

export function answerContain(ctx: Ctx, query: Extract<Query, { type: 'contain' }>): Answer {
  const [a, b] = [ctx.get(query.a), ctx.get(query.b)];
  const sigmaV = Math.hypot(ctx.sigmaV(a), ctx.sigmaV(b));
  const c = containment(a, b);
  const geometric = placementConfidence(ctx, a, b, c.holds, [
    { pass: c.footprintShare >= CONTAIN_FOOTPRINT_SHARE, marginM: shareMargin(a, c.footprintShare, CONTAIN_FOOTPRINT_SHARE), vertical: false },
    { pass: c.baseAboveBottom >= -c.tolerance, marginM: Math.abs(c.baseAboveBottom + c.tolerance), vertical: true },
    { pass: c.baseBelowTop > c.tolerance, marginM: Math.abs(c.baseBelowTop - c.tolerance), vertical: true },
  ]);
  const [na, nb] = [ctx.name(a), ctx.name(b)];
  const base =
    c.baseAboveBottom < -c.tolerance ? `${ctx.fmt(-c.baseAboveBottom, sigmaV)} below the bottom of ${nb}`
      : c.baseBelowTop <= 0 ? `${ctx.fmt(-c.baseBelowTop, sigmaV)} above the top of ${nb}`
        : `${ctx.fmt(c.baseBelowTop, sigmaV)} below the top of ${nb}`;
  return placementAnswer(ctx, query, a, b, c.holds, ['containYes', 'containNo', 'containSuffix'], { share: c.footprintShare, base }, [
    { label: label('qFootprintShare', { a: na, b: nb }), value: c.footprintShare, unit: 'ratio' },
    { label: label('qBaseAboveBottom', { a: na, b: nb }), value: c.baseAboveBottom, unit: 'm', uncertainty: sigmaV },
    { label: label('qBaseBelowTop', { a: na, b: nb }), value: c.baseBelowTop, unit: 'm', uncertainty: sigmaV },
  ], geometric);
}

