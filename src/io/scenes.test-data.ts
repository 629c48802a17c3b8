/**
 * Test scenes for the share-link and scene-file tests: realistic numbers (full float precision), captions,
 * masks as a detector + SAM would give them (elliptic blobs inside each 2D box), and a real JPEG thumbnail.
 */
import jpeg from 'jpeg-js';
import { buildScene, type BoxSpec } from '../core/testing/sceneBuilder';
import { encodeMask } from '../core/scene/mask';
import type { SceneGraph } from '../core/scene/types';
import { mulberry32 } from '../core/geometry/prng';

const CAPTIONS = ['chair', 'table', 'lamp', 'plant', 'sofa', 'bookshelf', 'television', 'rug', 'cabinet', 'vase', 'desk', 'monitor', 'bed', 'door', 'window', 'mug'];

/** `n` objects with captions, 2D boxes and (optionally) masks in a 640x480 image. */
export function sampleScene(n: number, opts: { masks?: boolean; seed?: number } = {}): SceneGraph {
  const rnd = mulberry32(opts.seed ?? 7);
  const boxes: BoxSpec[] = [];
  for (let i = 0; i < n; i++) {
    boxes.push({
      id: `obj${i}`,
      caption: `${CAPTIONS[i % CAPTIONS.length]}${i >= CAPTIONS.length ? ` ${i}` : ''}`,
      center: [rnd() * 4 - 2, 0.2 + rnd() * 1.2, -1 - rnd() * 4],
      size: [0.2 + rnd(), 0.2 + rnd(), 0.2 + rnd()],
      yaw: rnd() * Math.PI - Math.PI / 2,
      confidence: 0.5 + rnd() * 0.5,
      pointCount: 500 + Math.floor(rnd() * 5000),
    });
  }
  const scene = buildScene(boxes);
  scene.provenance = { ...scene.provenance, imageName: 'living-room.jpg', notes: ['synthetic scene for io tests'] };
  const W = 640, H = 480;
  for (const o of scene.objects) {
    const x0 = rnd() * (W - 200), y0 = rnd() * (H - 160);
    const w = 60 + rnd() * 140, h = 50 + rnd() * 110;
    o.box2d = { x0, y0, x1: x0 + w, y1: y0 + h };
    if (opts.masks) {
      const bits = new Uint8Array(W * H);
      const cx = x0 + w / 2, cy = y0 + h / 2;
      for (let y = Math.floor(y0); y < Math.ceil(y0 + h); y++)
        for (let x = Math.floor(x0); x < Math.ceil(x0 + w); x++) {
          const dx = (x - cx) / (w / 2), dy = (y - cy) / (h / 2);
          // A wobbly outline, as real masks have, so RLE runs differ row to row.
          if (dx * dx + dy * dy < 0.85 + 0.15 * Math.sin(x * 0.3) * Math.cos(y * 0.2)) bits[y * W + x] = 1;
        }
      o.mask = encodeMask(bits, W, H);
    }
  }
  return scene;
}

/** A real baseline JPEG of a smooth-plus-noise picture, about `targetBytes` long. */
const jpegCache = new Map<string, Uint8Array>();
export function sampleJpeg(targetBytes = 3000, seed = 3): Uint8Array {
  const key = `${targetBytes}/${seed}`;
  const hit = jpegCache.get(key);
  if (hit) return hit.slice();
  const rnd = mulberry32(seed);
  const w = 96, h = 72;
  const data = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      data[i] = (x * 2 + rnd() * 40) & 255;
      data[i + 1] = (y * 3 + rnd() * 40) & 255;
      data[i + 2] = ((x + y) + rnd() * 40) & 255;
      data[i + 3] = 255;
    }
  // Binary search on quality: jpeg-js is slow to set up, so encode as few times as possible.
  let best = new Uint8Array(0);
  let lo = 1, hi = 95;
  while (lo <= hi) {
    const q = (lo + hi) >> 1;
    const bytes = new Uint8Array(jpeg.encode({ data, width: w, height: h }, q).data);
    if (bytes.length <= targetBytes) {
      best = bytes;
      lo = q + 1;
    } else hi = q - 1;
  }
  jpegCache.set(key, best);
  return best.slice();
}
