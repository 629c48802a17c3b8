/**
 * CLIP / SigLIP zero-shot scene check: is this a photo of a scene (not a screenshot, product shot or
 * document)? Indoor or outdoor? It only ever warns: a person may have good reasons to ask about anything.
 */
import { AutoModel, AutoProcessor, AutoTokenizer, type PreTrainedModel, type PreTrainedTokenizer, type Processor, type RawImage, type Tensor } from '@huggingface/transformers';
import type { DeviceCaps, ModelEntry } from '../../manifest';
import { loadOptions } from '../load';
import type { RawProgress } from '../../progress';

export const KIND_LABELS = {
  scene: 'a photo of a room or a place with several objects',
  screenshot: 'a screenshot of a computer or phone screen',
  product: 'a product photo of a single object on a plain background',
  document: 'a scanned document or a page of text',
} as const;
export const PLACE_LABELS = { indoor: 'a photo taken indoors', outdoor: 'a photo taken outdoors' } as const;

export type SceneKind = keyof typeof KIND_LABELS;

export interface FilterVerdict {
  kind: SceneKind;
  kindScore: number;
  place: 'indoor' | 'outdoor';
  placeScore: number;
  /** Set when the photo does not look like a scene: shown, never blocking. */
  warning?: string;
}

type Scores = { label: string; score: number }[];

function top<K extends string>(scores: Scores, labels: Record<K, string>): { key: K; score: number } {
  const byText = new Map(scores.map((s) => [s.label, s.score]));
  let best: { key: K; score: number } | null = null;
  for (const key of Object.keys(labels) as K[]) {
    const score = byText.get(labels[key]) ?? 0;
    if (!best || score > best.score) best = { key, score };
  }
  return best!;
}

const WHY: Record<Exclude<SceneKind, 'scene'>, string> = {
  screenshot: 'This looks like a screenshot',
  product: 'This looks like a product shot of a single object',
  document: 'This looks like a document',
};

/** Pure: classifier scores -> verdict (tested with fixed scores). */
export function interpretFilter(kindScores: Scores, placeScores: Scores, minConfidence = 0.5): FilterVerdict {
  const kind = top(kindScores, KIND_LABELS);
  const place = top(placeScores, PLACE_LABELS);
  const verdict: FilterVerdict = { kind: kind.key, kindScore: kind.score, place: place.key, placeScore: place.score };
  if (kind.key !== 'scene' && kind.score >= minConfidence) {
    verdict.warning = `${WHY[kind.key]} (${Math.round(kind.score * 100)}%): distances and sizes may be meaningless. You can still go on.`;
  }
  return verdict;
}

export interface SceneClassifier {
  model: PreTrainedModel;
  tokenizer: PreTrainedTokenizer;
  processor: Processor;
}

/**
 * Zero-shot scores as Transformers.js's zero-shot-image-classification pipeline computes them for CLIP
 * (tokenise the labels with padding, one forward pass, softmax over logits_per_image). The pipeline itself is
 * not used: in 4.3.1 it looks up the model's files without the revision (pipelines.js get_pipeline_files and
 * get_file_metadata), so a pinned model would fetch files from `main`. The labels are whole sentences, so
 * each label is its own hypothesis (the pipeline's default template would read "This is a photo of a photo
 * of a room").
 */
export async function zeroShotScores(c: SceneClassifier, image: RawImage, labels: string[]): Promise<Scores> {
  const text = c.tokenizer(labels, { padding: true, truncation: true });
  const { pixel_values } = (await c.processor(image)) as { pixel_values: Tensor };
  const out = (await c.model({ ...text, pixel_values })) as { logits_per_image: Tensor };
  const logits = Array.from(out.logits_per_image.data as Float32Array).slice(0, labels.length);
  const max = Math.max(...logits);
  const exp = logits.map((l) => Math.exp(l - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return labels.map((label, i) => ({ label, score: exp[i] / sum }));
}

export async function classifyScene(c: SceneClassifier, image: RawImage): Promise<FilterVerdict> {
  const kinds = await zeroShotScores(c, image, Object.values(KIND_LABELS));
  const places = await zeroShotScores(c, image, Object.values(PLACE_LABELS));
  return interpretFilter(kinds, places);
}

/** The scene classifier, loaded the way every model is (loadOptions keeps a wasmOnly entry on WASM). */
export async function loadSceneClassifier(
  entry: ModelEntry,
  caps: DeviceCaps,
  progress_callback?: (p: RawProgress) => void,
  extra: { device?: 'cpu'; cache_dir?: string } = {},
): Promise<SceneClassifier> {
  const opts = { ...loadOptions(entry, caps), progress_callback, ...extra };
  const shared = { revision: entry.revision, progress_callback, cache_dir: extra.cache_dir };
  const [model, tokenizer, processor] = await Promise.all([
    AutoModel.from_pretrained(entry.id, opts),
    AutoTokenizer.from_pretrained(entry.id, shared),
    AutoProcessor.from_pretrained(entry.id, shared),
  ]);
  return { model, tokenizer, processor };
}
