import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildScene, type BoxSpec } from '../testing/sceneBuilder';
import { answerQuery } from './answerQuery';
import { clipConvex } from './boxGeometry';
import { containment } from './containment';

import { apple, bowl, cup, table } from './placement.test-data';

// Besides the table, bowl, apple and cup: a bus with a person inside, and a person standing outside it.
const bus: BoxSpec = { id: 'bus', caption: 'bus', center: [4, 1.6, -15], size: [2.5, 3.2, 11], yaw: 0.3 };
const rider: BoxSpec = { id: 'rider', caption: 'person', center: [4.2, 1.3, -15.5], size: [0.5, 1.7, 0.4] };
const walker: BoxSpec = { id: 'walker', caption: 'person', center: [6.5, 0.85, -9], size: [0.5, 1.7, 0.4] };
const scene = buildScene([table, bowl, apple, cup, bus, rider, walker]);
const contain = (a: string, b: string) => answerQuery(scene, { type: 'contain', a, b });

describe('containment', () => {
  it('an apple in a bowl is in it, though it rises above the rim', () => {
    const r = contain('apple', 'bowl');
    expect(r.verdict).toBe('yes');
    expect(r.sentence).toMatch(/^Yes.*apple.*bowl.*100%.*below the top of the bowl/);
  });

  it('a cup on the table is on it, not in it; the bowl is not in the apple', () => {
    const cupOn = contain('cup', 'table');
    expect(cupOn.verdict).toBe('no');
    expect(cupOn.sentence).toMatch(/above the top of the table/);
    expect(contain('bowl', 'apple').verdict).toBe('no');
    expect(contain('cup', 'bowl').verdict).toBe('no');
  });

  it('a person inside a turned bus is in it; one on the pavement beside it is not', () => {
    expect(contain('rider', 'bus').verdict).toBe('yes');
    const out = contain('walker', 'bus');
    expect(out.verdict).toBe('no');
    expect(out.evidence.quantities[0].value).toBeLessThan(0.1);
  });

  it('is surer far from the thresholds than near them', () => {
    // a bus square to the camera: a person in its middle, and one with a fifth of the footprint out of its side
    const straight = { ...bus, center: [0, 1.6, -15], yaw: 0 } satisfies BoxSpec;
    const at = (x: number) => answerQuery(buildScene([straight, { ...rider, center: [x, 1.3, -15] }]), { type: 'contain', a: 'rider', b: 'bus' });
    expect(at(0).verdict).toBe('yes');
    expect(at(1.1).verdict).toBe('yes');
    expect(at(1.1).evidence.quantities[0].value).toBeCloseTo(0.8, 6);
    expect(at(1.1).confidence).toBeLessThan(at(0).confidence);
  });

  it('clips convex footprints: a square by itself, by a disjoint one, by a half-overlapping one', () => {
    const sq = (x: number, z: number, s: number): [number, number][] => [[x, z], [x + s, z], [x + s, z + s], [x, z + s]];
    const area = (p: [number, number][]) => Math.abs(p.reduce((s, [x0, z0], i) => s + x0 * p[(i + 1) % p.length][1] - p[(i + 1) % p.length][0] * z0, 0)) / 2;
    expect(area(clipConvex(sq(0, 0, 1), sq(0, 0, 1)))).toBeCloseTo(1, 9);
    expect(clipConvex(sq(0, 0, 1), sq(2, 2, 1))).toEqual([]);
    expect(area(clipConvex(sq(0, 0, 1), sq(0.5, 0, 1)))).toBeCloseTo(0.5, 9);
    // either orientation of either polygon
    expect(area(clipConvex(sq(0, 0, 1).reverse(), sq(0.5, 0, 1)))).toBeCloseTo(0.5, 9);
  });

  it('property: a box is never in one whose footprint is smaller than three quarters of its own', () => {
    fc.assert(fc.property(
      fc.double({ min: 0.1, max: 3, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true }), fc.double({ min: -3.2, max: 3.2, noNaN: true }),
      fc.double({ min: 0.05, max: 0.74, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }),
      (w, d, yaw, shrink, dx, dz) => {
        const s = buildScene([
          { id: 'a', center: [0, 0.5, -4], size: [w, 1, d], yaw },
          { id: 'b', center: [dx, 0.6, -4 + dz], size: [w * Math.sqrt(shrink), 2, d * Math.sqrt(shrink)], yaw: -yaw },
        ]);
        const [a, b] = s.objects;
        return !containment(a, b).holds;
      },
    ));
  });
});
