/**
 * Scores one scene's answers against another's (ours from measured depth vs the truth from annotated boxes):
 * the SpatialVLM paper's metrics — qualitative accuracy per relation, and for numbers the share of answers
 * within [0.5x, 2x], [0.75x, 1.33x] and [0.9x, 1.1x] of the truth — plus swap invariance.
 */
import type { SceneGraph } from '../scene/types';
import { answerQuery } from '../reason/answerQuery';
import { RELATIONS, type PairMeasure, type Query, type Relation, type SizeMeasure } from '../reason/query';
import { restsOnEstimate } from '../reason/estimateBasis';
import { viewpointFromScene } from '../reason/viewpoint';

export const CONVERSE: Readonly<Record<Relation, Relation>> = {
  left: 'right', right: 'left', above: 'below', below: 'above', behind: 'front', front: 'behind',
  wider: 'thinner', thinner: 'wider', bigger: 'smaller', smaller: 'bigger', taller: 'shorter', shorter: 'taller',
};

export const QUANT_PAIR: readonly PairMeasure[] = ['distance', 'horizontal_distance', 'vertical_distance'];
export const QUANT_SIZE: readonly SizeMeasure[] = ['width', 'height', 'depth'];

/** Truth values below this are too small for a ratio to mean anything (a 1 cm gap vs 3 cm is "3x"). */
export const MIN_TRUTH_M = 0.1;

/**
 * `tied`: answered "about the same" where the truth decides (wrong, but not committed).
 * `onEstimates`: wrong answers (tied or not) where the measure compared rests on a typical size for both
 * objects (estimateBasis.ts), which no measurement could have decided; `onOneEstimate`: for one of them.
 */
export interface Tally { correct: number; total: number; tied?: number; onEstimates?: number; onOneEstimate?: number }

export interface QuantTally {
  total: number;
  numeric: number;
  within_0_5_2: number;
  within_0_75_1_33: number;
  within_0_9_1_1: number;
  ratios: number[];
}

export interface Comparison {
  qualitative: Record<string, Tally>;
  quantitative: Record<string, QuantTally>;
  /** Relations where the truth is itself "about the same" are not scored; counted here. */
  truthTies: number;
}

const TRUTH = { ties: 'share' } as const;

const emptyQuant = (): QuantTally => ({ total: 0, numeric: 0, within_0_5_2: 0, within_0_75_1_33: 0, within_0_9_1_1: 0, ratios: [] });

export function pairsOf(ids: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) out.push([ids[i], ids[j]]);
  return out;
}

function addRatio(t: QuantTally, ours: number | undefined, truth: number): void {
  t.total++;
  if (ours === undefined || !Number.isFinite(ours)) return;
  t.numeric++;
  const r = ours / truth;
  t.ratios.push(r);
  if (r >= 0.5 && r <= 2) t.within_0_5_2++;
  if (r >= 0.75 && r <= 1.33) t.within_0_75_1_33++;
  if (r >= 0.9 && r <= 1.1) t.within_0_9_1_1++;
}

/** Compares every object pair and relation (and every measure) of `ours` against `truth` (same object ids). */
export function compareScenes(ours: SceneGraph, truth: SceneGraph): Comparison {
  const ids = truth.objects.map((o) => o.id).filter((id) => ours.objects.some((o) => o.id === id));
  const qualitative: Record<string, Tally> = {};
  const quantitative: Record<string, QuantTally> = {};
  let truthTies = 0;
  // the photo's camera: which ends the image cut off
  const eye = viewpointFromScene(ours).eye;
  const byId = new Map(ours.objects.map((o) => [o.id, o]));
  for (const [a, b] of pairsOf(ids)) {
    for (const relation of RELATIONS) {
      const q: Query = { type: 'relation', form: 'yesno', relation, a, b };
      // the truth's "about the same" is a person's (a fixed share of size), not our measurement's
      const t = answerQuery(truth, q, TRUTH).verdict;
      if (t !== 'yes' && t !== 'no') { truthTies++; continue; }
      const o = answerQuery(ours, q).verdict;
      const tally = (qualitative[relation] ??= { correct: 0, total: 0, tied: 0, onEstimates: 0, onOneEstimate: 0 });
      tally.total++;
      if (o === t) { tally.correct++; continue; }
      if (o === 'about-the-same') tally.tied = (tally.tied ?? 0) + 1;
      const estimated = [a, b].filter((id) => restsOnEstimate(byId.get(id)!, relation, eye)).length;
      if (estimated === 2) tally.onEstimates = (tally.onEstimates ?? 0) + 1;
      else if (estimated === 1) tally.onOneEstimate = (tally.onOneEstimate ?? 0) + 1;
    }
    for (const measure of QUANT_PAIR) {
      const q: Query = { type: 'pair', measure, a, b };
      const t = answerQuery(truth, q).value;
      if (t === undefined || Math.abs(t) < MIN_TRUTH_M) continue;
      addRatio((quantitative[measure] ??= emptyQuant()), answerQuery(ours, q).value, t);
    }
  }
  for (const a of ids) {
    for (const measure of QUANT_SIZE) {
      const q: Query = { type: 'size', measure, a };
      const t = answerQuery(truth, q).value;
      if (t === undefined || Math.abs(t) < MIN_TRUTH_M) continue;
      addRatio((quantitative[measure] ??= emptyQuant()), answerQuery(ours, q).value, t);
    }
  }
  return { qualitative, quantitative, truthTies };
}

/**
 * Share of (pair, relation) checks in which asking with the objects swapped tells the same truth:
 * "is A left of B" agrees with "is B right of A", "which is more left" picks the same object,
 * and distances are equal.
 */
export function swapInvariance(scene: SceneGraph): Tally {
  const ids = scene.objects.map((o) => o.id);
  const t: Tally = { correct: 0, total: 0 };
  for (const [a, b] of pairsOf(ids)) {
    for (const relation of RELATIONS) {
      const ab = answerQuery(scene, { type: 'relation', form: 'yesno', relation, a, b }).verdict;
      const ba = answerQuery(scene, { type: 'relation', form: 'yesno', relation: CONVERSE[relation], a: b, b: a }).verdict;
      t.total++;
      if (ab === ba) t.correct++;
      const c1 = answerQuery(scene, { type: 'relation', form: 'choice', relation, a, b }).choice;
      const c2 = answerQuery(scene, { type: 'relation', form: 'choice', relation, a: b, b: a }).choice;
      t.total++;
      if (c1 === c2) t.correct++;
    }
    for (const measure of QUANT_PAIR) {
      const d1 = answerQuery(scene, { type: 'pair', measure, a, b }).value;
      const d2 = answerQuery(scene, { type: 'pair', measure, a: b, b: a }).value;
      t.total++;
      if (d1 !== undefined && d2 !== undefined && Math.abs(d1 - d2) < 1e-9) t.correct++;
    }
  }
  return t;
}

export function mergeComparisons(list: Comparison[]): Comparison {
  const out: Comparison = { qualitative: {}, quantitative: {}, truthTies: 0 };
  for (const c of list) {
    out.truthTies += c.truthTies;
    for (const [k, v] of Object.entries(c.qualitative)) {
      const t = (out.qualitative[k] ??= { correct: 0, total: 0, tied: 0, onEstimates: 0, onOneEstimate: 0 });
      t.correct += v.correct; t.total += v.total; t.tied = (t.tied ?? 0) + (v.tied ?? 0);
      t.onEstimates = (t.onEstimates ?? 0) + (v.onEstimates ?? 0);
      t.onOneEstimate = (t.onOneEstimate ?? 0) + (v.onOneEstimate ?? 0);
    }
    for (const [k, v] of Object.entries(c.quantitative)) {
      const t = (out.quantitative[k] ??= emptyQuant());
      t.total += v.total; t.numeric += v.numeric; t.within_0_5_2 += v.within_0_5_2;
      t.within_0_75_1_33 += v.within_0_75_1_33; t.within_0_9_1_1 += v.within_0_9_1_1; t.ratios.push(...v.ratios);
    }
  }
  return out;
}

export const share = (t: Tally): number => (t.total === 0 ? NaN : t.correct / t.total);
/** Accuracy of the answers that commit to yes or no (ties left out). */
export const committedShare = (t: Tally): number => (t.total - (t.tied ?? 0) === 0 ? NaN : t.correct / (t.total - (t.tied ?? 0)));
/** Share of questions answered "about the same" where the truth decides. */
export const tieShare = (t: Tally): number => (t.total === 0 ? NaN : (t.tied ?? 0) / t.total);
