/**
 * One lazily loaded model inside a worker: configures Transformers.js (bundled ORT wasm, host, cache),
 * loads with the WebGPU -> WASM fallback, notices a lost WebGPU device and reloads on WASM, and falls back
 * the same way when an inference fails on WebGPU: input-dtype, shader-compile and buffer-limit errors
 * (DepthPro exceeding maxStorageBuffersPerShaderStage, say) only surface in the first run(), after the
 * session was created fine.
 */
import { env, RawImage, type PreTrainedModel } from '@huggingface/transformers';
import { configureTransformers, loadModelWithFallback, type Loaded } from '../../src/pipeline/models/load';
import { BUNDLED_ORT_WASM } from '../../src/pipeline/ortWasm';
import { explainInferenceError } from '../../src/pipeline/models/inferenceErrors';
import type { LoadCallback, LoadReport, ProgressCallback, WorkerImage, WorkerInit } from './types';

type ModelLoader<M> = (id: string, opts: Record<string, unknown>) => Promise<M>;

export class ModelSlot<M extends PreTrainedModel = PreTrainedModel> {
  private cfg: WorkerInit | null = null;
  private onProgress: ProgressCallback = () => {};
  private onLoad: LoadCallback = () => {};
  private loaded: Promise<Loaded<M>> | null = null;
  private lostReason: string | null = null;
  /** Set once an inference on the current load has succeeded. */
  private ranOnce = false;
  private constructor(
    private readonly loader?: ModelLoader<M>,
    private readonly warmUp?: (l: Loaded<M>) => void,
  ) {}

  /**
   * `warmUp`: runs once after each load, counted in it: the worker's own pre/post-processing on dummy data,
   * so the first photo does not pay for cold code and first-touched buffers. Its errors are ignored.
   */
  static create<M extends PreTrainedModel = PreTrainedModel>(loader?: ModelLoader<M>, warmUp?: (l: Loaded<M>) => void): ModelSlot<M> {
    return new ModelSlot<M>(loader, warmUp);
  }

  init(cfg: WorkerInit, onProgress: ProgressCallback, onLoad: LoadCallback): void {
    this.cfg = cfg;
    this.onProgress = onProgress;
    this.onLoad = onLoad;
    configureTransformers({ host: cfg.host, useBrowserCache: cfg.useBrowserCache, wasmPaths: BUNDLED_ORT_WASM });
  }

  async get(): Promise<Loaded<M>> {
    if (!this.cfg) throw new Error('worker used before init()');
    if (this.lostReason && this.cfg.caps.kind === 'webgpu') {
      // The GPU device went away: drop the sessions and carry on with WASM.
      const error = this.lostReason;
      await this.unload();
      this.cfg = { ...this.cfg, caps: { kind: 'wasm', shaderF16: false } };
      this.loaded = this.start(`WebGPU device lost: ${error}`);
    }
    if (!this.loaded) this.loaded = this.start();
    return this.loaded;
  }

  /**
   * Runs an inference on the loaded model. A failure on WebGPU reloads the model on WASM and retries once
   * (the state then says so, like a load fallback); a failure on WASM is explained (out of memory: what to do).
   * `what`: the task in words, for the message.
   */
  async run<T>(what: string, infer: (l: Loaded<M>) => Promise<T>): Promise<T> {
    const l = await this.get();
    const id = this.cfg!.entry.id;
    try {
      if (l.caps.kind === 'webgpu' && this.cfg!.failWebGPU === 'inference') throw new Error('WebGPU inference failed (forced by the failWebGPU test flag)');
      const out = await infer(l);
      this.ranOnce = true;
      return out;
    } catch (err) {
      if (l.caps.kind !== 'webgpu') throw explainInferenceError(err, id, what);
      const message = err instanceof Error ? err.message : String(err);
      await this.unload();
      this.cfg = { ...this.cfg!, caps: { kind: 'wasm', shaderF16: false } };
      this.loaded = this.start(`${this.ranOnce ? 'an' : 'the first'} inference on WebGPU failed: ${message}`);
      try {
        const out = await infer(await this.loaded);
        this.ranOnce = true;
        return out;
      } catch (again) {
        throw explainInferenceError(again, id, what);
      }
    }
  }

  private start(lostError?: string): Promise<Loaded<M>> {
    const cfg = this.cfg!;
    this.ranOnce = false;
    const t0 = performance.now();
    const p = loadModelWithFallback<M>(
      { entry: cfg.entry, caps: cfg.caps, hostCfg: { host: cfg.host, useBrowserCache: cfg.useBrowserCache }, onProgress: (x) => this.onProgress(x), failWebGPU: cfg.failWebGPU === true },
      this.loader,
    ).then((l) => {
      const fallback = l.fallback ?? (lostError ? { error: lostError } : undefined);
      const report: LoadReport = { model: cfg.entry.id, caps: l.caps, dtype: l.dtype, fallback, ms: performance.now() - t0 };
      this.onLoad(report);
      if (l.caps.kind === 'webgpu') this.watchDevice();
      try {
        this.warmUp?.(l);
      } catch {
        // a warm-up is an optimisation: the real call will report any real problem
      }
      return { ...l, fallback };
    });
    p.catch(() => (this.loaded = null));
    return p;
  }

  private watchDevice(): void {
    // Only the `lost` promise of ORT's GPUDevice is read (the DOM lib here has no WebGPU types).
    type Lost = { lost: Promise<{ message: string; reason: string }> };
    const webgpu = (env.backends.onnx as { webgpu?: { device?: Promise<Lost> | Lost } }).webgpu;
    let device: Promise<Lost> | Lost | undefined;
    try {
      device = webgpu?.device; // ORT's getter throws before its WebGPU backend is initialised
    } catch {
      return;
    }
    void Promise.resolve(device)
      .then((d) => d?.lost.then((info) => (this.lostReason = info.message || info.reason || 'unknown')))
      .catch(() => {});
  }

  async report(): Promise<LoadReport> {
    const t0 = performance.now();
    const l = await this.get();
    return { model: this.cfg!.entry.id, caps: l.caps, dtype: l.dtype, fallback: l.fallback, ms: performance.now() - t0 };
  }

  async unload(): Promise<void> {
    const l = this.loaded;
    this.loaded = null;
    if (!l) return;
    try {
      const m = await l;
      await m.model.dispose();
    } catch {
      // A load that failed has nothing to dispose.
    }
  }
}

/** Worker image -> RawImage (RGB, as the processors expect). */
export function toRawImage(img: WorkerImage): RawImage {
  return new RawImage(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.byteLength), img.width, img.height, 4).rgb();
}

/** Dies the way an out-of-memory wasm abort does: an uncaught error in the worker. */
export function crashSoon(): Promise<never> {
  setTimeout(() => {
    throw new Error('simulated worker crash (test hook)');
  }, 0);
  return new Promise<never>(() => {});
}
