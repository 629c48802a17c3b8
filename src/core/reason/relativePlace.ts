/**
 * Where one object is relative to others, as a person means it.
 *
 * - place: "where is the sofa in relation to the tv?" asks in the photo's terms, not from a spot in the room:
 *   left or right of it, in front of or behind it, higher or lower, each with its margin (the how-much measures,
 *   whose tie bands say when an axis does not decide), and how far apart they are. The clock direction
 *   (measures.ts) stays for "if you stand at A, where is B?".
 * - facing: "if I stand by the sofa facing the tv, is the lamp to my left?" (VSI-Bench's relative direction):
 *   the clock direction of the target with the person turned towards the second object instead of the camera.
 *   Sides as VSI-Bench defines them: behind when one would turn at least 135 degrees to face it, else left or
 *   right by the side of the line of sight; ahead within 45 degrees of it.
 */
import type { SceneObject } from '../scene/types';
import type { Answer, Quantity, Step, Verdict } from './answer';
import type { FacingSide, Query } from './query';
import { type Ctx, finish } from './context';
import { answerPair, clockDirection, OVERHEAD_M } from './measures';
import { compositeAnswer } from './composite';
import { RELATION_WORDS, label, phrase } from './templates';

type PlaceQuery = Extract<Query, { type: 'place' }>;
type FacingQuery = Extract<Query, { type: 'facing' }>;

/** A side an axis decides with less confidence than this is said as a lean, not as the side. */
export const FIRM_AXIS = 0.5;

/** One axis of a place answer: the how-much measure, and the relation its positive side is. */
const AXES = [
  { measure: 'how_much_left', more: 'left', less: 'right' },
  { measure: 'how_much_behind', more: 'behind', less: 'front' },
  { measure: 'how_much_above', more: 'above', less: 'below' },
] as const;

export function answerPlace(ctx: Ctx, query: PlaceQuery): Answer {
  const a = ctx.get(query.a);
  const b = ctx.get(query.b);
  const na = ctx.name(a);
  const nb = ctx.name(b);
  const steps: Step[] = AXES.map((axis) => ({
    description: label('qHowMuch', { a: na, b: nb, moreThan: RELATION_WORDS[axis.more].moreThan }),
    answer: answerPair(ctx, { type: 'pair', measure: axis.measure, a: a.id, b: b.id }),
  }));
  const distance = answerPair(ctx, { type: 'pair', measure: 'distance', a: a.id, b: b.id });
  steps.push({ description: label('qDistance', { a: na, b: nb }), answer: distance });
  // each axis in words: the side it is on with its margin; the tie when the margin is within the band; a side
  // the measurement barely decides (under even odds of being right) is said as about the same, with its lean
  const parts = AXES.map((axis, i) => {
    const s = steps[i].answer;
    const diff = s.value ?? 0;
    const text = ctx.fmt(Math.abs(diff), s.evidence.quantities[0]?.uncertainty);
    const rel = diff > 0 ? axis.more : axis.less;
    if (s.choice === undefined) return { decided: false, words: RELATION_WORDS[axis.more].tie, text, lean: '' };
    if (s.confidence < FIRM_AXIS) return { decided: false, words: RELATION_WORDS[axis.more].tie, text, lean: ` (${RELATION_WORDS[rel].more} by ${text})` };
    return { decided: true, words: i === 2 ? RELATION_WORDS[rel].more : RELATION_WORDS[rel].rel, text, lean: '' };
  });
  const [side, depth, height] = parts;
  const first = side.decided ? `${side.words} ${nb} (by ${side.text})` : `${side.words} as ${nb}${side.lean}`;
  const second = depth.decided ? `${depth.words} it (by ${depth.text})` : `${depth.words}${depth.lean}`;
  const third = height.decided ? `${height.words} (by ${height.text})` : `${height.words}${height.lean}`;
  const sentence = phrase('place', ctx.seed, { a: na, b: nb, parts: `${first}, ${second} and ${third}`, dist: ctx.fmt(distance.value ?? 0, distance.evidence.quantities[0]?.uncertainty) });
  // as sure as the distance measured and each side it states firmly; a lean said as such claims nothing
  const firm = steps.slice(0, 3).filter((_, i) => parts[i].decided);
  const confidence = Math.min(distance.confidence, ...firm.map((s) => s.answer.confidence));
  const quantities: Quantity[] = steps.flatMap((s) => s.answer.evidence.quantities.filter((q) => !q.technical).slice(0, 1));
  return compositeAnswer(ctx, {
    query, value: distance.value, unit: 'm',
    evidence: { objects: [a.id, b.id], quantities, visuals: [{ kind: 'highlight', objectIds: [a.id, b.id] }, { kind: 'arrow', from: b.obb.center, to: a.obb.center, label: ctx.fmt(distance.value ?? 0) }] },
  }, steps, sentence, confidence);
}

/** Each side as an arc of clockwise angles from straight ahead, radians: [start, start + span]. */
const SIDE_ARCS: Readonly<Record<FacingSide, [number, number]>> = {
  left: [-0.75 * Math.PI, 0.75 * Math.PI],
  right: [0, 0.75 * Math.PI],
  ahead: [-0.25 * Math.PI, 0.5 * Math.PI],
  behind: [0.75 * Math.PI, 0.5 * Math.PI],
};

const wrap = (x: number): number => x - 2 * Math.PI * Math.floor(x / (2 * Math.PI));

/** How far (radians) an angle lies inside a side's arc from its nearer edge; negative outside it. */
export function sideMargin(angle: number, side: FacingSide): number {
  const [start, span] = SIDE_ARCS[side];
  const into = wrap(angle - start);
  if (into <= span) return Math.min(into, span - into);
  return -Math.min(into - span, 2 * Math.PI - into);
}

const SIDE_WORDS: Readonly<Record<FacingSide, string>> = { left: 'to your left', right: 'to your right', ahead: 'ahead of you', behind: 'behind you' };

export function answerFacing(ctx: Ctx, query: FacingQuery): Answer {
  const at = ctx.get(query.at);
  const toward = ctx.get(query.toward);
  const target = ctx.get(query.target);
  const [nAt, nToward, nTarget] = [ctx.name(at), ctx.name(toward), ctx.name(target)];
  const objects: SceneObject[] = [at, toward, target];
  const base = { objects: [at.id, toward.id, target.id], visuals: [{ kind: 'highlight' as const, objectIds: [at.id, toward.id, target.id] }] };
  const headingLength = Math.hypot(toward.obb.center[0] - at.obb.center[0], toward.obb.center[2] - at.obb.center[2]);
  const d = clockDirection(at.obb.center, target.obb.center, toward.obb.center, ctx.view.forward);
  // facing an object one stands on, or asking where one's own spot is, has no answer
  if (headingLength < OVERHEAD_M || d.horizontal < OVERHEAD_M) {
    const sentence = phrase('facingNone', ctx.seed, { at: nAt, toward: headingLength < OVERHEAD_M ? nToward : nTarget });
    return finish(ctx, { query, evidence: { ...base, quantities: [] } }, sentence, 0.2, objects, false);
  }
  const vars = { at: nAt, toward: nToward, target: nTarget, clock: d.clock, words: d.phrase, asked: query.ask ? SIDE_WORDS[query.ask] : '' };
  // how sure the side is: the target's lateral error at its distance, against the angle to the side's edge
  const sigma = Math.hypot(ctx.sigmaH(at), ctx.sigmaH(target), ctx.sigmaH(toward) * (d.horizontal / Math.max(headingLength, 0.01)));
  const sigmaAngle = Math.atan2(sigma, Math.max(d.horizontal, 0.01));
  const margin = query.ask ? sideMargin(d.angle, query.ask) : Math.min(...(['left', 'right', 'behind'] as const).map((s) => Math.abs(sideMargin(d.angle, s))));
  const geometric = 1 / (1 + sigmaAngle / Math.max(Math.abs(margin), 1e-3));
  let verdict: Verdict | undefined;
  let key: 'facing' | 'facingYes' | 'facingNo' = 'facing';
  if (query.ask) {
    verdict = margin >= 0 ? 'yes' : 'no';
    key = verdict === 'yes' ? 'facingYes' : 'facingNo';
  }
  const quantities: Quantity[] = [
    { label: label('qFacingClock', { target: nTarget, at: nAt, toward: nToward }), value: d.clock, unit: 'clock' },
    { label: label('qFacingAngle', { target: nTarget, at: nAt, toward: nToward }), value: (d.angle * 180) / Math.PI, unit: 'deg', uncertainty: (sigmaAngle * 180) / Math.PI, technical: true },
  ];
  return finish(ctx, {
    query, value: d.clock, unit: 'clock', direction: { clock: d.clock, words: d.words }, ...(verdict ? { verdict } : {}),
    evidence: { ...base, quantities, visuals: [...base.visuals, { kind: 'arrow', from: at.obb.center, to: toward.obb.center, label: 'facing' }, { kind: 'arrow', from: at.obb.center, to: target.obb.center, label: `${d.clock} o'clock` }] },
  }, phrase(key, ctx.seed, vars), geometric, objects, false);
}
