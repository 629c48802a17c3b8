/**
 * More bench sections: geometry timings across image sizes, peak memory of the geometry stage, the built
 * app's JavaScript size, and what each model preset downloads.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEVICE_VARIANTS, PRESETS, resolveManifest, type ModelEntry, type Preset } from '../../src/pipeline/manifest';
import { downloadSize, photoDownloadBytes } from '../../src/pipeline/hub/listing';
import { benchSceneSpec, runGeometryBench, type BenchSectionResult } from './benchGeometry';
import { renderSyntheticScene } from '../../src/core/testing/syntheticScene';
import { REPO_ROOT } from './fixtures';

const kib = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
const mb = (b: number) => `${(b / 1e6).toFixed(0)} MB`;

/** The geometry stages at 320x240, 640x480 and 1280x960: growth with size (no target: the 640x480 section has it). */
export function runSizeSweep(): BenchSectionResult {
  const sizes: [number, number, number][] = [[320, 240, 30], [640, 480, 20], [1280, 960, 20]];
  const lines = ['  size        points     median ms   M points/s   CPU ms'];
  const metrics: Record<string, number> = {};
  for (const [w, h, runs] of sizes) {
    const r = runGeometryBench({ width: w, height: h, runs, warmup: 3, targetMs: Infinity });
    const m = r.metrics;
    lines.push(`  ${`${w}x${h}`.padEnd(11)} ${String(m.points).padStart(8)} ${m.totalMs.toFixed(1).padStart(12)} ${(m.pointsPerSecond / 1e6).toFixed(2).padStart(12)} ${m.cpuMs.toFixed(1).padStart(8)}`);
    metrics[`ms_${w}x${h}`] = m.totalMs;
    metrics[`pointsPerSecond_${w}x${h}`] = m.pointsPerSecond;
  }
  return { name: 'geometry size sweep', lines, metrics, ok: true };
}

/** Peak resident-set growth while buildScene runs once, measured in a fresh Node process per size. */
export function runMemoryBench(): BenchSectionResult {
  const lines: string[] = [];
  const metrics: Record<string, number> = {};
  const dir = mkdtempSync(join(tmpdir(), 'spatiallens-bench-'));
  try {
    for (const [w, h] of [[640, 480], [1280, 960]]) {
      const r = renderSyntheticScene(benchSceneSpec(w, h));
      const path = join(dir, `scene-${w}.json`);
      writeFileSync(`${path}.depth`, Buffer.from(r.depth.data.buffer));
      writeFileSync(`${path}.rgb`, Buffer.from(r.rgb.data.buffer));
      writeFileSync(path, JSON.stringify({
        width: w, height: h, intrinsics: r.intrinsics, intrinsicsSource: 'explicit', intrinsicsDetail: 'bench',
        objects: r.objects.map((o) => ({ id: o.id, caption: o.caption, box2d: o.box2d, mask: o.mask })),
        provenance: { depthSource: 'synthetic', objectsSource: 'synthetic', createdAt: new Date(0).toISOString(), app: 'bench' },
      }));
      const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(REPO_ROOT, 'scripts/lib/benchMemoryChild.ts'), path], { cwd: REPO_ROOT, encoding: 'utf8' });
      const m = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Record<string, number>;
      const inputMiB = (r.depth.data.byteLength + r.rgb.data.byteLength) / 2 ** 20;
      lines.push(`  ${`${w}x${h}`.padEnd(10)} peak RSS growth ${(m.peakRssGrowthKiB / 1024).toFixed(1)} MiB while building the scene (inputs ${inputMiB.toFixed(1)} MiB, ${m.points} points, process baseline ${(m.baselineKiB / 1024).toFixed(0)} MiB)`);
      metrics[`peakRssGrowthMiB_${w}x${h}`] = m.peakRssGrowthKiB / 1024;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { name: 'geometry peak memory', lines, metrics, ok: true };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** JS shipped by the built app (dist/), raw and gzipped; the onnxruntime wasm binaries listed apart. */
export function runBundleSize(): BenchSectionResult {
  const dist = join(REPO_ROOT, 'dist');
  if (!existsSync(dist)) return { name: 'bundle size', lines: ['  dist/ not found: run `npm run build` first'], metrics: {}, ok: true };
  const files = walk(dist);
  const sum = (list: string[]) => list.reduce((acc, f) => {
    const b = readFileSync(f);
    return { raw: acc.raw + b.length, gz: acc.gz + gzipSync(b, { level: 9 }).length };
  }, { raw: 0, gz: 0 });
  const js = files.filter((f) => /\.(m?js)$/.test(f));
  const ortGlue = js.filter((f) => /ort-wasm/.test(f));
  const appJs = js.filter((f) => !ortGlue.includes(f));
  const wasm = files.filter((f) => f.endsWith('.wasm'));
  const a = sum(appJs), o = sum(ortGlue), w = sum(wasm);
  const biggest = appJs.map((f) => ({ f: f.slice(dist.length + 1), b: statSync(f).size })).sort((x, y) => y.b - x.b).slice(0, 4);
  return {
    name: 'bundle size',
    lines: [
      `  app JavaScript (${appJs.length} files)     raw ${kib(a.raw).padStart(9)}   gzip ${kib(a.gz).padStart(9)}`,
      `  onnxruntime-web glue (${ortGlue.length} files) raw ${kib(o.raw).padStart(9)}   gzip ${kib(o.gz).padStart(9)}`,
      `  onnxruntime-web wasm (${wasm.length} files) raw ${kib(w.raw).padStart(9)}   gzip ${kib(w.gz).padStart(9)}   (fetched when a model first runs)`,
      `  largest JS: ${biggest.map((x) => `${x.f} ${kib(x.b)}`).join(', ')}`,
    ],
    metrics: { appJsBytes: a.raw, appJsGzipBytes: a.gz, ortGlueBytes: o.raw, ortWasmBytes: w.raw, ortWasmGzipBytes: w.gz },
    ok: true,
  };
}

/**
 * Bytes each preset downloads per device variant, from the committed Hub listings: the first photo (objects,
 * masks, depth), the opt-in scene check and the VLM (both on demand).
 */
export function runPresetSizes(): BenchSectionResult {
  const lines: string[] = [];
  const metrics: Record<string, number> = {};
  for (const preset of Object.keys(PRESETS) as Preset[]) {
    const m = PRESETS[preset];
    for (const [variant, caps] of Object.entries(DEVICE_VARIANTS)) {
      const size = (e: ModelEntry) => downloadSize(e, caps).bytes;
      const photo = photoDownloadBytes(resolveManifest(preset), caps);
      const roles = (['objects', 'masks', 'depth'] as const).map((r) => `${r} ${mb(size(m[r]))}`);
      lines.push(`  ${preset.padEnd(9)} ${variant.padEnd(9)} first photo ${mb(photo)} (${roles.join(', ')}); on demand: scene check ${mb(size(m.filter))}, VLM ${mb(size(m.vlm))}`);
      metrics[`${preset}_${variant}_photoBytes`] = photo;
      metrics[`${preset}_${variant}_vlmBytes`] = size(m.vlm);
    }
  }
  for (const e of PRESETS.standard.depthAlternatives ?? []) {
    lines.push(`  optional  ${e.id}: ${Object.entries(DEVICE_VARIANTS).map(([v, c]) => `${v} ${mb(downloadSize(e, c).bytes)}`).join(', ')}`);
  }
  return { name: 'model downloads', lines, metrics, ok: true };
}
