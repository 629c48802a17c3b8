/**
 * Sequence benchmark section: per-frame cost of geometry + tracking (SequenceProcessor.process) on a
 * rendered 640x480 RGB-D sequence: the bench room's ten objects plus a can moving towards an orange, exact
 * masks. Static camera (gravity estimated on the first frame, then carried) and moving camera (gravity on
 * every frame). Frames are rendered before timing; only process() is timed. Target: <= 60 ms a frame of
 * CPU time (one core; wall time is printed beside it and is higher when the machine is shared).
 */
import { SequenceProcessor, type CameraMode } from '../../src/core/sequence';
import { renderSyntheticScene, type SyntheticRender } from '../../src/core/testing/syntheticScene';
import { benchSceneSpec } from '../../src/core/testing/benchScene';
import { canAndOrangeObjects } from '../../src/core/testing/sequenceScene';
import type { BenchSectionResult } from './benchGeometry';

const TARGET_MS = 60;
const median = (v: number[]): number => [...v].sort((a, b) => a - b)[v.length >> 1];

export function runSequenceBench(opts: { frames?: number; passes?: number } = {}): BenchSectionResult {
  const frames = opts.frames ?? 12, passes = opts.passes ?? 3;
  const base = benchSceneSpec(640, 480);
  const renders: SyntheticRender[] = [];
  for (let f = 0; f < frames; f++) renders.push(renderSyntheticScene({ ...base, objects: [...base.objects, ...canAndOrangeObjects(f, new Set())] }));
  const lines: string[] = [`scene: 640x480 rendered sequence, ${frames} frames x ${passes} passes, ${renders[0].objects.length} objects a frame (exact masks)`];
  const metrics: Record<string, number> = {};
  let ok = true;
  // both modes once untimed first: whichever ran first otherwise paid the JIT's warm-up (2x here)
  const modes: CameraMode[] = ['static', 'moving', 'static', 'moving'];
  for (const [k, mode] of modes.entries()) {
    const timed = k >= 2;
    const geo: number[] = [], trk: number[] = [], tot: number[] = [], cpu: number[] = [];
    for (let p = 0; p < passes; p++) {
      const proc = new SequenceProcessor({
        intrinsics: renders[0].intrinsics, intrinsicsSource: 'explicit', intrinsicsDetail: 'bench', camera: mode,
        provenance: { depthSource: 'rendered', objectsSource: 'rendered', createdAt: '', app: 'bench' },
      });
      renders.forEach((r, f) => {
        const c0 = process.cpuUsage();
        const rec = proc.process({ timestamp: f / 2, depth: r.depth, rgb: r.rgb, objects: r.objects.map((o) => ({ id: o.id, caption: o.caption, box2d: o.box2d, mask: o.mask })) });
        // the static camera's first frame (plane search) is the moving camera's cost: left out of the static figure
        const c1 = process.cpuUsage(c0);
        if (!timed || p === 0 || (mode === 'static' && f === 0)) return;
        cpu.push((c1.user + c1.system) / 1000);
        geo.push(rec.timings.geometryMs); trk.push(rec.timings.trackingMs); tot.push(rec.timings.geometryMs + rec.timings.trackingMs);
      });
    }
    if (!timed) continue;
    const m = median(tot);
    const c = median(cpu);
    // judged on CPU time: "one core" is what the target names, and wall time on a shared machine is not it
    const met = c <= TARGET_MS;
    ok &&= met;
    metrics[`${mode}MsPerFrame`] = m;
    metrics[`${mode}CpuMsPerFrame`] = c;
    metrics[`${mode}TrackingMs`] = median(trk);
    lines.push(`  ${mode.padEnd(7)} camera  median ${m.toFixed(1).padStart(6)} ms/frame wall, ${c.toFixed(1)} ms CPU (geometry ${median(geo).toFixed(1)}, tracking ${median(trk).toFixed(2)})  max ${Math.max(...tot).toFixed(1)}   target <= ${TARGET_MS} ms CPU: ${met ? 'MET' : 'MISSED'}`);
  }
  return { name: 'sequence 640x480', lines, metrics, ok };
}
