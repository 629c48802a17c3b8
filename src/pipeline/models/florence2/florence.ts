/** Running Florence-2 tasks on a loaded model (objects worker). */
import type { PreTrainedModel, Processor, RawImage, Tensor } from '@huggingface/transformers';
import { mergeDetections, parseFlorence, type Detection, type PostProcessor } from './detections';
import type { FlorenceTask } from './taskConfig';

interface Florence2ProcessorLike extends PostProcessor {
  construct_prompts(text: string | string[]): string[];
  batch_decode(ids: Tensor, opts: { skip_special_tokens: boolean }): string[];
}

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
  const ids = (await model.generate({ ...(inputs as object), max_new_tokens: 256 })) as Tensor;
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
