import { describe, expect, it } from 'vitest';
import { cross, dot, mulMat, mulMatVec, normalize, transpose, type Mat3 } from './vec';

describe('vec', () => {
  it('cross product follows the right-hand rule', () => {
    expect(cross([1, 0, 0], [0, 1, 0])).toEqual([0, 0, 1]);
  });
  it('a rotation times its transpose is the identity', () => {
    const c = Math.cos(0.3), s = Math.sin(0.3);
    const r: Mat3 = [c, -s, 0, s, c, 0, 0, 0, 1];
    const i = mulMat(r, transpose(r));
    [1, 0, 0, 0, 1, 0, 0, 0, 1].forEach((v, k) => expect(i[k]).toBeCloseTo(v, 12));
    const v = mulMatVec(r, [1, 2, 3]);
    expect(dot(v, v)).toBeCloseTo(14, 12);
    expect(normalize([0, 0, 0])).toEqual([0, 0, 0]);
  });
});
