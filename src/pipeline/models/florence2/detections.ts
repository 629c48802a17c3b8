/**
 * Florence-2 output -> object boxes with captions, in the working image's pixels. Parsing of the
 * `<loc_N>` tokens is Florence2Processor.post_process_generation's (Transformers.js); this module handles
 * its result: clamping, dropping degenerate boxes, and merging `<OD>` labels with dense region captions.
 */
import type { Box2D } from '../../../core/scene/types';
import type { FlorenceTask } from './taskConfig';

export interface Detection {
  caption: string;
  /** Short category from `<OD>`, when a dense caption was matched to it. */
  label?: string;
  box2d: Box2D;
  source: FlorenceTask;
}

/** What post_process_generation returns for box tasks: `{ [task]: { labels, bboxes } }`. */
export interface FlorenceBoxes {
  labels: string[];
  bboxes: number[][];
}

export interface PostProcessor {
  post_process_generation(text: string, task: string, imageSize: [number, number]): Record<string, unknown>;
}

export function iou(a: Box2D, b: Box2D): number {
  const ix = Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
  const iy = Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
  const inter = ix * iy;
  const union = (a.x1 - a.x0) * (a.y1 - a.y0) + (b.x1 - b.x0) * (b.y1 - b.y0) - inter;
  return union > 0 ? inter / union : 0;
}

/** Parses a generated string for one task. Florence-2 wants the image size as [width, height]. */
export function parseFlorence(pp: PostProcessor, generated: string, task: FlorenceTask, width: number, height: number): Detection[] {
  const result = pp.post_process_generation(generated, task, [width, height])[task] as FlorenceBoxes | undefined;
  if (!result || !Array.isArray(result.bboxes)) return [];
  const out: Detection[] = [];
  result.bboxes.forEach((b, i) => {
    const box = {
      x0: Math.max(0, Math.min(width, b[0])),
      y0: Math.max(0, Math.min(height, b[1])),
      x1: Math.max(0, Math.min(width, b[2])),
      y1: Math.max(0, Math.min(height, b[3])),
    };
    if (box.x1 - box.x0 < 1 || box.y1 - box.y0 < 1) return;
    const caption = (result.labels[i] ?? '').trim();
    out.push({ caption: caption || 'object', box2d: box, source: task });
  });
  return out;
}

/**
 * `<OD>` gives clean category names, `<DENSE_REGION_CAPTION>` richer phrases for similar boxes. Keep every
 * OD box, borrow the caption of a dense box that overlaps it (IoU >= minIou), and add dense boxes that
 * match nothing.
 */
export function mergeDetections(od: Detection[], dense: Detection[], minIou = 0.6): Detection[] {
  const used = new Set<number>();
  const merged = od.map((d) => {
    let best = -1;
    let bestIou = minIou;
    dense.forEach((c, j) => {
      const v = iou(d.box2d, c.box2d);
      if (!used.has(j) && v >= bestIou) {
        best = j;
        bestIou = v;
      }
    });
    if (best < 0) return d;
    used.add(best);
    return { ...d, label: d.caption, caption: dense[best].caption };
  });
  dense.forEach((c, j) => {
    if (!used.has(j) && !merged.some((m) => iou(m.box2d, c.box2d) >= minIou)) merged.push(c);
  });
  return merged;
}
