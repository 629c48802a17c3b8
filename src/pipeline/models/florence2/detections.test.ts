/**
 * Florence-2 post-processing with fixed model outputs, through the REAL Florence2Processor of
 * Transformers.js 4.3.1 (constructed from a local CLIPImageProcessor config holding Florence-2's task
 * tables; no tokenizer is needed for post_process_generation).
 */
import { describe, expect, it } from 'vitest';
import { CLIPImageProcessor, Florence2Processor, type PreTrainedModel, type Processor, type RawImage } from '@huggingface/transformers';
import { runFlorenceTask } from './florence';
import { FLORENCE_TASK_CONFIG } from './taskConfig';
import { mergeDetections, parseFlorence, type PostProcessor } from './detections';

const processor = new Florence2Processor(
  {},
  { image_processor: new CLIPImageProcessor({ ...FLORENCE_TASK_CONFIG, size: { height: 768, width: 768 } }) },
  null,
) as unknown as PostProcessor & { construct_prompts(t: string): string[] };

describe('Florence-2 post-processing (real Florence2Processor)', () => {
  it('maps <loc_N> bins to boxes at the original image size ([width, height])', () => {
    const text = '</s><s>chair<loc_100><loc_500><loc_300><loc_999>table<loc_400><loc_600><loc_900><loc_900></s>';
    const d = parseFlorence(processor, text, '<OD>', 2000, 1000);
    expect(d.map((x) => x.caption)).toEqual(['chair', 'table']);
    // (bin + 0.5) / 1000 * size: x uses the width, y the height.
    expect(d[0].box2d.x0).toBeCloseTo(201, 6);
    expect(d[0].box2d.y0).toBeCloseTo(500.5, 6);
    expect(d[0].box2d.x1).toBeCloseTo(601, 6);
    expect(d[0].box2d.y1).toBeCloseTo(999.5, 6);
    expect(d[1].box2d).toEqual({ x0: 801, y0: 600.5, x1: 1801, y1: 900.5 });
  });

  it('repeats the previous label for unlabeled boxes and drops degenerate ones', () => {
    const text = 'lamp<loc_10><loc_10><loc_20><loc_20><loc_30><loc_30><loc_40><loc_40>cup<loc_50><loc_50><loc_50><loc_60>';
    const d = parseFlorence(processor, text, '<DENSE_REGION_CAPTION>', 1000, 1000);
    expect(d.map((x) => x.caption)).toEqual(['lamp', 'lamp']);
  });

  it('phrase grounding returns the phrase with its box', () => {
    const text = 'a red mug<loc_250><loc_250><loc_750><loc_750>';
    const d = parseFlorence(processor, text, '<CAPTION_TO_PHRASE_GROUNDING>', 400, 300);
    expect(d).toHaveLength(1);
    expect(d[0].caption).toBe('a red mug');
    expect(d[0].box2d.x0).toBeCloseTo(100.2, 6);
    expect(d[0].box2d.y1).toBeCloseTo(225.15, 6);
  });

  it('builds the task prompts from the config', () => {
    expect(processor.construct_prompts('<OD>')).toEqual(['Locate the objects with category name in the image.']);
    expect(processor.construct_prompts('<CAPTION_TO_PHRASE_GROUNDING>the lamp')).toEqual(['Locate the phrases in the caption: the lamp']);
  });

  it('merges OD labels with overlapping dense captions', () => {
    const od = parseFlorence(processor, 'chair<loc_100><loc_100><loc_300><loc_300>', '<OD>', 1000, 1000);
    const dense = parseFlorence(processor, 'a wooden chair<loc_105><loc_100><loc_300><loc_305>a plant in a pot<loc_600><loc_600><loc_700><loc_800>', '<DENSE_REGION_CAPTION>', 1000, 1000);
    const m = mergeDetections(od, dense);
    expect(m.map((x) => [x.label, x.caption])).toEqual([['chair', 'a wooden chair'], [undefined, 'a plant in a pot']]);
  });
});

describe('Florence-2 generation settings', () => {
  it('asks for up to 1024 new tokens (a busy scene\'s 50 boxes need ~300) and parses a 50-box answer whole', async () => {
    let opts: Record<string, unknown> = {};
    const labels = Array.from({ length: 50 }, (_, i) => `thing${i}<loc_${i * 10}><loc_${i * 10}><loc_${i * 10 + 5}><loc_${i * 10 + 5}>`).join('');
    const model = { generate: async (o: Record<string, unknown>) => { opts = o; return 'ids'; } } as unknown as PreTrainedModel;
    const proc = Object.assign(async () => ({}), {
      construct_prompts: (t: string) => [t],
      batch_decode: () => [`</s><s>${labels}</s>`],
      post_process_generation: processor.post_process_generation.bind(processor),
    }) as unknown as Processor;
    const d = await runFlorenceTask(model, proc, { width: 1000, height: 1000 } as RawImage, '<OD>');
    expect(opts.max_new_tokens).toBe(1024);
    expect(d).toHaveLength(50);
  });
});
