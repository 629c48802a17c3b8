/**
 * "distance between the can and the orange" -> two tracks and a measure, read by the app's question parser
 * (src/core/language) against one stand-in object per track, so every phrasing, synonym and typo the parser
 * knows for a photo works for a sequence too.
 */
import { parseQuestion } from '../language';
import type { Query } from '../reason/query';
import type { SequenceMeasure } from './measure';
import type { Track } from './tracker';

export type TrackPick =
  | { status: 'ok'; a: Track; b: Track; measure: SequenceMeasure }
  | { status: 'error'; message: string };

function measureOf(q: Query): SequenceMeasure | null {
  if (q.type === 'relation') return q.relation;
  if (q.type !== 'pair') return null;
  switch (q.measure) {
    case 'distance':
    case 'horizontal_distance':
    case 'vertical_distance':
      return q.measure;
    default:
      return null;
  }
}

export function pickTracks(text: string, tracks: readonly Track[]): TrackPick {
  // the longest track per caption stands for it: two tracks of one caption are one object seen twice
  // more often than two objects (a track ends after two missed frames)
  const byCaption = new Map<string, Track>();
  for (const t of tracks) {
    const k = t.caption.toLowerCase();
    const cur = byCaption.get(k);
    if (!cur || t.frames > cur.frames) byCaption.set(k, t);
  }
  const stand = [...byCaption.values()].map((t, i) => ({
    id: t.id, caption: t.caption, box2d: { x0: i * 10, y0: 0, x1: i * 10 + 5, y1: 5 }, centroid: [i, 0, -2] as [number, number, number],
  }));
  const r = parseQuestion(/[?.]$/.test(text.trim()) ? text : `What is the ${text.trim()}?`, { objects: stand });
  if (r.status === 'unresolved') return { status: 'error', message: `No track is called ${r.phrases.map((p) => `"${p}"`).join(', ')}; tracks: ${r.known.join(', ')}` };
  if (r.status === 'clarify') return { status: 'error', message: `"${r.phrase}" could be ${r.candidates.join(' or ')}: pick the tracks by hand` };
  if (r.status !== 'ok') return { status: 'error', message: 'Not a measure between two objects: try "distance between the can and the orange"' };
  const q = r.parsed.query;
  const measure = measureOf(q);
  if (!measure || (q.type !== 'pair' && q.type !== 'relation')) {
    return { status: 'error', message: 'That measure is not one a curve can show: distance, horizontal or vertical distance, or a relation such as "left of"' };
  }
  const find = (id: string) => tracks.find((t) => t.id === id);
  const a = find(q.a);
  const b = find(q.b);
  if (!a || !b) return { status: 'error', message: 'the question names objects that are not tracks' };
  return { status: 'ok', a, b, measure };
}
