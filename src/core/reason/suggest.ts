/**
 * Questions worth asking about a scene, for the "try asking..." chips and for classroom "guess, then reveal".
 * Looks for interesting pairs — stacked, close together, one clearly taller, similar in size (a close call),
 * far apart, clearly left/right or behind — and a few single-object and composite questions, one per kind
 * first so the list is diverse, each pair used once where possible. Deterministic: scene order breaks ties.
 */
import type { SceneGraph, SceneObject } from '../scene/types';
import type { Query } from './query';
import { boxGap, bottomOf, heightOf, topOf, volumeOf } from './boxGeometry';
import { captionPhrase } from './templates';
import { referenceCaptions } from './objectNames';
import { toView, viewpointFromScene, type Viewpoint } from './viewpoint';
import { centreDistance } from './measures';

export interface Suggestion {
  query: Query;
  reason: string;
}

/** How close a top and a bottom must be to count as "resting on". */
export const STACK_TOLERANCE_M = 0.05;

interface Pair {
  a: SceneObject;
  b: SceneObject;
  key: string;
}

interface Candidate {
  pair?: Pair;
  score: number;
  make: () => Suggestion;
}

/** `n` names an object as answers do (objectNames.ts): "the left chair" where two share a caption. */
type Generator = (pairs: Pair[], objs: SceneObject[], view: Viewpoint, n: (o: SceneObject) => string) => Candidate[];


const GENERATORS: Generator[] = [
  // stacked: one rests on the other
  (pairs, _objs, _view, n) => pairs.flatMap((p) => {
    const [upper, lower] = p.a.obb.center[1] >= p.b.obb.center[1] ? [p.a, p.b] : [p.b, p.a];
    const g = boxGap(upper.obb, lower.obb);
    const sits = Math.abs(bottomOf(upper) - topOf(lower)) <= STACK_TOLERANCE_M && g.horizontal === 0;
    return sits ? [{
      pair: p, score: -Math.abs(bottomOf(upper) - topOf(lower)),
      make: () => ({ query: { type: 'relation', form: 'yesno', relation: 'above', a: upper.id, b: lower.id }, reason: `${n(upper)} seems to rest on ${n(lower)}` }),
    }] : [];
  }),
  // close together
  (pairs, _objs, _view, n) => pairs.map((p) => ({
    pair: p, score: -boxGap(p.a.obb, p.b.obb).distance,
    make: () => ({ query: { type: 'pair', measure: 'distance', a: p.a.id, b: p.b.id }, reason: `${n(p.a)} and ${n(p.b)} are close together` }),
  })),
  // one clearly taller
  (pairs, _objs, _view, n) => pairs.flatMap((p) => {
    const [t, s] = heightOf(p.a) >= heightOf(p.b) ? [p.a, p.b] : [p.b, p.a];
    const ratio = heightOf(t) / Math.max(heightOf(s), 1e-6);
    return ratio >= 1.5 ? [{
      pair: p, score: ratio,
      make: () => ({ query: { type: 'relation', form: 'yesno', relation: 'taller', a: s.id, b: t.id }, reason: `${n(t)} is clearly taller than ${n(s)}` }),
    }] : [];
  }),
  // similar size: a close call
  (pairs, _objs, _view, n) => pairs.map((p) => {
    const va = volumeOf(p.a);
    const vb = volumeOf(p.b);
    return {
      pair: p, score: -Math.abs(Math.log(Math.max(va, 1e-12) / Math.max(vb, 1e-12))),
      make: () => ({ query: { type: 'relation', form: 'choice', relation: 'bigger', a: p.a.id, b: p.b.id }, reason: `${n(p.a)} and ${n(p.b)} are similar in size: a close call` }),
    };
  }),
  // far apart
  (pairs, _objs, _view, n) => pairs.map((p) => ({
    pair: p, score: centreDistance(p.a, p.b),
    make: () => ({ query: { type: 'pair', measure: 'horizontal_distance', a: p.a.id, b: p.b.id }, reason: `${n(p.a)} and ${n(p.b)} are far apart` }),
  })),
  // direction between two objects well apart on the floor
  (pairs, _objs, view, n) => pairs.map((p) => {
    const [near, far] = toView(view, p.a.obb.center).ahead <= toView(view, p.b.obb.center).ahead ? [p.a, p.b] : [p.b, p.a];
    return {
      pair: p, score: Math.hypot(near.obb.center[0] - far.obb.center[0], near.obb.center[2] - far.obb.center[2]),
      make: () => ({ query: { type: 'pair', measure: 'direction', a: near.id, b: far.id }, reason: `where ${n(far)} is, seen from ${n(near)}` }),
    };
  }),
  // clearly left/right
  (pairs, _objs, view, n) => pairs.map((p) => ({
    pair: p, score: Math.abs(toView(view, p.a.obb.center).right - toView(view, p.b.obb.center).right),
    make: () => ({ query: { type: 'relation', form: 'yesno', relation: 'left', a: p.a.id, b: p.b.id }, reason: `${n(p.a)} and ${n(p.b)} are well apart left to right` }),
  })),
  // height of the tallest object
  (_pairs, objs, _view, n) => objs.map((o) => ({
    score: heightOf(o),
    make: () => ({ query: { type: 'size', measure: 'height', a: o.id }, reason: `${n(o)} is the tallest thing here` }),
  })),
  // closest neighbour of the object with the most around it
  (_pairs, objs, _view, n) => (objs.length >= 3 ? objs.map((o) => ({
    score: -objs.reduce((s, q) => s + centreDistance(o, q), 0),
    make: () => ({ query: { type: 'extreme', which: 'closest', to: o.id }, reason: `${n(o)} has several objects around it` }),
  })) : []),
  // clearly behind
  (pairs, _objs, view, n) => pairs.map((p) => ({
    pair: p, score: Math.abs(toView(view, p.a.obb.center).ahead - toView(view, p.b.obb.center).ahead),
    make: () => ({ query: { type: 'relation', form: 'yesno', relation: 'behind', a: p.a.id, b: p.b.id }, reason: `${n(p.a)} and ${n(p.b)} are at clearly different depths` }),
  })),
  // ordering by height
  (_pairs, objs) => (objs.length >= 3 ? [{
    score: 0,
    make: () => ({ query: { type: 'order', by: 'height', objects: objs.slice(0, 5).map((o) => o.id), descending: true }, reason: 'several objects to rank by height' }),
  }] : []),
];

function best(cands: Candidate[], used: Set<string>): Candidate | undefined {
  let pick: Candidate | undefined;
  for (const c of cands) {
    if (c.pair && used.has(c.pair.key)) continue;
    if (!pick || c.score > pick.score) pick = c;
  }
  return pick;
}

export function suggestQuestions(scene: SceneGraph, count = 6): Suggestion[] {
  const objs = scene.objects;
  const view = viewpointFromScene(scene);
  const pairs: Pair[] = [];
  for (let i = 0; i < objs.length; i++)
    for (let j = i + 1; j < objs.length; j++) pairs.push({ a: objs[i], b: objs[j], key: `${objs[i].id}\u0000${objs[j].id}` });
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  const used = new Set<string>();
  const add = (c: Candidate | undefined): void => {
    if (!c || out.length >= count) return;
    const s = c.make();
    const k = JSON.stringify(s.query);
    if (seen.has(k)) return;
    seen.add(k);
    out.push(s);
    if (c.pair) used.add(c.pair.key);
  };
  const names = referenceCaptions(objs);
  const name = (o: SceneObject) => captionPhrase(names.get(o.id) ?? o.caption);
  const cands = GENERATORS.map((g) => g(pairs, objs, view, name));
  // First pass: one per kind, pairs not repeated. Second pass: repeats of pairs allowed.
  for (const cs of cands) add(best(cs, used));
  for (const cs of cands) {
    for (const c of [...cs].sort((x, y) => y.score - x.score)) {
      if (out.length >= count) break;
      const before = out.length;
      add(c);
      if (out.length > before) break;
    }
  }
  return out.slice(0, count);
}
