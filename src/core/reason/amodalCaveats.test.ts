import { describe, expect, it } from 'vitest';
import type { SceneObject } from '../scene/types';
import { buildScene } from '../testing/sceneBuilder';
import { answerQuery } from './answerQuery';

/** A car whose length (box x, across the view) was completed from the category's prior; its height was seen. */
function lengthFromPrior(o: SceneObject): SceneObject {
  return {
    ...o,
    amodal: {
      visibleAabb: o.aabb, visibleObb: o.obb, estimated: ['category-prior', null, null], spread: [0.12, 0, 0],
      visibility: { left: 'border-cut', right: 'observed', top: 'observed', bottom: 'observed', near: 'observed', far: 'self-hidden' },
    },
  };
}

describe('an estimated extent is said, and lowers the confidence, only where the answer rests on it', () => {
  const base = buildScene([
    { id: 'car', caption: 'car', center: [-3, 0.75, -10], size: [4, 1.5, 1.7] },
    { id: 'van', caption: 'van', center: [3, 1, -12], size: [5, 2, 1.9] },
  ]);
  const scene = { ...base, objects: [lengthFromPrior(base.objects[0]), base.objects[1]] };
  const plain = base;

  it('a height or a height above the floor: the estimated length is no part of it', () => {
    for (const relation of ['shorter', 'below'] as const) {
      const est = answerQuery(scene, { type: 'relation', form: 'yesno', relation, a: 'car', b: 'van' });
      const seen = answerQuery(plain, { type: 'relation', form: 'yesno', relation, a: 'car', b: 'van' });
      expect(est.sentence, relation).not.toMatch(/typical sizes/);
      expect(est.confidence, relation).toBeCloseTo(seen.confidence, 9);
    }
    expect(answerQuery(scene, { type: 'size', measure: 'height', a: 'car' }).sentence).not.toMatch(/typical sizes/);
    // how much taller: two heights, the estimated length no part of them
    const taller = { type: 'pair', measure: 'how_much_taller', a: 'car', b: 'van' } as const;
    expect(answerQuery(scene, taller).sentence).not.toMatch(/typical sizes/);
    expect(answerQuery(scene, taller).confidence).toBeCloseTo(answerQuery(plain, taller).confidence, 9);
  });

  it('a width, a position across the view, a distance: it is said, and they are less sure', () => {
    const queries = [
      { type: 'relation', form: 'yesno', relation: 'wider', a: 'car', b: 'van' },
      { type: 'relation', form: 'yesno', relation: 'left', a: 'car', b: 'van' },
      { type: 'pair', measure: 'distance', a: 'car', b: 'van' },
      { type: 'size', measure: 'width', a: 'car' },
      { type: 'pair', measure: 'how_much_wider', a: 'car', b: 'van' },
    ] as const;
    for (const q of queries) {
      const est = answerQuery(scene, q);
      expect(est.sentence, JSON.stringify(q)).toMatch(/its width is estimated from typical sizes of a car/);
      expect(est.confidence, JSON.stringify(q)).toBeLessThan(answerQuery(plain, q).confidence);
    }
  });

  it('asked as a length ("how long", "longer"), the caveat calls that side its length', () => {
    const asLength = [
      { type: 'size', measure: 'length', a: 'car' },
      { type: 'relation', form: 'yesno', relation: 'wider', a: 'car', b: 'van', long: true },
      { type: 'pair', measure: 'how_much_wider', a: 'car', b: 'van', long: true },
    ] as const;
    for (const q of asLength) expect(answerQuery(scene, q).sentence, JSON.stringify(q)).toMatch(/its length is estimated from typical sizes of a car/);
  });
});
