/**
 * npm run synth -- <rgbd_index.json> <out-dir> [--seed N] [--max-pairs N] [--phrasings N] [--imperial]
 *
 * Runs the geometry (real depth from each frame's depth file, objects from its annotations) and the QA
 * synthesis on every frame of an index in the format of ../shared/fixtures/rgbd_index.json, and writes
 * <out>/conversations.jsonl, <out>/qa.jsonl, <out>/images/ and <out>/README.md. Frames without annotations
 * still run (their scenes have no objects, so they add no pairs) and are listed as such.
 */
import { resolve } from 'node:path';
import { runSynth } from './lib/runSynth';

function usage(msg?: string): never {
  if (msg) console.error(`synth: ${msg}`);
  console.error('usage: npm run synth -- <rgbd_index.json> <out-dir> [--seed N] [--max-pairs N] [--phrasings N] [--imperial]');
  process.exit(2);
}

function parseArgs(argv: string[]) {
  const pos: string[] = [];
  const opts = { seed: 1, maxPairs: 60, phrasings: 1, imperial: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < 0) usage(`${a} needs a non-negative number`);
      return v;
    };
    if (a === '--seed') opts.seed = num();
    else if (a === '--max-pairs') opts.maxPairs = num();
    else if (a === '--phrasings') opts.phrasings = num();
    else if (a === '--imperial') opts.imperial = true;
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else pos.push(a);
  }
  if (pos.length !== 2) usage();
  return { index: resolve(pos[0]), out: resolve(pos[1]), ...opts };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { failed } = await runSynth(args, (line) => console.log(line));
  if (failed > 0) process.exit(1);
}

main().catch((e) => {
  console.error(`synth: ${(e as Error).message}`);
  process.exit(1);
});
