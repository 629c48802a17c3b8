/**
 * "Is the cup on the table?", "is the tv resting on the stand?": A is on B when A's base is level with B's top
 * (within a height margin) and at least half of A's footprint lies over B's, so A's weight rests there (a book
 * overhanging a shelf's edge is still on it). Boxes are the amodal boxes in the gravity-aligned frame.
 *
 * What it cannot do: B's top is the top of its box. A cup on a table's lower shelf, or on a seat under a chair's
 * backrest, sits below that top and reads as not on it (the sentence says how far below).
 */
import type { SceneObject } from '../scene/types';
import type { Answer } from './answer';
import { bottomOf, footprintShare, heightOf, topOf } from './boxGeometry';
import type { Ctx } from './context';
import { placementAnswer, placementConfidence, shareMargin } from './placement';
import type { Query } from './query';
import { label } from './templates';

/** Share of A's footprint that must lie over B's. */
export const SUPPORT_FOOTPRINT_SHARE = 0.5;
/** The smallest height margin (metres) between A's base and B's top: faces from depth are a few centimetres off. */
export const SUPPORT_MIN_TOL_M = 0.05;
/** The margin as a share of the smaller object's height, where that is more. */
export const SUPPORT_REL_TOL = 0.1;

export interface Support {
  footprintShare: number;
  /** A's base above B's top, metres (negative: below it) */
  baseAboveTop: number;
  tolerance: number;
  holds: boolean;
}

export function support(a: SceneObject, b: SceneObject): Support {
  const share = footprintShare(a, b);
  const baseAboveTop = bottomOf(a) - topOf(b);
  const tolerance = Math.max(SUPPORT_MIN_TOL_M, SUPPORT_REL_TOL * Math.min(heightOf(a), heightOf(b)));
  const holds = share >= SUPPORT_FOOTPRINT_SHARE && Math.abs(baseAboveTop) <= tolerance;
  return { footprintShare: share, baseAboveTop, tolerance, holds };
}

export function answerSupport(ctx: Ctx, query: Extract<Query, { type: 'support' }>): Answer {
  const [a, b] = [ctx.get(query.a), ctx.get(query.b)];
  const sigmaV = Math.hypot(ctx.sigmaV(a), ctx.sigmaV(b));
  const s = support(a, b);
  const geometric = placementConfidence(ctx, a, b, s.holds, [
    { pass: s.footprintShare >= SUPPORT_FOOTPRINT_SHARE, marginM: shareMargin(a, s.footprintShare, SUPPORT_FOOTPRINT_SHARE), vertical: false },
    { pass: Math.abs(s.baseAboveTop) <= s.tolerance, marginM: Math.abs(Math.abs(s.baseAboveTop) - s.tolerance), vertical: true },
  ]);
  const [na, nb] = [ctx.name(a), ctx.name(b)];
  const base =
    Math.abs(s.baseAboveTop) <= s.tolerance ? `level with the top of ${nb}`
      : s.baseAboveTop > 0 ? `${ctx.fmt(s.baseAboveTop, sigmaV)} above the top of ${nb}`
        : `${ctx.fmt(-s.baseAboveTop, sigmaV)} below the top of ${nb}`;
  return placementAnswer(ctx, query, a, b, s.holds, ['supportYes', 'supportNo', 'supportSuffix'], { share: s.footprintShare, base }, [
    { label: label('qFootprintOver', { a: na, b: nb }), value: s.footprintShare, unit: 'ratio' },
    { label: label('qBaseAboveTop', { a: na, b: nb }), value: s.baseAboveTop, unit: 'm', uncertainty: sigmaV },
  ], geometric);
}
