import { describe, expect, it } from 'vitest';
import type { ObjectVisibility, OBB } from '../scene/types';
import { aabbOfObb, completeAmodal } from './amodal';
import { categoryPrior, standsOnFloor } from './categoryPriors';
import { objectVisibility } from './visibility';
import type { Vec3 } from './vec';

const seen: ObjectVisibility = { left: 'observed', right: 'observed', top: 'observed', bottom: 'observed', near: 'observed', far: 'self-hidden' };
type Extra = { focalPx?: number; hasSupport?: boolean; boxFoot?: number; boxReach?: number; walls?: { normal: [number, number, number]; d: number }[]; freeSpace?: (p: Vec3) => boolean; edgeReach?: [number, number] };
const complete = (obb: OBB, caption: string, visibility: Partial<ObjectVisibility> = {}, extra: Extra = {}) =>
  completeAmodal({
    visibleAabb: aabbOfObb(obb), visibleObb: obb, visibility: { ...seen, ...visibility }, caption, camera: [0, 1.5, 0],
    hasSupport: extra.hasSupport ?? true, boxFoot: extra.boxFoot ?? Infinity, walls: extra.walls ? () => extra.walls! : undefined,
    boxReach: extra.boxReach === undefined ? undefined : () => extra.boxReach!, freeSpace: extra.freeSpace, focalPx: extra.focalPx,
    edgeReach: extra.edgeReach ? () => extra.edgeReach! : undefined,
  });

describe('category priors', () => {
  it('reach the published table through the caption head noun', () => {
    expect(categoryPrior('night stand')?.category).toBe('night_stand');
    expect(categoryPrior('wooden nightstands')?.category).toBe('night_stand');
    expect(categoryPrior('chest of drawers')?.category).toBe('dresser');
    expect(categoryPrior('red car')?.category).toBe('Car');
    expect(categoryPrior('person')?.category).toBe('Pedestrian');
    expect(categoryPrior('dresser mirror')).toBeNull(); // a mirror, not a dresser
    expect(categoryPrior('lamp on the table')).toBeNull(); // a lamp
    expect(categoryPrior('carpet')).toBeNull(); // no word match inside a word
    expect(categoryPrior('kitchen cabinet')?.source).toMatch(/ScanNet/);
    expect(categoryPrior('bedside cabinet')?.category).toBe('night_stand'); // the longer phrase first
    expect(categoryPrior('trash can')?.category).toBe('garbagebin');
    expect(categoryPrior('recycle_bin')?.category).toBe('garbagebin'); // SUN RGB-D's class name
    expect(categoryPrior('door')).toBeNull(); // ScanNet's axis-aligned door boxes are half a metre deep: left out
    const car = categoryPrior('car')!;
    expect([car.long, car.short, car.height].map((v) => Math.round(v * 100))).toEqual([388, 163, 153]);
  });
  it('say what stands on the floor: a grounded category, a floor-standing modifier, or "on the floor"', () => {
    for (const c of ['sofa', 'red car', 'floor lamp', 'tall standing fan', 'freestanding mirror', 'lamp on the floor', 'box on the ground'])
      expect(standsOnFloor(c), c).toBe(true);
    for (const c of ['lamp', 'lamp on the table', 'ceiling lamp above the floor', 'floor', 'cup', 'painting'])
      expect(standsOnFloor(c), c).toBe(false);
  });
});

describe('amodal completion', () => {
  it('a car seen end-on (its back face only) gets the published length, growing away from the camera', () => {
    const r = complete({ center: [0, 0.76, -10], size: [1.6, 1.5, 0.1], yaw: 0 }, 'car');
    expect(r.info.estimated).toEqual([null, null, 'category-prior']);
    expect(r.obb.size[2]).toBeCloseTo(3.883, 2);
    expect(r.obb.center[2]).toBeCloseTo(-10 - (3.883 - 0.1) / 2, 2);
    expect(r.info.prior).toMatch(/Car \(KITTI/);
    expect(r.info.spread[2]).toBeGreaterThan(0);
  });
  it('seen at 45 degrees both sides show: nothing is estimated', () => {
    const r = complete({ center: [0, 0.76, -10], size: [3.9, 1.5, 1.6], yaw: Math.PI / 4 }, 'car');
    expect(r.info.estimated).toEqual([null, null, null]);
    expect(r.obb.size).toEqual([3.9, 1.5, 1.6]);
  });
  it("the axis-aligned box holds the turned box's hidden far corner, as an annotated box does", () => {
    // seen at 45 degrees the points' own axis-aligned box stops at the two visible faces; the far corner is the object's too
    const obb: OBB = { center: [0, 0.76, -10], size: [3.9, 1.5, 1.6], yaw: Math.PI / 4 };
    const pointsBox = { min: [-1.4, 0, -11.4] as [number, number, number], max: [1.4, 1.5, -9.3] as [number, number, number] };
    const r = completeAmodal({
      visibleAabb: pointsBox, visibleObb: obb, visibility: seen, caption: 'car', camera: [0, 1.5, 0], hasSupport: true, boxFoot: Infinity,
    });
    expect(r.aabb).toEqual(aabbOfObb(r.obb));
    expect(r.aabb.min[2]).toBeLessThan(pointsBox.min[2] - 0.5);
  });
  it('a bed whose headboard end is out of view gets the published height; seen whole, its low part stays low', () => {
    // the base of a bed (0.5 m of its 0.93 m) runs out of the image on the right, where the headboard is
    const base: OBB = { center: [1, 0.25, -4], size: [1.5, 0.5, 1.6], yaw: 0 };
    const cut = complete(base, 'bed', { right: 'border-cut' });
    expect(cut.info.estimated[1]).toBe('category-prior');
    expect(cut.obb.size[1]).toBeCloseTo(categoryPrior('bed')!.height, 2);
    expect(cut.obb.center[1] - cut.obb.size[1] / 2).toBeCloseTo(0, 6); // it still stands on the floor
    // nothing out of view: what is seen is the bed
    expect(complete(base, 'bed').obb.size[1]).toBe(0.5);
    // within 3 spreads of the category's height, an end out of view says nothing about it
    const low: OBB = { ...base, center: [1, 0.35, -4], size: [1.5, 0.7, 1.6] };
    expect(complete(low, 'bed', { right: 'border-cut' }).obb.size[1]).toBe(0.7);
  });
  it('with no category, a bottom cut by the image edge reaches the floor only when what is missing is no taller than the object is wide', () => {
    // an ottoman, 0.7 m wide, seen from 0.27 m up: it stands on the floor
    const ottoman = complete({ center: [0, 0.39, -1.5], size: [0.7, 0.24, 0.57], yaw: 0 }, 'ottoman', { bottom: 'border-cut' });
    expect(ottoman.info.estimated[1]).toBe('support-contact');
    expect(ottoman.obb.center[1] - ottoman.obb.size[1] / 2).toBeCloseTo(0, 6);
    // a cup 8 cm wide, its bottom cut 0.75 m up (on a table out of view): left as seen
    const cup = complete({ center: [0, 0.8, -0.6], size: [0.08, 0.1, 0.08], yaw: 0 }, 'cup', { bottom: 'border-cut' });
    expect(cup.info.estimated[1]).toBeNull();
    expect(cup.obb.size[1]).toBeCloseTo(0.1, 6);
    // a floor lamp (no published size) whose pole a nearer sofa hides: it stands on the floor, as its name says
    const lamp = { center: [0, 1.04, -2.9], size: [0.47, 0.98, 0.47], yaw: 0 } as OBB;
    const floorLamp = complete(lamp, 'floor lamp', { bottom: 'occluded' });
    expect(floorLamp.info.estimated[1]).toBe('support-contact');
    expect(floorLamp.obb.center[1] - floorLamp.obb.size[1] / 2).toBeCloseTo(0, 6);
    expect(complete(lamp, 'lamp', { bottom: 'occluded' }).obb.size[1]).toBeCloseTo(0.98, 6); // a lamp may be on a table
    // no support plane found: nothing to stand on
    expect(complete({ center: [0, 0.39, -1.5], size: [0.7, 0.24, 0.57], yaw: 0 }, 'ottoman', { bottom: 'border-cut' }, { hasSupport: false }).obb.size[1]).toBeCloseTo(0.24, 6);
  });
  it('a van across the view, cut by the left edge: its end face, 64 columns wide at 19 degrees, shows the width, so the length goes across', () => {
    const van: OBB = { center: [-2.31, 1.01, -5.15], size: [1.28, 2.09, 1.97], yaw: 0.08 };
    const prior = categoryPrior('van')!;
    const r = complete(van, 'van', { left: 'border-cut' }, { focalPx: 550 });
    expect(r.info.estimated[2]).toBeNull();
    expect(r.obb.size[2]).toBeCloseTo(1.97, 6);
    expect(r.obb.size[0]).toBeCloseTo(prior.long, 2);
    expect(r.obb.center[0]).toBeLessThan(van.center[0] - 1); // towards the cut edge
    // by the angle alone (under 20 degrees) the end face showed nothing, and the length went along the line of sight
    const byAngle = complete(van, 'van', { left: 'border-cut' });
    expect(byAngle.obb.size[2]).toBeCloseTo(prior.long, 2);
  });
  it("a bed seen over its headboard grows away: the space the camera saw over the low base is no reason to turn", () => {
    // the headboard (1 m) hides the base (0.55 m): above the base, behind the headboard, the camera saw the wall
    const headboard: OBB = { center: [0, 0.5, -2.7], size: [1.6, 1.0, 0.08], yaw: 0 };
    const overBase = (p: Vec3) => p[2] < -2.74 && p[1] > 0.6;
    const r = complete(headboard, 'bed', {}, { freeSpace: overBase });
    expect(r.info.estimated[2]).toBe('category-prior');
    expect(r.obb.center[2]).toBeLessThan(headboard.center[2] - 0.5);
  });
  it('a person keeps the depth seen, unless it is too thin for a person (a flat front): then the prior side the width does not match', () => {
    const prior = categoryPrior('pedestrian')!;
    // seen from the front, as wide as the shoulders (the prior's shorter side): the hidden depth is the stride
    const front = complete({ center: [0, 0.88, -12], size: [0.7, 1.76, 0.08], yaw: 0 }, 'pedestrian');
    expect(front.info.estimated[2]).toBe('category-prior');
    expect(front.obb.size[2]).toBeCloseTo(prior.long, 2);
    expect(front.obb.center[2]).toBeLessThan(-12); // away from the camera
    // seen from the side, as wide as a stride: the hidden depth is the shoulders
    const side = complete({ center: [0, 0.88, -12], size: [0.9, 1.76, 0.08], yaw: 0 }, 'pedestrian');
    expect(side.obb.size[2]).toBeCloseTo(prior.short, 2);
    // a figure narrower than any side of the category (0.4 m): nothing says which way it faces, the shorter side
    const narrow = complete({ center: [0, 0.88, -12], size: [0.4, 1.76, 0.08], yaw: 0 }, 'pedestrian');
    expect(narrow.obb.size[2]).toBeCloseTo(prior.short, 2);
    // 0.45 m of a body seen (the fixtures' KITTI pedestrian): left as seen
    const body = complete({ center: [0, 0.88, -12], size: [0.7, 1.76, 0.45], yaw: 0 }, 'pedestrian');
    expect(body.info.estimated).toEqual([null, null, null]);
    expect(body.obb.size[2]).toBe(0.45);
  });
  it('a car straight ahead shows no side face, even 9 degrees off the view axis: its length is estimated', () => {
    // its back and trunk lid seen 2.5 m ahead (0.96 m of depth), the camera between its sides and below its roof
    const back: OBB = { center: [0.41, 0.9, -2.53], size: [1.67, 1.81, 0.96], yaw: 0 };
    const ahead = complete(back, 'car', {}, { focalPx: 500 });
    expect(ahead.info.estimated[2]).toBe('category-prior');
    expect(ahead.obb.size[2]).toBeCloseTo(categoryPrior('car')!.long, 3);
    // the same car 3 m to the side: the camera is beside it and its side face shows the depth seen
    expect(complete({ ...back, center: [3.41, 0.9, -2.53] }, 'car', {}, { focalPx: 500 }).info.estimated[2]).toBeNull();
  });
  it("a car's cabin seen over a nearer car (bottom hidden) is completed to the published length, both ways", () => {
    // 12 m away, 23 degrees off axis: the side of the cabin shows 2.35 m, the body below is hidden
    const cabin: OBB = { center: [-4.96, 1.42, -11.71], size: [1.44, 0.46, 2.35], yaw: 0 };
    const r = complete(cabin, 'sedan', { bottom: 'occluded' }, { focalPx: 500 });
    expect(r.info.estimated[2]).toBe('category-prior');
    expect(r.obb.size[2]).toBeCloseTo(categoryPrior('car')!.long, 3);
    expect(r.obb.center[2]).toBeCloseTo(-11.71, 6); // a cabin sits mid-body
    // the bottom seen: 2.35 m is the car's own length (a small car), kept
    expect(complete({ ...cabin, center: [-4.96, 0.8, -11.71], size: [1.44, 1.5, 2.35] }, 'sedan', {}, { focalPx: 500 }).info.estimated[2]).toBeNull();
  });
  it('a car cut by the border, its end face seen from the ground up, is completed away from the camera', () => {
    // street 51: across the view, cut at the left edge; the end face shows 0.53 m of its width, bottom seen
    const cut: OBB = { center: [-1.37, 0.67, -3.895], size: [2.33, 1.34, 0.53], yaw: 0 };
    const r = complete(cut, 'car', { left: 'border-cut' }, { focalPx: 500 });
    expect(r.info.estimated[2]).toBe('category-prior');
    // its near face stands on the road where it is seen: the rest is behind it (both ways put it 0.55 m nearer)
    expect(r.obb.center[2] + r.obb.size[2] / 2).toBeCloseTo(-3.63, 6);
    // a hidden bottom (a cabin over a nearer car) still grows both ways
    expect(complete(cut, 'car', { left: 'border-cut', bottom: 'occluded' }, { focalPx: 500 }).obb.center[2]).toBeCloseTo(-3.895, 6);
  });
  it('a grounded category seen within its typical height of the floor stands on it; seen higher, it stands on something else', () => {
    // a desk seen as its top (0.72-0.76 m up, legs missed), bottom not hidden
    const top = complete({ center: [0, 0.74, -3], size: [1.35, 0.04, 0.7], yaw: 0 }, 'desk', {}, { focalPx: 500 });
    expect(top.info.estimated[1]).toBe('support-contact');
    expect(top.obb.center[1] - top.obb.size[1] / 2).toBe(0);
    expect(top.obb.size[1]).toBeCloseTo(0.76, 6);
    // a walker whose feet fell in the floor band, 9 cm up
    expect(complete({ center: [0, 0.95, -12], size: [0.7, 1.72, 0.6], yaw: 0 }, 'pedestrian').obb.center[1]).toBeCloseTo(0.905, 6);
    // a person on a stage, 0.6 m up: left there
    const stage = complete({ center: [0, 1.48, -6], size: [0.7, 1.76, 0.6], yaw: 0 }, 'person');
    expect(stage.info.estimated[1]).toBeNull();
    expect(stage.obb.center[1]).toBe(1.48);
  });
  it("a car cut by the image border: the side face beside the cut is a lower bound, completed when 3 spreads short", () => {
    // seen at the right edge of the view: its end cut, and with it the end face beside the cut, 0.87 m of it
    // seen (the prior's short side is 1.63 m; the face spans 22 columns, enough to show a depth)
    const cut: OBB = { center: [4, 0.65, -8], size: [0.01, 1.3, 0.87], yaw: 0 };
    const r = complete(cut, 'car', { right: 'border-cut' }, { focalPx: 500 });
    expect(r.info.estimated).toEqual(['category-prior', null, 'category-prior']);
    expect(Math.min(r.obb.size[0], r.obb.size[2])).toBeCloseTo(categoryPrior('car')!.short, 3);
    // nothing cut: the 0.87 m seen on the side face is the car's (a small car seen end-on would be longer)
    expect(complete(cut, 'car', {}, { focalPx: 500 }).info.estimated[2]).toBeNull();
  });
  it('a person cut by the image border gets the prior side across the view that its seen depth does not match', () => {
    const prior = categoryPrior('pedestrian')!;
    // a walker at the left edge of the view: a 2 cm sliver across, 0.51 m of body depth (nearer the short side)
    const sliver: OBB = { center: [-4, 0.9, -12], size: [0.02, 1.8, 0.51], yaw: 0 };
    const cut = complete(sliver, 'pedestrian', { left: 'border-cut' });
    expect(cut.info.estimated).toEqual(['category-prior', null, null]);
    expect(cut.obb.size[0]).toBeCloseTo(prior.long, 3);
    expect(cut.obb.center[0]).toBeLessThan(-4); // towards the cut end
    expect(cut.obb.size[2]).toBe(0.51);
    // a depth that matches the long side (a stride seen from the side): the width across is the short side
    const stride = complete({ ...sliver, size: [0.02, 1.8, 0.9] }, 'pedestrian', { left: 'border-cut' });
    expect(stride.obb.size[0]).toBeCloseTo(prior.short, 3);
    // seen whole across: left as seen
    expect(complete(sliver, 'pedestrian').info.estimated).toEqual([null, null, null]);
  });
  it('a side face shows the depth only when its end of the box is not hidden', () => {
    // a van turned 29 degrees: its end face (on the left in the view) shows its depth unless that end is hidden
    // (1.5 m of it: a seen side 3 spreads under the prior's, with an end out of sight, is completed anyway)
    const van: OBB = { center: [0, 1, -10], size: [5.07, 2.2, 1.5], yaw: 0.5 };
    expect(complete(van, 'van').info.estimated[2]).toBeNull();
    expect(complete(van, 'van', { right: 'occluded' }).info.estimated[2]).toBeNull();
    const hid = complete(van, 'van', { left: 'occluded' });
    expect(hid.info.estimated[2]).toBe('category-prior');
    expect(hid.obb.size[2]).toBeCloseTo(1.9007, 3);
  });
  it("a near end cut off by the image's bottom edge: the length seen is a lower bound, completed towards the camera", () => {
    // a sofa beside the view, seen from above: a side face shows 1.3 m of its length down to the bottom edge
    const sofa: OBB = { center: [1.2, 0.42, -1.8], size: [0.92, 0.84, 1.3], yaw: 0 };
    // only the points on the bottom rows reach its near side (z = -1.15): the seat runs on out of view
    const cut = complete(sofa, 'sofa', { bottom: 'border-cut' }, { focalPx: 500, edgeReach: [-1.15, -1.35] });
    expect(cut.info.estimated[2]).toBe('category-prior');
    expect(cut.obb.size[2]).toBeCloseTo(1.867, 2);
    expect(cut.obb.center[2] + cut.obb.size[2] / 2).toBeGreaterThan(-1.15 + 0.5);
    expect(cut.obb.center[2] - cut.obb.size[2] / 2).toBeCloseTo(-2.45, 2);
    expect(cut.info.visibility.near).toBe('border-cut');
    // a front face seen standing up from the bottom edge (points well above it reach as near): the length stands
    const front = complete(sofa, 'sofa', { bottom: 'border-cut' }, { focalPx: 500, edgeReach: [-1.15, -1.15] });
    expect(front.obb.size[2]).toBeCloseTo(1.3, 3);
    expect(front.info.visibility.near).toBe('observed');
    // the same at a side edge; and no points well inside the edge say nothing
    expect(complete(sofa, 'sofa', { right: 'border-cut' }, { focalPx: 500, edgeReach: [-1.15, -1.35] }).obb.size[2]).toBeCloseTo(1.867, 2);
    expect(complete(sofa, 'sofa', { right: 'border-cut' }, { focalPx: 500, edgeReach: [-1.15, -Infinity] }).obb.size[2]).toBeCloseTo(1.3, 3);
  });
  it('a top face seen from above shows the depth: a night stand stays as deep as seen; a roof 3 spreads short is a part', () => {
    // 2.2 m straight ahead, seen from 1.5 m: its front and its top (45 rows of a 500 px focal), no side face
    const stand: OBB = { center: [0, 0.31, -2.2], size: [0.58, 0.62, 0.39], yaw: 0 };
    const r = complete(stand, 'night stand', {}, { focalPx: 500 });
    expect(r.info.estimated).toEqual([null, null, null]);
    expect(r.obb.size[2]).toBe(0.39);
    // the same front seen from below its top: nothing shows the depth, the prior's short side does
    const low = complete({ ...stand, center: [0, 1.4, -2.2] }, 'night stand', {}, { focalPx: 500 });
    expect(low.info.estimated[2]).toBe('category-prior');
    expect(low.obb.size[2]).toBeCloseTo(categoryPrior('night stand')!.short, 3);
    // a low car 3 m ahead, its boot and roof seen from above (1 m of its length): completed from the prior
    const car = complete({ center: [0, 0.6, -3.5], size: [1.6, 1.2, 1.0], yaw: 0 }, 'car', {}, { focalPx: 500 });
    expect(car.info.estimated[2]).toBe('category-prior');
    expect(car.obb.size[2]).toBeCloseTo(categoryPrior('car')!.long, 3);
  });
  it('the visible extent is a lower bound: a long van stays as long as it is seen', () => {
    const r = complete({ center: [0, 1, -10], size: [1.9, 2, 0.1], yaw: 0 }, 'car', { left: 'border-cut' });
    expect(r.obb.size[0]).toBeGreaterThanOrEqual(1.9);
  });
  it('no category, back unseen: a square footprint capped by the height; stopped at a wall', () => {
    // seen from below its top (camera at 1.5 m): nothing shows its depth
    const r = complete({ center: [0, 1.4, -3], size: [0.6, 0.4, 0.02], yaw: 0 }, 'crate');
    expect(r.info.estimated[2]).toBe('footprint-symmetry');
    expect(r.obb.size[2]).toBeCloseTo(0.4, 6);
    // seen from above (a monitor on a desk): its top face would show a depth, so thin stays thin
    const monitor = { center: [0, 1.0, -3] as Vec3, size: [0.6, 0.4, 0.02] as Vec3, yaw: 0 };
    expect(complete(monitor, 'monitor').info.estimated[2]).toBeNull();
    // unless that face would be a few rows of the depth map (0.4 x 0.3 x 500 / 9.09 = 6.6 rows)
    expect(complete(monitor, 'monitor', {}, { focalPx: 500 }).info.estimated[2]).toBe('footprint-symmetry');
    expect(complete(monitor, 'monitor', {}, { focalPx: 1000 }).info.estimated[2]).toBeNull();
    const flat = complete({ center: [0, 1.6, -3.98], size: [0.8, 0.6, 0.02], yaw: 0 }, 'painting', {}, { walls: [{ normal: [0, 0, 1], d: 4 }] });
    expect(flat.obb.size[2]).toBeLessThan(0.05);
  });
  it('support contact: a night stand whose bottom a bed hides stands on the floor', () => {
    const r = complete({ center: [1, 0.5, -5], size: [0.6, 0.3, 0.5], yaw: 0.7 }, 'night stand', { bottom: 'occluded' });
    expect(r.info.estimated[1]).toBe('support-contact');
    expect(r.aabb.min[1]).toBeCloseTo(0, 6);
    expect(r.obb.size[1]).toBeCloseTo(0.65, 6);
    // no category: only down to the 2D box's bottom edge
    const lamp = complete({ center: [1, 0.9, -5], size: [0.3, 0.4, 0.3], yaw: 0.7 }, 'lamp', { bottom: 'occluded' }, { boxFoot: 0.5 });
    expect(lamp.aabb.min[1]).toBeCloseTo(0.5, 6);
  });
});

describe('amodal completion against the free space the depth saw', () => {
  it('a hidden depth grows towards the camera when the space behind the seen face is seen empty', () => {
    // a car whose near part is out of view: only its far end face shows, and the road is seen right behind it
    const back = { center: [0, 0.76, -10] as Vec3, size: [1.6, 1.5, 0.1] as Vec3, yaw: 0 };
    const free = (p: Vec3) => p[2] < -10.05 && Math.abs(p[0]) < 2;
    const r = complete(back, 'car', {}, { freeSpace: free });
    expect(r.obb.size[2]).toBeCloseTo(3.883, 2);
    expect(r.obb.center[2]).toBeCloseTo(-10 + (3.883 - 0.1) / 2, 2);
    // a few crossings (noise at the silhouette) leave the default, away from the camera
    const few = complete(back, 'car', {}, { freeSpace: (p) => free(p) && p[1] > 1.1 && Math.abs(p[0]) < 0.3 });
    expect(few.obb.center[2]).toBeLessThan(-10);
  });
  it("both sides hidden: the car's length goes across the view when along the line of sight is seen empty", () => {
    // a van end seen past a nearer object on its right: 0.2 m of it across the view, 1.9 m deep
    const end = { center: [0, 1.1, -12] as Vec3, size: [0.2, 2.2, 1.9] as Vec3, yaw: 0 };
    const plain = complete(end, 'van', { right: 'occluded' });
    expect(plain.obb.size[2]).toBeCloseTo(5.07, 2); // the larger seen extent is taken as the long one
    // the street is seen behind it and in front of it, beside the nearer object
    const free = (p: Vec3) => Math.abs(p[0]) < 0.5 && (p[2] < -13 || p[2] > -10.9);
    const r = complete(end, 'van', { right: 'occluded' }, { freeSpace: free });
    expect(r.obb.size[0]).toBeCloseTo(5.07, 2);
    expect(r.obb.size[2]).toBeCloseTo(1.9, 6);
    expect(r.obb.center[0]).toBeGreaterThan(2); // towards the occluded right
    // not when what is seen rules it out: a seen depth beyond the short side's prior is the long side
    const long = complete({ ...end, size: [0.2, 2.2, 3.2] }, 'van', { right: 'occluded' }, { freeSpace: free });
    expect(long.obb.size[0]).toBeLessThan(3.2);
  });
  it('no category, an end cut off and the depth seen on a side face: a square footprint across the cut', () => {
    const lamp = { center: [-1.39, 0.7, -2.15] as Vec3, size: [0.21, 1.39, 0.37] as Vec3, yaw: 0 };
    const r = complete(lamp, 'floor lamp', { left: 'border-cut' });
    expect(r.info.estimated[0]).toBe('footprint-symmetry');
    expect(r.obb.size[0]).toBeCloseTo(0.37, 6);
    expect(r.obb.center[0]).toBeCloseTo(-1.39 - 0.08, 6);
  });
  it("a 2D box reaching down to the floor where the depth has nothing (a lamp's pole) stands on it", () => {
    const shade = { center: [0.5, 1.3, -3] as Vec3, size: [0.4, 0.3, 0.4] as Vec3, yaw: 0 };
    const r = complete(shade, 'floor lamp', {}, { boxReach: 0.02 });
    expect(r.info.estimated[1]).toBe('support-contact');
    expect(r.aabb.min[1]).toBe(0);
    // a box that reaches a table top, or no support plane: left as seen
    expect(complete(shade, 'lamp', {}, { boxReach: 0.7 }).aabb.min[1]).toBeCloseTo(1.15, 6);
    expect(complete(shade, 'floor lamp', {}, { boxReach: 0.02, hasSupport: false }).aabb.min[1]).toBeCloseTo(1.15, 6);
  });
  it('a caption that says the object stands on the floor puts its foot there, even where nothing seems to hide it', () => {
    // a floor lamp's shade beside the image's right edge, its pole out of the picture: the bottom looks seen
    const shade = { center: [2.6, 1.45, -5] as Vec3, size: [0.1, 0.3, 0.15] as Vec3, yaw: 0 };
    const r = complete(shade, 'floor lamp', { right: 'border-cut' }, { boxReach: 1.3 });
    expect(r.info.estimated[1]).toBe('support-contact');
    expect(r.aabb.min[1]).toBe(0);
    expect(r.aabb.max[1]).toBeCloseTo(1.6, 6);
    expect(complete(shade, 'lamp on the floor', {}, { boxReach: 1.3 }).aabb.min[1]).toBe(0);
    // a lamp, a ceiling lamp or a picture stays where it is seen; so does anything with no support plane
    for (const c of ['lamp', 'ceiling lamp', 'picture']) expect(complete(shade, c, {}, { boxReach: 1.3 }).aabb.min[1], c).toBeCloseTo(1.3, 6);
    expect(complete(shade, 'floor lamp', {}, { boxReach: 1.3, hasSupport: false }).aabb.min[1]).toBeCloseTo(1.3, 6);
  });
});

describe('visibility', () => {
  it('border-cut where the box touches the image edge, occluded where a nearer surface adjoins, far side self-hidden', () => {
    const W = 100, H = 80, data = new Float32Array(W * H).fill(5);
    // the object: x 40..70, y 20..50 at 3 m; a nearer occluder (1.5 m) just right of it
    const pix: number[] = [];
    for (let y = 20; y < 50; y++) for (let x = 40; x < 70; x++) { data[y * W + x] = 3; pix.push(y * W + x); }
    for (let y = 15; y < 60; y++) for (let x = 70; x < 80; x++) data[y * W + x] = 1.5;
    const v = objectVisibility({ depth: { width: W, height: H, data }, box: { x0: 40, y0: 20, x1: 70, y1: 50 }, pixels: Uint32Array.from(pix), count: pix.length, width: W, height: H });
    expect(v).toEqual({ left: 'observed', right: 'occluded', top: 'observed', bottom: 'observed', near: 'observed', far: 'self-hidden' });
    const cut = objectVisibility({ depth: { width: W, height: H, data }, box: { x0: 0, y0: 20, x1: 30, y1: 80 }, pixels: new Uint32Array(0), count: 0, width: W, height: H });
    expect(cut.left).toBe('border-cut');
    expect(cut.bottom).toBe('border-cut');
  });
});
