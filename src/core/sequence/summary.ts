/**
 * The curve in one sentence: "distance fell from 0.62 m to 0.04 m; monotone after frame 12".
 *
 * Start and end are the measured values on the first and last frames with a value. The change is "about the same" when it is within
 * 2 sigma of the two end values combined. "Monotone after frame k": the earliest frame from which the smoothed
 * line never moves against the overall direction by more than the tolerance (half the median sigma, at least
 * 5 mm), gaps skipped. Relations are summarised by how often each verdict holds and from when the last
 * verdict holds.
 */
import { isRelationMeasure, type SequenceMeasure } from './measure';

export interface SummaryInput {
  measure: SequenceMeasure;
  frames: readonly number[];
  values: readonly (number | null)[];
  smoothed: readonly (number | null)[];
  sigmas: readonly (number | null)[];
}

export interface CurveSummary {
  sentence: string;
  trend: 'fell' | 'rose' | 'steady' | 'no-data';
  start: number | null;
  end: number | null;
  /** First frame of the final monotone run (numeric measures), or of the final verdict run (relations). */
  monotoneFrom: number | null;
}

const LABEL: Readonly<Record<string, string>> = {
  distance: 'distance',
  surface_gap: 'surface gap',
  horizontal_distance: 'horizontal distance',
  vertical_distance: 'vertical distance',
  height_above_support: 'height above the support',
};

/** Metres as on the curve's axis: centimetre digits, millimetres only where sigma is below 1 mm. */
const fmt = (m: number, sigma = 0): string => `${m.toFixed(sigma < 0.001 && Math.abs(m) < 0.1 ? 3 : 2)} m`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : 0;
}

export function summarizeCurve(inp: SummaryInput): CurveSummary {
  const present = inp.smoothed.map((v, i) => ({ v, i })).filter((p): p is { v: number; i: number } => p.v !== null);
  if (present.length === 0) {
    return { sentence: 'no frame shows both objects', trend: 'no-data', start: null, end: null, monotoneFrom: null };
  }
  if (isRelationMeasure(inp.measure)) return summarizeRelation(inp, present);
  const label = LABEL[inp.measure];
  // the ends are the measured values of the first and last frames (the smoother pulls the ends inwards)
  const first = { ...present[0], v: inp.values[present[0].i] ?? present[0].v };
  const last = { ...present[present.length - 1], v: inp.values[present[present.length - 1].i] ?? present[present.length - 1].v };
  const sig = (i: number) => inp.sigmas[i] ?? 0;
  const band = 2 * Math.hypot(sig(first.i), sig(last.i));
  const delta = last.v - first.v;
  const trend = Math.abs(delta) <= Math.max(band, 1e-9) ? 'steady' : delta < 0 ? 'fell' : 'rose';
  if (trend === 'steady') {
    return { sentence: `${label} stayed about ${fmt(first.v, sig(first.i))} (from ${fmt(first.v, sig(first.i))} to ${fmt(last.v, sig(last.i))})`, trend, start: first.v, end: last.v, monotoneFrom: null };
  }
  const tol = Math.max(0.005, 0.5 * median(present.map((p) => sig(p.i))));
  const sign = trend === 'fell' ? -1 : 1;
  let k = present.length - 1;
  while (k > 0 && sign * (present[k].v - present[k - 1].v) >= -tol) k--;
  const monotoneFrom = inp.frames[present[k].i];
  const tail = k === 0 ? 'monotone throughout' : `monotone after frame ${monotoneFrom}`;
  return {
    sentence: `${label} ${trend} from ${fmt(first.v, sig(first.i))} to ${fmt(last.v, sig(last.i))}; ${tail}`,
    trend, start: first.v, end: last.v, monotoneFrom,
  };
}

const VERDICT = (v: number): string => (v > 0 ? 'yes' : v < 0 ? 'no' : 'about the same');

function summarizeRelation(inp: SummaryInput, present: { v: number; i: number }[]): CurveSummary {
  const raw = present.map((p) => Math.sign(inp.values[p.i] ?? 0));
  const yes = raw.filter((v) => v > 0).length;
  const lastV = raw[raw.length - 1];
  let k = raw.length - 1;
  while (k > 0 && raw[k - 1] === lastV) k--;
  const from = inp.frames[present[k].i];
  const sentence = `"${inp.measure}" holds in ${yes} of ${raw.length} frames; ${VERDICT(lastV)} from frame ${from} on`;
  const trend = raw[0] === lastV ? 'steady' : lastV > raw[0] ? 'rose' : 'fell';
  return { sentence, trend, start: raw[0], end: lastV, monotoneFrom: from };
}
