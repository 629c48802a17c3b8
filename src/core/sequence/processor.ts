/**
 * Frame by frame: geometry (lift, gravity frame, 3D boxes) and tracking, one frame at a time, keeping only
 * what the curve needs (the scene graph without masks). Nothing here holds a frame's pixels after `process`
 * returns, so a 300-frame sequence costs 300 small scene graphs, never 300 decoded frames.
 *
 * One camera, one frame of reference: the intrinsics are given once for the sequence.
 * - camera 'static' (default): the gravity-aligned frame is estimated on the first frames until one has a
 *   support plane (confidence 'high'), then carried to every later frame (those skip the lift and plane
 *   search). Frames before that one keep their own frame and are flagged 'frame-unsettled'.
 * - camera 'moving': the gravity frame is re-estimated on every frame. Metric scale comes from each frame's
 *   depth (a sensor's or a metric model's), the same depth scale for the whole sequence, never rescaled per
 *   frame; each frame records its camera height above the support so a scale jump shows. With camera poses
 *   (camera -> world), tracking runs in the world frame; without them, in each frame's own canonical frame
 *   (origin under the camera), so the 3D gate then also absorbs the camera's motion.
 */
import type { Intrinsics, IntrinsicsSource } from '../camera/intrinsics';
import { prepareScene, finishScene, type PreparedScene } from '../build/buildScene';
import type { ObjectInput } from '../geometry/objects3d';
import type { DepthMap, RGBAImage } from '../geometry/raster';
import { mulMatVec, type Mat3, type Vec3 } from '../geometry/vec';
import { canonicalToCamera } from '../camera/project';
import type { CanonicalFrame, SceneGraph, SceneObject, SceneProvenance } from '../scene/types';
import { Tracker, type Track, type TrackerOptions } from './tracker';

export type CameraMode = 'static' | 'moving';

export interface CameraPose {
  /** p_world = rotation · p_cam + translation (OpenCV camera frame). */
  rotation: Mat3;
  translation: Vec3;
}

export interface SequenceFrameInput {
  /** Seconds from the start of the sequence. */
  timestamp: number;
  /** Null when the frame has no depth (a missing depth file): the frame becomes a gap. */
  depth: DepthMap | null;
  rgb?: RGBAImage;
  /** Boxes (and masks) in the working image's pixels; ids unique within the frame. */
  objects: ObjectInput[];
  pose?: CameraPose;
}

export interface SequenceSetup {
  intrinsics: Intrinsics;
  intrinsicsSource: IntrinsicsSource;
  intrinsicsDetail: string;
  camera?: CameraMode;
  provenance: SceneProvenance;
  /** Cloud stride for the plane search (default: 1 per 320 px of the longer side). */
  stride?: number;
  tracker?: TrackerOptions;
}

export type FrameFlag = 'no-depth' | 'frame-unsettled' | 'low-frame' | 'failed';

export interface FrameRecord {
  index: number;
  timestamp: number;
  /** Null for a frame without depth or one that failed. */
  scene: SceneGraph | null;
  /** Track id of each scene object (same order as scene.objects). */
  trackIds: string[];
  flags: FrameFlag[];
  cameraHeight: number | null;
  error?: string;
  timings: { geometryMs: number; trackingMs: number };
}

const stripMask = ({ mask: _mask, ...o }: SceneObject): SceneObject => o;

export class SequenceProcessor {
  readonly camera: CameraMode;
  private readonly tracker: Tracker;
  private carried: CanonicalFrame | null = null;
  private carriedFrom: number | null = null;
  private index = 0;

  constructor(private readonly setup: SequenceSetup) {
    this.camera = setup.camera ?? 'static';
    this.tracker = new Tracker(setup.tracker);
  }

  /** Which frame the static camera's gravity frame came from (null until one is found, or when moving). */
  get frameSource(): number | null {
    return this.carriedFrom;
  }

  /** A sentence for the result: which camera mode ran and how the frame of reference was kept. */
  describeCamera(): string {
    if (this.camera === 'moving') {
      return 'moving camera: gravity re-estimated on every frame; metric scale from the depth, one depth scale for the whole sequence';
    }
    return this.carriedFrom === null
      ? 'static camera: no frame had a support plane, so each frame kept its own frame (from its walls, its vertical lines, or a level camera)'
      : `static camera: gravity frame estimated on frame ${this.carriedFrom} and carried to every later frame`;
  }

  process(input: SequenceFrameInput): FrameRecord {
    const index = this.index++;
    const t0 = performance.now();
    const flags: FrameFlag[] = [];
    if (!input.depth) {
      const t1 = performance.now();
      this.tracker.step(index, []);
      return { index, timestamp: input.timestamp, scene: null, trackIds: [], flags: ['no-depth'], cameraHeight: null, timings: { geometryMs: 0, trackingMs: performance.now() - t1 } };
    }
    const depth = input.depth;
    const stride = this.setup.stride ?? Math.max(1, Math.round(Math.max(depth.width, depth.height) / 320));
    const base = { depth, intrinsics: this.setup.intrinsics, rgb: input.rgb, stride };
    let prepared: PreparedScene;
    if (this.camera === 'static' && this.carried) {
      // carried frame: no lift or plane search; objects3d reads the depth map itself
      prepared = { input: base, cam: { count: 0, positions: new Float32Array(0), colors: new Uint8Array(0), pixel: new Uint32Array(0) }, frame: this.carried, liftMs: 0, canonicalizeMs: 0 };
    } else {
      prepared = prepareScene(base);
      if (this.camera === 'static') {
        if (prepared.frame.confidence === 'high') {
          this.carried = prepared.frame;
          this.carriedFrom = index;
        } else flags.push('frame-unsettled');
      }
    }
    if (prepared.frame.confidence === 'low') flags.push('low-frame');
    const built = finishScene(prepared, {
      objects: input.objects,
      intrinsicsSource: this.setup.intrinsicsSource,
      intrinsicsDetail: this.setup.intrinsicsDetail,
      provenance: this.setup.provenance,
    });
    const scene: SceneGraph = { ...built.scene, objects: built.scene.objects.map(stripMask) };
    const t1 = performance.now();
    const toRef = this.referenceFrame(scene.frame, input.pose);
    const trackIds = this.tracker.step(index, scene.objects.map((o) => ({
      caption: o.caption,
      box2d: o.box2d,
      center: o.flags.includes('no-valid-depth') ? undefined : toRef(o.obb.center),
    })));
    const t2 = performance.now();
    return { index, timestamp: input.timestamp, scene, trackIds, flags, cameraHeight: scene.frame.cameraHeight, timings: { geometryMs: t1 - t0, trackingMs: t2 - t1 } };
  }

  /** A frame the caller could not read (decode error): a gap that still ages the tracks. */
  skip(timestamp: number, error: string): FrameRecord {
    const index = this.index++;
    this.tracker.step(index, []);
    return { index, timestamp, scene: null, trackIds: [], flags: ['failed'], cameraHeight: null, error, timings: { geometryMs: 0, trackingMs: 0 } };
  }

  tracks(): Track[] {
    return this.tracker.tracks();
  }

  /** canonical -> tracking frame: the canonical frame itself, or the world frame when a pose is given. */
  private referenceFrame(frame: CanonicalFrame, pose?: CameraPose): (p: Vec3) => Vec3 {
    if (!pose) return (p) => p;
    return (p) => {
      const cam = canonicalToCamera(frame, p);
      const w = mulMatVec(pose.rotation, cam);
      return [w[0] + pose.translation[0], w[1] + pose.translation[1], w[2] + pose.translation[2]];
    };
  }
}
