import type { Intrinsics, IntrinsicsSource } from '../camera/intrinsics';
import type { Mat3, Vec3 } from '../math/vec';

/** 2: objects carry `amodal` (visible box, per-axis estimates, visibility); version 1 files still load (parseScene migrates). */
export const SCENE_SCHEMA_VERSION = 2 as const;

/** Pixel box, x0 < x1, y0 < y1, in the working image's pixels. */
export interface Box2D {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Run-length encoded binary mask, row-major, counts alternate starting with a run of 0s. */
export interface MaskRLE {
  width: number;
  height: number;
  counts: number[];
}

/** Axis-aligned box in the canonical frame. */
export interface AABB {
  min: Vec3;
  max: Vec3;
}

/**
 * Yaw-oriented box in the canonical frame: `size` is [extent along the box's local x, height along +Y,
 * extent along local z]; `yaw` rotates local x towards -Z about +Y (radians, right-handed about +Y).
 */
export interface OBB {
  center: Vec3;
  size: Vec3;
  yaw: number;
}

export type ObjectFlag = 'too-few-points' | 'no-valid-depth' | 'truncated' | 'low-mask-coverage';

/** How one side of an object's box is known: seen, or hidden and why. */
export type FaceState = 'observed' | 'border-cut' | 'occluded' | 'self-hidden';

/** Sides as seen from the camera: the left and right ends, top, bottom, the near and the far side. */
export interface ObjectVisibility {
  left: FaceState;
  right: FaceState;
  top: FaceState;
  bottom: FaceState;
  near: FaceState;
  far: FaceState;
}

/**
 * Which estimator set a hidden extent (see src/core/geometry/amodal.ts): the support plane it stands on, a
 * published category size, the square footprint of a box-like object, or the 2D box back-projected (an
 * object with too few points).
 */
export type AmodalEstimator = 'support-contact' | 'category-prior' | 'footprint-symmetry' | 'back-projected';

export interface AmodalInfo {
  /** The box of the points that were seen (the object's `aabb`/`obb` are the completed, amodal box). */
  visibleAabb: AABB;
  visibleObb: OBB;
  /** Per OBB axis (local x, height, local z): the estimator that set its extent, null where it was seen. */
  estimated: [AmodalEstimator | null, AmodalEstimator | null, AmodalEstimator | null];
  /** Per OBB axis: relative one-sigma of the extent (0 where it was seen). */
  spread: Vec3;
  /** The category whose published sizes were used, e.g. "night_stand (SUN RGB-D (VoteNet type_mean_size))". */
  prior?: string;
  visibility: ObjectVisibility;
}

export interface SceneObject {
  id: string;
  caption: string;
  /** Optional words the detector gave beside the caption (colour, material...). */
  attributes?: string[];
  box2d: Box2D;
  mask?: MaskRLE;
  /** Axis-aligned box in the canonical frame (metres). */
  aabb: AABB;
  /** Yaw-oriented box in the canonical frame (metres). */
  obb: OBB;
  /** Mean of the kept points, canonical frame. */
  centroid: Vec3;
  /** width (X), height (Y), depth (Z) of the axis-aligned box, metres. */
  size: { width: number; height: number; depth: number };
  pointCount: number;
  /** 0..1: how much to trust this object's geometry. */
  confidence: number;
  flags: ObjectFlag[];
  /** The visible box and how the amodal box (aabb/obb) completes it; absent in scenes built before version 2. */
  amodal?: AmodalInfo;
}

export interface CameraInfo {
  intrinsics: Intrinsics;
  source: IntrinsicsSource;
  /** Human-readable detail: which tags, which model, or why the default. */
  detail: string;
}

export interface SupportPlane {
  /** Unit normal in the camera frame, pointing up (towards the camera side). n·p + d = 0. */
  normal: Vec3;
  d: number;
  inliers: number;
}

/**
 * camera -> canonical: p_canon = rotation · p_cam + translation.
 * Canonical: metres, +Y up, origin on the support plane below the camera, -Z the camera's forward
 * direction projected on the plane, +X to the right (three.js's frame).
 */
export interface CanonicalFrame {
  rotation: Mat3;
  translation: Vec3;
  plane: SupportPlane | null;
  /** Camera height above the support plane, metres. */
  cameraHeight: number;
  /** 'low' when no support plane qualified (up from the walls, the picture's vertical lines or a level camera), or when most of the scene lies under the one found (the floor mostly hidden). */
  confidence: 'high' | 'low';
  /** What fixed up: the support plane (refined by other planes and walls), walls alone, the picture's vertical lines alone, a level-camera guess, or given. */
  method: 'support-plane' | 'walls' | 'vertical-lines' | 'level-camera' | 'given';
  /**
   * RMS angle (degrees) between the refined up and the surfaces it rests on (agreeing horizontal planes,
   * walls): how well "up" is known. Absent when up rests on one plane or none.
   */
  gravityResidualDeg?: number;
  /** Vertical edges of the picture that agreed on up (verticalLines.ts; with the surfaces, or alone for 'vertical-lines'); absent when none did. */
  gravityEdges?: number;
}

export interface SceneProvenance {
  depthSource: string;
  objectsSource: string;
  createdAt: string;
  app: string;
  imageName?: string;
  imageHash?: string;
  notes?: string[];
}

export interface SceneGraph {
  schemaVersion: typeof SCENE_SCHEMA_VERSION;
  image: { width: number; height: number };
  camera: CameraInfo;
  frame: CanonicalFrame;
  objects: SceneObject[];
  provenance: SceneProvenance;
  /** Relative depth error of the depth the scene was built from (units/uncertainty.ts; absent: a depth model's 2%). */
  depthRelativeError?: number;
}
