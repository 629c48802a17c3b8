/**
 * One frame's value of a spatial measure between two objects, with its one-sigma uncertainty, computed by
 * the same reasoning code that answers questions (src/core/reason): the curve and a question asked on that
 * frame never disagree.
 *
 * - distance, horizontal / vertical distance: the answer's value and its uncertainty;
 * - surface gap: closest surfaces of the two boxes (boxGap), with the distance's sigma;
 * - height above support: bottom of A's box above the support plane (the canonical origin's height), B unused;
 * - a qualitative relation: +1 yes, 0 about the same, -1 no (the verdict of "is A <relation> B?"), no sigma.
 */
import type { SceneGraph } from '../scene/types';
import type { Relation } from '../reason/query';
import { RELATIONS } from '../reason/query';
import { answerQuery } from '../reason/answerQuery';
import { makeCtx } from '../reason/context';
import { boxGap } from '../reason/boxGeometry';

export type NumericMeasure = 'distance' | 'surface_gap' | 'horizontal_distance' | 'vertical_distance' | 'height_above_support';
export type SequenceMeasure = NumericMeasure | Relation;

export const NUMERIC_MEASURES: readonly NumericMeasure[] = ['distance', 'surface_gap', 'horizontal_distance', 'vertical_distance', 'height_above_support'];
export const SEQUENCE_MEASURES: readonly SequenceMeasure[] = [...NUMERIC_MEASURES, ...RELATIONS];

export const isRelationMeasure = (m: SequenceMeasure): m is Relation => (RELATIONS as readonly string[]).includes(m);
export const isSequenceMeasure = (s: string): s is SequenceMeasure => (SEQUENCE_MEASURES as readonly string[]).includes(s);

export interface FrameValue {
  value: number;
  /** One sigma, metres; 0 for relations (their tie band is in the verdict). */
  sigma: number;
}

/** The measure on one scene between objects `a` and `b` (ids of that scene). */
export function measureFrame(scene: SceneGraph, measure: SequenceMeasure, a: string, b: string): FrameValue {
  if (isRelationMeasure(measure)) {
    const ans = answerQuery(scene, { type: 'relation', form: 'yesno', relation: measure, a, b });
    return { value: ans.verdict === 'yes' ? 1 : ans.verdict === 'no' ? -1 : 0, sigma: 0 };
  }
  const ctx = makeCtx(scene);
  const oa = ctx.get(a);
  if (measure === 'height_above_support') {
    return { value: oa.obb.center[1] - oa.obb.size[1] / 2, sigma: ctx.sigmaV(oa) };
  }
  const ob = ctx.get(b);
  if (measure === 'surface_gap') {
    return { value: boxGap(oa.obb, ob.obb).distance, sigma: Math.hypot(ctx.sigmaH(oa), ctx.sigmaH(ob)) };
  }
  const ans = answerQuery(scene, { type: 'pair', measure, a, b });
  const q = ans.evidence.quantities[0];
  return { value: q.value, sigma: q.uncertainty ?? 0 };
}
