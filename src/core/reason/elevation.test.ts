import { describe, expect, it } from 'vitest';
import { buildScene } from '../testing/sceneBuilder';
import { answerQuery } from './answerQuery';

const boxes = [
  { id: 'tv', caption: 'tv', center: [0.5, 1.35, -4] as [number, number, number], size: [1.2, 0.7, 0.1] as [number, number, number] },
  { id: 'sofa', caption: 'sofa', center: [-1, 0.42, -4] as [number, number, number], size: [2, 0.84, 0.9] as [number, number, number] },
];

describe('how high an object is off the floor (elevation)', () => {
  it('gives the bottom\'s height above the floor, and the top\'s', () => {
    const a = answerQuery(buildScene(boxes), { type: 'elevation', a: 'tv' });
    expect(a.value).toBeCloseTo(1.0, 9);
    expect(a.sentence).toBe('The bottom of the tv is 1.0 m above the floor; its top is 1.7 m up.');
    expect(a.evidence.quantities.map((q) => q.value)).toEqual([expect.closeTo(1.0, 9), expect.closeTo(1.7, 9)]);
  });
  it('an object on the floor is said to stand on it', () => {
    const a = answerQuery(buildScene(boxes), { type: 'elevation', a: 'sofa' });
    expect(a.value).toBeCloseTo(0, 9);
    expect(a.sentence).toMatch(/^The sofa stands on the floor/);
  });
  it('a camera under 0.8 m looks at a table top, not a floor: the surface below', () => {
    expect(answerQuery(buildScene(boxes, { cameraHeight: 0.5 }), { type: 'elevation', a: 'tv' }).sentence).toMatch(/above the surface below/);
    expect(answerQuery(buildScene(boxes, { frameConfidence: 'low' }), { type: 'elevation', a: 'tv' }).sentence).toMatch(/above the surface below/);
  });
  it('against a length', () => {
    expect(answerQuery(buildScene(boxes), { type: 'elevation', a: 'tv', threshold: { op: 'above', metres: 0.8 } }).verdict).toBe('yes');
    expect(answerQuery(buildScene(boxes), { type: 'elevation', a: 'tv', threshold: { op: 'above', metres: 1.5 } }).verdict).toBe('no');
  });
});
