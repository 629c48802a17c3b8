/**
 * The query kinds added for a new user's first hour (range, tally, find, superlatives that name the winner),
 * feet and inches, and the hidden-end flag: checked on synthetic scenes, with properties where they hold
 * for any scene.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SceneGraph, SceneObject } from '../scene/types';
import { answerQuery } from './answerQuery';
import { formatFeetInches } from '../units/length';
import { parseQuestion } from '../language/parse';
import { occlusionsOf } from './occlusion';
import { viewpointFromScene } from './viewpoint';

function obj(id: string, caption: string, center: [number, number, number], size: [number, number, number], box: [number, number, number, number]): SceneObject {
  return {
    id, caption, confidence: 1, flags: [], pointCount: 1000,
    box2d: { x0: box[0], y0: box[1], x1: box[2], y1: box[3] },
    obb: { center, size, yaw: 0 }, aabb: { min: center.map((c, i) => c - size[i] / 2) as [number, number, number], max: center.map((c, i) => c + size[i] / 2) as [number, number, number] },
    centroid: center,
  } as unknown as SceneObject;
}

function scene(objects: SceneObject[]): SceneGraph {
  return { objects, frame: { cameraHeight: 1.5, confidence: 'high', method: 'support-plane' } } as unknown as SceneGraph;
}

const room = scene([
  obj('sofa', 'grey sofa', [0, 0.45, -5], [2, 0.9, 0.9], [200, 150, 440, 250]),
  obj('table', 'coffee table', [0, 0.2, -3.5], [1.1, 0.4, 0.6], [250, 230, 390, 290]),
  obj('red', 'red chair', [-1.5, 0.6, -3], [0.45, 1.2, 0.45], [100, 170, 190, 330]),
  obj('blue', 'blue chair', [1.6, 0.48, -4], [0.45, 0.96, 0.45], [450, 160, 520, 270]),
]);

describe('first-hour query kinds', () => {
  it('range: the distance from the camera to the object centre', () => {
    const a = answerQuery(room, { type: 'range', a: 'sofa' });
    expect(a.value).toBeCloseTo(Math.hypot(0, 1.05, 5), 9);
    expect(a.sentence).toMatch(/^The grey sofa is 5\.1 m from the camera\./);
  });

  it('tally: counts and names the objects of the kind, in any order', () => {
    fc.assert(fc.property(fc.shuffledSubarray(['red', 'blue'], { minLength: 2 }), (ids) => {
      const a = answerQuery(room, { type: 'tally', objects: ids });
      expect(a.value).toBe(2);
      expect(a.sentence).toMatch(/2 chairs/);
    }));
    const p = parseQuestion('How many chairs are there?', room);
    expect(p.status === 'ok' && p.parsed.query).toEqual({ type: 'tally', objects: ['red', 'blue'] });
  });

  it('find: every object named is in the relation; the one in line comes first', () => {
    const a = answerQuery(room, { type: 'find', relation: 'behind', reference: 'table' });
    expect(a.choice).toBe('sofa');
    expect(a.sentence).toMatch(/^The grey sofa is directly behind the coffee table/);
    for (const id of a.evidence.objects.slice(1)) {
      expect(answerQuery(room, { type: 'relation', form: 'yesno', relation: 'behind', a: id, b: 'table' }).verdict).toBe('yes');
    }
  });

  it('a superlative names its winner in the headline (choice) and first in the sentence', () => {
    const a = answerQuery(room, { type: 'order', by: 'height', objects: ['sofa', 'table', 'red'], descending: true, top: true });
    expect(a.choice).toBe('red');
    expect(a.sentence).toMatch(/^The red chair is the tallest\./);
  });

  it('feet and inches round to the inch and read back within half an inch (property)', () => {
    fc.assert(fc.property(fc.double({ min: 0.05, max: 30, noNaN: true }), (m) => {
      const t = formatFeetInches(m).text;
      const r = /^(?:(\d+) ft)? ?(?:(\d+) in)?$/.exec(t);
      expect(r).not.toBeNull();
      const inches = Number(r?.[1] ?? 0) * 12 + Number(r?.[2] ?? 0);
      expect(Math.abs(inches - m / 0.0254)).toBeLessThanOrEqual(0.5 + 1e-9);
      expect(Number(r?.[2] ?? 0)).toBeLessThan(12);
    }));
    expect(formatFeetInches(1.8034).text).toBe('5 ft 11 in');
  });

  it('a nearer box past an object\'s bottom edge flags its height as possibly hidden', () => {
    const view = viewpointFromScene(room);
    const sofa = room.objects[0];
    expect(occlusionsOf(sofa, room.objects, view).map((o) => [o.by.id, o.extent])).toEqual([['table', 'height']]);
    const h = answerQuery(room, { type: 'size', measure: 'height', a: 'sofa' });
    expect(h.caveats.join(' ')).toMatch(/partly hidden behind the coffee table/);
    // positions do not rest on the extent: no caveat there
    expect(answerQuery(room, { type: 'relation', form: 'yesno', relation: 'left', a: 'red', b: 'sofa' }).caveats).toEqual([]);
  });
});
