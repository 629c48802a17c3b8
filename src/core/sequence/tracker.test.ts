import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Tracker, iou, type Detection } from './tracker';

const det = (caption: string, x: number, cx?: number): Detection => ({
  caption, box2d: { x0: x, y0: 10, x1: x + 40, y1: 50 }, center: cx === undefined ? undefined : [cx, 0.3, -2],
});

describe('tracker', () => {
  it('iou of a box with itself is 1, of disjoint boxes 0', () => {
    const b = { x0: 0, y0: 0, x1: 10, y1: 10 };
    expect(iou(b, b)).toBe(1);
    expect(iou(b, { x0: 20, y0: 0, x1: 30, y1: 10 })).toBe(0);
  });

  it('keeps ids for moving objects and never swaps captions', () => {
    const t = new Tracker();
    const ids: string[][] = [];
    for (let f = 0; f < 10; f++) ids.push(t.step(f, [det('can', 10 + f * 5, -1 + f * 0.05), det('orange', 300, 1)]));
    expect(new Set(ids.map((p) => p[0]))).toEqual(new Set(['t1']));
    expect(new Set(ids.map((p) => p[1]))).toEqual(new Set(['t2']));
  });

  it('a track survives two missed frames and ends after the third', () => {
    const t = new Tracker({ maxMissed: 2 });
    expect(t.step(0, [det('can', 10, 0)])).toEqual(['t1']);
    t.step(1, []);
    t.step(2, []);
    expect(t.step(3, [det('can', 12, 0.02)])).toEqual(['t1']);
    t.step(4, []);
    t.step(5, []);
    t.step(6, []);
    expect(t.step(7, [det('can', 12, 0.02)])).toEqual(['t2']);
    expect(t.tracks()[0]).toMatchObject({ id: 't1', firstFrame: 0, lastFrame: 3, frames: 2, endedAt: 6 });
  });

  it('two objects of one caption are told apart by 2D overlap and 3D distance', () => {
    const t = new Tracker();
    const first = t.step(0, [det('cup', 10, -1), det('cup', 200, 1)]);
    const second = t.step(1, [det('cup', 205, 1.02), det('cup', 14, -0.98)]);
    expect(second).toEqual([first[1], first[0]]);
  });

  it('a far 3D jump starts a new track even where the 2D boxes overlap', () => {
    const t = new Tracker({ maxCentreDistance: 0.5 });
    t.step(0, [det('chair', 10, 0)]);
    expect(t.step(1, [{ ...det('chair', 12), center: [0, 0.3, -5] }])).toEqual(['t2']);
  });

  it('property: one object seen with up to two misses in a row keeps one id', () => {
    fc.assert(fc.property(fc.array(fc.boolean(), { minLength: 5, maxLength: 40 }), (seen) => {
      const t = new Tracker({ maxMissed: 2 });
      let run = 0;
      const ids = new Set<string>();
      let x = 0;
      for (let f = 0; f < seen.length; f++) {
        x += 3;
        // force at most two misses in a row
        const visible = seen[f] || run >= 2 || f === 0;
        run = visible ? 0 : run + 1;
        if (visible) t.step(f, [det('can', x, x / 100)]).forEach((id) => ids.add(id));
        else t.step(f, []);
      }
      return ids.size === 1;
    }));
  });
});
