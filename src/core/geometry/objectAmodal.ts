/**
 * objects3d phase 7, the whole object: visibility of each side (visibility.ts) from the depth around the
 * object's 2D box, then amodal completion (amodal.ts) of the visible box. An object with too few points
 * keeps its back-projected fallback box, every extent marked estimated.
 */
import type { AmodalInfo, Box2D } from '../scene/types';
import { completeAmodal, type AmodalBox } from './amodal';
import type { ObjectBox } from './objectBox';
import { freeSpaceTest, type FreeSpaceTest } from './freeSpace';
import { clampBox, type ObjectEnv } from './objectEnv';
import type { ObjectPoints } from './objectPoints';
import type { WallCache } from './objectSurfaces';
import { objectVisibility } from './visibility';
import { findWalls } from './walls';

const BACK_PROJECTED_SPREAD = 0.5;

/** One free-space test per objects3d call (env is made per call): it measures the sensor's reach once, when first asked. */
const FREE = new WeakMap<ObjectEnv, FreeSpaceTest>();
function freeSpaceOf(env: ObjectEnv): FreeSpaceTest {
  let t = FREE.get(env);
  if (!t) FREE.set(env, (t = freeSpaceTest(env.depth, env.K, env.frame)));
  return t;
}

export function amodalBox(env: ObjectEnv, caption: string, box2d: Box2D, box: ObjectBox, pts: ObjectPoints | null, walls: WallCache): AmodalBox {
  const { W, H, K, ifx, ify, frame } = env;
  const [, , , r3, r4, r5] = frame.rotation;
  const ty = frame.translation[1];
  const band = (z: number) => Math.max(0.03, 0.01 * z);
  const visibility = objectVisibility({
    depth: env.depth, box: clampBox(box2d, env.sx, env.sy, W, H, 0), pixels: pts?.pixels ?? new Uint32Array(0), count: pts?.count ?? 0,
    width: W, height: H, ...(pts ? { pixelBounds: pts.pixelBounds } : {}),
    onSupport: env.hasPlane ? (x, y, z) => r3 * (x - K.cx) * ifx * z + r4 * (y - K.cy) * ify * z + r5 * z + ty < band(z) : undefined,
  });
  if (!pts) {
    const info: AmodalInfo = {
      visibleAabb: box.aabb, visibleObb: box.obb, estimated: ['back-projected', 'back-projected', 'back-projected'],
      spread: [BACK_PROJECTED_SPREAD, BACK_PROJECTED_SPREAD, BACK_PROJECTED_SPREAD], visibility,
    };
    return { aabb: box.aabb, obb: box.obb, info };
  }
  return completeAmodal({
    visibleAabb: box.aabb, visibleObb: box.obb, visibility, caption,
    camera: [frame.translation[0], frame.translation[1], frame.translation[2]],
    hasSupport: env.hasPlane, boxFoot: box.boxFoot, boxReach: box.boxReach, focalPx: K.fy,
    freeSpace: freeSpaceOf(env),
    walls: () => (env.hasPlane ? (walls.walls ??= findWalls(env.depth, K, frame, { flyingPixelThreshold: env.thr })) : []),
  });
}
