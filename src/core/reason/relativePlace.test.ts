import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildScene, type BoxSpec } from '../testing/sceneBuilder';
import { answerQuery } from './answerQuery';
import { FIRM_AXIS, sideMargin } from './relativePlace';
import type { FacingSide, Query } from './query';

const box = (id: string, center: [number, number, number], size: [number, number, number] = [0.4, 0.4, 0.4]): BoxSpec => ({ id, caption: id, center, size });

// camera at the origin looking along -z, +x to its right
const scene = buildScene([
  box('sofa', [-1, 0.4, -4], [2, 0.8, 0.9]),
  box('tv', [1.5, 0.8, -5.5], [1.2, 0.7, 0.1]),
  box('lamp', [-2.5, 0.8, -6], [0.4, 1.6, 0.4]),
  box('stool', [-1, 0.41, -4.01], [0.3, 0.4, 0.3]),
]);

describe('where one object is relative to another (place)', () => {
  it('says each axis with its margin, and the distance', () => {
    const a = answerQuery(scene, { type: 'place', a: 'sofa', b: 'tv' });
    expect(a.sentence).toBe('Seen from the camera, the sofa is to the left of the tv (by 2.5 m), in front of it (by 1.5 m) and lower (by 40 cm); they are 2.9 m apart.');
    expect(a.value).toBeCloseTo(Math.hypot(2.5, 1.5, 0.4), 9);
    expect(a.steps?.map((s) => s.answer.query)).toEqual([
      { type: 'pair', measure: 'how_much_left', a: 'sofa', b: 'tv' },
      { type: 'pair', measure: 'how_much_behind', a: 'sofa', b: 'tv' },
      { type: 'pair', measure: 'how_much_above', a: 'sofa', b: 'tv' },
      { type: 'pair', measure: 'distance', a: 'sofa', b: 'tv' },
    ]);
  });

  it('the converse says the opposite sides', () => {
    const a = answerQuery(scene, { type: 'place', a: 'tv', b: 'sofa' });
    expect(a.sentence).toMatch(/the tv is to the right of the sofa \(by 2\.5 m\), behind it \(by 1\.5 m\) and higher \(by 40 cm\)/);
  });

  it('a side the measurement barely decides is said as a lean, and does not pull the confidence down', () => {
    // 10 cm apart in depth, 5 m away: outside the tie band, but under even odds of being the right side
    const s = buildScene([box('sofa', [0.2, 0.435, -5.3], [2.2, 0.87, 0.9]), box('lamp', [-2.4, 0.825, -5.4], [0.44, 1.65, 0.44])]);
    const a = answerQuery(s, { type: 'place', a: 'lamp', b: 'sofa' });
    expect(a.steps?.[1].answer.choice).toBe('lamp');
    expect(a.steps?.[1].answer.confidence).toBeLessThan(FIRM_AXIS);
    expect(a.sentence).toMatch(/to the left of the sofa \(by 2\.6 m\), at about the same distance from the camera \(farther back by 10 cm\) and higher/);
    expect(a.confidence).toBeGreaterThan(FIRM_AXIS);
  });

  it('an axis inside its tie band is "about the same", and not a side', () => {
    const a = answerQuery(scene, { type: 'place', a: 'stool', b: 'sofa' });
    expect(a.sentence).toMatch(/at about the same left-right position as the sofa, at about the same distance from the camera and at about the same height/);
  });
});

describe('standing at one object, facing another (facing)', () => {
  it('gives the clock direction with the person turned towards the second object', () => {
    // from the sofa the tv is ahead to the right (2.5 m right, 1.5 m farther): the lamp (1.5 m left, 2 m farther) is to the left
    const a = answerQuery(scene, { type: 'facing', at: 'sofa', toward: 'tv', target: 'lamp' });
    expect(a.sentence).toBe("Standing at the sofa and facing the tv, you would find the lamp at 9 o'clock, to your left.");
    expect(a.value).toBe(9);
    expect(a.verdict).toBeUndefined();
  });

  it('answers yes or no for a side, naming the true one', () => {
    const left = answerQuery(scene, { type: 'facing', at: 'sofa', toward: 'tv', target: 'lamp', ask: 'left' });
    expect(left.verdict).toBe('yes');
    const right = answerQuery(scene, { type: 'facing', at: 'sofa', toward: 'tv', target: 'lamp', ask: 'right' });
    expect(right.verdict).toBe('no');
    expect(right.sentence).toMatch(/^No — .*to your left \(at 9 o'clock\), not to your right\.$/);
    // turned the other way, towards the sofa from the tv, the lamp is ahead, to the right
    const back = answerQuery(scene, { type: 'facing', at: 'tv', toward: 'sofa', target: 'lamp', ask: 'behind' });
    expect(back.verdict).toBe('no');
    expect(answerQuery(scene, { type: 'facing', at: 'tv', toward: 'sofa', target: 'lamp', ask: 'ahead' }).verdict).toBe('yes');
  });

  it('facing the spot one stands on gives no direction, with low confidence', () => {
    const a = answerQuery(scene, { type: 'facing', at: 'sofa', toward: 'stool', target: 'lamp' });
    expect(a.value).toBeUndefined();
    expect(a.confidence).toBeLessThan(0.3);
  });

  it('does not depend on where the camera is: moving and turning the scene keeps every side', () => {
    const spec = (id: string, x: number, z: number): BoxSpec => box(id, [x, 0.5, z]);
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -9, max: -1, noNaN: true })), { minLength: 3, maxLength: 3 }),
      fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
      fc.constantFrom<FacingSide>('left', 'right', 'ahead', 'behind'),
      (pts, turn, ask) => {
        const [p, q, r] = pts;
        if (Math.hypot(p[0] - q[0], p[1] - q[1]) < 0.3 || Math.hypot(p[0] - r[0], p[1] - r[1]) < 0.3) return;
        const c = Math.cos(turn);
        const s = Math.sin(turn);
        const moved = (x: number, z: number): [number, number] => [c * x - s * (z + 5) + 0.7, s * x + c * (z + 5) - 5 - 1.3];
        const query: Query = { type: 'facing', at: 'p', toward: 'q', target: 'r', ask };
        const before = answerQuery(buildScene([spec('p', ...p), spec('q', ...q), spec('r', ...r)]), query);
        const after = answerQuery(buildScene([spec('p', ...moved(...p)), spec('q', ...moved(...q)), spec('r', ...moved(...r))]), query);
        const angle = before.evidence.quantities.find((x) => x.unit === 'deg')?.value ?? 0;
        // on a side's edge float noise may tip the verdict
        if (Math.min(...[0, 45, 135, 180].map((e) => Math.abs(Math.abs(angle) - e))) < 1e-6) return;
        expect(after.verdict).toBe(before.verdict);
        expect(after.value).toBe(before.value);
      },
    ), { numRuns: 200 });
  });
});

describe('side margins (VSI-Bench: behind from 135 degrees)', () => {
  const deg = (d: number) => (d * Math.PI) / 180;
  it('puts each angle on the sides that hold it, with the distance to the nearer edge', () => {
    expect(sideMargin(deg(-90), 'left')).toBeCloseTo(deg(45), 12);
    expect(sideMargin(deg(-130), 'left')).toBeCloseTo(deg(5), 12);
    expect(sideMargin(deg(-140), 'left')).toBeCloseTo(deg(-5), 12);
    expect(sideMargin(deg(-140), 'behind')).toBeCloseTo(deg(5), 12);
    expect(sideMargin(deg(180), 'behind')).toBeCloseTo(deg(45), 12);
    expect(sideMargin(deg(30), 'ahead')).toBeCloseTo(deg(15), 12);
    expect(sideMargin(deg(30), 'right')).toBeCloseTo(deg(30), 12);
    expect(sideMargin(deg(30), 'left')).toBeCloseTo(deg(-30), 12);
    expect(sideMargin(deg(170), 'right')).toBeCloseTo(deg(-35), 12);
  });
  it('an angle is on at most one of left, right and behind', () => {
    fc.assert(fc.property(fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }), (a) => {
      const on = (['left', 'right', 'behind'] as const).filter((s) => sideMargin(a, s) > 1e-9);
      expect(on.length).toBeLessThanOrEqual(1);
    }));
  });
});
