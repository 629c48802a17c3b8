/** Running Florence-2 tasks on a loaded model (objects worker). */
import type { PreTrainedModel, Processor, RawImage, Tensor } from '@huggingface/transformers';
import { mergeDetections, parseFlorence, type Detection, type PostProcessor } from './detections';
import type { FlorenceTask } from './taskConfig';

interface Florence2ProcessorLike extends PostProcessor {
  construct_prompts(text: string | string[]): string[];
  batch_decode(ids: Tensor, opts: { skip_special_tokens: boolean }): string[];
}

/**
 * Enough tokens for a busy scene: each <OD> box costs ~5-6 tokens (label + 4 location tokens), so 35-50 boxes
 * need ~300, and 256 cut them off mid-list. Upstream examples use 1024 (microsoft/Florence-2 sample code,
 * transformers.js's Florence-2 docs). Generation ends at the end-of-sequence token well before that on an
 * ordinary photo (generation_config.json's eos_token_id; greedy search stops there).
 */
export const FLORENCE_GENERATION = { max_new_tokens: 1024, do_sample: false, num_beams: 1 } as const;

export async function runFlorenceTask(
  model: PreTrainedModel,
  processor: Processor,
  image: RawImage,
  task: FlorenceTask,
  input = '',
): Promise<Detection[]> {
  const p = processor as unknown as Florence2ProcessorLike;
  const prompts = p.construct_prompts(task + input);
  const inputs = await processor(image, prompts);
  const ids = (await model.generate({ ...(inputs as object), ...FLORENCE_GENERATION })) as Tensor;
  const [text] = p.batch_decode(ids, { skip_special_tokens: false });
  return parseFlorence(p, text, task, image.width, image.height);
}

export async function detectObjects(model: PreTrainedModel, processor: Processor, image: RawImage): Promise<Detection[]> {
  const od = await runFlorenceTask(model, processor, image, '<OD>');
  const dense = await runFlorenceTask(model, processor, image, '<DENSE_REGION_CAPTION>');
  return mergeDetections(od, dense);
}

/** A phrase the user named that no caption matched: ground it. */
export function groundPhrase(model: PreTrainedModel, processor: Processor, image: RawImage, phrase: string): Promise<Detection[]> {
  return runFlorenceTask(model, processor, image, '<CAPTION_TO_PHRASE_GROUNDING>', phrase);
}
