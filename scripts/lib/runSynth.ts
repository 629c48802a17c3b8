/** The engine behind `npm run synth`: geometry + QA synthesis over an RGB-D index, written as a dataset folder. */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { synthesizeQA, toJsonl, DATASET_SCHEMA_VERSION, type DatasetImage } from '../../src/core/synth';
import { loadRgbdIndex } from './fixtures';
import { buildFixtureScene, loadAnnotatedFrame } from './groundTruth';

export interface SynthArgs {
  index: string;
  out: string;
  seed: number;
  maxPairs: number;
  phrasings: number;
  imperial: boolean;
}

export async function runSynth(args: SynthArgs, log: (line: string) => void = () => {}): Promise<{ frames: number; pairs: number; failed: number }> {
  const entries = loadRgbdIndex(args.index);
  const baseDir = dirname(dirname(args.index));
  mkdirSync(join(args.out, 'images'), { recursive: true });
  const images: DatasetImage[] = [];
  const rows: string[] = [];
  let failed = 0;
  for (const entry of entries) {
    try {
      const af = await loadAnnotatedFrame(entry, baseDir);
      const { scene } = buildFixtureScene(af);
      const { pairs, skipped } = synthesizeQA(scene, {
        seed: args.seed,
        maxPairs: args.maxPairs,
        phrasingsPerQuery: args.phrasings,
        units: args.imperial ? 'imperial' : 'metric',
      });
      const image = `images/${entry.id}${extname(entry.rgb)}`;
      copyFileSync(join(baseDir, entry.rgb), join(args.out, image));
      images.push({
        id: entry.id,
        image,
        pairs,
        source: {
          depth: scene.provenance.depthSource,
          objects: scene.provenance.objectsSource,
          intrinsics: `${scene.camera.source}: ${scene.camera.detail}`,
          frame: `${scene.frame.method} (${scene.frame.confidence})`,
        },
      });
      const note = af.objects.length === 0 ? 'no annotations: no objects' : `${skipped.length} skipped`;
      rows.push(`| ${entry.id} | ${scene.objects.length} | ${pairs.length} | ${note} |`);
      log(`${entry.id}: ${scene.objects.length} objects, ${pairs.length} QA pairs (${note})`);
    } catch (e) {
      failed++;
      rows.push(`| ${entry.id} | - | - | FAILED: ${(e as Error).message} |`);
      log(`${entry.id}: FAILED: ${(e as Error).message}`);
    }
  }
  const { conversations, flat } = toJsonl(images);
  writeFileSync(join(args.out, 'conversations.jsonl'), conversations);
  writeFileSync(join(args.out, 'qa.jsonl'), flat);
  const total = images.reduce((s, i) => s + i.pairs.length, 0);
  writeFileSync(
    join(args.out, 'README.md'),
    [
      '# SpatialLens spatial VQA dataset',
      '',
      `Schema version ${DATASET_SCHEMA_VERSION}. Made by \`npm run synth\` from \`${basename(args.index)}\` (seed ${args.seed}).`,
      `${entries.length} frames, ${images.filter((i) => i.pairs.length).length} with QA pairs, ${total} QA pairs, ${failed} failed.`,
      '',
      '- `conversations.jsonl`: one line per image: `{schema_version, id, images, messages, source}`.',
      '- `qa.jsonl`: one QA pair per line: `{schema_version, id, image, question, answer, category, template, query, objects, verdict, choice, value, unit, confidence}`; `value` is metres for lengths.',
      '',
      '| frame | objects | QA pairs | note |',
      '|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
  log(`wrote ${total} QA pairs from ${entries.length} frames to ${args.out}`);
  return { frames: entries.length, pairs: total, failed };
}
