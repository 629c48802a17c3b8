/**
 * "How high is the camera?", "at what height was the photo taken?": the camera's height above the support
 * plane, which fixes the scene's frame. Measured where a floor (or another support plane) was found; where up
 * came from walls or a level-camera guess, it is the height above the lowest surface in view, and says so.
 */
import type { Answer } from './answer';
import { type Ctx, measurementConfidence } from './context';
import type { Query } from './query';
import { phrase } from './templates';
import { viewpointFromScene } from './viewpoint';
import { verticalSigma } from '../units/uncertainty';

/** A camera under this height above its support plane looks down at a table or a desk, not across a floor. */
export const FLOOR_CAMERA_MIN_M = 0.8;

export function answerCameraHeight(ctx: Ctx, query: Extract<Query, { type: 'cameraHeight' }>): Answer {
  const f = ctx.scene.frame;
  const h = f.cameraHeight;
  const measured = f.method === 'support-plane' || f.method === 'given';
  const floor = measured && h >= FLOOR_CAMERA_MIN_M ? 'the floor' : 'the surface below';
  // a height is a vertical length: the depth's relative error, and a guessed frame's tilt where up was guessed
  const sigma = verticalSigma({ range: h, lowFrame: ctx.lowFrame, relativeError: ctx.scene.depthRelativeError });
  const value = ctx.fmt(h, sigma);
  const eye = viewpointFromScene(ctx.scene).eye;
  const caveats = measured ? [] : ['no floor or other support plane was found, so this is the height above the lowest surface in view'];
  const sentence = phrase('cameraHeight', ctx.seed, { value, floor });
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
    sentence: caveats.length ? `${sentence} Less certain because ${caveats[0]}.` : sentence,
  };
}
