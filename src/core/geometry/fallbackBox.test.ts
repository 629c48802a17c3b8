/**
 * Objects with too few points keep a box back-projected from their 2D box; one of a grounded category whose
 * bottom is hidden (a walker seen as a sliver over a nearer object, or only as a head over the image's bottom
 * edge) stands on the support plane; one with a category prior is at least the category's size. Its visibility is
 * judged around its 2D box at the depth of its few points.
 */
import { describe, expect, it } from 'vitest';
import { buildBenchScene } from '../testing/benchBuild';
import { objectVisibility } from './visibility';

const benchMasks = (seed: number) => buildBenchScene(seed, 'masks');

describe('fallback boxes', () => {
  it('street 177: a walker seen as a 7-row sliver over a nearer object stands on the road', () => {
    const { scene, truth } = benchMasks(177);
    const o = scene.objects.find((q) => q.id === 'o1')!;
    expect(o.flags).toContain('too-few-points');
    expect(o.amodal!.visibility.bottom).toBe('occluded');
    expect(o.amodal!.estimated[1]).toBe('support-contact');
    expect(Math.abs(o.obb.center[1] - o.obb.size[1] / 2)).toBeLessThan(1e-9);
    expect(Math.abs(o.obb.center[1] - truth('o1').obb.center[1])).toBeLessThan(0.1); // floating, it was 0.70 m high
  });
  it('street 55: a walker cut by the bottom edge of the image stands on the road', () => {
    const { scene, truth } = benchMasks(55);
    const o = scene.objects.find((q) => q.id === 'o5')!;
    expect(o.flags).toContain('too-few-points');
    expect(o.amodal!.estimated[1]).toBe('support-contact');
    expect(Math.abs(o.obb.center[1] - truth('o5').obb.center[1])).toBeLessThan(0.15); // it was 0.71 m high
  });
  it('street 161: a car hidden but for a sliver is at least a car, its sides from the published sizes', () => {
    const { scene, truth } = buildBenchScene(161, 'boxes');
    const o = scene.objects.find((q) => q.id === 'o2')!;
    expect(o.flags).toContain('too-few-points');
    const [x, , z] = o.amodal!.estimated;
    expect([x, z]).toEqual(['category-prior', 'category-prior']);
    expect(o.amodal!.estimated[1]).toBe('back-projected'); // no prior stands in for the height seen
    const long = Math.max(o.obb.size[0], o.obb.size[2]), tl = Math.max(truth('o2').obb.size[0], truth('o2').obb.size[2]);
    expect(long / tl).toBeGreaterThan(0.85); // back-projected, it was 0.81 m long for 4.11
    expect(long / tl).toBeLessThan(1.15);
  });
});

describe('objectVisibility without kept pixels', () => {
  it('judges the strips around the box at the given depth', () => {
    const W = 40, H = 40, data = new Float32Array(W * H).fill(10);
    for (let y = 20; y < H; y++) for (let x = 0; x < W; x++) data[y * W + x] = 4; // a nearer object below
    const input = { depth: { width: W, height: H, data }, box: { x0: 10, y0: 12, x1: 30, y1: 20 }, pixels: new Uint32Array(0), count: 0, width: W, height: H };
    expect(objectVisibility(input).bottom).toBe('observed'); // nothing to compare with
    const v = objectVisibility({ ...input, depthHint: 10 });
    expect(v.bottom).toBe('occluded');
    expect([v.top, v.left, v.right]).toEqual(['observed', 'observed', 'observed']);
  });
});
