/**
 * A comlink client for one worker that notices when the worker dies (uncaught error, wasm abort/OOM) —
 * a comlink call to a dead worker would otherwise hang forever — and can restart it.
 */
import * as Comlink from 'comlink';

export class WorkerCrashError extends Error {
  constructor(readonly worker: string, detail: string) {
    super(`The ${worker} worker stopped: ${detail}`);
    this.name = 'WorkerCrashError';
  }
}

/** Errors that leave a wasm heap unusable: treat like a crash (restart, then retry). */
export function looksLikeCrash(err: unknown): boolean {
  if (err instanceof WorkerCrashError) return true;
  const msg = err instanceof Error ? `${err.name} ${err.message}` : String(err);
  return /out of memory|\bOOM\b|Aborted\(|memory access out of bounds|RangeError: Array buffer allocation failed/i.test(msg);
}

export class AbortedError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'AbortError';
  }
}

export class WorkerClient<Api extends object> {
  private worker: Worker | null = null;
  private remote: Comlink.Remote<Api> | null = null;
  private crashed: Promise<never> | null = null;
  private started: Promise<void> | null = null;
  restarts = 0;

  constructor(
    readonly name: string,
    private readonly factory: () => Worker,
    /** Runs after every (re)start, e.g. init() with the model config and progress callbacks. */
    private readonly onStart: (api: Comlink.Remote<Api>) => Promise<void> = async () => {},
  ) {}

  private start(): Promise<void> {
    const worker = this.factory();
    this.worker = worker;
    this.remote = Comlink.wrap<Api>(worker);
    this.crashed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (e) => {
        e.preventDefault?.();
        reject(new WorkerCrashError(this.name, e.message || 'uncaught error'));
      });
      worker.addEventListener('messageerror', () => reject(new WorkerCrashError(this.name, 'a message could not be read')));
    });
    this.crashed.catch(() => {});
    return this.onStart(this.remote);
  }

  /** Calls into the worker; rejects when the worker dies or the signal aborts. */
  async call<T>(fn: (api: Comlink.Remote<Api>) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw new AbortedError();
    this.started ??= this.start();
    const aborted = new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(new AbortedError()), { once: true }));
    aborted.catch(() => {});
    await Promise.race([this.started, this.crashed!, aborted]);
    return Promise.race([fn(this.remote!), this.crashed!, aborted]);
  }

  restart(): void {
    this.terminate();
    this.restarts++;
  }

  terminate(): void {
    this.worker?.terminate();
    if (this.remote) this.remote[Comlink.releaseProxy]();
    this.worker = null;
    this.remote = null;
    this.crashed = null;
    this.started = null;
  }

  get running(): boolean {
    return this.worker !== null;
  }
}
