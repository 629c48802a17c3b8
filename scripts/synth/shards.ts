/**
 * The output folder: append-only shards of both record forms (JSONL, optionally gzipped, and Parquet),
 * `index.jsonl` (one line per item written: key, name, id, shard — what makes reruns skip work and never
 * write a record twice), `images/` and `manifest.json` (counts, per-question-type totals, models, config,
 * failures with reasons). New results go into new shards sorted by key, so the same results give the same
 * shards whichever process or machine made them and in whatever order.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parquetWriteFile } from 'hyparquet-writer';
import { DATASET_SCHEMA_VERSION } from '../../src/core/synth';
import type { FailedItem, ItemResult } from './records';

export interface OutputOptions {
  gzip: boolean;
  parquet: boolean;
  /** Items per shard. */
  shardSize: number;
}

export const DEFAULT_OUTPUT: OutputOptions = { gzip: false, parquet: true, shardSize: 1000 };

export interface IndexLine {
  key: string;
  name: string;
  id: string;
  shard: string;
  pairs: number;
}

export interface ShardInfo {
  name: string;
  items: number;
  conversations: number;
  qa: number;
  files: string[];
}

export interface SynthManifest {
  format: 'spatiallens-synth';
  schema_version: typeof DATASET_SCHEMA_VERSION;
  updated: string;
  /** Items whose records are in the shards (with or without QA pairs). */
  items: number;
  /** QA records (qa form); `conversations`: conversation records (one per item with pairs). */
  records: number;
  conversations: number;
  failed: number;
  question_types: Record<string, number>;
  /** Models that made photo records (id, revision, dtype per role); RGB-D frames use none. */
  models: Record<string, unknown>;
  config: unknown;
  shards: ShardInfo[];
  failures: { name: string; key: string; reason: string; attempts: number }[];
}

const atomicWrite = (path: string, data: string | Uint8Array): void => {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
};

export function readIndex(out: string): IndexLine[] {
  const p = join(out, 'index.jsonl');
  if (!existsSync(p)) return [];
  return readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as IndexLine);
}

export function readManifest(out: string): SynthManifest | null {
  const p = join(out, 'manifest.json');
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as SynthManifest) : null;
}

const json = (v: unknown) => JSON.stringify(v);

function writeParquet(path: string, results: ItemResult[]): { conv: string; qa: string } {
  const conv = results.flatMap((r) => (r.conversation ? [r.conversation] : []));
  const qa = results.flatMap((r) => r.qa);
  const convPath = `${path}.conversations.parquet`;
  const qaPath = `${path}.qa.parquet`;
  parquetWriteFile({
    filename: convPath,
    columnData: [
      { name: 'schema_version', data: conv.map((c) => c.schema_version), type: 'INT32' },
      { name: 'id', data: conv.map((c) => c.id), type: 'STRING' },
      { name: 'images', data: conv.map((c) => json(c.images)), type: 'JSON' },
      { name: 'messages', data: conv.map((c) => json(c.messages)), type: 'JSON' },
      { name: 'source', data: conv.map((c) => json(c.source ?? null)), type: 'JSON' },
    ],
  });
  parquetWriteFile({
    filename: qaPath,
    columnData: [
      { name: 'schema_version', data: qa.map((l) => l.schema_version), type: 'INT32' },
      { name: 'id', data: qa.map((l) => l.id), type: 'STRING' },
      { name: 'image', data: qa.map((l) => l.image), type: 'STRING' },
      { name: 'question', data: qa.map((l) => l.question), type: 'STRING' },
      { name: 'answer', data: qa.map((l) => l.answer), type: 'STRING' },
      { name: 'category', data: qa.map((l) => l.category), type: 'STRING' },
      { name: 'template', data: qa.map((l) => l.template), type: 'STRING' },
      { name: 'query', data: qa.map((l) => json(l.query)), type: 'JSON' },
      { name: 'objects', data: qa.map((l) => json(l.objects)), type: 'JSON' },
      { name: 'verdict', data: qa.map((l) => l.verdict), type: 'STRING' },
      { name: 'choice', data: qa.map((l) => l.choice), type: 'STRING' },
      { name: 'value', data: qa.map((l) => l.value), type: 'DOUBLE' },
      { name: 'unit', data: qa.map((l) => l.unit), type: 'STRING' },
      { name: 'confidence', data: qa.map((l) => l.confidence), type: 'DOUBLE' },
    ],
  });
  return { conv: convPath, qa: qaPath };
}

/**
 * Writes the results not yet in `out` into new shards, copies their images, appends the index, and
 * rewrites the manifest (failures: the ones given, less any item now written). Returns what it added.
 */
export function writeShards(
  out: string,
  results: ItemResult[],
  failures: FailedItem[],
  opts: OutputOptions,
  meta: { config: unknown; models: Record<string, unknown> },
): { items: number; records: number; shards: string[] } {
  mkdirSync(join(out, 'shards'), { recursive: true });
  mkdirSync(join(out, 'images'), { recursive: true });
  const index = readIndex(out);
  const done = new Set(index.map((l) => l.key));
  const prev = readManifest(out);
  const fresh = [...new Map(results.filter((r) => !done.has(r.key)).map((r) => [r.key, r])).values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  const shards: ShardInfo[] = prev?.shards ?? [];
  const types: Record<string, number> = { ...(prev?.question_types ?? {}) };
  const usedModels = new Set<string>();
  const added: string[] = [];
  let records = 0;
  for (let i = 0; i < fresh.length; i += opts.shardSize) {
    const chunk = fresh.slice(i, i + opts.shardSize);
    const name = `part-${String(shards.length).padStart(5, '0')}`;
    const base = join(out, 'shards', name);
    const conv = chunk.flatMap((r) => (r.conversation ? [json(r.conversation)] : []));
    const qa = chunk.flatMap((r) => r.qa.map(json));
    const text = (lines: string[]) => (lines.length ? `${lines.join('\n')}\n` : '');
    const files: string[] = [];
    const put = (suffix: string, body: string) => {
      const file = `${base}.${suffix}.jsonl${opts.gzip ? '.gz' : ''}`;
      atomicWrite(file, opts.gzip ? gzipSync(body) : body);
      files.push(file.slice(out.length + 1));
    };
    put('conversations', text(conv));
    put('qa', text(qa));
    if (opts.parquet) {
      const p = writeParquet(base, chunk);
      files.push(p.conv.slice(out.length + 1), p.qa.slice(out.length + 1));
    }
    for (const r of chunk) {
      if (r.imageFrom && r.pairs > 0 && !existsSync(join(out, r.image))) copyFileSync(r.imageFrom, join(out, r.image));
      for (const [t, n] of Object.entries(r.types)) types[t] = (types[t] ?? 0) + n;
      for (const m of r.models) usedModels.add(m);
    }
    // the index line is the commit point: shards written before it are found again by name and overwritten
    const lines = chunk.map((r) => json({ key: r.key, name: r.name, id: r.id, shard: name, pairs: r.pairs } satisfies IndexLine));
    writeFileSync(join(out, 'index.jsonl'), `${lines.join('\n')}\n`, { flag: 'a' });
    shards.push({ name, items: chunk.length, conversations: conv.length, qa: qa.length, files });
    records += qa.length;
    added.push(name);
  }
  const allDone = new Set([...done, ...fresh.map((r) => r.key)]);
  const openFailures = [...new Map(failures.filter((f) => !allDone.has(f.key)).map((f) => [f.key, f])).values()].sort((a, b) => a.name.localeCompare(b.name));
  const models = { ...(prev?.models ?? {}), ...(usedModels.size ? meta.models : {}) };
  const manifest: SynthManifest = {
    format: 'spatiallens-synth',
    schema_version: DATASET_SCHEMA_VERSION,
    updated: new Date().toISOString(),
    items: allDone.size,
    records: shards.reduce((s, x) => s + x.qa, 0),
    conversations: shards.reduce((s, x) => s + x.conversations, 0),
    failed: openFailures.length,
    question_types: Object.fromEntries(Object.entries(types).sort(([a], [b]) => a.localeCompare(b))),
    models,
    config: meta.config,
    shards,
    failures: openFailures.map((f) => ({ name: f.name, key: f.key, reason: f.reason, attempts: f.attempts })),
  };
  atomicWrite(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { items: fresh.length, records, shards: added };
}
