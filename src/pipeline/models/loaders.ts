/** The Transformers.js model class each family loads through (the workers and the listing test share them). */
import {
  AutoModel,
  AutoModelForDepthEstimation,
  AutoModelForVision2Seq,
  Florence2ForConditionalGeneration,
  type PreTrainedModel,
} from '@huggingface/transformers';
import type { Family } from '../manifest';

export type ModelLoader = (id: string, opts: Record<string, unknown>) => Promise<PreTrainedModel>;

export function modelLoaderFor(family: Family): ModelLoader {
  switch (family) {
    case 'metric3d':
    case 'depth-pro':
      return (id, opts) => AutoModelForDepthEstimation.from_pretrained(id, opts);
    case 'florence2':
      return (id, opts) => Florence2ForConditionalGeneration.from_pretrained(id, opts);
    case 'smolvlm':
      return (id, opts) => AutoModelForVision2Seq.from_pretrained(id, opts);
    default:
      return (id, opts) => AutoModel.from_pretrained(id, opts);
  }
}
