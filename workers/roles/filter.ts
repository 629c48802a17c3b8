/** Filter role (in workers/model.worker.ts): CLIP/SigLIP zero-shot "is this a scene photo? indoor or outdoor?" (a warning only). */
import { configureTransformers } from '../../src/pipeline/models/load';
import { capsFor, dtypeFor } from '../../src/pipeline/manifest';
import { progressAdapter } from '../../src/pipeline/progress';
import { BUNDLED_ORT_WASM } from '../../src/pipeline/ortWasm';
import { classifyScene, loadSceneClassifier, type FilterVerdict, type SceneClassifier } from '../../src/pipeline/models/filter/sceneFilter';
import { crashSoon, toRawImage } from '../lib/modelSlot';
import type { LoadCallback, LoadReport, ModelWorkerApi, ProgressCallback, WorkerImage, WorkerInit } from '../lib/types';

/** The filter role's API; one per worker (workers/model.worker.ts picks it by the worker's name). */
export function createFilterApi() {
  let cfg: WorkerInit | null = null;
  let onProgress: ProgressCallback = () => {};
  let onLoad: LoadCallback = () => {};
  let classifier: Promise<SceneClassifier> | null = null;
  let report: LoadReport | null = null;

  async function load(): Promise<SceneClassifier> {
    const c = cfg!;
    const t0 = performance.now();
    const make = (caps: WorkerInit['caps']) => loadSceneClassifier(c.entry, caps, progressAdapter(onProgress));
    let caps = capsFor(c.entry, c.caps);
    let fallback: { error: string } | undefined;
    let p: SceneClassifier;
    try {
      if (caps.kind === 'webgpu' && c.failWebGPU) throw new Error('WebGPU session creation failed (forced by the failWebGPU test flag)');
      p = await make(caps);
    } catch (e) {
      if (caps.kind !== 'webgpu') throw e;
      fallback = { error: (e as Error).message };
      caps = { kind: 'wasm', shaderF16: false };
      p = await make(caps);
    }
    report = { model: c.entry.id, caps, dtype: dtypeFor(c.entry, caps), fallback, ms: performance.now() - t0 };
    onLoad(report);
    return p;
  }

  const api = {
    async init(c, progress, loaded) {
      cfg = c;
      onProgress = progress;
      onLoad = loaded;
      configureTransformers({ host: c.host, useBrowserCache: c.useBrowserCache, wasmPaths: BUNDLED_ORT_WASM });
    },
    async load() {
      classifier ??= load();
      await classifier;
      return report!;
    },
    async unload() {
      const c = classifier;
      classifier = null;
      if (c) await (await c).model.dispose();
    },
    crashForTest: crashSoon,
    async classify(image: WorkerImage): Promise<FilterVerdict & { inferenceMs: number }> {
      classifier ??= load();
      const c = await classifier;
      const t0 = performance.now();
      const v = await classifyScene(c, toRawImage(image));
      return { ...v, inferenceMs: performance.now() - t0 };
    },
  } satisfies ModelWorkerApi & Record<string, unknown>;
  return api;
}

export type FilterWorkerApi = ReturnType<typeof createFilterApi>;
