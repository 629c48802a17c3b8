import { describe, expect, it } from 'vitest';
import type { FaceState, SceneObject } from '../scene/types';
import { buildScene } from '../testing/sceneBuilder';
import { makeCtx } from './context';
import { heightIsLowerBound, widthIsLowerBound } from './openExtents';
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

/** The object cut at its left end, with `acrossBy` set on its local x axis (the one across the view here). */
function cutLeft(o: SceneObject, acrossBy: 'footprint-symmetry' | null, state: FaceState = 'border-cut'): SceneObject {
  return {
    ...o,
    amodal: {
      visibleAabb: o.aabb, visibleObb: o.obb, estimated: [acrossBy, null, null], spread: [acrossBy ? 0.3 : 0, 0, 0],
      visibility: { left: state, right: 'observed', top: 'observed', bottom: 'observed', near: 'observed', far: 'self-hidden' },
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
    // a chair has a prior: a cut top left as seen was already at least the prior's height
    expect(heightIsLowerBound(withTop(chair, 'border-cut', null))).toBe(false);
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
    // its depth estimated by symmetry (a cut floor lamp's usual case): the height is still a lower bound; the
    // depth is no part of a height, and is said only where the answer rests on it (where the lamp stands)
    const sym = withTop(lamp, 'border-cut', null);
    sym.amodal!.estimated[2] = 'footprint-symmetry';
    const taller = ask(sym, 'taller').caveats.join(' ');
    expect(taller).toMatch(/top of .*lamp.*lower bound/);
    expect(taller).not.toMatch(/estimated from a square footprint/);
    expect(ask(sym, 'left').caveats.join(' ')).toMatch(/estimated from a square footprint/);
  });
  it('an end across the view out of sight, and not completed, leaves the width a lower bound', () => {
    const eye: [number, number, number] = [0, 1.5, 0];
    expect(widthIsLowerBound(cutLeft(lamp, null), eye)).toBe(true);
    expect(widthIsLowerBound(cutLeft(lamp, null, 'occluded'), eye)).toBe(true);
    expect(widthIsLowerBound(cutLeft(lamp, 'footprint-symmetry'), eye)).toBe(false);
    expect(widthIsLowerBound(lamp, eye)).toBe(false);
    expect(widthIsLowerBound(cutLeft(chair, null), eye)).toBe(false);
    // seen from the side (the camera 3 m to its right), local x runs along the line of sight: the cut end
    // is of local z, which nothing completed either
    expect(widthIsLowerBound(cutLeft(lamp, 'footprint-symmetry'), [3, 1.5, -3])).toBe(true);
    const s = { ...scene, objects: [cutLeft(lamp, null), chair] };
    const wider = answerRelation(makeCtx(s), { type: 'relation', form: 'yesno', relation: 'wider', a: 'lamp', b: 'chair' });
    expect(wider.caveats.join(' ')).toMatch(/image's edge cuts off one end of .*lamp.*width .* lower bound/);
    const taller = answerRelation(makeCtx(s), { type: 'relation', form: 'yesno', relation: 'taller', a: 'lamp', b: 'chair' });
    expect(taller.caveats.join(' ')).not.toMatch(/lower bound/);
  });
});
