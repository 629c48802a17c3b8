/**
 * What containment.ts and support.ts share: how sure a placement verdict is, from the margins of its tests, and
 * the answer it makes (a sentence with the footprint share and where A's base is, and its numbers).
 */
import type { SceneObject } from '../scene/types';
import type { Answer, Quantity } from './answer';
import { finish, type Ctx } from './context';
import type { Query } from './query';
import { phrase, type TemplateKey } from './templates';

/** One test of a placement (containment, support): whether it passed and how far from its threshold, metres. */
export interface PlacementTest {
  pass: boolean;
  marginM: number;
  /** a height test (else a footprint test) */
  vertical: boolean;
}

/**
 * How sure a placement verdict is, from its tests' margins in sigmas of the two objects' position errors:
 * "yes" rests on every test, "no" on its clearest failure.
 */
export function placementConfidence(ctx: Ctx, a: SceneObject, b: SceneObject, holds: boolean, tests: readonly PlacementTest[]): number {
  const sigmaV = Math.max(1e-6, Math.hypot(ctx.sigmaV(a), ctx.sigmaV(b)));
  const sigmaH = Math.max(1e-6, Math.hypot(ctx.sigmaH(a), ctx.sigmaH(b)));
  const zs = tests.filter((t) => holds || !t.pass).map((t) => t.marginM / (t.vertical ? sigmaV : sigmaH));
  const z = holds ? Math.min(...zs) : Math.max(...zs);
  return 1 - 0.5 * Math.exp(-z);
}

/** A footprint share's margin in metres: its distance from the threshold times the side of A's footprint. */
export const shareMargin = (a: SceneObject, share: number, threshold: number): number =>
  Math.abs(share - threshold) * Math.sqrt(Math.max(1e-6, a.obb.size[0] * a.obb.size[2]));

/** A placement verdict as an answer: the sentence with the footprint share and where A's base is, and its numbers. */
export function placementAnswer(
  ctx: Ctx,
  query: Query,
  a: SceneObject,
  b: SceneObject,
  holds: boolean,
  [yes, no, suffixKey]: readonly [TemplateKey, TemplateKey, TemplateKey],
  vars: { share: number; base: string },
  quantities: Quantity[],
  geometric: number,
): Answer {
  const [na, nb] = [ctx.name(a), ctx.name(b)];
  const suffix = phrase(suffixKey, ctx.seed, { b: nb, share: `${Math.round(vars.share * 100)}%`, base: vars.base });
  const sentence = phrase(holds ? yes : no, ctx.seed, { a: na, b: nb }).replace(/\.$/, '') + suffix + '.';
  return finish(ctx, {
    query, verdict: holds ? 'yes' : 'no',
    evidence: { objects: [a.id, b.id], quantities, visuals: [{ kind: 'highlight', objectIds: [a.id, b.id] }] },
  }, sentence, geometric, [a, b], true, 'volume');
}
