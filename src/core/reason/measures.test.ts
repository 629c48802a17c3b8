import { describe, expect, it } from 'vitest';
import { buildScene, type BoxSpec } from '../testing/sceneBuilder';
import { answerQuery } from './answerQuery';
import { boxGap } from './boxGeometry';
import { clockDirection } from './measures';
import type { PairMeasure, Query } from './query';

const table: BoxSpec = { id: 'table', caption: 'table', center: [0, 0.375, -2], size: [1.2, 0.75, 0.8] };
const cup: BoxSpec = { id: 'cup', caption: 'cup', center: [0.1, 0.8, -2], size: [0.08, 0.1, 0.08] };
const chair: BoxSpec = { id: 'chair', caption: 'chair', center: [-2, 0.45, -2], size: [0.5, 0.9, 0.5] };
const sofa: BoxSpec = { id: 'sofa', caption: 'sofa', center: [1, 0.4, -5], size: [2, 0.8, 0.9] };
const scene = buildScene([table, cup, chair, sofa]);
const pair = (measure: PairMeasure, a: string, b: string, opts = {}) => answerQuery(scene, { type: 'pair', measure, a, b }, opts);

describe('distances', () => {
  it('distance is between box centres, with the surface gap beside it', () => {
    const d = pair('distance', 'table', 'chair');
    expect(d.value).toBeCloseTo(Math.hypot(2, 0.075), 12);
    expect(d.unit).toBe('m');
    const gapQ = d.evidence.quantities.find((q) => q.label.startsWith('Gap'));
    expect(gapQ?.value).toBeCloseTo(2 - 0.6 - 0.25, 12);
    expect(d.sentence).toBe('The table and the chair are 2.0 m apart (centre to centre; their closest surfaces are 1.2 m apart).');
    expect(d.evidence.visuals.filter((v) => v.kind === 'line')).toHaveLength(2);
  });
  it('says when stacked objects touch', () => {
    const d = pair('distance', 'cup', 'table');
    expect(d.value).toBeCloseTo(Math.hypot(0.1, 0.425), 12);
    expect(d.sentence).toMatch(/boxes touch/);
    // a box resting a hair above the other (0.09 mm, as a sample's mug on its table) touches too
    const hair = buildScene([table, { ...cup, center: [0.1, 0.80009, -2] }]);
    const h = answerQuery(hair, { type: 'pair', measure: 'distance', a: 'cup', b: 'table' });
    expect(h.sentence).toMatch(/boxes touch/);
    expect(h.sentence).not.toMatch(/0\.0\d+ cm/);
    expect(h.evidence.visuals.filter((v) => v.kind === 'line')).toHaveLength(1);
  });
  it('horizontal and vertical distances', () => {
    expect(pair('horizontal_distance', 'table', 'sofa').value).toBeCloseTo(Math.hypot(1, 3), 12);
    const v = pair('vertical_distance', 'table', 'cup');
    expect(v.value).toBeCloseTo(0.425, 12);
    expect(v.sentence).toMatch(/cup/);
    expect(v.sentence).toMatch(/level with the top of the table/);
    expect(pair('vertical_distance', 'cup', 'table').value).toBeCloseTo(0.425, 12);
  });
  it('displays in imperial or in a requested unit', () => {
    expect(pair('horizontal_distance', 'table', 'chair', { units: 'imperial' }).sentence).toMatch(/6\.6 ft/);
    expect(pair('horizontal_distance', 'table', 'chair', { unit: 'cm' }).sentence).toMatch(/200 cm/);
  });
  it('the uncertainty grows with distance from the camera', () => {
    const near = pair('horizontal_distance', 'table', 'cup').evidence.quantities[0].uncertainty as number;
    const far = pair('horizontal_distance', 'sofa', 'chair').evidence.quantities[0].uncertainty as number;
    expect(far).toBeGreaterThan(near);
  });
});

describe('box gap between yaw-oriented boxes', () => {
  it('a box turned 45 degrees points its corner at the other', () => {
    const g = boxGap({ center: [0, 0.5, 0], size: [1, 1, 1], yaw: 0 }, { center: [2, 0.5, 0], size: [1, 1, 1], yaw: Math.PI / 4 });
    expect(g.distance).toBeCloseTo(2 - Math.SQRT1_2 - 0.5, 12);
  });
  it('combines horizontal and vertical gaps, zero when overlapping', () => {
    const g = boxGap({ center: [0, 0.5, 0], size: [1, 1, 1], yaw: 0 }, { center: [1.3, 1.4, 0], size: [1, 0.2, 1], yaw: 0 });
    expect(g.horizontal).toBeCloseTo(0.3, 12);
    expect(g.vertical).toBeCloseTo(0.3, 12);
    expect(g.distance).toBeCloseTo(Math.hypot(0.3, 0.3), 12);
    expect(boxGap({ center: [0, 0, 0], size: [1, 1, 1], yaw: 0.3 }, { center: [0.5, 0.2, 0.1], size: [1, 1, 1], yaw: 1 }).distance).toBe(0);
    // crossing footprints without a corner inside the other
    expect(boxGap({ center: [0, 0, 0], size: [3, 1, 0.2], yaw: 0 }, { center: [0, 0, 0], size: [0.2, 1, 3], yaw: 0 }).distance).toBe(0);
  });
});

describe('sizes of one object', () => {
  it('width is the larger footprint side, depth the smaller, height along Y', () => {
    const s = buildScene([{ id: 'shelf', caption: 'shelf', center: [0, 1, -3], size: [0.3, 2, 1.2], yaw: 0.7 }]);
    expect(answerQuery(s, { type: 'size', measure: 'width', a: 'shelf' }).value).toBeCloseTo(1.2, 12);
    expect(answerQuery(s, { type: 'size', measure: 'depth', a: 'shelf' }).value).toBeCloseTo(0.3, 12);
    const h = answerQuery(s, { type: 'size', measure: 'height', a: 'shelf' });
    expect(h.value).toBeCloseTo(2, 12);
    expect(h.sentence).toBe('The shelf is 2.0 m tall.');
    expect(h.evidence.visuals[1]).toMatchObject({ kind: 'height-bar', base: [0, 0, -3], top: [0, 2, -3] });
  });
});

describe('direction: standing at A facing the camera', () => {
  const eye: [number, number, number] = [0, 1.5, 0];
  const fwd: [number, number, number] = [0, 0, -1];
  it('mirrors left and right: the camera\'s right is your left', () => {
    expect(clockDirection([0, 0, -3], [1, 0, -3], eye, fwd)).toMatchObject({ clock: 9, words: 'left' });
    expect(clockDirection([0, 0, -3], [-1, 0, -3], eye, fwd)).toMatchObject({ clock: 3, words: 'right' });
  });
  it('12 o\'clock is towards the camera, 6 away from it', () => {
    expect(clockDirection([0, 0, -3], [0, 0, -1], eye, fwd)).toMatchObject({ clock: 12, words: 'ahead' });
    expect(clockDirection([0, 0, -3], [0, 0, -5], eye, fwd)).toMatchObject({ clock: 6, words: 'behind' });
    expect(clockDirection([0, 0, -3], [-1, 0, -2], eye, fwd)).toMatchObject({ words: 'front-right' });
  });
  it('faces the camera itself when A is off to the side', () => {
    // A at (-3, 0, -3): the camera is at 45 degrees; B one metre towards it is straight ahead.
    const s = Math.SQRT1_2;
    expect(clockDirection([-3, 0, -3], [-3 + s, 0, -3 + s], eye, fwd).clock).toBe(12);
  });
  it('answers with clock and words', () => {
    const d = pair('direction', 'table', 'chair');
    // chair at camera's left of the table -> your right when facing the camera
    expect(d.direction).toEqual({ clock: 3, words: 'right' });
    expect(d.value).toBe(3);
    expect(d.unit).toBe('clock');
    expect(d.sentence).toBe("If you stand at the table facing the camera, the chair is at 3 o'clock (to your right).");
    expect(d.evidence.visuals.some((v) => v.kind === 'arrow')).toBe(true);
  });
  it('says directly above when there is no horizontal offset', () => {
    const s = buildScene([table, { ...cup, center: [0, 0.8, -2] }]);
    const d = answerQuery(s, { type: 'pair', measure: 'direction', a: 'table', b: 'cup' });
    expect(d.direction?.words).toBe('above');
    expect(d.sentence).toBe('The cup is directly above the table.');
  });
});

describe('how much more', () => {
  it('is signed by the first object and names which is more', () => {
    const a = pair('how_much_left', 'chair', 'table');
    expect(a.value).toBeCloseTo(2, 12);
    expect(a.choice).toBe('chair');
    expect(a.sentence).toBe('The chair is 2.0 m farther to the left than the table.');
    const b = pair('how_much_left', 'table', 'chair');
    expect(b.value).toBeCloseTo(-2, 12);
    expect(b.choice).toBe('chair');
    expect(pair('how_much_above', 'cup', 'table').value).toBeCloseTo(0.425, 12);
    expect(pair('how_much_behind', 'sofa', 'table')).toMatchObject({ choice: 'sofa' });
  });
  it('how much taller or wider: the difference of the two extents, with both beside it', () => {
    const t = pair('how_much_taller', 'chair', 'table');
    expect(t.value).toBeCloseTo(0.15, 12);
    expect(t.choice).toBe('chair');
    expect(t.sentence).toMatch(/^The chair is .+ taller than the table\.$/);
    expect(t.evidence.quantities.map((q) => q.value).slice(0, 2)).toEqual([0.9, 0.75]);
    expect(t.evidence.visuals.filter((v) => v.kind === 'height-bar')).toHaveLength(2);
    // asked the other way round, the sign turns and the taller one is still named
    const s = pair('how_much_taller', 'table', 'chair');
    expect(s.value).toBeCloseTo(-0.15, 12);
    expect(s.choice).toBe('chair');
    const w = pair('how_much_wider', 'sofa', 'table');
    expect(w.value).toBeCloseTo(0.8, 12);
    expect(w.sentence).toMatch(/^The sofa is .+ wider than the table\.$/);
    expect(w.evidence.visuals.filter((v) => v.kind === 'line')).toHaveLength(2);
    // asked as a length, answered as one (the same measure: the longer horizontal side)
    const longer = answerQuery(scene, { type: 'pair', measure: 'how_much_wider', a: 'sofa', b: 'table', long: true });
    expect(longer.value).toBeCloseTo(0.8, 12);
    expect(longer.sentence).toMatch(/^The sofa is .+ longer than the table\.$/);
    const asLength = (q: Query) => answerQuery(scene, q).sentence;
    expect(asLength({ type: 'relation', form: 'yesno', relation: 'wider', a: 'sofa', b: 'table', long: true })).toMatch(/^Yes, the sofa is longer than the table/);
    expect(asLength({ type: 'relation', form: 'choice', relation: 'wider', a: 'table', b: 'sofa', long: true })).toMatch(/^The sofa is longer/);
    expect(asLength({ type: 'order', by: 'width', objects: ['sofa', 'table', 'chair'], descending: true, top: true, long: true })).toMatch(/^The sofa is the longest\. By length, longest first: /);
    // two heights 2 cm apart are within the measurement's band
    const twins = buildScene([table, { ...chair, size: [0.5, 0.77, 0.5] }]);
    const tie = answerQuery(twins, { type: 'pair', measure: 'how_much_taller', a: 'chair', b: 'table' });
    expect(tie.choice).toBeUndefined();
    expect(tie.sentence).toMatch(/about the same height/);
  });
  it('says about the same inside the tie band', () => {
    const a = pair('how_much_behind', 'cup', 'table');
    expect(a.choice).toBeUndefined();
    expect(a.sentence).toMatch(/about the same/);
  });
});

const elevationBoxes = [
  { id: 'tv', caption: 'tv', center: [0.5, 1.35, -4] as [number, number, number], size: [1.2, 0.7, 0.1] as [number, number, number] },
  { id: 'sofa', caption: 'sofa', center: [-1, 0.42, -4] as [number, number, number], size: [2, 0.84, 0.9] as [number, number, number] },
];

describe('how high an object is off the floor (elevation)', () => {
  it('gives the bottom\'s height above the floor, and the top\'s', () => {
    const a = answerQuery(buildScene(elevationBoxes), { type: 'elevation', a: 'tv' });
    expect(a.value).toBeCloseTo(1.0, 9);
    expect(a.sentence).toBe('The bottom of the tv is 1.0 m above the floor; its top is 1.7 m up.');
    expect(a.evidence.quantities.map((q) => q.value)).toEqual([expect.closeTo(1.0, 9), expect.closeTo(1.7, 9)]);
  });
  it('an object on the floor is said to stand on it', () => {
    const a = answerQuery(buildScene(elevationBoxes), { type: 'elevation', a: 'sofa' });
    expect(a.value).toBeCloseTo(0, 9);
    expect(a.sentence).toMatch(/^The sofa stands on the floor/);
  });
  it('a camera under 0.8 m looks at a table top, not a floor: the surface below', () => {
    expect(answerQuery(buildScene(elevationBoxes, { cameraHeight: 0.5 }), { type: 'elevation', a: 'tv' }).sentence).toMatch(/above the surface below/);
    expect(answerQuery(buildScene(elevationBoxes, { frameConfidence: 'low' }), { type: 'elevation', a: 'tv' }).sentence).toMatch(/above the surface below/);
  });
  it('against a length', () => {
    expect(answerQuery(buildScene(elevationBoxes), { type: 'elevation', a: 'tv', threshold: { op: 'above', metres: 0.8 } }).verdict).toBe('yes');
    expect(answerQuery(buildScene(elevationBoxes), { type: 'elevation', a: 'tv', threshold: { op: 'above', metres: 1.5 } }).verdict).toBe('no');
  });
});

describe('all three extents (dimensions)', () => {
  it('width, depth and height with the volume of the box', () => {
    const a = answerQuery(buildScene(elevationBoxes), { type: 'dimensions', a: 'sofa' });
    expect(a.sentence).toBe('The sofa measures 2.0 m wide, 90 cm deep and 84 cm tall; its box takes up 1.5 m³.');
    expect(a.evidence.quantities.map((q) => q.value)).toEqual([expect.closeTo(2, 9), expect.closeTo(0.9, 9), expect.closeTo(0.84, 9), expect.closeTo(1.512, 9)]);
  });
  it('small boxes in litres, imperial in cubic feet', () => {
    const cup = buildScene([{ id: 'cup', caption: 'cup', center: [0, 0.05, -1], size: [0.08, 0.1, 0.08] }]);
    expect(answerQuery(cup, { type: 'dimensions', a: 'cup' }).sentence).toMatch(/0\.64 litres/);
    expect(answerQuery(buildScene(elevationBoxes), { type: 'dimensions', a: 'sofa' }, { units: 'imperial' }).sentence).toMatch(/53 cubic feet/);
  });
});
