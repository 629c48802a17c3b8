/** Masks role (in workers/model.worker.ts): SAM prompted with every object's box in one batch; masks come back run-length encoded. */
import type { Box2D, MaskRLE } from '../../src/core/scene/types';
import { segmentBoxes, warmUpMaskCode } from '../../src/pipeline/models/sam/boxMasks';
import { crashSoon, ModelSlot } from '../lib/modelSlot';
import type { ModelWorkerApi, WorkerImage } from '../lib/types';

export interface MaskOutput {
  /** `geometryRle`: the mask at the size asked for (the depth map's), for buildScene. */
  masks: { rle: MaskRLE; geometryRle?: MaskRLE; score: number; area: number }[];
  timings: { preprocessMs: number; inferenceMs: number; postprocessMs: number };
}

/** The masks role's API; one per worker (workers/model.worker.ts picks it by the worker's name). */
export function createMasksApi() {
  const slot = ModelSlot.create(undefined, (l) => warmUpMaskCode(l.processor));

  const api = {
    init: async (cfg, onProgress, onLoad) => slot.init(cfg, onProgress, onLoad),
    load: () => slot.report(),
    unload: () => slot.unload(),
    crashForTest: crashSoon,
    /** `geometrySize`: also return each mask at this size (straight from SAM's logits, not from the big mask). */
    async segment(image: WorkerImage, boxes: Box2D[], geometrySize?: { width: number; height: number }): Promise<MaskOutput> {
      const r = await slot.run('masks', ({ model, processor }) => segmentBoxes(model, processor, image, boxes, geometrySize, { keepBits: false }));
      return { masks: r.masks.map((m) => ({ rle: m.rle, geometryRle: m.rleAt, score: m.score, area: m.area })), timings: r.timings };
    },
  } satisfies ModelWorkerApi & Record<string, unknown>;
  return api;
}

export type MasksWorkerApi = ReturnType<typeof createMasksApi>;
