/**
 * Photo -> filter -> objects -> masks -> depth -> geometry -> scene graph. Each stage is timed, cached by
 * image hash (+ the model that ran it), cancellable with an AbortSignal; a crashed or OOM worker is
 * restarted and its stage retried once. Models load lazily (the VLM only when a question needs it) and
 * can be unloaded. RGB-D input (depth given) skips the depth model; given boxes skip Florence-2.
 */
import * as Comlink from 'comlink';
import type { DepthMap, PointCloud, RGBAImage } from '../core/geometry/raster';
import type { Intrinsics, IntrinsicsSource } from '../core/camera/intrinsics';
import type { Box2D, MaskRLE, SceneGraph } from '../core/scene/types';
import type { BuildSceneResult, BuildSceneTimings, FinishSceneInput, PrepareSceneInput } from '../core/scene/buildScene';
import { pipelineActions as act, pipelineStore, type PipelineStore, type StageName } from '../state/pipelineStore';
import type { Manifest, Role } from './manifest';
import type { ModelHost } from './host';
import type { DeviceChoice } from './device';
import type { DepthResult } from './models/depth/metricDepth';
import type { Detection } from './models/florence2/detections';
import type { FilterVerdict } from './models/filter/sceneFilter';
import { AbortedError, looksLikeCrash, WorkerClient } from './workerClient';
import { workingSize } from '../io/imageLimits';
import { SharedImagePool } from './sharedImage';
import { imageKey } from './imageKey';
import type { LoadReport, ModelWorkerApi, WorkerImage, WorkerInit } from '../../workers/lib/types';
import type { DepthWorkerApi } from '../../workers/depth.worker';
import type { MasksWorkerApi } from '../../workers/masks.worker';
import type { ObjectsWorkerApi } from '../../workers/objects.worker';
import type { FilterWorkerApi } from '../../workers/filter.worker';
import type { VlmWorkerApi } from '../../workers/vlm.worker';
import type { GeometryWorkerApi } from '../../workers/geometry.worker';

export type WorkerFactories = Record<Role | 'geometry', () => Worker>;

export interface PipelineOptions {
  manifest: Partial<Manifest>;
  host: ModelHost;
  device: DeviceChoice;
  workers: WorkerFactories;
  store?: PipelineStore;
  useBrowserCache?: boolean;
  /** Test hook (URL flag): WebGPU session creation throws, so the WASM fallback runs. */
  failWebGPU?: boolean | 'inference';
  /** Keep stage results by image hash (default true). */
  cacheStages?: boolean;
  /** Point-cloud stride for the viewer cloud and the plane search (default: ceil(longest depth side / depthSide), i.e. 1 on the model's depth map). */
  stride?: number;
  /**
   * Longest side of the depth map the depth model's output is resampled to and buildScene runs on
   * (default 512: half the 1024 working size; the tiny and real Metric3D predict at ~686x518 anyway).
   * Stride 1 on 512x384 gives the same cloud (196k points) as stride 2 on 1024x768 at a fraction of
   * buildScene's cost, which grows with the depth pixels under each object.
   */
  depthSide?: number;
}

export interface PhotoInput {
  /** The working image every stage sees. */
  rgb: RGBAImage;
  name?: string;
  intrinsics: Intrinsics;
  intrinsicsSource: IntrinsicsSource;
  intrinsicsDetail: string;
  /** RGB-D: metric depth given (skip the depth model). */
  depth?: DepthMap;
  depthSource?: string;
  /** Boxes given (skip Florence-2), e.g. from a scene file or a test. */
  objects?: { caption: string; box2d: Box2D }[];
}

export interface StageTiming {
  ms: number;
  inferenceMs: number;
  loadMs: number;
  cached: boolean;
}

export interface PipelineResult {
  hash: string;
  scene: SceneGraph;
  /** Canonical-frame cloud; `pixel` indexes the working image (input.rgb), whatever size depth had. */
  cloud: PointCloud;
  filter: FilterVerdict | null;
  /** The metric depth map the scene was built from (model output at the geometry size, or the RGB-D input). */
  depth: DepthMap;
  timings: Partial<Record<StageName, StageTiming>>;
  geometry: BuildSceneTimings;
  /** Wall time of the lift + canonicalize call the depth branch makes (its compute: geometry.liftMs + canonicalizeMs). */
  geometryPrepareMs: number;
  /** Wall time of the run. */
  totalMs: number;
  /**
   * What the orchestration itself costs: wall time minus model inference and loading (masks and depth
   * run side by side; see overheadOf).
   */
  overheadMs: number;
}

interface MaskedObject {
  id: string;
  caption: string;
  box2d: Box2D;
  mask?: MaskRLE;
  /** The mask at the depth map's size: what buildScene samples (the scene keeps `mask`). */
  geometryMask?: MaskRLE;
}

/** Default longest side of the depth map buildScene sees (see PipelineOptions.depthSide). */
export const DEPTH_SIDE = 512;

const workerImage = (rgb: RGBAImage): WorkerImage => ({ width: rgb.width, height: rgb.height, data: rgb.data });

/** Cloud pixel indices from the depth map's grid to the working image's (nearest pixel centre). */
export function cloudPixelsToImage(pixel: Uint32Array, depth: { width: number; height: number }, image: { width: number; height: number }): void {
  if (depth.width === image.width && depth.height === image.height) return;
  const w = depth.width, sx = image.width / depth.width, sy = image.height / depth.height;
  const colOf = new Uint32Array(w);
  for (let x = 0; x < w; x++) colOf[x] = Math.min(image.width - 1, Math.floor((x + 0.5) * sx));
  const rowOf = new Uint32Array(depth.height);
  for (let y = 0; y < depth.height; y++) rowOf[y] = Math.min(image.height - 1, Math.floor((y + 0.5) * sy)) * image.width;
  for (let i = 0; i < pixel.length; i++) {
    const p = pixel[i];
    const y = Math.floor(p / w);
    pixel[i] = rowOf[y] + colOf[p - y * w];
  }
}

/** The stages that run side by side (see run()). */
export const PARALLEL_STAGES: readonly StageName[] = ['masks', 'depth'];

/**
 * What the run would have taken with instant models: the wall time with each sequential stage's model
 * time taken out, and the side-by-side branches' wall replaced by the longest of their own non-model
 * times (not the wall minus the critical branch's model time, which would hide the other branch's
 * overhead). `branchExtra`: non-model work a branch does after its stage (the depth branch lifts and
 * canonicalizes the cloud).
 */
export function overheadOf(totalMs: number, timings: PipelineResult['timings'], parallelWallMs: number, branchExtra: Partial<Record<StageName, number>> = {}): number {
  let seqModel = 0;
  for (const [name, t] of Object.entries(timings) as [StageName, StageTiming | undefined][]) {
    if (t && !PARALLEL_STAGES.includes(name)) seqModel += t.inferenceMs + t.loadMs;
  }
  let parallelOverhead = 0;
  for (const name of PARALLEL_STAGES) {
    const t = timings[name];
    parallelOverhead = Math.max(parallelOverhead, (t ? t.ms - t.inferenceMs - t.loadMs : 0) + (branchExtra[name] ?? 0));
  }
  return totalMs - seqModel - parallelWallMs + parallelOverhead;
}

export class SpatialPipeline {
  readonly store: PipelineStore;
  private clients = new Map<string, WorkerClient<object>>();
  private cache = new Map<string, unknown>();
  private images = new SharedImagePool();

  constructor(private readonly opts: PipelineOptions) {
    this.store = opts.store ?? pipelineStore;
    act.setDevice(this.store, { kind: opts.device.caps.kind, shaderF16: opts.device.caps.shaderF16, reason: opts.device.reason });
  }

  /** The worker for a role, created (and its model configured) on first use. */
  private client<Api extends object>(role: Role | 'geometry'): WorkerClient<Api> {
    let c = this.clients.get(role) as WorkerClient<Api> | undefined;
    if (!c) {
      const entry = role === 'geometry' ? undefined : this.opts.manifest[role];
      c = new WorkerClient<Api>(role, this.opts.workers[role], async (api) => {
        if (!entry) return;
        const init: WorkerInit = {
          entry,
          caps: this.currentCaps(),
          host: this.opts.host,
          useBrowserCache: this.opts.useBrowserCache ?? true,
          failWebGPU: this.opts.failWebGPU,
        };
        await (api as unknown as Comlink.Remote<ModelWorkerApi>).init(
          init,
          Comlink.proxy((p) => act.setFile(this.store, p)),
          Comlink.proxy((r) => this.onLoaded(role, r)),
        );
      });
      this.clients.set(role, c as unknown as WorkerClient<object>);
    }
    return c;
  }

  /** After one fallback every later load starts on WASM too (the adapter already failed once). */
  private currentCaps() {
    const d = this.store.getState().device;
    return d.fallback ? { kind: 'wasm' as const, shaderF16: false } : this.opts.device.caps;
  }

  private onLoaded(role: string, r: LoadReport): void {
    act.setLoaded(this.store, r.model, true);
    if (r.fallback) {
      act.setDevice(this.store, {
        kind: 'wasm',
        shaderF16: false,
        reason: `WebGPU failed for ${role} (${r.fallback.error}); running on WASM`,
        fallback: { from: 'webgpu', role, error: r.fallback.error, at: Date.now() },
      });
      act.event(this.store, { kind: 'fallback', message: `${role}: WebGPU failed, fell back to WASM: ${r.fallback.error}` });
    }
  }

  /** Runs one stage with caching, timing, cancellation, and one restart + retry after a crash. */
  private async stage<T>(
    name: StageName,
    key: string | null,
    signal: AbortSignal | undefined,
    timings: PipelineResult['timings'],
    run: () => Promise<{ value: T; inferenceMs?: number; loadMs?: number; detail?: string }>,
    worker?: WorkerClient<object>,
  ): Promise<T> {
    if (signal?.aborted) throw new AbortedError();
    if (key && this.opts.cacheStages !== false && this.cache.has(key)) {
      act.setStage(this.store, name, { status: 'cached', ms: 0, detail: 'reused (same image)' });
      timings[name] = { ms: 0, inferenceMs: 0, loadMs: 0, cached: true };
      return this.cache.get(key) as T;
    }
    for (let attempt = 1; ; attempt++) {
      const t0 = performance.now();
      act.setStage(this.store, name, { status: 'running', startedAt: Date.now(), attempts: attempt, error: undefined });
      try {
        const r = await run();
        const ms = performance.now() - t0;
        act.setStage(this.store, name, { status: 'done', ms, inferenceMs: r.inferenceMs, detail: r.detail });
        timings[name] = { ms, inferenceMs: r.inferenceMs ?? 0, loadMs: r.loadMs ?? 0, cached: false };
        if (key) this.cache.set(key, r.value);
        return r.value;
      } catch (err) {
        if (err instanceof AbortedError || signal?.aborted) {
          act.setStage(this.store, name, { status: 'cancelled', ms: performance.now() - t0 });
          act.event(this.store, { kind: 'cancel', stage: name, message: `${name} cancelled` });
          throw new AbortedError();
        }
        const msg = err instanceof Error ? err.message : String(err);
        if (worker && looksLikeCrash(err) && attempt === 1) {
          worker.restart();
          act.event(this.store, { kind: 'restart', stage: name, message: `${worker.name} worker crashed (${msg}); restarted it` });
          act.event(this.store, { kind: 'retry', stage: name, message: `retrying ${name} once` });
          continue;
        }
        act.setStage(this.store, name, { status: 'error', ms: performance.now() - t0, error: msg });
        act.event(this.store, { kind: 'error', stage: name, message: msg });
        throw err;
      }
    }
  }

  private async loadTimed(role: Role, signal?: AbortSignal): Promise<number> {
    const t0 = performance.now();
    await this.client<ModelWorkerApi>(role).call((api) => api.load(), signal);
    return performance.now() - t0;
  }

  async run(input: PhotoInput, signal?: AbortSignal): Promise<PipelineResult> {
    const lease = this.images.lease(input.rgb);
    try {
      return await this.runShared(input, lease.image, lease.shared, signal);
    } finally {
      lease.release();
    }
  }

  /** `shared`: `image` (input.rgb's bytes) lives in shared memory, so workers read it without copies. */
  private async runShared(input: PhotoInput, image: RGBAImage, shared: boolean, signal?: AbortSignal): Promise<PipelineResult> {
    const t0 = performance.now();
    const timings: PipelineResult['timings'] = {};
    act.resetRun(this.store);
    const m = this.opts.manifest;
    const img = workerImage(image);
    // the geometry worker warms its code while the models load and run (once per worker; queued ahead of
    // the depth branch's call)
    const geo = this.client<GeometryWorkerApi>('geometry');
    void geo.call((api) => api.warmUp()).catch(() => {});

    const hash = await this.stage('ingest', null, signal, timings, async () => ({ value: imageKey(input.rgb, input.intrinsics.fx.toFixed(3)) }));

    let filter: FilterVerdict | null = null;
    if (m.filter) {
      const w = this.client<FilterWorkerApi>('filter');
      filter = await this.stage('filter', `${hash}:filter:${m.filter.id}`, signal, timings, async () => {
        const loadMs = await this.loadTimed('filter', signal);
        const v = await w.call((api) => api.classify(img), signal);
        return { value: v as FilterVerdict, inferenceMs: v.inferenceMs, loadMs, detail: `${v.kind}, ${v.place}` };
      }, w as WorkerClient<object>);
      if (filter.warning) act.warn(this.store, filter.warning);
    } else {
      act.setStage(this.store, 'filter', { status: 'skipped', detail: 'no filter model in this manifest' });
    }

    let detections: { caption: string; box2d: Box2D }[];
    if (input.objects) {
      detections = input.objects;
      act.setStage(this.store, 'objects', { status: 'skipped', detail: `${detections.length} boxes given` });
    } else if (m.objects) {
      const w = this.client<ObjectsWorkerApi>('objects');
      detections = await this.stage('objects', `${hash}:objects:${m.objects.id}`, signal, timings, async () => {
        const loadMs = await this.loadTimed('objects', signal);
        const r = await w.call((api) => api.detect(img), signal);
        return { value: r.detections as Detection[], inferenceMs: r.inferenceMs, loadMs, detail: `${r.detections.length} objects` };
      }, w as WorkerClient<object>);
    } else {
      throw new Error('No object boxes: the manifest has no objects model and none were given.');
    }
    const boxesKey = JSON.stringify(detections.map((d) => d.box2d));

    // the depth map's size (given, or what the depth stage will return): masks for the geometry come at it too
    const geoSize = input.depth
      ? { width: input.depth.width, height: input.depth.height }
      : workingSize(input.rgb.width, input.rgb.height, this.opts.depthSide ?? DEPTH_SIDE);
    const boxed: MaskedObject[] = detections.map((d, i) => ({ id: `obj-${i + 1}`, caption: d.caption, box2d: d.box2d }));
    // Masks and depth both need only the image and the boxes: they run side by side, each in its worker
    // (on the GPU the two models overlap; on the CPU each one's preparation overlaps the other's inference).
    const masksBranch = async (): Promise<MaskedObject[]> => {
      if (!m.masks || !boxed.length) {
        act.setStage(this.store, 'masks', { status: 'skipped', detail: m.masks ? 'no objects' : 'no mask model: boxes only' });
        return boxed;
      }
      const w = this.client<MasksWorkerApi>('masks');
      const masks = await this.stage('masks', `${hash}:masks:${m.masks.id}:${boxesKey}:${geoSize.width}x${geoSize.height}`, signal, timings, async () => {
        const loadMs = await this.loadTimed('masks', signal);
        const r = await w.call((api) => api.segment(img, boxed.map((o) => o.box2d), geoSize), signal);
        const t = r.timings;
        return { value: r.masks, inferenceMs: t.inferenceMs, loadMs, detail: `${r.masks.length} masks (prep ${t.preprocessMs.toFixed(0)} ms, post ${t.postprocessMs.toFixed(0)} ms)` };
      }, w as WorkerClient<object>);
      return boxed.map((o, i) => ({ ...o, mask: masks[i]?.rle, geometryMask: masks[i]?.geometryRle }));
    };

    type DepthOut = { depth: DepthMap; intrinsics: Intrinsics; source: IntrinsicsSource; detail: string; depthSource: string };
    const depthBranch = async (): Promise<DepthOut> => {
      if (input.depth) {
        act.setStage(this.store, 'depth', { status: 'skipped', detail: 'depth given (RGB-D)' });
        return { depth: input.depth, intrinsics: input.intrinsics, source: input.intrinsicsSource, detail: input.intrinsicsDetail, depthSource: input.depthSource ?? 'depth file (RGB-D)' };
      }
      if (!m.depth) throw new Error('No depth: the manifest has no depth model and no depth map was given.');
      const entry = m.depth;
      const w = this.client<DepthWorkerApi>('depth');
      const out = geoSize;
      return this.stage('depth', `${hash}:depth:${entry.id}:${input.intrinsicsSource}:${out.width}x${out.height}`, signal, timings, async () => {
        const loadMs = await this.loadTimed('depth', signal);
        const r: DepthResult = await w.call((api) => api.estimate(img, input.intrinsics, input.intrinsicsSource, out), signal);
        return {
          value: { depth: r.depth, intrinsics: r.intrinsics, source: r.intrinsicsSource, detail: r.intrinsicsDetail, depthSource: `${entry.id} (${r.inputSize.width}x${r.inputSize.height})` },
          inferenceMs: r.timings.inferenceMs,
          loadMs,
          detail: `${r.intrinsicsDetail} (prep ${r.timings.preprocessMs.toFixed(0)} ms, post ${r.timings.postprocessMs.toFixed(0)} ms)`,
        };
      }, w as WorkerClient<object>);
    };

    const depthSide = this.opts.depthSide ?? DEPTH_SIDE;
    // Lift + canonicalize need only the depth: they run in the geometry worker while the masks are still
    // coming. Copies, transferred: the cached depth and the caller's image stay usable (shared bytes need no copy).
    const prepareInput = (dm: DepthOut): { input: PrepareSceneInput; transfer: ArrayBuffer[] } => {
      const d = new Float32Array(dm.depth.data);
      const rgb = shared ? image.data : new Uint8ClampedArray(input.rgb.data);
      return {
        input: {
          depth: { ...dm.depth, data: d },
          intrinsics: dm.intrinsics,
          rgb: { width: input.rgb.width, height: input.rgb.height, data: rgb },
          // ~depthSide points across: 1 on the model's 512x384 map, 2 on a 640x480 or 1024x768 RGB-D map
          stride: this.opts.stride ?? Math.max(1, Math.ceil(Math.max(dm.depth.width, dm.depth.height) / depthSide)),
        },
        transfer: shared ? [d.buffer] : [d.buffer, rgb.buffer as ArrayBuffer],
      };
    };
    let preparedId: number | null = null;
    let prepareMs = 0;
    const depthThenPrepare = async (): Promise<DepthOut> => {
      const dm = await depthBranch();
      const t = performance.now();
      preparedId = await this.tryPrepare(geo, prepareInput(dm), signal);
      prepareMs = performance.now() - t;
      return dm;
    };

    const tBranches = performance.now();
    const [objects, depth] = await Promise.all([masksBranch(), depthThenPrepare()]);
    const branchesMs = performance.now() - tBranches;

    const built = await this.stage('geometry', null, signal, timings, async () => {
      const rest: FinishSceneInput = {
        intrinsicsSource: depth.source,
        intrinsicsDetail: depth.detail,
        // the masks at the depth map's size: a quarter of the pixels to decode and erode, one mask per depth pixel
        objects: objects.map(({ id, caption, box2d, mask, geometryMask }) => ({ id, caption, box2d, mask: geometryMask ?? mask })),
        provenance: {
          depthSource: depth.depthSource,
          objectsSource: input.objects ? 'given boxes' : (m.objects?.id ?? 'none'),
          createdAt: new Date().toISOString(),
          app: 'SpatialLens',
          imageName: input.name,
          imageHash: hash,
        },
      };
      let r: BuildSceneResult | null = null;
      const id = preparedId;
      preparedId = null; // a retry after a crash builds everything again
      if (id !== null) {
        try {
          r = await geo.call((api) => api.finish(id, rest), signal);
        } catch (err) {
          if (err instanceof AbortedError || signal?.aborted || looksLikeCrash(err)) throw err;
          r = null; // the prepared cloud is gone: build it all below
        }
      }
      if (!r) {
        const p = prepareInput(depth);
        r = await geo.call((api) => api.build(Comlink.transfer({ ...p.input, ...rest }, p.transfer)), signal);
      }
      cloudPixelsToImage(r.cloud.pixel, depth.depth, input.rgb);
      // the scene keeps the working-size masks (the photo view draws masks at the image's size)
      const full = new Map(objects.map((o) => [o.id, o.mask]));
      for (const so of r.scene.objects) {
        const mk = full.get(so.id);
        if (mk) so.mask = mk;
      }
      return { value: r, detail: `${r.scene.objects.length} objects, ${r.cloud.count} points from ${depth.depth.width}x${depth.depth.height} depth` };
    }, geo as WorkerClient<object>);
    act.setStage(this.store, 'scene', { status: 'done', ms: 0, detail: `${built.scene.objects.length} objects` });

    const totalMs = performance.now() - t0;
    return {
      hash, scene: built.scene, cloud: built.cloud, filter, depth: depth.depth, timings, geometry: built.timings, geometryPrepareMs: prepareMs, totalMs,
      overheadMs: overheadOf(totalMs, timings, branchesMs, { depth: prepareMs }),
    };
  }

  /** Free-form question for the small VLM (loaded only now). Streams tokens; `signal` interrupts. */
  async ask(rgb: RGBAImage, question: string, scene: SceneGraph | null, onToken: (t: string) => void, signal?: AbortSignal): Promise<string> {
    if (!this.opts.manifest.vlm) throw new Error('No VLM in this manifest.');
    const w = this.client<VlmWorkerApi>('vlm');
    signal?.addEventListener('abort', () => void w.call((api) => api.interrupt()).catch(() => {}), { once: true });
    return w.call((api) => api.ask(workerImage(rgb), question, scene, Comlink.proxy(onToken)));
  }

  /** The depth branch's lift + canonicalize; null when it failed (the geometry stage then builds it all). */
  private async tryPrepare(geo: WorkerClient<GeometryWorkerApi>, p: { input: PrepareSceneInput; transfer: ArrayBuffer[] }, signal?: AbortSignal): Promise<number | null> {
    try {
      return (await geo.call((api) => api.prepare(Comlink.transfer(p.input, p.transfer)), signal)).id;
    } catch (err) {
      if (err instanceof AbortedError || signal?.aborted) throw new AbortedError();
      if (looksLikeCrash(err)) {
        geo.restart();
        const msg = err instanceof Error ? err.message : String(err);
        act.event(this.store, { kind: 'restart', stage: 'geometry', message: `${geo.name} worker crashed (${msg}); restarted it` });
      }
      return null;
    }
  }

  /** Loads a role's model now (e.g. ahead of time from settings). */
  async preload(role: Role): Promise<void> {
    await this.loadTimed(role);
  }

  async unload(role: Role): Promise<void> {
    const c = this.clients.get(role);
    if (!c) return;
    const id = this.opts.manifest[role]?.id;
    c.terminate();
    this.clients.delete(role);
    if (id) act.setLoaded(this.store, id, false);
    act.event(this.store, { kind: 'unload', message: `${role} model unloaded` });
  }

  /** Test hook: make a role's worker die (as an OOM would) before its next stage. */
  async crashWorker(role: Role | 'geometry'): Promise<void> {
    const c = this.client<ModelWorkerApi>(role);
    await c.call((api) => api.crashForTest()).catch(() => {});
  }

  clearCache(): void {
    this.cache.clear();
  }

  dispose(): void {
    for (const c of this.clients.values()) c.terminate();
    this.clients.clear();
  }
}
