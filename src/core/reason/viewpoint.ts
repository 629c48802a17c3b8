/**
 * Where the questions are asked from. Every predicate reads geometry through a Viewpoint so that answers
 * depend only on positions relative to the camera: move or turn the whole scene about the vertical axis
 * together with its viewpoint and no answer changes (tested as a property).
 *
 * Default (DESIGN.md): canonical frame +Y up, camera at (0, cameraHeight, 0), looking along -Z (horizontal
 * viewing direction), +X to the camera's right.
 *
 * Decisions:
 * - left/right compare the view-frame x (the canonical X for the default viewpoint) of box centres, as
 *   SpatialVLM/VQASynth do and as the viewer draws it; not the bearing angle around the camera.
 * - behind/in front compare the distance ahead of the camera along the horizontal viewing direction.
 * - above/below compare centre heights along +Y.
 */
import type { Vec3 } from '../geometry/vec';
import { dot, normalize, sub } from '../geometry/vec';
import type { SceneGraph } from '../scene/types';

export interface Viewpoint {
  /** camera position, canonical frame */
  eye: Vec3;
  /** horizontal unit viewing direction (y = 0) */
  forward: Vec3;
}

export const UP: Vec3 = [0, 1, 0];

export function viewpointFromScene(scene: SceneGraph): Viewpoint {
  return { eye: [0, scene.frame.cameraHeight, 0], forward: [0, 0, -1] };
}

/** The camera's right, horizontal: forward x up. */
export const viewRight = (v: Viewpoint): Vec3 => normalize([-v.forward[2], 0, v.forward[0]]);

/** A point in view coordinates: right of the eye, above the eye... and how far ahead of it. */
export interface ViewCoords {
  right: number;
  up: number;
  ahead: number;
}

export function toView(v: Viewpoint, p: Vec3): ViewCoords {
  const d = sub(p, v.eye);
  return { right: dot(d, viewRight(v)), up: d[1], ahead: dot(d, v.forward) };
}
