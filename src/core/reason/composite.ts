/**
 * Composite questions, planned as chains of primitive queries: each step is the Answer of a primitive query,
 * returned in `steps` so the viewer and the person can follow the reasoning.
 *
 * - extreme: closest/farthest object to X by centre distance, among all other objects unless `among`;
 *   the top two within EXTREME_TIE_FRACTION (5%, at least 2 cm) of each other is a tie (no `choice`).
 * - order: by height / size (volume) / width / camera_distance / elevation. camera_distance is the distance
 *   ahead of the camera along the horizontal viewing direction (what behind / in front compare); elevation
 *   is the centre height. Steps compare neighbours in the order ("which is taller?"), so near-ties show.
 * - between: seen from above (XZ plane, heights ignored — a cup on a table is not "between" anything in
 *   height): A's centre projects inside segment BC (0 <= t <= 1) and lies within
 *   max(BETWEEN_MIN_TOL_M, BETWEEN_REL_TOL x |BC|) of the line.
 * - triangle: sides between centres in 3D; equilateral when all sides are within 10% of the longest,
 *   isosceles when two are, right when an angle is within 10 degrees of 90. Tolerances are in the sentence.
 * - count: objects other than the reference for which "O <relation> reference" answers yes; ties not counted.
 * Confidence of a composite is derived from its steps (its caveats are theirs).
 */
import { cross, dot, norm, sub } from '../geometry/vec';
import type { SceneObject } from '../scene/types';
import type { Answer, Quantity, Step, Verdict } from './answer';
import type { OrderKey, Query, Relation, TriangleShape } from './query';
import { toView } from './viewpoint';
import { type Ctx, MIN_TIE_BAND_M, comparisonConfidence, withCaveats } from './context';
import { answerPair, centreDistance } from './measures';
import { answerRelation, familyMeasure, RELATION_FAMILY } from './relations';
import { answerContain, containment } from './containment';
import { answerSupport } from './support';
import { RELATION_WORDS, SHAPE_WORDS, capitalise, kindNoun, orderWords, phrase, label, relationWords } from './templates';

export const EXTREME_TIE_FRACTION = 0.05;
export const BETWEEN_MIN_TOL_M = 0.1;
export const BETWEEN_REL_TOL = 0.2;
export const TRIANGLE_SIDE_TOL = 0.1;
export const TRIANGLE_ANGLE_TOL_DEG = 10;

const ORDER_RELATIONS: Readonly<Record<OrderKey, [Relation, Relation]>> = {
  height: ['taller', 'shorter'],
  size: ['bigger', 'smaller'],
  width: ['wider', 'thinner'],
  camera_distance: ['behind', 'front'],
  elevation: ['above', 'below'],
  lateral: ['right', 'left'],
};

function unionCaveats(steps: Step[]): string[] {
  return [...new Set(steps.flatMap((s) => s.answer.caveats))];
}

export function compositeAnswer(
  ctx: Ctx,
  base: Omit<Answer, 'confidence' | 'caveats' | 'sentence' | 'steps'>,
  steps: Step[],
  sentence: string,
  confidence: number,
  /** the steps the answer rests on, when not all (a superlative rests on its first comparison) */
  deciding: Step[] = steps,
): Answer {
  const caveats = unionCaveats(deciding);
  return { ...base, steps, caveats, confidence: Math.min(1, Math.max(0, confidence)), sentence: withCaveats(sentence, caveats) };
}

const listNames = (names: string[]): string =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

export const minConfidence = (steps: Step[]): number => Math.min(1, ...steps.map((s) => s.answer.confidence));

export function answerExtreme(ctx: Ctx, query: Extract<Query, { type: 'extreme' }>): Answer {
  const ref = ctx.get(query.to);
  const pool = (query.among ?? ctx.scene.objects.map((o) => o.id)).filter((id) => id !== ref.id);
  const candidates = [...new Set(pool)].map((id) => ctx.get(id));
  const steps: Step[] = candidates.map((o) => ({
    description: label('qDistance', { a: ctx.name(ref), b: ctx.name(o) }),
    answer: answerPair(ctx, { type: 'pair', measure: 'distance', a: ref.id, b: o.id }),
  }));
  const ranked = candidates
    .map((o) => ({ o, d: centreDistance(ref, o), key: Math.round(centreDistance(ref, o) * 1e9) }))
    .sort((x, y) => (query.which === 'closest' ? x.key - y.key : y.key - x.key) || (x.o.id < y.o.id ? -1 : 1));
  const evidence = {
    objects: [ref.id, ...candidates.map((o) => o.id)],
    quantities: ranked.map<Quantity>((r) => ({ label: label('qDistance', { a: ctx.name(ref), b: ctx.name(r.o) }), value: r.d, unit: 'm' })),
    visuals: [] as Answer['evidence']['visuals'],
  };
  if (!ranked.length) {
    return compositeAnswer(ctx, { query, evidence }, steps, `There is no other object to compare with ${ctx.name(ref)}.`, 0);
  }
  const [first, second] = ranked;
  const sigma = Math.hypot(ctx.sigmaH(ref), ctx.sigmaH(first.o));
  const text = ctx.fmt(first.d, sigma);
  evidence.visuals.push({ kind: 'highlight', objectIds: [ref.id, first.o.id] }, { kind: 'line', from: ref.obb.center, to: first.o.obb.center, label: text });
  const firstStep = steps[candidates.indexOf(first.o)].answer;
  const vars = {
    x: ctx.name(first.o), ref: ctx.name(ref), value: text, adj: query.which,
    which: query.which === 'closest' ? 'closest to' : 'farthest from',
  };
  if (second) {
    const band = Math.max(MIN_TIE_BAND_M, (EXTREME_TIE_FRACTION * (first.d + second.d)) / 2);
    const diff = Math.abs(first.d - second.d);
    if (diff <= band) {
      const sentence = phrase('extremeTie', ctx.seed, { ...vars, y: ctx.name(second.o), closefar: query.which === 'closest' ? 'close to' : 'far from' });
      return compositeAnswer(ctx, { query, value: first.d, unit: 'm', evidence }, steps, sentence, firstStep.confidence * comparisonConfidence(diff, band));
    }
    return compositeAnswer(ctx, { query, choice: first.o.id, value: first.d, unit: 'm', evidence }, steps,
      phrase('extreme', ctx.seed, vars), firstStep.confidence * comparisonConfidence(diff, band));
  }
  return compositeAnswer(ctx, { query, choice: first.o.id, value: first.d, unit: 'm', evidence }, steps,
    phrase('extreme', ctx.seed, vars), firstStep.confidence);
}

export function answerOrder(ctx: Ctx, query: Extract<Query, { type: 'order' }>): Answer {
  // the object a claim is about is always ranked, whatever list came with it
  const ids = query.claim !== undefined ? [...query.objects, query.claim] : query.objects;
  const objects = [...new Set(ids)].map((id) => ctx.get(id));
  const [more, less] = ORDER_RELATIONS[query.by];
  const family = RELATION_FAMILY[more].family;
  // Differences below a nanometre are float noise: let the id decide, so moving the scene cannot reorder.
  const measured = objects.map((o) => ({ o, v: Math.round(familyMeasure(ctx, family, o) * 1e9) / 1e9 }));
  measured.sort((x, y) => (query.descending ? y.v - x.v : x.v - y.v) || (x.o.id < y.o.id ? -1 : 1));
  const order = measured.map((m) => m.o.id);
  const relation = query.descending ? more : less;
  const steps: Step[] = [];
  const ties: string[] = [];
  for (let i = 0; i + 1 < measured.length; i++) {
    const [a, b] = [measured[i].o, measured[i + 1].o];
    const answer = answerRelation(ctx, { type: 'relation', form: 'choice', relation, a: a.id, b: b.id, ...(query.long ? { long: true } : {}) });
    steps.push({ description: `which is ${relationWords(relation, query.long).more}: ${ctx.name(a)} or ${ctx.name(b)}`, answer });
    if (answer.choice === undefined) ties.push(`${ctx.name(a)} and ${ctx.name(b)}`);
  }
  const w = orderWords(query.by, query.long);
  // a height or a width is worth reading beside each name ("how tall are the sofa and the lamp?")
  const withValue = family === 'height' || family === 'width';
  let sentence = phrase('order', ctx.seed, {
    key: w.key,
    first: query.descending ? w.descending : w.ascending,
    list: listNames(measured.map((m) => (withValue ? `${ctx.name(m.o)} (${ctx.fmt(m.v, family === 'height' ? ctx.sigmaV(m.o) : ctx.sigmaH(m.o))})` : ctx.name(m.o)))),
  });
  if (ties.length) sentence = sentence.replace(/\.$/, '') + phrase('orderTieSuffix', ctx.seed, { pairs: ties.join(', ') }) + '.';
  // a superlative names its winner first, unless the top two are too close to call
  const winner = query.top && steps[0]?.answer.choice !== undefined ? measured[0].o : undefined;
  const adj = (query.descending ? w.descending : w.ascending) + (query.by === 'camera_distance' ? ' to the camera' : '');
  const volume = family === 'volume';
  if (query.claim !== undefined) return answerClaim(ctx, query, query.claim, measured.map((m) => m.o), steps, sentence, adj, relation, volume ? 'volume' : w.key);
  if (winner) sentence = phrase('superlative', ctx.seed, { x: ctx.name(winner), adj }) + ' ' + sentence;
  return compositeAnswer(ctx, {
    query, order, ...(winner ? { choice: winner.id } : {}),
    evidence: {
      objects: order,
      quantities: measured.map<Quantity>((m) => ({ label: `${volume ? 'volume' : w.key} of ${ctx.name(m.o)}`, value: m.v, unit: volume ? 'm3' : 'm' })),
      visuals: [{ kind: 'highlight', objectIds: order }],
    },
  }, steps, sentence, winner ? steps[0].answer.confidence : steps.length ? minConfidence(steps) : 1, winner ? steps.slice(0, 1) : steps);
}

const RANK_WORDS: Readonly<Record<number, string>> = { 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth', 6: 'sixth', 7: 'seventh', 8: 'eighth', 9: 'ninth', 10: 'tenth' };

/**
 * "Is the lamp the tallest object?": yes when it heads the order and its lead is decided; too close to call when
 * it is one of a top two inside the tie band; no otherwise, naming the one that is. As sure as the comparison of
 * the claimed object with the first.
 */
function answerClaim(ctx: Ctx, query: Extract<Query, { type: 'order' }>, claimId: string, ordered: SceneObject[], steps: Step[], orderSentence: string, adj: string, relation: Relation, key: string): Answer {
  const claim = ctx.get(claimId);
  const [first, second] = ordered;
  // the first against the claimed one; the second against the first when the claim heads the order
  const other = first.id === claim.id ? second : first;
  const vs = other ? answerRelation(ctx, { type: 'relation', form: 'choice', relation, a: other.id, b: claim.id, ...(query.long ? { long: true } : {}) }) : null;
  const verdict: Verdict = !vs ? 'yes' : vs.choice === undefined ? 'about-the-same' : vs.choice === claim.id ? 'yes' : 'no';
  const rank = ordered.indexOf(claim) + 1;
  const vars = { x: ctx.name(verdict === 'yes' ? claim : other ?? first), claim: ctx.name(claim), adj, next: second ? ctx.name(second) : '', rank: RANK_WORDS[rank] ?? `number ${rank}` };
  // the whole order only where the answer is not yes: where the claimed object stands, and what is close
  const lead = phrase(verdict === 'yes' ? (second ? 'claimYes' : 'superlative') : verdict === 'no' ? 'claimNo' : 'claimTie', ctx.seed, vars);
  const sentence = verdict === 'yes' ? lead : `${lead} ${orderSentence}`;
  const deciding: Step[] = vs && other ? [{ description: `which is ${relationWords(relation, query.long).more}: ${ctx.name(other)} or ${ctx.name(claim)}`, answer: vs }] : [];
  return compositeAnswer(ctx, {
    query, verdict, order: ordered.map((o) => o.id),
    evidence: {
      objects: ordered.map((o) => o.id),
      quantities: deciding.flatMap((d) => d.answer.evidence.quantities.filter((q) => !q.technical)).slice(0, 2).concat({ label: `rank of ${ctx.name(claim)} by ${key}`, value: ordered.indexOf(claim) + 1, unit: 'count' }),
      visuals: [{ kind: 'highlight', objectIds: [claim.id, ...(other ? [other.id] : [])] }],
    },
  }, [...deciding, ...steps], sentence, deciding.length ? deciding[0].answer.confidence : 1, deciding);
}

export function answerBetween(ctx: Ctx, query: Extract<Query, { type: 'between' }>): Answer {
  const [a, b, c] = [ctx.get(query.a), ctx.get(query.b), ctx.get(query.c)];
  const steps: Step[] = ([[b, a], [a, c], [b, c]] as const).map(([p, q]) => ({
    description: label('qHorizontal', { a: ctx.name(p), b: ctx.name(q) }),
    answer: answerPair(ctx, { type: 'pair', measure: 'horizontal_distance', a: p.id, b: q.id }),
  }));
  // Compute from the end with the smaller id so that "between B and C" and "between C and B" agree to the bit.
  const flip = c.id < b.id;
  const [s0, s1] = flip ? [c, b] : [b, c];
  const [ax, az] = [a.obb.center[0], a.obb.center[2]];
  const [bx, bz] = [s0.obb.center[0], s0.obb.center[2]];
  const [cx, cz] = [s1.obb.center[0], s1.obb.center[2]];
  const len = Math.hypot(cx - bx, cz - bz);
  const tol = Math.max(BETWEEN_MIN_TOL_M, BETWEEN_REL_TOL * len);
  let t = 0;
  let off = Math.hypot(ax - bx, az - bz);
  if (len > 1e-9) {
    t = ((ax - bx) * (cx - bx) + (az - bz) * (cz - bz)) / (len * len);
    off = Math.abs((ax - bx) * (cz - bz) - (az - bz) * (cx - bx)) / len;
  }
  // A 1e-9 slack: A at exactly an end (t = 0) must not flip to "no" on float noise when the scene moves.
  const EPS = 1e-9;
  const yes = len > 1e-9 && t >= -EPS && t <= 1 + EPS && off <= tol + EPS;
  if (flip) t = 1 - t; // reported from the question's B
  // Distance to the nearest decision boundary, in metres, against the combined position error.
  const margin = Math.min(Math.abs(t) * len, Math.abs(1 - t) * len, Math.abs(tol - off));
  const sigma = Math.hypot(ctx.sigmaH(a), ctx.sigmaH(b), ctx.sigmaH(c));
  const geometric = 1 - 0.5 * Math.exp(-margin / sigma);
  const vars = { a: ctx.name(a), b: ctx.name(b), c: ctx.name(c) };
  const suffix = phrase('betweenSuffix', ctx.seed, {
    ...vars, along: `${Math.round(t * 100)}%`, off: ctx.fmt(off, sigma), tol: ctx.fmt(tol, sigma),
  });
  const sentence = phrase(yes ? 'betweenYes' : 'betweenNo', ctx.seed, vars).replace(/\.$/, '') + suffix + '.';
  return compositeAnswer(ctx, {
    query, verdict: yes ? 'yes' : 'no',
    evidence: {
      objects: [a.id, b.id, c.id],
      quantities: [
        { label: `how far along the way from ${ctx.name(b)} to ${ctx.name(c)} ${ctx.name(a)} is (0 to 1)`, value: t, unit: 'ratio', technical: true },
        { label: `distance of ${ctx.name(a)} from the line joining ${ctx.name(b)} and ${ctx.name(c)}`, value: off, unit: 'm', uncertainty: sigma },
        { label: 'tolerance', value: tol, unit: 'm' },
      ],
      visuals: [
        { kind: 'highlight', objectIds: [a.id, b.id, c.id] },
        { kind: 'line', from: b.obb.center, to: c.obb.center, label: `${ctx.name(b)} – ${ctx.name(c)}` },
      ],
    },
  }, steps, sentence, geometric * minConfidence(steps));
}

export interface TriangleTest {
  sides: [number, number, number];
  /** interior angles in degrees at the three objects, in query order */
  angles: [number, number, number];
  holds: boolean;
}

/** Triangle shape test on three points; `sides[i]` is opposite vertex i. */
export function triangleTest(points: [SceneObject, SceneObject, SceneObject], shape: TriangleShape): TriangleTest {
  const [p, q, r] = points;
  const sides: [number, number, number] = [centreDistance(q, r), centreDistance(p, r), centreDistance(p, q)];
  // atan2(|u x v|, u.v) stays finite for coincident or tiny triangles, unlike the law of cosines.
  const angleAt = (o: SceneObject, x: SceneObject, y: SceneObject) => {
    const u = sub(x.obb.center, o.obb.center);
    const v = sub(y.obb.center, o.obb.center);
    return (Math.atan2(norm(cross(u, v)), dot(u, v)) * 180) / Math.PI;
  };
  const angles: [number, number, number] = [angleAt(p, q, r), angleAt(q, p, r), angleAt(r, p, q)];
  const longest = Math.max(...sides);
  const close = (x: number, y: number) => Math.abs(x - y) <= TRIANGLE_SIDE_TOL * Math.max(x, y);
  // Two objects at the same spot (within a micrometre) make no triangle; their angle would be float noise.
  const nondegenerate = Math.min(...sides) > 1e-6 && Math.max(...angles) < 180 - TRIANGLE_ANGLE_TOL_DEG;
  let holds: boolean;
  if (shape === 'equilateral') holds = nondegenerate && Math.min(...sides) >= (1 - TRIANGLE_SIDE_TOL) * longest;
  else if (shape === 'isosceles') holds = nondegenerate && (close(sides[0], sides[1]) || close(sides[1], sides[2]) || close(sides[0], sides[2]));
  else holds = nondegenerate && angles.some((x) => Math.abs(x - 90) <= TRIANGLE_ANGLE_TOL_DEG);
  return { sides, angles, holds };
}

export function answerTriangle(ctx: Ctx, query: Extract<Query, { type: 'triangle' }>): Answer {
  const objs = query.objects.map((id) => ctx.get(id)) as [SceneObject, SceneObject, SceneObject];
  const [a, b, c] = objs;
  const steps: Step[] = ([[a, b], [b, c], [a, c]] as const).map(([p, q]) => ({
    description: `distance from ${p.id} to ${q.id}`,
    answer: answerPair(ctx, { type: 'pair', measure: 'distance', a: p.id, b: q.id }),
  }));
  const test = triangleTest(objs, query.shape);
  const sig = (i: number) => steps[i].answer.evidence.quantities[0].uncertainty;
  // sides in the sentence follow the steps: ab, bc, ac
  const sideTexts = [ctx.fmt(test.sides[2], sig(0)), ctx.fmt(test.sides[0], sig(1)), ctx.fmt(test.sides[1], sig(2))];
  let detail = `the sides are ${listNames(sideTexts)}`;
  if (query.shape === 'right') {
    const i = test.angles.indexOf(Math.max(...test.angles));
    const nearest = test.angles.reduce((best, x, j) => (Math.abs(x - 90) < Math.abs(test.angles[best] - 90) ? j : best), i);
    detail += `; the angle at ${ctx.name(objs[nearest])} is ${Math.round(test.angles[nearest])}°, and within ${TRIANGLE_ANGLE_TOL_DEG}° of 90° counts as right`;
  } else {
    detail += `; sides within ${Math.round(TRIANGLE_SIDE_TOL * 100)}% of each other count as equal`;
  }
  const vars = { a: ctx.name(a), b: ctx.name(b), c: ctx.name(c), shape: SHAPE_WORDS[query.shape], detail };
  const sentence = phrase(test.holds ? 'triangleYes' : 'triangleNo', ctx.seed, vars);
  return compositeAnswer(ctx, {
    query, verdict: test.holds ? 'yes' : 'no',
    evidence: {
      objects: [a.id, b.id, c.id],
      quantities: [
        ...(['bc', 'ac', 'ab'] as const).map<Quantity>((n, i) => ({ label: `side ${n}`, value: test.sides[i], unit: 'm' })),
        ...objs.map<Quantity>((o, i) => ({ label: `angle at ${o.id}`, value: test.angles[i], unit: 'deg' })),
      ],
      visuals: [
        { kind: 'highlight', objectIds: [a.id, b.id, c.id] },
        { kind: 'line', from: a.obb.center, to: b.obb.center, label: sideTexts[0] },
        { kind: 'line', from: b.obb.center, to: c.obb.center, label: sideTexts[1] },
        { kind: 'line', from: a.obb.center, to: c.obb.center, label: sideTexts[2] },
      ],
    },
  }, steps, sentence, minConfidence(steps));
}

/** "Is O <relation> the reference?" for every other object of the scene, one step each. */
function relationSteps(ctx: Ctx, relation: Relation, ref: SceneObject, among: ReadonlySet<string> | null = null): { others: SceneObject[]; steps: Step[] } {
  const others = ctx.scene.objects.filter((o) => o.id !== ref.id && (!among || among.has(o.id)));
  const steps: Step[] = others.map((o) => ({
    description: `is ${ctx.name(o)} ${RELATION_WORDS[relation].rel} ${ctx.name(ref)}`,
    answer: answerRelation(ctx, { type: 'relation', form: 'yesno', relation, a: o.id, b: ref.id }),
  }));
  return { others, steps };
}

export function answerCount(ctx: Ctx, query: Extract<Query, { type: 'count' }>): Answer {
  const ref = ctx.get(query.reference);
  // "how many chairs are closer than the sofa": only the chairs are counted
  const among = query.among ? new Set(query.among) : null;
  const { others, steps } = relationSteps(ctx, query.relation, ref, among);
  const hits = others.filter((_, i) => steps[i].answer.verdict === 'yes');
  const ties = others.filter((_, i) => steps[i].answer.verdict === 'about-the-same');
  const n = hits.length;
  const captions = among ? [...among].map((id) => ctx.get(id).caption) : null;
  const kind = captions ? kindNoun(captions, n) : null;
  const plural = captions ? kindNoun(captions, 2) : 'objects';
  const vars = {
    n, objects: kind ?? (n === 1 ? 'object' : 'objects'), are: n === 1 ? 'is' : 'are',
    rel: RELATION_WORDS[query.relation].rel, ref: ctx.name(ref),
    list: n ? `: ${listNames(hits.map((o) => ctx.name(o)))}` : '',
  };
  const asked = countVerdict(query.ask, n, ties.length, others.length);
  let sentence: string;
  if (query.ask === 'any' && asked !== 'about-the-same') {
    sentence = asked === 'no' ? phrase('countAnyNo', ctx.seed, { ...vars, one: captions ? kindNoun(captions, 1) : 'object' }) : phrase('countAnyYes', ctx.seed, vars);
  } else if (query.ask === 'all' && asked) {
    const total = others.length;
    const every = total === 1 ? `${ctx.name(others[0])} is` : total === 2 ? `both ${plural} are` : `all ${total} ${plural} are`;
    const some = n === 0 ? `none of the ${total} ${plural} is` : `only ${n} of the ${total} ${plural} ${n === 1 ? 'is' : 'are'}`;
    sentence = phrase(asked === 'yes' ? 'countAllYes' : asked === 'no' ? 'countAllNo' : 'countAllTie', ctx.seed, { ...vars, every, some });
  } else {
    sentence = phrase('count', ctx.seed, vars);
  }
  if (ties.length) {
    sentence += ` ${capitalise(listNames(ties.map((o) => ctx.name(o))))} ${ties.length === 1 ? 'is' : 'are'} too close to call and not counted.`;
  }
  // Every step's decision matters to the count: the least sure one bounds it.
  const confidence = steps.length ? minConfidence(steps) : 1;
  return compositeAnswer(ctx, {
    query, value: n, unit: 'count', ...(asked ? { verdict: asked } : {}),
    evidence: {
      objects: [ref.id, ...hits.map((o) => o.id)],
      quantities: [{ label: `${plural} ${RELATION_WORDS[query.relation].rel} ${ctx.name(ref)}`, value: n, unit: 'count' }],
      visuals: [{ kind: 'highlight', objectIds: hits.map((o) => o.id) }],
    },
  }, steps, sentence, confidence);
}


/**
 * A count asked yes or no: "any" is yes once one object is counted, no when none is and none is too close to
 * call; "all" is yes when every one is counted, no once one is decided against, else too close to call.
 */
function countVerdict(ask: 'any' | 'all' | undefined, n: number, ties: number, total: number): Answer['verdict'] {
  if (ask === 'any') return n > 0 ? 'yes' : ties > 0 ? 'about-the-same' : 'no';
  if (ask === 'all' && total > 0) return n === total ? 'yes' : n + ties === total ? 'about-the-same' : 'no';
  return undefined;
}

/** "How many chairs are there?": the objects of one kind the parser found, named. */
export function answerTally(ctx: Ctx, query: Extract<Query, { type: 'tally' }>): Answer {
  const objects = [...new Set(query.objects)].map((id) => ctx.get(id));
  const n = objects.length;
  const noun = kindNoun(objects.map((o) => o.caption), n);
  const sentence = phrase('tally', ctx.seed, { n, noun, are: n === 1 ? 'is' : 'are', list: listNames(objects.map((o) => ctx.name(o))) });
  const confidence = n ? Math.min(...objects.map((o) => 0.5 + 0.5 * o.confidence)) : 1;
  return compositeAnswer(ctx, {
    query, value: n, unit: 'count',
    evidence: {
      objects: objects.map((o) => o.id),
      quantities: [{ label: `${noun} found`, value: n, unit: 'count' }],
      visuals: [{ kind: 'highlight', objectIds: objects.map((o) => o.id) }],
    },
  }, [], sentence, confidence);
}

/**
 * "What is (directly) behind the coffee table?": every object for which "O <relation> reference" answers
 * yes, nearest to the reference first (the nearest is what "directly" asks for).
 */
export function answerFind(ctx: Ctx, query: Extract<Query, { type: 'find' }>): Answer {
  const ref = ctx.get(query.reference);
  const { others, steps } = relationSteps(ctx, query.relation, ref);
  // in line with the reference first (what "directly behind" means: across the view, their boxes overlap), then nearest
  const inLine = (o: SceneObject): boolean => lateralOverlap(ctx, query.relation, o, ref);
  const hits = others
    .filter((_, i) => steps[i].answer.verdict === 'yes')
    .map((o) => ({ o, d: centreDistance(o, ref), line: inLine(o) ? 0 : 1 }))
    .sort((x, y) => x.line - y.line || x.d - y.d || (x.o.id < y.o.id ? -1 : 1))
    .map((h) => h.o);
  const n = hits.length;
  const vars = {
    rel: RELATION_WORDS[query.relation].rel, ref: ctx.name(ref), are: n === 1 ? 'is' : 'are',
    list: listNames(hits.map((o) => ctx.name(o))), first: hits[0] ? ctx.name(hits[0]) : '',
    directly: hits[0] && inLine(hits[0]) ? 'directly ' : '',
  };
  const sentence = phrase(n === 0 ? 'findNone' : n === 1 ? 'findOne' : 'find', ctx.seed, vars);
  const deciding = steps.filter((s, i) => hits.includes(others[i]) || s.answer.verdict === 'about-the-same');
  const confidence = deciding.length ? minConfidence(deciding) : steps.length ? minConfidence(steps) : 1;
  return compositeAnswer(ctx, {
    query, value: n, unit: 'count', ...(hits[0] ? { choice: hits[0].id } : {}),
    evidence: {
      objects: [ref.id, ...hits.map((o) => o.id)],
      quantities: hits.map<Quantity>((o) => ({ label: label('qDistance', { a: ctx.name(ref), b: ctx.name(o) }), value: centreDistance(o, ref), unit: 'm' })),
      visuals: [{ kind: 'highlight', objectIds: [ref.id, ...hits.map((o) => o.id)] }],
    },
  }, steps, sentence, confidence);
}

/**
 * "What is between the sofa and the tv?": every other object for which "O is between B and C" answers yes (the
 * between test above), the one nearest the middle of the way first.
 */
export function answerInBetween(ctx: Ctx, query: Extract<Query, { type: 'inBetween' }>): Answer {
  const [b, c] = [ctx.get(query.b), ctx.get(query.c)];
  const others = ctx.scene.objects.filter((o) => o.id !== b.id && o.id !== c.id);
  const steps: Step[] = others.map((o) => ({
    description: `is ${ctx.name(o)} between ${ctx.name(b)} and ${ctx.name(c)}`,
    answer: answerBetween(ctx, { type: 'between', a: o.id, b: b.id, c: c.id }),
  }));
  const along = (s: Step) => s.answer.evidence.quantities[0].value;
  const hits = others
    .map((o, i) => ({ o, s: steps[i] }))
    .filter((h) => h.s.answer.verdict === 'yes')
    .sort((x, y) => Math.abs(along(x.s) - 0.5) - Math.abs(along(y.s) - 0.5) || (x.o.id < y.o.id ? -1 : 1));
  const n = hits.length;
  const vars = { b: ctx.name(b), c: ctx.name(c), are: n === 1 ? 'is' : 'are', list: listNames(hits.map((h) => ctx.name(h.o))) };
  const sentence = phrase(n === 0 ? 'inBetweenNone' : 'inBetween', ctx.seed, vars);
  // what is between rests on the tests it passed; with none, on every test
  const deciding = n ? hits.map((h) => h.s) : steps;
  return compositeAnswer(ctx, {
    query, value: n, unit: 'count', ...(hits[0] ? { choice: hits[0].o.id } : {}),
    evidence: {
      objects: [b.id, c.id, ...hits.map((h) => h.o.id)],
      quantities: [{ label: `objects between ${ctx.name(b)} and ${ctx.name(c)}`, value: n, unit: 'count' }],
      visuals: [
        { kind: 'highlight', objectIds: [b.id, c.id, ...hits.map((h) => h.o.id)] },
        { kind: 'line', from: b.obb.center, to: c.obb.center, label: `${ctx.name(b)} – ${ctx.name(c)}` },
      ],
    },
  }, steps, sentence, deciding.length ? minConfidence(deciding) : 1);
}

/**
 * "Which objects are on the table?", "which are in the bowl?": every other object that passes the support or
 * containment test against the reference (support.ts, containment.ts), nearest first; for "on", what is in
 * another object on the reference is left to that object. It rests on each object's own test.
 */
export function answerPlaced(ctx: Ctx, query: Extract<Query, { type: 'placed' }>): Answer {
  const ref = ctx.get(query.reference);
  const tested = ctx.scene.objects.filter((o) => o.id !== ref.id).map((o) => ({
    o,
    step: {
      description: capitalise(`${ctx.name(o)} ${query.how} ${ctx.name(ref)}?`),
      answer: query.how === 'in' ? answerContain(ctx, { type: 'contain', a: o.id, b: ref.id }) : answerSupport(ctx, { type: 'support', a: o.id, b: ref.id }),
    },
  }));
  const passed = tested.filter((t) => t.step.answer.verdict === 'yes');
  // an apple in a bowl on the table sits low enough to pass for on the table: it is in the bowl, which is on it
  const hits = passed
    .filter((t) => query.how === 'in' || !passed.some((p) => p.o.id !== t.o.id && containment(t.o, p.o).holds))
    .sort((x, y) => centreDistance(x.o, ref) - centreDistance(y.o, ref) || (x.o.id < y.o.id ? -1 : 1));
  const n = hits.length;
  const names = hits.map((h) => ctx.name(h.o));
  const vars = { how: query.how, ref: ctx.name(ref), first: names[0] ?? '', list: listNames(names) };
  const sentence = phrase(n === 0 ? 'placedNone' : n === 1 ? 'placedOne' : 'placed', ctx.seed, vars);
  // "nothing" is as sure as the least sure test; a list as its least sure member
  const deciding = (n ? hits : tested).map((t) => t.step);
  const objects = [ref.id, ...hits.map((h) => h.o.id)];
  return compositeAnswer(ctx, {
    query, value: n, unit: 'count', ...(hits[0] ? { choice: hits[0].o.id } : {}),
    evidence: {
      objects,
      quantities: hits.map<Quantity>((h) => ({ label: label('qDistance', { a: ctx.name(ref), b: ctx.name(h.o) }), value: centreDistance(h.o, ref), unit: 'm' })),
      visuals: [{ kind: 'highlight', objectIds: objects }],
    },
  }, tested.map((t) => t.step), sentence, minConfidence(deciding), deciding);
}

/** Whether `o` is in line with `ref` for a relation: behind/in front overlap across the view, left/right in depth. */
function lateralOverlap(ctx: Ctx, relation: Relation, o: SceneObject, ref: SceneObject): boolean {
  const vo = toView(ctx.view, o.obb.center);
  const vr = toView(ctx.view, ref.obb.center);
  const half = (x: SceneObject) => Math.max(x.obb.size[0], x.obb.size[2]) / 2;
  if (relation === 'behind' || relation === 'front') return Math.abs(vo.right - vr.right) < half(o) + half(ref);
  if (relation === 'left' || relation === 'right') return Math.abs(vo.ahead - vr.ahead) < half(o) + half(ref);
  return Math.hypot(vo.right - vr.right, vo.ahead - vr.ahead) < half(o) + half(ref);
}
