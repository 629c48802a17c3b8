/**
 * Per-object 3D geometry (pipeline stage 7), as named phases over one shared sample (ObjectSample):
 * 1. objectRegion — the mask window (eroded mask, or box only: the 2D box shrunk a little, less smaller
 *    objects' boxes) in depth-map pixels;
 * 2. sampleObject — the first-pass sample: a regular grid of about maxPoints pixels with valid depth, not
 *    flying pixels, in the canonical frame;
 * 3. removeSupportAndWalls — box only: floor band and walls set aside;
 * 4. chooseObjectClusters — outliers, connected voxel clusters, which of them are the object;
 * 5. gatherObjectPoints — the second pass: every pixel of the region whose point joins the kept clusters,
 *    and those that go on the same surfaces past them along rows and columns (surfaceGrowth.ts);
 * 6. fitObjectBox / fallbackBox — the visible box, centroid and confidence;
 * 7. amodalBox — which sides are hidden and why, and the whole object's box (aabb/obb are the amodal box,
 *    `amodal` holds the visible one and which extents were estimated, by which estimator).
 * Each phase lives in its own file, with the why of its rules.
 */
import type { ObjectFlag, SceneObject } from '../scene/types';
import { amodalBox } from './objectAmodal';
import { categoryPrior } from './categoryPriors';
import { fallbackBox, fitObjectBox, type MapMedianCache, type ObjectBox } from './objectBox';
import { chooseObjectClusters } from './objectClusters';
import { objectEnv, type Objects3dContext, type Objects3dOptions } from './objectEnv';
import { gatherObjectPoints } from './objectPoints';
import { objectRegion, type ObjectInput } from './objectRegion';
import { sampleObject } from './objectSample';
import { removeSupportAndWalls, sceneWalls, type WallCache } from './objectSurfaces';
import { roomHeading as roomHeadingOf } from './cutHeading';

export type { ObjectInput } from './objectRegion';
export type { Objects3dContext, Objects3dOptions } from './objectEnv';

export interface Objects3dResult {
  objects: SceneObject[];
  /** Per object, the depth-map pixel indices of the points its box was built from. */
  keptPixels: Uint32Array[];
}

export function objects3d(inputs: ObjectInput[], ctx: Objects3dContext, opts: Objects3dOptions = {}): Objects3dResult {
  const env = objectEnv(ctx, opts);
  const objects: SceneObject[] = [];
  const keptPixels: Uint32Array[] = [];
  const walls: WallCache = { walls: null };
  const mapMedian: MapMedianCache = { value: null };
  const roomHeading = () => roomHeadingOf(sceneWalls(env, walls));
  for (const obj of inputs) {
    const flags: ObjectFlag[] = [];
    const b = obj.box2d;
    if (b.x0 <= 0.5 || b.y0 <= 0.5 || b.x1 >= env.img.width - 0.5 || b.y1 >= env.img.height - 0.5) flags.push('truncated');
    const region = objectRegion(env, obj, inputs);
    const sample = sampleObject(env, region);
    const surf = removeSupportAndWalls(env, sample, region.boxOnly, walls);
    const sel = chooseObjectClusters(env, sample, region, surf, b);
    const pts = gatherObjectPoints(env, region, sel, surf);
    const ok = pts.count >= env.minPoints && (sel?.firstPassKept ?? 0) >= env.minPoints;
    const box: ObjectBox = ok
      ? fitObjectBox(env, pts, b, { boxOnly: region.boxOnly, bandY: surf.bandY, firstPassKept: sel?.firstPassKept ?? 0, sampleCount: sample.n, flags, lineFootprint: categoryPrior(obj.caption)?.lineFootprint ?? false, roomHeading })
      : fallbackBox(env, sample, b, pts, flags, mapMedian);
    const { aabb, obb, info } = amodalBox(env, obj.caption, b, box, ok ? pts : null, walls);
    const { centroid, confidence } = box;
    const out: SceneObject = {
      id: obj.id,
      caption: obj.caption,
      box2d: { ...b },
      aabb,
      obb,
      centroid,
      size: { width: aabb.max[0] - aabb.min[0], height: aabb.max[1] - aabb.min[1], depth: aabb.max[2] - aabb.min[2] },
      pointCount: pts.count,
      confidence: Math.round(confidence * 1000) / 1000,
      flags,
      amodal: info,
    };
    if (obj.attributes) out.attributes = [...obj.attributes];
    if (obj.mask) out.mask = obj.mask;
    objects.push(out);
    keptPixels.push(ok ? pts.pixels.slice(0, pts.count) : new Uint32Array(0));
  }
  return { objects, keptPixels };
}
