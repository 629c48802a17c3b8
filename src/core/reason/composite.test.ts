import { describe, expect, it } from 'vitest';
import { buildScene, type BoxSpec } from '../testing/sceneBuilder';
import { answerQuery } from './answerQuery';
import type { OrderKey, TriangleShape } from './query';

const box = (id: string, center: [number, number, number], size: [number, number, number] = [0.3, 0.3, 0.3]): BoxSpec =>
  ({ id, caption: id, center, size });

const scene = buildScene([
  box('ref', [0, 0.5, -4]),
  box('a', [1, 0.5, -4], [0.3, 1.0, 0.3]),
  box('b', [0, 0.5, -6], [0.6, 0.2, 0.6]),
  box('c', [-3, 0.5, -4], [0.4, 0.6, 0.2]),
]);

describe('closest / farthest', () => {
  it('by centre distance among all other objects', () => {
    const near = answerQuery(scene, { type: 'extreme', which: 'closest', to: 'ref' });
    expect(near.choice).toBe('a');
    expect(near.value).toBeCloseTo(1, 12);
    expect(near.steps).toHaveLength(3);
    expect(near.steps?.every((s) => s.answer.query.type === 'pair')).toBe(true);
    expect(near.sentence).toBe('The a is the object closest to the ref, at 1.0 m.');
    expect(answerQuery(scene, { type: 'extreme', which: 'farthest', to: 'ref' }, { phrasingSeed: 1 }).sentence).toBe('The object farthest from the ref is the c (3.0 m).');
    const far = answerQuery(scene, { type: 'extreme', which: 'farthest', to: 'ref' });
    expect(far.choice).toBe('c');
    expect(far.value).toBeCloseTo(3, 12);
  });
  it('among a given set', () => {
    expect(answerQuery(scene, { type: 'extreme', which: 'closest', to: 'ref', among: ['b', 'c', 'ref'] }).choice).toBe('b');
  });
  it('a near tie has no choice and says so', () => {
    const s = buildScene([...scene.objects.map((o) => box(o.id, o.obb.center, o.obb.size)), box('d', [0, 0.5, -2.98])]);
    const t = answerQuery(s, { type: 'extreme', which: 'closest', to: 'ref' });
    expect(t.choice).toBeUndefined();
    expect(t.sentence).toMatch(/equally close/);
  });
});

describe('ordering', () => {
  const cases: Array<[OrderKey, boolean, string[]]> = [
    ['height', true, ['a', 'c', 'ref', 'b']],
    ['height', false, ['b', 'ref', 'c', 'a']],
    ['width', true, ['b', 'c', 'a', 'ref']],
    ['size', true, ['a', 'b', 'c', 'ref']],
    ['camera_distance', false, ['a', 'c', 'ref', 'b']],
  ];
  it.each(cases)('by %s (descending %s)', (by, descending, expected) => {
    const objects = ['ref', 'a', 'b', 'c'];
    const o = answerQuery(scene, { type: 'order', by, objects, descending });
    if (by === 'camera_distance') {
      // a, c and ref share z = -4: ties broken by id, and the sentence says they are about the same
      expect(o.order?.slice(0, 3).sort()).toEqual(['a', 'c', 'ref']);
      expect(o.order?.[3]).toBe('b');
      expect(o.sentence).toMatch(/about the same/);
    } else {
      expect(o.order).toEqual(expected);
    }
    expect(o.steps).toHaveLength(3);
  });
  it('by elevation, with the sentence naming the order', () => {
    const s = buildScene([box('floor lamp', [0, 0.8, -3]), box('book', [1, 1.9, -3]), box('rug', [-1, 0.01, -3], [1, 0.02, 1])]);
    const o = answerQuery(s, { type: 'order', by: 'elevation', objects: ['rug', 'book', 'floor lamp'], descending: true });
    expect(o.order).toEqual(['book', 'floor lamp', 'rug']);
    expect(o.sentence).toBe('By elevation, highest first: the book, the floor lamp and the rug.');
  });
  it('a superlative claimed of one object: yes, no naming the one that is, or too close to call', () => {
    const all = ['ref', 'a', 'b', 'c'];
    // heights: a 1.0, c 0.6, ref 0.3, b 0.2
    const yes = answerQuery(scene, { type: 'order', by: 'height', objects: all, descending: true, top: true, claim: 'a' });
    expect(yes.verdict).toBe('yes');
    expect(yes.sentence).toBe('Yes, the a is the tallest; the c comes next.');
    const no = answerQuery(scene, { type: 'order', by: 'height', objects: all, descending: true, top: true, claim: 'c' });
    expect(no.verdict).toBe('no');
    expect(no.sentence).toMatch(/^No, the a is the tallest; the c is second\. By height, tallest first: the a \(1\.0 m\), the c \(60 cm\)/);
    expect(no.evidence.quantities.find((q) => q.unit === 'count')?.value).toBe(2);
    // an ordering by a length reads each one's beside its name; by position, the names alone
    expect(answerQuery(scene, { type: 'order', by: 'height', objects: ['a', 'ref'], descending: true }).sentence).toMatch(/the a \(1\.0 m\) and the ref \(30 cm\)\.$/);
    expect(answerQuery(scene, { type: 'order', by: 'lateral', objects: ['a', 'ref'], descending: true }).sentence).not.toMatch(/\(/);
    // a claim is ranked even when the list left it out
    expect(answerQuery(scene, { type: 'order', by: 'height', objects: ['ref', 'b'], descending: true, top: true, claim: 'a' }).verdict).toBe('yes');
    const level = buildScene([box('p', [0, 0.5, -3], [0.3, 1.0, 0.3]), box('q', [1, 0.505, -3], [0.3, 1.01, 0.3]), box('r', [2, 0.2, -3], [0.3, 0.4, 0.3])]);
    expect(answerQuery(level, { type: 'order', by: 'height', objects: ['p', 'q', 'r'], descending: true, top: true, claim: 'p' }).verdict).toBe('about-the-same');
  });
  it('from left to right across the view, and the leftmost', () => {
    const o = answerQuery(scene, { type: 'order', by: 'lateral', objects: ['ref', 'a', 'b', 'c'], descending: false });
    // ref and b share x = 0: a tie the sentence names
    expect(o.order?.[0]).toBe('c');
    expect(o.order?.[3]).toBe('a');
    expect(o.sentence).toMatch(/^By left-right position, leftmost first: the c, .* about the same/);
    const top = answerQuery(scene, { type: 'order', by: 'lateral', objects: ['ref', 'a', 'c'], descending: true, top: true });
    expect(top.choice).toBe('a');
    expect(top.sentence).toMatch(/^The a is the rightmost\./);
  });
});

describe('between (seen from above)', () => {
  const s = buildScene([
    box('b', [-2, 0.5, -4]), box('c', [2, 0.5, -4]),
    box('mid', [0.1, 1.5, -4.2]), box('off', [0, 0.5, -5.5]), box('beyond', [3, 0.5, -4]),
  ]);
  it('inside the segment and near the line: yes (heights ignored)', () => {
    const a = answerQuery(s, { type: 'between', a: 'mid', b: 'b', c: 'c' });
    expect(a.verdict).toBe('yes');
    expect(a.steps).toHaveLength(3);
    expect(a.sentence).toMatch(/53% of the way/);
  });
  it('too far off the line, or past an end: no', () => {
    expect(answerQuery(s, { type: 'between', a: 'off', b: 'b', c: 'c' }).verdict).toBe('no');
    expect(answerQuery(s, { type: 'between', a: 'beyond', b: 'b', c: 'c' }).verdict).toBe('no');
  });
  it('does not depend on the order of the two ends', () => {
    expect(answerQuery(s, { type: 'between', a: 'mid', b: 'c', c: 'b' }).verdict).toBe('yes');
  });
});

describe('triangles', () => {
  const h = Math.sqrt(3) / 2;
  const s = buildScene([
    box('e1', [0, 0.5, -4]), box('e2', [1, 0.5, -4]), box('e3', [0.5, 0.5, -4 - h]),
    box('i1', [0, 0.5, -4]), box('i2', [2, 0.5, -4]), box('i3', [1, 0.5, -7]),
    box('r1', [0, 0.5, -4]), box('r2', [3, 0.5, -4]), box('r3', [0, 0.5, -8]),
    box('l1', [0, 0.5, -4]), box('l2', [1, 0.5, -4]), box('l3', [2, 0.5, -4]),
  ]);
  const truth: Array<[string, [boolean, boolean, boolean]]> = [
    ['e', [true, true, false]],
    ['i', [false, true, false]],
    ['r', [false, false, true]],
    ['l', [false, false, false]],
  ];
  const shapes: TriangleShape[] = ['equilateral', 'isosceles', 'right'];
  it.each(truth)('triangle %s', (p, expected) => {
    shapes.forEach((shape, i) => {
      const a = answerQuery(s, { type: 'triangle', shape, objects: [`${p}1`, `${p}2`, `${p}3`] });
      expect(a.verdict, shape).toBe(expected[i] ? 'yes' : 'no');
      expect(a.steps).toHaveLength(3);
      expect(a.sentence).toMatch(shape === 'right' ? /within 10° of 90°/ : /within 10%/);
    });
  });
  it('names the right angle', () => {
    const a = answerQuery(s, { type: 'triangle', shape: 'right', objects: ['r2', 'r1', 'r3'] });
    expect(a.sentence).toMatch(/angle at the r1 is 90°/);
  });
});

describe('what is between two objects', () => {
  it('lists the objects the between test passes, the one nearest the middle first; none says so', () => {
    const s = buildScene([
      box('b', [-2, 0.5, -4]), box('c', [2, 0.5, -4]), box('mid', [0.1, 0.5, -4]), box('near', [-1.4, 0.5, -4.1]),
      box('off', [0, 0.5, -7]),
    ]);
    const a = answerQuery(s, { type: 'inBetween', b: 'b', c: 'c' });
    expect(a.value).toBe(2);
    expect(a.choice).toBe('mid');
    expect(a.sentence).toMatch(/the mid and the near/);
    expect(a.sentence).not.toMatch(/off/);
    expect(a.steps).toHaveLength(3);
    // swapping the two ends changes nothing but the wording
    const ba = answerQuery(s, { type: 'inBetween', b: 'c', c: 'b' });
    expect([ba.value, ba.choice]).toEqual([2, 'mid']);
    const none = answerQuery(s, { type: 'inBetween', b: 'mid', c: 'off' });
    expect(none.value).toBe(0);
    expect(none.sentence).toMatch(/^(?:Nothing stands|No object is|I see nothing) between the mid and the off\.$/);
  });
});

describe('counting', () => {
  it('counts objects left of the reference, not counting ties', () => {
    const s = buildScene([
      box('ref', [0, 0.5, -4]), box('l1', [-1, 0.5, -4]), box('l2', [-2, 0.5, -6]),
      box('r1', [1, 0.5, -4]), box('tie', [0.01, 0.5, -3]),
    ]);
    const c = answerQuery(s, { type: 'count', relation: 'left', reference: 'ref' });
    expect(c.value).toBe(2);
    expect(c.unit).toBe('count');
    expect(c.steps).toHaveLength(4);
    expect(c.sentence).toBe('2 objects are to the left of the ref: the l1 and the l2. The tie is too close to call and not counted.');
    expect(answerQuery(s, { type: 'count', relation: 'behind', reference: 'ref' }).value).toBe(1);
    expect(answerQuery(s, { type: 'count', relation: 'above', reference: 'ref' }).value).toBe(0);
  });

  it('counts only the objects of the kind asked about ("how many chairs are left of the table?")', () => {
    const kb = (id: string, caption: string, center: [number, number, number]) => ({ id, caption, center, size: [0.4, 0.4, 0.4] as [number, number, number] });
    const s = buildScene([
      kb('t', 'table', [0, 0.5, -4]), kb('c1', 'chair', [-1, 0.5, -4]), kb('c2', 'red chair', [1, 0.5, -4]),
      kb('c3', 'chair', [-2, 0.5, -5]), kb('lamp', 'lamp', [-1.5, 0.5, -4]),
    ]);
    const c = answerQuery(s, { type: 'count', relation: 'left', reference: 't', among: ['c1', 'c2', 'c3'] });
    expect(c.value).toBe(2);
    expect(c.steps).toHaveLength(3);
    expect(c.sentence).toMatch(/^2 chairs are to the left of the table: the \w+ chair and the \w+ chair\.$/);
    expect(c.sentence).not.toMatch(/lamp/);
    expect(c.evidence.quantities[0].label).toBe('chairs to the left of the table');
    const one = answerQuery(s, { type: 'count', relation: 'right', reference: 't', among: ['c1', 'c2', 'c3'] });
    expect(one.sentence).toBe('1 chair is to the right of the table: the red chair.');
    // the reference itself is never counted, even when it is of the kind
    expect(answerQuery(s, { type: 'count', relation: 'left', reference: 'c2', among: ['c1', 'c2', 'c3'] }).value).toBe(2);
    expect(answerQuery(s, { type: 'count', relation: 'above', reference: 't', among: ['c1', 'c2', 'c3'] }).sentence).toMatch(/^0 chairs are above the table/);
  });

  it('answers "is there a chair ...?" and "are the chairs ...?" yes or no, naming the ones that are', () => {
    const kb = (id: string, caption: string, center: [number, number, number]) => ({ id, caption, center, size: [0.4, 0.4, 0.4] as [number, number, number] });
    const s = buildScene([
      kb('t', 'table', [0, 0.5, -4]), kb('c1', 'chair', [-1, 0.5, -3.4]), kb('c2', 'chair', [-2, 0.5, -4.6]),
      kb('lamp', 'lamp', [1.5, 0.5, -4]),
    ]);
    const chairs = ['c1', 'c2'];
    const any = (relation: 'left' | 'right', among?: string[]) => answerQuery(s, { type: 'count', relation, reference: 't', ...(among ? { among } : {}), ask: 'any' });
    expect(any('left', chairs)).toMatchObject({ verdict: 'yes', value: 2 });
    expect(any('right', chairs).verdict).toBe('no');
    expect(any('right', chairs).sentence).toMatch(/^No, .*no chair .*to the right of the table\.$/);
    // without a kind, any object counts: the lamp is right of the table
    expect(any('right')).toMatchObject({ verdict: 'yes', value: 1 });
    const all = (relation: 'left' | 'behind', among: string[]) => answerQuery(s, { type: 'count', relation, reference: 't', among, ask: 'all' });
    expect(all('left', chairs).verdict).toBe('yes');
    expect(all('left', chairs).sentence).toMatch(/both chairs are to the left of the table/);
    const behind = all('behind', chairs);
    expect(behind.verdict).toBe('no');
    expect(behind.sentence).toMatch(/only 1 of the 2 chairs is behind the table/);
    // one decided the other way is no; one too close to call and none against leaves it undecided
    expect(all('behind', ['c2']).verdict).toBe('yes');
    const tie = buildScene([kb('t', 'table', [0, 0.5, -4]), kb('c1', 'chair', [-1, 0.5, -4.005]), kb('c2', 'chair', [-2, 0.5, -4.6])]);
    expect(answerQuery(tie, { type: 'count', relation: 'behind', reference: 't', among: chairs, ask: 'all' }).verdict).toBe('about-the-same');
    // every chair on one side but the reference's own kind: the reference is not asked about
    expect(all('left', ['c1', 'c2', 't']).verdict).toBe('yes');
  });
});
