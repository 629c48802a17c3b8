import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Vec3 } from '../geometry/vec';
import { buildScene, moveScene, type BoxSpec } from '../testing/sceneBuilder';
import type { SceneGraph } from '../scene/types';
import { answerQuery, type AnswerOptions } from './answerQuery';
import type { Answer } from './answer';
import { RELATIONS, type PairMeasure, type Query, type Relation } from './query';

const INVERSE: Record<Relation, Relation> = {
  left: 'right', right: 'left', above: 'below', below: 'above', behind: 'front', front: 'behind',
  wider: 'thinner', thinner: 'wider', bigger: 'smaller', smaller: 'bigger', taller: 'shorter', shorter: 'taller',
};
const PAIR_MEASURES: PairMeasure[] = ['distance', 'horizontal_distance', 'vertical_distance', 'direction', 'how_much_left', 'how_much_above', 'how_much_behind', 'how_much_taller', 'how_much_wider'];

const boxArb = fc.record({
  center: fc.tuple(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: -6, max: -0.5, noNaN: true })),
  size: fc.tuple(fc.double({ min: 0.05, max: 1.5, noNaN: true }), fc.double({ min: 0.05, max: 1.5, noNaN: true }), fc.double({ min: 0.05, max: 1.5, noNaN: true })),
  yaw: fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
  confidence: fc.double({ min: 0, max: 1, noNaN: true }),
  fewPoints: fc.boolean(),
});
const sceneArb = fc.record({
  boxes: fc.array(boxArb, { minLength: 3, maxLength: 5 }),
  cameraHeight: fc.double({ min: 0.3, max: 2, noNaN: true }),
  low: fc.boolean(),
}).map(({ boxes, cameraHeight, low }) => buildScene(
  boxes.map<BoxSpec>((b, i) => ({
    id: `o${i}`, caption: `object ${i}`, center: b.center as Vec3, size: b.size as Vec3, yaw: b.yaw,
    confidence: b.confidence, flags: b.fewPoints ? ['too-few-points'] : [],
  })),
  { cameraHeight, frameConfidence: low ? 'low' : 'high' },
));

function allQueries(scene: SceneGraph): Query[] {
  const ids = scene.objects.map((o) => o.id);
  const qs: Query[] = [];
  for (const a of ids) {
    for (const measure of ['width', 'height', 'depth'] as const) qs.push({ type: 'size', measure, a });
    qs.push({ type: 'extreme', which: 'closest', to: a }, { type: 'extreme', which: 'farthest', to: a });
    for (const relation of RELATIONS) qs.push({ type: 'count', relation, reference: a });
    for (const b of ids) {
      if (a === b) continue;
      for (const relation of RELATIONS) {
        qs.push({ type: 'relation', form: 'yesno', relation, a, b }, { type: 'relation', form: 'choice', relation, a, b });
      }
      for (const measure of PAIR_MEASURES) qs.push({ type: 'pair', measure, a, b });
    }
  }
  for (const by of ['height', 'size', 'width', 'camera_distance', 'elevation'] as const) {
    qs.push({ type: 'order', by, objects: ids, descending: true });
  }
  const [x, y, z] = ids;
  qs.push({ type: 'between', a: x, b: y, c: z });
  for (const shape of ['equilateral', 'isosceles', 'right'] as const) qs.push({ type: 'triangle', shape, objects: [x, y, z] });
  return qs;
}

/** What a person takes away from an answer; numbers compared approximately. */
function gist(a: Answer) {
  return { verdict: a.verdict, choice: a.choice, order: a.order, clock: a.direction?.clock, words: a.direction?.words, unit: a.unit };
}

describe('swapping the two objects never flips the truth', () => {
  it('relations, choices, ties, distances', () => {
    fc.assert(fc.property(sceneArb, (scene) => {
      const ids = scene.objects.map((o) => o.id);
      for (const a of ids) for (const b of ids) {
        if (a === b) continue;
        for (const relation of RELATIONS) {
          const ab = answerQuery(scene, { type: 'relation', form: 'yesno', relation, a, b });
          const baInv = answerQuery(scene, { type: 'relation', form: 'yesno', relation: INVERSE[relation], a: b, b: a });
          expect(baInv.verdict, `${relation} ${a} ${b} inverse`).toBe(ab.verdict);
          const ba = answerQuery(scene, { type: 'relation', form: 'yesno', relation, a: b, b: a });
          const flipped = { yes: 'no', no: 'yes', 'about-the-same': 'about-the-same' } as const;
          expect(ba.verdict, `${relation} ${a} ${b} swapped`).toBe(flipped[ab.verdict ?? 'about-the-same']);
          const c1 = answerQuery(scene, { type: 'relation', form: 'choice', relation, a, b });
          const c2 = answerQuery(scene, { type: 'relation', form: 'choice', relation, a: b, b: a });
          expect(c2.choice).toBe(c1.choice);
          expect(c1.choice === undefined).toBe(ab.verdict === 'about-the-same');
          expect(c2.confidence).toBeCloseTo(c1.confidence, 12);
        }
        for (const measure of ['distance', 'horizontal_distance', 'vertical_distance'] as const) {
          expect(answerQuery(scene, { type: 'pair', measure, a: b, b: a }).value)
            .toBe(answerQuery(scene, { type: 'pair', measure, a, b }).value);
        }
        for (const measure of ['how_much_left', 'how_much_above', 'how_much_behind'] as const) {
          const x = answerQuery(scene, { type: 'pair', measure, a, b });
          const y = answerQuery(scene, { type: 'pair', measure, a: b, b: a });
          expect((y.value as number) + (x.value as number)).toBe(0);
          expect(y.choice).toBe(x.choice);
        }
      }
      const [x, y, z] = ids;
      expect(answerQuery(scene, { type: 'between', a: x, b: z, c: y }).verdict)
        .toBe(answerQuery(scene, { type: 'between', a: x, b: y, c: z }).verdict);
    }), { numRuns: 40 });
  });
});

describe('moving the whole scene with its camera changes no answer', () => {
  it('rotation about the vertical axis and translation', () => {
    fc.assert(fc.property(
      sceneArb,
      fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
      fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true })),
      (scene, angle, shift) => {
        const moved = moveScene(scene, angle, shift as Vec3);
        const opts: AnswerOptions = { viewpoint: moved.view };
        for (const q of allQueries(scene)) {
          const before = answerQuery(scene, q);
          const after = answerQuery(moved.scene, q, opts);
          expect(gist(after), JSON.stringify(q)).toEqual(gist(before));
          if (before.value !== undefined) expect(after.value as number).toBeCloseTo(before.value, 9);
          expect(after.confidence).toBeCloseTo(before.confidence, 9);
          expect(after.caveats).toEqual(before.caveats);
        }
      },
    ), { numRuns: 40 });
  });
  it('a rotation without moving the camera does change left/right (the test can fail)', () => {
    const scene = buildScene([
      { id: 'a', center: [-1, 0.5, -3], size: [0.3, 0.3, 0.3] },
      { id: 'b', center: [1, 0.5, -3], size: [0.3, 0.3, 0.3] },
    ]);
    const moved = moveScene(scene, Math.PI, [0, 0, -6]);
    const q: Query = { type: 'relation', form: 'yesno', relation: 'left', a: 'a', b: 'b' };
    expect(answerQuery(scene, q).verdict).toBe('yes');
    expect(answerQuery(moved.scene, q).verdict).toBe('no');
    expect(answerQuery(moved.scene, q, { viewpoint: moved.view }).verdict).toBe('yes');
  });
});

describe('every phrasing of every answer is a finished sentence', () => {
  it('no placeholders, undefined or NaN; starts with a capital, ends with a full stop; confidence in 0..1', () => {
    fc.assert(fc.property(sceneArb, fc.constantFrom<'metric' | 'imperial'>('metric', 'imperial'), (scene, units) => {
      for (const q of allQueries(scene)) {
        for (const phrasingSeed of [0, 1, 2]) {
          const a = answerQuery(scene, q, { units, phrasingSeed });
          expect(a.sentence, JSON.stringify(q)).not.toMatch(/\{|\}|undefined|NaN|Infinity/);
          expect(a.sentence).toMatch(/^[A-Z0-9].*\.$/s);
          expect(a.confidence).toBeGreaterThanOrEqual(0);
          expect(a.confidence).toBeLessThanOrEqual(1);
          if (units === 'imperial') expect(a.sentence).not.toMatch(/\d (m|cm)\b/);
        }
      }
    }), { numRuns: 15 });
  });
});
