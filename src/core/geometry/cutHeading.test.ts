import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CanonicalFrame } from '../scene/types';
import { CUT_RAY_DEG, cutRayHeadings, headingAtCut, headingGap, roomHeading } from './cutHeading';
import type { Wall } from './walls';
import { benchObject } from '../testing/benchBuild';

const DEG = Math.PI / 180;

describe('cut headings', () => {
  it('folds heading differences to a quarter turn (property)', () => {
    fc.assert(fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), fc.integer({ min: -3, max: 3 }), (a, b, k) => {
      const g = headingGap(a, b);
      expect(g).toBeGreaterThanOrEqual(0);
      expect(g).toBeLessThanOrEqual(Math.PI / 4 + 1e-12);
      // a quarter turn is the same rectangle, and the gap is symmetric
      expect(headingGap(a + (k * Math.PI) / 2, b)).toBeCloseTo(g, 9);
      expect(headingGap(b, a)).toBeCloseTo(g, 9);
    }));
  });

  it('gives the headings of the rays along the cut image edges', () => {
    // a level camera looking along canonical -z (x right, y up): camera (x, y, z) -> canonical (x, -y, -z)
    const frame = { rotation: [1, 0, 0, 0, -1, 0, 0, 0, -1], translation: [0, 1.5, 0] } as unknown as CanonicalFrame;
    const K = { fx: 500, fy: 500, cx: 320, cy: 240, width: 640, height: 480 };
    const [left, right] = cutRayHeadings(K, frame, 640, 240, true, true);
    // the left edge's ray points forward (-z) and left (-x): direction (-0.64, -1)
    expect(left).toBeCloseTo(Math.atan2(1, -320 / 500), 9);
    expect(right).toBeCloseTo(Math.atan2(1, 319 / 500), 9);
    expect(cutRayHeadings(K, frame, 640, 240, false, true)).toEqual([right]);
  });

  it('turns a box whose side runs along a cut to the room, unless the room runs along it too', () => {
    const ray = 32 * DEG, room = 3 * DEG;
    expect(headingAtCut(ray + 2 * DEG, [ray], () => room)).toBe(room);
    // a quarter turn off the ray is a side along it as well
    expect(headingAtCut(ray + Math.PI / 2 - 5 * DEG, [ray], () => room)).toBe(room);
    // clear of the ray: the fitted heading stands, and the walls are not even asked for
    let asked = false;
    expect(headingAtCut(ray + (CUT_RAY_DEG + 1) * DEG, [ray], () => { asked = true; return room; })).toBeNull();
    expect(asked).toBe(false);
    // no wall, or a wall along the ray: nothing says the side is a cut
    expect(headingAtCut(ray, [ray], () => null)).toBeNull();
    expect(headingAtCut(ray, [ray], () => ray + 4 * DEG)).toBeNull();
  });

  it("takes the room's heading from the wall with the most points", () => {
    const wall = (nx: number, nz: number, inliers: number): Wall => ({ normal: [nx, 0, nz], d: 0, band: 0.03, inliers });
    expect(roomHeading([])).toBeNull();
    const h = roomHeading([wall(1, 0, 100), wall(Math.cos(0.1), -Math.sin(0.1), 400)])!;
    expect(headingGap(h, 0.1)).toBeLessThan(1e-9);
  });

  it('benchmark room 36: a bedside table cut at the left edge is no longer turned along the cut (centre 0.35 m off before)', () => {
    const { centreErrorXZ } = benchObject(36, 'o5', 'boxes');
    expect(centreErrorXZ).toBeLessThan(0.12);
  });
});
