/**
 * Ground-truth 3D boxes of RGB-D frames (SUN RGB-D as annotations.json or votenet's label.txt + calib.txt; KITTI
 * label_2 + calib, one folder per frame or the devkit's layout),
 * converted into this project's camera convention (OpenCV: x right, y down, z forward, metres, 0-based
 * pixels) so evaluations can compare them with what the pipeline builds. Node only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Intrinsics } from '../../src/core/camera/intrinsics';
import { DEFAULT_FLYING_PIXEL_THRESHOLD, isFlyingPixel } from '../../src/core/geometry/lift';
import type { Mat3, Vec3 } from '../../src/core/geometry/vec';
import { add, mulMatVec, transpose } from '../../src/core/geometry/vec';
import type { Box2D } from '../../src/core/scene/types';
import { defaultBaseDir, resolveIn, type RgbdIndexEntry } from './fixtures';

// ---------------------------------------------------------------------------------------------- SUN RGB-D

/**
 * SUN RGB-D "upright depth" frame (votenet): +x right, +y forward (horizontal), +z up, origin at the camera.
 * p_up = Rtilt @ [Xc, Zc, -Yc]; so the inverse is [Xc, Zc, -Yc] = Rtilt^T @ p_up (Rtilt is a rotation).
 */
export function sunCameraToUpright(pCam: Vec3, Rtilt: Mat3): Vec3 {
  return mulMatVec(Rtilt, [pCam[0], pCam[2], -pCam[1]]);
}

export function sunUprightToCamera(pUp: Vec3, Rtilt: Mat3): Vec3 {
  const q = mulMatVec(transpose(Rtilt), pUp);
  return [q[0], -q[2], q[1]];
}

/** True "up" (against gravity) as a unit vector in the OpenCV camera frame: the camera-frame preimage of +z. */
export function sunGravityUpInCamera(Rtilt: Mat3): Vec3 {
  return sunUprightToCamera([0, 0, 1], Rtilt);
}

export interface SunBox {
  label: string;
  /** Box centre in the upright frame (metres). */
  centerUpright: Vec3;
  /** Full extents [along local x, along local y, along z (height)], metres. */
  size: Vec3;
  /** Rotation of the local x axis about +z (upright frame), radians: corners = c + Rz(yaw)·(±hl, ±hw, ±hh). */
  yaw: number;
  cornersUpright: Vec3[];
  /** The same 8 corners in the OpenCV camera frame. */
  cornersCam: Vec3[];
  /** 0-based pixel edges; from the annotation's 2D box if present, else the projected corners clipped. */
  box2d: Box2D;
  box2dSource: 'file' | 'projected';
}

export interface SunAnnotations {
  Rtilt: Mat3;
  /** 0-based principal point (the file's K is MATLAB 1-based: cx,cy there are one larger). */
  K: Intrinsics;
  boxes: SunBox[];
}

function num(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`annotations: ${what} is not a finite number`);
  return v;
}

function vec3Of(v: unknown, what: string): Vec3 {
  if (!Array.isArray(v) || v.length !== 3) throw new Error(`annotations: ${what} is not a 3-vector`);
  return [num(v[0], what), num(v[1], what), num(v[2], what)];
}

function mat3Of(v: unknown, what: string): Mat3 {
  if (!Array.isArray(v) || v.length !== 3) throw new Error(`annotations: ${what} is not a 3x3 matrix`);
  return [...vec3Of(v[0], what), ...vec3Of(v[1], what), ...vec3Of(v[2], what)] as Mat3;
}

/** Box corners in the upright frame, in the order of annotations.json (x-sign outer, then y, then z). */
export function sunBoxCorners(center: Vec3, half: Vec3, yaw: number): Vec3[] {
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  const out: Vec3[] = [];
  for (const sx of [-1, 1])
    for (const sy of [-1, 1])
      for (const sz of [-1, 1]) {
        const lx = sx * half[0];
        const ly = sy * half[1];
        out.push(add(center, [c * lx - s * ly, s * lx + c * ly, sz * half[2]]));
      }
  return out;
}

/** Project camera-frame points and take their bounding box clipped to the image; null if all are behind. */
export function projectedBox2d(cornersCam: Vec3[], K: Intrinsics): Box2D | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of cornersCam) {
    // Corners behind (or on) the image plane have no projection; a box straddling the camera is rare here.
    if (p[2] <= 1e-6) continue;
    const u = (K.fx * p[0]) / p[2] + K.cx;
    const v = (K.fy * p[1]) / p[2] + K.cy;
    x0 = Math.min(x0, u);
    y0 = Math.min(y0, v);
    x1 = Math.max(x1, u);
    y1 = Math.max(y1, v);
  }
  if (!Number.isFinite(x0)) return null;
  const clip = (v: number, hi: number) => Math.min(hi, Math.max(0, v));
  return { x0: clip(x0, K.width), y0: clip(y0, K.height), x1: clip(x1, K.width), y1: clip(y1, K.height) };
}

/** The 2D box of a SUN RGB-D label: x, y are MATLAB 1-based indices of the top-left pixel, so its left edge is x - 1. */
function sunBox2d(x: number, y: number, w: number, h: number): Box2D {
  return { x0: x - 1, y0: y - 1, x1: x - 1 + w, y1: y - 1 + h };
}

function sunBox(label: string, centerUpright: Vec3, half: Vec3, yaw: number, Rtilt: Mat3, K: Intrinsics, box2d: Box2D | null, where: string): SunBox {
  const cornersUpright = sunBoxCorners(centerUpright, half, yaw);
  const cornersCam = cornersUpright.map((p) => sunUprightToCamera(p, Rtilt));
  const box = box2d ?? projectedBox2d(cornersCam, K);
  if (!box) throw new Error(`${where}: ${label} has no 2D box and projects behind the camera`);
  return {
    label,
    centerUpright,
    size: [2 * half[0], 2 * half[1], 2 * half[2]],
    yaw,
    cornersUpright,
    cornersCam,
    box2d: box,
    box2dSource: box2d ? 'file' : 'projected',
  };
}

/** Read a SUN RGB-D annotations.json (as in the shared fixtures) into camera-frame boxes. */
function readSunrgbdJson(path: string, entry: RgbdIndexEntry): SunAnnotations {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const Rtilt = mat3Of(raw.Rtilt, 'Rtilt');
  const Kf = mat3Of(raw.K, 'K');
  const size = Array.isArray(raw.image_size_wh) ? raw.image_size_wh : [entry.width, entry.height];
  const K: Intrinsics = {
    fx: Kf[0],
    fy: Kf[4],
    cx: Kf[2] - 1,
    cy: Kf[5] - 1,
    width: num(size[0], 'image_size_wh'),
    height: num(size[1], 'image_size_wh'),
  };
  if (!Array.isArray(raw.objects)) throw new Error(`${path}: no objects array`);
  const boxes = raw.objects.map((o: Record<string, unknown>, i: number): SunBox => {
    const label = typeof o.classname === 'string' ? o.classname : `object${i}`;
    const b = o.box2d_xywh_px;
    const given = Array.isArray(b) && b.length === 4 && b.every((v) => Number.isFinite(v)) ? sunBox2d(...(b as [number, number, number, number])) : null;
    return sunBox(label, vec3Of(o.center_upright_m, `${label}.center_upright_m`), vec3Of(o.half_extents_local_xyz_m, `${label}.half_extents_local_xyz_m`), num(o.yaw_rad, `${label}.yaw_rad`), Rtilt, K, given, path);
  });
  return { Rtilt, K, boxes };
}

const numbersOf = (line: string): number[] => line.trim().split(/\s+/).map(Number);

/**
 * SUN RGB-D as votenet exports it (sunrgbd/sunrgbd_utils.py: read_calib_file, SUNObject3d), the form most
 * SUN RGB-D tooling and mmdetection3d's test data carry:
 * - calib.txt: line 1 Rtilt, line 2 K, each 9 numbers in column-major (MATLAB) order, K 1-based;
 * - label.txt: one object per line, "classname x y w h cx cy cz w l h ox oy": the 2D box (1-based top-left,
 *   width, height), the centre in the upright frame, half sizes (w along the box's local y, l along its local x,
 *   h up) and the heading's direction (ox, oy) in the upright x-y plane.
 */
export function parseSunrgbdVotenet(labelText: string, calibText: string, width: number, height: number): SunAnnotations {
  const lines = calibText.split(/\r?\n/).filter((l) => l.trim() !== '');
  const cols = (l: string | undefined, what: string): number[] => {
    const v = l === undefined ? [] : numbersOf(l);
    if (v.length !== 9 || !v.every(Number.isFinite)) throw new Error(`calib.txt: ${what} is not 9 numbers`);
    return [v[0], v[3], v[6], v[1], v[4], v[7], v[2], v[5], v[8]];
  };
  const Rtilt = cols(lines[0], 'Rtilt (line 1)') as Mat3;
  const k = cols(lines[1], 'K (line 2)');
  const K: Intrinsics = { fx: k[0], fy: k[4], cx: k[2] - 1, cy: k[5] - 1, width, height };
  const boxes: SunBox[] = [];
  for (const [i, line] of labelText.split(/\r?\n/).entries()) {
    const f = line.trim().split(/\s+/);
    if (f[0] === '') continue;
    const v = f.slice(1).map(Number);
    if (v.length !== 12 || !v.every(Number.isFinite)) throw new Error(`label.txt line ${i + 1}: expected a class name and 12 numbers`);
    const [x, y, w, h, cx, cy, cz, hw, hl, hh, ox, oy] = v;
    boxes.push(sunBox(f[0], [cx, cy, cz], [hl, hw, hh], Math.atan2(oy, ox), Rtilt, K, w > 0 && h > 0 ? sunBox2d(x, y, w, h) : null, `label.txt line ${i + 1}`));
  }
  return { Rtilt, K, boxes };
}

/**
 * An index entry's SUN RGB-D boxes: annotations.json, or votenet's label.txt with the calib.txt beside it
 * (the image size from the index).
 */
export function loadSunrgbdAnnotations(entry: RgbdIndexEntry, baseDir: string = defaultBaseDir()): SunAnnotations {
  if (!entry.annotations) throw new Error(`${entry.id}: the index entry has no annotations file`);
  const path = resolveIn(baseDir, entry.annotations);
  if (path.toLowerCase().endsWith('.json')) return readSunrgbdJson(path, entry);
  const calib = join(dirname(path), 'calib.txt');
  if (!existsSync(calib)) throw new Error(`${path}: a votenet SUN RGB-D label needs the calib.txt beside it (Rtilt and K), not found at ${calib}`);
  return parseSunrgbdVotenet(readFileSync(path, 'utf8'), readFileSync(calib, 'utf8'), entry.width, entry.height);
}

/**
 * The best box a method that boxes an object's visible points can build for an annotated box: the valid
 * depth pixels inside its 2D box whose points lie inside the annotated 3D box itself (perfect segmentation),
 * boxed in the annotation's own axes (perfect orientation). Where even this misses a target, the annotation's
 * extent is not in the depth (hidden behind something, cut by the image edge): meeting it takes guessing the
 * hidden part. Returns the centre error and the sizes [local x, local y, height] of that box, and its points.
 */
export function sunVisiblePartBox(
  depth: { width: number; height: number; data: Float32Array },
  K: Intrinsics,
  box: SunBox,
  Rtilt: Mat3,
): { centreError: number; size: Vec3; points: number } {
  const W = depth.width, H = depth.height, d = depth.data;
  const c = Math.cos(box.yaw), s = Math.sin(box.yaw);
  const half = [box.size[0] / 2, box.size[1] / 2, box.size[2] / 2];
  const lo = [Infinity, Infinity, Infinity], hi = [-Infinity, -Infinity, -Infinity];
  let points = 0;
  const b = box.box2d;
  for (let y = Math.max(0, Math.floor(b.y0)); y < Math.min(H, Math.ceil(b.y1)); y++)
    for (let x = Math.max(0, Math.floor(b.x0)); x < Math.min(W, Math.ceil(b.x1)); x++) {
      const z = d[y * W + x];
      if (!(z > 0 && z < Infinity) || isFlyingPixel(d, W, H, x, y, DEFAULT_FLYING_PIXEL_THRESHOLD)) continue;
      const p = sunCameraToUpright([((x - K.cx) / K.fx) * z, ((y - K.cy) / K.fy) * z, z], Rtilt);
      const q = [p[0] - box.centerUpright[0], p[1] - box.centerUpright[1], p[2] - box.centerUpright[2]];
      const l = [c * q[0] + s * q[1], -s * q[0] + c * q[1], q[2]];
      if (Math.abs(l[0]) > half[0] || Math.abs(l[1]) > half[1] || Math.abs(l[2]) > half[2]) continue;
      points++;
      for (let k = 0; k < 3; k++) {
        if (l[k] < lo[k]) lo[k] = l[k];
        if (l[k] > hi[k]) hi[k] = l[k];
      }
    }
  if (points === 0) return { centreError: Infinity, size: [0, 0, 0], points };
  return {
    centreError: Math.hypot((lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, (lo[2] + hi[2]) / 2),
    size: [hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]],
    points,
  };
}

// ---------------------------------------------------------------------------------------------- KITTI

export interface KittiCalib {
  /** 3x4 row-major projection matrices of the rectified cameras (P2 = left colour camera). */
  P: Record<'P0' | 'P1' | 'P2' | 'P3', number[]>;
  /** Intrinsics of the rectified cam2 image (0-based, KITTI's own convention). */
  K2: Intrinsics | null;
  /**
   * Translation taking a point from rectified cam0 coordinates into rectified cam2 coordinates:
   * p_cam2 = p_rect0 + t. From P2 = K2·[I | t]: t = K2⁻¹·P2[:,3]. Positive x (~+0.06 m) because cam2 sits
   * ~6 cm to the LEFT of cam0, so the same point lies further right of it.
   */
  cam0ToCam2: Vec3;
}

export interface KittiObject {
  type: string;
  truncation: number;
  occlusion: number;
  alpha: number;
  /** 0-based pixel box in image_2 (KITTI's coordinates as written). */
  box2d: Box2D;
  h: number;
  w: number;
  l: number;
  /** Bottom-face centre in rectified cam0 coordinates (+y down), metres. */
  location: Vec3;
  rotationY: number;
  /** Geometric box centre in the cam2 (image_2) OpenCV frame. */
  centerCam2: Vec3;
  /** The 8 corners in the cam2 frame: bottom face first (y = location.y), then top. */
  cornersCam2: Vec3[];
}

export function parseKittiCalib(text: string, width: number, height: number): KittiCalib {
  const P: Partial<KittiCalib['P']> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^(P[0-3]):\s*(.*)$/.exec(line.trim());
    if (!m) continue;
    const vals = m[2].trim().split(/\s+/).map(Number);
    if (vals.length !== 12 || !vals.every(Number.isFinite)) throw new Error(`calib.txt: ${m[1]} is not 12 numbers`);
    P[m[1] as keyof KittiCalib['P']] = vals;
  }
  const p2 = P.P2;
  if (!p2 || !P.P0 || !P.P1 || !P.P3) throw new Error('calib.txt: missing P0..P3');
  const [fx, , cx, p03, , fy, cy, p13, , , , p23] = p2;
  const tz = p23;
  const t: Vec3 = [(p03 - cx * tz) / fx, (p13 - cy * tz) / fy, tz];
  return { P: P as KittiCalib['P'], K2: { fx, fy, cx, cy, width, height }, cam0ToCam2: t };
}

/** KITTI devkit box corners (object frame: x along l, y down from the bottom face, z along w), rotated about +y. */
export function kittiBoxCorners(location: Vec3, h: number, w: number, l: number, ry: number): Vec3[] {
  const c = Math.cos(ry);
  const s = Math.sin(ry);
  const out: Vec3[] = [];
  for (const y of [0, -h])
    for (const [x, z] of [
      [l / 2, w / 2],
      [l / 2, -w / 2],
      [-l / 2, -w / 2],
      [-l / 2, w / 2],
    ]) {
      out.push([location[0] + c * x + s * z, location[1] + y, location[2] - s * x + c * z]);
    }
  return out;
}

export function parseKittiLabels(text: string, cam0ToCam2: Vec3): KittiObject[] {
  const out: KittiObject[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    const f = line.trim().split(/\s+/);
    if (f.length < 15 || f[0] === '') continue;
    const type = f[0];
    if (type === 'DontCare') continue;
    const v = f.slice(1, 15).map(Number);
    if (!v.every(Number.isFinite)) throw new Error(`label_2.txt line ${i + 1}: non-numeric field`);
    const [truncation, occlusion, alpha, x1, y1, x2, y2, h, w, l, X, Y, Z, rotationY] = v;
    const location: Vec3 = [X, Y, Z];
    const cornersCam2 = kittiBoxCorners(location, h, w, l, rotationY).map((p) => add(p, cam0ToCam2));
    out.push({
      type,
      truncation,
      occlusion,
      alpha,
      box2d: { x0: x1, y0: y1, x1: x2, y1: y2 },
      h,
      w,
      l,
      location,
      rotationY,
      centerCam2: add([X, Y - h / 2, Z], cam0ToCam2),
      cornersCam2,
    });
  }
  return out;
}

/**
 * Where a KITTI label's calibration is: calib.txt beside it (one folder per frame, as in the shared fixtures), or
 * the devkit's layout, training/label_2/000123.txt with training/calib/000123.txt.
 */
export function kittiCalibPathFor(labelPath: string): string {
  const beside = join(dirname(labelPath), 'calib.txt');
  const devkit = join(dirname(dirname(labelPath)), 'calib', basename(labelPath, extname(labelPath)) + '.txt');
  const found = [beside, devkit].find((p) => existsSync(p));
  if (!found) throw new Error(`${labelPath}: no KITTI calibration found (looked for ${beside} and ${devkit})`);
  return found;
}

/** label_2 text + its calibration -> objects in cam2 (DontCare skipped). */
export function loadKittiObjects(
  entry: RgbdIndexEntry,
  baseDir: string = defaultBaseDir(),
): { calib: KittiCalib; objects: KittiObject[] } {
  if (!entry.annotations) throw new Error(`${entry.id}: the index entry has no annotations file`);
  const labelPath = resolveIn(baseDir, entry.annotations);
  const calib = parseKittiCalib(readFileSync(kittiCalibPathFor(labelPath), 'utf8'), entry.width, entry.height);
  return { calib, objects: parseKittiLabels(readFileSync(labelPath, 'utf8'), calib.cam0ToCam2) };
}

/**
 * Which dataset an annotations file is, from its content (a hidden index need not name its files as ours do):
 * JSON -> our SUN RGB-D annotations.json; lines of a class and 12 numbers -> votenet's SUN RGB-D label.txt; of a
 * type and 14 or 15 numbers -> KITTI label_2. A file with no objects is told by the calibration beside it.
 */
export function annotationKind(path: string): 'sunrgbd' | 'kitti' {
  if (path.toLowerCase().endsWith('.json')) return 'sunrgbd';
  const first = readFileSync(path, 'utf8').split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '');
  if (first !== undefined) {
    const n = first.split(/\s+/).length - 1;
    if (n === 12) return 'sunrgbd';
    if (n === 14 || n === 15) return 'kitti';
    throw new Error(`${path}: neither a SUN RGB-D label (a class and 12 numbers per line) nor a KITTI label_2 (a type and 14 numbers): the first line has ${n} fields after the name`);
  }
  const beside = join(dirname(path), 'calib.txt');
  if (existsSync(beside) && /^P0:/m.test(readFileSync(beside, 'utf8'))) return 'kitti';
  if (existsSync(beside)) return 'sunrgbd';
  // no label and no calib.txt beside it: KITTI's devkit folders, or an error naming where it looked
  kittiCalibPathFor(path);
  return 'kitti';
}
