/**
 * spatiallens-synth: spatial VQA datasets from photos and RGB-D frames, headless.
 *
 *   spatiallens-synth [run] <inputs...> --out DIR [--workers N]      one machine (N child processes)
 *   spatiallens-synth enqueue --redis URL <inputs...>               distributed: add the jobs
 *   spatiallens-synth worker --redis URL [--concurrency N] [--exit-when-empty]
 *   spatiallens-synth status --redis URL
 *   spatiallens-synth collect --redis URL --out DIR
 *
 * The old form `npm run synth -- <rgbd_index.json> <out-dir>` still writes the old single-folder layout
 * (conversations.jsonl, qa.jsonl, images/, README.md: scripts/lib/runSynth.ts), as the README documents.
 */
import { runSynth } from '../lib/runSynth';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import cliProgress from 'cli-progress';
import { DEFAULT_CONFIG, fingerprintOf, modelIds, type DepthScaleName, type SynthConfig } from './config';
import { expandInputs, keyItem, InputError, type KeyedItem } from './items';
import { LocalStore } from './localStore';
import { runItems, type Progress } from './localRun';
import { collect, enqueue, RedisError, runWorker, safeUrl, status, DEFAULT_QUEUE } from './queue';
import { DEFAULT_OUTPUT, readIndex, writeShards, type OutputOptions } from './shards';

const USAGE = `usage:
  spatiallens-synth [run] <inputs...> --out DIR [--workers N]
  spatiallens-synth enqueue --redis URL <inputs...>
  spatiallens-synth worker --redis URL [--concurrency N] [--exit-when-empty] [--model-dir DIR]
  spatiallens-synth status --redis URL
  spatiallens-synth collect --redis URL --out DIR

inputs: folders, globs ("photos/**/*.jpg"), .txt lists of paths or http(s) URLs, RGB-D index .json files, photos
options: --seed N  --max-pairs N  --phrasings N  --imperial  --depth-scale mm|256|5000
         --preset standard|light  --model-dir DIR  --model-host URL  --device cpu|cuda
         --depth-model ID[:dtype]  --masks-model ID[:dtype]  --objects-model ID[:dtype]
         --gzip  --no-parquet  --shard-size N  --queue NAME  --retry-failed  --lock-ms N  --quiet
see docs/synthesis.md`;

class UsageError extends Error {}

const OPTIONS = {
  out: { type: 'string' }, workers: { type: 'string' }, redis: { type: 'string' }, concurrency: { type: 'string' },
  'exit-when-empty': { type: 'boolean' }, seed: { type: 'string' }, 'max-pairs': { type: 'string' }, phrasings: { type: 'string' },
  imperial: { type: 'boolean' }, 'depth-scale': { type: 'string' }, preset: { type: 'string' }, 'model-dir': { type: 'string' },
  'model-host': { type: 'string' }, device: { type: 'string' }, 'depth-model': { type: 'string' }, 'masks-model': { type: 'string' },
  'objects-model': { type: 'string' }, gzip: { type: 'boolean' }, 'no-parquet': { type: 'boolean' }, 'shard-size': { type: 'string' },
  queue: { type: 'string' }, 'retry-failed': { type: 'boolean' }, 'lock-ms': { type: 'string' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function int(v: string | undefined, name: string, fallback: number, min = 0): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} needs a whole number >= ${min}, got "${v}"`);
  return n;
}

function pick<T extends string>(v: string | undefined, name: string, allowed: readonly T[], fallback: T): T {
  if (v === undefined) return fallback;
  if (!allowed.includes(v as T)) throw new UsageError(`--${name} is one of ${allowed.join(', ')}, got "${v}"`);
  return v as T;
}

export function configFrom(v: Values): SynthConfig {
  const d = DEFAULT_CONFIG;
  const overrides: SynthConfig['models']['overrides'] = {};
  if (v['depth-model']) overrides.depth = v['depth-model'];
  if (v['masks-model']) overrides.masks = v['masks-model'];
  if (v['objects-model']) overrides.objects = v['objects-model'];
  return {
    seed: int(v.seed, 'seed', d.seed),
    maxPairs: int(v['max-pairs'], 'max-pairs', d.maxPairs, 1),
    phrasings: int(v.phrasings, 'phrasings', d.phrasings, 1),
    units: v.imperial ? 'imperial' : 'metric',
    depthScale: pick<DepthScaleName>(v['depth-scale'], 'depth-scale', ['mm', '256', '5000'], d.depthScale),
    models: {
      preset: pick(v.preset, 'preset', ['standard', 'light'] as const, d.models.preset),
      overrides,
      ...(v['model-dir'] ? { modelDir: resolve(v['model-dir']) } : {}),
      ...(v['model-host'] ? { modelHost: v['model-host'] } : {}),
      device: pick(v.device, 'device', ['cpu', 'cuda'] as const, d.models.device),
    },
  };
}

function outputFrom(v: Values): OutputOptions {
  return { gzip: !!v.gzip, parquet: !v['no-parquet'], shardSize: int(v['shard-size'], 'shard-size', DEFAULT_OUTPUT.shardSize, 1) };
}

function keyedInputs(inputs: string[], cfg: SynthConfig, say: (s: string) => void): KeyedItem[] {
  if (inputs.length === 0) throw new UsageError('give at least one input');
  const { items, ignored } = expandInputs(inputs);
  for (const i of ignored) say(`not used: ${i.name} (${i.reason})`);
  const fp = fingerprintOf(cfg);
  const seen = new Set<string>();
  return items.map((it) => keyItem(it, fp)).filter((k) => (seen.has(k.key) ? false : (seen.add(k.key), true)));
}

/** A bar with rate and time left on a terminal; a line every few seconds otherwise (logs, CI). */
function progressReporter(total: number, quiet: boolean) {
  const t0 = Date.now();
  const tty = process.stderr.isTTY && !quiet;
  const bar = tty
    ? new cliProgress.SingleBar({ format: '{bar} {value}/{total} items | {rate} items/s | {eta_formatted} left | {failed} failed', stream: process.stderr, etaBuffer: 50 }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(total, 0, { rate: '0.0', failed: 0 });
  let lastLine = 0;
  const failures: string[] = [];
  return {
    update(p: Progress, last?: { name: string; ok: boolean; reason?: string }) {
      const settled = p.done + p.failed;
      const rate = settled / Math.max(0.001, (Date.now() - t0) / 1000);
      if (last && !last.ok && !quiet) {
        if (bar) failures.push(`failed: ${last.name}: ${last.reason}`);
        else process.stderr.write(`failed: ${last.name}: ${last.reason}\n`);
      }
      if (bar) bar.update(settled, { rate: rate.toFixed(1), failed: p.failed });
      else if (!quiet && (Date.now() - lastLine > 5000 || settled === p.total)) {
        lastLine = Date.now();
        const left = rate > 0 ? Math.round((p.total - settled) / rate) : 0;
        process.stderr.write(`${settled}/${p.total} items, ${rate.toFixed(2)} items/s, ${left} s left, ${p.failed} failed\n`);
      }
    },
    stop: () => {
      bar?.stop();
      for (const f of failures) process.stderr.write(`${f}\n`);
    },
  };
}

async function cmdRun(inputs: string[], v: Values, say: (s: string) => void): Promise<number> {
  if (!v.out) throw new UsageError('run needs --out DIR');
  const out = resolve(v.out);
  const cfg = configFrom(v);
  const output = outputFrom(v);
  const items = keyedInputs(inputs, cfg, say);
  const store = new LocalStore(out);
  const inShards = new Set(readIndex(out).map((l) => l.key));
  const todo = items.filter((it) => !inShards.has(it.key) && !store.has(it.key) && (v['retry-failed'] || !store.isFailed(it.key)));
  const skipped = items.length - todo.length;
  say(`${items.length} items: ${skipped} already done or failed before, ${todo.length} to run${v.workers ? ` in ${v.workers} worker processes` : ''}`);
  const bar = progressReporter(todo.length, !!v.quiet);
  const t0 = Date.now();
  const p = await runItems(todo, cfg, store, { workers: int(v.workers, 'workers', 0), onProgress: (pp, last) => bar.update(pp, last) });
  bar.stop();
  const results = store.results();
  const w = writeShards(out, results, store.failures(), output, { config: cfg, models: modelIds(cfg.models) });
  store.drop(results.map((r) => r.key));
  const secs = (Date.now() - t0) / 1000;
  say(`${p.done} items done, ${p.failed} failed in ${secs.toFixed(1)} s; wrote ${w.items} items (${w.records} QA records) in ${w.shards.length} new shards to ${out}`);
  const ran = new Set(todo.map((t) => t.key));
  return store.failures().some((f) => ran.has(f.key)) ? 1 : 0;
}

export async function main(argv: string[], say: (s: string) => void = (s) => console.log(s)): Promise<number> {
  const { values: v, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  if (v.help) {
    say(USAGE);
    return 0;
  }
  const [first, ...rest] = positionals;
  const need = (what: 'redis'): string => {
    const u = v[what];
    if (!u) throw new UsageError(`this command needs --${what} URL (e.g. redis://127.0.0.1:6379)`);
    return u;
  };
  const queue = v.queue ?? DEFAULT_QUEUE;
  switch (first) {
    case 'enqueue': {
      const url = need('redis');
      const cfg = configFrom(v);
      const items = keyedInputs(rest, cfg, say);
      const r = await enqueue(url, items, cfg, { queue, retryFailed: !!v['retry-failed'] });
      say(`${items.length} items: ${r.added} jobs added, ${r.done} done before, ${r.queued} already queued, ${r.failedBefore} failed before (--retry-failed runs them again) [${safeUrl(url)} ${queue}]`);
      return 0;
    }
    case 'worker': {
      const url = need('redis');
      const r = await runWorker(url, {
        queue,
        concurrency: int(v.concurrency, 'concurrency', 1, 1),
        exitWhenEmpty: !!v['exit-when-empty'],
        lockMs: int(v['lock-ms'], 'lock-ms', 30_000, 500),
        ...(v['model-dir'] ? { modelDir: resolve(v['model-dir']) } : {}),
        log: v.quiet ? undefined : say,
      });
      say(`worker ${process.pid}: ${r.processed} items done, ${r.failed} failed; models loaded: ${Object.entries(r.loads).map(([k, n]) => `${k} ${n}`).join(', ')}`);
      return 0;
    }
    case 'status': {
      const url = need('redis');
      const s = await status(url, queue);
      say(`queue ${queue} at ${safeUrl(url)}: ${s.waiting} waiting, ${s.active} running, ${s.delayed} waiting to retry, ${s.done} done, ${s.failed} failed`);
      say(`throughput: ${s.ratePerMin.toFixed(2)} items/s over the last minute, ${s.rateOverall.toFixed(2)} items/s since the first result`);
      for (const f of s.failures.slice(0, 20)) say(`  failed: ${f.name}: ${f.reason}`);
      if (s.failures.length > 20) say(`  ... and ${s.failures.length - 20} more (collect writes them all to the manifest)`);
      return 0;
    }
    case 'collect': {
      const url = need('redis');
      if (!v.out) throw new UsageError('collect needs --out DIR');
      const r = await collect(url, resolve(v.out), outputFrom(v), queue);
      say(`collected ${r.items} new items (${r.records} QA records) into ${resolve(v.out)}; ${r.failed} failed (listed in manifest.json)`);
      return 0;
    }
    case 'run':
      return cmdRun(rest, v, say);
    default: {
      if (first === undefined) throw new UsageError('no inputs');
      // the old `npm run synth -- <rgbd_index.json> <out-dir>`: the old layout, by the old engine
      if (!v.out && positionals.length === 2 && positionals[0].endsWith('.json')) {
        const cfg = configFrom(v);
        const r = await runSynth({ index: resolve(positionals[0]), out: resolve(positionals[1]), seed: cfg.seed, maxPairs: cfg.maxPairs, phrasings: cfg.phrasings, imperial: cfg.units === 'imperial' }, say);
        return r.failed > 0 ? 1 : 0;
      }
      return cmdRun(positionals, v, say);
    }
  }
}

/** main() with errors turned into a message and an exit code (2: bad usage or input, 1: failed). */
export async function runCli(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (e) {
    const parse = e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS');
    console.error(`spatiallens-synth: ${e instanceof Error ? e.message : String(e)}`);
    if (e instanceof UsageError || parse) console.error(USAGE);
    return e instanceof UsageError || e instanceof InputError || e instanceof RedisError || parse ? 2 : 1;
  }
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) void runCli(process.argv.slice(2)).then((code) => process.exit(code));
