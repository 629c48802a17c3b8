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

/** A call that got no answer in time: the worker is taken for hung, terminated, and starts afresh on the next call. */
export class WorkerTimeoutError extends WorkerCrashError {
  constructor(worker: string, ms: number) {
    super(worker, `no answer within ${Math.round(ms / 1000)} s`);
    this.name = 'WorkerTimeoutError';
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
  /** Rejects `crashed`: calls in flight on a worker that is terminated end instead of hanging. */
  private kill: ((e: Error) => void) | null = null;
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
      this.kill = reject;
      worker.addEventListener('error', (e) => {
        e.preventDefault?.();
        reject(new WorkerCrashError(this.name, e.message || 'uncaught error'));
      });
      worker.addEventListener('messageerror', () => reject(new WorkerCrashError(this.name, 'a message could not be read')));
    });
    this.crashed.catch(() => {});
    return this.onStart(this.remote);
  }

  /**
   * Calls into the worker; rejects when the worker dies, the signal aborts, or (with `timeoutMs`) no answer
   * comes in time — then the worker is terminated (a hung worker would hold its memory forever).
   */
  async call<T>(fn: (api: Comlink.Remote<Api>) => Promise<T>, signal?: AbortSignal, timeoutMs?: number): Promise<T> {
    if (signal?.aborted) throw new AbortedError();
    this.started ??= this.start();
    const crashed = this.crashed!;
    const aborted = new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(new AbortedError()), { once: true }));
    aborted.catch(() => {});
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      if (timeoutMs) timer = setTimeout(() => reject(new WorkerTimeoutError(this.name, timeoutMs)), timeoutMs);
    });
    try {
      await Promise.race([this.started, crashed, aborted, timedOut]);
      return await Promise.race([fn(this.remote!), crashed, aborted, timedOut]);
    } catch (e) {
      if (e instanceof WorkerTimeoutError) this.restart();
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  restart(): void {
    this.terminate();
    this.restarts++;
  }

  terminate(): void {
    this.kill?.(new WorkerCrashError(this.name, 'terminated'));
    this.kill = null;
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
