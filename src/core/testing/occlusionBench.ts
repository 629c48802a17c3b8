/**
 * The seeded occlusion benchmark: random rooms and street scenes for the CPU ray-caster (syntheticScene.ts),
 * with objects of realistic category sizes standing where they hide each other and the image border cuts
 * them, exact amodal boxes (the ray-caster's truth is the whole object, not what is seen), a depth noise
 * model whose error grows with distance, and a visibility class per object. Same seed, same scene.
 *
 * Sizes are drawn around the published per-class means (src/core/geometry/categoryPriors.ts cites them)
 * with a 12% spread per side, so a prior is right on average and wrong for each object, as on real data;
 * a third of the room objects (ottoman, crate, floor lamp, box) have no prior at all.
 */
import { mulberry32 } from '../geometry/prng';
import { mulMatVec, transpose, type Vec3 } from '../geometry/vec';
import type { DepthMap } from '../geometry/raster';
import type { Box2D } from '../scene/types';
import { syntheticTable, type SyntheticObject, type SyntheticRender, type SyntheticSceneSpec } from './syntheticScene';

export type BenchKind = 'room' | 'street';
export type VisibilityClass = 'visible' | 'occluded' | 'truncated' | 'end-on';

export interface BenchScene {
  seed: number;
  kind: BenchKind;
  spec: SyntheticSceneSpec;
}

type Rand = () => number;
const gauss = (r: Rand): number => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
/** A size around a mean: 12% spread per side, clipped to +-30%. */
const around = (r: Rand, m: number): number => m * Math.min(1.3, Math.max(0.7, 1 + 0.12 * gauss(r)));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

interface Maker {
  captions: readonly string[];
  /** long horizontal side, short horizontal side, height (metres): the generator's means */
  size: Vec3;
  build(id: string, caption: string, x: number, z: number, yaw: number, s: Vec3, r: Rand): SyntheticObject;
}

const block = (id: string, caption: string, x: number, z: number, yaw: number, s: Vec3, color: [number, number, number]): SyntheticObject =>
  ({ id, caption, parts: [{ center: [x, s[2] / 2, z], size: [s[0], s[2], s[1]], yaw, color }] });

/** Offsets a local (x, z) by yaw (the ray-caster's convention: local x -> (cos, 0, -sin)). */
const local = (x: number, z: number, yaw: number, lx: number, lz: number): [number, number] =>
  [x + Math.cos(yaw) * lx + Math.sin(yaw) * lz, z - Math.sin(yaw) * lx + Math.cos(yaw) * lz];

// Generator means: SUN RGB-D (VoteNet) and KITTI (Frustum PointNets) tables for the classes they have,
// round figures of common furniture for the rest (which therefore have no prior).
const ROOM: readonly Maker[] = [
  { captions: ['bed'], size: [2.11, 1.62, 0.93], build: (id, c, x, z, yaw, s) => {
    const base = 0.55 * s[2];
    const [hx, hz] = local(x, z, yaw, -s[0] / 2 + 0.04, 0);
    return { id, caption: c, parts: [
      { center: [x, base / 2, z], size: [s[0], base, s[1]], yaw, color: [200, 200, 220] },
      { center: [hx, s[2] / 2, hz], size: [0.08, s[2], s[1]], yaw, color: [120, 90, 60] },
    ] };
  } },
  { captions: ['night stand', 'nightstand', 'bedside table'], size: [0.63, 0.5, 0.68], build: (id, c, x, z, yaw, s) => block(id, c, x, z, yaw, s, [150, 110, 70]) },
  { captions: ['dresser', 'chest of drawers'], size: [1.0, 0.53, 1.17], build: (id, c, x, z, yaw, s) => block(id, c, x, z, yaw, s, [130, 95, 60]) },
  { captions: ['chair'], size: [0.59, 0.55, 0.83], build: (id, c, x, z, yaw, s) => {
    const seat = 0.55 * s[2];
    const [bx, bz] = local(x, z, yaw, 0, -s[1] / 2 + 0.03);
    return { id, caption: c, parts: [
      { center: [x, seat / 2, z], size: [s[0], seat, s[1]], yaw, color: [90, 120, 160] },
      { center: [bx, s[2] / 2, bz], size: [s[0], s[2], 0.06], yaw, color: [80, 110, 150] },
    ] };
  } },
  { captions: ['table', 'dining table'], size: [1.28, 0.79, 0.72], build: (id, c, x, z, yaw, s) =>
    ({ ...syntheticTable(id, x, z, { width: s[0], depth: s[1], height: s[2], yaw }), caption: c }) },
  { captions: ['sofa', 'couch'], size: [1.87, 0.92, 0.85], build: (id, c, x, z, yaw, s) => {
    const seat = 0.5 * s[2];
    const [bx, bz] = local(x, z, yaw, 0, -s[1] / 2 + 0.1);
    return { id, caption: c, parts: [
      { center: [x, seat / 2, z], size: [s[0], seat, s[1]], yaw, color: [160, 70, 70] },
      { center: [bx, s[2] / 2, bz], size: [s[0], s[2], 0.2], yaw, color: [150, 60, 60] },
    ] };
  } },
  { captions: ['desk'], size: [1.35, 0.7, 0.74], build: (id, c, x, z, yaw, s) =>
    ({ ...syntheticTable(id, x, z, { width: s[0], depth: s[1], height: s[2], yaw, color: [100, 80, 60] }), caption: c }) },
  { captions: ['bookshelf', 'bookcase'], size: [1.07, 0.4, 1.69], build: (id, c, x, z, yaw, s) => block(id, c, x, z, yaw, s, [110, 80, 50]) },
  { captions: ['ottoman'], size: [0.9, 0.5, 0.42], build: (id, c, x, z, yaw, s) => block(id, c, x, z, yaw, s, [90, 60, 120]) },
  { captions: ['crate', 'box'], size: [0.6, 0.4, 0.4], build: (id, c, x, z, yaw, s) => block(id, c, x, z, yaw, s, [90, 160, 90]) },
  { captions: ['floor lamp'], size: [0.4, 0.4, 1.5], build: (id, c, x, z, yaw, s) => ({ id, caption: c, parts: [
    { center: [x, s[2] - 0.15, z], size: [s[0], 0.3, s[1]], yaw, color: [230, 220, 170] },
    { center: [x, (s[2] - 0.3) / 2, z], size: [0.04, s[2] - 0.3, 0.04], yaw, color: [60, 60, 60] },
  ] }) },
];

const STREET: readonly Maker[] = [
  { captions: ['car', 'sedan'], size: [3.88, 1.63, 1.53], build: (id, c, x, z, yaw, s) => {
    const body = 0.6 * s[2];
    return { id, caption: c, parts: [
      { center: [x, body / 2, z], size: [s[0], body, s[1]], yaw, color: [180, 30, 30] },
      { center: [x, (body + s[2]) / 2, z], size: [0.55 * s[0], s[2] - body, 0.9 * s[1]], yaw, color: [60, 70, 90] },
    ] };
  } },
  { captions: ['car'], size: [3.88, 1.63, 1.53], build: (id, c, x, z, yaw, s) => block(id, c, x, z, yaw, s, [40, 60, 160]) },
  { captions: ['van'], size: [5.07, 1.9, 2.21], build: (id, c, x, z, yaw, s) => block(id, c, x, z, yaw, s, [220, 220, 220]) },
  { captions: ['pedestrian', 'person'], size: [0.84, 0.66, 1.76], build: (id, c, x, z, yaw, s) => block(id, c, x, z, yaw, s, [200, 150, 120]) },
  { captions: ['cyclist'], size: [1.76, 0.6, 1.74], build: (id, c, x, z, yaw, s) => {
    const bike = 0.55 * s[2];
    return { id, caption: c, parts: [
      { center: [x, bike / 2, z], size: [s[0], bike, 0.12], yaw, color: [30, 30, 30] },
      { center: [x, (bike + s[2]) / 2, z], size: [0.45, s[2] - bike, s[1]], yaw, color: [40, 140, 200] },
    ] };
  } },
];

/** Footprint rectangle (world x/z bounds) of a yawed l x w box, plus a margin. */
function footprint(x: number, z: number, yaw: number, l: number, w: number, margin: number): Box2D {
  const ex = (Math.abs(Math.cos(yaw)) * l + Math.abs(Math.sin(yaw)) * w) / 2 + margin;
  const ez = (Math.abs(Math.sin(yaw)) * l + Math.abs(Math.cos(yaw)) * w) / 2 + margin;
  return { x0: x - ex, y0: z - ez, x1: x + ex, y1: z + ez };
}
const overlaps = (a: Box2D, b: Box2D) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The benchmark scene of a seed: even seeds are rooms, odd ones streets. */
export function occlusionScene(seed: number): BenchScene {
  const r = mulberry32(0x5eed + seed * 7919);
  const kind: BenchKind = seed % 2 === 0 ? 'room' : 'street';
  const fovXDeg = 55 + 15 * r();
  const image = { width: 640, height: 480, fovXDeg };
  const camera = kind === 'room'
    ? { height: 1.0 + 0.7 * r(), pitchDeg: 5 + 25 * r(), rollDeg: 4 * (r() - 0.5) }
    : { height: 1.55 + 0.2 * r(), pitchDeg: 1 + 6 * r(), rollDeg: 2 * (r() - 0.5) };
  const wallDist = 4.5 + 3 * r();
  const makers = kind === 'room' ? ROOM : STREET;
  const count = kind === 'room' ? 3 + Math.floor(4 * r()) : 3 + Math.floor(5 * r());
  const near = kind === 'room' ? 1.3 : 4, far = kind === 'room' ? wallDist - 0.3 : 30;
  const halfFov = ((fovXDeg / 2 + 8) * Math.PI) / 180;
  const placed: Box2D[] = [];
  const objects: SyntheticObject[] = [];
  for (let tries = 0; objects.length < count && tries < 60; tries++) {
    const m = pick(r, makers);
    const s: Vec3 = [around(r, m.size[0]), around(r, m.size[1]), around(r, m.size[2])];
    const zDist = near + (far - near) * Math.pow(r(), kind === 'room' ? 1 : 1.6);
    const ang = (2 * r() - 1) * halfFov;
    const x = Math.tan(ang) * zDist, z = -zDist;
    // rooms: mostly square to the walls; streets: along the road, across it, or anything
    const yaw = kind === 'room'
      ? (Math.floor(4 * r()) * Math.PI) / 2 + 0.25 * (r() - 0.5)
      : r() < 0.7 ? (Math.floor(2 * r()) * Math.PI) / 2 + 0.2 * (r() - 0.5) + Math.PI / 2 : 2 * Math.PI * r();
    if (kind === 'room' && Math.abs(Math.sin(yaw)) * s[0] / 2 + Math.abs(Math.cos(yaw)) * s[1] / 2 > wallDist - zDist) continue;
    const fp = footprint(x, z, yaw, s[0], s[1], kind === 'room' ? 0.05 : 0.3);
    if (placed.some((p) => overlaps(p, fp))) continue;
    placed.push(fp);
    objects.push(m.build(`o${objects.length}`, pick(r, m.captions), x, z, yaw, s, r));
  }
  return { seed, kind, spec: { image, camera, wall: kind === 'room' ? { distance: wallDist } : undefined, objects } };
}

/** KITTI's Velodyne HDL-64E gives no returns beyond 120 m (its data sheet); the ray-cast road runs on to the horizon. */
const LIDAR_RANGE_M = 120;

/** Which pixels a street scene's projected LiDAR scan fills: every rowGap-th row, and of those a `keep` share. */
export interface LidarPattern {
  rowGap: number;
  keep: number;
}

/** The benchmark's scan: every third row, half its pixels (a sixth of the image). */
export const BENCH_LIDAR: LidarPattern = { rowGap: 3, keep: 0.5 };

/**
 * KITTI's pattern in pixels, as measured on the fixture frame kitti_object/000000 (raw HDL-64E returns
 * projected into the 1224x370 image, 4.5% of all pixels): scan lines 4-7 rows apart below the horizon, a
 * return every 2-3 px along a line. `npm run eval -- --synthetic N --kitti-lidar` runs the street scenes in it
 * (every fifth row, 40% of it). At the benchmark's 640x480 and 55-70 degree field of view those lines are
 * 0.47-0.63 degrees apart, sparser than KITTI's 0.33-0.5 (BENCH_LIDAR's every third row is KITTI's in
 * angle): it tests the windows sized in pixels (strips beside a box, sampling grids), not a second sensor.
 */
export const KITTI_LIDAR: LidarPattern = { rowGap: 5, keep: 0.4 };

/**
 * Depth as a sensor gives it. Rooms: a structured-light sensor's axial noise, sigma = 1.2 mm + 1.9 mm x
 * (z - 0.4 m)^2 (Nguyen, Izadi & Lovell 2012, Kinect v1). Streets: LiDAR projected into the image in
 * `lidar`'s rows (BENCH_LIDAR unless told), with sigma = 2 cm + 0.1% of the range, and no return beyond
 * LIDAR_RANGE_M. Invalid pixels are 0.
 */
export function noisyDepth(depth: DepthMap, kind: BenchKind, seed: number, lidar: LidarPattern = BENCH_LIDAR): DepthMap {
  const r = mulberry32(0xde97 + seed);
  const out = new Float32Array(depth.data.length);
  const W = depth.width;
  for (let i = 0; i < out.length; i++) {
    const z = depth.data[i];
    if (!(z > 0)) continue;
    if (kind === 'street') {
      const y = Math.floor(i / W);
      if (y % lidar.rowGap !== 0 || r() < 1 - lidar.keep) continue;
      const e = (0.02 + 0.001 * z) * gauss(r);
      if (z <= LIDAR_RANGE_M) out[i] = z + e;
    } else {
      out[i] = z + (0.0012 + 0.0019 * (z - 0.4) ** 2) * gauss(r);
    }
  }
  return { width: depth.width, height: depth.height, data: out };
}

/**
 * Each object's visibility class from the exact render: truncated (its whole projection reaches past the
 * image border), occluded (what is seen covers under 85% of its projection inside the image), end-on
 * (long side within 25 degrees of the line of sight, long/short > 1.6: its length is all along the
 * hidden direction), else visible. The first that applies wins.
 */
export function visibilityClasses(scene: BenchScene, render: SyntheticRender): Map<string, VisibilityClass> {
  const out = new Map<string, VisibilityClass>();
  const K = render.intrinsics;
  const { rotation: R, translation: t } = render.truth.cameraToCanonical;
  const Rt = transpose(R);
  for (const o of render.objects) {
    const truth = render.truth.boxes.find((b) => b.id === o.id)!;
    const { center: c, size, yaw } = truth.obb;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const sx of [-0.5, 0.5]) for (const sy of [-0.5, 0.5]) for (const sz of [-0.5, 0.5]) {
      const lx = sx * size[0], lz = sz * size[2];
      const p: Vec3 = [c[0] + Math.cos(yaw) * lx + Math.sin(yaw) * lz, c[1] + sy * size[1], c[2] - Math.sin(yaw) * lx + Math.cos(yaw) * lz];
      const q = mulMatVec(Rt, [p[0] - t[0], p[1] - t[1], p[2] - t[2]]);
      if (q[2] <= 0.05) { x0 = -Infinity; continue; }
      const u = K.fx * (q[0] / q[2]) + K.cx, v = K.fy * (q[1] / q[2]) + K.cy;
      x0 = Math.min(x0, u); x1 = Math.max(x1, u); y0 = Math.min(y0, v); y1 = Math.max(y1, v);
    }
    const area = (b: Box2D) => Math.max(0, b.x1 - b.x0) * Math.max(0, b.y1 - b.y0);
    const proj = { x0, y0, x1, y1 };
    const clipped = { x0: Math.max(0, x0), y0: Math.max(0, y0), x1: Math.min(K.width, x1), y1: Math.min(K.height, y1) };
    const seen = o.box2d;
    const long = Math.max(size[0], size[2]), short = Math.min(size[0], size[2]);
    const longAxis: Vec3 = size[0] >= size[2] ? [Math.cos(yaw), 0, -Math.sin(yaw)] : [Math.sin(yaw), 0, Math.cos(yaw)];
    const dist = Math.hypot(c[0], c[2]);
    const along = dist > 0 ? Math.abs((longAxis[0] * c[0] + longAxis[2] * c[2]) / dist) : 0;
    if (!Number.isFinite(area(proj)) || area(clipped) < 0.95 * area(proj)) out.set(o.id, 'truncated');
    else if (area(seen) < 0.85 * area(clipped)) out.set(o.id, 'occluded');
    else if (long / short > 1.6 && along > Math.cos((25 * Math.PI) / 180)) out.set(o.id, 'end-on');
    else out.set(o.id, 'visible');
  }
  return out;
}
