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
import type { Answer, Quantity } from './answer';
import { bottomOf, footprint, heightOf, topOf, type P2 } from './boxGeometry';
import { finish, type Ctx } from './context';
import type { Query } from './query';
import { label, phrase, type TemplateKey } from './templates';

/** Share of A's footprint that must lie within B's. */
export const CONTAIN_FOOTPRINT_SHARE = 0.75;
/** The smallest height margin (metres) that tells a base inside B from one resting on its top. */
export const CONTAIN_MIN_TOL_M = 0.03;
/** The height margin as a share of B's height, where that is more. */
export const CONTAIN_REL_TOL = 0.1;

const signedArea = (poly: readonly P2[]): number => {
  let s = 0;
  for (let i = 0; i < poly.length; i++) {
    const [x0, z0] = poly[i];
    const [x1, z1] = poly[(i + 1) % poly.length];
    s += x0 * z1 - x1 * z0;
  }
  return s / 2;
};

const counterClockwise = (poly: P2[]): P2[] => (signedArea(poly) < 0 ? [...poly].reverse() : poly);

/** The part of convex polygon `subject` inside convex polygon `clip` (Sutherland-Hodgman). */
export function clipConvex(subject: readonly P2[], clip: readonly P2[]): P2[] {
  const c = counterClockwise([...clip]);
  let out: P2[] = counterClockwise([...subject]);
  for (let i = 0; i < c.length && out.length > 0; i++) {
    const [ax, az] = c[i];
    const [bx, bz] = c[(i + 1) % c.length];
    const side = ([x, z]: P2) => (bx - ax) * (z - az) - (bz - az) * (x - ax);
    const input = out;
    out = [];
    for (let j = 0; j < input.length; j++) {
      const p = input[j];
      const q = input[(j + 1) % input.length];
      const sp = side(p);
      const sq = side(q);
      if (sp >= 0) out.push(p);
      if ((sp >= 0) !== (sq >= 0)) {
        const t = sp / (sp - sq);
        out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
      }
    }
  }
  return out;
}

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

/** Share of A's footprint (seen from above, with its yaw) that lies within B's, 0..1. */
export function footprintShare(a: SceneObject, b: SceneObject): number {
  const fa = footprint(a.obb);
  const areaA = Math.abs(signedArea(fa));
  return areaA > 1e-12 ? Math.min(1, Math.abs(signedArea(clipConvex(fa, footprint(b.obb)))) / areaA) : 0;
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
