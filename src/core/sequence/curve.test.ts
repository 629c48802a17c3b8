import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { smoothCurve } from './smooth';
import { summarizeCurve } from './summary';
import { buildCurve, curveToCsv, findTrack } from './curve';
import { pickTracks } from './pick';
import type { FrameRecord } from './processor';
import type { Track } from './tracker';
import { buildScene } from '../testing/sceneBuilder';

describe('smoothing', () => {
  it('leaves gaps as gaps and drops a single spike', () => {
    const v = [1, 0.98, 0.96, 3, 0.92, null, 0.88, 0.86];
    const s = smoothCurve(v, v.map((x) => (x === null ? null : 0.01)));
    expect(s.smoothed[5]).toBeNull();
    expect(s.outlier[3]).toBe(true);
    expect(s.outlier.filter(Boolean)).toHaveLength(1);
    for (const x of s.smoothed) if (x !== null) expect(x).toBeLessThan(1.01);
  });

  it('property: gaps stay gaps, and a straight trend (with gaps) passes through unchanged', () => {
    fc.assert(fc.property(
      fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -0.2, max: 0.2, noNaN: true }),
      fc.array(fc.boolean(), { minLength: 1, maxLength: 60 }),
      (a, b, seen) => {
        const vals = seen.map((on, i) => (on ? a + b * i : null));
        const s = smoothCurve(vals, vals.map(() => 0.02));
        return s.smoothed.every((x, i) => (x === null) === (vals[i] === null) && (x === null || Math.abs(x - (a + b * i)) < 1e-6));
      }));
  });
});

describe('summary', () => {
  it('says the distance fell and from which frame it is monotone', () => {
    const vals = [0.62, 0.63, 0.61, 0.64, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.04];
    const s = summarizeCurve({ measure: 'distance', frames: vals.map((_, i) => i), values: vals, smoothed: vals, sigmas: vals.map(() => 0.004) });
    expect(s.trend).toBe('fell');
    expect(s.sentence).toBe('distance fell from 0.62 m to 0.04 m; monotone after frame 3');
  });

  it('a flat curve within its sigma is steady; an empty one says so', () => {
    const s = summarizeCurve({ measure: 'distance', frames: [0, 1, 2], values: [1, 1.01, 1], smoothed: [1, 1.01, 1], sigmas: [0.02, 0.02, 0.02] });
    expect(s.trend).toBe('steady');
    expect(summarizeCurve({ measure: 'distance', frames: [0], values: [null], smoothed: [null], sigmas: [null] }).trend).toBe('no-data');
  });

  it('summarises a relation by its verdicts', () => {
    const v = [-1, -1, 0, 1, 1];
    const s = summarizeCurve({ measure: 'left', frames: [0, 1, 2, 3, 4], values: v, smoothed: v, sigmas: v.map(() => 0) });
    expect(s.sentence).toBe('"left" holds in 2 of 5 frames; yes from frame 3 on');
  });
});

const track = (id: string, caption: string, frames = 3): Track => ({ id, caption, firstFrame: 0, lastFrame: frames - 1, frames, endedAt: null });

function records(): FrameRecord[] {
  const out: FrameRecord[] = [];
  for (let f = 0; f < 6; f++) {
    const x = -1 + f * 0.3;
    const boxes = [{ id: 'o1', caption: 'can', center: [x, 0.06, -2] as [number, number, number], size: [0.07, 0.12, 0.07] as [number, number, number] }];
    if (f !== 3) boxes.push({ id: 'o2', caption: 'orange', center: [0.2, 0.04, -2], size: [0.08, 0.08, 0.08] });
    const scene = buildScene(boxes);
    out.push({ index: f, timestamp: f * 0.5, scene, trackIds: scene.objects.map((o) => (o.caption === 'can' ? 't1' : 't2')), flags: [], cameraHeight: 1.4, timings: { geometryMs: 0, trackingMs: 0 } });
  }
  out.push({ index: 6, timestamp: 3, scene: null, trackIds: [], flags: ['no-depth'], cameraHeight: null, timings: { geometryMs: 0, trackingMs: 0 } });
  return out;
}

describe('curve', () => {
  const a = track('t1', 'can'), b = track('t2', 'orange');
  it('measures the distance on each frame, flags gaps, exports CSV', () => {
    const c = buildCurve(records(), 'distance', a, b, 'static camera');
    expect(c.rows[0].value).toBeCloseTo(Math.hypot(1.2, 0.02), 6);
    expect(c.rows[3]).toMatchObject({ value: null, flags: ['missing-b'] });
    expect(c.rows[6]).toMatchObject({ value: null, flags: ['no-depth'] });
    expect(c.summary.trend).toBe('fell');
    const csv = curveToCsv(c).split('\n');
    expect(csv[0]).toBe('frame,timestamp,value,sigma,smoothed,track_a,track_b,flags');
    expect(csv[4]).toBe('3,1.500,,,,t1,t2,missing-b');
  });

  it('swapping the two tracks never changes a distance', () => {
    const ab = buildCurve(records(), 'distance', a, b, '');
    const ba = buildCurve(records(), 'distance', b, a, '');
    ab.rows.forEach((r, i) => expect(ba.rows[i].value).toBe(r.value));
  });

  it('relations plot as +1 / 0 / -1', () => {
    const c = buildCurve(records(), 'left', a, b, '');
    expect(c.unit).toBe('verdict');
    expect(c.rows[0].value).toBe(1);
    expect(c.rows[5].value).toBe(-1);
  });

  it('height above the support needs one track only', () => {
    const c = buildCurve(records(), 'height_above_support', a, b, '');
    expect(c.rows[3].value).toBeCloseTo(0, 6);
  });

  it('finds tracks by caption and reads a typed request with the question parser', () => {
    const tracks = [track('t1', 'can', 5), track('t2', 'orange', 5), track('t3', 'can', 1)];
    expect(findTrack(tracks, ' Can ')?.id).toBe('t1');
    const p = pickTracks('distance between the can and the orange', tracks);
    expect(p).toMatchObject({ status: 'ok', measure: 'distance', a: { id: 't1' }, b: { id: 't2' } });
    expect(pickTracks('Is the can to the left of the orange?', tracks)).toMatchObject({ status: 'ok', measure: 'left' });
    const missing = pickTracks('distance between the can and the piano', tracks);
    expect(missing.status).toBe('error');
  });
});
