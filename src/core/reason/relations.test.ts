import { describe, expect, it } from 'vitest';
import { buildScene, type BoxSpec } from '../testing/sceneBuilder';
import { answerQuery, UnknownObjectError } from './answerQuery';
import { makeCtx } from './context';
import { compare } from './relations';
import { RELATIONS, type Relation } from './query';
import { TEMPLATES } from './templates';

// Camera at (0, 1.5, 0) looking along -Z; +X is the camera's right.
const chair: BoxSpec = { id: 'chair', caption: 'red chair', center: [-1, 0.45, -3], size: [0.5, 0.9, 0.5] };
const table: BoxSpec = { id: 'table', caption: 'table', center: [1, 0.375, -3], size: [1.2, 0.75, 0.8] };
const cup: BoxSpec = { id: 'cup', caption: 'a blue cup', center: [1.1, 0.8, -3], size: [0.08, 0.1, 0.08] };
const lamp: BoxSpec = { id: 'lamp', caption: 'lamp', center: [0, 0.8, -5], size: [0.4, 1.6, 0.4] };
const scene = buildScene([chair, table, cup, lamp]);

const yesno = (relation: Relation, a: string, b: string, s = scene) =>
  answerQuery(s, { type: 'relation', form: 'yesno', relation, a, b });
const choice = (relation: Relation, a: string, b: string, s = scene) =>
  answerQuery(s, { type: 'relation', form: 'choice', relation, a, b });

describe('relations on a known scene', () => {
  it('left/right from the camera', () => {
    expect(yesno('left', 'chair', 'table').verdict).toBe('yes');
    expect(yesno('right', 'chair', 'table').verdict).toBe('no');
    expect(yesno('right', 'table', 'chair').verdict).toBe('yes');
    expect(choice('left', 'table', 'chair').choice).toBe('chair');
    expect(yesno('left', 'chair', 'table').sentence).toBe('Yes, the red chair is to the left of the table.');
    expect(yesno('right', 'chair', 'table').sentence).toBe('No, the red chair is to the left of the table.');
  });
  it('behind / in front along the viewing direction', () => {
    expect(yesno('behind', 'lamp', 'chair').verdict).toBe('yes');
    expect(yesno('front', 'chair', 'lamp').verdict).toBe('yes');
    expect(choice('behind', 'chair', 'lamp').choice).toBe('lamp');
  });
  it('a cup on a table is above it, and the table below the cup', () => {
    expect(yesno('above', 'cup', 'table').verdict).toBe('yes');
    expect(yesno('below', 'table', 'cup').verdict).toBe('yes');
    expect(yesno('below', 'cup', 'table').verdict).toBe('no');
    expect(choice('above', 'table', 'cup').sentence).toBe('The blue cup is higher.');
  });
  it('sizes: wider, taller, bigger and their inverses', () => {
    expect(yesno('wider', 'table', 'chair').verdict).toBe('yes');
    expect(yesno('thinner', 'cup', 'chair').verdict).toBe('yes');
    expect(yesno('taller', 'lamp', 'chair').verdict).toBe('yes');
    expect(yesno('shorter', 'lamp', 'chair').verdict).toBe('no');
    expect(yesno('bigger', 'table', 'cup').verdict).toBe('yes');
    expect(choice('smaller', 'table', 'cup').choice).toBe('cup');
  });
  it('width is the larger footprint extent, whatever the yaw', () => {
    const s = buildScene([
      { id: 'a', center: [0, 0.5, -3], size: [0.3, 1, 1.0], yaw: 0.4 },
      { id: 'b', center: [2, 0.5, -3], size: [0.8, 1, 0.2], yaw: 0 },
    ]);
    expect(choice('wider', 'a', 'b', s).choice).toBe('a');
  });
});

describe('near ties answer "about the same"', () => {
  const s = buildScene([
    { id: 'a', caption: 'box', center: [0, 0.25, -3], size: [0.5, 0.5, 0.5] },
    { id: 'b', caption: 'crate', center: [0.03, 0.27, -3.03], size: [0.52, 0.53, 0.49] },
  ]);
  it.each(RELATIONS)('%s', (relation) => {
    const yn = yesno(relation, 'a', 'b', s);
    expect(yn.verdict).toBe('about-the-same');
    expect(yn.sentence.toLowerCase()).toMatch(/about the same|neither|hard to say/);
    const ch = choice(relation, 'a', 'b', s);
    expect(ch.choice).toBeUndefined();
    expect(ch.sentence).toMatch(/about the same/);
  });
  it('just outside the band is decided, with less confidence than a clear case', () => {
    // band for lateral: 2 sigma of the difference, sigma = hypot(2% of the lateral offset + 1 cm, 1.5% of the extent): ~4 cm here
    const near = buildScene([
      { id: 'a', center: [0, 0.25, -3], size: [0.5, 0.5, 0.5] },
      { id: 'b', center: [0.1, 0.25, -3], size: [0.5, 0.5, 0.5] },
      { id: 'c', center: [2, 0.25, -3], size: [0.5, 0.5, 0.5] },
    ]);
    const close = yesno('left', 'a', 'b', near);
    const clear = yesno('left', 'a', 'c', near);
    expect(close.verdict).toBe('yes');
    expect(clear.confidence).toBeGreaterThan(close.confidence);
  });
  it('tie bands are symmetric and at least 2 cm', () => {
    const ctx = makeCtx(scene);
    const objs = scene.objects;
    for (const r of RELATIONS) for (const a of objs) for (const b of objs) {
      expect(compare(ctx, r, a, b).band).toBe(compare(ctx, r, b, a).band);
      if (r !== 'bigger' && r !== 'smaller') expect(compare(ctx, r, a, b).band).toBeGreaterThanOrEqual(0.02);
    }
  });
});

describe('confidence and caveats', () => {
  it('too-few-points lowers confidence and the sentence says why', () => {
    const flagged = buildScene([chair, { ...table, flags: ['too-few-points'] }]);
    const plain = yesno('left', 'chair', 'table');
    const rough = yesno('left', 'chair', 'table', flagged);
    expect(rough.verdict).toBe('yes');
    expect(rough.confidence).toBeLessThan(plain.confidence);
    expect(rough.caveats.length).toBe(1);
    expect(rough.sentence).toMatch(/few depth points/);
  });
  it('a low-confidence frame caveats vertical answers only', () => {
    const low = buildScene([chair, table, cup, lamp], { frameConfidence: 'low' });
    const tall = yesno('taller', 'lamp', 'chair', low);
    expect(tall.confidence).toBeLessThan(yesno('taller', 'lamp', 'chair').confidence);
    expect(tall.sentence).toMatch(/level camera/);
    expect(yesno('above', 'cup', 'table', low).caveats.length).toBe(1);
    const h = answerQuery(low, { type: 'size', measure: 'height', a: 'lamp' });
    expect(h.sentence).toMatch(/level camera/);
    const left = yesno('left', 'chair', 'table', low);
    expect(left.caveats).toEqual([]);
    expect(left.confidence).toBeCloseTo(yesno('left', 'chair', 'table').confidence, 12);
    // up from the walls: the caveat says so, not that the camera was assumed level
    const walls = { ...low, frame: { ...low.frame, method: 'walls' as const } };
    const wallsTall = yesno('taller', 'lamp', 'chair', walls);
    expect(wallsTall.sentence).toMatch(/comes from the walls/);
    expect(wallsTall.sentence).not.toMatch(/level camera/);
    // up from the picture's vertical lines alone: says that
    const lines = { ...low, frame: { ...low.frame, method: 'vertical-lines' as const, gravityEdges: 6 } };
    const linesTall = yesno('taller', 'lamp', 'chair', lines);
    expect(linesTall.sentence).toMatch(/comes from vertical lines in the photo/);
    expect(linesTall.sentence).not.toMatch(/level camera/);
    // a floor found under a furniture top that fills the view: not a level-camera guess either
    const hidden = { ...low, frame: { ...low.frame, method: 'support-plane' as const } };
    const hiddenTall = yesno('taller', 'lamp', 'chair', hidden);
    expect(hiddenTall.sentence).toMatch(/most of the floor is hidden/);
    expect(hiddenTall.sentence).not.toMatch(/level camera|no floor/);
  });
  it('object confidence scales the answer confidence', () => {
    const weak = buildScene([{ ...chair, confidence: 0.2 }, table]);
    expect(yesno('left', 'chair', 'table', weak).confidence).toBeLessThan(yesno('left', 'chair', 'table').confidence);
  });
});

describe('lookup, evidence and phrasing', () => {
  it('throws a typed error for an unknown id', () => {
    expect(() => yesno('left', 'chair', 'sofa')).toThrow(UnknownObjectError);
    try { yesno('left', 'ghost', 'table'); } catch (e) { expect((e as UnknownObjectError).objectId).toBe('ghost'); }
  });
  it('evidence names the objects and gives quantities and visuals', () => {
    const a = yesno('taller', 'lamp', 'chair');
    expect(a.evidence.objects).toEqual(['lamp', 'chair']);
    expect(a.evidence.quantities[0].value).toBeCloseTo(1.6, 12);
    expect(a.evidence.visuals.filter((v) => v.kind === 'height-bar')).toHaveLength(2);
    expect(a.evidence.visuals[0]).toEqual({ kind: 'highlight', objectIds: ['lamp', 'chair'] });
  });
  it('every template table has at least 3 phrasings, picked by the seed', () => {
    for (const list of Object.values(TEMPLATES)) expect(list.length).toBeGreaterThanOrEqual(3);
    const q = { type: 'relation', form: 'yesno', relation: 'left', a: 'chair', b: 'table' } as const;
    const sentences = [0, 1, 2].map((phrasingSeed) => answerQuery(scene, q, { phrasingSeed }).sentence);
    expect(new Set(sentences).size).toBe(3);
    expect(answerQuery(scene, q, { phrasingSeed: 3 }).sentence).toBe(sentences[0]);
    expect(answerQuery(scene, q).sentence).toBe(sentences[0]);
  });
});
