/**
 * Whether the measure a relation compares rests, for one object, on a typical size rather than on what the
 * depth shows: an extent completed from the category's prior, or one that is only a lower bound (an end out of
 * sight, nothing to complete it from). When both objects' measures rest on one, the answer can be no better
 * than the priors' spread allows (two cars whose hidden lengths both come from the mean car are "about the
 * same"): the evaluation counts those failures apart from the ones a better measurement could fix.
 *
 * Symmetry and back-projection are not counted: they are geometry that a better method could get right.
 */
import type { Vec3 } from '../geometry/vec';
import type { Relation } from './query';
import type { SceneObject } from '../scene/types';
import { heightIsLowerBound, widthIsLowerBound } from './openExtents';
import { RELATION_FAMILY } from './relations';

const fromPrior = (o: SceneObject, axis: number): boolean => o.amodal?.estimated[axis] === 'category-prior';

export function restsOnEstimate(o: SceneObject, relation: Relation, eye: Vec3): boolean {
  const height = () => fromPrior(o, 1) || heightIsLowerBound(o);
  const footprint = () => fromPrior(o, 0) || fromPrior(o, 2) || widthIsLowerBound(o, eye);
  switch (RELATION_FAMILY[relation].family) {
    // the centre's height moves with an estimated height; its place across and along the view with the footprint
    case 'vertical':
    case 'height':
      return height();
    case 'lateral':
    case 'depth':
      return footprint();
    case 'width':
      // the width is the longer horizontal side: only that side's estimate counts
      return fromPrior(o, o.obb.size[0] >= o.obb.size[2] ? 0 : 2) || widthIsLowerBound(o, eye);
    case 'volume':
      return height() || footprint();
  }
}
