import { describe, expect, it } from 'vitest';
import { buildScene } from '../testing/sceneBuilder';
import { answerQuery } from './answerQuery';
import { suggestQuestions } from './suggest';

const scene = buildScene([
  { id: 'table', caption: 'wooden table', center: [0, 0.375, -2.5], size: [1.2, 0.75, 0.8] },
  { id: 'cup', caption: 'cup', center: [0.2, 0.8, -2.5], size: [0.08, 0.1, 0.08] },
  { id: 'chair', caption: 'chair', center: [-0.9, 0.45, -2.4], size: [0.5, 0.9, 0.5] },
  { id: 'lamp', caption: 'floor lamp', center: [2.5, 0.8, -5], size: [0.4, 1.6, 0.4] },
  { id: 'stool', caption: 'stool', center: [-2.5, 0.3, -4], size: [0.5, 0.6, 0.5] },
]);

describe('suggestQuestions', () => {
  it('finds the stacked pair first and keeps types diverse', () => {
    const s = suggestQuestions(scene);
    expect(s).toHaveLength(6);
    expect(s[0].query).toEqual({ type: 'relation', form: 'yesno', relation: 'above', a: 'cup', b: 'table' });
    expect(s[0].reason).toBe('the cup seems to rest on the wooden table');
    const kinds = new Set(s.map((x) => (x.query.type === 'relation' ? `${x.query.type}:${x.query.relation}` : x.query.type === 'pair' ? `pair:${x.query.measure}` : x.query.type)));
    expect(kinds.size).toBeGreaterThanOrEqual(5);
    // the two farthest objects are the lamp and the stool
    expect(s.some((x) => x.query.type === 'pair' && x.query.measure === 'horizontal_distance' && [x.query.a, x.query.b].sort().join() === 'lamp,stool')).toBe(true);
    expect(s.some((x) => x.query.type === 'relation' && x.query.relation === 'taller' && x.query.b === 'lamp')).toBe(true);
  });
  it('is deterministic, honours n, and every suggestion can be answered', () => {
    expect(suggestQuestions(scene, 10)).toEqual(suggestQuestions(scene, 10));
    expect(suggestQuestions(scene, 3)).toHaveLength(3);
    const many = suggestQuestions(scene, 10);
    expect(many).toHaveLength(10);
    expect(new Set(many.map((x) => JSON.stringify(x.query))).size).toBe(10);
    for (const x of many) {
      const a = answerQuery(scene, x.query);
      // answered, not merely worded: a verdict, a choice, an order or a number, and the sentence names an object it is about
      const q = x.query;
      const tieAllowed = q.type === 'relation' && q.form === 'choice'; // "about the same": no choice, by design
      const decided = a.verdict !== undefined || a.choice !== undefined || a.order !== undefined || a.value !== undefined;
      expect(decided || tieAllowed, JSON.stringify(q)).toBe(true);
      if (a.choice !== undefined) expect(a.evidence.objects).toContain(a.choice);
      const captions = a.evidence.objects.map((id) => scene.objects.find((o) => o.id === id)?.caption ?? id);
      expect(captions.some((c) => a.sentence.includes(c)), a.sentence).toBe(true);
    }
  });
  it('copes with tiny scenes', () => {
    expect(suggestQuestions(buildScene([]))).toEqual([]);
    const one = suggestQuestions(buildScene([{ id: 'a', center: [0, 0.5, -2], size: [1, 1, 1] }]));
    expect(one).toEqual([{ query: { type: 'size', measure: 'height', a: 'a' }, reason: 'the a is the tallest thing here' }]);
  });
});
