import { describe, expect, it } from 'vitest';
import { Tensor, type PreTrainedModel, type Processor, type RawImage } from '@huggingface/transformers';
import { answerWithVlm, createStopper } from './answer';

describe('VLM generation', () => {
  it('generates as the official SmolVLM WebGPU example does: greedy, repetition_penalty 1.1', async () => {
    let opts: Record<string, unknown> = {};
    const ids = new Tensor('int64', BigInt64Array.from([1n, 2n, 3n, 4n]), [1, 4]);
    const model = { generate: async (o: Record<string, unknown>) => { opts = o; return ids; } } as unknown as PreTrainedModel;
    const processor = Object.assign(async () => ({ input_ids: new Tensor('int64', BigInt64Array.from([1n, 2n]), [1, 2]) }), {
      apply_chat_template: () => 'prompt',
      batch_decode: () => [' a chair '],
      tokenizer: { decode: () => '', all_special_ids: [] },
    }) as unknown as Processor;
    const text = await answerWithVlm(model, processor, {} as RawImage, [], () => {}, createStopper());
    expect(opts).toMatchObject({ do_sample: false, repetition_penalty: 1.1 });
    expect(text).toBe('a chair');
  });
});
