/**
 * Box-only objects seen in pieces: the pieces join (a bed frame's footboard and headboard), but not what
 * lies far behind in a loose box's margin.
 */
import { describe, expect, it } from 'vitest';
import { buildScene } from '../build/buildScene';
import type { Box2D } from '../scene/types';
import { benchObject, buildBenchScene } from '../testing/benchBuild';
import { KITTI_LIDAR } from '../testing/occlusionBench';
import { renderSyntheticScene, type SyntheticSceneSpec } from '../testing/syntheticScene';

const provenance = { depthSource: 'synthetic ray-caster', objectsSource: 'synthetic boxes', createdAt: '2026-01-01T00:00:00Z', app: 'test' };

function boxOnly(spec: SyntheticSceneSpec, boxes: Record<string, Box2D>) {
  const r = renderSyntheticScene(spec);
  const { scene } = buildScene({
    depth: r.depth, intrinsics: r.intrinsics, intrinsicsSource: 'explicit', intrinsicsDetail: 'synthetic', rgb: r.rgb,
    objects: r.objects.filter((o) => boxes[o.id]).map((o) => ({ id: o.id, caption: o.caption, box2d: boxes[o.id] })),
    provenance,
  });
  return { r, scene };
}

describe('chooseBoxCluster: objects in pieces', () => {
  it('a bed frame (footboard, headboard 1.9 m behind it against the wall) gets one box over both, not the wall', () => {
    const spec: SyntheticSceneSpec = {
      image: { width: 640, height: 480 },
      camera: { height: 1.5, pitchDeg: 20 },
      wall: { distance: 5.2 },
      objects: [{
        id: 'bed', caption: 'bed', parts: [
          { center: [0.2, 0.45, -3.2], size: [1.6, 0.9, 0.08] },
          { center: [0.2, 0.7, -5.1], size: [1.6, 1.4, 0.08] },
        ],
      }],
    };
    const { r, scene } = boxOnly(spec, { bed: renderSyntheticScene(spec).objects[0].box2d });
    const o = scene.objects[0], t = r.truth.boxes[0];
    const centre = Math.hypot(o.obb.center[0] - t.obb.center[0], o.obb.center[1] - t.obb.center[1], o.obb.center[2] - t.obb.center[2]);
    expect(centre).toBeLessThan(0.1);
    // which points joined: the visible box (the amodal one may be completed up to the wall)
    const seen = o.amodal!.visibleAabb;
    expect(seen.min[2]).toBeLessThan(-5.05); // the headboard joined
    expect(seen.min[2]).toBeGreaterThan(-5.19); // the wall did not
    expect(seen.max[2]).toBeGreaterThan(-3.25);
  });

  it('a cabinet in a loose box keeps out a lamp 2 m behind it that the box margin also holds', () => {
    const spec: SyntheticSceneSpec = {
      image: { width: 640, height: 480 },
      camera: { height: 1.5, pitchDeg: 15 },
      objects: [
        { id: 'cabinet', caption: 'cabinet', parts: [{ center: [0, 0.4, -2.5], size: [1, 0.8, 0.5] }] },
        // hanging, so nothing joins it to the floor; seen just above the cabinet's top
        { id: 'lamp', caption: 'lamp', parts: [{ center: [0.1, 1.25, -4.5], size: [0.6, 0.5, 0.5] }] },
      ],
    };
    const r0 = renderSyntheticScene(spec);
    const cab = r0.objects.find((o) => o.id === 'cabinet')!.box2d, lamp = r0.objects.find((o) => o.id === 'lamp')!.box2d;
    // the lamp lies inside the cabinet's columns, above it: a loose box around the cabinet holds it
    expect(lamp.x0).toBeGreaterThan(cab.x0);
    expect(lamp.x1).toBeLessThan(cab.x1);
    expect(lamp.y1).toBeLessThanOrEqual(cab.y0 + 2);
    const loose = { x0: cab.x0 - 4, y0: lamp.y0 - 4, x1: cab.x1 + 4, y1: cab.y1 + 4 };
    const { scene } = boxOnly(spec, { cabinet: loose });
    const o = scene.objects[0];
    // the lamp's points stay out of the visible box (the amodal one may add the cabinet's unseen back)
    expect(o.amodal!.visibleAabb.min[2]).toBeGreaterThan(-2.8);
    expect(o.aabb.max[1]).toBeLessThan(0.85);
  });
});

const street640 = (camera: SyntheticSceneSpec['camera'], objects: SyntheticSceneSpec['objects']): SyntheticSceneSpec => ({ image: { width: 640, height: 480 }, camera, objects });
/** Each object's visible 2D box, by id. */
const boxesOf = (spec: SyntheticSceneSpec): Record<string, Box2D> => Object.fromEntries(renderSyntheticScene(spec).objects.map((o) => [o.id, o.box2d]));

describe('chooseBoxCluster: an occluder whose own box holds this one', () => {
  it("a far car's box crossed by a near person (a larger box, so not cut out): the car's halves, not the person leaving the box below", () => {
    const spec = street640({ height: 1.6, pitchDeg: 3 }, [
      { id: 'car', caption: 'car', parts: [{ center: [0, 0.7, -15], size: [4, 1.4, 1.7] }] },
      { id: 'person', caption: 'person', parts: [{ center: [0.15, 0.765, -4.5], size: [0.45, 1.53, 0.35] }] },
    ]);
    const { car, person } = boxesOf(spec);
    const area = (b: Box2D) => (b.x1 - b.x0) * (b.y1 - b.y0);
    // the setting: the person's box is the larger, reaches below the car's and hides the car's right part up to its top row
    expect(area(person)).toBeGreaterThan(area(car));
    expect(person.y1).toBeGreaterThan(car.y1 + 20);
    expect(person.y0).toBeLessThanOrEqual(car.y0 + 1);
    expect(person.x0).toBeGreaterThan(car.x0 + 40);
    expect(person.x1).toBeLessThan(car.x1);
    const { r, scene } = boxOnly(spec, { car, person });
    const o = scene.objects.find((q) => q.id === 'car')!, t = r.truth.boxes.find((b) => b.id === 'car')!;
    expect(o.amodal!.visibleAabb.min[2]).toBeLessThan(-14); // the car's points, not the person's at 4.5 m
    expect(Math.hypot(o.obb.center[0] - t.obb.center[0], o.obb.center[2] - t.obb.center[2])).toBeLessThan(0.5);
  });

  it("a person whose head shows over a nearer pedestrian (LiDAR-sparse rows): the head, not the pedestrian's body that fills the rest of the box and goes on out of it into its own", () => {
    const spec = street640({ height: 1.7, pitchDeg: 3 }, [
      { id: 'far', caption: 'person', parts: [{ center: [0, 0.9, -11], size: [0.6, 1.8, 0.5] }] },
      { id: 'near', caption: 'pedestrian', parts: [{ center: [-0.16, 0.75, -6.5], size: [0.6, 1.5, 0.5] }] },
    ]);
    const r = renderSyntheticScene(spec);
    const { far, near } = boxesOf(spec);
    // the setting: the far person's box runs down past the head beside the near one, whose larger box goes on left and below
    expect(far.y1 - far.y0).toBeGreaterThan(60);
    expect(near.x0).toBeLessThan(far.x0 - 10);
    expect(near.y1).toBeGreaterThan(far.y1 + 30);
    // every third row, as a projected LiDAR scan
    const depth = { ...r.depth, data: r.depth.data.map((z, i) => (Math.floor(i / r.depth.width) % 3 === 0 ? z : 0)) };
    const { scene } = buildScene({
      depth, intrinsics: r.intrinsics, intrinsicsSource: 'explicit', intrinsicsDetail: 'synthetic', rgb: r.rgb,
      objects: r.objects.map((o) => ({ id: o.id, caption: o.caption, box2d: o.box2d })), provenance,
    });
    const o = scene.objects.find((q) => q.id === 'far')!;
    expect(o.amodal!.visibleAabb.max[2]).toBeLessThan(-10.5); // the head at 10.75 m, not the body at 6.25 m
  });
});

/** A seeded occlusion-benchmark scene with its objects given as 2D boxes only, and each object's centre error across the floor. */
function benchBoxOnly(seed: number) {
  const { scene, truth } = buildBenchScene(seed, 'boxes');
  const centreError = (id: string) => {
    const o = scene.objects.find((q) => q.id === id)!, t = truth(id);
    return Math.hypot(o.obb.center[0] - t.obb.center[0], o.obb.center[2] - t.obb.center[2]);
  };
  return { scene, centreError };
}

describe('chooseBoxCluster and cut-outs on occlusion-benchmark scenes', () => {
  it("room 124: a chair 5 m away seen over a chest of drawers 1.3 m away whose top fills the chair's box", () => {
    const { scene, centreError } = benchBoxOnly(124);
    // the chest's cluster is over ten times the chair's in the chair's box; the chair's is still found (at the
    // chest's depth it was 3.95 m off). Its first-pass samples fall under the 30 a box of its own needs (with
    // its 2D box shrunk by 3% they reached it: 0.05 m), so it stands at their depth (0.65 m)
    expect(centreError(scene.objects.find((o) => o.caption === 'chair')!.id)).toBeLessThan(0.7);
  });
  it("street 99: a car 6.7 m away keeps its far end inside the box of a van 20 m away (67% inside the car's): only what is at the van's depth is cut out", () => {
    const { scene, centreError } = benchBoxOnly(99);
    expect(Math.max(...scene.objects.find((o) => o.id === 'o2')!.amodal!.visibleObb.size)).toBeGreaterThan(3); // 3.38 m long, seen at 38 degrees
    expect(centreError('o2')).toBeLessThan(0.3);
  });
  it('street 65: a cyclist 26 m away, 26 LiDAR returns past a near cyclist whose box holds its box, is placed at their depth', () => {
    const { scene, centreError } = benchBoxOnly(65);
    // with the specks of its far side it has the 30 points a box of its own needs (before them it stood at the
    // 26 returns' depth, 0.40 m off; at the near cyclist's depth it was 20.8 m off)
    expect(scene.objects.find((o) => o.id === 'o1')!.flags).not.toContain('too-few-points');
    expect(centreError('o1')).toBeLessThan(0.3);
  });
});

describe("box-only objects in KITTI's LiDAR rows (scan lines every fifth row)", () => {
  it("street 195: a sedan 22 m away whose box's bottom-left a nearer car's larger box runs on below: its own returns, not the car's", () => {
    // the band under the sedan's box (4 rows) fell between two scan lines, so the car's points in the box
    // seemed to stop at its edge and, nearest and best fitting, were taken: the sedan stood 11.6 m off, on the car
    const { o, t } = benchObject(195, 'o3', 'boxes', KITTI_LIDAR);
    expect(o.amodal!.visibleAabb.min[2]).toBeLessThan(-18); // the car is at 11.5 m
    expect(Math.hypot(o.obb.center[0] - t.obb.center[0], o.obb.center[2] - t.obb.center[2])).toBeLessThan(2);
  });
  it('street 71: a van 7.8 m away behind a nearer sedan that splits its back in three stays one object', () => {
    // the clustering's voxel follows the share of the box's samples with depth: counted over 4000 of the
    // box's 17,000 grid positions, it read 0.35 for 0.08, the voxels were too small to join the three
    // pieces across the scan lines, and the sedan's roof, nearest and largest, was taken (3.1 m off)
    const { o, t } = benchObject(71, 'o0', 'boxes', KITTI_LIDAR);
    expect(o.amodal!.visibleAabb.max[2]).toBeLessThan(-6.5); // the sedan's roof reaches to 3 m
    expect(Math.hypot(o.obb.center[0] - t.obb.center[0], o.obb.center[2] - t.obb.center[2])).toBeLessThan(0.3);
  });
  it("street 177: a van 13.5 m away whose box lies inside a near cyclist's is cut out only at the van's depth", () => {
    // the cyclist's box, half rider at 4.9 m and half van, had a sampled median of 5.3 m (all its pixels':
    // 10.8), so the van seemed no farther than the cyclist and its whole box, the rider's torso with it, was
    // cut out: the cyclist was its bicycle, 0.99 m tall of 1.83
    const { o, centreErrorXZ } = benchObject(177, 'o4', 'boxes', KITTI_LIDAR);
    expect(o.obb.size[1]).toBeGreaterThan(1.7);
    expect(centreErrorXZ).toBeLessThan(0.1);
  });
});

describe('a side face at a grazing angle on sparse depth, in specks', () => {
  it('street 25: a sedan end-on 10 m away keeps the specks of its side face and is as long as seen', () => {
    // scan lines every third row cross the face at columns of their own, each pixel 0.17 m of its depth:
    // clusters of 2-19 points, too small to join one by one; without them the sedan was its back, 0.54 m off
    const { o, centreErrorXZ } = benchObject(25, 'o4', 'boxes');
    expect(o.amodal!.visibleObb.size[2]).toBeGreaterThan(2);
    expect(centreErrorXZ).toBeLessThan(0.15);
  });
  it("street 307 in KITTI's rows: a van end-on 16 m away, 9 degrees off its side, is its back and its side", () => {
    // as its back alone (0.07 m deep) its length was put across the view, 2.18 m off
    const { o, centreErrorXZ } = benchObject(307, 'o4', 'boxes', KITTI_LIDAR);
    expect(Math.max(o.amodal!.visibleObb.size[0], o.amodal!.visibleObb.size[2])).toBeGreaterThan(4);
    expect(centreErrorXZ).toBeLessThan(0.3);
  });
});
