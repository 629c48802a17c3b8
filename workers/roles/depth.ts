/** Depth role (in workers/model.worker.ts): metric depth from Metric3D or DepthPro, returned as a transferable buffer. */
import * as Comlink from 'comlink';
import { AutoModelForDepthEstimation } from '@huggingface/transformers';
import type { Intrinsics, IntrinsicsSource } from '../../src/core/camera/intrinsics';
import { predictMetricDepth, warmUpDepthCode, type DepthResult } from '../../src/pipeline/models/depth/metricDepth';
import { crashSoon, ModelSlot } from '../lib/modelSlot';
import type { ModelWorkerApi, WorkerImage } from '../lib/types';

/** The depth role's API; one per worker (workers/model.worker.ts picks it by the worker's name). */
export function createDepthApi() {
  const slot = ModelSlot.create((id, opts) => AutoModelForDepthEstimation.from_pretrained(id, opts), () => warmUpDepthCode());
  let family: 'metric3d' | 'depth-pro' = 'metric3d';

  const api = {
    async init(cfg, onProgress, onLoad) {
      family = cfg.entry.family === 'depth-pro' ? 'depth-pro' : 'metric3d';
      slot.init(cfg, onProgress, onLoad);
    },
    load: () => slot.report(),
    unload: () => slot.unload(),
    crashForTest: crashSoon,
    /** `outSize`: the depth map's size (default the image's); the pipeline asks for its geometry size. */
    async estimate(image: WorkerImage, intrinsics: Intrinsics, intrinsicsSource: IntrinsicsSource, outSize?: { width: number; height: number }): Promise<DepthResult> {
      const r = await slot.run('depth', ({ model, processor }) => predictMetricDepth(model, processor, family, { image, intrinsics, intrinsicsSource, outSize }));
      return Comlink.transfer(r, [r.depth.data.buffer]);
    },
  } satisfies ModelWorkerApi & Record<string, unknown>;
  return api;
}

export type DepthWorkerApi = ReturnType<typeof createDepthApi>;
