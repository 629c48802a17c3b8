/**
 * objects3d phase 7, the whole object: visibility of each side (visibility.ts) from the depth around the
 * object's 2D box, then amodal completion (amodal.ts) of the visible box. An object with too few points
 * keeps its back-projected fallback box, every extent marked estimated; one of a grounded category whose
 * bottom is hidden stands on the support plane; one with a category prior is completed from it as any other.
 */
import { canonicalDepth } from '../camera/project';
import type { AmodalInfo, Box2D, OBB } from '../scene/types';
import { SUPPORT_SPREAD, aabbOfObb, completeAmodal, type AmodalBox } from './amodal';
import { categoryPrior, standsOnFloor } from './categoryPriors';
import type { ObjectBox } from './objectBox';
import { freeSpaceTest, type FreeSpaceTest } from './freeSpace';
import { clampBox, type ObjectEnv } from './objectEnv';
import type { ObjectPoints } from './objectPoints';
import { sceneWalls, type WallCache } from './objectSurfaces';
import { objectVisibility } from './visibility';

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
    ...(pts ? {} : { depthHint: canonicalDepth(frame, ...box.obb.center) }),
    onSupport: env.hasPlane ? (x, y, z) => r3 * (x - K.cx) * ifx * z + r4 * (y - K.cy) * ify * z + r5 * z + ty < band(z) : undefined,
  });
  const wallsOnce = () => sceneWalls(env, walls);
  const camera: [number, number, number] = [frame.translation[0], frame.translation[1], frame.translation[2]];
  if (!pts && categoryPrior(caption)) {
    // a known category seen as a sliver: its sides are at least the category's, as for any object with a
    // hidden extent; what the prior leaves as back-projected stays marked so
    const r = completeAmodal({
      visibleAabb: box.aabb, visibleObb: box.obb, visibility, caption, camera,
      hasSupport: env.hasPlane, boxFoot: box.boxFoot, boxReach: box.boxReach, focalPx: K.fy, walls: wallsOnce,
    });
    for (let i = 0; i < 3; i++) if (r.info.estimated[i] === null) { r.info.estimated[i] = 'back-projected'; r.info.spread[i] = BACK_PROJECTED_SPREAD; }
    return r;
  }
  if (!pts) {
    const info: AmodalInfo = {
      visibleAabb: box.aabb, visibleObb: box.obb, estimated: ['back-projected', 'back-projected', 'back-projected'],
      spread: [BACK_PROJECTED_SPREAD, BACK_PROJECTED_SPREAD, BACK_PROJECTED_SPREAD], visibility,
    };
    const down = standOnSupport(env, caption, box, visibility);
    if (down) { info.estimated[1] = 'support-contact'; info.spread[1] = SUPPORT_SPREAD; return { aabb: aabbOfObb(down), obb: down, info }; }
    return { aabb: box.aabb, obb: box.obb, info };
  }
  return completeAmodal({
    visibleAabb: box.aabb, visibleObb: box.obb, visibility, caption,
    camera,
    hasSupport: env.hasPlane, boxFoot: box.boxFoot, boxReach: box.boxReach, focalPx: K.fy,
    freeSpace: freeSpaceOf(env),
    edgeReach: edgeReach(env, pts, visibility),
    walls: wallsOnce,
  });
}

/**
 * A fallback box of a grounded category (a walker seen as a sliver over a nearer object, or only as a head
 * over the image's bottom edge) whose bottom is hidden goes down to the support plane: its height is unknown,
 * but where it stands is not.
 */
function standOnSupport(env: ObjectEnv, caption: string, box: ObjectBox, v: AmodalInfo['visibility']): OBB | null {
  if (!env.hasPlane || v.bottom === 'observed' || !standsOnFloor(caption)) return null;
  const { center, size, yaw } = box.obb;
  const bottom = center[1] - size[1] / 2, top = center[1] + size[1] / 2;
  if (!(bottom > 0) || !(top > 0)) return null;
  return { center: [center[0], top / 2, center[2]], size: [size[0], top, size[2]], yaw };
}

/**
 * Pixels within EDGE_PX of an image edge that cuts the object are at the edge; those beyond INSIDE_SHARE of the
 * object's own pixel span from it are well inside (a seen near face reaches there; a cut seat or side runs
 * back from the edge, a little further per pixel). 0.1, 0.15, 0.25 and 0.5 tried on the synthetic benchmark:
 * 0.25 moved the most centre error the right way (0.5 sent more boxes the wrong way than the right one).
 */
const EDGE_PX = 3, INSIDE_SHARE = 0.25;

/** How far the object's points reach along (ux, uz): those at the image edges that cut it, and those well inside them (-Infinity: none). */
function edgeReach(env: ObjectEnv, pts: ObjectPoints, v: AmodalInfo['visibility']): (ux: number, uz: number) => [number, number] {
  const { W, H } = env;
  const b = pts.pixelBounds;
  const cutL = v.left === 'border-cut', cutR = v.right === 'border-cut', cutB = v.bottom === 'border-cut';
  const inX = Math.max(EDGE_PX, Math.round(INSIDE_SHARE * (b.x1 - b.x0 + 1))), inY = Math.max(EDGE_PX, Math.round(INSIDE_SHARE * (b.y1 - b.y0 + 1)));
  return (ux, uz) => {
    let edge = -Infinity, inside = -Infinity;
    for (let k = 0; k < pts.count; k++) {
      const i = pts.pixels[k], x = i % W, y = (i - x) / W;
      const dl = cutL ? x : Infinity, dr = cutR ? W - 1 - x : Infinity, db = cutB ? H - 1 - y : Infinity;
      const atEdge = dl < EDGE_PX || dr < EDGE_PX || db < EDGE_PX;
      if (!atEdge && (dl < inX || dr < inX || db < inY)) continue;
      const d = pts.points[k * 3] * ux + pts.points[k * 3 + 2] * uz;
      if (atEdge) { if (d > edge) edge = d; } else if (d > inside) inside = d;
    }
    return [edge, inside];
  };
}
