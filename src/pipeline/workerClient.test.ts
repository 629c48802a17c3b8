import { afterEach, describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { WorkerClient, WorkerCrashError, WorkerTimeoutError } from './workerClient';

interface Api {
  echo(x: number): Promise<number>;
  hang(): Promise<never>;
}

/** A stand-in Worker: a MessageChannel whose far end exposes Api with comlink. */
function fakeWorkerFactory(): { factory: () => Worker; started: () => number; terminated: () => number } {
  let started = 0, terminated = 0;
  const factory = () => {
    started++;
    const { port1, port2 } = new MessageChannel();
    Comlink.expose({ echo: async (x: number) => x * 2, hang: () => new Promise<never>(() => {}) } satisfies Api, port2 as unknown as Comlink.Endpoint);
    port1.start();
    ports.push(port1, port2);
    const w = port1 as unknown as Worker;
    (w as { terminate: () => void }).terminate = () => {
      terminated++;
      port1.close();
    };
    return w;
  };
  return { factory, started: () => started, terminated: () => terminated };
}
const ports: MessagePort[] = [];
afterEach(() => {
  for (const p of ports.splice(0)) p.close();
});

describe('WorkerClient', () => {
  it('answers calls from one worker, started once', async () => {
    const f = fakeWorkerFactory();
    const c = new WorkerClient<Api>('test', f.factory);
    expect(await c.call((api) => api.echo(2))).toBe(4);
    expect(await c.call((api) => api.echo(5))).toBe(10);
    expect(f.started()).toBe(1);
    c.terminate();
    expect(f.terminated()).toBe(1);
  });

  it('a call with no answer in time fails, terminates the worker, and the next call gets a fresh one', async () => {
    const f = fakeWorkerFactory();
    const c = new WorkerClient<Api>('test', f.factory);
    await expect(c.call((api) => api.hang(), undefined, 50)).rejects.toBeInstanceOf(WorkerTimeoutError);
    expect(f.terminated()).toBe(1);
    expect(c.running).toBe(false);
    expect(await c.call((api) => api.echo(1))).toBe(2);
    expect(f.started()).toBe(2);
    c.terminate();
  });

  it('terminating ends calls in flight instead of leaving them hanging', async () => {
    const f = fakeWorkerFactory();
    const c = new WorkerClient<Api>('test', f.factory);
    const pending = c.call((api) => api.hang());
    await new Promise((r) => setTimeout(r, 10));
    c.terminate();
    await expect(pending).rejects.toBeInstanceOf(WorkerCrashError);
  });
});
