/**
 * Box-only objects that overlap in the image (no masks: all the scene's 2D boxes are known together):
 * an ottoman in front of a bed, a night stand half hidden behind the bed's corner.
 */
import { describe, expect, it } from 'vitest';
import { buildScene } from '../build/buildScene';
import { benchObject } from '../testing/benchBuild';
import { cutOutBoxes } from './objectRegion';
import { renderSyntheticScene, type SyntheticSceneSpec } from '../testing/syntheticScene';

const provenance = { depthSource: 'synthetic ray-caster', objectsSource: 'synthetic boxes', createdAt: '2026-01-01T00:00:00Z', app: 'test' };

const spec: SyntheticSceneSpec = {
  image: { width: 640, height: 480 },
  camera: { height: 1.5, pitchDeg: 22 },
  wall: { distance: 6.2 },
  objects: [
    { id: 'bed', caption: 'bed', parts: [{ center: [0.3, 0.3, -4.6], size: [1.8, 0.6, 2.2], color: [200, 200, 220] }, { center: [0.3, 0.6, -5.65], size: [1.8, 1.2, 0.1], color: [120, 90, 60] }] },
    { id: 'ottoman', caption: 'ottoman', parts: [{ center: [0.3, 0.22, -3.15], size: [1.4, 0.44, 0.5], color: [90, 60, 120] }] },
    { id: 'night-stand', caption: 'night stand', parts: [{ center: [1.55, 0.3, -5.3], size: [0.5, 0.6, 0.45], color: [150, 110, 70] }] },
  ],
};

describe('box-only objects among overlapping boxes', () => {
  // Without the nested-box cut-out and the leak test the bed and the night stand came out 106 and 90 cm
  // off (the bed took the ottoman, the night stand took the bed). The bed then came out 18.7 cm off: it
  // took the wall behind its headboard, and the ottoman's top, whose box is only 59% inside the bed's (so
  // not cut out as nested); with the walls set aside and the overlap of a smaller box in front cut out,
  // 5.6 cm. The ottoman (9 cm) takes a sliver of the bed's edge beside it, the night stand (16 cm) a
  // sliver of the bed's corner.
  it('bed behind an ottoman and a night stand behind the bed: bed within 10 cm, the others 20 cm', () => {
    const r = renderSyntheticScene(spec);
    const { scene } = buildScene({
      depth: r.depth, intrinsics: r.intrinsics, intrinsicsSource: 'explicit', intrinsicsDetail: 'synthetic', rgb: r.rgb,
      objects: r.objects.map((o) => ({ id: o.id, caption: o.caption, box2d: o.box2d })),
      provenance,
    });
    const rows: string[] = [];
    const errs: Record<string, number> = {};
    for (const o of scene.objects) {
      const t = r.truth.boxes.find((b) => b.id === o.id)!;
      const e = Math.hypot(o.obb.center[0] - t.obb.center[0], o.obb.center[1] - t.obb.center[1], o.obb.center[2] - t.obb.center[2]);
      errs[o.id] = e;
      rows.push(`${o.id.padEnd(12)} centre err ${(e * 100).toFixed(1)} cm  ours ${o.aabb.min.map((v) => v.toFixed(2))} .. ${o.aabb.max.map((v) => v.toFixed(2))}  true ${t.aabb.min.map((v) => v.toFixed(2))} .. ${t.aabb.max.map((v) => v.toFixed(2))}`);
    }
    console.log(`[box-only clutter]\n${rows.join('\n')}`);
    for (const [id, e] of Object.entries(errs)) expect(e, id).toBeLessThan(id === 'bed' ? 0.1 : 0.2);
  });
});

describe('box-only object against what stands behind it', () => {
  // The ottoman's right end is lower, so the footboard shows above it inside the ottoman's box, 4-9 cm
  // behind: one voxel cluster with it. The footboard goes on outside the box (right and top): its face is
  // cut away where it is inside. Before, the box took it: x up to 1.11 m (truth 0.95), z 4-9 cm too deep.
  for (const gap of [0.04, 0.09]) {
    it(`an ottoman ${gap * 100} cm in front of a footboard: the footboard's face inside its box is not the ottoman`, () => {
      const r = renderSyntheticScene({
        image: { width: 640, height: 480 },
        camera: { height: 1.3, pitchDeg: 18 },
        wall: { distance: 6 },
        objects: [
          { id: 'ottoman', caption: 'ottoman', parts: [{ center: [0, 0.25, -2.6], size: [0.9, 0.5, 0.5] }, { center: [0.7, 0.15, -2.6], size: [0.5, 0.3, 0.5] }] },
          { id: 'footboard', caption: 'footboard', parts: [{ center: [0.5, 0.45, -2.85 - gap - 0.05], size: [2.4, 0.9, 0.1] }] },
        ],
      });
      const o = r.objects.find((x) => x.id === 'ottoman')!;
      const { scene } = buildScene({
        depth: r.depth, intrinsics: r.intrinsics, intrinsicsSource: 'explicit', intrinsicsDetail: 'synthetic', rgb: r.rgb,
        objects: [{ id: o.id, caption: o.caption, box2d: o.box2d }],
        provenance,
      });
      const ours = scene.objects[0].aabb, truth = r.truth.boxes.find((b) => b.id === 'ottoman')!.aabb;
      for (let a = 0; a < 3; a++) {
        expect(Math.abs(ours.min[a] - truth.min[a]), `min ${a}`).toBeLessThan(0.03);
        expect(Math.abs(ours.max[a] - truth.max[a]), `max ${a}`).toBeLessThan(0.03);
      }
    });
  }
});

describe('a smaller object seen inside a box', () => {
  it('street 23: a cyclist 11 m away inside the corner of a car 16 m away is not a piece of the car (2D boxes)', () => {
    const { o, t, centreErrorXZ } = benchObject(23, 'o3', 'boxes');
    // the cyclist's box overlaps the car's by 18% of its own (not cut out as an occluder); joined as a piece
    // of the car, it pulled the car 2.6 m towards it (1.36 m centre error)
    expect(o.amodal!.visibleAabb.max[0]).toBeLessThan(t.aabb.max[0] + 0.1);
    expect(centreErrorXZ).toBeLessThan(0.1);
  });
  it("street 177: a far van's box wholly inside a near cyclist's takes only what is at the van's depth (2D boxes)", () => {
    const { o, t } = benchObject(177, 'o4', 'boxes');
    // the van's box (15 m off) covers the rider's torso (5 m); cut out whole, the rider was lost: 1.03 m tall for 1.83
    expect(o.obb.size[1]).toBeGreaterThan(0.95 * t.obb.size[1]);
    expect(Math.hypot(o.obb.center[0] - t.obb.center[0], o.obb.center[1] - t.obb.center[1], o.obb.center[2] - t.obb.center[2])).toBeLessThan(0.1);
  });
});

describe('cut-out boxes', () => {
  // a 100 x 100 map: the outer object's box at 5 m; a smaller box wholly inside it
  const map = (inner: number) => {
    const data = new Float32Array(100 * 100).fill(5);
    for (let y = 20; y < 40; y++) for (let x = 20; x < 60; x++) data[y * 100 + x] = x < 35 ? 5 : inner;
    return { width: 100, height: 100, data };
  };
  const outer = { id: 'a', caption: 'cyclist', box2d: { x0: 0, y0: 0, x1: 100, y1: 100 } };
  const inner = { id: 'b', caption: 'van', box2d: { x0: 20, y0: 20, x1: 60, y1: 40 } };
  it('a box wholly inside whose depth is mostly farther is behind: only what is beyond the midway depth is cut', () => {
    const [cut] = cutOutBoxes([outer, inner], outer, 1, 1, map(15));
    expect(cut.zMin).toBeCloseTo(10, 6);
  });
  it('a box wholly inside at the same depth (a mug on a table) is cut whole', () => {
    const [cut] = cutOutBoxes([outer, inner], outer, 1, 1, map(5.1));
    expect(cut.zMin).toBeUndefined();
    expect(cut).toEqual({ x0: 20, y0: 20, x1: 60, y1: 40 });
  });
});

describe('the support under a box', () => {
  it("street 9: the road's noise above the floor band beside an end-on car does not widen it (2D boxes)", () => {
    const { o, t, centreErrorXZ } = benchObject(9, 'o3', 'boxes');
    // 8 road points 3-4 cm up (the band ends at 3 cm), 10-50 cm beside the car, made it 1.99 x 5.03 m for 1.64 x 4.47
    const [w, , l] = o.amodal!.visibleObb.size;
    expect(Math.max(w, l)).toBeLessThan(t.obb.size[0] * 1.05);
    expect(Math.min(w, l)).toBeLessThan(t.obb.size[2] * 1.05);
    expect(centreErrorXZ).toBeLessThan(0.1);
  });
});

/** Benchmark cases (2D boxes) whose box centre a box-only rule brought within 20 cm, and what it was before. */
const WITHIN_20_CM = [
  // the chair's seat, at the chest's depth in the 7 columns where their boxes overlap, continued the chest's
  // rows (64 of its points, 30-45 cm outside it): 0.32 m off; now the walks stop at the chair's box
  { seed: 24, id: 'o0', what: "room 24: a chest of drawers' surfaces are not walked on into the chair's box beside it" },
  // lone pixels among excluded ones (no gathered neighbour, depth all round) set its sides: 0.36 m off
  { seed: 164, id: 'o0', what: 'room 164: a chest of drawers does not keep lone pixels of what stands around it' },
  // the LiDAR row over its top is its own small cluster (23 points beside 961): under the dense maps' 10%
  // floor they were left out, and the car was completed from its near part alone (0.41 m off)
  { seed: 193, id: 'o0', what: 'street 193: a car cut by the border keeps the scan lines across it as pieces' },
];

describe('box-only rules on benchmark cases', () => {
  for (const c of WITHIN_20_CM)
    it(`${c.what} (2D boxes)`, () => expect(benchObject(c.seed, c.id, 'boxes').centreErrorXZ).toBeLessThan(0.2));
});
