import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { selectKth } from './select';

describe('selectKth', () => {
  it('gives what a full typed-array sort gives, at every rank', () => {
    fc.assert(fc.property(
      fc.array(fc.oneof(fc.double({ noNaN: false }), fc.integer({ min: -3, max: 3 }).map((v) => v * 0.5)), { minLength: 1, maxLength: 200 }),
      fc.nat(),
      (values, r) => {
        const k = r % values.length;
        const sorted = Float64Array.from(values).sort();
        const got = selectKth(Float64Array.from(values), k);
        expect(Object.is(got, sorted[k]) || (got === sorted[k])).toBe(true);
      },
    ), { numRuns: 500 });
  });

  it('stays fast on sorted, reversed and constant inputs (no quadratic blow-up)', () => {
    const n = 200000;
    for (const make of [(i: number) => i, (i: number) => n - i, () => 1, (i: number) => i % 2]) {
      const a = Float64Array.from({ length: n }, (_, i) => make(i));
      const sorted = Float64Array.from(a).sort();
      for (const k of [0, n >> 1, n - 1]) expect(selectKth(Float64Array.from(a), k)).toBe(sorted[k]);
    }
  });

  it('is NaN out of range and for an empty array', () => {
    expect(selectKth(new Float64Array(0), 0)).toBeNaN();
    expect(selectKth(Float64Array.from([1, 2]), 2)).toBeNaN();
    expect(selectKth(Float64Array.from([NaN, 1]), 0)).toBe(1);
    expect(selectKth(Float64Array.from([NaN, 1]), 1)).toBeNaN();
  });
});
