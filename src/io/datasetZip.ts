/**
 * The spatial VQA dataset as one zip download: images, both JSONL files (see core/synth/jsonl.ts) and a
 * README.md with the schema version and counts. Same names as `npm run synth` writes to a folder.
 */
import { zipSync, type Zippable } from 'fflate';

export interface DatasetZipInput {
  /** `name` is the path the JSONL lines use for the image (e.g. `images/0001.jpg`). */
  images: { name: string; bytes: Uint8Array }[];
  conversationsJsonl: string;
  flatJsonl: string;
  counts: { images: number; qaPairs: number; failed?: { name: string; reason: string }[] };
  schemaVersion: number;
  /** Free text for the README's first paragraph (what made it, from which photos). */
  description?: string;
}

export const DATASET_ENTRIES = { conversations: 'conversations.jsonl', flat: 'qa.jsonl', readme: 'README.md' } as const;

/** Relative, forward slashes, no `..`: a zip entry must not land outside the folder it is unpacked into. */
export function checkEntryName(name: string): string | null {
  if (name.length === 0 || name.length > 240) return 'must be 1 to 240 characters';
  if (name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name)) return 'must be a relative path with forward slashes';
  if (name.split('/').some((p) => p === '..' || p === '.' || p === '')) return 'must not contain empty, "." or ".." segments';
  // fflate collects entries in a plain object, where this name would set its prototype.
  if (name.split('/').includes('__proto__')) return 'must not contain a "__proto__" segment';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return 'must not contain control characters';
  return null;
}

/** Markdown table cells: no pipes or newlines from file names or error messages. */
const cell = (s: string) => s.replace(/[|\r\n]+/g, ' ').slice(0, 300);

export function datasetReadme(input: DatasetZipInput): string {
  const failed = input.counts.failed ?? [];
  const lines = [
    '# SpatialLens spatial VQA dataset',
    '',
    input.description ?? 'Made in the SpatialLens app from the photos below.',
    '',
    `- Schema version: ${input.schemaVersion}`,
    `- Images: ${input.counts.images}`,
    `- QA pairs: ${input.counts.qaPairs}`,
    `- Failed photos: ${failed.length}`,
    '',
    '## Files',
    '',
    `- \`${DATASET_ENTRIES.conversations}\`: one line per image: \`{schema_version, id, images, messages, source}\`; ` +
      '`messages` alternate user/assistant, the image in the first user turn.',
    `- \`${DATASET_ENTRIES.flat}\`: one QA pair per line: \`{schema_version, id, image, question, answer, category, template, query, ` +
      'objects, verdict, choice, value, unit, confidence}`; `value` is metres for lengths.',
    '- `images/`: the photos the lines name, as they were given.',
    '',
  ];
  if (failed.length) {
    lines.push('## Failed photos', '', '| photo | reason |', '|---|---|', ...failed.map((f) => `| ${cell(f.name)} | ${cell(f.reason)} |`), '');
  }
  return lines.join('\n');
}

/** Throws on an unsafe or duplicate image name (the caller names images; a bad name is a bug). */
export function buildDatasetZip(input: DatasetZipInput): Uint8Array {
  // No prototype: an image named `constructor` is just a name.
  const files = Object.create(null) as Zippable;
  const used = new Set<string>(Object.values(DATASET_ENTRIES));
  for (const img of input.images) {
    const bad = checkEntryName(img.name);
    if (bad) throw new Error(`image name ${JSON.stringify(img.name.slice(0, 80))} ${bad}`);
    if (used.has(img.name)) throw new Error(`image name ${JSON.stringify(img.name)} is used twice`);
    // Photos are already compressed: store them.
    used.add(img.name);
    files[img.name] = [img.bytes, { level: 0 }];
  }
  const enc = new TextEncoder();
  files[DATASET_ENTRIES.conversations] = enc.encode(input.conversationsJsonl);
  files[DATASET_ENTRIES.flat] = enc.encode(input.flatJsonl);
  files[DATASET_ENTRIES.readme] = enc.encode(datasetReadme(input));
  return zipSync(files, { level: 6 });
}
