/**
 * "What is on the table?", "what is in the bowl?": every other object that passes the support or containment
 * test against the reference (support.ts, containment.ts), nearest first; for "on", what is in another object on
 * the reference is left to that object. The answer rests on each object's own test, and is as sure as the least
 * sure of them.
 */
import type { SceneObject } from '../scene/types';
import type { Answer } from './answer';
import { centreDistance } from './measures';
import { answerContain, containment } from './containment';
import { withCaveats, type Ctx } from './context';
import type { Query } from './query';
import { answerSupport } from './support';
import { capitalise, label, phrase } from './templates';

const listNames = (names: string[]): string =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

export function answerPlaced(ctx: Ctx, query: Extract<Query, { type: 'placed' }>): Answer {
  const ref = ctx.get(query.reference);
  const tested = ctx.scene.objects
    .filter((o) => o.id !== ref.id)
    .map((o) => {
      const test = query.how === 'in' ? answerContain(ctx, { type: 'contain', a: o.id, b: ref.id }) : answerSupport(ctx, { type: 'support', a: o.id, b: ref.id });
      return { o, test };
    });
  const passed = tested.filter((t) => t.test.verdict === 'yes');
  // an apple in a bowl on the table sits low enough to pass for on the table: it is in the bowl, which is on it
  const hits = passed
    .filter((t) => query.how === 'in' || !passed.some((p) => p.o.id !== t.o.id && containment(t.o, p.o).holds))
    .sort((x, y) => centreDistance(x.o, ref) - centreDistance(y.o, ref) || (x.o.id < y.o.id ? -1 : 1));
  const n = hits.length;
  const names = hits.map((h) => ctx.name(h.o));
  const vars = { how: query.how, ref: ctx.name(ref), first: names[0] ?? '', list: listNames(names) };
  const sentence = phrase(n === 0 ? 'placedNone' : n === 1 ? 'placedOne' : 'placed', ctx.seed, vars);
  // "nothing" is as sure as the least sure test; a list as its least sure member. Each test carries its objects'
  // penalties and caveats already, so they are gathered, not applied again.
  const deciding = n ? hits.map((h) => h.test) : tested.map((t) => t.test);
  const confidence = deciding.length ? Math.min(...deciding.map((t) => t.confidence)) : 1;
  const caveats = [...new Set(deciding.flatMap((t) => t.caveats))];
  const objects: SceneObject[] = [ref, ...hits.map((h) => h.o)];
  return {
    query, value: n, unit: 'count', ...(hits[0] ? { choice: hits[0].o.id } : {}),
    confidence, caveats, sentence: withCaveats(sentence, caveats),
    steps: tested.map((t) => ({ description: capitalise(`${ctx.name(t.o)} ${query.how} ${ctx.name(ref)}?`), answer: t.test })),
    evidence: {
      objects: objects.map((o) => o.id),
      quantities: hits.map((h) => ({ label: label('qDistance', { a: ctx.name(ref), b: ctx.name(h.o) }), value: centreDistance(h.o, ref), unit: 'm' as const })),
      visuals: [{ kind: 'highlight', objectIds: objects.map((o) => o.id) }],
    },
  };
}
