/**
 * Each objects3d phase alone, on the ray-cast sample room with the true canonical frame (so a phase's
 * output can be checked against the exact boxes without the earlier stages' errors).
 */
import { describe, expect, it } from 'vitest';
import type { CanonicalFrame } from '../scene/types';
import { renderSyntheticScene, sampleRoomSpec } from '../testing/syntheticScene';
import { fallbackBox, fitObjectBox } from './objectBox';
import { chooseObjectClusters, clusterVoxelSize } from './objectClusters';
import { objectEnv } from './objectEnv';
import { gatherObjectPoints } from './objectPoints';
import { objectRegion, pixelSelector, type ObjectInput } from './objectRegion';
import { dropSamples, sampleObject } from './objectSample';
import { removeSupportAndWalls } from './objectSurfaces';

const r = renderSyntheticScene(sampleRoomSpec());
const { rotation, translation } = r.truth.cameraToCanonical;
const frame: CanonicalFrame = { rotation, translation, plane: null, cameraHeight: r.truth.cameraHeight, confidence: 'high', method: 'support-plane' };
const env = objectEnv({ depth: r.depth, intrinsics: r.intrinsics, frame });
const truth = (id: string) => r.truth.boxes.find((b) => b.id === id)!;
const masked = (id: string): ObjectInput => {
  const o = r.objects.find((q) => q.id === id)!;
  return { id, caption: o.caption, box2d: o.box2d, mask: o.mask };
};
const boxOnly = (id: string): ObjectInput => ({ ...masked(id), mask: undefined });
const inside = (p: [number, number, number], id: string, tol: number) => {
  const t = truth(id).aabb;
  return [0, 1, 2].every((a) => p[a] >= t.min[a] - tol && p[a] <= t.max[a] + tol);
};

describe('objects3d phases', () => {
  it('objectRegion: a mask sets the region to its bounds; a smaller box inside a box-only one is cut out', () => {
    const cube = masked('cube');
    const reg = objectRegion(env, cube, [cube]);
    expect(reg.region).toEqual({ x0: Math.floor(cube.box2d.x0), y0: Math.floor(cube.box2d.y0), x1: Math.ceil(cube.box2d.x1), y1: Math.ceil(cube.box2d.y1) });
    expect(reg.area).toBeGreaterThan(100);
    const big: ObjectInput = { id: 'big', caption: 'big', box2d: { x0: 100, y0: 100, x1: 400, y1: 400 } };
    const small: ObjectInput = { id: 'small', caption: 'small', box2d: { x0: 150, y0: 150, x1: 200, y1: 200 } };
    const br = objectRegion(env, big, [big, small]);
    expect(br.excl).toEqual([{ x0: 150, y0: 150, x1: 200, y1: 200 }]);
    const sel = pixelSelector(br, env.depth, false);
    expect(sel(160, 160)).toBe(false);
    expect(sel(300, 300)).toBe(true);
    expect(br.area).toBe(300 ** 2 - 50 * 50); // the whole box (no shrink by default), less the cut-out
  });

  it('sampleObject: about maxPoints points, all on the masked object; dropSamples compacts', () => {
    const s = sampleObject(env, objectRegion(env, masked('crate'), []));
    expect(s.n).toBeGreaterThan(0.5 * env.maxPoints);
    expect(s.n).toBeLessThan(2 * env.maxPoints);
    for (let k = 0; k < s.n; k++) expect(inside([s.pts[k * 3], s.pts[k * 3 + 1], s.pts[k * 3 + 2]], 'crate', 0.02)).toBe(true);
    const n0 = s.n, keepFirst = s.spix[0];
    dropSamples(s, (k) => k % 2 === 1);
    expect(s.n).toBe(Math.ceil(n0 / 2));
    expect(s.spix[0]).toBe(keepFirst);
  });

  it('removeSupportAndWalls: box only, no floor-band point survives; with a mask nothing is dropped', () => {
    const obj = boxOnly('cube');
    const s = sampleObject(env, objectRegion(env, obj, []));
    const surf = removeSupportAndWalls(env, s, true, { walls: null });
    expect(surf.bandY).toBeGreaterThanOrEqual(0.03);
    for (let k = 0; k < s.n; k++) expect(s.pts[k * 3 + 1]).toBeGreaterThanOrEqual(surf.bandY);
    const m = sampleObject(env, objectRegion(env, masked('cube'), []));
    const n = m.n;
    expect(removeSupportAndWalls(env, m, false, { walls: null })).toEqual({ bandY: -Infinity, walls: [] });
    expect(m.n).toBe(n);
  });

  it('clusterVoxelSize: the spacing of samples far beyond the box (a road running to the horizon) does not set the voxel', () => {
    const s = sampleObject(env, objectRegion(env, boxOnly('crate'), []));
    const voxel = clusterVoxelSize(env, s);
    expect(voxel).toBeLessThan(0.2);
    // a third of the pairs on a surface 900 m away, 15 m apart (as a ray-cast ground plane near the horizon gives)
    const extra = Math.ceil(s.pairD.length / 2);
    for (let k = 0; k < extra; k++) { s.pairD.push(15); s.pairDist.push(900); }
    expect(clusterVoxelSize(env, s)).toBeCloseTo(voxel, 9);
  });

  it('chooseObjectClusters, gatherObjectPoints, fitObjectBox: a box-only crate comes out within 5 cm', () => {
    const obj = boxOnly('crate');
    const reg = objectRegion(env, obj, []);
    const s = sampleObject(env, reg);
    const surf = removeSupportAndWalls(env, s, true, { walls: null });
    expect(clusterVoxelSize(env, s)).toBeGreaterThanOrEqual(env.clusterVoxel);
    const sel = chooseObjectClusters(env, s, reg, surf, obj.box2d);
    expect(sel).not.toBeNull();
    expect(sel!.firstPassKept).toBeGreaterThanOrEqual(env.minPoints);
    const pts = gatherObjectPoints(env, reg, sel, surf);
    expect(pts.count).toBeGreaterThan(sel!.firstPassKept);
    for (let k = 0; k < pts.count; k += 7) expect(inside([pts.points[k * 3], pts.points[k * 3 + 1], pts.points[k * 3 + 2]], 'crate', 0.05)).toBe(true);
    const box = fitObjectBox(env, pts, obj.box2d, { boxOnly: true, bandY: surf.bandY, firstPassKept: sel!.firstPassKept, sampleCount: s.n, flags: [], lineFootprint: false });
    const t = truth('crate').obb.center;
    expect(Math.hypot(box.obb.center[0] - t[0], box.obb.center[1] - t[1], box.obb.center[2] - t[2])).toBeLessThan(0.05);
    expect(box.confidence).toBeGreaterThan(0);
    expect(box.confidence).toBeLessThanOrEqual(0.7);
  });

  it('gatherObjectPoints without a selection is empty; fallbackBox back-projects the 2D box and flags it', () => {
    const obj = masked('cube');
    const reg = objectRegion(env, obj, []);
    const s = sampleObject(env, reg);
    expect(gatherObjectPoints(env, reg, null, { bandY: -Infinity, walls: [] }).count).toBe(0);
    const flags: ('too-few-points' | 'no-valid-depth')[] = [];
    const fb = fallbackBox(env, s, obj.box2d, { pixels: new Uint32Array(0), count: 0 }, flags, { value: null });
    expect(flags).toEqual(['too-few-points']);
    expect(fb.confidence).toBe(0);
    const t = truth('cube').obb;
    expect(Math.abs(fb.obb.size[0] - t.size[0])).toBeLessThan(0.25); // rough by design: the 2D box at the front depth
    expect(Math.hypot(fb.centroid[0] - t.center[0], fb.centroid[2] - t.center[2])).toBeLessThan(0.4);
  });

  it('fallbackBox stands at the depth of the few points the cluster choice kept, not at the box median (a far object seen past a near one)', () => {
    const obj = boxOnly('cube');
    const reg = objectRegion(env, obj, []);
    const s = sampleObject(env, reg);
    // a dozen pixels of the wall behind, inside the cube's box: as if they were all that was left of a far object
    const W = r.depth.width, b = obj.box2d, behind = -truth('cube').obb.center[2] + 1;
    const far: number[] = [];
    for (let y = Math.floor(b.y0); y < b.y1 && far.length < 12; y++)
      for (let x = Math.floor(b.x0); x < b.x1 && far.length < 12; x++) if (r.depth.data[y * W + x] > behind) far.push(y * W + x);
    expect(far.length).toBe(12);
    const wallZ = [...far].map((p) => r.depth.data[p]).sort((p, q) => p - q)[6];
    const fb = fallbackBox(env, s, obj.box2d, { pixels: Uint32Array.from(far), count: far.length }, [], { value: null });
    const boxOnlyFb = fallbackBox(env, s, obj.box2d, { pixels: new Uint32Array(0), count: 0 }, [], { value: null });
    const camDist = (p: number[]) => Math.hypot(p[0] - translation[0], p[1] - translation[1], p[2] - translation[2]);
    expect(Math.abs(camDist(fb.centroid) - wallZ)).toBeLessThan(0.3 * wallZ);
    expect(camDist(fb.centroid)).toBeGreaterThan(camDist(boxOnlyFb.centroid) + 0.5);
    expect(fb.confidence).toBe(0.1);
  });
});
