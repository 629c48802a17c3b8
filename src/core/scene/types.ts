import type { Intrinsics, IntrinsicsSource } from '../camera/intrinsics';
import type { Mat3, Vec3 } from '../math/vec';

export const SCENE_SCHEMA_VERSION = 1 as const;

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
  /** 'low' when no support plane qualified and a level camera was assumed. */
  confidence: 'high' | 'low';
  method: 'support-plane' | 'level-camera' | 'given';
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
}
