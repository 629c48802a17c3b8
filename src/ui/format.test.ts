import { describe, expect, it } from 'vitest';
import { buildScene } from '../core/testing/sceneBuilder';
import { answerQuery } from '../core/reason/answerQuery';
import { headline, lowFrameHint, uprightSource } from './format';

const scene = buildScene([
  { id: 'sofa', caption: 'sofa', center: [-1, 0.42, -4], size: [2, 0.84, 0.9] },
  { id: 'tv', caption: 'tv', center: [1.5, 0.8, -5.5], size: [1.2, 0.7, 0.1] },
  { id: 'lamp', caption: 'lamp', center: [-2.5, 0.8, -6], size: [0.4, 1.6, 0.4] },
]);

describe('answer headlines', () => {
  it('a measure asked against a length leads with the verdict, then the measurement', () => {
    const a = answerQuery(scene, { type: 'size', measure: 'height', a: 'sofa', threshold: { op: 'below', metres: 1 } });
    expect(headline(a, scene, 'metric')).toBe('Yes · 84 cm');
    expect(headline(answerQuery(scene, { type: 'size', measure: 'height', a: 'sofa' }), scene, 'metric')).toBe('84 cm');
  });
  it('where one object is from another: the sides its axes decide, then the distance', () => {
    expect(headline(answerQuery(scene, { type: 'place', a: 'sofa', b: 'tv' }), scene, 'metric')).toBe('Left, in front, lower · 2.9 m');
  });
  it('how high off the floor: the bottom and the top', () => {
    expect(headline(answerQuery(scene, { type: 'elevation', a: 'tv' }), scene, 'metric')).toBe('Bottom 50 cm · top 1.2 m');
    expect(headline(answerQuery(scene, { type: 'elevation', a: 'sofa' }), scene, 'metric')).toBe('On the floor · top 84 cm');
  });
  it('a superlative whose top two are too close to call names no winner and implies no order', () => {
    const twins = buildScene([{ id: 'a', caption: 'red chair', center: [-1, 0.48, -3], size: [0.5, 0.96, 0.5] }, { id: 'b', caption: 'blue chair', center: [1, 0.48, -3], size: [0.5, 0.96, 0.5] }]);
    const tie = answerQuery(twins, { type: 'order', by: 'height', objects: ['a', 'b'], descending: true, top: true });
    expect(headline(tie, twins, 'metric')).toBe('Too close to call: red chair or blue chair');
    expect(headline(answerQuery(scene, { type: 'order', by: 'height', objects: ['sofa', 'tv', 'lamp'], descending: true, top: true }), scene, 'metric')).toBe('lamp');
    expect(headline(answerQuery(scene, { type: 'order', by: 'height', objects: ['sofa', 'tv', 'lamp'], descending: true }), scene, 'metric')).toBe('lamp → sofa → tv');
  });
  it('dimensions: width x depth x height', () => {
    expect(headline(answerQuery(scene, { type: 'dimensions', a: 'sofa' }), scene, 'metric')).toBe('2.0 m × 90 cm × 84 cm');
  });
  it('a side asked of a facing question leads with the verdict, then the clock', () => {
    const a = answerQuery(scene, { type: 'facing', at: 'sofa', toward: 'tv', target: 'lamp', ask: 'right' });
    expect(headline(a, scene, 'metric')).toBe('No · 9 o’clock');
    expect(headline(answerQuery(scene, { type: 'facing', at: 'sofa', toward: 'tv', target: 'lamp' }), scene, 'metric')).toBe('9 o’clock');
  });
  it('the side of the picture: the side, or the verdict', () => {
    expect(headline(answerQuery(scene, { type: 'side', a: 'sofa' }), scene, 'metric')).toBe('Left side');
    expect(headline(answerQuery(scene, { type: 'side', a: 'tv', ask: 'left' }), scene, 'metric')).toBe('No');
    const middle = buildScene([{ id: 'rug', caption: 'rug', center: [0, 0.01, -4], size: [0.6, 0.02, 1] }]);
    expect(headline(answerQuery(middle, { type: 'side', a: 'rug', ask: 'left' }), middle, 'metric')).toBe('In the middle');
  });
  it('asked both ways ("is the sofa left or right of the tv?"): the side that holds, no yes or no', () => {
    const a = answerQuery(scene, { type: 'relation', form: 'yesno', relation: 'right', a: 'sofa', b: 'tv', either: true });
    expect(a.verdict).toBe('no');
    expect(a.sentence).toMatch(/^(?:The sofa is to the left of the tv|Of the two, the sofa is to the left of the tv)/);
    expect(a.sentence).not.toMatch(/^(?:Yes|No)\b/);
    expect(headline(a, scene, 'metric')).toBe('To the left of the tv');
    expect(headline(answerQuery(scene, { type: 'relation', form: 'yesno', relation: 'taller', a: 'lamp', b: 'sofa', either: true }), scene, 'metric')).toBe('Taller than the sofa');
  });
  it('a count asked yes or no leads with the verdict; asked how many, the number', () => {
    expect(headline(answerQuery(scene, { type: 'count', relation: 'left', reference: 'tv', ask: 'any' }), scene, 'metric')).toBe('Yes');
    expect(headline(answerQuery(scene, { type: 'count', relation: 'left', reference: 'tv', among: ['sofa', 'lamp'], ask: 'all' }), scene, 'metric')).toBe('Yes');
    expect(headline(answerQuery(scene, { type: 'count', relation: 'left', reference: 'tv' }), scene, 'metric')).toBe('2');
  });
});

describe('where upright came from', () => {
  it('names the surfaces and counts the photo\'s vertical lines; a level-camera guess says nothing', () => {
    expect(uprightSource({ method: 'support-plane', gravityEdges: 12 })).toBe('upright from the floor or table and 12 vertical lines in the photo');
    expect(uprightSource({ method: 'support-plane' })).toBe('upright from the floor or table');
    expect(uprightSource({ method: 'walls', gravityEdges: 1 })).toBe('upright from the walls and 1 vertical line in the photo');
    expect(uprightSource({ method: 'vertical-lines', gravityEdges: 9 })).toBe('upright from 9 vertical lines in the photo');
    expect(uprightSource({ method: 'level-camera' })).toBe('');
    expect(uprightSource({ method: 'given', gravityEdges: 3 })).toBe('');
  });

  it('the warning under a frame of low confidence says what up and the heights came from', () => {
    expect(lowFrameHint({ method: 'level-camera' })).toMatch(/assumed level/);
    expect(lowFrameHint({ method: 'walls' })).toMatch(/from the walls/);
    expect(lowFrameHint({ method: 'vertical-lines' })).toMatch(/from vertical lines in the photo/);
    // a support plane with much of the scene under it (a bed top): a floor was found, the camera was not assumed level
    expect(lowFrameHint({ method: 'support-plane' })).not.toMatch(/No floor|assumed level/);
  });
});
