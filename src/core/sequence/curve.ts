/**
 * The curve of one measure between two tracks over a processed sequence, and its exports (CSV, JSON).
 *
 * A frame gets a value when both tracks were seen on it with depth; otherwise it is a gap with flags saying
 * why ('missing-a' / 'missing-b': the track was not seen; 'no-depth': the frame had no depth; 'failed').
 * 'outlier' marks a value the robust smoother left out (the value itself is still reported).
 */
import type { FrameRecord } from './processor';
import { isRelationMeasure, measureFrame, type SequenceMeasure } from './measure';
import { smoothCurve } from './smooth';
import { summarizeCurve, type CurveSummary } from './summary';
import { captionKey, type Track } from './tracker';

export type CurveFlag = 'missing-a' | 'missing-b' | 'no-depth' | 'failed' | 'outlier' | 'frame-unsettled' | 'low-frame';

export interface CurveRow {
  frame: number;
  timestamp: number;
  value: number | null;
  sigma: number | null;
  smoothed: number | null;
  trackA: string;
  trackB: string;
  /** The scene object ids of the two tracks on this frame (null where not seen). */
  objectA: string | null;
  objectB: string | null;
  flags: CurveFlag[];
}

export interface Curve {
  measure: SequenceMeasure;
  unit: 'm' | 'verdict';
  a: Track;
  b: Track;
  camera: string;
  rows: CurveRow[];
  summary: CurveSummary;
}

export function buildCurve(records: readonly FrameRecord[], measure: SequenceMeasure, a: Track, b: Track, camera: string): Curve {
  const rows: CurveRow[] = records.map((r) => {
    const flags: CurveFlag[] = [...r.flags];
    const ia = r.trackIds.indexOf(a.id);
    const ib = r.trackIds.indexOf(b.id);
    const objectA = r.scene && ia >= 0 ? r.scene.objects[ia].id : null;
    const objectB = r.scene && ib >= 0 ? r.scene.objects[ib].id : null;
    const row: CurveRow = { frame: r.index, timestamp: r.timestamp, value: null, sigma: null, smoothed: null, trackA: a.id, trackB: b.id, objectA, objectB, flags };
    if (!r.scene) return row;
    if (!objectA) flags.push('missing-a');
    const needsB = measure !== 'height_above_support';
    if (needsB && !objectB) flags.push('missing-b');
    if (!objectA || (needsB && !objectB)) return row;
    const v = measureFrame(r.scene, measure, objectA, objectB ?? objectA);
    row.value = v.value;
    row.sigma = v.sigma;
    return row;
  });
  const { smoothed, outlier } = smoothCurve(rows.map((r) => r.value), rows.map((r) => r.sigma));
  rows.forEach((r, i) => {
    r.smoothed = smoothed[i];
    if (outlier[i]) r.flags.push('outlier');
  });
  const summary = summarizeCurve({
    measure,
    frames: rows.map((r) => r.frame),
    values: rows.map((r) => r.value),
    smoothed,
    sigmas: rows.map((r) => r.sigma),
  });
  return { measure, unit: isRelationMeasure(measure) ? 'verdict' : 'm', a, b, camera, rows, summary };
}

/** The longest track whose caption is `caption` (case and spacing ignored), else null. */
export function findTrack(tracks: readonly Track[], caption: string): Track | null {
  const key = captionKey(caption);
  let best: Track | null = null;
  for (const t of tracks) if (captionKey(t.caption) === key && (!best || t.frames > best.frames)) best = t;
  return best;
}

const num = (v: number | null, digits: number): string => (v === null ? '' : v.toFixed(digits));

export const CSV_HEADER = 'frame,timestamp,value,sigma,smoothed,track_a,track_b,flags';

/** CSV, one row per frame; empty cells for gaps; flags joined by ';'. */
export function curveToCsv(c: Curve): string {
  const lines = [CSV_HEADER];
  for (const r of c.rows) {
    lines.push([r.frame, r.timestamp.toFixed(3), num(r.value, 4), num(r.sigma, 4), num(r.smoothed, 4), r.trackA, r.trackB, r.flags.join(';')].join(','));
  }
  return lines.join('\n') + '\n';
}

/** JSON: the measure, tracks, camera mode, summary and rows. */
export function curveToJson(c: Curve): string {
  return JSON.stringify({ format: 'spatiallens-curve', version: 1, ...c }, null, 1);
}
