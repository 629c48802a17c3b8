import { describe, expect, it } from 'vitest';
import type { OrderKey, PairMeasure, Query, SizeMeasure } from '../reason/query';
import { RELATIONS } from '../reason/query';
import { parseQuestion } from './parse';
import type { SceneLike } from './referents';
import { questionTemplates, renderQuestion, templateKey, templatesFor, fillTemplate } from './templates';

const CAPTIONS: Record<string, string> = { o1: 'lamp', o2: 'sofa', o3: 'tv', o4: 'potted plant', o5: 'coffee table', o6: 'chair', o7: 'chair' };
const scene: SceneLike = {
  objects: Object.entries(CAPTIONS).map(([id, caption], i) => ({
    id, caption, box2d: { x0: i * 100, y0: 0, x1: i * 100 + 80, y1: 80 }, centroid: [i, 0.5, -3],
  })),
};
const captionOf = (id: string) => CAPTIONS[id];

/** One query of every type, form, relation, measure, key and direction. */
function allQueries(): Query[] {
  const qs: Query[] = [];
  for (const relation of RELATIONS) {
    qs.push({ type: 'relation', form: 'yesno', relation, a: 'o1', b: 'o2' });
    qs.push({ type: 'relation', form: 'choice', relation, a: 'o3', b: 'o4' });
    qs.push({ type: 'relation', form: 'yesno', relation, a: 'o2', b: 'o5', either: true });
    qs.push({ type: 'count', relation, reference: 'o5' });
    qs.push({ type: 'count', relation, reference: 'o5', among: ['o1'] });
    qs.push({ type: 'count', relation, reference: 'o5', ask: 'any' });
    qs.push({ type: 'count', relation, reference: 'o5', among: ['o1'], ask: 'any' });
    // a kind of one object asked of as a whole is that object's comparison (parse.ts): the kind here has two
    qs.push({ type: 'count', relation, reference: 'o5', among: ['o6', 'o7'], ask: 'all' });
  }
  const pairs: PairMeasure[] = ['distance', 'horizontal_distance', 'vertical_distance', 'direction', 'how_much_left', 'how_much_above', 'how_much_behind', 'how_much_taller', 'how_much_wider'];
  for (const measure of pairs) qs.push({ type: 'pair', measure, a: 'o2', b: 'o5' });
  // the width family asked in the words of length
  qs.push({ type: 'relation', form: 'yesno', relation: 'wider', a: 'o1', b: 'o2', long: true }, { type: 'relation', form: 'choice', relation: 'wider', a: 'o3', b: 'o4', long: true });
  qs.push({ type: 'pair', measure: 'how_much_wider', a: 'o2', b: 'o5', long: true });
  qs.push({ type: 'order', by: 'width', objects: ['o4', 'o1', 'o3'], descending: true, long: true }, { type: 'order', by: 'width', objects: ['o4', 'o1', 'o3'], descending: true, top: true, long: true });
  qs.push({ type: 'order', by: 'width', objects: scene.objects.map((o) => o.id), descending: true, top: true, claim: 'o3', long: true });
  for (const measure of ['width', 'height', 'depth', 'length'] as SizeMeasure[]) qs.push({ type: 'size', measure, a: 'o4' });
  for (const relation of RELATIONS) qs.push({ type: 'find', relation, reference: 'o5' });
  qs.push({ type: 'range', a: 'o2' }, { type: 'tally', objects: ['o1'] });
  qs.push({ type: 'inBetween', b: 'o1', c: 'o5' }, { type: 'cameraHeight' });
  qs.push({ type: 'side', a: 'o3' }, { type: 'side', a: 'o3', ask: 'left' }, { type: 'side', a: 'o4', ask: 'right' });
  for (const which of ['closest', 'farthest'] as const) {
    qs.push({ type: 'extreme', which, to: 'o2' });
    qs.push({ type: 'extreme', which, to: 'o2', among: ['o1', 'o3', 'o5'] });
  }
  for (const by of ['height', 'size', 'width', 'camera_distance', 'elevation', 'lateral'] as OrderKey[]) {
    for (const descending of [true, false]) {
      qs.push({ type: 'order', by, objects: ['o4', 'o1', 'o3'], descending });
      qs.push({ type: 'order', by, objects: ['o4', 'o1', 'o3'], descending, top: true });
      // a claim is about every object of the scene
      qs.push({ type: 'order', by, objects: scene.objects.map((o) => o.id), descending, top: true, claim: 'o3' });
    }
  }
  qs.push({ type: 'between', a: 'o5', b: 'o2', c: 'o3' });
  qs.push({ type: 'contain', a: 'o5', b: 'o2' });
  qs.push({ type: 'support', a: 'o5', b: 'o2' });
  qs.push({ type: 'place', a: 'o5', b: 'o2' }, { type: 'elevation', a: 'o3' }, { type: 'dimensions', a: 'o1' });
  for (const op of ['above', 'below'] as const) {
    const threshold = { op, metres: 1.5 };
    for (const measure of ['width', 'height', 'depth', 'length'] as SizeMeasure[]) qs.push({ type: 'size', measure, a: 'o4', threshold });
    for (const measure of pairs.filter((m) => m !== 'direction')) qs.push({ type: 'pair', measure, a: 'o2', b: 'o5', threshold });
    qs.push({ type: 'range', a: 'o2', threshold }, { type: 'elevation', a: 'o3', threshold });
  }
  qs.push({ type: 'facing', at: 'o1', toward: 'o2', target: 'o3' });
  for (const ask of ['left', 'right', 'ahead', 'behind'] as const) qs.push({ type: 'facing', at: 'o1', toward: 'o2', target: 'o3', ask });
  for (const how of ['in', 'on'] as const) qs.push({ type: 'placed', how, reference: 'o2' });
  for (const shape of ['equilateral', 'isosceles', 'right'] as const) qs.push({ type: 'triangle', shape, objects: ['o1', 'o2', 'o3'] });
  return qs;
}

describe('question templates', () => {
  it('has at least 5 phrasings for every query type and form', () => {
    const qs = allQueries();
    expect(new Set(qs.map(templateKey)).size).toBe(Object.keys(questionTemplates).length);
    for (const q of qs) expect(templatesFor(q).length, templateKey(q)).toBeGreaterThanOrEqual(5);
  });

  it('every template parses back to the query it was rendered from', () => {
    const failures: string[] = [];
    let n = 0;
    for (const q of allQueries()) {
      for (const t of templatesFor(q)) {
        n++;
        const text = fillTemplate(t, q, captionOf);
        const r = parseQuestion(text, scene);
        const got = r.status === 'ok' ? JSON.stringify(r.parsed.query) : r.status;
        // a length in the question ("taller than 1.5 m") asks for its unit in the answer; nothing else may
        const unit = 'threshold' in q && q.threshold ? 'm' : undefined;
        if (got !== JSON.stringify(q) || (r.status === 'ok' && r.parsed.unit !== unit)) failures.push(`${text}\n    got ${got}\n    want ${JSON.stringify(q)}`);
      }
    }
    console.log(`template round trip: ${n - failures.length}/${n}`);
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('renders deterministically by seed, cycling through the phrasings', () => {
    const q: Query = { type: 'size', measure: 'height', a: 'o1' };
    expect(renderQuestion(q, captionOf, 0)).toBe('How tall is the lamp?');
    expect(renderQuestion(q, captionOf, 1)).toBe('What is the height of the lamp?');
    expect(renderQuestion(q, captionOf, 5)).toBe(renderQuestion(q, captionOf, 0));
    expect(renderQuestion(q, captionOf, -1)).toBe(renderQuestion(q, captionOf, 4));
    const o: Query = { type: 'order', by: 'height', objects: ['o1', 'o2', 'o3'], descending: true };
    expect(renderQuestion(o, captionOf, 1)).toBe('Sort the lamp, the sofa and the tv from tallest to shortest.');
  });

  it('keeps a caption article and capitalises a sentence that starts with an object', () => {
    const q: Query = { type: 'relation', form: 'yesno', relation: 'wider', a: 'x', b: 'y' };
    const cap = (id: string) => (id === 'x' ? 'a red chair' : 'the table');
    expect(fillTemplate('{A} is wider than {b}, right?', q, cap)).toBe('The red chair is wider than the table, right?');
  });
});
