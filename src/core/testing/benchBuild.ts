/**
 * One occlusion-benchmark scene built as `npm run eval -- --synthetic` builds it (sensor-noise depth, the
 * objects a detector would see given as masks or 2D boxes), with its exact boxes: for tests that pin a case
 * of the benchmark.
 */
import { buildScene } from '../build/buildScene';
import type { SceneGraph } from '../scene/types';
import { BENCH_LIDAR, noisyDepth, occlusionScene, type LidarPattern } from './occlusionBench';
import { renderSyntheticScene, type SyntheticRender } from './syntheticScene';

/** The eval leaves out objects under this many visible pixels, as annotators leave them out. */
export const BENCH_MIN_VISIBLE_PX = 150;

export function buildBenchScene(seed: number, objects: 'masks' | 'boxes' = 'masks', lidar: LidarPattern = BENCH_LIDAR): { scene: SceneGraph; truth: (id: string) => SyntheticRender['truth']['boxes'][number] } {
  const bench = occlusionScene(seed);
  const r = renderSyntheticScene(bench.spec);
  const { scene } = buildScene({
    depth: noisyDepth(r.depth, bench.kind, seed, lidar), intrinsics: r.intrinsics, intrinsicsSource: 'explicit', intrinsicsDetail: 'synthetic', rgb: r.rgb,
    objects: r.objects.filter((o) => o.visiblePixels >= BENCH_MIN_VISIBLE_PX)
      .map((o) => ({ id: o.id, caption: o.caption, box2d: o.box2d, ...(objects === 'masks' ? { mask: o.mask } : {}) })),
    provenance: { depthSource: 'synthetic ray-caster', objectsSource: `synthetic ${objects}`, createdAt: '2026-01-01T00:00:00Z', app: 'test' },
  });
  return { scene, truth: (id) => r.truth.boxes.find((b) => b.id === id)! };
}

/**
 * One object of a benchmark scene with its exact box, and how far its box centre lies from the truth's across
 * the floor (x and z): what the tests pinning a benchmark case assert.
 */
export function benchObject(seed: number, id: string, objects: 'masks' | 'boxes' = 'masks', lidar: LidarPattern = BENCH_LIDAR) {
  const { scene, truth } = buildBenchScene(seed, objects, lidar);
  const o = scene.objects.find((q) => q.id === id)!, t = truth(id);
  return { o, t, centreErrorXZ: Math.hypot(o.obb.center[0] - t.obb.center[0], o.obb.center[2] - t.obb.center[2]) };
}
