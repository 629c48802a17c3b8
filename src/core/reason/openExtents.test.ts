import { describe, expect, it } from 'vitest';
import type { FaceState, SceneObject } from '../scene/types';
import { buildScene } from '../testing/sceneBuilder';
import { makeCtx } from './context';
import { heightIsLowerBound } from './openExtents';
import { answerRelation } from './relations';

/** The object with an amodal record: its top in the given state, its height set by `by` (null: as seen). */
function withTop(o: SceneObject, top: FaceState, by: 'category-prior' | 'support-contact' | null): SceneObject {
  return {
    ...o,
    amodal: {
      visibleAabb: o.aabb, visibleObb: o.obb, estimated: [null, by, null], spread: [0, by === 'category-prior' ? 0.12 : 0, 0],
      visibility: { left: 'observed', right: 'observed', top, bottom: 'observed', near: 'observed', far: 'self-hidden' },
    },
  };
}

describe('heights that are only lower bounds', () => {
  const scene = buildScene([
    { id: 'lamp', caption: 'floor lamp', center: [0, 0.45, -3], size: [0.4, 0.9, 0.4] },
    { id: 'chair', caption: 'chair', center: [1, 0.45, -3], size: [0.6, 0.9, 0.6] },
  ]);
  const [lamp, chair] = scene.objects;
  it('a top cut by the image edge or hidden, and not completed from a prior, leaves the height a lower bound', () => {
    expect(heightIsLowerBound(withTop(lamp, 'border-cut', null))).toBe(true);
    expect(heightIsLowerBound(withTop(lamp, 'occluded', 'support-contact'))).toBe(true);
    expect(heightIsLowerBound(withTop(lamp, 'border-cut', 'category-prior'))).toBe(false);
    expect(heightIsLowerBound(withTop(lamp, 'observed', null))).toBe(false);
    expect(heightIsLowerBound(lamp)).toBe(false);
  });
  it('an answer resting on such a height says so and is less sure; one on its position does not', () => {
    const ask = (o: SceneObject, relation: 'taller' | 'left') => {
      const s = { ...scene, objects: [o, chair] };
      return answerRelation(makeCtx(s), { type: 'relation', form: 'yesno', relation, a: 'lamp', b: 'chair' });
    };
    const cut = ask(withTop(lamp, 'border-cut', null), 'taller'), seen = ask(withTop(lamp, 'observed', null), 'taller');
    expect(cut.caveats.join(' ')).toMatch(/image's edge cuts off the top of .*lamp.*lower bound/);
    expect(cut.sentence).toMatch(/lower bound/);
    expect(cut.confidence).toBeLessThan(0.75 * seen.confidence);
    expect(seen.caveats.join(' ')).not.toMatch(/lower bound/);
    expect(ask(withTop(lamp, 'border-cut', null), 'left').caveats.join(' ')).not.toMatch(/lower bound/);
  });
});
