/**
 * A comparison with a length the person names: "is the sofa taller than 1 m?", "is the lamp within a metre of
 * the chair?", "is the car more than 4.5 feet wide?". Read from the raw text (decimals survive only there) and
 * rewritten so the rest of the parser sees the measure it asks about: "taller than 1 m" -> "tall", "more than
 * 2 m away from" -> "away from", "within 1 m of" -> "near". The query then carries the threshold and its answer
 * says yes or no beside the measurement (reason/threshold.ts).
 */
import type { Threshold, UnitRequest } from '../reason/query';
import { fromUnit, type LengthUnit } from '../units/length';

export const MAX_THRESHOLD_M = 1000;

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  'half a': 0.5, 'half an': 0.5, 'a half': 0.5,
};
const NUMBER = `(\\d+(?:[.,]\\d+)?|half an?|an?|one|two|three|four|five|six|seven|eight|nine|ten)`;

const UNITS: readonly (readonly [string, LengthUnit])[] = [
  ['millimeters|millimetres|millimeter|millimetre|mm', 'mm'],
  ['centimeters|centimetres|centimeter|centimetre|cms|cm', 'cm'],
  ['meters|metres|meter|metre|m', 'm'],
  ['feet|foot|ft|\'', 'ft'],
  ['inches|inch|in|"', 'in'],
  ['yards|yard|yds|yd', 'yd'],
];
const UNIT = `(${UNITS.map(([w]) => w).join('|')})`;

/** Comparators, the way each points, and what the phrase becomes once the length is taken out. */
const COMPARATORS: readonly (readonly [string, Threshold['op'], string])[] = [
  ['taller than', 'above', 'tall'], ['higher than', 'above', 'high'], ['wider than', 'above', 'wide'],
  ['broader than', 'above', 'wide'], ['longer than', 'above', 'long'], ['deeper than', 'above', 'deep'],
  ['further than|farther than|further away than|farther away than', 'above', 'far'],
  ['shorter than', 'below', 'tall'], ['narrower than', 'below', 'wide'], ['shallower than', 'below', 'deep'],
  ['closer than|nearer than', 'below', 'far'],
  // "lower than 1.5 m above the floor": the words after it say what is measured
  ['lower than', 'below', ''],
  ['more than|greater than|over|above|at least|no less than|not less than|in excess of|exceeding|upwards of|beyond', 'above', ''],
  ['less than|fewer than|under|below|at most|no more than|not more than|up to|within', 'below', ''],
];

export interface ThresholdReading {
  text: string;
  threshold?: Threshold;
  /** the unit the length was given in, asked for in the answer unless the person asked for another */
  unit?: UnitRequest;
}

function lengthOf(num: string, unitWord: string): { metres: number; unit: LengthUnit } | null {
  const n = NUMBER_WORDS[num] ?? Number(num.replace(',', '.'));
  const unit = UNITS.find(([w]) => new RegExp(`^(?:${w})$`).test(unitWord))?.[1];
  if (!unit || !Number.isFinite(n) || n <= 0) return null;
  const metres = fromUnit(n, unit);
  // nothing in a photo is a kilometre across; a larger number is not a length we could compare with
  return metres <= MAX_THRESHOLD_M ? { metres, unit } : null;
}

/** Find one comparison with a length and rewrite the text around it; text without one comes back unchanged. */
export function extractThreshold(asked: string): ThresholdReading {
  // "is the lamp > 1.5 m tall", "is it >= 2m away": the signs as the words they stand for
  const raw = asked.replace(/\s*(?:>=|≥|=>)\s*(?=\d)/g, ' at least ').replace(/\s*(?:<=|≤|=<)\s*(?=\d)/g, ' at most ')
    .replace(/\s*>\s*(?=\d)/g, ' more than ').replace(/\s*<\s*(?=\d)/g, ' less than ').trim();
  const text = raw.toLowerCase();
  for (const [words, op, becomes] of COMPARATORS) {
    // "6 ft 2 in", "6'2\"", or one number and unit
    // "no more than" is at most: the plain comparator must not start inside it
    const re = new RegExp(`(?<![a-z])(?<!\\bno )(?<!\\bnot )(?:${words}) (?:about |around |roughly |approximately )?${NUMBER} ?${UNIT}(?: ?(\\d+(?:[.,]\\d+)?) ?(?:inches|inch|in|"))?(?![a-z0-9])( (?:of|from|away|apart|tall|high|wide|long|deep|in (?:height|width|length|depth))(?![a-z]))?`);
    const m = re.exec(text);
    if (!m) continue;
    const len = lengthOf(m[1], m[2]);
    if (!len) continue;
    const inches = m[3] && len.unit === 'ft' ? fromUnit(Number(m[3].replace(',', '.')), 'in') : 0;
    const after = m[4] ?? '';
    // "within 1 m of the sofa" is near it; "more than 2 m from / away from" keeps the distance's words
    const rest = after === ' of' ? (becomes ? ` ${becomes} from` : ' near') : becomes ? ` ${becomes}${after}` : after === ' from' ? ' far from' : after;
    const rewritten = `${raw.slice(0, m.index)}${rest.startsWith(' ') ? rest.slice(1) : rest}${raw.slice(m.index + m[0].length)}`;
    return { text: rewritten.replace(/\s+/g, ' ').trim(), threshold: { op, metres: len.metres + inches }, unit: inches ? 'ft-in' : len.unit };
  }
  return { text: raw };
}
