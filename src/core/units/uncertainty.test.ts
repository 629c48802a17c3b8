import { describe, expect, it } from 'vitest';
import { normalCdf } from './uncertainty';

describe('normalCdf', () => {
  it('gives the standard normal probabilities', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1)).toBeCloseTo(0.841345, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-2)).toBeCloseTo(0.02275, 5);
  });
  it('is symmetric and increasing', () => {
    for (const z of [0.1, 0.7, 1.5, 3]) {
      expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 7);
      expect(normalCdf(z)).toBeGreaterThan(normalCdf(z - 0.05));
    }
  });
});
