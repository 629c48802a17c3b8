/**
 * One machine, no Redis: the items not done yet run in this process (`workers: 0`) or in N child
 * processes, each loading the models once. The same guarantees as the queue: a result is stored once by
 * its key, a transient error is retried with backoff, a child that dies (kill -9, out of memory) has its
 * item re-run by a fresh child, and an item that keeps failing is recorded with its reason.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SynthConfig } from './config';
import { HeadlessPipeline, ItemError } from './headless';
import type { KeyedItem } from './items';
import type { FromChild, ToChild } from './localChild';
import type { LocalStore } from './localStore';
import type { ItemResult } from './records';

export const MAX_ATTEMPTS = 3;
/** Backoff before retry n (1-based): 200 ms, 400 ms, ... (exponential, as the queue's). */
export const backoffMs = (attempt: number): number => 200 * 2 ** (attempt - 1);

export interface Progress {
  done: number;
  failed: number;
  total: number;
}

export interface LocalRunOptions {
  workers: number;
  onProgress?: (p: Progress, last?: { name: string; ok: boolean; reason?: string }) => void;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs `todo` to completion; results and failures land in `store`. */
export async function runItems(todo: KeyedItem[], cfg: SynthConfig, store: LocalStore, opts: LocalRunOptions): Promise<Progress> {
  const progress: Progress = { done: 0, failed: 0, total: todo.length };
  const attempts = new Map<string, number>();
  const settle = (item: KeyedItem, r: { result?: ItemResult; reason?: string }) => {
    if (r.result) {
      store.put(r.result);
      progress.done++;
    } else {
      store.fail({ key: item.key, name: item.name, reason: r.reason ?? 'unknown error', attempts: attempts.get(item.key) ?? 1 });
      progress.failed++;
    }
    opts.onProgress?.(progress, { name: item.name, ok: !!r.result, reason: r.reason });
  };
  /** True when the item should run again (transient failure, attempts left). */
  const retryable = (item: KeyedItem, permanent: boolean): boolean => !permanent && (attempts.get(item.key) ?? 1) < MAX_ATTEMPTS;

  if (opts.workers <= 0) {
    const pipeline = new HeadlessPipeline(cfg);
    for (const item of todo) {
      for (let a = 1; ; a++) {
        attempts.set(item.key, a);
        try {
          settle(item, { result: await pipeline.process(item) });
          break;
        } catch (e) {
          const reason = e instanceof Error ? e.message : String(e);
          if (retryable(item, e instanceof ItemError)) {
            await sleep(backoffMs(a));
            continue;
          }
          settle(item, { reason });
          break;
        }
      }
    }
    return progress;
  }
  await runInChildren(todo, cfg, opts.workers, attempts, settle, retryable);
  return progress;
}

const childEntry = fileURLToPath(new URL('./localChild.ts', import.meta.url));
/** The TypeScript loader the children run under (tsx, as the CLI itself). */
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function runInChildren(
  todo: KeyedItem[],
  cfg: SynthConfig,
  n: number,
  attempts: Map<string, number>,
  settle: (item: KeyedItem, r: { result?: ItemResult; reason?: string }) => void,
  retryable: (item: KeyedItem, permanent: boolean) => boolean,
): Promise<void> {
  const queue = [...todo];
  const byKey = new Map(todo.map((i) => [i.key, i]));
  let settled = 0;
  let delayed = 0;
  return new Promise((resolve) => {
    const children = new Set<ChildProcess>();
    const finish = () => {
      if (settled < todo.length) return;
      for (const c of children) if (c.connected) c.disconnect();
      resolve();
    };
    const spawn = (): void => {
      if (queue.length === 0 && delayed === 0) return;
      const child = fork(childEntry, [], { execArgv: ['--import', tsxLoader], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.add(child);
      let current: KeyedItem | null = null;
      const next = () => {
        current = queue.shift() ?? null;
        if (!current) {
          if (delayed === 0) {
            if (child.connected) child.disconnect();
          } else {
            setTimeout(next, 50); // a retry is waiting out its backoff
          }
          return;
        }
        attempts.set(current.key, (attempts.get(current.key) ?? 0) + 1);
        if (child.connected) child.send({ type: 'item', item: current } satisfies ToChild);
      };
      const again = (item: KeyedItem) => {
        delayed++;
        setTimeout(() => {
          delayed--;
          queue.push(item);
          if (children.size === 0) spawn();
        }, backoffMs(attempts.get(item.key) ?? 1));
      };
      child.on('message', (m: FromChild) => {
        if (m.type === 'ready') return next();
        const item = byKey.get(m.key);
        if (!item || current?.key !== m.key) return;
        current = null;
        if (m.type === 'result') {
          settle(item, { result: m.result });
          settled++;
        } else if (retryable(item, m.permanent)) {
          again(item);
        } else {
          settle(item, { reason: m.reason });
          settled++;
        }
        finish();
        next();
      });
      child.on('exit', (code, signal) => {
        children.delete(child);
        const lost = current;
        current = null;
        if (lost) {
          // died mid-item: a fresh child takes it (the item itself may be what kills it: bounded)
          if (retryable(lost, false)) again(lost);
          else {
            settle(lost, { reason: `the worker process died on this item ${MAX_ATTEMPTS} times (${signal ?? `exit ${code}`})` });
            settled++;
            finish();
          }
          spawn();
        }
        if (children.size === 0 && settled < todo.length) spawn();
        else finish();
      });
      child.send({ type: 'config', config: cfg } satisfies ToChild);
    };
    if (todo.length === 0) return resolve();
    for (let i = 0; i < Math.min(n, todo.length); i++) spawn();
  });
}
