import { describe, expect, it } from 'vitest';
import { BENCH_LIDAR, KITTI_LIDAR, noisyDepth, occlusionScene } from '../../src/core/testing/occlusionBench';
import { renderSyntheticScene } from '../../src/core/testing/syntheticScene';
import { runSyntheticEval } from './syntheticEval';

describe('runSyntheticEval', () => {
  it('evaluates the seeds asked for: held-out ones from --first-seed on', () => {
    const r = runSyntheticEval(2, 'boxes', () => {}, 200);
    expect(r.index).toBe('synthetic:200-201');
    expect(r.frames.map((f) => f.id)).toEqual(['synthetic-room-200', 'synthetic-street-201']);
    expect(r.summary.box_centre_error_camera_m_median).toBeGreaterThan(0);
  });
});

describe('--kitti-lidar', () => {
  it("keeps the streets' scan lines every fifth row, 40% of them, and says so in the report's index; rooms unchanged", () => {
    const k = runSyntheticEval(2, 'boxes', () => {}, 200, KITTI_LIDAR);
    const d = runSyntheticEval(2, 'boxes', () => {}, 200);
    expect(k.index).toBe('synthetic:200-201:lidar-rows-5-keep-0.4');
    expect(k.frames[0].validDepthShare).toBe(d.frames[0].validDepthShare); // the room's depth is not LiDAR
    // a fifth of the rows, 40% of each against a third, half: 0.08 / 0.167 of the returns
    expect(k.frames[1].validDepthShare / d.frames[1].validDepthShare).toBeCloseTo(0.48, 1);
  });
  it("leaves the benchmark's own depth as it was: the same pixels kept, the same noise", () => {
    const bench = occlusionScene(201);
    const r = renderSyntheticScene(bench.spec);
    const a = noisyDepth(r.depth, 'street', 201), b = noisyDepth(r.depth, 'street', 201, BENCH_LIDAR);
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    // every third row, half its pixels: what the benchmark has always kept (pinned: its figures depend on it)
    let rows = 0, kept = 0, lit = 0;
    for (let i = 0; i < r.depth.data.length; i++) {
      if (!(r.depth.data[i] > 0 && r.depth.data[i] <= 120)) continue;
      lit++;
      if (a.data[i] > 0) { kept++; if (Math.floor(i / r.depth.width) % 3 !== 0) rows++; }
    }
    expect(rows).toBe(0);
    expect(kept / lit).toBeGreaterThan(0.15);
    expect(kept / lit).toBeLessThan(0.18);
    // the very pixels and values of 3f87f4e, before the pattern became a parameter
    let sum = 0;
    for (let i = 0; i < a.data.length; i++) sum += a.data[i];
    expect(kept).toBe(29691);
    expect(sum).toBeCloseTo(185282.403, 1);
  });
});
