import { describe, expect, it } from 'vitest';
import { interpretFilter, KIND_LABELS, PLACE_LABELS } from './sceneFilter';

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
