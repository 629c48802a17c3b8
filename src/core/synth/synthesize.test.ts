import { describe, expect, it } from 'vitest';
import { buildScene } from '../testing/sceneBuilder';
import { synthesizeQA } from './synthesize';
import { toJsonl, DATASET_SCHEMA_VERSION } from './jsonl';
import { parseQuestion } from '../language/parse';
import { answerQuery } from '../reason/answerQuery';

const room = buildScene([
  { id: 'sofa', caption: 'sofa', center: [-1.2, 0.45, -3.5], size: [2, 0.9, 0.9] },
  { id: 'table', caption: 'coffee table', center: [0, 0.25, -2.6], size: [1.1, 0.5, 0.6] },
  { id: 'lamp', caption: 'lamp', center: [1.4, 0.8, -3.8], size: [0.35, 1.6, 0.35] },
  { id: 'c1', caption: 'chair', center: [-1.6, 0.45, -2.0], size: [0.5, 0.9, 0.5] },
  { id: 'c2', caption: 'chair', center: [1.6, 0.45, -2.2], size: [0.5, 0.9, 0.5] },
], { cameraHeight: 1.5 });

describe('synthesizeQA', () => {
  const { pairs, skipped } = synthesizeQA(room, { seed: 7, maxPairs: 60, phrasingsPerQuery: 2 });

  it('balances qualitative and quantitative pairs and adds composite ones', () => {
    const count = (c: string) => pairs.filter((p) => p.category === c).length;
    expect(count('qualitative')).toBeGreaterThan(10);
    expect(count('qualitative')).toBe(count('quantitative'));
    expect(count('composite')).toBeGreaterThan(0);
    expect(pairs.length).toBeLessThanOrEqual(60);
  });

  it('draws on every kind of question the app answers, those of other benchmarks too', () => {
    const big = synthesizeQA(room, { seed: 7, maxPairs: 400 }).pairs;
    const types = new Set(big.map((p) => p.query.type));
    for (const t of ['relation', 'pair', 'size', 'elevation', 'place', 'facing', 'order', 'extreme', 'count']) expect(types, t).toContain(t);
    expect(big.some((p) => p.template === 'order.lateral.asc')).toBe(true);
  });

  it('is deterministic for a seed and varies with it', () => {
    const again = synthesizeQA(room, { seed: 7, maxPairs: 60, phrasingsPerQuery: 2 }).pairs;
    expect(again.map((p) => p.question)).toEqual(pairs.map((p) => p.question));
    const other = synthesizeQA(room, { seed: 8, maxPairs: 60, phrasingsPerQuery: 2 }).pairs;
    expect(other.map((p) => p.question)).not.toEqual(pairs.map((p) => p.question));
  });

  it('every question parses back to its query and carries that query\'s answer', () => {
    for (const p of pairs) {
      const parsed = parseQuestion(p.question, room);
      expect(parsed.status, p.question).toBe('ok');
      if (parsed.status === 'ok') expect(parsed.parsed.query).toEqual(p.query);
      const a = answerQuery(room, p.query);
      expect(p.verdict).toBe(a.verdict);
      expect(p.value).toBe(a.value);
    }
  });

  it('names the two chairs by side instead of dropping or confusing them', () => {
    const chairQs = pairs.filter((p) => /left chair|right chair/.test(p.question));
    expect(chairQs.length).toBeGreaterThan(0);
    expect(skipped.filter((s) => s.reason === 'ambiguous')).toEqual([]);
  });

  it('names three that share a caption left, middle and right; drops four or more, and says so', () => {
    const boxes = (n: number) => buildScene([
      ...Array.from({ length: n }, (_, i) => ({ id: `b${i}`, caption: 'box', center: [i - (n - 1) / 2, 0.2, -3] as [number, number, number], size: [0.4, 0.4, 0.4] as [number, number, number] })),
      { id: 'd', caption: 'lamp', center: [0, 0.8, -4], size: [0.3, 1.6, 0.3] },
    ]);
    const three = synthesizeQA(boxes(3), { seed: 1 });
    expect(three.skipped.some((s) => s.reason === 'ambiguous')).toBe(false);
    expect(three.pairs.some((p) => /middle box/.test(p.question))).toBe(true);
    // the record names each object as its answer does
    expect(three.pairs.flatMap((p) => p.objects)).toContain('middle box');
    expect(three.pairs.flatMap((p) => p.objects)).not.toContain('box');
    const four = synthesizeQA(boxes(4), { seed: 1 });
    expect(four.skipped.some((s) => s.reason === 'ambiguous')).toBe(true);
    expect(four.pairs.every((p) => p.objects.every((o) => !/box/.test(o)))).toBe(true);
  });
});

describe('JSONL', () => {
  it('writes one conversation per image and one flat line per pair, both versioned', () => {
    const { pairs } = synthesizeQA(room, { seed: 3, maxPairs: 20 });
    const { conversations, flat } = toJsonl([
      { id: 'room', image: 'images/room.png', pairs },
      { id: 'empty', image: 'images/empty.png', pairs: [] },
    ]);
    const conv = conversations.trim().split('\n').map((l) => JSON.parse(l));
    expect(conv).toHaveLength(1);
    expect(conv[0].schema_version).toBe(DATASET_SCHEMA_VERSION);
    expect(conv[0].messages[0].content[0]).toEqual({ type: 'image' });
    expect(conv[0].messages).toHaveLength(pairs.length * 2);
    expect(conv[0].messages.map((m: { role: string }) => m.role).slice(0, 4)).toEqual(['user', 'assistant', 'user', 'assistant']);
    const lines = flat.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(pairs.length);
    for (const l of lines) {
      expect(l.schema_version).toBe(DATASET_SCHEMA_VERSION);
      expect(typeof l.question).toBe('string');
      expect(typeof l.answer).toBe('string');
    }
  });
});
