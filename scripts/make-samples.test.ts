import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from 'fast-png';
import { decodeMask, maskBounds } from '../src/core/scene/mask';
import { SCENES, renderScene } from './make-samples';

type V3 = [number, number, number];
interface SampleJson {
  image: { width: number; height: number };
  intrinsics: { fx: number; fy: number; cx: number; cy: number };
  truth: { cameraHeight: number; pitchDeg: number };
  objects: { id: string; caption: string; box2d: { x0: number; y0: number; x1: number; y1: number }; mask: { width: number; height: number; counts: number[] }; truth: { aabb: { min: V3; max: V3 } } }[];
}

const dir = (name: string) => join(process.cwd(), 'public', 'samples', name);
const load = (name: string) => ({
  json: JSON.parse(readFileSync(join(dir(name), 'scene.json'), 'utf8')) as SampleJson,
  depth: decode(readFileSync(join(dir(name), 'depth.png'))),
});

describe.each(SCENES.map((s) => s.name))('sample %s', (name) => {
  it('is small, 640x480, with a 16-bit depth map and distinct captions', () => {
    const { json, depth } = load(name);
    expect(depth.depth).toBe(16);
    expect([depth.width, depth.height]).toEqual([json.image.width, json.image.height]);
    const bytes = ['rgb.png', 'depth.png', 'scene.json'].reduce((n, f) => n + readFileSync(join(dir(name), f)).length, 0);
    expect(bytes).toBeLessThan(600_000);
    expect(new Set(json.objects.map((o) => o.caption)).size).toBe(json.objects.length);
  });

  it('masks match their boxes, and every masked pixel lifts into its ground-truth box', () => {
    const { json, depth } = load(name);
    const { fx, fy, cx, cy } = json.intrinsics;
    const pitch = (json.truth.pitchDeg * Math.PI) / 180;
    // camera -> canonical for the renderer's camera: at (0, h, 0), pitched down, looking towards -Z
    const fwd: V3 = [0, -Math.sin(pitch), -Math.cos(pitch)];
    const down: V3 = [0, -Math.cos(pitch), Math.sin(pitch)];
    for (const o of json.objects) {
      const bits = decodeMask(o.mask);
      const b = maskBounds(bits, o.mask.width, o.mask.height);
      expect(b, o.id).toEqual(o.box2d);
      const { min, max } = o.truth.aabb;
      let inside = 0, total = 0;
      for (let i = 0; i < bits.length; i++) {
        if (!bits[i]) continue;
        const z = (depth.data[i] as number) / 1000;
        if (z === 0) continue;
        const u = i % depth.width, v = Math.floor(i / depth.width);
        const x = ((u - cx) * z) / fx, y = ((v - cy) * z) / fy;
        const p: V3 = [x + fwd[0] * z, json.truth.cameraHeight + y * down[1] + z * fwd[1], y * down[2] + z * fwd[2]];
        total++;
        // 1 mm depth quantisation at up to ~20 m: allow 1.5 cm
        if (p.every((c, k) => c >= min[k] - 0.015 && c <= max[k] + 0.015)) inside++;
      }
      expect(total, o.id).toBeGreaterThan(150);
      expect(inside / total, o.id).toBeGreaterThan(0.999);
    }
  });
});

describe('renderScene', () => {
  it('reproduces the committed desk sample exactly (the samples are not stale)', () => {
    const spec = SCENES.find((s) => s.name === 'desk');
    if (!spec) throw new Error('no desk scene');
    const { depth, sceneJson } = renderScene(spec);
    const committed = load('desk');
    expect(Buffer.from(depth.buffer).equals(Buffer.from((committed.depth.data as Uint16Array).buffer))).toBe(true);
    expect(sceneJson.objects.map((o) => o.box2d)).toEqual(committed.json.objects.map((o) => o.box2d));
  }, 60_000);
});
