/**
 * A rendered sequence with exact ground truth (the ray-cast generator in src/core/testing): a can slides
 * towards an orange on the floor along a known path; on frames 6-7 a panel passes in front of the can.
 * Static camera, and a moving camera with its true poses.
 */
import { describe, expect, it } from 'vitest';
import { renderSyntheticScene, syntheticCameraRotation, type SyntheticCamera } from '../testing/syntheticScene';
import { canAndOrangeObjects } from '../testing/sequenceScene';
import { decodeMask } from '../scene/mask';
import { distance, mulMat, type Mat3 } from '../geometry/vec';
import { SequenceProcessor, type CameraPose, type FrameRecord } from './processor';
import { buildCurve, findTrack } from './curve';

const FRAMES = 16;
const OCCLUDED = new Set([6, 7]);
const W = 320, H = 240;

const rotY = (a: number): Mat3 => [Math.cos(a), 0, Math.sin(a), 0, 1, 0, -Math.sin(a), 0, Math.cos(a)];

function run(cameraAt: (f: number) => SyntheticCamera, mode: 'static' | 'moving') {
  let proc: SequenceProcessor | null = null;
  const records: FrameRecord[] = [];
  const truth: { dist: number; visible: boolean; height: number }[] = [];
  for (let f = 0; f < FRAMES; f++) {
    const cam = cameraAt(f);
    const r = renderSyntheticScene({ image: { width: W, height: H, fovXDeg: 60 }, camera: cam, objects: canAndOrangeObjects(f, OCCLUDED) });
    proc ??= new SequenceProcessor({
      intrinsics: r.intrinsics, intrinsicsSource: 'explicit', intrinsicsDetail: 'renderer', camera: mode,
      provenance: { depthSource: 'rendered', objectsSource: 'rendered masks', createdAt: '', app: 'test' },
    });
    const seen = r.objects.filter((o) => o.visiblePixels > 30);
    const pose: CameraPose | undefined = mode === 'moving'
      ? { rotation: mulMat(rotY(((cam.yawDeg ?? 0) * Math.PI) / 180), syntheticCameraRotation(cam)), translation: [cam.x ?? 0, cam.height, cam.z ?? 0] }
      : undefined;
    records.push(proc.process({
      timestamp: f * 0.5, depth: r.depth, rgb: r.rgb, pose,
      objects: seen.map((o) => ({ id: o.id, caption: o.caption, box2d: o.box2d, mask: o.mask })),
    }));
    const box = (id: string) => r.truth.boxes.find((b) => b.id === id)?.obb.center ?? [0, 0, 0];
    truth.push({ dist: distance(box('can'), box('orange')), visible: seen.some((o) => o.id === 'can') && seen.some((o) => o.id === 'orange'), height: r.truth.cameraHeight });
  }
  if (!proc) throw new Error('no frames');
  const tracks = proc.tracks();
  const can = findTrack(tracks, 'can'), orange = findTrack(tracks, 'orange');
  if (!can || !orange) throw new Error('tracks missing');
  return { proc, records, truth, tracks, curve: buildCurve(records, 'distance', can, orange, proc.describeCamera()) };
}

describe('rendered sequence: a can moves towards an orange', () => {
  it('static camera: within 3 cm of the exact distance where both are seen, gaps flagged, ids stable', () => {
    const { curve, truth, tracks, records } = run(() => ({ height: 1.4, pitchDeg: 25 }), 'static');
    let worst = 0;
    curve.rows.forEach((row, f) => {
      if (!truth[f].visible) {
        expect(row.value).toBeNull();
        expect(row.flags).toContain('missing-a');
        return;
      }
      expect(row.value).not.toBeNull();
      worst = Math.max(worst, Math.abs((row.value ?? 0) - truth[f].dist));
    });
    expect(worst).toBeLessThan(0.03);
    // the panel hid the can on exactly the occluded frames, and the can kept its id through them
    expect(curve.rows.filter((r) => r.value === null).map((r) => r.frame)).toEqual([...OCCLUDED]);
    expect(tracks.filter((t) => t.caption === 'can')).toHaveLength(1);
    expect(tracks.filter((t) => t.caption === 'orange')).toHaveLength(1);
    expect(curve.camera).toMatch(/^static camera: gravity frame estimated on frame 0/);
    expect(records.slice(1).every((r) => r.cameraHeight === records[0].cameraHeight)).toBe(true);
    expect(curve.summary.trend).toBe('fell');
    console.log(`static: worst |error| ${(worst * 100).toFixed(2)} cm; ${curve.summary.sentence}`);
  });

  it('moving camera with true poses: gravity per frame, metric scale consistent, ids stable', () => {
    const { curve, truth, tracks, records } = run((f) => ({ height: 1.4 + 0.01 * f, pitchDeg: 25 + f * 0.6, x: -0.3 + f * 0.04, yawDeg: -4 + f * 0.8, rollDeg: 1.5 }), 'moving');
    let worst = 0;
    curve.rows.forEach((row, f) => {
      if (truth[f].visible) worst = Math.max(worst, Math.abs((row.value ?? Infinity) - truth[f].dist));
      else expect(row.value).toBeNull();
      // metric scale: each frame's camera height from its own support plane matches the truth
      expect(Math.abs((records[f].cameraHeight ?? 0) - truth[f].height)).toBeLessThan(0.02);
    });
    expect(worst).toBeLessThan(0.03);
    expect(tracks.filter((t) => t.caption === 'can')).toHaveLength(1);
    expect(curve.camera).toMatch(/^moving camera: gravity re-estimated on every frame/);
    console.log(`moving: worst |error| ${(worst * 100).toFixed(2)} cm; ${curve.summary.sentence}`);
  });

  it('the masks the test feeds in are the renderer\'s own (sanity)', () => {
    const r = renderSyntheticScene({ image: { width: W, height: H }, camera: { height: 1.4, pitchDeg: 25 }, objects: canAndOrangeObjects(0, OCCLUDED) });
    const bits = decodeMask(r.objects[0].mask);
    expect(bits.reduce((s, b) => s + b, 0)).toBe(r.objects[0].visiblePixels);
  });
});
