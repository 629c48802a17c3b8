/**
 * A measurement asked against a length ("is the sofa taller than 1 m?", "is the lamp within a metre of the
 * chair?"). The measure's own answer stays whole (its number, evidence and caveats); the verdict says on which
 * side of the length it lies, and "about" when the length is within TIE_SIGMAS sigma of the measurement. An
 * extent the amodal step estimated carries its estimator's spread in that sigma (tieBands.ts), so a car whose
 * hidden length is the category's mean is not said to be over or under a length the prior cannot decide.
 * Distances are centre to centre, as the measure they ask about.
 */
import type { Answer, Verdict } from './answer';
import type { Query, Threshold } from './query';
import { type Ctx, comparisonConfidence } from './context';
import { sizeSigma, TIE_SIGMAS } from './tieBands';
import { capitalise, phrase } from './templates';

/** No band is narrower than this: half a centimetre is below what a depth map resolves. */
export const MIN_THRESHOLD_BAND_M = 0.005;

type Thresholded = Extract<Query, { type: 'size' | 'pair' | 'range' | 'elevation' }>;

export function withThreshold(ctx: Ctx, query: Thresholded, answer: Answer, threshold: Threshold): Answer {
  const value = answer.value;
  if (value === undefined || answer.unit !== 'm') return answer;
  const sigma = query.type === 'size' ? sizeSigma(ctx, ctx.get(query.a), query.measure) : answer.evidence.quantities[0]?.uncertainty ?? 0;
  const band = Math.max(TIE_SIGMAS * sigma, MIN_THRESHOLD_BAND_M);
  const diff = value - threshold.metres;
  const verdict: Verdict = Math.abs(diff) <= band ? 'about-the-same' : (diff > 0) === (threshold.op === 'above') ? 'yes' : 'no';
  const vars = { thr: plainLength(ctx.fmt(threshold.metres)), side: diff > 0 ? 'more than' : 'less than', rest: lowerFirst(answer.sentence), Rest: answer.sentence };
  const sentence = phrase(verdict === 'about-the-same' ? 'thresholdTie' : verdict === 'yes' ? 'thresholdYes' : 'thresholdNo', ctx.seed, vars);
  return {
    ...answer,
    query,
    verdict,
    confidence: answer.confidence * comparisonConfidence(diff, band),
    sentence: capitalise(sentence),
    evidence: {
      ...answer.evidence,
      quantities: [...answer.evidence.quantities, { label: `compared with ${vars.thr} (${threshold.op === 'above' ? 'more' : 'less'} is yes)`, value: threshold.metres, unit: 'm' }, { label: 'margin inside which the measurement cannot tell', value: band, unit: 'm', technical: true }],
    },
  };
}

/** The length as the person would say it: "1 m", not "1.00 m" (it is their number, not a measurement). */
const plainLength = (text: string): string => text.replace(/(\d)\.0+(?!\d)/g, '$1').replace(/(\.\d*?[1-9])0+(?!\d)/g, '$1');

/** "The sofa is 1.2 m tall." -> "the sofa is 1.2 m tall." (a caption's own capitals are kept past the first letter) */
const lowerFirst = (s: string): string => (s.length ? s[0].toLowerCase() + s.slice(1) : s);
