/**
 * Renders the sample scenes the app ships (public/samples/<name>/): rgb.png, depth.png (16-bit mm) and
 * scene.json (intrinsics, objects with caption/box2d/mask RLE, ground-truth boxes in the canonical frame).
 *
 * No WebGL: the scenes are three.js meshes, and every pixel is a ray cast with three's Raycaster, so depth
 * and masks are exact. The world is built directly in the canonical frame (metres, +Y up, floor at y = 0
 * under the camera, camera looking towards -Z), which makes the ground truth the meshes' own boxes.
 *
 * Run: npx tsx scripts/make-samples.ts [name...]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as THREE from 'three';
import { encode } from 'fast-png';

// Colours are written as given (sRGB bytes): no linear-light conversion.
THREE.ColorManagement.enabled = false;

const WIDTH = 640;
const HEIGHT = 480;
const MAX_DEPTH_M = 65;

interface Part {
  shape: 'box' | 'cylinder' | 'sphere' | 'cone';
  /** box: [w, h, d]; cylinder/cone: [radiusTop, height, radiusBottom]; sphere: [r] */
  dims: number[];
  /** centre position (metres) */
  at: [number, number, number];
  color: string;
  /** pattern on the surface: floor tiles, wood stripes */
  pattern?: 'tiles' | 'stripes' | 'none';
  rotY?: number;
}

interface ObjectSpec {
  id: string;
  caption: string;
  parts: Part[];
}

interface SceneSpec {
  name: string;
  title: string;
  description: string;
  cameraHeight: number;
  pitchDeg: number;
  /** horizontal field of view, degrees */
  hfovDeg: number;
  sky: string;
  /** background geometry (floor, walls): no object id */
  background: Part[];
  objects: ObjectSpec[];
}

// ---- composite furniture -------------------------------------------------------------------------------

function chair(x: number, z: number, color: string, seatH = 0.46, legColor = '#4a3b2a'): Part[] {
  const s = 0.44;
  const legs: Part[] = [];
  for (const dx of [-1, 1]) for (const dz of [-1, 1]) {
    legs.push({ shape: 'box', dims: [0.04, seatH, 0.04], at: [x + dx * (s / 2 - 0.03), seatH / 2, z + dz * (s / 2 - 0.03)], color: legColor });
  }
  return [
    ...legs,
    { shape: 'box', dims: [s, 0.05, s], at: [x, seatH + 0.025, z], color },
    // backrest on the far side (towards -Z), so the seat faces the camera
    { shape: 'box', dims: [s, 0.45, 0.05], at: [x, seatH + 0.05 + 0.225, z - s / 2 + 0.025], color },
  ];
}

function table(x: number, z: number, w: number, d: number, h: number, color: string, legColor = color): Part[] {
  const legs: Part[] = [];
  for (const dx of [-1, 1]) for (const dz of [-1, 1]) {
    legs.push({ shape: 'box', dims: [0.06, h - 0.04, 0.06], at: [x + dx * (w / 2 - 0.06), (h - 0.04) / 2, z + dz * (d / 2 - 0.06)], color: legColor });
  }
  return [...legs, { shape: 'box', dims: [w, 0.04, d], at: [x, h - 0.02, z], color, pattern: 'stripes' }];
}

function floorLamp(x: number, z: number, h: number): Part[] {
  return [
    { shape: 'cylinder', dims: [0.17, 0.04, 0.17], at: [x, 0.02, z], color: '#333333' },
    // a thick pole: a thread-thin one vanishes under mask erosion and the lamp would measure as its shade
    { shape: 'cylinder', dims: [0.045, h - 0.34, 0.045], at: [x, 0.04 + (h - 0.34) / 2, z], color: '#555555' },
    { shape: 'cylinder', dims: [0.14, 0.3, 0.22], at: [x, h - 0.15, z], color: '#f3e3b3' },
  ];
}

function plant(x: number, z: number, potH: number, leafR: number, potColor = '#b5562f'): Part[] {
  return [
    { shape: 'cylinder', dims: [0.16, potH, 0.12], at: [x, potH / 2, z], color: potColor },
    { shape: 'sphere', dims: [leafR], at: [x, potH + leafR * 0.85, z], color: '#3c8d3a' },
  ];
}

function sofa(x: number, z: number, w: number, color: string): Part[] {
  const d = 0.9;
  return [
    { shape: 'box', dims: [w, 0.42, d], at: [x, 0.21, z], color },
    { shape: 'box', dims: [w, 0.45, 0.2], at: [x, 0.42 + 0.225, z - d / 2 + 0.1], color },
    { shape: 'box', dims: [0.2, 0.22, d], at: [x - w / 2 + 0.1, 0.53, z], color },
    { shape: 'box', dims: [0.2, 0.22, d], at: [x + w / 2 - 0.1, 0.53, z], color },
  ];
}

function mug(x: number, y: number, z: number, color: string): Part[] {
  return [{ shape: 'cylinder', dims: [0.045, 0.1, 0.045], at: [x, y + 0.05, z], color }];
}

function car(x: number, z: number, color: string): Part[] {
  // long axis along X (parked across the view), wheels at the corners
  const L = 4.3, W = 1.8;
  const wheels: Part[] = [];
  for (const dx of [-1, 1]) for (const dz of [-1, 1]) {
    wheels.push({ shape: 'box', dims: [0.64, 0.64, 0.22], at: [x + dx * (L / 2 - 0.75), 0.32, z + dz * (W / 2 - 0.08)], color: '#1a1a1a' });
  }
  return [
    ...wheels,
    { shape: 'box', dims: [L, 0.7, W], at: [x, 0.3 + 0.35, z], color },
    { shape: 'box', dims: [2.2, 0.5, W - 0.1], at: [x - 0.2, 1.0 + 0.25, z], color: '#9fb7c9' },
  ];
}

function bus(x: number, z: number, color: string): Part[] {
  const L = 9, W = 2.5;
  return [
    { shape: 'box', dims: [L, 2.9, W], at: [x, 0.3 + 1.45, z], color },
    { shape: 'box', dims: [L - 1, 0.8, W + 0.02], at: [x, 2.0, z], color: '#2d3f55' },
    { shape: 'box', dims: [L - 2, 0.3, W - 0.2], at: [x, 0.15, z], color: '#1a1a1a' },
  ];
}

function tree(x: number, z: number, trunkH: number, crownR: number): Part[] {
  return [
    { shape: 'cylinder', dims: [0.3, trunkH, 0.35], at: [x, trunkH / 2, z], color: '#6b4a2b' },
    { shape: 'sphere', dims: [crownR], at: [x, trunkH + crownR * 0.8, z], color: '#3f7f3a' },
  ];
}

function person(x: number, z: number, h: number, shirt: string): Part[] {
  const head = 0.11;
  const torsoTop = h - 2 * head + 0.02; // the head rests on the torso: no gap for the cluster to split at
  return [
    { shape: 'cylinder', dims: [0.13, h * 0.47, 0.13], at: [x, h * 0.235, z], color: '#2b3550' },
    { shape: 'cylinder', dims: [0.2, torsoTop - h * 0.47, 0.16], at: [x, (h * 0.47 + torsoTop) / 2, z], color: shirt },
    { shape: 'sphere', dims: [head], at: [x, h - head, z], color: '#d7a98a' },
  ];
}

function trafficLight(x: number, z: number): Part[] {
  return [
    { shape: 'cylinder', dims: [0.12, 3.0, 0.12], at: [x, 1.5, z], color: '#4b4f54' },
    { shape: 'box', dims: [0.35, 0.9, 0.3], at: [x, 3.0 + 0.45, z], color: '#23272b' },
  ];
}

const room = (wallColor: string, floorColor: string, backZ: number, leftX: number, rightX: number): Part[] => [
  { shape: 'box', dims: [40, 0.02, 40], at: [0, -0.01, -10], color: floorColor, pattern: 'tiles' },
  { shape: 'box', dims: [40, 6, 0.1], at: [0, 3, backZ - 0.05], color: wallColor },
  { shape: 'box', dims: [0.1, 6, 40], at: [leftX - 0.05, 3, -10], color: wallColor },
  { shape: 'box', dims: [0.1, 6, 40], at: [rightX + 0.05, 3, -10], color: wallColor },
];

// ---- the scenes ----------------------------------------------------------------------------------------

export const SCENES: SceneSpec[] = [
  {
    name: 'living-room',
    title: 'Living room',
    description: 'A sofa, two chairs of different colours, a coffee table, a floor lamp and a plant.',
    cameraHeight: 1.45, pitchDeg: 18, hfovDeg: 66, sky: '#000000',
    background: room('#e8e1d6', '#b8a284', -6.2, -3.2, 3.4),
    objects: [
      { id: 'sofa', caption: 'grey sofa', parts: sofa(0.2, -5.3, 2.2, '#7d8590') },
      { id: 'coffee-table', caption: 'coffee table', parts: table(0.1, -3.9, 1.1, 0.6, 0.42, '#8a5a32') },
      { id: 'red-chair', caption: 'red chair', parts: chair(-0.95, -2.8, '#c0392b') },
      { id: 'blue-chair', caption: 'blue chair', parts: chair(1.4, -4.0, '#2e6fc0') },
      { id: 'lamp', caption: 'floor lamp', parts: floorLamp(-2.4, -5.4, 1.65) },
      { id: 'plant', caption: 'potted plant', parts: plant(2.75, -5.6, 0.38, 0.32) },
    ],
  },
  {
    name: 'desk',
    title: 'Desk',
    description: 'A desk with a monitor, a laptop, a mug, a desk lamp and books; an office chair in front.',
    cameraHeight: 1.55, pitchDeg: 24, hfovDeg: 64, sky: '#000000',
    background: room('#dfe6ea', '#9c8f80', -2.8, -2.4, 2.4),
    objects: [
      { id: 'desk', caption: 'desk', parts: table(0, -2.3, 1.5, 0.7, 0.75, '#c9a46b', '#555555') },
      {
        id: 'monitor', caption: 'monitor', parts: [
          { shape: 'box', dims: [0.2, 0.02, 0.16], at: [-0.1, 0.76, -2.45], color: '#2a2a2a' },
          { shape: 'box', dims: [0.05, 0.2, 0.04], at: [-0.1, 0.87, -2.5], color: '#2a2a2a' },
          { shape: 'box', dims: [0.62, 0.38, 0.03], at: [-0.1, 1.16, -2.5], color: '#15181c' },
        ],
      },
      {
        id: 'laptop', caption: 'silver laptop', parts: [
          { shape: 'box', dims: [0.34, 0.02, 0.24], at: [0.48, 0.76, -2.15], color: '#b9bec4' },
          { shape: 'box', dims: [0.34, 0.22, 0.015], at: [0.48, 0.88, -2.27], color: '#a4aab1' },
        ],
      },
      { id: 'mug', caption: 'white mug', parts: mug(-0.2, 0.75, -2.1, '#f4f4f4') },
      {
        id: 'desk-lamp', caption: 'desk lamp', parts: [
          { shape: 'cylinder', dims: [0.07, 0.02, 0.07], at: [0.62, 0.76, -2.5], color: '#222222' },
          { shape: 'cylinder', dims: [0.025, 0.4, 0.025], at: [0.62, 0.97, -2.5], color: '#444444' },
          { shape: 'cone', dims: [0.03, 0.12, 0.09], at: [0.62, 1.2, -2.5], color: '#e1b12c' },
        ],
      },
      {
        id: 'books', caption: 'stack of books', parts: [
          { shape: 'box', dims: [0.22, 0.05, 0.16], at: [-0.5, 0.775, -2.45], color: '#8e44ad' },
          { shape: 'box', dims: [0.2, 0.05, 0.15], at: [-0.5, 0.825, -2.45], color: '#16a085' },
          { shape: 'box', dims: [0.21, 0.05, 0.15], at: [-0.5, 0.875, -2.45], color: '#d35400' },
        ],
      },
      { id: 'office-chair', caption: 'black office chair', parts: chair(-0.8, -1.55, '#2c2c2c', 0.5, '#777777') },
    ],
  },
  {
    name: 'kitchen-table',
    title: 'Kitchen table',
    description: 'A kitchen table with a bowl, a bottle, a mug and a vase; a white chair and a green chair.',
    cameraHeight: 1.6, pitchDeg: 22, hfovDeg: 64, sky: '#000000',
    background: room('#f0ead8', '#c4c0b8', -5.0, -2.6, 2.6),
    objects: [
      { id: 'table', caption: 'kitchen table', parts: table(0, -3.3, 1.4, 0.85, 0.76, '#a0703f') },
      { id: 'bowl', caption: 'blue bowl', parts: [{ shape: 'cylinder', dims: [0.11, 0.07, 0.07], at: [-0.35, 0.795, -3.2], color: '#2f6db3' }] },
      { id: 'bottle', caption: 'green bottle', parts: [
        { shape: 'cylinder', dims: [0.04, 0.22, 0.04], at: [0.3, 0.87, -3.45], color: '#2e8b57' },
        { shape: 'cylinder', dims: [0.015, 0.08, 0.03], at: [0.3, 1.02, -3.45], color: '#2e8b57' },
      ] },
      { id: 'mug', caption: 'yellow mug', parts: mug(0.05, 0.76, -3.05, '#f1c40f') },
      { id: 'vase', caption: 'vase', parts: [{ shape: 'cylinder', dims: [0.05, 0.28, 0.07], at: [-0.05, 0.9, -3.55], color: '#c0392b' }] },
      { id: 'white-chair', caption: 'white chair', parts: chair(-1.05, -3.3, '#f2f2f2', 0.46, '#bbbbbb') },
      { id: 'green-chair', caption: 'green chair', parts: chair(1.05, -3.5, '#27ae60') },
      { id: 'fridge', caption: 'fridge', parts: [{ shape: 'box', dims: [0.75, 1.8, 0.7], at: [1.85, 0.9, -4.6], color: '#d9dde0' }] },
    ],
  },
  {
    name: 'street',
    title: 'Street',
    description: 'A street with a red car, a yellow bus, a tree, a person and a traffic light.',
    cameraHeight: 1.6, pitchDeg: 10, hfovDeg: 70, sky: '#9cc6e8',
    background: [
      { shape: 'box', dims: [120, 0.02, 120], at: [0, -0.01, -50], color: '#55585c' },
      { shape: 'box', dims: [120, 0.15, 3], at: [0, 0.075, -20.5], color: '#a9a49b', pattern: 'tiles' },
      { shape: 'box', dims: [14, 12, 2], at: [-12, 6, -23], color: '#c98b6b' },
      { shape: 'box', dims: [12, 16, 2], at: [2, 8, -23], color: '#d8c7a0' },
      { shape: 'box', dims: [14, 10, 2], at: [15, 5, -23], color: '#8fa3b0' },
    ],
    objects: [
      { id: 'car', caption: 'red car', parts: car(-2.6, -8, '#c0392b') },
      { id: 'bus', caption: 'yellow bus', parts: bus(3.6, -14, '#f1c40f') },
      { id: 'tree', caption: 'tree', parts: tree(-6.5, -17, 2.6, 1.6) },
      { id: 'person', caption: 'person', parts: person(1.0, -6.5, 1.75, '#16a085') },
      { id: 'traffic-light', caption: 'traffic light', parts: trafficLight(-0.6, -11.5) },
    ],
  },
];

// ---- rendering ------------------------------------------------------------------------------------------

function makeMesh(p: Part): THREE.Mesh {
  let geo: THREE.BufferGeometry;
  if (p.shape === 'box') geo = new THREE.BoxGeometry(p.dims[0], p.dims[1], p.dims[2]);
  else if (p.shape === 'cylinder' || p.shape === 'cone') geo = new THREE.CylinderGeometry(p.dims[0], p.dims[2], p.dims[1], 32);
  else geo = new THREE.SphereGeometry(p.dims[0], 24, 16);
  const mesh = new THREE.Mesh(geo, new THREE.MeshBasicMaterial({ color: p.color }));
  mesh.position.set(...p.at);
  if (p.rotY) mesh.rotation.y = p.rotY;
  mesh.userData.pattern = p.pattern ?? 'none';
  mesh.updateMatrixWorld(true);
  return mesh;
}

/** Run-length encode a binary mask (row-major; counts start with a run of 0s). */
export function encodeRle(bits: Uint8Array, width: number, height: number) {
  const counts: number[] = [];
  let current = 0;
  let run = 0;
  for (let i = 0; i < bits.length; i++) {
    const b = bits[i] ? 1 : 0;
    if (b !== current) { counts.push(run); run = 0; current = b; }
    run++;
  }
  counts.push(run);
  return { width, height, counts };
}

const hex = (c: THREE.Color): number[] => [c.r * 255, c.g * 255, c.b * 255];

export function renderScene(spec: SceneSpec) {
  const pitch = (spec.pitchDeg * Math.PI) / 180;
  const fx = WIDTH / 2 / Math.tan((spec.hfovDeg * Math.PI) / 360);
  const intrinsics = { fx, fy: fx, cx: (WIDTH - 1) / 2, cy: (HEIGHT - 1) / 2, width: WIDTH, height: HEIGHT };
  const cam = new THREE.Vector3(0, spec.cameraHeight, 0);
  const fwd = new THREE.Vector3(0, -Math.sin(pitch), -Math.cos(pitch));
  const down = new THREE.Vector3(0, -Math.cos(pitch), Math.sin(pitch));
  const right = new THREE.Vector3(1, 0, 0);
  const light = new THREE.Vector3(-0.4, 0.8, 0.45).normalize();

  const meshes: THREE.Mesh[] = [];
  const objectIndex = new Map<THREE.Object3D, number>();
  for (const p of spec.background) meshes.push(makeMesh(p));
  const groups = spec.objects.map((o, i) => {
    const g = new THREE.Group();
    for (const p of o.parts) {
      const m = makeMesh(p);
      meshes.push(m);
      objectIndex.set(m, i);
      g.add(m.clone());
    }
    g.updateMatrixWorld(true);
    return g;
  });

  const rgb = new Uint8Array(WIDTH * HEIGHT * 3);
  const depth = new Uint16Array(WIDTH * HEIGHT);
  const label = new Int16Array(WIDTH * HEIGHT).fill(-1);
  const sky = new THREE.Color(spec.sky);
  const ray = new THREE.Raycaster();
  const dir = new THREE.Vector3();
  const normal = new THREE.Vector3();

  for (let v = 0; v < HEIGHT; v++) {
    for (let u = 0; u < WIDTH; u++) {
      const i = v * WIDTH + u;
      // pixel u's centre sits at coordinate u (0-based principal point), as the lift assumes
      dir.copy(fwd)
        .addScaledVector(right, (u - intrinsics.cx) / fx)
        .addScaledVector(down, (v - intrinsics.cy) / fx)
        .normalize();
      ray.set(cam, dir);
      const hit = ray.intersectObjects(meshes, false)[0];
      if (!hit || !hit.face) {
        const [r, g, b] = hex(sky);
        rgb.set([r * (1 - v / HEIGHT * 0.25), g * (1 - v / HEIGHT * 0.25), b], i * 3);
        continue;
      }
      const z = hit.point.clone().sub(cam).dot(fwd);
      const mesh = hit.object as THREE.Mesh;
      normal.copy(hit.face.normal).transformDirection(mesh.matrixWorld);
      const base = (mesh.material as THREE.MeshBasicMaterial).color.clone();
      const pattern = mesh.userData.pattern as string;
      let tint = 1;
      if (pattern === 'tiles') tint = (Math.floor(hit.point.x / 0.5) + Math.floor(hit.point.z / 0.5)) % 2 === 0 ? 1 : 0.9;
      if (pattern === 'stripes') tint = 0.92 + 0.08 * Math.sin(hit.point.x * 40);
      // Lambert plus a little distance fog, so depth reads in the photo
      const shade = (0.45 + 0.55 * Math.max(0, normal.dot(light))) * tint * Math.max(0.65, 1 - z / 120);
      const [r, g, b] = hex(base);
      rgb.set([Math.min(255, r * shade), Math.min(255, g * shade), Math.min(255, b * shade)], i * 3);
      depth[i] = z > 0 && z < MAX_DEPTH_M ? Math.round(z * 1000) : 0;
      const obj = objectIndex.get(mesh);
      if (obj !== undefined) label[i] = obj;
    }
  }

  const objects = spec.objects.map((o, k) => {
    const bits = new Uint8Array(WIDTH * HEIGHT);
    let x0 = WIDTH, y0 = HEIGHT, x1 = -1, y1 = -1, area = 0;
    for (let i = 0; i < bits.length; i++) {
      if (label[i] !== k) continue;
      bits[i] = 1;
      area++;
      const x = i % WIDTH, y = (i / WIDTH) | 0;
      if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
    }
    const box = new THREE.Box3().setFromObject(groups[k]);
    const round = (n: number) => Math.round(n * 1e4) / 1e4;
    const min = box.min.toArray().map(round);
    const max = box.max.toArray().map(round);
    return {
      id: o.id,
      caption: o.caption,
      box2d: { x0, y0, x1: x1 + 1, y1: y1 + 1 },
      mask: encodeRle(bits, WIDTH, HEIGHT),
      visiblePixels: area,
      truth: {
        aabb: { min, max },
        center: min.map((m, j) => round((m + max[j]) / 2)),
        size: { width: round(max[0] - min[0]), height: round(max[1] - min[1]), depth: round(max[2] - min[2]) },
      },
    };
  });

  const sceneJson = {
    name: spec.name,
    title: spec.title,
    description: spec.description,
    generator: 'scripts/make-samples.ts (three.js Raycaster, exact depth)',
    image: { width: WIDTH, height: HEIGHT },
    intrinsics,
    depth: { file: 'depth.png', scale: 0.001, invalid: 0 },
    rgb: 'rgb.png',
    truth: {
      frame: 'canonical: metres, +Y up, floor y=0 under the camera, camera looks towards -Z',
      cameraHeight: spec.cameraHeight,
      pitchDeg: spec.pitchDeg,
    },
    objects,
  };
  return { rgb, depth, sceneJson };
}

function main() {
  const only = process.argv.slice(2);
  const outRoot = join(process.cwd(), 'public', 'samples');
  const index: { name: string; title: string; description: string }[] = [];
  for (const spec of SCENES) {
    index.push({ name: spec.name, title: spec.title, description: spec.description });
    if (only.length && !only.includes(spec.name)) continue;
    const t0 = performance.now();
    const { rgb, depth, sceneJson } = renderScene(spec);
    const dir = join(outRoot, spec.name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'rgb.png'), encode({ width: WIDTH, height: HEIGHT, data: rgb, channels: 3, depth: 8 }));
    writeFileSync(join(dir, 'depth.png'), encode({ width: WIDTH, height: HEIGHT, data: depth, channels: 1, depth: 16 }));
    writeFileSync(join(dir, 'scene.json'), JSON.stringify(sceneJson));
    console.log(`${spec.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  writeFileSync(join(outRoot, 'index.json'), JSON.stringify(index, null, 1));
}

// Importing this file (tests) renders nothing; running it writes the samples.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
