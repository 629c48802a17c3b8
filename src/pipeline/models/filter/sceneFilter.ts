/**
 * CLIP / SigLIP zero-shot scene check: is this a photo of a scene (not a screenshot, product shot or
 * document)? Indoor or outdoor? It only ever warns: a person may have good reasons to ask about anything.
 */
import type { ZeroShotImageClassificationPipeline, RawImage } from '@huggingface/transformers';

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

export async function classifyScene(classifier: ZeroShotImageClassificationPipeline, image: RawImage): Promise<FilterVerdict> {
  const kinds = (await classifier(image, Object.values(KIND_LABELS))) as Scores;
  const places = (await classifier(image, Object.values(PLACE_LABELS))) as Scores;
  return interpretFilter(kinds, places);
}
