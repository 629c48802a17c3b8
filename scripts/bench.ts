/**
 * `npm run bench`: performance numbers for the parts of the pipeline that run on the CPU.
 * Each section lives in scripts/lib/bench*.ts and returns lines to print plus metrics; add sections to
 * SECTIONS. `--json` prints a machine-readable summary after the tables.
 */
import { runGeometryBench, type BenchSectionResult } from './lib/benchGeometry';
import { runBundleSize, runMemoryBench, runPresetSizes, runSizeSweep } from './lib/benchExtra';
import { runSynthBench } from './synth/bench';
import { runSequenceBench } from './lib/benchSequence';

const SECTIONS: { title: string; run: () => BenchSectionResult | Promise<BenchSectionResult> }[] = [
  { title: 'Geometry core: lift + canonicalize + objects3d', run: () => runGeometryBench({ width: 640, height: 480, runs: 30 }) },
  { title: 'Geometry core across image sizes', run: runSizeSweep },
  { title: 'Sequences: geometry + tracking per frame (decode cost in Chromium: npm run bench:video)', run: () => runSequenceBench() },
  { title: 'Geometry core peak memory', run: runMemoryBench },
  { title: 'Built app size (dist/)', run: runBundleSize },
  { title: 'Model downloads per preset (manifest)', run: runPresetSizes },
  { title: 'Dataset synthesis throughput (RGB-D items; local workers and BullMQ)', run: runSynthBench },
];

const results: BenchSectionResult[] = [];
console.log(`SpatialLens bench — node ${process.version}, ${new Date().toISOString()}`);
for (const s of SECTIONS) {
  console.log(`\n== ${s.title} ==`);
  const r = await s.run();
  results.push(r);
  for (const line of r.lines) console.log(line);
}
if (process.argv.includes('--json')) console.log(JSON.stringify(results.map(({ name, metrics, ok }) => ({ name, metrics, ok })), null, 2));
const missed = results.filter((r) => !r.ok).map((r) => r.name);
console.log(missed.length ? `\nTargets missed: ${missed.join(', ')}` : '\nAll targets met.');
