/** SmolVLM answering with streamed tokens and interruption (VLM worker). */
import {
  InterruptableStoppingCriteria,
  TextStreamer,
  type PreTrainedModel,
  type Processor,
  type RawImage,
  type Tensor,
} from '@huggingface/transformers';
import type { ChatMessage } from './prompt';

interface ChatProcessor {
  apply_chat_template(m: ChatMessage[], o: { add_generation_prompt: boolean }): string;
  batch_decode(t: Tensor, o: { skip_special_tokens: boolean }): string[];
  tokenizer: ConstructorParameters<typeof TextStreamer>[0];
}

/**
 * As the official SmolVLM WebGPU example generates (huggingface/transformers.js-examples smolvlm-webgpu,
 * src/worker.js: do_sample false, repetition_penalty 1.1); fewer new tokens, as answers here are a sentence.
 */
export const VLM_GENERATION = { do_sample: false, repetition_penalty: 1.1 } as const;

export function createStopper(): InterruptableStoppingCriteria {
  return new InterruptableStoppingCriteria();
}

export async function answerWithVlm(
  model: PreTrainedModel,
  processor: Processor,
  image: RawImage,
  messages: ChatMessage[],
  onToken: (text: string) => void,
  stopper: InterruptableStoppingCriteria,
  maxNewTokens = 160,
): Promise<string> {
  const p = processor as unknown as ChatProcessor;
  const text = p.apply_chat_template(messages, { add_generation_prompt: true });
  const inputs = (await processor(text, [image])) as { input_ids: Tensor };
  const streamer = new TextStreamer(p.tokenizer, { skip_prompt: true, skip_special_tokens: true, callback_function: onToken });
  const out = (await model.generate({
    ...inputs,
    ...VLM_GENERATION,
    max_new_tokens: maxNewTokens,
    streamer,
    stopping_criteria: stopper,
  })) as Tensor;
  const promptLen = inputs.input_ids.dims.at(-1) ?? 0;
  const generated = out.slice(null, [promptLen, out.dims.at(-1) ?? promptLen]);
  return p.batch_decode(generated, { skip_special_tokens: true })[0].trim();
}
