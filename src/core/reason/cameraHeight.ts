/**
 * "How high is the camera?", "at what height was the photo taken?": the camera's height above the support
 * plane, which fixes the scene's frame. Measured where a floor (or another support plane) was found; where up
 * came from walls or a level-camera guess, it is the height above the lowest surface in view, and says so.
 */
import type { Answer } from './answer';
import { type Ctx, measurementConfidence, withCaveats } from './context';
import { supportOf } from './measures';
import type { Query } from './query';
import { phrase } from './templates';
import { viewpointFromScene } from './viewpoint';
import { verticalSigma } from '../units/uncertainty';

export function answerCameraHeight(ctx: Ctx, query: Extract<Query, { type: 'cameraHeight' }>): Answer {
  const h = ctx.scene.frame.cameraHeight;
  const { measured, floor } = supportOf(ctx.scene.frame);
  // a height is a vertical length: the depth's relative error, and a guessed frame's tilt where up was guessed
  const sigma = verticalSigma({ range: h, lowFrame: ctx.lowFrame, relativeError: ctx.scene.depthRelativeError });
  const value = ctx.fmt(h, sigma);
  const eye = viewpointFromScene(ctx.scene).eye;
  const caveats = measured ? [] : ['no floor or other support plane was found, so this is the height above the lowest surface in view'];
  return {
    query,
    value: h,
    unit: 'm',
    confidence: measurementConfidence(h, sigma) * (measured ? 1 : 0.5),
    caveats,
    evidence: {
      objects: [],
      quantities: [{ label: `height of the camera above ${floor}`, value: h, unit: 'm', uncertainty: sigma }],
      visuals: [{ kind: 'height-bar', base: [eye[0], 0, eye[2]], top: eye, label: value }],
    },
    sentence: withCaveats(phrase('cameraHeight', ctx.seed, { value, floor }), caveats),
  };
}
