import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Query, Relation } from '../reason/query';
import { RELATIONS } from '../reason/query';
import { parseQuestion } from './parse';
import type { SceneLike } from './referents';
import { questionTemplates, renderQuestion, templateKey } from './templates';

/** COCO-style captions, several words long, none a sub-word of another. */
const CAPTIONS = [
  'person', 'bicycle', 'car', 'motorcycle', 'bus', 'traffic light', 'fire hydrant', 'stop sign', 'bench',
  'potted plant', 'dining table', 'tv', 'laptop', 'refrigerator', 'oven', 'sink', 'clock', 'vase',
  'teddy bear', 'book', 'couch', 'chair', 'bed', 'toilet', 'cup', 'bottle', 'umbrella', 'suitcase',
  'wine glass', 'backpack', 'microwave', 'keyboard', 'skateboard', 'horse', 'floor lamp', 'bookshelf',
];

const ids = ['p', 'q', 'r', 's'];

const queryArb = (): fc.Arbitrary<Query> => {
  const rel = fc.constantFrom<Relation>(...RELATIONS);
  return fc.oneof(
    fc.record({ rel, form: fc.constantFrom<'yesno' | 'choice'>('yesno', 'choice') }).map(({ rel: r, form }): Query => ({ type: 'relation', form, relation: r, a: 'p', b: 'q' })),
    fc.constantFrom<Query>(
      ...(['distance', 'horizontal_distance', 'vertical_distance', 'direction', 'how_much_left', 'how_much_above', 'how_much_behind'] as const).map((measure): Query => ({ type: 'pair', measure, a: 'q', b: 'r' })),
      ...(['width', 'height', 'depth'] as const).map((measure): Query => ({ type: 'size', measure, a: 's' })),
      { type: 'extreme', which: 'closest', to: 'p' }, { type: 'extreme', which: 'farthest', to: 'q', among: ['p', 'r', 's'] },
      { type: 'between', a: 'p', b: 'q', c: 'r' }, { type: 'triangle', shape: 'isosceles', objects: ['s', 'q', 'p'] },
    ),
    fc.record({ by: fc.constantFrom('height', 'size', 'width', 'camera_distance', 'elevation' as const), descending: fc.boolean() })
      .map(({ by, descending }): Query => ({ type: 'order', by, objects: ['r', 'p', 's'], descending })),
    rel.map((r): Query => ({ type: 'count', relation: r, reference: 'r' })),
  );
};

describe('templates round-trip with arbitrary captions', () => {
  it('renders and parses back for random captions, queries and seeds', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(CAPTIONS, { minLength: 4, maxLength: 4 }), queryArb(), fc.integer(), (caps, q, seed) => {
        const captionOf = (id: string) => caps[ids.indexOf(id)];
        const scene: SceneLike = {
          objects: ids.map((id, i) => ({ id, caption: caps[i], box2d: { x0: i * 50, y0: 0, x1: i * 50 + 40, y1: 40 }, centroid: [i, 1, -2] })),
        };
        const text = renderQuestion(q, captionOf, seed);
        const r = parseQuestion(text, scene);
        expect(r.status === 'ok' ? r.parsed.query : r, `${text} [${templateKey(q)}]`).toEqual(q);
      }),
      { numRuns: 400, seed: 20261125 },
    );
    expect(Object.keys(questionTemplates).length).toBeGreaterThan(60);
  });
});
