/** Objects role (in workers/model.worker.ts): Florence-2 `<OD>` + `<DENSE_REGION_CAPTION>`, and phrase grounding on demand. */
import { Florence2ForConditionalGeneration } from '@huggingface/transformers';
import { detectObjects, groundPhrase } from '../../src/pipeline/models/florence2/florence';
import type { Detection } from '../../src/pipeline/models/florence2/detections';
import { crashSoon, ModelSlot, toRawImage } from '../lib/modelSlot';
import type { ModelWorkerApi, WorkerImage } from '../lib/types';

/** The objects role's API; one per worker (workers/model.worker.ts picks it by the worker's name). */
export function createObjectsApi() {
  const slot = ModelSlot.create((id, opts) => Florence2ForConditionalGeneration.from_pretrained(id, opts));

  const api = {
    init: async (cfg, onProgress, onLoad) => slot.init(cfg, onProgress, onLoad),
    load: () => slot.report(),
    unload: () => slot.unload(),
    crashForTest: crashSoon,
    async detect(image: WorkerImage): Promise<{ detections: Detection[]; inferenceMs: number }> {
      const t0 = performance.now();
      const detections = await slot.run('objects and captions', ({ model, processor }) => detectObjects(model, processor, toRawImage(image)));
      return { detections, inferenceMs: performance.now() - t0 };
    },
    async ground(image: WorkerImage, phrase: string): Promise<Detection[]> {
      return slot.run('phrase grounding', ({ model, processor }) => groundPhrase(model, processor, toRawImage(image), phrase));
    },
  } satisfies ModelWorkerApi & Record<string, unknown>;
  return api;
}

export type ObjectsWorkerApi = ReturnType<typeof createObjectsApi>;
