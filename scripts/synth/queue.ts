/**
 * Distributed mode on BullMQ (Redis >= 6.2): one job per item, its id the item's key, so enqueueing the
 * same inputs again adds nothing. Workers on any number of machines take jobs, load the models once per
 * process, and store each result in a Redis hash with HSETNX under its key: a job that runs twice (a
 * stalled job picked up after its worker was killed, a retry after a lost connection) still leaves one
 * result. Failures land in another hash with their reason. `collect` turns the results into shards.
 *
 * Redis keys (beside BullMQ's own `bull:<queue>:*`): `spatiallens:<queue>:results` (key -> ItemResult JSON),
 * `:failed` (key -> FailedItem JSON), `:configs` (config fingerprint -> SynthConfig JSON), `:done_at`
 * (sorted set key -> completion time, for throughput).
 */
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { fingerprintOf, modelIds, type SynthConfig } from './config';
import { HeadlessPipeline, ItemError } from './headless';
import type { KeyedItem } from './items';
import type { FailedItem, ItemResult } from './records';
import { readIndex, writeShards, type OutputOptions } from './shards';

export const DEFAULT_QUEUE = 'spatiallens-synth';
export const JOB_ATTEMPTS = 3;
export const BACKOFF_MS = 1000;

export interface JobData {
  item: KeyedItem;
  fingerprint: string;
}

const keys = (queue: string) => ({
  results: `spatiallens:${queue}:results`,
  failed: `spatiallens:${queue}:failed`,
  configs: `spatiallens:${queue}:configs`,
  doneAt: `spatiallens:${queue}:done_at`,
});

export class RedisError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisError';
  }
}

/** A connection for BullMQ (retries forever: workers ride out a Redis restart). */
export function connect(url: string, opts: { failFast?: boolean } = {}): Redis {
  const r = new Redis(url, {
    maxRetriesPerRequest: opts.failFast ? 1 : null,
    enableReadyCheck: true,
    retryStrategy: (n) => (opts.failFast && n > 3 ? null : Math.min(2000, 100 * n)),
    lazyConnect: true,
  });
  r.on('error', () => {}); // reported where a command fails; reconnects are automatic
  return r;
}

/** Connects and checks the server version (BullMQ needs Redis >= 6.2). */
export async function openChecked(url: string): Promise<Redis> {
  const r = connect(url, { failFast: true });
  try {
    await r.connect();
    const info = await r.info('server');
    const v = /redis_version:(\d+)\.(\d+)/.exec(info);
    if (v && (Number(v[1]) < 6 || (Number(v[1]) === 6 && Number(v[2]) < 2))) throw new RedisError(`Redis at ${url} is ${v[1]}.${v[2]}; BullMQ needs 6.2 or newer`);
  } catch (e) {
    r.disconnect();
    throw e instanceof RedisError ? e : new RedisError(`cannot reach Redis at ${url}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return r;
}

/** The URL with its password hidden, for messages. */
export const safeUrl = (url: string): string => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

export interface EnqueueReport {
  added: number;
  done: number;
  queued: number;
  failedBefore: number;
}

/** Adds a job per item not done, not queued, and (unless retryFailed) not failed before; in batches. */
export async function enqueue(url: string, items: KeyedItem[], cfg: SynthConfig, opts: { queue?: string; retryFailed?: boolean; batch?: number } = {}): Promise<EnqueueReport> {
  const name = opts.queue ?? DEFAULT_QUEUE;
  const k = keys(name);
  const redis = await openChecked(url);
  const queue = new Queue<JobData>(name, { connection: redis });
  const fp = fingerprintOf(cfg);
  const report: EnqueueReport = { added: 0, done: 0, queued: 0, failedBefore: 0 };
  try {
    await redis.hset(k.configs, fp, JSON.stringify(cfg));
    const batch = opts.batch ?? 500;
    for (let i = 0; i < items.length; i += batch) {
      const chunk = items.slice(i, i + batch);
      const p = redis.pipeline();
      for (const it of chunk) p.hexists(k.results, it.key).hexists(k.failed, it.key).exists(queue.toKey(it.key));
      const r = (await p.exec()) ?? [];
      const fresh: KeyedItem[] = [];
      chunk.forEach((it, j) => {
        const [done, failed, queued] = [0, 1, 2].map((o) => Number(r[j * 3 + o]?.[1] ?? 0));
        if (done) report.done++;
        else if (queued) report.queued++;
        else if (failed && !opts.retryFailed) report.failedBefore++;
        else fresh.push(it);
      });
      if (opts.retryFailed && fresh.length) await redis.hdel(k.failed, ...fresh.map((f) => f.key));
      await queue.addBulk(fresh.map((it) => ({
        name: 'item',
        data: { item: it, fingerprint: fp },
        opts: { jobId: it.key, attempts: JOB_ATTEMPTS, backoff: { type: 'exponential', delay: BACKOFF_MS }, removeOnComplete: true, removeOnFail: true },
      })));
      report.added += fresh.length;
    }
  } finally {
    await queue.close();
    redis.disconnect();
  }
  return report;
}

export interface WorkerOptions {
  queue?: string;
  concurrency: number;
  exitWhenEmpty: boolean;
  /** Job lock (ms): a killed worker's job is picked up by another worker within about this long. */
  lockMs?: number;
  /** This machine's model folder (paths differ between machines; not part of the config's fingerprint). */
  modelDir?: string;
  log?: (line: string) => void;
  /** The bench's stand-in for the pipeline, to measure what the queue itself costs per item. */
  processItem?: (item: KeyedItem) => Promise<ItemResult>;
}

/** Runs a worker until it is stopped (SIGINT/SIGTERM) or, with exitWhenEmpty, the queue has nothing left. */
export async function runWorker(url: string, opts: WorkerOptions): Promise<{ processed: number; failed: number; loads: Record<string, number> }> {
  const name = opts.queue ?? DEFAULT_QUEUE;
  const k = keys(name);
  const log = opts.log ?? (() => {});
  const redis = connect(url);
  await redis.connect().catch((e: unknown) => {
    throw new RedisError(`cannot reach Redis at ${safeUrl(url)}: ${e instanceof Error ? e.message : String(e)}`);
  });
  const pipelines = new Map<string, HeadlessPipeline>();
  const pipelineFor = async (fp: string): Promise<HeadlessPipeline> => {
    let p = pipelines.get(fp);
    if (!p) {
      const raw = await redis.hget(k.configs, fp);
      if (!raw) throw new Error(`no config ${fp} in Redis (enqueued by another version?)`);
      const cfg = JSON.parse(raw) as SynthConfig;
      if (opts.modelDir) cfg.models = { ...cfg.models, modelDir: opts.modelDir };
      p = new HeadlessPipeline(cfg);
      pipelines.set(fp, p);
    }
    return p;
  };
  let processed = 0;
  let failed = 0;
  const processor = async (job: Job<JobData>): Promise<string> => {
    const { item, fingerprint } = job.data;
    if (await redis.hexists(k.results, item.key)) return 'duplicate';
    log(`start ${item.key} ${item.name}`);
    let result: ItemResult;
    try {
      result = opts.processItem ? await opts.processItem(item) : await (await pipelineFor(fingerprint)).process(item);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      const permanent = e instanceof ItemError;
      if (permanent || job.attemptsMade + 1 >= JOB_ATTEMPTS) {
        const f: FailedItem = { key: item.key, name: item.name, reason, attempts: job.attemptsMade + 1 };
        await redis.hset(k.failed, item.key, JSON.stringify(f));
        failed++;
        log(`failed ${item.key} ${item.name}: ${reason}`);
      }
      throw permanent ? new UnrecoverableError(reason) : e;
    }
    const [[, added]] = ((await redis.multi().hsetnx(k.results, item.key, JSON.stringify(result)).zadd(k.doneAt, Date.now(), item.key).hdel(k.failed, item.key).exec()) ?? [[null, 0]]) as [unknown, number][];
    processed++;
    log(`done ${item.key} ${item.name} ${result.pairs} pairs${added ? '' : ' (already stored)'}`);
    return added ? 'stored' : 'duplicate';
  };
  const lockMs = opts.lockMs ?? 30_000;
  const worker = new Worker<JobData>(name, processor, {
    connection: redis,
    concurrency: opts.concurrency,
    lockDuration: lockMs,
    stalledInterval: Math.max(500, Math.floor(lockMs / 2)),
    maxStalledCount: 2,
    drainDelay: 1,
  });
  worker.on('error', (e) => log(`redis: ${e.message}`));
  const queue = new Queue<JobData>(name, { connection: redis });
  const stop = async () => {
    await worker.close();
    await queue.close();
    redis.disconnect();
  };
  await new Promise<void>((resolve) => {
    const onSignal = () => void stop().then(resolve);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    if (!opts.exitWhenEmpty) return;
    let idle = 0;
    const timer = setInterval(() => {
      queue.getJobCounts('wait', 'active', 'delayed', 'prioritized').then(
        (c) => {
          const left = Object.values(c).reduce((a, b) => a + b, 0);
          idle = left === 0 ? idle + 1 : 0;
          if (idle >= 2) {
            clearInterval(timer);
            void stop().then(resolve);
          }
        },
        () => (idle = 0), // Redis away: keep waiting, the connection comes back by itself
      );
    }, 500);
  });
  const loads: Record<string, number> = { depth: 0, masks: 0, objects: 0 };
  for (const p of pipelines.values()) for (const [r, n] of Object.entries(p.loads)) loads[r] += n;
  return { processed, failed, loads };
}

export interface QueueStatus {
  waiting: number;
  active: number;
  delayed: number;
  done: number;
  failed: number;
  /** Items per second over the last minute, and since the first result. */
  ratePerMin: number;
  rateOverall: number;
  failures: FailedItem[];
}

export async function status(url: string, queueName = DEFAULT_QUEUE): Promise<QueueStatus> {
  const k = keys(queueName);
  const redis = await openChecked(url);
  const queue = new Queue<JobData>(queueName, { connection: redis });
  try {
    const c = await queue.getJobCounts('wait', 'active', 'delayed', 'prioritized');
    const done = await redis.hlen(k.results);
    const now = Date.now();
    const lastMin = await redis.zcount(k.doneAt, now - 60_000, '+inf');
    const first = await redis.zrange(k.doneAt, 0, 0, 'WITHSCORES');
    const last = await redis.zrange(k.doneAt, -1, -1, 'WITHSCORES');
    const span = first.length && last.length ? (Number(last[1]) - Number(first[1])) / 1000 : 0;
    const failures = Object.values(await redis.hgetall(k.failed)).map((s) => JSON.parse(s) as FailedItem);
    return {
      waiting: c.wait + c.prioritized, active: c.active, delayed: c.delayed, done, failed: failures.length,
      ratePerMin: lastMin / 60, rateOverall: span > 0 ? (done - 1) / span : 0, failures,
    };
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

/** Writes the results not yet in `out` as new shards (sorted by key) and the manifest. */
export async function collect(url: string, out: string, output: OutputOptions, queueName = DEFAULT_QUEUE): Promise<{ items: number; records: number; failed: number }> {
  const k = keys(queueName);
  const redis = await openChecked(url);
  try {
    const have = new Set(readIndex(out).map((l) => l.key));
    const todo = (await redis.hkeys(k.results)).filter((key) => !have.has(key)).sort();
    const failures = Object.values(await redis.hgetall(k.failed)).map((s) => JSON.parse(s) as FailedItem);
    const configs = Object.values(await redis.hgetall(k.configs)).map((s) => JSON.parse(s) as SynthConfig);
    const cfg = configs.length === 1 ? configs[0] : configs;
    const models = configs.length ? modelIds(configs[configs.length - 1].models) : {};
    let items = 0;
    let records = 0;
    const write = (chunk: ItemResult[]) => {
      const r = writeShards(out, chunk, failures, output, { config: cfg, models });
      items += r.items;
      records += r.records;
    };
    for (let i = 0; i < todo.length; i += output.shardSize) {
      const vals = await redis.hmget(k.results, ...todo.slice(i, i + output.shardSize));
      write(vals.filter((v): v is string => !!v).map((v) => JSON.parse(v) as ItemResult));
    }
    if (todo.length === 0) write([]); // the manifest still says what failed
    return { items, records, failed: failures.filter((f) => !have.has(f.key)).length };
  } finally {
    redis.disconnect();
  }
}
