/** VLM role (in workers/model.worker.ts): SmolVLM answers a free-form question with the scene's measured facts; streams; interruptible. */
import { AutoModelForVision2Seq } from '@huggingface/transformers';
import type { SceneGraph } from '../../src/core/scene/types';
import { answerWithVlm, createStopper } from '../../src/pipeline/models/vlm/answer';
import { buildVlmMessages } from '../../src/pipeline/models/vlm/prompt';
import { crashSoon, ModelSlot, toRawImage } from '../lib/modelSlot';
import type { ModelWorkerApi, WorkerImage } from '../lib/types';

/** The vlm role's API; one per worker (workers/model.worker.ts picks it by the worker's name). */
export function createVlmApi() {
  const slot = ModelSlot.create((id, opts) => AutoModelForVision2Seq.from_pretrained(id, opts));
  let stopper = createStopper();

  const api = {
    init: async (cfg, onProgress, onLoad) => slot.init(cfg, onProgress, onLoad),
    load: () => slot.report(),
    unload: () => slot.unload(),
    crashForTest: crashSoon,
    async ask(image: WorkerImage, question: string, scene: SceneGraph | null, onToken: (t: string) => void): Promise<string> {
      stopper = createStopper();
      return slot.run('an answer', ({ model, processor }) => answerWithVlm(model, processor, toRawImage(image), buildVlmMessages(question, scene), onToken, stopper));
    },
    /** Stops the current answer after the token being generated. */
    async interrupt(): Promise<void> {
      stopper.interrupt();
    },
  } satisfies ModelWorkerApi & Record<string, unknown>;
  return api;
}

export type VlmWorkerApi = ReturnType<typeof createVlmApi>;
