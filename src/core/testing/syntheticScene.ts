import type { Intrinsics } from '../camera/intrinsics';
import type { DepthMap, RGBAImage } from '../geometry/raster';
import { mulMat, mulMatVec, transpose, type Mat3, type Vec3 } from '../geometry/vec';
import { encodeMask, maskBounds } from '../scene/mask';
import type { AABB, Box2D, MaskRLE, OBB } from '../scene/types';

/**
 * A synthetic RGB-D scene: exact metric depth from a CPU ray-caster, for tests with ground truth and for
 * the app's sample scenes.
 *
 * World frame (the description's frame): metres, +Y up, the floor is y = 0. The camera stands at
 * (x, height, z) and, with yaw 0, looks along -Z; +X is to its right. The canonical frame the pipeline
 * should recover is the world moved so the camera's foot is the origin and rotated by -yaw about +Y
 * (so with x = z = yaw = 0 the world IS the canonical frame).
 */
export interface SyntheticBox {
  /** Box centre, world frame. */
  center: Vec3;
  /** Extents along the box's own x, y (up), z before yaw. */
  size: Vec3;
  /** Rotation about +Y, radians, right-handed (local x -> (cos, 0, -sin)); same convention as OBB.yaw. */
  yaw?: number;
  color?: [number, number, number];
}

/** One object: one or more boxes (a table = top + legs). */
export interface SyntheticObject {
  id: string;
  caption: string;
  parts: SyntheticBox[];
}

export interface SyntheticCamera {
  /** Height of the optical centre above the floor, metres. */
  height: number;
  /** Tilt down from horizontal, degrees (positive looks down). */
  pitchDeg: number;
  /** Rotation about the optical axis, degrees, right-handed about camera +z (applied before the pitch). */
  rollDeg?: number;
  /** Heading, degrees, right-handed about +Y (positive turns the view to the left). */
  yawDeg?: number;
  /** Floor position of the camera, world x and z (default 0, 0). */
  x?: number;
  z?: number;
}

export interface SyntheticSceneSpec {
  image: { width: number; height: number; /** horizontal field of view, degrees (default 60) */ fovXDeg?: number };
  camera: SyntheticCamera;
  /** Draw the floor plane y = 0 (default true). */
  floor?: boolean;
  /** A wall: the plane z = -distance facing the camera (world frame). */
  wall?: { distance: number };
  objects: SyntheticObject[];
  /**
   * Average the colour of every pixel that differs from a neighbour over 4 x 4 rays, as a lens and a sensor do
   * (default true; false: one ray per pixel, whose straight edges are staircases, pixel-aligned over each
   * step, which no camera gives). Depth, masks and truth stay one ray per pixel.
   */
  antialias?: boolean;
}

export interface SyntheticObjectRender {
  id: string;
  caption: string;
  /** Visible pixels (occlusion applied); empty when the object is not seen. */
  mask: MaskRLE;
  /** Tight box of the mask; zero-size when the object is not seen. */
  box2d: Box2D;
  visiblePixels: number;
}

export interface SyntheticTruthBox {
  id: string;
  /** Canonical frame: the object's yaw-oriented box (all parts share the first part's yaw). */
  obb: OBB;
  /** Canonical frame axis-aligned bounds of every part's corners. */
  aabb: AABB;
}

export interface SyntheticRender {
  depth: DepthMap;
  rgb: RGBAImage;
  intrinsics: Intrinsics;
  objects: SyntheticObjectRender[];
  truth: {
    /** p_canon = rotation · p_cam + translation. */
    cameraToCanonical: { rotation: Mat3; translation: Vec3 };
    /** Up (+Y) expressed in the camera frame. */
    upInCamera: Vec3;
    cameraHeight: number;
    boxes: SyntheticTruthBox[];
  };
}

const deg = Math.PI / 180;
const rotY = (a: number): Mat3 => [Math.cos(a), 0, Math.sin(a), 0, 1, 0, -Math.sin(a), 0, Math.cos(a)];
const rotX = (a: number): Mat3 => [1, 0, 0, 0, Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a)];
const rotZ = (a: number): Mat3 => [Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a), 0, 0, 0, 1];
/** OpenCV camera axes in a level, yaw-0 camera: x right, y down, z forward (-Z world). */
const CV_TO_LEVEL: Mat3 = [1, 0, 0, 0, -1, 0, 0, 0, -1];

/** Camera -> canonical rotation: pitch down about +X, roll about the optical axis. */
export function syntheticCameraRotation(cam: SyntheticCamera): Mat3 {
  return mulMat(mulMat(rotX(-cam.pitchDeg * deg), CV_TO_LEVEL), rotZ((cam.rollDeg ?? 0) * deg));
}

function boxCorners(b: SyntheticBox): Vec3[] {
  const R = rotY(b.yaw ?? 0);
  const out: Vec3[] = [];
  for (const sx of [-0.5, 0.5])
    for (const sy of [-0.5, 0.5])
      for (const sz of [-0.5, 0.5]) {
        const l = mulMatVec(R, [sx * b.size[0], sy * b.size[1], sz * b.size[2]]);
        out.push([b.center[0] + l[0], b.center[1] + l[1], b.center[2] + l[2]]);
      }
  return out;
}

/** Render the scene: depth (camera z, metres; 0 where a ray hits nothing), RGB, masks and truth. */
// Test support, over 80 lines on purpose: one ray-casting loop writes depth, colour, masks and truth together.
export function renderSyntheticScene(spec: SyntheticSceneSpec): SyntheticRender {
  const { width: W, height: H } = spec.image;
  const fx = W / 2 / Math.tan(((spec.image.fovXDeg ?? 60) * deg) / 2);
  const K: Intrinsics = { fx, fy: fx, cx: (W - 1) / 2, cy: (H - 1) / 2, width: W, height: H };
  const cam = spec.camera;
  const camYaw = (cam.yawDeg ?? 0) * deg;
  const Rcc = syntheticCameraRotation(cam); // camera -> canonical
  const Rcw = mulMat(rotY(camYaw), Rcc); // camera -> world
  const origin: Vec3 = [cam.x ?? 0, cam.height, cam.z ?? 0];
  const floor = spec.floor ?? true;

  // flatten parts; store world->local rotation per part
  interface Part { obj: number; c: Vec3; half: Vec3; cos: number; sin: number; color: [number, number, number] }
  const parts: Part[] = [];
  spec.objects.forEach((o, oi) =>
    o.parts.forEach((p) => {
      const y = p.yaw ?? 0;
      parts.push({ obj: oi, c: p.center, half: [p.size[0] / 2, p.size[1] / 2, p.size[2] / 2], cos: Math.cos(y), sin: Math.sin(y), color: p.color ?? [200, 120, 60] });
    }),
  );

  const depth = new Float32Array(W * H);
  const rgb = new Uint8ClampedArray(W * H * 4);
  const owner = new Int32Array(W * H).fill(-1);
  const [a0, a1, a2, a3, a4, a5, a6, a7, a8] = Rcw;
  // one ray through image point (u, v): what it hits first, at what distance, in what colour
  const cast = (u: number, v: number): { tBest: number; hit: number; shade: number; col: [number, number, number] } => {
    const qx = (u - K.cx) / fx, qy = (v - K.cy) / fx;
    const dx = a0 * qx + a1 * qy + a2, dy = a3 * qx + a4 * qy + a5, dz = a6 * qx + a7 * qy + a8;
    let tBest = Infinity, hit = -1, shade = 1, col: [number, number, number] = [0, 0, 0];
    if (floor && dy < 0) {
      const t = -origin[1] / dy;
      if (t > 0 && t < tBest) {
        tBest = t;
        hit = -2;
        const px = origin[0] + t * dx, pz = origin[2] + t * dz;
        const checker = (Math.floor(px * 2) + Math.floor(pz * 2)) & 1;
        col = checker ? [150, 150, 140] : [110, 110, 105];
      }
    }
    if (spec.wall && dz < 0) {
      const t = (-spec.wall.distance - origin[2]) / dz;
      if (t > 0 && t < tBest) { tBest = t; hit = -3; col = [210, 205, 190]; }
    }
    for (let k = 0; k < parts.length; k++) {
      const p = parts[k];
      // world -> local: rotate by -yaw about +Y
      const ox = origin[0] - p.c[0], oy = origin[1] - p.c[1], oz = origin[2] - p.c[2];
      const lox = p.cos * ox - p.sin * oz, loz = p.sin * ox + p.cos * oz;
      const ldx = p.cos * dx - p.sin * dz, ldz = p.sin * dx + p.cos * dz;
      let tmin = -Infinity, tmax = Infinity, axis = 0;
      const o3 = [lox, oy, loz], d3 = [ldx, dy, ldz];
      let miss = false;
      for (let a = 0; a < 3; a++) {
        const h = p.half[a];
        if (Math.abs(d3[a]) < 1e-12) {
          if (o3[a] < -h || o3[a] > h) { miss = true; break; }
          continue;
        }
        let t1 = (-h - o3[a]) / d3[a], t2 = (h - o3[a]) / d3[a];
        if (t1 > t2) { const s = t1; t1 = t2; t2 = s; }
        if (t1 > tmin) { tmin = t1; axis = a; }
        if (t2 < tmax) tmax = t2;
      }
      if (miss || tmin > tmax || tmin <= 0 || tmin >= tBest) continue;
      tBest = tmin;
      hit = k;
      shade = axis === 1 ? 1 : axis === 0 ? 0.8 : 0.65;
      col = p.color;
    }
    return { tBest, hit, shade, col };
  };
  for (let v = 0; v < H; v++) {
    for (let u = 0; u < W; u++) {
      const { tBest, hit, shade, col } = cast(u, v);
      const i = v * W + u;
      if (hit === -1) continue;
      depth[i] = tBest; // the ray's camera-frame z component is 1, so t is the depth
      if (hit >= 0) owner[i] = parts[hit].obj;
      rgb[i * 4] = col[0] * shade;
      rgb[i * 4 + 1] = col[1] * shade;
      rgb[i * 4 + 2] = col[2] * shade;
      rgb[i * 4 + 3] = 255;
    }
  }
  if (spec.antialias ?? true) antialiasEdges(rgb, W, H, cast);

  const objects: SyntheticObjectRender[] = spec.objects.map((o, oi) => {
    const bits = new Uint8Array(W * H);
    let visible = 0;
    for (let i = 0; i < W * H; i++) if (owner[i] === oi) { bits[i] = 1; visible++; }
    return {
      id: o.id,
      caption: o.caption,
      mask: encodeMask(bits, W, H),
      box2d: maskBounds(bits, W, H) ?? { x0: 0, y0: 0, x1: 0, y1: 0 },
      visiblePixels: visible,
    };
  });

  // world -> canonical: translate by the camera's foot, rotate by -yaw
  const Rwc = transpose(rotY(camYaw));
  const toCanon = (p: Vec3): Vec3 => mulMatVec(Rwc, [p[0] - origin[0], p[1], p[2] - origin[2]]);
  const boxes: SyntheticTruthBox[] = spec.objects.map((o) => {
    const yaw = o.parts[0]?.yaw ?? 0;
    const Rl = transpose(rotY(yaw));
    const lmin: Vec3 = [Infinity, Infinity, Infinity], lmax: Vec3 = [-Infinity, -Infinity, -Infinity];
    const cmin: Vec3 = [Infinity, Infinity, Infinity], cmax: Vec3 = [-Infinity, -Infinity, -Infinity];
    for (const part of o.parts) {
      for (const c of boxCorners(part)) {
        const l = mulMatVec(Rl, c);
        const q = toCanon(c);
        for (let a = 0; a < 3; a++) {
          lmin[a] = Math.min(lmin[a], l[a]); lmax[a] = Math.max(lmax[a], l[a]);
          cmin[a] = Math.min(cmin[a], q[a]); cmax[a] = Math.max(cmax[a], q[a]);
        }
      }
    }
    const lc: Vec3 = [(lmin[0] + lmax[0]) / 2, (lmin[1] + lmax[1]) / 2, (lmin[2] + lmax[2]) / 2];
    const wc = mulMatVec(rotY(yaw), lc);
    return {
      id: o.id,
      obb: { center: toCanon(wc), size: [lmax[0] - lmin[0], lmax[1] - lmin[1], lmax[2] - lmin[2]], yaw: yaw - camYaw },
      aabb: { min: cmin, max: cmax },
    };
  });

  return {
    depth: { width: W, height: H, data: depth },
    rgb: { width: W, height: H, data: rgb },
    intrinsics: K,
    objects,
    truth: {
      cameraToCanonical: { rotation: Rcc, translation: [0, cam.height, 0] },
      upInCamera: [Rcc[3], Rcc[4], Rcc[5]],
      cameraHeight: cam.height,
      boxes,
    },
  };
}

/** A table (top on four legs) as one object. Centre of the top's footprint at (x, z), world frame. */
export function syntheticTable(id: string, x: number, z: number, opts: { width?: number; depth?: number; height?: number; yaw?: number; color?: [number, number, number] } = {}): SyntheticObject {
  const w = opts.width ?? 1.2, d = opts.depth ?? 0.8, h = opts.height ?? 0.75, yaw = opts.yaw ?? 0;
  const top = 0.04, leg = 0.06;
  const color = opts.color ?? [140, 90, 50];
  const R = rotY(yaw);
  const parts: SyntheticBox[] = [{ center: [x, h - top / 2, z], size: [w, top, d], yaw, color }];
  for (const sx of [-1, 1])
    for (const sz of [-1, 1]) {
      const l = mulMatVec(R, [sx * (w / 2 - leg / 2), 0, sz * (d / 2 - leg / 2)]);
      parts.push({ center: [x + l[0], (h - top) / 2, z + l[2]], size: [leg, h - top, leg], yaw, color });
    }
  return { id, caption: 'table', parts };
}

/** A ready-made room: floor, wall, a table, two cubes (one stacked on the other), a yawed crate. */
export function sampleRoomSpec(camera: Partial<SyntheticCamera> = {}, image: SyntheticSceneSpec['image'] = { width: 640, height: 480 }): SyntheticSceneSpec {
  return {
    image,
    camera: { height: 1.4, pitchDeg: 20, ...camera },
    wall: { distance: 6 },
    objects: [
      syntheticTable('table', -0.7, -3.3),
      { id: 'cube', caption: 'red cube', parts: [{ center: [1.0, 0.25, -2.6], size: [0.5, 0.5, 0.5], color: [200, 40, 40] }] },
      { id: 'small-cube', caption: 'blue cube', parts: [{ center: [1.0, 0.65, -2.6], size: [0.3, 0.3, 0.3], color: [40, 60, 200] }] },
      { id: 'crate', caption: 'crate', parts: [{ center: [0.45, 0.3, -4.6], size: [0.8, 0.6, 0.5], yaw: 0.5, color: [90, 160, 90] }] },
    ],
  };
}

/** Re-shades the pixels on a colour edge (any 4-neighbour differs) with the mean of 4 x 4 rays across the pixel; nothing hit is black. */
function antialiasEdges(rgb: Uint8ClampedArray, W: number, H: number, cast: (u: number, v: number) => { hit: number; shade: number; col: [number, number, number] }): void {
  const src = rgb.slice();
  const differs = (i: number, j: number) => src[i * 4] !== src[j * 4] || src[i * 4 + 1] !== src[j * 4 + 1] || src[i * 4 + 2] !== src[j * 4 + 2];
  for (let v = 0; v < H; v++) for (let u = 0; u < W; u++) {
    const i = v * W + u;
    if (!((u > 0 && differs(i, i - 1)) || (u < W - 1 && differs(i, i + 1)) || (v > 0 && differs(i, i - W)) || (v < H - 1 && differs(i, i + W)))) continue;
    let r = 0, g = 0, b = 0;
    for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) {
      const c = cast(u - 0.375 + sx * 0.25, v - 0.375 + sy * 0.25);
      if (c.hit === -1) continue;
      r += c.col[0] * c.shade; g += c.col[1] * c.shade; b += c.col[2] * c.shade;
    }
    rgb[i * 4] = r / 16; rgb[i * 4 + 1] = g / 16; rgb[i * 4 + 2] = b / 16; rgb[i * 4 + 3] = 255;
  }
}
