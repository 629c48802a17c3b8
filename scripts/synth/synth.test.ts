/**
 * spatiallens-synth end to end: a real redis-server (started here on a free 127.0.0.1 port, stopped by
 * PID), worker processes as a user starts them, real RGB-D frames from ../shared/fixtures under new names,
 * photos through the tiny generated models, and corrupt files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { TINY_IDS, writeTinyModels } from '../lib/onnxTinyModels';
import { fixturesFor } from '../lib/fixtures';
import { main } from './cli';
import { readIndex, readManifest } from './shards';
import { addPair, buildInputs, hasRedisServer, spawnCli, startRedis, type InputSet, type TestRedis } from './testSupport';

const fixtures = fixturesFor('spatiallens-synth tests');
const redisOk = hasRedisServer();
if (!redisOk) {
  if (process.env.CI === 'true') throw new Error('redis-server is required under CI=true (.ci/run installs it)');
  console.warn('[skip] spatiallens-synth queue tests: redis-server not installed (apt-get install redis-server)');
}

const tmp = mkdtempSync(join(tmpdir(), 'spatiallens-synth-test-'));
const models = join(tmp, 'models');
const MODEL_ARGS = ['--model-dir', models, '--depth-model', `${TINY_IDS.depth}:fp32`, '--masks-model', `${TINY_IDS.sam}:fp32`, '--max-pairs', '30'];
const quiet = () => {};
const run = (args: string[]) => main([...args, ...MODEL_ARGS, '--quiet'], quiet);

/** Every record of an output folder, as sorted JSON lines (order aside, equal means the same records). */
function records(out: string): { qa: string[]; conv: string[] } {
  const read = (suffix: string) =>
    readdirSync(join(out, 'shards')).filter((f) => f.endsWith(`.${suffix}.jsonl`)).flatMap((f) => readFileSync(join(out, 'shards', f), 'utf8').split('\n').filter(Boolean)).sort();
  return { qa: read('qa'), conv: read('conversations') };
}
const failedNames = (out: string) => (readManifest(out)?.failures ?? []).map((f) => f.name.replace(/^.*\//, '')).sort();

function expectOnce(out: string): void {
  const keys = readIndex(out).map((l) => l.key);
  expect(new Set(keys).size).toBe(keys.length);
  const ids = records(out).qa.map((l) => (JSON.parse(l) as { id: string }).id);
  expect(new Set(ids).size).toBe(ids.length);
}

async function waitFor(cond: () => boolean, ms: number, what: string): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.skipIf(!fixtures)('spatiallens-synth', () => {
  let set: InputSet;
  const ref = join(tmp, 'ref');

  beforeAll(async () => {
    writeTinyModels(models);
    set = buildInputs(fixtures!, { index: 16, pairs: 36, photos: 6 }, join(tmp, 'in'));
    // the single-process reference every other mode must equal
    expect(await run(['run', ...set.inputs, '--out', ref])).toBe(1); // 1: some items failed
  }, 120_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('single process: every good item once, the corrupt ones failed with reasons, both forms in JSONL and Parquet', async () => {
    const m = readManifest(ref)!;
    expect(set.good + set.corrupt.length).toBeGreaterThanOrEqual(60);
    expect(m.items).toBe(set.good);
    expect(m.failed).toBe(3);
    expect(failedNames(ref)).toEqual([...set.corrupt].sort());
    for (const f of m.failures) expect(f.reason.length).toBeGreaterThan(10);
    expect(m.records).toBe(records(ref).qa.length);
    expect(m.records).toBeGreaterThan(500);
    expect(Object.values(m.question_types).reduce((a, b) => a + b, 0)).toBe(m.records);
    expect(m.models.depth).toMatchObject({ id: TINY_IDS.depth, revision: 'main', dtype: { model: 'fp32' } });
    expectOnce(ref);
    const photoLines = records(ref).qa.filter((l) => l.includes('"image":"images/photo_'));
    expect(photoLines.length).toBeGreaterThan(0); // photos went through the tiny depth + SAM models
    const part = join(ref, 'shards', 'part-00000');
    const rows = await parquetReadObjects({ file: new Uint8Array(readFileSync(`${part}.qa.parquet`)).buffer });
    expect(rows.length).toBe(m.records);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(records(ref).qa.map((l) => (JSON.parse(l) as { id: string }).id)));
    // a rerun adds nothing
    expect(await run(['run', ...set.inputs, '--out', ref])).toBe(0);
    expect(readManifest(ref)!.shards.length).toBe(m.shards.length);
  });

  it.skipIf(!redisOk)('3 BullMQ workers equal the single-process run; rerun adds nothing, 5 new inputs run alone', async () => {
    const redis = await startRedis();
    try {
      const out = join(tmp, 'queue-out');
      expect(await run(['enqueue', '--redis', redis.url, ...set.inputs])).toBe(0);
      const workers = [0, 1, 2].map(() => spawnCli(['worker', '--redis', redis.url, '--exit-when-empty', '--lock-ms', '2000', '--model-dir', models]));
      const codes = await Promise.all(workers.map((w) => w.done));
      expect(codes).toEqual([0, 0, 0]);
      for (const w of workers) {
        const last = w.lines.find((l) => l.includes('models loaded'));
        expect(last).toMatch(/depth [01], masks [01], objects 0/); // once per worker (0 if it got no photo)
      }
      expect(workers.every((w) => w.lines.some((l) => l.startsWith('done ')))).toBe(true); // all three took work
      expect(await run(['collect', '--redis', redis.url, '--out', out])).toBe(0);
      expect(records(out)).toEqual(records(ref));
      expect(failedNames(out)).toEqual(failedNames(ref));
      expect(readManifest(out)!.records).toBe(readManifest(ref)!.records);
      expectOnce(out);

      // the same inputs again: no job, no record
      const said: string[] = [];
      await main(['enqueue', '--redis', redis.url, ...set.inputs, ...MODEL_ARGS], (s) => said.push(s));
      expect(said.join('\n')).toMatch(/0 jobs added, 58 done before, 0 already queued, 3 failed before/);
      // five new frames: only those run
      const nyu = join(fixtures!, 'rgbd', 'nyu_metric3d');
      for (let i = 0; i < 5; i++) addPair(join(set.root, 'pairs'), `new_${i}`, join(nyu, 'rgb_00000.jpg'), join(nyu, 'sync_depth_00000.png'), i);
      said.length = 0;
      await main(['enqueue', '--redis', redis.url, ...set.inputs, ...MODEL_ARGS], (s) => said.push(s));
      expect(said.join('\n')).toMatch(/5 jobs added, 58 done before/);
      const w = spawnCli(['worker', '--redis', redis.url, '--exit-when-empty', '--model-dir', models]);
      expect(await w.done).toBe(0);
      expect(w.lines.filter((l) => l.startsWith('start ')).map((l) => l.split(' ')[2]).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `new_${i}.jpg`));
      const before = readIndex(out).length;
      expect(await run(['collect', '--redis', redis.url, '--out', out])).toBe(0);
      expect(readIndex(out).length).toBe(before + 5);
      expectOnce(out);
      for (let i = 0; i < 5; i++) for (const s of ['.jpg', '.depth.png', '.objects.json']) rmSync(join(set.root, 'pairs', `new_${i}${s}`));
    } finally {
      await redis.stop();
    }
  }, 120_000);

  it.skipIf(!redisOk)('kill -9 of a worker mid-item and a Redis restart mid-run: nothing lost or duplicated', async () => {
    const redis: TestRedis = await startRedis();
    try {
      const out = join(tmp, 'chaos-out');
      const chaos = buildInputs(fixtures!, { index: 6, pairs: 14, photos: 2 }, join(tmp, 'in-chaos'));
      const single = join(tmp, 'chaos-ref');
      await run(['run', ...chaos.inputs, '--out', single]);
      expect(await run(['enqueue', '--redis', redis.url, ...chaos.inputs])).toBe(0);
      const args = ['worker', '--redis', redis.url, '--exit-when-empty', '--lock-ms', '1500', '--model-dir', models];
      const a = spawnCli(args);
      const b = spawnCli(args);
      // kill worker A right after it starts an item (after a few results, so the run is under way)
      await waitFor(() => a.lines.filter((l) => l.startsWith('done ')).length >= 3 && a.lines[a.lines.length - 1]?.startsWith('start '), 60_000, 'worker A to start an item');
      const killedOn = a.lines[a.lines.length - 1].split(' ')[1];
      a.proc.kill('SIGKILL');
      // Redis goes away and comes back while B works
      await waitFor(() => b.lines.filter((l) => l.startsWith('done ')).length >= 6, 60_000, 'worker B to make progress');
      await redis.stop();
      await new Promise((r) => setTimeout(r, 800));
      await redis.start();
      const c = spawnCli(args); // a replacement for A, as a supervisor would start
      expect(await b.done).toBe(0);
      expect(await c.done).toBe(0);
      expect(a.lines.some((l) => l.startsWith(`done ${killedOn}`))).toBe(false);
      expect([...b.lines, ...c.lines].some((l) => l.startsWith(`done ${killedOn}`))).toBe(true); // re-run elsewhere
      expect(await run(['collect', '--redis', redis.url, '--out', out])).toBe(0);
      expect(records(out)).toEqual(records(single));
      expect(failedNames(out)).toEqual(failedNames(single));
      expectOnce(out);
    } finally {
      await redis.stop();
    }
  }, 120_000);

  it('local mode (--workers 2): same records, a child killed mid-item is replaced, a rerun adds nothing', async () => {
    const out = join(tmp, 'local-out');
    const small = buildInputs(fixtures!, { index: 6, pairs: 6, photos: 2 }, join(tmp, 'in-small'));
    addPair(join(small.root, 'pairs'), 'crash_me', join(fixtures!, 'rgbd', 'nyu_metric3d', 'rgb_00000.jpg'), join(fixtures!, 'rgbd', 'nyu_metric3d', 'sync_depth_00000.png'), 1);
    const marker = join(tmp, 'crashed');
    const p = spawnCli(['run', ...small.inputs, '--out', out, '--workers', '2', ...MODEL_ARGS], { SPATIALLENS_SYNTH_TEST_CRASH: marker });
    expect(await p.done).toBe(1); // the corrupt files failed
    expect(readFileSync(marker, 'utf8')).toMatch(/^\d+$/); // a child did die on crash_me
    const single = join(tmp, 'local-ref');
    await run(['run', ...small.inputs, '--out', single]);
    expect(records(out)).toEqual(records(single));
    expect(readIndex(out).some((l) => l.name === 'crash_me.jpg')).toBe(true);
    expect(failedNames(out)).toEqual([...small.corrupt].sort());
    expectOnce(out);
    const shards = readManifest(out)!.shards.length;
    expect(await run(['run', ...small.inputs, '--out', out, '--workers', '2'])).toBe(0);
    expect(readManifest(out)!.shards.length).toBe(shards);
  }, 120_000);
});
