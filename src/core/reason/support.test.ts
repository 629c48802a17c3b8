import { describe, expect, it } from 'vitest';
import { buildScene, type BoxSpec } from '../testing/sceneBuilder';
import { answerQuery } from './answerQuery';
import { support } from './support';

import { apple, bowl, cup, table } from './placement.test-data';

// Besides the table, bowl, apple and cup: a book overhanging the table's edge, a lamp shade hanging above it, a
// chair beside it.
const book: BoxSpec = { id: 'book', caption: 'book', center: [0.55, 0.765, -3], size: [0.2, 0.03, 0.25] };
const shade: BoxSpec = { id: 'shade', caption: 'lamp shade', center: [0, 1.6, -3], size: [0.4, 0.3, 0.4] };
const chair: BoxSpec = { id: 'chair', caption: 'chair', center: [-1, 0.45, -3], size: [0.5, 0.9, 0.5] };
const scene = buildScene([table, cup, book, shade, chair, bowl, apple]);
const on = (a: string, b: string) => answerQuery(scene, { type: 'support', a, b });

describe('support', () => {
  it('a cup on a table is on it; so is a book overhanging its edge', () => {
    const r = on('cup', 'table');
    expect(r.verdict).toBe('yes');
    expect(r.sentence).toMatch(/^Yes.*cup.*table.*100%.*level with the top of the table/);
    const b = on('book', 'table');
    expect(b.verdict).toBe('yes');
    expect(b.evidence.quantities[0].value).toBeCloseTo(0.75, 6);
  });

  it('a shade above the table, a chair beside it, the table under the cup: not on', () => {
    const s = on('shade', 'table');
    expect(s.verdict).toBe('no');
    expect(s.sentence).toMatch(/above the top of the table/);
    expect(on('chair', 'table').verdict).toBe('no');
    expect(on('table', 'cup').verdict).toBe('no');
  });

  it('an apple in a bowl is in it, not on it; the bowl is on the table', () => {
    expect(on('apple', 'bowl').verdict).toBe('no');
    expect(answerQuery(scene, { type: 'contain', a: 'apple', b: 'bowl' }).verdict).toBe('yes');
    expect(on('bowl', 'table').verdict).toBe('yes');
  });

  it('the height margin follows the smaller object, never under 5 cm', () => {
    const [t, c] = scene.objects;
    const ch = scene.objects.find((o) => o.id === 'chair')!;
    expect(support(c, t).tolerance).toBeCloseTo(0.05, 12);
    // a 0.9 m chair on a 0.75 m table: a tenth of the table's height
    expect(support(ch, t).tolerance).toBeCloseTo(0.075, 12);
  });
});

describe('what is on / in an object', () => {
  it('lists what rests on the table, nearest first; the apple is in the bowl, not on the table', () => {
    const r = answerQuery(scene, { type: 'placed', how: 'on', reference: 'table' });
    expect(r.value).toBe(3);
    expect(r.evidence.objects).toEqual(['table', 'bowl', 'cup', 'book']);
    expect(r.sentence).toMatch(/^The bowl, the cup and the book are on the table\./);
    expect(r.steps).toHaveLength(scene.objects.length - 1);
  });

  it('says what is in the bowl, and that nothing is on the chair', () => {
    const inBowl = answerQuery(scene, { type: 'placed', how: 'in', reference: 'bowl' });
    expect(inBowl.value).toBe(1);
    expect(inBowl.choice).toBe('apple');
    const none = answerQuery(scene, { type: 'placed', how: 'on', reference: 'chair' });
    expect(none.value).toBe(0);
    expect(none.choice).toBeUndefined();
    expect(none.sentence).toMatch(/nothing|no object/i);
  });
});
