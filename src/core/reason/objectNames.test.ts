import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../language/parse';
import { buildScene } from '../testing/sceneBuilder';
import { answerQuery } from './answerQuery';
import { referenceCaptions } from './objectNames';

// sceneBuilder projects each box into a 640x480 photo: left of the camera is left in the photo
const chairs = (xs: number[], extra: Parameters<typeof buildScene>[0] = []) =>
  buildScene([...xs.map((x, i) => ({ id: `c${i}`, caption: 'chair', center: [x, 0.45, -4] as [number, number, number], size: [0.5, 0.9, 0.5] as [number, number, number] })), ...extra]);

describe('what answers call objects that share a caption', () => {
  it('a unique caption is itself; two or three sharing one are left / (middle /) right in the photo; more are counted from the left', () => {
    const table = { id: 't', caption: 'Dining  Table', center: [0, 0.4, -6] as [number, number, number], size: [1.2, 0.8, 0.8] as [number, number, number] };
    const two = referenceCaptions(chairs([1, -1], [table]).objects);
    expect([two.get('c0'), two.get('c1'), two.get('t')]).toEqual(['right chair', 'left chair', 'Dining Table']);
    const three = referenceCaptions(chairs([0, 1.2, -1.2]).objects);
    expect([three.get('c0'), three.get('c1'), three.get('c2')]).toEqual(['middle chair', 'right chair', 'left chair']);
    const four = referenceCaptions(chairs([-1.5, -0.5, 0.5, 1.5]).objects);
    expect(four.get('c1')).toBe('chair (2nd from the left)');
    expect(four.get('c3')).toBe('chair (4th from the left)');
    // "a chair" twice: the article goes, the place comes first
    const articled = buildScene([-1, 1].map((x, i) => ({ id: `a${i}`, caption: 'a chair', center: [x, 0.45, -4] as [number, number, number], size: [0.5, 0.9, 0.5] as [number, number, number] })));
    expect(referenceCaptions(articled.objects).get('a0')).toBe('left chair');
    // worked out once per objects array: labels and lists ask for every id
    expect(referenceCaptions(articled.objects)).toBe(referenceCaptions(articled.objects));
    expect(referenceCaptions([...articled.objects])).not.toBe(referenceCaptions(articled.objects));
  });

  it('an answer about two chairs names them apart, and those names read back as the same chairs', () => {
    const scene = chairs([-1, 1.2]);
    const a = answerQuery(scene, { type: 'pair', measure: 'distance', a: 'c0', b: 'c1' });
    expect(a.sentence).toMatch(/^The left chair and the right chair are /);
    const q = parseQuestion('How far is the left chair from the right chair?', scene);
    expect(q.status).toBe('ok');
    if (q.status === 'ok') expect(q.parsed.query).toMatchObject({ a: 'c0', b: 'c1' });
    // a "red chair" beside them does not take the name: the qualifier chooses among the two "chair"s
    const red = chairs([-1, 1.2], [{ id: 'r', caption: 'red chair', center: [-2.5, 0.45, -4], size: [0.5, 0.9, 0.5] }]);
    const withRed = parseQuestion('How far is the left chair from the right chair?', red);
    expect(withRed.status).toBe('ok');
    if (withRed.status === 'ok') expect(withRed.parsed.query).toMatchObject({ a: 'c0', b: 'c1' });
    const three = chairs([0, 1.2, -1.2]);
    const m = parseQuestion('Is the middle chair taller than the left chair?', three);
    expect(m.status).toBe('ok');
    if (m.status === 'ok') expect(m.parsed.query).toMatchObject({ a: 'c0', b: 'c2' });
  });
});
