/**
 * Answers use each object's amodal box; where it rests on estimated extents, the answer says which and how
 * (a caveat in the sentence, a quantity in the evidence) and is less confident.
 */
import type { AmodalEstimator, SceneObject } from '../scene/types';
import type { Quantity } from './answer';
import { extentAsAsked, label } from './templates';

/** Confidence factor for an object whose box has estimated extents (a guess from its 2D box: much less sure). */
export const ESTIMATE_PENALTY = 0.85;
export const BACK_PROJECTED_PENALTY = 0.6;

/** The word for an OBB axis of this object: height, or width (the longer horizontal side) / depth. */
function axisWord(o: SceneObject, axis: number): 'width' | 'height' | 'depth' {
  if (axis === 1) return 'height';
  return (axis === 0) === (o.obb.size[0] >= o.obb.size[2]) ? 'width' : 'depth';
}

/**
 * The object's estimated extents as [extent word, estimator], in the box's own axes (x -> width, z -> depth by
 * size); only those on `axes` (box axes, 1 = height) when given.
 */
export function estimatedExtents(o: SceneObject, axes: readonly number[] = [0, 1, 2], long = false): [string, AmodalEstimator][] {
  const est = o.amodal?.estimated;
  if (!est) return [];
  const out: [string, AmodalEstimator][] = [];
  est.forEach((e, axis) => { if (e && axes.includes(axis)) out.push([extentAsAsked(axisWord(o, axis), long), e]); });
  return out;
}

/** The prior's category in words ("night stand"), else the object's name. */
function categoryOf(o: SceneObject, name: string): string {
  return (o.amodal?.prior ?? '').split(' (')[0].replace(/_/g, ' ').toLowerCase() || name.replace(/^the /, '');
}

const HOW: Readonly<Record<AmodalEstimator, (category: string) => string>> = {
  'category-prior': (c) => `from typical sizes of ${c}`,
  'support-contact': () => 'down to the surface it stands on',
  'footprint-symmetry': () => 'from a square footprint',
  'back-projected': () => 'from its outline in the photo',
};

/** "the far side of the car is hidden; its depth is estimated from typical sizes of a car" */
export function estimateCaveat(name: string, o: SceneObject, axes: readonly number[] = [0, 1, 2], long = false): string | null {
  const ext = estimatedExtents(o, axes, long);
  if (!ext.length || !o.amodal) return null;
  const v = o.amodal.visibility;
  const why: string[] = [];
  if (ext.some(([, e]) => e === 'back-projected')) why.push('it has almost no depth points');
  else {
    if (v.left === 'border-cut' || v.right === 'border-cut' || v.top === 'border-cut' || v.bottom === 'border-cut') why.push('the image edge cuts it');
    if (v.left === 'occluded' || v.right === 'occluded' || v.top === 'occluded' || v.bottom === 'occluded') why.push('something in front hides part of it');
    if (ext.some(([w]) => w !== 'height')) why.push('its far side is hidden');
  }
  const category = categoryOf(o, name);
  const parts = ext.map(([w, e]) => `its ${w} is estimated ${HOW[e](`a ${category}`)}`);
  return `${name}: ${why.join(' and ') || 'part of it is hidden'}; ${parts.join(', ')}`;
}

/** Evidence quantities for the estimated extents of the objects an answer used, in plain words with captions. */
export function estimateQuantities(objects: readonly SceneObject[], name: (o: SceneObject) => string): Quantity[] {
  const out: Quantity[] = [];
  for (const o of objects) {
    o.amodal?.estimated.forEach((e, axis) => {
      if (!e) return;
      const value = o.obb.size[axis];
      const how = HOW[e](`a ${categoryOf(o, name(o))}`);
      out.push({ label: label('qEstimated', { measure: axisWord(o, axis), a: name(o), how }), value, unit: 'm', uncertainty: (o.amodal?.spread[axis] ?? 0) * value });
    });
  }
  return out;
}
