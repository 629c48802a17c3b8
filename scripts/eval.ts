/**
 * npm run eval -- --index <rgbd_index.json> [--out <dir>] [--models]
 * npm run eval -- --synthetic <N> [--first-seed <S>] [--kitti-lidar] [--out <dir>]: the seeded occlusion benchmark
 * (N random rooms and streets, seeds S.. S+N-1, default 0), objects as 2D boxes and again as masks, with box
 * errors per visibility class. Tune on this (seeds 0-199), not on fixtures; seeds from 200 on are held out.
 * --kitti-lidar: the streets' LiDAR in KITTI's pattern of pixels (every fifth row, 40% of it; occlusionBench.ts
 * KITTI_LIDAR) instead of the benchmark's every third row.
 *
 * Oracle-depth mode (default): each frame's real depth and intrinsics go through our geometry with the
 * annotations' 2D boxes as objects; answers are compared with those the annotated 3D boxes give.
 * --models [--model-host <url>]: the perception models (depth + masks, in Chromium on the built harness page)
 * instead of the depth files, where the model host is reachable; objects stay the annotations' 2D boxes so
 * answers can still be compared with the annotated 3D boxes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { reportMarkdown } from './lib/evalReport';
import { runEval } from './lib/runEval';
import { checkModelHost } from './lib/modelHost';
import { runModelsEval } from './lib/evalModels';
import { runSyntheticEval, type SyntheticReport } from './lib/syntheticEval';
import { BENCH_LIDAR, KITTI_LIDAR } from '../src/core/testing/occlusionBench';
import type { Report } from './lib/evalReport';

function usage(msg?: string): never {
  if (msg) console.error(`eval: ${msg}`);
  console.error('usage: npm run eval -- --index <rgbd_index.json> [--out <dir>] [--models [--model-host <url>] [--dist <built app, default dist/>]]');
  console.error('       npm run eval -- --synthetic <N> [--first-seed <S>] [--kitti-lidar] [--out <dir>]');
  process.exit(2);
}

function parseArgs(argv: string[]) {
  let index = '';
  let out = 'out/eval';
  let models = false;
  let modelHost: string | undefined;
  let dist: string | undefined;
  let synthetic = 0;
  let firstSeed: number | undefined;
  let kittiLidar = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--index') index = argv[++i] ?? usage('--index needs a path');
    else if (a === '--out') out = argv[++i] ?? usage('--out needs a folder');
    else if (a === '--models') models = true;
    else if (a === '--model-host') modelHost = argv[++i] ?? usage('--model-host needs a URL');
    else if (a === '--dist') dist = argv[++i] ?? usage('--dist needs a folder');
    else if (a === '--synthetic') {
      synthetic = Number(argv[++i]);
      if (!Number.isInteger(synthetic) || synthetic < 1) usage('--synthetic needs a scene count (a positive integer)');
    }
    else if (a === '--kitti-lidar') kittiLidar = true;
    else if (a === '--first-seed') {
      firstSeed = Number(argv[++i]);
      if (!Number.isInteger(firstSeed) || firstSeed < 0) usage('--first-seed needs a seed (an integer, 0 or more)');
    }
    else usage(`unknown argument ${a}`);
  }
  if (!index && !synthetic) usage('--index or --synthetic is required');
  if (index && synthetic) usage('--index and --synthetic do not go together');
  if ((modelHost || dist) && !models) usage('--model-host and --dist go with --models');
  if (firstSeed !== undefined && !synthetic) usage('--first-seed goes with --synthetic');
  if (kittiLidar && !synthetic) usage('--kitti-lidar goes with --synthetic');
  return { index: index && resolve(index), out: resolve(out), models, modelHost, dist: dist && resolve(dist), synthetic, firstSeed: firstSeed ?? 0, kittiLidar };
}

const pct = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? '-' : `${(100 * v).toFixed(1)}%`);

function printSummary(report: Report): void {
  const s = report.summary;
  console.table({
    frames: s.frames,
    'annotated frames': s.annotated_frames,
    questions: s.questions,
    'qualitative accuracy': pct(s.qualitative_accuracy),
    'qualitative, committed only': pct(s.qualitative_committed_accuracy),
    'qualitative, tie share': pct(s.qualitative_tie_share),
    'qualitative, wrong on 2 / 1 estimates': `${pct(s.qualitative_wrong_both_estimated)} / ${pct(s.qualitative_wrong_one_estimated)}`,
    'numeric rate': pct(s.numeric_rate),
    'within [0.5x,2x]': pct(s.quantitative_within_0_5_2),
    'within [0.75x,1.33x]': pct(s.quantitative_within_0_75_1_33),
    'within [0.9x,1.1x]': pct(s.quantitative_within_0_9_1_1),
    'swap invariance': pct(s.swap_invariance),
    'gravity error median (deg)': s.gravity_error_deg_median?.toFixed(2) ?? '-',
    'box centre error median (m)': s.box_centre_error_m_median?.toFixed(3) ?? '-',
    '  the same in the camera frame (m)': s.box_centre_error_camera_m_median?.toFixed(3) ?? '-',
    'boxes, every extent within 15%': pct(s.box_extents_within_15pct),
  });
}

function runSynthetic(count: number, firstSeed: number, out: string, kittiLidar: boolean): void {
  mkdirSync(out, { recursive: true });
  for (const mode of ['boxes', 'masks'] as const) {
    const report: SyntheticReport = runSyntheticEval(count, mode, (m) => console.error(m), firstSeed, kittiLidar ? KITTI_LIDAR : BENCH_LIDAR);
    writeFileSync(join(out, `synthetic-${mode}.json`), JSON.stringify(report, null, 2));
    writeFileSync(join(out, `synthetic-${mode}.md`), reportMarkdown(report));
    console.log(`\n== synthetic occlusion benchmark, ${count} scenes (seeds ${firstSeed}-${firstSeed + count - 1}), objects as ${mode}${kittiLidar ? ', streets in KITTI\'s LiDAR rows' : ''} ==`);
    printSummary(report);
    console.table(Object.fromEntries(Object.entries(report.per_visibility).map(([k, v]) => [k, {
      objects: v.objects,
      'centre error median (m)': v.centre_error_m_median?.toFixed(3) ?? '-',
      'every extent within 15%': pct(v.extents_within_15pct),
    }])));
  }
  console.log(`wrote ${join(out, 'synthetic-boxes.json')} and synthetic-masks.json`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.synthetic) {
    runSynthetic(args.synthetic, args.firstSeed, args.out, args.kittiLidar);
    return;
  }
  let hostUrl = '';
  if (args.models) {
    const host = await checkModelHost(args.modelHost);
    hostUrl = host.url;
    if (!host.reachable) {
      console.error(`eval --models: the model host ${host.url} is not reachable from here (${host.reason}).`);
      console.error('Run it where the host (or a self-hosted mirror: npm run models:mirror) is reachable, or drop --models for oracle-depth mode.');
      process.exit(3);
    }
    console.error(`eval --models: ${host.url} answers; running the depth and mask models in Chromium (objects: the annotations' 2D boxes).`);
  }
  const report = args.models
    ? await runModelsEval(args.index, { host: hostUrl, distDir: args.dist, log: (m) => console.error(m) })
    : await runEval(args.index);
  const frames = report.frames;
  mkdirSync(args.out, { recursive: true });
  writeFileSync(join(args.out, 'report.json'), JSON.stringify(report, null, 2));
  writeFileSync(join(args.out, 'report.md'), reportMarkdown(report));
  printSummary(report);
  console.log(`wrote ${join(args.out, 'report.json')} and report.md`);
  const failed = frames.filter((f) => f.error);
  for (const f of failed) console.error(`${f.id}: FAILED: ${f.error}`);
  if (failed.length) process.exit(1);
}

main().catch((e) => {
  console.error(`eval: ${(e as Error).message}`);
  process.exit(1);
});
