/**
 * Annotated fixture frames as two scenes: the one our geometry builds from the real depth (objects given by
 * the annotations' 2D boxes), and the one the annotated 3D boxes imply (the truth), both in the canonical frame
 * of DESIGN.md so that any predicate can be evaluated on each and compared. Node only.
 */
import type { Intrinsics } from '../../src/core/camera/intrinsics';
import { orientedBoundingBox } from '../../src/core/geometry/boxes';
import { frameFromUp } from '../../src/core/geometry/canonicalize';
import type { ObjectInput } from '../../src/core/geometry/objects3d';
import { add, mulMatVec, normalize, type Mat3, type Vec3 } from '../../src/core/geometry/vec';
import { buildScene, type BuildSceneResult } from '../../src/core/build/buildScene';
import { SENSOR_RELATIVE_DEPTH_ERROR } from '../../src/core/units/uncertainty';
import { SCENE_SCHEMA_VERSION, type CanonicalFrame, type SceneGraph, type SceneObject } from '../../src/core/scene/types';
import { annotationKind, loadKittiObjects, loadSunrgbdAnnotations, sunGravityUpInCamera } from './annotations';
import { defaultBaseDir, loadRgbdFrame, resolveIn, type RgbdFrame, type RgbdIndexEntry } from './fixtures';

/** One annotated object: its 2D box for our pipeline and its true corners in the OpenCV camera frame. */
export interface AnnotatedObject {
  id: string;
  caption: string;
  box2d: ObjectInput['box2d'];
  cornersCam: Vec3[];
}

export interface AnnotatedFrame {
  frame: RgbdFrame;
  intrinsics: Intrinsics;
  objects: AnnotatedObject[];
  /** True up (against gravity) in the camera frame, where the dataset gives it. */
  trueUpCam: Vec3 | null;
  kind: 'sunrgbd' | 'kitti' | 'none';
}

const captionOf = (label: string): string => label.replace(/_/g, ' ').toLowerCase();

/**
 * Loads a fixture frame with its annotations, if any: SUN RGB-D (annotations.json, or votenet's label.txt and
 * calib.txt) or KITTI label_2 with its calibration, told apart by content. An entry with no annotations file but
 * SUN RGB-D's gravity_Rtilt still has its true up, so its gravity is measured.
 */
export async function loadAnnotatedFrame(entry: RgbdIndexEntry, baseDir: string = defaultBaseDir()): Promise<AnnotatedFrame> {
  const frame = await loadRgbdFrame(entry, baseDir);
  const fallbackK: Intrinsics = frame.intrinsics ?? defaultIntrinsicsFor(frame.depth.width, frame.depth.height);
  const kind = entry.annotations ? annotationKind(resolveIn(baseDir, entry.annotations)) : null;
  if (kind === 'sunrgbd') {
    const ann = loadSunrgbdAnnotations(entry, baseDir);
    const objects = ann.boxes.map((b, i) => ({ id: `o${i}`, caption: captionOf(b.label), box2d: b.box2d, cornersCam: b.cornersCam }));
    return { frame, intrinsics: frame.intrinsics ?? ann.K, objects, trueUpCam: sunGravityUpInCamera(ann.Rtilt), kind: 'sunrgbd' };
  }
  if (kind === 'kitti') {
    const { objects, calib } = loadKittiObjects(entry, baseDir);
    const kept = objects.filter((o) => o.box2d.x1 - o.box2d.x0 >= 8 && o.box2d.y1 - o.box2d.y0 >= 8);
    return {
      frame,
      intrinsics: frame.intrinsics ?? calib.K2 ?? fallbackK,
      objects: kept.map((o, i) => ({ id: `o${i}`, caption: captionOf(o.type), box2d: o.box2d, cornersCam: o.cornersCam2 })),
      // KITTI's rectified cameras are mounted level on the car: gravity is about +y (down), so up is -y.
      trueUpCam: [0, -1, 0],
      kind: 'kitti',
    };
  }
  const R = entry.gravity_Rtilt;
  const trueUpCam = R ? sunGravityUpInCamera(R.flat() as Mat3) : null;
  return { frame, intrinsics: fallbackK, objects: [], trueUpCam, kind: 'none' };
}

/** For frames whose index gives no intrinsics: a 60-degree horizontal field of view, flagged by the caller. */
function defaultIntrinsicsFor(width: number, height: number): Intrinsics {
  const f = width / (2 * Math.tan(Math.PI / 6));
  return { fx: f, fy: f, cx: (width - 1) / 2, cy: (height - 1) / 2, width, height };
}

/** Runs our geometry on the frame's real depth with the annotations' 2D boxes as the objects. */
export function buildFixtureScene(af: AnnotatedFrame): BuildSceneResult {
  return buildScene({
    // oracle mode: the dataset's sensor depth (Kinect-class RGB-D, LiDAR)
    depthRelativeError: SENSOR_RELATIVE_DEPTH_ERROR,
    depth: af.frame.depth,
    intrinsics: af.intrinsics,
    intrinsicsSource: af.frame.intrinsics ? 'explicit' : 'default',
    intrinsicsDetail: af.frame.intrinsics ? `rgbd_index.json (${af.frame.entry.id})` : 'none in the index: 60 degree field of view assumed',
    rgb: af.frame.rgb,
    objects: af.objects.map(({ id, caption, box2d }) => ({ id, caption, box2d })),
    provenance: {
      depthSource: `fixture depth (${af.frame.entry.depth_format})`,
      objectsSource: 'annotation 2D boxes',
      createdAt: new Date(0).toISOString(),
      app: 'spatiallens-eval',
      imageName: af.frame.entry.id,
    },
  });
}

/**
 * The scene the annotations imply: true up, camera height from the lowest annotated box bottom (the floor or
 * road those objects stand on), and each object's box from its 8 true corners.
 */
export function truthScene(af: AnnotatedFrame): SceneGraph | null {
  if (!af.trueUpCam || af.objects.length === 0) return null;
  const up = normalize(af.trueUpCam);
  let lowest = Infinity;
  for (const o of af.objects) for (const c of o.cornersCam) lowest = Math.min(lowest, c[0] * up[0] + c[1] * up[1] + c[2] * up[2]);
  const cameraHeight = Math.max(0.05, -lowest);
  const f = frameFromUp(up, cameraHeight);
  const frame: CanonicalFrame = { ...f, plane: null, confidence: 'high', method: 'given' };
  const toCanon = (p: Vec3): Vec3 => add(mulMatVec(frame.rotation, p), frame.translation);
  const objects: SceneObject[] = af.objects.map((o) => {
    const corners = o.cornersCam.map(toCanon);
    const flat = new Float32Array(corners.flat());
    const min: Vec3 = [Infinity, Infinity, Infinity];
    const max: Vec3 = [-Infinity, -Infinity, -Infinity];
    for (const c of corners) for (let k = 0; k < 3; k++) { min[k] = Math.min(min[k], c[k]); max[k] = Math.max(max[k], c[k]); }
    const centroid: Vec3 = [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2];
    return {
      id: o.id,
      caption: o.caption,
      box2d: o.box2d,
      aabb: { min, max },
      obb: orientedBoundingBox(flat, 8),
      centroid,
      size: { width: max[0] - min[0], height: max[1] - min[1], depth: max[2] - min[2] },
      pointCount: 1000,
      confidence: 1,
      flags: [],
    };
  });
  return {
    schemaVersion: SCENE_SCHEMA_VERSION,
    image: { width: af.frame.rgb.width, height: af.frame.rgb.height },
    camera: { intrinsics: af.intrinsics, source: 'explicit', detail: 'fixture annotations' },
    frame,
    objects,
    provenance: { depthSource: 'annotated 3D boxes', objectsSource: 'annotations', createdAt: new Date(0).toISOString(), app: 'spatiallens-eval', imageName: af.frame.entry.id },
  };
}
