/**
 * Geometry benchmark section: lift + canonicalize + objects3d (pipeline stages 5-7) on a synthetic
 * 640x480 room with 10 objects (exact masks), timed over many runs after a warm-up.
 */
import { cpus, loadavg } from 'node:os';
import { canonicalize } from '../../src/core/geometry/canonicalize';
import { liftDepth } from '../../src/core/geometry/lift';
import { objects3d, type ObjectInput } from '../../src/core/geometry/objects3d';
import { renderSyntheticScene, syntheticTable, type SyntheticObject, type SyntheticSceneSpec } from '../../src/core/testing/syntheticScene';

export interface BenchSectionResult {
  name: string;
  /** Lines to print, already formatted. */
  lines: string[];
  /** Machine-readable numbers (for a JSON summary). */
  metrics: Record<string, number>;
  /** False when a target was missed. */
  ok: boolean;
}

export interface GeometryBenchOptions {
  width?: number;
  height?: number;
  runs?: number;
  warmup?: number;
  /** Use masks (default) or 2D boxes only. */
  masks?: boolean;
  targetMs?: number;
}

/** The benchmark room: floor, wall, a table and nine boxes spread over the view. */
export function benchSceneSpec(width: number, height: number): SyntheticSceneSpec {
  const objects: SyntheticObject[] = [syntheticTable('table', -0.9, -3.4)];
  const spots: [number, number, number, number][] = [
    [0.6, -2.4, 0.4, 0], [1.4, -3.0, 0.5, 0.3], [-1.8, -2.6, 0.35, -0.2], [0.2, -4.2, 0.6, 0.5], [-0.4, -5.2, 0.5, 0],
    [1.9, -4.6, 0.7, -0.4], [-2.2, -4.4, 0.45, 0.2], [1.0, -2.0, 0.25, 0], [-1.2, -1.9, 0.3, 0.6],
  ];
  spots.forEach(([x, z, s, yaw], i) =>
    objects.push({ id: `box${i}`, caption: `box ${i}`, parts: [{ center: [x, s / 2, z], size: [s, s * (1 + (i % 3) * 0.4), s], yaw, color: [60 + i * 20, 120, 200 - i * 15] }] }),
  );
  // stacked heights: keep every box standing on the floor
  for (const o of objects.slice(1)) o.parts[0].center[1] = o.parts[0].size[1] / 2;
  return { image: { width, height, fovXDeg: 65 }, camera: { height: 1.5, pitchDeg: 18, rollDeg: 2 }, wall: { distance: 7 }, objects };
}

const median = (v: number[]): number => [...v].sort((a, b) => a - b)[v.length >> 1];

export function runGeometryBench(opts: GeometryBenchOptions = {}): BenchSectionResult {
  const W = opts.width ?? 640, H = opts.height ?? 480;
  const runs = Math.max(20, opts.runs ?? 30), warmup = opts.warmup ?? 5, target = opts.targetMs ?? 40;
  const r = renderSyntheticScene(benchSceneSpec(W, H));
  const inputs: ObjectInput[] = r.objects.map((o) => ({ id: o.id, caption: o.caption, box2d: o.box2d, mask: opts.masks === false ? undefined : o.mask }));
  const t = { lift: [] as number[], canon: [] as number[], objects: [] as number[], total: [] as number[], cpu: [] as number[] };
  let points = 0, flagged = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const cloud = liftDepth(r.depth, r.intrinsics, { rgb: r.rgb });
    const t1 = performance.now();
    const frame = canonicalize(cloud);
    const t2 = performance.now();
    const res = objects3d(inputs, { depth: r.depth, intrinsics: r.intrinsics, frame });
    const t3 = performance.now();
    const c1 = process.cpuUsage(c0);
    if (i < warmup) continue;
    t.cpu.push((c1.user + c1.system) / 1000);
    t.lift.push(t1 - t0); t.canon.push(t2 - t1); t.objects.push(t3 - t2); t.total.push(t3 - t0);
    points = cloud.count;
    flagged = res.objects.filter((o) => o.flags.includes('too-few-points')).length;
  }
  const m = { lift: median(t.lift), canon: median(t.canon), objects: median(t.objects), total: median(t.total), cpu: median(t.cpu) };
  const pps = points / (m.total / 1000);
  const ok = m.total <= target;
  const lines = [
    `scene: ${W}x${H} synthetic room, ${inputs.length} objects (${opts.masks === false ? 'boxes only' : 'masks'}), ${points} points lifted (stride 1), ${runs} runs after ${warmup} warm-up`,
    `  lift          median ${m.lift.toFixed(1).padStart(7)} ms   min ${Math.min(...t.lift).toFixed(1)}`,
    `  canonicalize  median ${m.canon.toFixed(1).padStart(7)} ms   min ${Math.min(...t.canon).toFixed(1)}`,
    `  objects3d     median ${m.objects.toFixed(1).padStart(7)} ms   min ${Math.min(...t.objects).toFixed(1)}   (${(m.objects / inputs.length).toFixed(2)} ms/object)`,
    `  TOTAL         median ${m.total.toFixed(1).padStart(7)} ms   min ${Math.min(...t.total).toFixed(1)}  max ${Math.max(...t.total).toFixed(1)}`,
    `  CPU time      median ${m.cpu.toFixed(1).padStart(7)} ms   (process CPU per run; wall >> CPU means the machine is busy: load ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`,
    `  throughput    ${(pps / 1e6).toFixed(2)} M points/s   target <= ${target} ms: ${ok ? 'MET' : 'MISSED'}${flagged ? `   (${flagged} objects flagged too-few-points!)` : ''}`,
  ];
  return {
    name: `geometry ${W}x${H}`,
    lines,
    metrics: { width: W, height: H, runs, points, cpuMs: m.cpu, liftMs: m.lift, canonicalizeMs: m.canon, objectsMs: m.objects, totalMs: m.total, pointsPerSecond: pps },
    ok,
  };
}
