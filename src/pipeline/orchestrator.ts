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
import type { BuildSceneResult, BuildSceneTimings, FinishSceneInput, PrepareSceneInput } from '../core/build/buildScene';
import { silentReporter, type PipelineReporter, type StageName } from './report';
import { DEFAULT_STAGE_CACHE_BYTES, StageCache } from './stageCache';
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
  /** Where stages, downloads and events are reported (state/pipelineStore.ts adapts a store to it). */
  reporter?: PipelineReporter;
  /** Start every model on WASM (WebGPU already failed in this page). */
  startOnWasm?: boolean;
  /** Byte budget of the stage cache (least recently used results go first; default 64 MiB). */
  cacheBytes?: number;
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

/** What one run carries from stage to stage. */
interface RunContext {
  input: PhotoInput;
  /** input.rgb's bytes, in shared memory when `shared` (workers then read them without copies). */
  image: RGBAImage;
  shared: boolean;
  img: WorkerImage;
  signal?: AbortSignal;
  timings: PipelineResult['timings'];
  hash: string;
  geo: WorkerClient<GeometryWorkerApi>;
}

type DepthOut = { depth: DepthMap; intrinsics: Intrinsics; source: IntrinsicsSource; detail: string; depthSource: string };

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
  readonly reporter: PipelineReporter;
  private clients = new Map<string, WorkerClient<object>>();
  private cache: StageCache;
  private images = new SharedImagePool();
  /** After one WebGPU failure every later load starts on WASM too (the adapter already failed once). */
  private fellBack: boolean;

  constructor(private readonly opts: PipelineOptions) {
    this.reporter = opts.reporter ?? silentReporter;
    this.fellBack = opts.startOnWasm ?? false;
    this.cache = new StageCache(opts.cacheBytes ?? DEFAULT_STAGE_CACHE_BYTES);
    this.reporter.setDevice({ kind: opts.device.caps.kind, shaderF16: opts.device.caps.shaderF16, reason: opts.device.reason });
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
          caps: this.fellBack ? { kind: 'wasm', shaderF16: false } : this.opts.device.caps,
          host: this.opts.host,
          useBrowserCache: this.opts.useBrowserCache ?? true,
          failWebGPU: this.opts.failWebGPU,
        };
        await (api as unknown as Comlink.Remote<ModelWorkerApi>).init(
          init,
          Comlink.proxy((p) => this.reporter.setFile(p)),
          Comlink.proxy((r) => this.onLoaded(role, r)),
        );
      });
      this.clients.set(role, c as unknown as WorkerClient<object>);
    }
    return c;
  }

  private onLoaded(role: string, r: LoadReport): void {
    this.reporter.setLoaded(r.model, true);
    if (r.fallback) {
      this.fellBack = true;
      this.reporter.setDevice({
        kind: 'wasm',
        shaderF16: false,
        reason: `WebGPU failed for ${role} (${r.fallback.error}); running on WASM`,
        fallback: { from: 'webgpu', role, error: r.fallback.error, at: Date.now() },
      });
      this.reporter.event({ kind: 'fallback', message: `${role}: WebGPU failed, fell back to WASM: ${r.fallback.error}` });
    }
  }

  /** A cached result of this stage, reported as reused; undefined when there is none. */
  private cached<T>(name: StageName, key: string | null, timings: PipelineResult['timings']): T | undefined {
    if (!key || this.opts.cacheStages === false || !this.cache.has(key)) return undefined;
    this.reporter.setStage(name, { status: 'cached', ms: 0, detail: 'reused (same image)' });
    timings[name] = { ms: 0, inferenceMs: 0, loadMs: 0, cached: true };
    return this.cache.get<T>(key);
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
    const hit = this.cached<T>(name, key, timings);
    if (hit !== undefined) return hit;
    const rep = this.reporter;
    for (let attempt = 1; ; attempt++) {
      const t0 = performance.now();
      rep.setStage(name, { status: 'running', startedAt: Date.now(), attempts: attempt, error: undefined });
      try {
        const r = await run();
        const ms = performance.now() - t0;
        rep.setStage(name, { status: 'done', ms, inferenceMs: r.inferenceMs, detail: r.detail });
        timings[name] = { ms, inferenceMs: r.inferenceMs ?? 0, loadMs: r.loadMs ?? 0, cached: false };
        if (key && this.opts.cacheStages !== false) this.cache.set(key, r.value);
        return r.value;
      } catch (err) {
        if (err instanceof AbortedError || signal?.aborted) {
          rep.setStage(name, { status: 'cancelled', ms: performance.now() - t0 });
          rep.event({ kind: 'cancel', stage: name, message: `${name} cancelled` });
          throw new AbortedError();
        }
        const msg = err instanceof Error ? err.message : String(err);
        if (worker && looksLikeCrash(err) && attempt === 1) {
          worker.restart();
          rep.event({ kind: 'restart', stage: name, message: `${worker.name} worker crashed (${msg}); restarted it` });
          rep.event({ kind: 'retry', stage: name, message: `retrying ${name} once` });
          continue;
        }
        rep.setStage(name, { status: 'error', ms: performance.now() - t0, error: msg });
        rep.event({ kind: 'error', stage: name, message: msg });
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

  /** Ingest, filter and objects one after another; masks and depth side by side; then the geometry. */
  private async runShared(input: PhotoInput, image: RGBAImage, shared: boolean, signal?: AbortSignal): Promise<PipelineResult> {
    const t0 = performance.now();
    const timings: PipelineResult['timings'] = {};
    this.reporter.resetRun();
    // the geometry worker warms its code while the models load and run (once per worker; queued ahead of
    // the depth branch's call)
    const geo = this.client<GeometryWorkerApi>('geometry');
    void geo.call((api) => api.warmUp()).catch(() => {});
    const hash = await this.stage('ingest', null, signal, timings, async () => ({ value: imageKey(input.rgb, input.intrinsics.fx.toFixed(3)) }));
    const ctx: RunContext = { input, image, shared, img: workerImage(image), signal, timings, hash, geo };

    const filter = await this.filterStage(ctx);
    const detections = await this.objectsStage(ctx);
    // the depth map's size (given, or what the depth stage will return): masks for the geometry come at it too
    const geoSize = input.depth
      ? { width: input.depth.width, height: input.depth.height }
      : workingSize(input.rgb.width, input.rgb.height, this.opts.depthSide ?? DEPTH_SIDE);
    const boxed: MaskedObject[] = detections.map((d, i) => ({ id: `obj-${i + 1}`, caption: d.caption, box2d: d.box2d }));
    // Masks and depth both need only the image and the boxes: they run side by side, each in its worker
    // (on the GPU the two models overlap; on the CPU each one's preparation overlaps the other's inference).
    // Lift + canonicalize need only the depth: they run in the geometry worker while the masks are coming.
    const tBranches = performance.now();
    const [objects, prepared] = await Promise.all([this.masksStage(ctx, boxed, geoSize), this.depthThenPrepare(ctx, geoSize)]);
    const branchesMs = performance.now() - tBranches;
    const built = await this.geometryStage(ctx, objects, prepared.depth, prepared.id);
    this.reporter.setStage('scene', { status: 'done', ms: 0, detail: `${built.scene.objects.length} objects` });

    const totalMs = performance.now() - t0;
    return {
      hash, scene: built.scene, cloud: built.cloud, filter, depth: prepared.depth.depth, timings, geometry: built.timings, geometryPrepareMs: prepared.ms, totalMs,
      overheadMs: overheadOf(totalMs, timings, branchesMs, { depth: prepared.ms }),
    };
  }

  /** Stage 1: the opt-in scene check (a warning, never a refusal). */
  private async filterStage(ctx: RunContext): Promise<FilterVerdict | null> {
    const entry = this.opts.manifest.filter;
    if (!entry) {
      this.reporter.setStage('filter', { status: 'skipped', detail: 'no filter model in this manifest' });
      return null;
    }
    const w = this.client<FilterWorkerApi>('filter');
    const filter = await this.stage('filter', `${ctx.hash}:filter:${entry.id}`, ctx.signal, ctx.timings, async () => {
      const loadMs = await this.loadTimed('filter', ctx.signal);
      const v = await w.call((api) => api.classify(ctx.img), ctx.signal);
      return { value: v as FilterVerdict, inferenceMs: v.inferenceMs, loadMs, detail: `${v.kind}, ${v.place}` };
    }, w as WorkerClient<object>);
    if (filter.warning) this.reporter.warn(filter.warning);
    return filter;
  }

  /** Stage 2: boxes with captions (given boxes skip Florence-2). */
  private async objectsStage(ctx: RunContext): Promise<{ caption: string; box2d: Box2D }[]> {
    if (ctx.input.objects) {
      this.reporter.setStage('objects', { status: 'skipped', detail: `${ctx.input.objects.length} boxes given` });
      return ctx.input.objects;
    }
    const entry = this.opts.manifest.objects;
    if (!entry) throw new Error('No object boxes: the manifest has no objects model and none were given.');
    const w = this.client<ObjectsWorkerApi>('objects');
    return this.stage('objects', `${ctx.hash}:objects:${entry.id}`, ctx.signal, ctx.timings, async () => {
      const loadMs = await this.loadTimed('objects', ctx.signal);
      const r = await w.call((api) => api.detect(ctx.img), ctx.signal);
      return { value: r.detections as Detection[], inferenceMs: r.inferenceMs, loadMs, detail: `${r.detections.length} objects` };
    }, w as WorkerClient<object>);
  }

  /** Stage 3: one mask per box, at the working size and at the depth map's size. */
  private async masksStage(ctx: RunContext, boxed: MaskedObject[], geoSize: { width: number; height: number }): Promise<MaskedObject[]> {
    const entry = this.opts.manifest.masks;
    if (!entry || !boxed.length) {
      this.reporter.setStage('masks', { status: 'skipped', detail: entry ? 'no objects' : 'no mask model: boxes only' });
      return boxed;
    }
    const w = this.client<MasksWorkerApi>('masks');
    const boxesKey = JSON.stringify(boxed.map((d) => d.box2d));
    const masks = await this.stage('masks', `${ctx.hash}:masks:${entry.id}:${boxesKey}:${geoSize.width}x${geoSize.height}`, ctx.signal, ctx.timings, async () => {
      const loadMs = await this.loadTimed('masks', ctx.signal);
      const r = await w.call((api) => api.segment(ctx.img, boxed.map((o) => o.box2d), geoSize), ctx.signal);
      const t = r.timings;
      return { value: r.masks, inferenceMs: t.inferenceMs, loadMs, detail: `${r.masks.length} masks (prep ${t.preprocessMs.toFixed(0)} ms, post ${t.postprocessMs.toFixed(0)} ms)` };
    }, w as WorkerClient<object>);
    return boxed.map((o, i) => ({ ...o, mask: masks[i]?.rle, geometryMask: masks[i]?.geometryRle }));
  }

  /** Stage 4: metric depth at the geometry size (given depth skips the model). */
  private async depthStage(ctx: RunContext, out: { width: number; height: number }): Promise<DepthOut> {
    const { input } = ctx;
    if (input.depth) {
      this.reporter.setStage('depth', { status: 'skipped', detail: 'depth given (RGB-D)' });
      return { depth: input.depth, intrinsics: input.intrinsics, source: input.intrinsicsSource, detail: input.intrinsicsDetail, depthSource: input.depthSource ?? 'depth file (RGB-D)' };
    }
    const entry = this.opts.manifest.depth;
    if (!entry) throw new Error('No depth: the manifest has no depth model and no depth map was given.');
    const w = this.client<DepthWorkerApi>('depth');
    return this.stage('depth', `${ctx.hash}:depth:${entry.id}:${input.intrinsicsSource}:${out.width}x${out.height}`, ctx.signal, ctx.timings, async () => {
      const loadMs = await this.loadTimed('depth', ctx.signal);
      const r: DepthResult = await w.call((api) => api.estimate(ctx.img, input.intrinsics, input.intrinsicsSource, out), ctx.signal);
      return {
        value: { depth: r.depth, intrinsics: r.intrinsics, source: r.intrinsicsSource, detail: r.intrinsicsDetail, depthSource: `${entry.id} (${r.inputSize.width}x${r.inputSize.height})` },
        inferenceMs: r.timings.inferenceMs,
        loadMs,
        detail: `${r.intrinsicsDetail} (prep ${r.timings.preprocessMs.toFixed(0)} ms, post ${r.timings.postprocessMs.toFixed(0)} ms)`,
      };
    }, w as WorkerClient<object>);
  }

  /**
   * The geometry worker's input for a depth map. Copies, transferred: the cached depth and the caller's
   * image stay usable (shared bytes need no copy).
   */
  private prepareInput(ctx: RunContext, dm: DepthOut): { input: PrepareSceneInput; transfer: ArrayBuffer[] } {
    const d = new Float32Array(dm.depth.data);
    const rgb = ctx.shared ? ctx.image.data : new Uint8ClampedArray(ctx.input.rgb.data);
    const depthSide = this.opts.depthSide ?? DEPTH_SIDE;
    return {
      input: {
        depth: { ...dm.depth, data: d },
        intrinsics: dm.intrinsics,
        rgb: { width: ctx.input.rgb.width, height: ctx.input.rgb.height, data: rgb },
        // ~depthSide points across: 1 on the model's 512x384 map, 2 on a 640x480 or 1024x768 RGB-D map
        stride: this.opts.stride ?? Math.max(1, Math.ceil(Math.max(dm.depth.width, dm.depth.height) / depthSide)),
      },
      transfer: ctx.shared ? [d.buffer] : [d.buffer, rgb.buffer as ArrayBuffer],
    };
  }

  /** The depth branch: depth, then lift + canonicalize in the geometry worker (stages 5-6) while masks run. */
  private async depthThenPrepare(ctx: RunContext, geoSize: { width: number; height: number }): Promise<{ depth: DepthOut; id: number | null; ms: number }> {
    const depth = await this.depthStage(ctx, geoSize);
    const t = performance.now();
    const id = await this.tryPrepare(ctx.geo, this.prepareInput(ctx, depth), ctx.signal);
    return { depth, id, ms: performance.now() - t };
  }

  /** Stages 7-8: objects in 3D and the scene graph, on the prepared cloud (or all of it again after a crash). */
  private async geometryStage(ctx: RunContext, objects: MaskedObject[], depth: DepthOut, prepared: number | null): Promise<BuildSceneResult> {
    const { input, geo, signal } = ctx;
    let preparedId = prepared;
    return this.stage('geometry', null, signal, ctx.timings, async () => {
      const rest: FinishSceneInput = {
        intrinsicsSource: depth.source,
        intrinsicsDetail: depth.detail,
        // the masks at the depth map's size: a quarter of the pixels to decode and erode, one mask per depth pixel
        objects: objects.map(({ id, caption, box2d, mask, geometryMask }) => ({ id, caption, box2d, mask: geometryMask ?? mask })),
        provenance: {
          depthSource: depth.depthSource,
          objectsSource: input.objects ? 'given boxes' : (this.opts.manifest.objects?.id ?? 'none'),
          createdAt: new Date().toISOString(),
          app: 'SpatialLens',
          imageName: input.name,
          imageHash: ctx.hash,
        },
      };
      const id = preparedId;
      preparedId = null; // a retry after a crash builds everything again
      let r = id === null ? null : await this.tryFinish(geo, id, rest, signal);
      if (!r) {
        const p = this.prepareInput(ctx, depth);
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
  }

  /** The prepared cloud finished into a scene; null when it is gone (the caller builds it all). */
  private async tryFinish(geo: WorkerClient<GeometryWorkerApi>, id: number, rest: FinishSceneInput, signal?: AbortSignal): Promise<BuildSceneResult | null> {
    try {
      return await geo.call((api) => api.finish(id, rest), signal);
    } catch (err) {
      if (err instanceof AbortedError || signal?.aborted || looksLikeCrash(err)) throw err;
      return null;
    }
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
        this.reporter.event({ kind: 'restart', stage: 'geometry', message: `${geo.name} worker crashed (${msg}); restarted it` });
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
    if (id) this.reporter.setLoaded(id, false);
    this.reporter.event({ kind: 'unload', message: `${role} model unloaded` });
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
