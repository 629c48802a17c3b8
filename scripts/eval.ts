/**
 * npm run eval -- --index <rgbd_index.json> [--out <dir>] [--models]
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

function usage(msg?: string): never {
  if (msg) console.error(`eval: ${msg}`);
  console.error('usage: npm run eval -- --index <rgbd_index.json> [--out <dir>] [--models [--model-host <url>] [--dist <built app, default dist/>]]');
  process.exit(2);
}

function parseArgs(argv: string[]) {
  let index = '';
  let out = 'out/eval';
  let models = false;
  let modelHost: string | undefined;
  let dist: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--index') index = argv[++i] ?? usage('--index needs a path');
    else if (a === '--out') out = argv[++i] ?? usage('--out needs a folder');
    else if (a === '--models') models = true;
    else if (a === '--model-host') modelHost = argv[++i] ?? usage('--model-host needs a URL');
    else if (a === '--dist') dist = argv[++i] ?? usage('--dist needs a folder');
    else usage(`unknown argument ${a}`);
  }
  if (!index) usage('--index is required');
  if ((modelHost || dist) && !models) usage('--model-host and --dist go with --models');
  return { index: resolve(index), out: resolve(out), models, modelHost, dist: dist && resolve(dist) };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
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
  const s = report.summary;
  const p = (v: number) => `${(100 * v).toFixed(1)}%`;
  console.table({
    frames: s.frames,
    'annotated frames': s.annotated_frames,
    questions: s.questions,
    'qualitative accuracy': p(s.qualitative_accuracy),
    'numeric rate': p(s.numeric_rate),
    'within [0.5x,2x]': p(s.quantitative_within_0_5_2),
    'within [0.75x,1.33x]': p(s.quantitative_within_0_75_1_33),
    'within [0.9x,1.1x]': p(s.quantitative_within_0_9_1_1),
    'swap invariance': p(s.swap_invariance),
    'gravity error median (deg)': s.gravity_error_deg_median?.toFixed(2) ?? '-',
    'box centre error median (m)': s.box_centre_error_m_median?.toFixed(3) ?? '-',
  });
  console.log(`wrote ${join(args.out, 'report.json')} and report.md`);
  const failed = frames.filter((f) => f.error);
  for (const f of failed) console.error(`${f.id}: FAILED: ${f.error}`);
  if (failed.length) process.exit(1);
}

main().catch((e) => {
  console.error(`eval: ${(e as Error).message}`);
  process.exit(1);
});
