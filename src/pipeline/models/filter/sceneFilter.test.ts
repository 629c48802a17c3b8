import { describe, expect, it } from 'vitest';
import { classifyScene, interpretFilter, KIND_LABELS, PLACE_LABELS, type SceneClassifier } from './sceneFilter';
import type { RawImage } from '@huggingface/transformers';

const kinds = (s: number[]) => Object.values(KIND_LABELS).map((label, i) => ({ label, score: s[i] }));
const places = (s: number[]) => Object.values(PLACE_LABELS).map((label, i) => ({ label, score: s[i] }));

describe('scene filter verdict', () => {
  it('a scene photo gets no warning', () => {
    const v = interpretFilter(kinds([0.7, 0.1, 0.1, 0.1]), places([0.8, 0.2]));
    expect(v).toMatchObject({ kind: 'scene', place: 'indoor' });
    expect(v.warning).toBeUndefined();
  });
  it('a confident screenshot warns (never refuses)', () => {
    const v = interpretFilter(kinds([0.1, 0.8, 0.05, 0.05]), places([0.3, 0.7]));
    expect(v.kind).toBe('screenshot');
    expect(v.place).toBe('outdoor');
    expect(v.warning).toMatch(/screenshot \(80%\).*still go on/);
  });
  it('an unsure non-scene verdict stays quiet', () => {
    expect(interpretFilter(kinds([0.3, 0.2, 0.4, 0.1]), places([0.5, 0.5])).warning).toBeUndefined();
  });
});

describe('zero-shot scores', () => {
  it('each label is its own hypothesis (no "This is a photo of a photo of ..."), softmax over the labels', async () => {
    const seen: string[][] = [];
    const c = {
      tokenizer: (texts: string[]) => { seen.push(texts); return { input_ids: 'ids' }; },
      processor: async () => ({ pixel_values: 'px' }),
      model: async () => ({ logits_per_image: { data: Float32Array.of(2, 0, 0, 0) } }),
    } as unknown as SceneClassifier;
    const v = await classifyScene(c, {} as RawImage);
    expect(seen[0]).toEqual(Object.values(KIND_LABELS));
    expect(seen[1]).toEqual(Object.values(PLACE_LABELS));
    expect(v.kind).toBe('scene');
    expect(v.kindScore).toBeCloseTo(Math.exp(2) / (Math.exp(2) + 3), 6);
  });
});
