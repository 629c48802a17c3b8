/**
 * `npm run bench` section: dataset synthesis throughput on RGB-D items (real frames from ../shared/fixtures,
 * no models) in one run: the local mode with 1 and 2 worker processes and BullMQ with 2 worker processes
 * on a Redis the bench starts; plus what the queue costs per item (a stand-in pipeline that returns at
 * once). Rates are steady-state (first to last result: process start-up and model loading excluded) and
 * compared as ratios: the absolute figures depend on the machine and on what else runs on it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchSectionResult } from '../lib/benchGeometry';
import { findFixturesDir } from '../lib/fixtures';
import { DEFAULT_CONFIG, fingerprintOf } from './config';
import { expandInputs, keyItem, type KeyedItem } from './items';
import { LocalStore } from './localStore';
import { runItems } from './localRun';
import { enqueue, runWorker } from './queue';
import type { ItemResult } from './records';
import { buildInputs, hasRedisServer, spawnCli, startRedis } from './testSupport';

const ITEMS = 40;

/** Items per second between the first and the last result. */
const steadyRate = (times: number[]): number => {
  const t = [...times].sort((a, b) => a - b);
  return t.length > 1 ? (t.length - 1) / ((t[t.length - 1] - t[0]) / 1000) : 0;
};

async function localRate(items: KeyedItem[], workers: number, dir: string): Promise<{ rate: number; wallS: number }> {
  const times: number[] = [];
  const t0 = Date.now();
  await runItems(items, DEFAULT_CONFIG, new LocalStore(join(dir, `local-${workers}`)), { workers, onProgress: () => times.push(Date.now()) });
  return { rate: steadyRate(times), wallS: (Date.now() - t0) / 1000 };
}

export async function runSynthBench(): Promise<BenchSectionResult> {
  const fixtures = findFixturesDir();
  if (!fixtures || !hasRedisServer()) {
    return { name: 'synthesis throughput', lines: ['  skipped: needs ../shared/fixtures and redis-server'], metrics: {}, ok: true };
  }
  const dir = mkdtempSync(join(tmpdir(), 'spatiallens-bench-synth-'));
  const redis = await startRedis();
  try {
    const set = buildInputs(fixtures, { index: ITEMS, pairs: 0, photos: 0 }, join(dir, 'in'));
    const fp = fingerprintOf(DEFAULT_CONFIG);
    const items = expandInputs([set.inputs[0]]).items.map((i) => keyItem(i, fp));
    const one = await localRate(items, 1, dir);
    const two = await localRate(items, 2, dir);

    await enqueue(redis.url, items, DEFAULT_CONFIG, { queue: 'bench' });
    const t0 = Date.now();
    const doneAt: number[] = [];
    // whole lines only (spawnCli buffers them): a `done` line split across two chunks still counts
    const workers = [0, 1].map(() => spawnCli(['worker', '--redis', redis.url, '--queue', 'bench', '--exit-when-empty'], {}, (l) => {
      if (l.startsWith('done ')) doneAt.push(Date.now());
    }));
    await Promise.all(workers.map((w) => w.done));
    const queueRate = steadyRate(doneAt);
    const queueWall = (Date.now() - t0) / 1000;

    // the queue's own cost: enqueue + take + store + complete, with a pipeline that returns at once
    const N = 300;
    const stubItems: KeyedItem[] = Array.from({ length: N }, (_, i) => ({ name: `stub-${i}`, key: `stub-${i}`, source: { kind: 'photo', photo: `/nonexistent/${i}.jpg` } }));
    const calls: number[] = [];
    const stub = (it: KeyedItem): Promise<ItemResult> => (calls.push(performance.now()), Promise.resolve({
      key: it.key, name: it.name, id: it.key, image: `images/${it.key}.jpg`, imageFrom: null, objects: 0, pairs: 0, conversation: null, qa: [], types: {}, ms: 0, models: [],
    }));
    const te = performance.now();
    await enqueue(redis.url, stubItems, DEFAULT_CONFIG, { queue: 'overhead' });
    const enqueueMs = (performance.now() - te) / N;
    await runWorker(redis.url, { queue: 'overhead', concurrency: 1, exitWhenEmpty: true, processItem: stub });
    // between one item's start and the next: store + complete + take (the idle polls before exiting are not in it)
    const takeMs = calls.length > 1 ? (calls[calls.length - 1] - calls[0]) / (calls.length - 1) : NaN;

    const lines = [
      `  ${ITEMS} RGB-D items (fixture frames under new names, objects from their annotations), ${cpus().length} CPUs`,
      '  mode                         items/s (steady)   vs 1 local   wall incl. start-up',
      `  local, 1 worker process      ${one.rate.toFixed(2).padStart(8)}            1.00         ${one.wallS.toFixed(1)} s`,
      `  local, 2 worker processes    ${two.rate.toFixed(2).padStart(8)}            ${(two.rate / one.rate).toFixed(2)}         ${two.wallS.toFixed(1)} s`,
      `  BullMQ, 2 worker processes   ${queueRate.toFixed(2).padStart(8)}            ${(queueRate / one.rate).toFixed(2)}         ${queueWall.toFixed(1)} s`,
      `  queue overhead per item: enqueue ${enqueueMs.toFixed(2)} ms, take + store + complete ${takeMs.toFixed(2)} ms (one worker, stand-in pipeline, ${N} items)`,
    ];
    return {
      name: 'synthesis throughput',
      lines,
      metrics: {
        itemsPerSecLocal1: one.rate, itemsPerSecLocal2: two.rate, itemsPerSecQueue2: queueRate,
        ratioLocal2: two.rate / one.rate, ratioQueue2: queueRate / one.rate, enqueueMsPerItem: enqueueMs, queueMsPerItem: takeMs,
      },
      ok: true,
    };
  } finally {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
