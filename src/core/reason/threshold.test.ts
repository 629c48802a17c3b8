import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildScene } from '../testing/sceneBuilder';
import type { SceneGraph, SceneObject } from '../scene/types';
import { answerQuery } from './answerQuery';
import type { Query, Threshold } from './query';

const scene = buildScene([
  { id: 'sofa', caption: 'sofa', center: [-1, 0.42, -4], size: [2, 0.84, 0.9] },
  { id: 'tv', caption: 'tv', center: [1.5, 0.8, -5.5], size: [1.2, 0.7, 0.1] },
]);

const above = (metres: number): Threshold => ({ op: 'above', metres });
const below = (metres: number): Threshold => ({ op: 'below', metres });

describe('a measure asked against a length', () => {
  it('says yes or no with the measurement, on either side', () => {
    const yes = answerQuery(scene, { type: 'size', measure: 'height', a: 'sofa', threshold: below(1) });
    expect(yes.verdict).toBe('yes');
    // the person's length as they would say it ("1 m"), the measurement as measured
    expect(yes.sentence).toBe('Yes, less than 1 m: the sofa is 84 cm tall.');
    expect(answerQuery(scene, { type: 'size', measure: 'height', a: 'sofa', threshold: below(1) }, { phrasingSeed: 1 }).sentence).toBe('Yes — less than 1 m. The height of the sofa is about 84 cm.');
    expect(yes.value).toBeCloseTo(0.84, 9);
    const no = answerQuery(scene, { type: 'size', measure: 'width', a: 'sofa', threshold: above(2.5) });
    expect(no.verdict).toBe('no');
    expect(no.sentence).toMatch(/^No, less than 2\.5/);
    // centre to centre, as the distance it asks about
    const far = answerQuery(scene, { type: 'pair', measure: 'distance', a: 'sofa', b: 'tv', threshold: above(2) });
    expect(far.verdict).toBe('yes');
    expect(answerQuery(scene, { type: 'range', a: 'tv', threshold: below(5) }).verdict).toBe('no');
  });

  it('a length within the measurement\'s uncertainty is too close to call', () => {
    const a = answerQuery(scene, { type: 'size', measure: 'height', a: 'sofa', threshold: above(0.845) });
    expect(a.verdict).toBe('about-the-same');
    expect(a.sentence).toMatch(/too close to call|too close to|cannot tell/);
  });

  it('an estimated extent widens that margin by its estimator\'s spread', () => {
    const estimated: SceneGraph = {
      ...scene,
      objects: scene.objects.map((o): SceneObject => o.id !== 'sofa' ? o : {
        ...o,
        amodal: { visibleAabb: o.aabb, visibleObb: o.obb, estimated: ['category-prior', null, null], spread: [0.12, 0, 0], visibility: { left: 'observed', right: 'border-cut', top: 'observed', bottom: 'observed', near: 'observed', far: 'self-hidden' } },
      }),
    };
    const q: Query = { type: 'size', measure: 'width', a: 'sofa', threshold: above(1.8) };
    expect(answerQuery(scene, q).verdict).toBe('yes');
    // 2 m from a prior with a 12% spread cannot say it is over 1.8 m
    expect(answerQuery(estimated, q).verdict).toBe('about-the-same');
  });

  it('a signed offset is compared with its sign: the tv is not more than 1 m to the left of the sofa', () => {
    expect(answerQuery(scene, { type: 'pair', measure: 'how_much_left', a: 'sofa', b: 'tv', threshold: above(1) }).verdict).toBe('yes');
    expect(answerQuery(scene, { type: 'pair', measure: 'how_much_left', a: 'tv', b: 'sofa', threshold: above(1) }).verdict).toBe('no');
  });

  it('the two sides always disagree unless the length is too close to call', () => {
    fc.assert(fc.property(fc.double({ min: 0.05, max: 8, noNaN: true }), fc.constantFrom<'width' | 'height' | 'depth'>('width', 'height', 'depth'), (metres, measure) => {
      const up = answerQuery(scene, { type: 'size', measure, a: 'sofa', threshold: above(metres) }).verdict;
      const down = answerQuery(scene, { type: 'size', measure, a: 'sofa', threshold: below(metres) }).verdict;
      if (up === 'about-the-same') expect(down).toBe('about-the-same');
      else expect(down).toBe(up === 'yes' ? 'no' : 'yes');
    }));
  });
});
