import type { Intrinsics, IntrinsicsSource } from '../camera/intrinsics';
import { canonicalize, transformPoints, type CanonicalizeOptions } from '../geometry/canonicalize';
import { liftDepth } from '../geometry/lift';
import { objects3d, type ObjectInput, type Objects3dOptions } from '../geometry/objects3d';
import type { DepthMap, PointCloud, RGBAImage } from '../geometry/raster';
import { SCENE_SCHEMA_VERSION, type CanonicalFrame, type SceneGraph, type SceneProvenance } from '../scene/types';

export interface BuildSceneInput {
  depth: DepthMap;
  /** For the working image (rescaled to the depth map when sizes differ). */
  intrinsics: Intrinsics;
  intrinsicsSource: IntrinsicsSource;
  intrinsicsDetail: string;
  rgb?: RGBAImage;
  /** Boxes and masks in the working image's pixels (the rgb's size, else the depth map's). */
  objects: ObjectInput[];
  provenance: SceneProvenance;
  /** Point-cloud stride for the viewer cloud and the plane search (default 1). */
  stride?: number;
  flyingPixelThreshold?: number;
  canonicalize?: CanonicalizeOptions;
  objects3d?: Objects3dOptions;
  /** Relative depth error of this depth (SENSOR_RELATIVE_DEPTH_ERROR for a sensor's depth; default: a model's). */
  depthRelativeError?: number;
}

export interface BuildSceneTimings {
  liftMs: number;
  canonicalizeMs: number;
  objectsMs: number;
  /** Moving the viewer cloud into the canonical frame. */
  cloudMs: number;
  totalMs: number;
}

export interface BuildSceneResult {
  scene: SceneGraph;
  /** Lifted cloud with positions in the canonical frame (pixel indices refer to the depth map). */
  cloud: PointCloud;
  /** Per object, the depth-map pixels its 3D box came from (same order as scene.objects). */
  objectPixels: Uint32Array[];
  timings: BuildSceneTimings;
}

const now = (): number => performance.now();

/** What lift + canonicalize need: everything of BuildSceneInput but the objects and the provenance. */
export type PrepareSceneInput = Pick<BuildSceneInput, 'depth' | 'intrinsics' | 'rgb' | 'stride' | 'flyingPixelThreshold' | 'canonicalize'>;
/** What the per-object half adds. */
export type FinishSceneInput = Omit<BuildSceneInput, keyof PrepareSceneInput>;

/**
 * The object-independent half of buildScene (stages 5-6): the cloud in the camera frame and the
 * canonical frame. The pipeline runs it as soon as depth is known, while the masks are still coming.
 */
export interface PreparedScene {
  input: PrepareSceneInput;
  /** Camera-frame cloud; finishScene moves it into the canonical frame in place. */
  cam: PointCloud;
  frame: CanonicalFrame;
  liftMs: number;
  canonicalizeMs: number;
}

export function prepareScene(input: PrepareSceneInput): PreparedScene {
  const t0 = now();
  const cam = liftDepth(input.depth, input.intrinsics, {
    stride: input.stride,
    rgb: input.rgb,
    flyingPixelThreshold: input.flyingPixelThreshold,
  });
  const t1 = now();
  const frame = canonicalize(cam, { ...(input.rgb ? { image: { rgb: input.rgb, intrinsics: input.intrinsics } } : {}), ...input.canonicalize });
  return { input, cam, frame, liftMs: t1 - t0, canonicalizeMs: now() - t1 };
}

/** Stages 7-8 on a prepared scene: per-object 3D boxes, the canonical cloud, the scene graph. Use once. */
export function finishScene(prepared: PreparedScene, rest: FinishSceneInput): BuildSceneResult {
  const { input, cam, frame } = prepared;
  const t2 = now();
  const image = input.rgb ? { width: input.rgb.width, height: input.rgb.height } : { width: input.depth.width, height: input.depth.height };
  const { objects, keptPixels } = objects3d(
    rest.objects,
    { depth: input.depth, intrinsics: input.intrinsics, frame, imageSize: image },
    { flyingPixelThreshold: input.flyingPixelThreshold, ...rest.objects3d },
  );
  const t3 = now();
  // in place: the camera-frame positions are not needed after canonicalize, and a second cloud-sized
  // buffer is the costliest allocation here in a browser worker
  const cloud: PointCloud = { ...cam, positions: transformPoints(frame, cam.positions, cam.count, cam.positions) };
  const t4 = now();
  const scene: SceneGraph = {
    schemaVersion: SCENE_SCHEMA_VERSION,
    image,
    camera: { intrinsics: input.intrinsics, source: rest.intrinsicsSource, detail: rest.intrinsicsDetail },
    frame,
    objects,
    provenance: rest.provenance,
    ...(rest.depthRelativeError === undefined ? {} : { depthRelativeError: rest.depthRelativeError }),
  };
  const { liftMs, canonicalizeMs } = prepared;
  return {
    scene,
    cloud,
    objectPixels: keptPixels,
    timings: { liftMs, canonicalizeMs, objectsMs: t3 - t2, cloudMs: t4 - t3, totalMs: liftMs + canonicalizeMs + (t4 - t2) },
  };
}

/** Stages 5-8: lift, canonicalize, per-object 3D boxes, scene graph. Pure: same inputs, same scene. */
export function buildScene(input: BuildSceneInput): BuildSceneResult {
  return finishScene(prepareScene(input), input);
}
