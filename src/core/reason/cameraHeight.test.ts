import { describe, expect, it } from 'vitest';
import { buildScene } from '../testing/sceneBuilder';
import { answerQuery } from './answerQuery';

const boxes = [{ id: 'sofa', caption: 'sofa', center: [0, 0.4, -4] as [number, number, number], size: [2, 0.8, 0.9] as [number, number, number] }];

describe('how high the camera was', () => {
  it('is the frame\'s camera height above the floor, with its uncertainty and a bar from the floor to the eye', () => {
    const scene = buildScene(boxes, { cameraHeight: 1.4 });
    const a = answerQuery(scene, { type: 'cameraHeight' });
    expect(a.value).toBeCloseTo(1.4, 9);
    expect(a.sentence).toMatch(/1\.40? m above the floor/);
    expect(a.evidence.quantities[0].uncertainty).toBeGreaterThan(0);
    expect(a.evidence.visuals).toEqual([{ kind: 'height-bar', base: [0, 0, 0], top: [0, 1.4, 0], label: expect.stringMatching(/1\.40? m/) }]);
    expect(a.confidence).toBeGreaterThan(0.8);
  });

  it('a camera low over a table names the surface below; a guessed frame says so and is less sure', () => {
    expect(answerQuery(buildScene(boxes, { cameraHeight: 0.5 }), { type: 'cameraHeight' }).sentence).toMatch(/above the surface below/);
    const guessed = answerQuery(buildScene(boxes, { cameraHeight: 1.4, frameConfidence: 'low' }), { type: 'cameraHeight' });
    expect(guessed.sentence).toMatch(/above the surface below\. Less certain because no floor or other support plane was found/);
    expect(guessed.confidence).toBeLessThan(answerQuery(buildScene(boxes, { cameraHeight: 1.4 }), { type: 'cameraHeight' }).confidence / 1.5);
  });
});
