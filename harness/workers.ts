/**
 * Test/benchmark page: drives the real pipeline (real workers, Transformers.js, onnxruntime-web) on the
 * tiny models served from this origin under /tiny-models/ (?modelHost=). Playwright calls window.harness.
 */
import { SpatialPipeline, type PipelineResult } from '../src/pipeline/orchestrator';
import { defaultWorkers } from '../src/pipeline/workers';
import * as Comlink from 'comlink';
import type { GeometryWorkerApi } from '../workers/geometry.worker';
import { renderSyntheticScene } from '../src/core/testing/syntheticScene';
import { benchSceneSpec } from '../src/core/testing/benchScene';
import { buildScene } from '../src/core/build/buildScene';
import { detectDevice } from '../src/pipeline/device';
import { resolveModelHost } from '../src/pipeline/host';
import { PRESETS, resolveManifest, type Manifest, type ModelEntry, type Role } from '../src/pipeline/manifest';
import { DEPTH_SIDE } from '../src/pipeline/orchestrator';
import { workingSize } from '../src/io/imageLimits';
import { createPipelineStore, type PipelineStore } from '../src/state/pipelineStore';
import { decodeToWorkingSize, warmUpPhotoDecode } from '../src/io/photoDecode';
import type { RGBAImage } from '../src/core/geometry/raster';

/** The manifest's real entries (dtypes, file names per device) pointed at tiny folders with the same files. */
const tiny = (e: ModelEntry, id: string): ModelEntry => ({ ...e, id });
const TINY_MANIFEST = {
  depth: tiny(PRESETS.standard.depth, 'tiny/metric3d'),
  masks: tiny(PRESETS.standard.masks, 'tiny/sam'),
};

/**
 * The tiny depth model's canonical depth is mean(RGB) * 0.01 + 1 at Metric3D's 1064-wide letterbox; a 640x480
 * photo enters it scaled by min(616/480, 1064/640).
 */
const W = 640, H = 480, FX = 500;
const SCALE = (FX * Math.min(616 / H, 1064 / W)) / 1000;
const grayFor = (z: number) => Math.round((z / SCALE - 1) / 0.01);

const CAMERA_HEIGHT = 0.3;
function standRow(z: number): number {
  return Math.floor((H - 1) / 2 + (FX * CAMERA_HEIGHT) / z);
}

export const SYNTH = {
  width: W, height: H, fx: FX, cameraHeight: CAMERA_HEIGHT, wall: 1.85,
  // Upright cards standing on the floor: each box ends on the image row where the floor is at its depth.
  objects: [
    { caption: 'box on the left', box2d: { x0: 80, y0: 250, x1: 220, y1: standRow(1.3) }, z: 1.3 },
    { caption: 'box on the right', box2d: { x0: 400, y0: 200, x1: 560, y1: standRow(1.6) }, z: 1.6 },
  ],
};

/** A level camera 0.3 m above a floor, a wall behind, two boxes standing in front. */
function synthScene(depthOut?: Float32Array): RGBAImage {
  const data = new Uint8ClampedArray(W * H * 4);
  const cy = (H - 1) / 2;
  for (let y = 0; y < H; y++) {
    const floor = y > cy ? (FX * SYNTH.cameraHeight) / (y - cy) : Infinity;
    const z = Math.min(floor, SYNTH.wall);
    for (let x = 0; x < W; x++) {
      let d = z;
      for (const o of SYNTH.objects) if (x >= o.box2d.x0 && x < o.box2d.x1 && y >= o.box2d.y0 && y < o.box2d.y1) d = o.z;
      const g = grayFor(d);
      data.set([g, g, g, 255], (y * W + x) * 4);
      if (depthOut) depthOut[y * W + x] = d;
    }
  }
  return { width: W, height: H, data };
}

async function jpeg12mp(): Promise<Blob> {
  const c = new OffscreenCanvas(4000, 3000);
  const ctx = c.getContext('2d')!;
  const g = ctx.createLinearGradient(0, 0, 4000, 3000);
  g.addColorStop(0, '#8a7'); g.addColorStop(1, '#345');
  ctx.fillStyle = g; ctx.fillRect(0, 0, 4000, 3000);
  for (let i = 0; i < 400; i++) { ctx.fillStyle = `hsl(${i * 37 % 360} 50% 50%)`; ctx.fillRect((i * 97) % 3900, (i * 53) % 2900, 100, 80); }
  return c.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
}

export interface HarnessOptions {
  device: 'wasm' | 'webgpu';
  failWebGPU?: boolean | 'inference';
  crash?: Role | 'geometry';
  runs?: number;
  /** RGB-D: hand the pipeline the synthetic depth map itself (the depth model must be skipped). */
  rgbd?: boolean;
  /** Use the Cache API for model files (off by default so runs stay independent). */
  browserCache?: boolean;
  /** Replace the depth model id, e.g. with one the host does not have. */
  depthId?: string;
}

export interface BenchRow {
  decodeMs: number;
  totalMs: number;
  overheadMs: number;
  inferenceMs: number;
  loadMs: number;
  geometryMs: number;
  liftMs: number;
  canonicalizeMs: number;
  objectsMs: number;
  cloudMs: number;
  /** The depth branch's lift + canonicalize call (wall, in the geometry worker while the masks run). */
  prepareMs: number;
  /** Per stage: wall time minus inference and loading. */
  stages: Record<string, number>;
  cloudCount: number;
  working: string;
}

let current: { pipeline: SpatialPipeline; store: PipelineStore } | null = null;

async function makePipeline(o: HarnessOptions & { depthSide?: number; stride?: number; manifest?: Partial<Manifest> }): Promise<{ pipeline: SpatialPipeline; store: PipelineStore }> {
  current?.pipeline.dispose();
  const store = createPipelineStore();
  const device = o.device === 'wasm' ? await detectDevice({ forceWasm: true }) : await detectDevice();
  const host = resolveModelHost({ search: location.search, origin: location.origin });
  const base: Partial<Manifest> = o.manifest ?? TINY_MANIFEST;
  const manifest = o.depthId && base.depth ? { ...base, depth: { ...base.depth, id: o.depthId } } : base;
  const pipeline = new SpatialPipeline({ manifest, host, device, workers: defaultWorkers, reporter: store.getState().actions, failWebGPU: o.failWebGPU, useBrowserCache: o.browserCache ?? false, depthSide: o.depthSide, stride: o.stride });
  const made = { pipeline, store };
  current = made;
  return made;
}

const summary = (r: PipelineResult) => ({
  hash: r.hash,
  scene: r.scene,
  cloudCount: r.cloud.count,
  timings: r.timings,
  geometry: r.geometry,
  totalMs: r.totalMs,
  overheadMs: r.overheadMs,
});

const harness = {
  SYNTH,
  /** Depth + masks + geometry on the synthetic scene; optionally a crash before the run. */
  async runSynthetic(o: HarnessOptions) {
    const { pipeline, store } = await makePipeline(o);
    const depth = new Float32Array(W * H);
    const input = {
      rgb: synthScene(depth), name: 'synthetic',
      ...(o.rgbd ? { depth: { width: W, height: H, data: depth }, depthSource: 'synthetic depth map' } : {}), intrinsics: { fx: FX, fy: FX, cx: (W - 1) / 2, cy: (H - 1) / 2, width: W, height: H },
      intrinsicsSource: 'explicit' as const, intrinsicsDetail: 'synthetic camera',
      objects: SYNTH.objects.map(({ caption, box2d }) => ({ caption, box2d })),
    };
    const first = await pipeline.run(input);
    let crashed: ReturnType<typeof summary> | null = null;
    if (o.crash) {
      pipeline.clearCache();
      await pipeline.crashWorker(o.crash);
      crashed = summary(await pipeline.run(input));
    }
    const again = await pipeline.run(input);
    const s = store.getState();
    return { first: summary(first), crashed, again: { timings: again.timings }, state: { device: s.device, events: s.events, stages: s.stages, files: s.files, loadedModels: s.loadedModels } };
  },

  /** A run whose depth model the host lacks: the error must name the file and what to do. */
  async runMissingModel(o: HarnessOptions) {
    const { pipeline, store } = await makePipeline(o);
    const error = await pipeline.run({
      rgb: synthScene(), intrinsics: { fx: FX, fy: FX, cx: 319.5, cy: 239.5, width: W, height: H }, intrinsicsSource: 'explicit', intrinsicsDetail: '',
      objects: [],
    }).then(() => null, (e: Error) => `${e.name}: ${e.message}`);
    return { error, stages: store.getState().stages };
  },

  /**
   * 12-megapixel JPEG -> working-size RGBA -> pipeline, `runs` times, warm models, no stage cache.
   * Decode: the app's decodeToWorkingSize (decoder-side downscale); the pixels are hashed, as in the app.
   */
  async bench(o: HarnessOptions & { depthSide?: number; stride?: number }) {
    const { pipeline } = await makePipeline(o);
    const blob = await jpeg12mp();
    const rows: BenchRow[] = [];
    let decodedBy = '';
    for (let i = 0; i < (o.runs ?? 11); i++) {
      pipeline.clearCache();
      const t0 = performance.now();
      const photo = await decodeToWorkingSize(blob, 'bench.jpg');
      const decodeMs = performance.now() - t0;
      decodedBy = photo.decodedBy;
      const { width, height } = photo.rgb;
      const r = await pipeline.run({
        rgb: photo.rgb, name: photo.name,
        intrinsics: { fx: width * 0.8, fy: width * 0.8, cx: (width - 1) / 2, cy: (height - 1) / 2, width, height },
        intrinsicsSource: 'default', intrinsicsDetail: 'bench',
        objects: [{ caption: 'a', box2d: { x0: 100, y0: 100, x1: 400, y1: 500 } }, { caption: 'b', box2d: { x0: 500, y0: 200, x1: 900, y1: 700 } }],
      });
      const stages = Object.values(r.timings).filter((t) => t !== undefined);
      const inferenceMs = stages.reduce((s, t) => s + t.inferenceMs, 0);
      const loadMs = stages.reduce((s, t) => s + t.loadMs, 0);
      const perStage = Object.fromEntries(Object.entries(r.timings).map(([k, t]) => [k, t ? t.ms - t.inferenceMs - t.loadMs : 0]));
      const g = r.geometry;
      rows.push({
        decodeMs, totalMs: decodeMs + r.totalMs, overheadMs: decodeMs + r.overheadMs, inferenceMs, loadMs,
        geometryMs: g.totalMs, liftMs: g.liftMs, canonicalizeMs: g.canonicalizeMs, objectsMs: g.objectsMs, cloudMs: g.cloudMs, prepareMs: r.geometryPrepareMs,
        stages: perStage, cloudCount: r.cloud.count, working: `${width}x${height}`,
      });
    }
    const st = current!.store.getState();
    return { rows, device: st.device, photo: '4000x3000 JPEG', decoder: `decodeToWorkingSize (src/io, ${decodedBy})`, details: Object.fromEntries(Object.entries(st.stages).map(([k, v]) => [k, v.detail ?? ''])) };
  },

  /** The Node geometry bench's scene (640x480, 10 masked objects) through the geometry worker, `runs` times. */
  async benchGeometryWorker(runs: number) {
    const r = renderSyntheticScene(benchSceneSpec(640, 480));
    const worker = defaultWorkers.geometry();
    const api = Comlink.wrap<GeometryWorkerApi>(worker);
    const rows: { wall: number; lift: number; canon: number; objects: number; cloud: number; total: number }[] = [];
    try {
      for (let i = 0; i < runs; i++) {
        const depth = new Float32Array(r.depth.data);
        const t0 = performance.now();
        const out = await api.build(Comlink.transfer({
          depth: { ...r.depth, data: depth }, intrinsics: r.intrinsics, intrinsicsSource: 'explicit', intrinsicsDetail: 'bench', rgb: r.rgb,
          objects: r.objects.map((o) => ({ id: o.id, caption: o.caption, box2d: o.box2d, mask: o.mask })),
          provenance: { depthSource: 'synthetic', objectsSource: 'synthetic', createdAt: '', app: 'SpatialLens' },
        }, [depth.buffer]));
        const g = out.timings;
        rows.push({ wall: performance.now() - t0, lift: g.liftMs, canon: g.canonicalizeMs, objects: g.objectsMs, cloud: g.cloudMs, total: g.totalMs });
      }
    } finally {
      worker.terminate();
    }
    return rows;
  },

  /** The same, on this page's thread (for a CPU profile over CDP). */
  benchGeometryMain(runs: number) {
    const r = renderSyntheticScene(benchSceneSpec(640, 480));
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      buildScene({
        depth: r.depth, intrinsics: r.intrinsics, intrinsicsSource: 'explicit', intrinsicsDetail: 'bench', rgb: r.rgb,
        objects: r.objects.map((o) => ({ id: o.id, caption: o.caption, box2d: o.box2d, mask: o.mask })),
        provenance: { depthSource: 'synthetic', objectsSource: 'synthetic', createdAt: '', app: 'SpatialLens' },
      });
      out.push(performance.now() - t0);
    }
    return out;
  },

  async benchDecode(runs: number) {
    const blob = await jpeg12mp();
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await decodeToWorkingSize(blob, 'bench.jpg');
      out.push(performance.now() - t0);
    }
    return out;
  },

  /**
   * An asymmetric 2048x1536 JPEG tagged with each EXIF orientation 1..8, decoded by decodeToWorkingSize
   * and by the browser's own oriented decode (createImageBitmap from-image, resized): per orientation, the
   * path taken, the size and the mean absolute difference between the two (0..255).
   */
  async decodeOrientations() {
    const c = new OffscreenCanvas(2048, 1536);
    const ctx = c.getContext('2d')!;
    const quads = ['#d22', '#2b2', '#22d', '#eee'];
    quads.forEach((col, i) => { ctx.fillStyle = col; ctx.fillRect((i % 2) * 1024, (i >> 1) * 768, 1024, 768); });
    ctx.fillStyle = '#000';
    ctx.fillRect(100, 100, 300, 120); // a mark near the stored top-left corner
    const jpeg = new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 })).arrayBuffer());
    const out: { orientation: number; decodedBy: string; working: string; meanDiff: number }[] = [];
    for (let o = 1; o <= 8; o++) {
      // APP1 "Exif" with one IFD0 entry: Orientation (0x0112, SHORT) = o, little-endian TIFF
      const tiff = [0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, o, 0, 0, 0, 0, 0, 0, 0];
      const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
      const app1 = [0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 255, ...payload];
      const bytes = new Uint8Array(jpeg.length + app1.length);
      bytes.set(jpeg.subarray(0, 2));
      bytes.set(app1, 2);
      bytes.set(jpeg.subarray(2), 2 + app1.length);
      const blob = new Blob([bytes], { type: 'image/jpeg' });
      const p = await decodeToWorkingSize(blob, `o${o}.jpg`);
      const { width, height } = p.rgb;
      const bm = await createImageBitmap(blob, { imageOrientation: 'from-image', resizeWidth: width, resizeHeight: height, resizeQuality: 'medium' });
      const rc = new OffscreenCanvas(width, height).getContext('2d')!;
      rc.drawImage(bm, 0, 0);
      const ref = rc.getImageData(0, 0, width, height).data;
      let sum = 0;
      for (let i = 0; i < ref.length; i += 4) sum += Math.abs(ref[i] - p.rgb.data[i]) + Math.abs(ref[i + 1] - p.rgb.data[i + 1]) + Math.abs(ref[i + 2] - p.rgb.data[i + 2]);
      out.push({ orientation: p.orientation, decodedBy: p.decodedBy, working: `${width}x${height}`, meanDiff: sum / ((ref.length / 4) * 3) });
    }
    return out;
  },

  /** Decode a photo fetched from this origin (e.g. an EXIF-rotated JPEG) with decodeToWorkingSize. */
  async decodeUrl(url: string) {
    const p = await decodeToWorkingSize(await (await fetch(url)).blob(), 'photo.jpg');
    return { original: p.original, working: { width: p.rgb.width, height: p.rgb.height }, orientation: p.orientation, decodedBy: p.decodedBy };
  },

  /**
   * `npm run eval -- --models`: one dataset frame (photo fetched from this origin) through the depth and mask
   * models with the given 2D boxes as objects; intrinsics and boxes are scaled to the working size.
   * `models`: the tiny test models or the standard preset's depth + masks (on the ?modelHost= host).
   */
  async runEvalFrame(o: HarnessOptions & {
    models: 'tiny' | 'standard'; url: string; name: string;
    intrinsics: { fx: number; fy: number; cx: number; cy: number; width: number; height: number };
    objects: { caption: string; box2d: { x0: number; y0: number; x1: number; y1: number } }[];
  }) {
    const manifest = o.models === 'tiny' ? TINY_MANIFEST : { depth: PRESETS.standard.depth, masks: PRESETS.standard.masks };
    const { pipeline, store } = await makePipeline({ ...o, manifest });
    const photo = await decodeToWorkingSize(await (await fetch(o.url)).blob(), o.name);
    const { width, height } = photo.rgb;
    const sx = width / o.intrinsics.width, sy = height / o.intrinsics.height;
    const k = o.intrinsics;
    const r = await pipeline.run({
      rgb: photo.rgb, name: o.name,
      intrinsics: { fx: k.fx * sx, fy: k.fy * sy, cx: (k.cx + 0.5) * sx - 0.5, cy: (k.cy + 0.5) * sy - 0.5, width, height },
      intrinsicsSource: 'explicit', intrinsicsDetail: `dataset intrinsics scaled to ${width}x${height}`,
      objects: o.objects.map(({ caption, box2d: b }) => ({ caption, box2d: { x0: b.x0 * sx, y0: b.y0 * sy, x1: b.x1 * sx, y1: b.y1 * sy } })),
    });
    const depthSize = workingSize(width, height, DEPTH_SIDE);
    const st = store.getState();
    return {
      scene: r.scene, cloudCount: r.cloud.count, depthSize, working: { width, height }, totalMs: r.totalMs,
      device: st.device.kind, depthModel: manifest.depth.id, masksModel: manifest.masks.id,
    };
  },
  /**
   * `npm run check:models`: every model of a preset on one photo, each in its own run so one model that fails
   * does not hide the others: depth + masks on the sample's own boxes, the scene check, object detection, and
   * one VLM answer. Memory: ONNX Runtime's wasm heaps never shrink, so each worker's memory after its run
   * (performance.measureUserAgentSpecificMemory, available in a cross-origin isolated page) is its peak.
   */
  async checkModels(o: {
    device: 'wasm' | 'webgpu'; preset: 'standard' | 'light'; url: string; name: string; question: string;
    intrinsics: { fx: number; fy: number; cx: number; cy: number; width: number; height: number };
    boxes: { caption: string; box2d: { x0: number; y0: number; x1: number; y1: number } }[];
  }) {
    const full = resolveManifest(o.preset, {}, { sceneCheck: true });
    const photo = await decodeToWorkingSize(await (await fetch(o.url)).blob(), o.name);
    const { width, height } = photo.rgb;
    const k = o.intrinsics, sx = width / k.width, sy = height / k.height;
    const input = {
      rgb: photo.rgb, name: o.name,
      intrinsics: { fx: k.fx * sx, fy: k.fy * sy, cx: (k.cx + 0.5) * sx - 0.5, cy: (k.cy + 0.5) * sy - 0.5, width, height },
      intrinsicsSource: 'explicit' as const, intrinsicsDetail: 'sample intrinsics',
    };
    const given = o.boxes.map(({ caption, box2d: b }) => ({ caption, box2d: { x0: b.x0 * sx, y0: b.y0 * sy, x1: b.x1 * sx, y1: b.y1 * sy } }));
    const errors: Record<string, string> = {};
    const workerMB: Record<string, number> = {};
    type MemoryBreakdown = { bytes: number; attribution: { scope: string; url: string }[] }[];
    const measure = (performance as unknown as { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number; breakdown: MemoryBreakdown }> }).measureUserAgentSpecificMemory;
    /** Each live worker's memory, keyed by its script's file name; only where the browser offers the API. */
    const measureWorkers = async () => {
      try {
        const m = measure ? await measure.call(performance) : null;
        for (const b of m?.breakdown ?? []) for (const a of b.attribution) if (a.scope === 'DedicatedWorkerGlobalScope') workerMB[a.url.split('/').pop() ?? a.url] = Math.round(b.bytes / 1e6);
      } catch {
        // not cross-origin isolated, or not in this build: no figure rather than a wrong one
      }
    };
    const timings: Record<string, { ms?: number; inferenceMs?: number; loadMs?: number }> = {};
    const attempt = async <T>(roles: string[], manifest: Partial<typeof full>, run: (p: SpatialPipeline) => Promise<T>): Promise<T | null> => {
      const { pipeline, store } = await makePipeline({ device: o.device, manifest, browserCache: true });
      try {
        const out = await run(pipeline);
        await measureWorkers(); // before the next attempt disposes these workers
        return out;
      } catch (e) {
        const st = store.getState().stages as Record<string, { error?: string }>;
        for (const r of roles) errors[r] = st[r]?.error ?? (e as Error).message;
        return null;
      } finally {
        const st = store.getState().stages as Record<string, { status: string; ms?: number }>;
        for (const r of roles) if (st[r]?.status === 'done') timings[r] = { ms: st[r].ms };
      }
    };
    const measured = await attempt(['depth', 'masks'], { depth: full.depth, masks: full.masks }, (p) => p.run({ ...input, objects: given }));
    const filter = full.filter ? await attempt(['filter'], { filter: full.filter, depth: full.depth, masks: full.masks }, (p) => p.run({ ...input, objects: given }).then((r) => r.filter)) : null;
    const detected = await attempt(['objects'], { objects: full.objects, depth: full.depth, masks: full.masks }, (p) => p.run(input));
    const t0 = performance.now();
    const answer = await attempt(['vlm'], { vlm: full.vlm }, (p) => p.ask(photo.rgb, o.question, measured?.scene ?? null, () => {}));
    timings.vlm = { ms: performance.now() - t0 };
    return {
      working: { width, height },
      depth: measured ? { width: measured.depth.width, height: measured.depth.height, data: Array.from(measured.depth.data) } : null,
      masks: measured ? measured.scene.objects.map((ob) => ({ caption: ob.caption, mask: ob.mask })) : [],
      objects: detected ? detected.scene.objects.map((ob) => ({ caption: ob.caption, box2d: ob.box2d })) : null,
      filter: filter ?? null,
      vlm: answer,
      errors,
      timings,
      memory: { byWorker: workerMB },
      device: current?.store.getState().device ?? null,
    };
  },
};

declare global {
  interface Window {
    harness: typeof harness;
  }
}
window.harness = harness;
warmUpPhotoDecode(); // as the app does when idle after it starts
document.body.dataset.ready = '1';
