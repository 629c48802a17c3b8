import { describe, expect, it } from 'vitest';
import { buildScene } from '../testing/sceneBuilder';
import { makeCtx } from './context';
import { answerRelation, compare } from './relations';
import { measureSigma, uncertaintyBand } from './tieBands';

describe('ties from uncertainty', () => {
  const at = (z: number) => buildScene([
    { id: 'a', center: [0, 0.4, -z], size: [0.6, 0.8, 0.6] },
    { id: 'b', center: [0.5, 0.4, -z - 0.3], size: [0.6, 0.8, 0.6] },
  ]);
  it('the band of a depth comparison grows with distance (depth noise grows with range)', () => {
    const near = at(2), far = at(8);
    const bn = uncertaintyBand(makeCtx(near), 'depth', near.objects[0], near.objects[1]);
    const bf = uncertaintyBand(makeCtx(far), 'depth', far.objects[0], far.objects[1]);
    expect(bf).toBeGreaterThan(2 * bn);
    // 30 cm apart: decided at 2 m; at 8 m within 2 sigma, so decided by the sign but unsure, and saying so
    const cn = compare(makeCtx(near), 'behind', near.objects[1], near.objects[0]);
    const cf = compare(makeCtx(far), 'behind', far.objects[1], far.objects[0]);
    expect(cn.verdict).toBe('yes');
    expect(cf.verdict).toBe('yes');
    expect(Math.abs(cf.diff)).toBeLessThan(2 * cf.sigma);
    const q = { type: 'relation', form: 'yesno', relation: 'behind', a: 'b', b: 'a' } as const;
    const an = answerRelation(makeCtx(near), q), af = answerRelation(makeCtx(far), q);
    expect(an.caveats.join(' ')).not.toMatch(/uncertaint/);
    expect(af.caveats[0]).toMatch(/uncertaint.*\d+% likely/);
    // said as a clause of the sentence, not a second sentence's capital
    expect(af.sentence).toMatch(/ Less certain because the (?:measured )?difference /);
    expect(af.confidence).toBeLessThan(0.5);
    expect(an.confidence).toBeGreaterThan(af.confidence);
  });
  it('"about the same" needs both: a small difference (under 10% of the size) the measurement cannot resolve', () => {
    const pair = (z: number, gap: number) => buildScene([
      { id: 'a', center: [0, 0.4, -z], size: [0.6, 0.8, 0.6] },
      { id: 'b', center: [0.5, 0.4, -z - gap], size: [0.6, 0.8, 0.6] },
    ]);
    const far = pair(8, 0.04);
    expect(compare(makeCtx(far), 'behind', far.objects[1], far.objects[0]).verdict).toBe('about-the-same');
    // two 3 m sofas 25 cm apart in depth, 1.5 m away: under 10% of their size, but beyond 2 sigma, so decided
    const big = buildScene([
      { id: 'a', center: [0, 0.4, -1.5], size: [3, 0.8, 3] },
      { id: 'b', center: [3.5, 0.4, -1.75], size: [3, 0.8, 3] },
    ]);
    const c = compare(makeCtx(big), 'behind', big.objects[1], big.objects[0]);
    expect(c.diff).toBeLessThan(0.3);
    expect(c.diff).toBeGreaterThan(2 * c.sigma);
    expect(c.verdict).toBe('yes');
  });
  it('an estimated extent widens the sigma by its spread; too few points double the noise part', () => {
    const s = at(3);
    const o = s.objects[0];
    const est = { ...o, amodal: { visibleAabb: o.aabb, visibleObb: o.obb, estimated: [null, 'category-prior', null] as const, spread: [0, 0.12, 0] as [number, number, number], visibility: { left: 'observed', right: 'observed', top: 'observed', bottom: 'occluded', near: 'observed', far: 'self-hidden' } as const } };
    const ctx = makeCtx(s);
    const plain = measureSigma(ctx, 'height', o);
    const wide = measureSigma(ctx, 'height', { ...est, amodal: { ...est.amodal, estimated: [...est.amodal.estimated] } });
    expect(wide).toBeGreaterThan(3 * plain);
    expect(measureSigma(ctx, 'height', { ...o, flags: ['too-few-points'] })).toBeCloseTo(2 * plain, 6);
  });
  it("'share' keeps the fixed band (10% of the mean extent) for the truth side of an evaluation", () => {
    const s = at(3);
    const c = compare(makeCtx(s, { ties: 'share' }), 'taller', s.objects[0], s.objects[1]);
    expect(c.band).toBeCloseTo(0.08, 6);
  });
});
