/**
 * The dataset's two JSONL forms (schema documented in the README, "Dataset schema"):
 * - conversations: one line per image, `messages` alternating user/assistant, the image in the first user turn
 *   (the chat format of LLaVA / SmolVLM / Transformers chat templates);
 * - flat: one QA pair per line with its query, numbers and confidence.
 */
import type { QAPair } from './synthesize';

export const DATASET_SCHEMA_VERSION = 1 as const;

export interface DatasetImage {
  /** Stable id (the frame id or the image hash). */
  id: string;
  /** Path of the image relative to the dataset folder (or its zip). */
  image: string;
  pairs: QAPair[];
  /** Where the scene came from (depth source, objects source, intrinsics source). */
  source?: Record<string, string>;
}

type ContentPart = { type: 'image' } | { type: 'text'; text: string };
export interface ConversationLine {
  schema_version: typeof DATASET_SCHEMA_VERSION;
  id: string;
  images: string[];
  messages: { role: 'user' | 'assistant'; content: ContentPart[] }[];
  source?: Record<string, string>;
}

export interface FlatLine {
  schema_version: typeof DATASET_SCHEMA_VERSION;
  id: string;
  image: string;
  question: string;
  answer: string;
  category: QAPair['category'];
  template: string;
  query: QAPair['query'];
  objects: string[];
  verdict: string | null;
  choice: string | null;
  value: number | null;
  unit: string | null;
  confidence: number;
}

export function conversationLine(img: DatasetImage): ConversationLine {
  const messages: ConversationLine['messages'] = [];
  img.pairs.forEach((p, i) => {
    const content: ContentPart[] = i === 0 ? [{ type: 'image' }, { type: 'text', text: p.question }] : [{ type: 'text', text: p.question }];
    messages.push({ role: 'user', content });
    messages.push({ role: 'assistant', content: [{ type: 'text', text: p.answer }] });
  });
  return { schema_version: DATASET_SCHEMA_VERSION, id: img.id, images: [img.image], messages, ...(img.source ? { source: img.source } : {}) };
}

export function flatLines(img: DatasetImage): FlatLine[] {
  return img.pairs.map((p, i) => ({
    schema_version: DATASET_SCHEMA_VERSION,
    id: `${img.id}#${i}`,
    image: img.image,
    question: p.question,
    answer: p.answer,
    category: p.category,
    template: p.template,
    query: p.query,
    objects: p.objects,
    verdict: p.verdict ?? null,
    choice: p.choice ?? null,
    value: p.value ?? null,
    unit: p.unit ?? null,
    confidence: Math.round(p.confidence * 1000) / 1000,
  }));
}

/** Both files' text for a list of images; images without pairs get no conversation line. */
export function toJsonl(images: DatasetImage[]): { conversations: string; flat: string } {
  const conv = images.filter((i) => i.pairs.length > 0).map((i) => JSON.stringify(conversationLine(i)));
  const flat = images.flatMap((i) => flatLines(i).map((l) => JSON.stringify(l)));
  const text = (lines: string[]) => (lines.length ? lines.join('\n') + '\n' : '');
  return { conversations: text(conv), flat: text(flat) };
}
