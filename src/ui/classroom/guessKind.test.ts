import { describe, expect, it } from 'vitest';
import { buildScene } from '../../core/testing/sceneBuilder';
import { answerQuery } from '../../core/reason/answerQuery';
import { isNumeric } from './PresenterMode';

const scene = buildScene([
  { id: 'sofa', caption: 'sofa', center: [-1, 0.42, -4], size: [2, 0.84, 0.9] },
  { id: 'tv', caption: 'tv', center: [1.5, 0.8, -5.5], size: [1.2, 0.7, 0.1] },
]);

describe('what a class guesses', () => {
  it('a length for a measure, a verdict for a measure asked against a length, neither for a description', () => {
    expect(isNumeric(answerQuery(scene, { type: 'size', measure: 'height', a: 'sofa' }))).toBe(true);
    expect(isNumeric(answerQuery(scene, { type: 'size', measure: 'height', a: 'sofa', threshold: { op: 'above', metres: 1 } }))).toBe(false);
    expect(isNumeric(answerQuery(scene, { type: 'place', a: 'sofa', b: 'tv' }))).toBe(false);
    expect(isNumeric(answerQuery(scene, { type: 'dimensions', a: 'sofa' }))).toBe(false);
  });
});
