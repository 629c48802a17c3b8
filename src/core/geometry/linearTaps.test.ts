import { describe, expect, it } from 'vitest';
import { linearTaps } from './linearTaps';

describe('linearTaps', () => {
  it('aligns pixel centres: 2 -> 4 samples clamp at the ends and fall a quarter in', () => {
    const t = linearTaps(4, 2);
    expect(Array.from(t.i0)).toEqual([0, 0, 0, 1]);
    expect(Array.from(t.i1)).toEqual([1, 1, 1, 1]);
    expect(Array.from(t.w)).toEqual([0, 0.25, 0.75, 0]);
  });
  it('is the identity at scale 1, and reads only the covered part of a padded source', () => {
    const id = linearTaps(5, 5);
    expect(Array.from(id.i0)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(id.w)).toEqual([0, 0, 0, 0, 0]);
    const padded = linearTaps(4, 8, 4); // 4 of the 8 source samples cover the output
    expect(Array.from(padded.i0)).toEqual([0, 1, 2, 3]);
    expect(Math.max(...padded.i1)).toBeLessThanOrEqual(4);
  });
});
