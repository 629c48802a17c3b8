/**
 * Dataset synthesis (pipeline stage 11): scene graph -> spatial QA pairs over object pairs x question types x
 * phrasings, SpatialVLM-style. Every question is parsed back before it is kept, so a pair only enters the
 * dataset when our own parser reads it as the query whose answer it carries (no ambiguous referents).
 */
import { mulberry32 } from '../geometry/prng';
import { parseQuestion } from '../language/parse';
import { fillTemplate, templateKey, templatesFor } from '../language/templates';
import { answerQuery } from '../reason/answerQuery';
import { captionKey, referenceCaptions } from '../reason/objectNames';
import type { Answer } from '../reason/answer';
import { queryObjectIds, RELATIONS, type Query } from '../reason/query';
import type { SceneGraph, SceneObject } from '../scene/types';
import type { UnitSystem } from '../units';
import { pairsOf, QUANT_PAIR, QUANT_SIZE } from '../eval/compare';

export type QACategory = 'qualitative' | 'quantitative' | 'composite';

export interface QAPair {
  question: string;
  answer: string;
  category: QACategory;
  /** "relation.yesno.left", "pair.distance"... */
  template: string;
  query: Query;
  /** Captions of the objects the question names, in query order. */
  objects: string[];
  verdict?: string;
  choice?: string;
  /** Metres for lengths, a count for counts. */
  value?: number;
  unit?: string;
  confidence: number;
}

export interface SynthOptions {
  seed?: number;
  /** Distinct phrasings per query (default 1, at most the template count). */
  phrasingsPerQuery?: number;
  units?: UnitSystem;
  /** Upper bound on QA pairs per scene, split evenly between qualitative and quantitative (default 60). */
  maxPairs?: number;
  /** Add closest/farthest, ordering and counting questions (default true). */
  composite?: boolean;
  /** Objects below this confidence are left out (default 0.2). */
  minConfidence?: number;
}

export interface SynthSkip { reason: string; detail: string }

export interface SynthResult {
  pairs: QAPair[];
  skipped: SynthSkip[];
}

/**
 * Names the scene's objects can be referred to by, as answers name them (reason/objectNames.ts), lower-cased:
 * its caption when unique, else a left / (middle /) right qualifier; four or more sharing a caption are left out.
 */
function referenceNames(objects: SceneObject[]): { names: Map<string, string>; skipped: SynthSkip[] } {
  const count = new Map<string, number>();
  for (const o of objects) count.set(captionKey(o.caption), (count.get(captionKey(o.caption)) ?? 0) + 1);
  const all = referenceCaptions(objects);
  const names = new Map<string, string>();
  for (const o of objects) {
    const n = all.get(o.id);
    if (n !== undefined && (count.get(captionKey(o.caption)) ?? 0) <= 3) names.set(o.id, n.toLowerCase());
  }
  const skipped: SynthSkip[] = [];
  for (const [caption, n] of count) if (n > 3) skipped.push({ reason: 'ambiguous', detail: `${n} objects captioned "${caption}": left out` });
  return { names, skipped };
}

const sameQuery = (a: Query, b: Query): boolean => JSON.stringify(a) === JSON.stringify(b);

function shuffle<T>(items: T[], rand: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** All candidate queries of a scene, by category. */
function candidateQueries(ids: string[], composite: boolean): Record<QACategory, Query[]> {
  const qualitative: Query[] = [];
  const quantitative: Query[] = [];
  const comp: Query[] = [];
  for (const [a, b] of pairsOf(ids)) {
    for (const relation of RELATIONS) {
      qualitative.push({ type: 'relation', form: 'yesno', relation, a, b });
      qualitative.push({ type: 'relation', form: 'choice', relation, a, b });
    }
    for (const measure of [...QUANT_PAIR, 'direction' as const]) quantitative.push({ type: 'pair', measure, a, b });
  }
  for (const a of ids) {
    for (const measure of QUANT_SIZE) quantitative.push({ type: 'size', measure, a });
    quantitative.push({ type: 'elevation', a });
  }
  if (composite) for (const [a, b] of pairsOf(ids)) comp.push({ type: 'place', a, b });
  if (composite && ids.length >= 3) {
    for (const to of ids) {
      comp.push({ type: 'extreme', which: 'closest', to });
      comp.push({ type: 'extreme', which: 'farthest', to });
      comp.push({ type: 'count', relation: 'left', reference: to });
      comp.push({ type: 'count', relation: 'behind', reference: to, ask: 'any' });
    }
    // what stands between two objects (GQA, CLEVR)
    for (const [b, c] of pairsOf(ids).slice(0, 3)) comp.push({ type: 'inBetween', b, c });
    comp.push({ type: 'order', by: 'width', objects: ids.slice(0, 4), descending: true });
    comp.push({ type: 'order', by: 'height', objects: ids.slice(0, 4), descending: true });
    comp.push({ type: 'order', by: 'camera_distance', objects: ids.slice(0, 4), descending: false });
    comp.push({ type: 'order', by: 'lateral', objects: ids.slice(0, 4), descending: false });
    // VSI-Bench's relative direction: standing at one object, facing a second, where is a third
    for (let i = 0; i + 2 < ids.length && i < 4; i++) comp.push({ type: 'facing', at: ids[i], toward: ids[i + 1], target: ids[i + 2] });
  }
  return { qualitative, quantitative, composite: comp };
}

/**
 * QA pairs for one scene. Deterministic for a seed. Qualitative and quantitative pairs are balanced (equal
 * counts, up to what the scene offers); composite ones fill up to a sixth of the budget.
 */
export function synthesizeQA(scene: SceneGraph, opts: SynthOptions = {}): SynthResult {
  const seed = opts.seed ?? 1;
  const rand = mulberry32(seed);
  const maxPairs = opts.maxPairs ?? 60;
  const perQuery = Math.max(1, opts.phrasingsPerQuery ?? 1);
  const minConfidence = opts.minConfidence ?? 0.2;
  const skipped: SynthSkip[] = [];

  const usable = scene.objects.filter((o) => {
    if (o.flags.includes('no-valid-depth') || o.confidence < minConfidence) {
      skipped.push({ reason: 'low-confidence', detail: `${o.id} (${o.caption}) has too little geometry` });
      return false;
    }
    return true;
  });
  // named over the whole scene, as the answers name them (a third chair too thin to ask about still makes the
  // others "left" and "right" of three)
  const { names, skipped: ambiguous } = referenceNames(scene.objects);
  skipped.push(...ambiguous);
  const ids = usable.map((o) => o.id).filter((id) => names.has(id));
  const nameOf = (id: string): string => names.get(id) ?? id;
  // the record's objects and choice: each object as the answer names it, its caption's case kept
  const refs = referenceCaptions(scene.objects);
  const captionOf = (id: string): string => refs.get(id) ?? id;

  const cands = candidateQueries(ids, opts.composite ?? true);
  const compositeBudget = Math.floor(maxPairs / 6);
  const half = Math.floor((maxPairs - Math.min(compositeBudget, cands.composite.length * perQuery)) / 2);
  const quota: Record<QACategory, number> = {
    qualitative: half,
    quantitative: half,
    composite: compositeBudget,
  };
  // Balance: neither of the two main categories may outnumber the other.
  const available = (c: QACategory) => cands[c].length * perQuery;
  const balanced = Math.min(quota.qualitative, available('qualitative'), available('quantitative'));
  quota.qualitative = balanced;
  quota.quantitative = balanced;

  const pairs: QAPair[] = [];
  for (const category of ['qualitative', 'quantitative', 'composite'] as const) {
    let taken = 0;
    for (const query of shuffle(cands[category], rand)) {
      if (taken >= quota[category]) break;
      const templates = templatesFor(query);
      if (templates.length === 0) continue;
      let answer: Answer;
      try {
        answer = answerQuery(scene, query, { units: opts.units, phrasingSeed: Math.floor(rand() * 1e6) });
      } catch (e) {
        skipped.push({ reason: 'answer-failed', detail: `${templateKey(query)}: ${(e as Error).message}` });
        continue;
      }
      const order = shuffle(templates.map((_, i) => i), rand).slice(0, perQuery);
      for (const ti of order) {
        if (taken >= quota[category]) break;
        const question = fillTemplate(templates[ti], query, nameOf);
        const parsed = parseQuestion(question, scene);
        if (parsed.status !== 'ok' || !sameQuery(parsed.parsed.query, query)) {
          skipped.push({ reason: 'does-not-parse-back', detail: question });
          continue;
        }
        pairs.push({
          question,
          answer: answer.sentence,
          category,
          template: templateKey(query),
          query,
          objects: queryObjectIds(query).map(captionOf),
          verdict: answer.verdict,
          choice: answer.choice ? captionOf(answer.choice) : undefined,
          value: answer.value,
          unit: answer.unit,
          confidence: answer.confidence,
        });
        taken++;
      }
    }
  }
  return { pairs, skipped };
}
