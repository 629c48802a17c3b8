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
import { bottomOf, footprint, heightOf, topOf, type P2 } from './boxGeometry';
import { finish, type Ctx } from './context';
import type { Query } from './query';
import { label, phrase } from './templates';

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

export function answerContain(ctx: Ctx, query: Extract<Query, { type: 'contain' }>): Answer {
  const [a, b] = [ctx.get(query.a), ctx.get(query.b)];
  const sigmaV = Math.hypot(ctx.sigmaV(a), ctx.sigmaV(b));
  const sigmaH = Math.hypot(ctx.sigmaH(a), ctx.sigmaH(b));
  const c = containment(a, b);
  // each test's distance from its threshold in sigmas; "yes" rests on every test, "no" on the clearest failure
  const side = Math.sqrt(Math.max(1e-6, a.obb.size[0] * a.obb.size[2]));
  const tests = [
    { pass: c.footprintShare >= CONTAIN_FOOTPRINT_SHARE, z: (Math.abs(c.footprintShare - CONTAIN_FOOTPRINT_SHARE) * side) / Math.max(1e-6, sigmaH) },
    { pass: c.baseAboveBottom >= -c.tolerance, z: Math.abs(c.baseAboveBottom + c.tolerance) / Math.max(1e-6, sigmaV) },
    { pass: c.baseBelowTop > c.tolerance, z: Math.abs(c.baseBelowTop - c.tolerance) / Math.max(1e-6, sigmaV) },
  ];
  const z = c.holds ? Math.min(...tests.map((t) => t.z)) : Math.max(...tests.filter((t) => !t.pass).map((t) => t.z));
  const geometric = 1 - 0.5 * Math.exp(-z);
  const [na, nb] = [ctx.name(a), ctx.name(b)];
  const base =
    c.baseAboveBottom < -c.tolerance ? `${ctx.fmt(-c.baseAboveBottom, sigmaV)} below the bottom of ${nb}`
      : c.baseBelowTop <= 0 ? `${ctx.fmt(-c.baseBelowTop, sigmaV)} above the top of ${nb}`
        : `${ctx.fmt(c.baseBelowTop, sigmaV)} below the top of ${nb}`;
  const suffix = phrase('containSuffix', ctx.seed, { b: nb, share: `${Math.round(c.footprintShare * 100)}%`, base });
  const sentence = phrase(c.holds ? 'containYes' : 'containNo', ctx.seed, { a: na, b: nb }).replace(/\.$/, '') + suffix + '.';
  return finish(ctx, {
    query, verdict: c.holds ? 'yes' : 'no',
    evidence: {
      objects: [a.id, b.id],
      quantities: [
        { label: label('qFootprintShare', { a: na, b: nb }), value: c.footprintShare, unit: 'ratio' },
        { label: label('qBaseAboveBottom', { a: na, b: nb }), value: c.baseAboveBottom, unit: 'm', uncertainty: sigmaV },
        { label: label('qBaseBelowTop', { a: na, b: nb }), value: c.baseBelowTop, unit: 'm', uncertainty: sigmaV },
      ],
      visuals: [{ kind: 'highlight', objectIds: [a.id, b.id] }],
    },
  }, sentence, geometric, [a, b], true, 'volume');
}
