/**
 * Geometry benchmark section: lift + canonicalize + objects3d (pipeline stages 5-7) on a synthetic
 * 640x480 room with 10 objects (exact masks), timed over many runs after a warm-up.
 */
import { cpus, loadavg } from 'node:os';
import { canonicalize } from '../../src/core/geometry/canonicalize';
import { liftDepth } from '../../src/core/geometry/lift';
import { objects3d, type ObjectInput } from '../../src/core/geometry/objects3d';
import { renderSyntheticScene } from '../../src/core/testing/syntheticScene';
import { benchSceneSpec } from '../../src/core/testing/benchScene';

export { benchSceneSpec };

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

const median = (v: number[]): number => [...v].sort((a, b) => a - b)[v.length >> 1];

export function runGeometryBench(opts: GeometryBenchOptions = {}): BenchSectionResult {
  const W = opts.width ?? 640, H = opts.height ?? 480;
  // 20 warm-up runs: after 5, the JIT is still settling (runs 5-34 of a fresh process 39.6-41.7 ms median, runs
  // 30-59 34.9-35.9 ms, 2026-12-06); the cold first run and the warm-up's median are printed as well
  const runs = Math.max(20, opts.runs ?? 30), warmup = opts.warmup ?? 20, target = opts.targetMs ?? 40;
  const r = renderSyntheticScene(benchSceneSpec(W, H));
  const inputs: ObjectInput[] = r.objects.map((o) => ({ id: o.id, caption: o.caption, box2d: o.box2d, mask: opts.masks === false ? undefined : o.mask }));
  const t = { lift: [] as number[], canon: [] as number[], objects: [] as number[], total: [] as number[], cpu: [] as number[] };
  const warm: number[] = [];
  let points = 0, flagged = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const cloud = liftDepth(r.depth, r.intrinsics, { rgb: r.rgb });
    const t1 = performance.now();
    const frame = canonicalize(cloud, { image: { rgb: r.rgb, intrinsics: r.intrinsics } });
    const t2 = performance.now();
    const res = objects3d(inputs, { depth: r.depth, intrinsics: r.intrinsics, frame });
    const t3 = performance.now();
    const c1 = process.cpuUsage(c0);
    if (i < warmup) { warm.push(t3 - t0); continue; }
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
    ...(warm.length > 1 ? [`  warm-up       first run ${warm[0].toFixed(1)} ms (cold JIT), the other ${warm.length - 1} median ${median(warm.slice(1)).toFixed(1)} ms (not in the figures above)`] : []),
    `  CPU time      median ${m.cpu.toFixed(1).padStart(7)} ms   (process CPU per run; wall >> CPU means the machine is busy: load ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`,
    `  throughput    ${(pps / 1e6).toFixed(2)} M points/s   target <= ${target} ms: ${ok ? 'MET' : 'MISSED'}${flagged ? `   (${flagged} objects flagged too-few-points!)` : ''}`,
  ];
  return {
    name: `geometry ${W}x${H}`,
    lines,
    metrics: { width: W, height: H, runs, points, cpuMs: m.cpu, liftMs: m.lift, canonicalizeMs: m.canon, objectsMs: m.objects, totalMs: m.total, pointsPerSecond: pps, ...(warm.length ? { coldFirstRunMs: warm[0] } : {}) },
    ok,
  };
}
