/**
 * One processed item as it is stored until the shards are written: both record forms (the app's
 * `conversationLine` / `flatLines`, not a copy of them) plus what the manifest counts.
 */
import { conversationLine, flatLines, synthesizeQA, type ConversationLine, type DatasetImage, type FlatLine } from '../../src/core/synth';
import type { SceneGraph } from '../../src/core/scene/types';
import type { SynthConfig } from './config';

export interface ItemResult {
  key: string;
  name: string;
  id: string;
  /** The `image` the records name: `images/<id>.<ext>` for local files, the URL for remote ones. */
  image: string;
  /** Local file the collector copies to `image` (null for URLs). */
  imageFrom: string | null;
  objects: number;
  pairs: number;
  /** Null when the scene gave no QA pairs (no conversation line, as toJsonl does). */
  conversation: ConversationLine | null;
  qa: FlatLine[];
  /** QA pairs per question type (the template key: "relation.yesno.left", "pair.distance"...). */
  types: Record<string, number>;
  ms: number;
  /** Models that produced it (none for RGB-D frames with given objects). */
  models: string[];
}

export interface FailedItem {
  key: string;
  name: string;
  reason: string;
  attempts: number;
}

export function toItemResult(args: {
  key: string; name: string; id: string; image: string; imageFrom: string | null; scene: SceneGraph; source: Record<string, string>;
  config: SynthConfig; ms: number; models: string[];
}): ItemResult {
  const cfg = args.config;
  const { pairs } = synthesizeQA(args.scene, { seed: cfg.seed, maxPairs: cfg.maxPairs, phrasingsPerQuery: cfg.phrasings, units: cfg.units });
  const img: DatasetImage = { id: args.id, image: args.image, pairs, source: args.source };
  const types: Record<string, number> = {};
  for (const p of pairs) types[p.template] = (types[p.template] ?? 0) + 1;
  return {
    key: args.key, name: args.name, id: args.id, image: args.image, imageFrom: args.imageFrom,
    objects: args.scene.objects.length, pairs: pairs.length,
    conversation: pairs.length ? conversationLine(img) : null,
    qa: flatLines(img),
    types, ms: args.ms, models: args.models,
  };
}
