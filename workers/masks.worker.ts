/** Masks worker: SAM prompted with every object's box in one batch; masks come back run-length encoded. */
import * as Comlink from 'comlink';
import type { Box2D, MaskRLE } from '../src/core/scene/types';
import { segmentBoxes } from '../src/pipeline/models/sam/boxMasks';
import { crashSoon, ModelSlot } from './lib/modelSlot';
import type { ModelWorkerApi, WorkerImage } from './lib/types';

const slot = ModelSlot.create();

export interface MaskOutput {
  masks: { rle: MaskRLE; score: number; area: number }[];
  timings: { preprocessMs: number; inferenceMs: number; postprocessMs: number };
}

const api = {
  init: async (cfg, onProgress, onLoad) => slot.init(cfg, onProgress, onLoad),
  load: () => slot.report(),
  unload: () => slot.unload(),
  crashForTest: crashSoon,
  async segment(image: WorkerImage, boxes: Box2D[]): Promise<MaskOutput> {
    const { model, processor } = await slot.get();
    const r = await segmentBoxes(model, processor, image, boxes);
    return { masks: r.masks.map((m) => ({ rle: m.rle, score: m.score, area: m.area })), timings: r.timings };
  },
} satisfies ModelWorkerApi & Record<string, unknown>;

export type MasksWorkerApi = typeof api;
Comlink.expose(api);
