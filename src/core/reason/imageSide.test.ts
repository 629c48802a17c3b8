import { describe, expect, it } from 'vitest';
import { buildScene } from '../testing/sceneBuilder';
import { answerQuery } from './answerQuery';
import { MIDDLE_BAND, acrossShare, sideOf } from './imageSide';
import { viewpointFromScene } from './viewpoint';

// a 640-pixel-wide picture from a level camera 1.5 m up (sceneBuilder: f = 500 px)
const scene = buildScene([
  { id: 'sofa', caption: 'sofa', center: [-1.5, 0.4, -4], size: [1.6, 0.8, 0.9] },
  { id: 'lamp', caption: 'lamp', center: [1.2, 0.8, -5], size: [0.4, 1.6, 0.4] },
  { id: 'rug', caption: 'rug', center: [0.05, 0.01, -4], size: [0.6, 0.02, 1] },
  { id: 'bench', caption: 'bench', center: [0.2, 0.25, -3], size: [3, 0.5, 0.5] },
]);

describe('which side of the picture', () => {
  it('reads the box centre across the picture, with a middle band', () => {
    expect(acrossShare({ x0: 0, x1: 64 }, 640)).toBeCloseTo(0.05, 9);
    expect(sideOf(0.5 - MIDDLE_BAND - 0.001)).toBe('left');
    expect(sideOf(0.5)).toBe('middle');
    expect(sideOf(0.5 + MIDDLE_BAND + 0.001)).toBe('right');
    // mirrored boxes are on mirrored sides
    for (const x of [0, 50, 200, 300, 330, 500]) {
      const l = sideOf(acrossShare({ x0: x, x1: x + 40 }, 640));
      const r = sideOf(acrossShare({ x0: 640 - x - 40, x1: 640 - x }, 640));
      expect(r).toBe(l === 'left' ? 'right' : l === 'right' ? 'left' : 'middle');
    }
  });

  it('names the side, or answers yes or no for one side', () => {
    const sofa = answerQuery(scene, { type: 'side', a: 'sofa' });
    expect(sofa.sentence).toMatch(/sofa .*left side of the (?:picture|photo)/i);
    expect(sofa.evidence.quantities[0].value).toBeLessThan(0.45);
    expect(answerQuery(scene, { type: 'side', a: 'sofa', ask: 'left' }).verdict).toBe('yes');
    expect(answerQuery(scene, { type: 'side', a: 'sofa', ask: 'right' })).toMatchObject({ verdict: 'no' });
    expect(answerQuery(scene, { type: 'side', a: 'sofa', ask: 'right' }).sentence).toMatch(/^No, .*left side/);
    expect(answerQuery(scene, { type: 'side', a: 'lamp', ask: 'right' }).verdict).toBe('yes');
    // a box centred on the middle line is on neither side
    expect(answerQuery(scene, { type: 'side', a: 'rug' }).sentence).toMatch(/middle of the (?:picture|photo)/);
    expect(answerQuery(scene, { type: 'side', a: 'rug', ask: 'left' }).verdict).toBe('about-the-same');
  });

  it('is surer of a small box well on one side than of a wide box across the middle', () => {
    const lamp = answerQuery(scene, { type: 'side', a: 'lamp' });
    const bench = answerQuery(scene, { type: 'side', a: 'bench' });
    expect(lamp.confidence).toBeGreaterThan(bench.confidence);
  });

  it('is the picture\'s side whatever viewpoint the viewer is turned to', () => {
    const view = viewpointFromScene(scene);
    const turned = { ...view, eye: [5, 1.5, -4] as [number, number, number] };
    expect(answerQuery(scene, { type: 'side', a: 'sofa' }, { viewpoint: turned }).sentence).toBe(answerQuery(scene, { type: 'side', a: 'sofa' }).sentence);
  });
});
