/**
 * Sparse depth in scan lines (projected LiDAR): whatever rows the scan lines fall on, an object's sample
 * finds them. A sampling grid whose step equals the scan lines' spacing once fell between them everywhere.
 */
import { describe, expect, it } from 'vitest';
import { buildScene } from '../build/buildScene';
import { benchObject, buildBenchScene } from '../testing/benchBuild';
import { KITTI_LIDAR } from '../testing/occlusionBench';
import { renderSyntheticScene, type SyntheticSceneSpec } from '../testing/syntheticScene';
import { rowGap } from './objectBox';
import { rowPhase, stripWidth } from './rowPhase';
import { objectVisibility } from './visibility';

const provenance = { depthSource: 'synthetic ray-caster', objectsSource: 'synthetic boxes', createdAt: '2026-01-01T00:00:00Z', app: 'test' };

describe('rowPhase', () => {
  it('is 0 on dense depth, and lays the rows on the scan lines of sparse depth', () => {
    const W = 40, H = 40;
    const dense = new Float32Array(W * H).fill(3);
    expect(rowPhase(dense, W, 0, 5, 40, 40, 3)).toBe(0);
    for (const lines of [0, 1, 2]) {
      const sparse = dense.map((z, i) => (Math.floor(i / W) % 3 === lines ? z : 0));
      const ph = rowPhase(sparse, W, 0, 5, 40, 40, 3);
      expect((5 + ph) % 3).toBe(lines);
    }
    expect(rowPhase(dense, W, 0, 0, 40, 40, 1)).toBe(0);
  });
});

describe('sampling sparse depth', () => {
  const spec: SyntheticSceneSpec = {
    image: { width: 640, height: 480 },
    camera: { height: 1.6, pitchDeg: 4 },
    objects: [{ id: 'car', caption: 'car', parts: [{ center: [-1.2, 0.75, -7.5], size: [1.7, 1.5, 4.0] }] }],
  };
  const r = renderSyntheticScene(spec);
  for (const phase of [0, 1, 2]) {
    it(`a car 5.5 m away (its rear) from scan lines every 3 rows, starting at row ${phase}`, () => {
      const depth = { ...r.depth, data: r.depth.data.map((z, i) => (Math.floor(i / r.depth.width) % 3 === phase ? z : 0)) };
      const { scene } = buildScene({
        depth, intrinsics: r.intrinsics, intrinsicsSource: 'explicit', intrinsicsDetail: 'synthetic', rgb: r.rgb,
        objects: r.objects.map((o) => ({ id: o.id, caption: o.caption, box2d: o.box2d })), provenance,
      });
      const o = scene.objects[0], t = r.truth.boxes[0].aabb, seen = o.amodal!.visibleAabb;
      expect(o.flags).not.toContain('too-few-points');
      // what is seen of it: its rear face, across the view and up to its roof
      expect(Math.abs(seen.max[2] - t.max[2])).toBeLessThan(0.1);
      expect(Math.abs(seen.min[0] - t.min[0])).toBeLessThan(0.1);
      expect(Math.abs(seen.max[0] - t.max[0])).toBeLessThan(0.1);
      expect(Math.abs(seen.max[1] - t.max[1])).toBeLessThan(0.1);
    });
  }

  for (const phase of [0, 1, 2]) {
    it(`the end of an object hidden by a nearer one in its box is occluded, scan lines from row ${phase}`, () => {
      // 300 x 200 map: the object at 10 m over columns 150-279, rows 70-114, a person at 5 m in front of its
      // left part (60-149); the gap between the object's points and the box's left edge is sampled every 3 rows
      const W = 300, H = 200, data = new Float32Array(W * H);
      const pixels: number[] = [];
      for (let y = 0; y < H; y++)
        for (let x = 0; x < W; x++) {
          if (y % 3 !== phase) continue;
          const i = y * W + x;
          data[i] = x >= 60 && x < 150 && y >= 40 ? 5 : x >= 60 && x < 280 && y >= 70 && y < 115 ? 10 : 30;
          if (data[i] === 10 && x >= 150) pixels.push(i);
        }
      // the object's 2D box spans what is seen of it, left of the person too (a sliver at 60..64 hidden here)
      const v = objectVisibility({ depth: { width: W, height: H, data }, box: { x0: 60, y0: 70, x1: 280, y1: 115 }, pixels: Uint32Array.from(pixels), count: pixels.length, width: W, height: H });
      expect(v.left).toBe('occluded');
      expect(v.right).toBe('observed');
    });
  }
});

describe('outliers on sparse depth', () => {
  it("street 7: an end-on sedan's far, thinly scanned length stays the sedan's (masks)", () => {
    const { scene, truth } = buildBenchScene(7, 'masks');
    const o = scene.objects.find((q) => q.id === 'o1')!, t = truth('o1');
    // 3.92 m long along the line of sight; the dense maps' outlier ratio cut it to 2.96 m
    expect(Math.max(...o.amodal!.visibleObb.size)).toBeGreaterThan(3.6);
    expect(Math.hypot(o.obb.center[0] - t.obb.center[0], o.obb.center[2] - t.obb.center[2])).toBeLessThan(0.2);
  });
});

describe('stripWidth', () => {
  const W = 60, H = 60;
  const box = { x0: 20, y0: 20, x1: 40, y1: 31 };
  it('keeps the base width on dense depth, and widens to the next scan line on sparse depth', () => {
    const dense = new Float32Array(W * H).fill(4);
    for (let side = 0; side < 4; side++) expect(stripWidth(dense, W, H, box, side, 4, 12, 5)).toBe(4);
    // scan lines every 5 rows (0, 5, ... 30, 35): below the box (rows 31-34) none for 4 rows, the next at 35
    const lines = dense.map((z, i) => (Math.floor(i / W) % 5 === 0 ? z : 0));
    expect(stripWidth(lines, W, H, box, 3, 4, 12, 5)).toBe(5);
    // above it (rows 19 down to 16) none either, the next at 15
    expect(stripWidth(lines, W, H, box, 2, 4, 12, 5)).toBe(5);
    // beside it, the lines cross the strip: as it was
    expect(stripWidth(lines, W, H, box, 0, 4, 12, 5)).toBe(4);
  });
  it('stops at the most it may take, and at the image border', () => {
    const empty = new Float32Array(W * H);
    expect(stripWidth(empty, W, H, box, 3, 4, 12, 5)).toBe(12);
    expect(stripWidth(empty, W, H, { ...box, x0: 2 }, 0, 4, 12, 5)).toBe(4); // two columns to the border: no less than the base
    expect(stripWidth(empty, W, H, { ...box, y1: 55 }, 3, 4, 12, 5)).toBe(5); // five rows to the border
  });
});

describe("sides beside a nearer object in KITTI's LiDAR rows (scan lines every fifth row)", () => {
  it('street 39: a sedan seen past a van, 20 px of it, reads occluded where the van is and is completed', () => {
    // the strip beside its box, 3 px, held no scan line: every side read observed and the sedan stayed the
    // 0.5 m sliver seen, 1.76 m off
    const { o, centreErrorXZ } = benchObject(39, 'o0', 'boxes', KITTI_LIDAR);
    expect(o.amodal!.visibility.left).toBe('occluded');
    expect(centreErrorXZ).toBeLessThan(0.5);
  });
});

describe('rowGap', () => {
  const W = 50;
  const pixelsOf = (rows: number[], cols = 20) => Uint32Array.from(rows.flatMap((y) => Array.from({ length: cols }, (_, x) => y * W + 10 + x)));
  it('is 1 on a dense map and the scan lines\' spacing on a sparse one (the median step)', () => {
    const dense = pixelsOf(Array.from({ length: 30 }, (_, i) => 5 + i));
    expect(rowGap(dense, dense.length, W)).toBe(1);
    const every3 = pixelsOf([4, 7, 10, 13, 16, 19]);
    expect(rowGap(every3, every3.length, W)).toBe(3);
    const uneven = pixelsOf([2, 7, 12, 16, 21, 26, 40], 1);
    expect(rowGap(uneven, uneven.length, W)).toBe(5);
    expect(rowGap(new Uint32Array(0), 0, W)).toBe(1);
  });
});

describe('a top seen on scan lines', () => {
  // a walker 1.85 m tall, 20 m away, over a camera 1.6 m up: its top is the upper edge of its front face
  // (no top face to give the height), and scan lines every 5 rows stop short of it by 0-4 rows (3.6 cm each)
  const spec: SyntheticSceneSpec = {
    image: { width: 640, height: 480 },
    camera: { height: 1.6, pitchDeg: 2 },
    objects: [{ id: 'p', caption: 'pedestrian', parts: [{ center: [0.8, 0.925, -20], size: [0.6, 1.85, 0.5] }] }],
  };
  const r = renderSyntheticScene(spec);
  const top = (step: number, phase: number) => {
    const depth = { ...r.depth, data: r.depth.data.map((z, i) => (Math.floor(i / r.depth.width) % step === phase ? z : 0)) };
    const { scene } = buildScene({
      depth, intrinsics: r.intrinsics, intrinsicsSource: 'explicit', intrinsicsDetail: 'synthetic', rgb: r.rgb,
      objects: r.objects.map((o) => ({ id: o.id, caption: o.caption, box2d: o.box2d, mask: o.mask })), provenance,
    });
    return scene.objects[0].amodal!.visibleAabb.max[1];
  };
  it('is on average where every row puts it, whatever rows the scan lines fall on', () => {
    // every row: the last pixel centre under the edge (3 cm under the top at 20 m)
    const dense = top(1, 0);
    expect(Math.abs(dense - r.truth.boxes[0].aabb.max[1])).toBeLessThan(0.04);
    let sum = 0;
    for (let phase = 0; phase < 5; phase++) sum += top(5, phase);
    // the last scan line that hits is 2 rows (7 cm) under that on average
    expect(Math.abs(sum / 5 - dense)).toBeLessThan(0.015);
  });
});
