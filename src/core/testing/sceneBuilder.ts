/**
 * Builds SceneGraph objects from boxes, for tests: each box is given by its centre, size
 * [local x, height, local z] and yaw in the canonical frame (+Y up, camera at (0, cameraHeight, 0) looking
 * along -Z). The axis-aligned box, centroid and size are derived from it.
 */
import type { Vec3 } from '../geometry/vec';
import type { AABB, ObjectFlag, OBB, SceneGraph, SceneObject } from '../scene/types';
import { SCENE_SCHEMA_VERSION } from '../scene/types';
import type { Viewpoint } from '../reason/viewpoint';

export interface BoxSpec {
  id: string;
  caption?: string;
  center: Vec3;
  size: Vec3;
  yaw?: number;
  confidence?: number;
  flags?: ObjectFlag[];
  pointCount?: number;
}

export interface SceneSpec {
  cameraHeight?: number;
  frameConfidence?: 'high' | 'low';
  image?: { width: number; height: number };
}

export function aabbOfObb(o: OBB): AABB {
  const c = Math.abs(Math.cos(o.yaw));
  const s = Math.abs(Math.sin(o.yaw));
  const hx = (o.size[0] * c + o.size[2] * s) / 2;
  const hz = (o.size[0] * s + o.size[2] * c) / 2;
  const hy = o.size[1] / 2;
  return {
    min: [o.center[0] - hx, o.center[1] - hy, o.center[2] - hz],
    max: [o.center[0] + hx, o.center[1] + hy, o.center[2] + hz],
  };
}

export function objectFromBox(b: BoxSpec): SceneObject {
  const obb: OBB = { center: [...b.center], size: [...b.size], yaw: b.yaw ?? 0 };
  const aabb = aabbOfObb(obb);
  return {
    id: b.id,
    caption: b.caption ?? b.id,
    box2d: { x0: 0, y0: 0, x1: 1, y1: 1 },
    aabb,
    obb,
    centroid: [...b.center],
    size: {
      width: aabb.max[0] - aabb.min[0],
      height: aabb.max[1] - aabb.min[1],
      depth: aabb.max[2] - aabb.min[2],
    },
    pointCount: b.pointCount ?? 1000,
    confidence: b.confidence ?? 1,
    flags: b.flags ?? [],
  };
}

/**
 * The 2D box a level pinhole camera (f = 500 px, at (0, h, 0) looking along -Z) sees of an AABB, so that
 * qualifiers like "the left chair" resolve in tests as they do on photos.
 */
function projectBox(aabb: AABB, h: number, image: { width: number; height: number }): SceneObject['box2d'] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const x of [aabb.min[0], aabb.max[0]])
    for (const y of [aabb.min[1], aabb.max[1]])
      for (const z of [aabb.min[2], aabb.max[2]]) {
        const depth = Math.max(0.05, -z);
        const u = (500 * x) / depth + image.width / 2 - 0.5;
        const v = (500 * (h - y)) / depth + image.height / 2 - 0.5;
        x0 = Math.min(x0, u); x1 = Math.max(x1, u); y0 = Math.min(y0, v); y1 = Math.max(y1, v);
      }
  const clip = (v: number, hi: number) => Math.min(hi, Math.max(0, v));
  const box = { x0: clip(x0, image.width), y0: clip(y0, image.height), x1: clip(x1, image.width), y1: clip(y1, image.height) };
  return box.x1 > box.x0 && box.y1 > box.y0 ? box : { x0: 0, y0: 0, x1: 1, y1: 1 };
}

export function buildScene(boxes: BoxSpec[], spec: SceneSpec = {}): SceneGraph {
  const image = spec.image ?? { width: 640, height: 480 };
  const cameraHeight = spec.cameraHeight ?? 1.5;
  const low = spec.frameConfidence === 'low';
  return {
    schemaVersion: SCENE_SCHEMA_VERSION,
    image,
    camera: {
      intrinsics: { fx: 500, fy: 500, cx: image.width / 2 - 0.5, cy: image.height / 2 - 0.5, ...image },
      source: 'explicit',
      detail: 'synthetic test scene',
    },
    frame: {
      rotation: [1, 0, 0, 0, -1, 0, 0, 0, -1],
      translation: [0, cameraHeight, 0],
      plane: null,
      cameraHeight,
      confidence: low ? 'low' : 'high',
      method: low ? 'level-camera' : 'given',
    },
    objects: boxes.map((b) => ({ ...objectFromBox(b), box2d: projectBox(objectFromBox(b).aabb, cameraHeight, image) })),
    provenance: { depthSource: 'synthetic', objectsSource: 'synthetic', createdAt: '1970-01-01T00:00:00.000Z', app: 'sceneBuilder' },
  };
}

/** Turns p by `angle` about +Y (right-handed: +X towards -Z), the convention of OBB.yaw. */
export function rotateY(p: Vec3, angle: number): Vec3 {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [c * p[0] + s * p[2], p[1], -s * p[0] + c * p[2]];
}

/**
 * Moves the whole scene rigidly: turn by `angle` about the vertical axis through the origin, then shift by
 * `shift`. Returns the scene and the camera's viewpoint moved the same way, so relative answers must not
 * change.
 */
export function moveScene(
  scene: SceneGraph,
  angle: number,
  shift: Vec3,
  view: Viewpoint = { eye: [0, scene.frame.cameraHeight, 0], forward: [0, 0, -1] },
): { scene: SceneGraph; view: Viewpoint } {
  const move = (p: Vec3): Vec3 => {
    const r = rotateY(p, angle);
    return [r[0] + shift[0], r[1] + shift[1], r[2] + shift[2]];
  };
  const objects = scene.objects.map((o) => {
    const obb: OBB = { center: move(o.obb.center), size: [...o.obb.size], yaw: o.obb.yaw + angle };
    const aabb = aabbOfObb(obb);
    const size = { width: aabb.max[0] - aabb.min[0], height: aabb.max[1] - aabb.min[1], depth: aabb.max[2] - aabb.min[2] };
    return { ...o, obb, aabb, size, centroid: move(o.centroid) };
  });
  return {
    scene: { ...scene, objects },
    view: { eye: move(view.eye), forward: rotateY(view.forward, angle) },
  };
}
