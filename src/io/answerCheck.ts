/**
 * A shared answer is recomputed from the scene and the query on open (the reasoning is deterministic), so a
 * link or file cannot present a wrong answer as the app's own without the app noticing.
 */
import type { SceneGraph } from '../core/scene/types';
import type { Answer } from '../core/reason/answer';
import { queryObjectIds, type Query } from '../core/reason/query';
import { answerQuery } from '../core/reason/answerQuery';
import type { AnswerKey, SharedQuestion } from './shareSchemas';

export type AnswerCheck =
  /** No query travelled (free-form question): only the carried sentence can be shown, marked as unverified. */
  | { status: 'no-query' }
  /** Recomputed; the carried sentence (if any) matches word for word. */
  | { status: 'match'; answer: Answer }
  /** Same verdict / choice / value, different words (another app version or display units). Show `answer`. */
  | { status: 'reworded'; answer: Answer }
  /** The carried answer disagrees with the scene: show `answer`, warn that the link's text was not ours. */
  | { status: 'mismatch'; answer: Answer; carried: string }
  /** The query could not be answered on this scene. */
  | { status: 'failed'; error: string };

export function answerKey(a: Answer): AnswerKey {
  const k: AnswerKey = {};
  if (a.verdict !== undefined) k.verdict = a.verdict;
  if (a.choice !== undefined) k.choice = a.choice;
  if (a.order !== undefined) k.order = [...a.order];
  if (a.value !== undefined && Number.isFinite(a.value)) k.value = a.value;
  if (a.direction !== undefined) k.clock = a.direction.clock;
  return k;
}

/** Values agree to a millimetre (or 0.1 %): a link's rounding must not read as tampering. */
function sameKey(a: AnswerKey, b: AnswerKey): boolean {
  const close = (x?: number, y?: number) =>
    x === undefined || y === undefined ? x === y : Math.abs(x - y) <= Math.max(1e-3, 1e-3 * Math.abs(x));
  return (
    a.verdict === b.verdict &&
    a.choice === b.choice &&
    (a.order ?? []).join('\u0000') === (b.order ?? []).join('\u0000') &&
    close(a.value, b.value) &&
    a.clock === b.clock
  );
}

export function recomputeAnswer(scene: SceneGraph, q: SharedQuestion & { query: Query }): Answer {
  return answerQuery(scene, q.query, { unit: q.unit, units: q.units, phrasingSeed: q.seed });
}

/** Never throws. */
export function checkSharedAnswer(scene: SceneGraph, q: SharedQuestion): AnswerCheck {
  const query = q.query;
  if (!query) return { status: 'no-query' };
  let answer: Answer;
  try {
    answer = recomputeAnswer(scene, { ...q, query });
  } catch (e) {
    return { status: 'failed', error: `the question could not be answered on this scene (${e instanceof Error ? e.message : String(e)})` };
  }
  if (q.sentence === undefined && q.answer === undefined) return { status: 'match', answer };
  if (q.answer !== undefined && !sameKey(q.answer, answerKey(answer))) {
    return { status: 'mismatch', answer, carried: q.sentence ?? JSON.stringify(q.answer) };
  }
  if (q.sentence !== undefined && q.sentence !== answer.sentence) {
    // Without a key we cannot tell rewording from tampering: treat it as a mismatch.
    return q.answer !== undefined ? { status: 'reworded', answer } : { status: 'mismatch', answer, carried: q.sentence };
  }
  return { status: 'match', answer };
}

/** Ids a query names, to check they exist in the scene before anything is answered. */
export const queryIds = queryObjectIds;
