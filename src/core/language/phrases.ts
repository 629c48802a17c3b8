/**
 * Phrase tables: the ways people say each relation, measure or ordering. The patterns in patterns.ts are
 * assembled from these, and the templates are checked against the same parser.
 */
import type { OrderKey, Relation } from '../reason/query';

export type PhraseTable<T> = readonly (readonly [string, T])[];

/** Split a regex source on its top-level "|" (not those inside groups). */
function topLevelAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

/**
 * Regex alternation of every phrase of a table, longest first: a regex takes the first alternative that
 * fits, so "farther left" must be tried before "farther".
 */
export function alt<T>(table: PhraseTable<T>): string {
  return table.flatMap(([p]) => topLevelAlternatives(p)).sort((a, b) => b.length - a.length).join('|');
}

/** The value of the phrase that matched (phrases are regex sources, so test them whole). */
export function lookup<T>(table: PhraseTable<T>, text: string): T | undefined {
  for (const [p, v] of table) if (whole(p).test(text)) return v;
  return undefined;
}

const compiled = new Map<string, RegExp>();
function whole(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) {
    re = new RegExp(`^(?:${source})$`);
    compiled.set(source, re);
  }
  return re;
}

const L = '(?:more |farther |a bit |slightly )?';

/** "A <phrase> B" for yes/no questions and counting. Always read as "A is <relation> of B". */
export const RELATION_PHRASES: PhraseTable<Relation> = [
  [`${L}(?:to the |on the |at the )?left (?:hand )?(?:side )?(?:of|to)`, 'left'],
  [`${L}(?:to the )?left than|leftward of|farther left than`, 'left'],
  [`${L}(?:to the |on the |at the )?right (?:hand )?(?:side )?(?:of|to)`, 'right'],
  [`${L}(?:to the )?right than|rightward of|farther right than`, 'right'],
  ['above|on top of|over|higher than|higher up than|up above|sitting on top of', 'above'],
  ['below|beneath|under|underneath|lower than|lower down than|down below', 'below'],
  ['behind|in back of|at the back of|farther (?:away )?from the camera than|farther back than|farther away than|more distant than|farther from us than|deeper in the scene than', 'behind'],
  ['in front of|closer to the camera than|nearer to the camera than|nearer the camera than|closer than|nearer than|closer to us than|farther forward than|more in front than', 'front'],
  ['wider than|broader than', 'wider'],
  ['thinner than|narrower than|skinnier than|slimmer than', 'thinner'],
  ['bigger than|larger than|more massive than', 'bigger'],
  ['smaller than|tinier than|littler than', 'smaller'],
  ['taller than', 'taller'],
  ['shorter than', 'shorter'],
];

/** "Which is <adjective>, A or B?" */
export const CHOICE_PHRASES: PhraseTable<Relation> = [
  ['more to the left|farther to the left|farther left|more left|on the left|to the left|leftmost|left|further left', 'left'],
  ['more to the right|farther to the right|farther right|more right|on the right|to the right|rightmost|right', 'right'],
  ['higher up|higher|above|on top|upper|higher off the ground', 'above'],
  ['lower down|lower|below|beneath|underneath|under', 'below'],
  ['farther from the camera|farther away from the camera|farther back|farther away|more distant|behind|at the back|farther|farther from us|in the back', 'behind'],
  ['closer to the camera|nearer to the camera|nearer the camera|closer to us|more in front|in front|farther forward|closer|nearer|in the front', 'front'],
  ['wider|broader', 'wider'],
  ['thinner|narrower|skinnier|slimmer', 'thinner'],
  ['bigger|larger', 'bigger'],
  ['smaller|tinier', 'smaller'],
  ['taller', 'taller'],
  ['shorter', 'shorter'],
];

/** Superlatives used for orderings: key and whether the superlative names the top of a descending order. */
export const SUPERLATIVES: PhraseTable<{ by: OrderKey; descending: boolean }> = [
  ['tallest', { by: 'height', descending: true }],
  ['shortest', { by: 'height', descending: false }],
  ['biggest|largest', { by: 'size', descending: true }],
  ['smallest|tiniest', { by: 'size', descending: false }],
  ['widest|broadest', { by: 'width', descending: true }],
  ['narrowest|thinnest|skinniest', { by: 'width', descending: false }],
  ['highest|highest up|topmost|top', { by: 'elevation', descending: true }],
  ['lowest|lowest down|bottommost|bottom', { by: 'elevation', descending: false }],
  ['closest|nearest|closest to the camera|nearest to the camera|nearest the camera|front|frontmost', { by: 'camera_distance', descending: false }],
  ['farthest|most distant|farthest from the camera|farthest away|back|backmost', { by: 'camera_distance', descending: true }],
];

/** "order ... by <key>" */
export const ORDER_KEYS: PhraseTable<OrderKey> = [
  ['height|tallness', 'height'],
  ['size|volume|overall size|bulk', 'size'],
  ['width|breadth', 'width'],
  ['distance from the camera|distance to the camera|distance|closeness to the camera|depth|how far they are from the camera|how close they are to the camera|camera distance|distance from me|distance from us', 'camera_distance'],
  ['elevation|height above the (?:floor|ground)|how high they are|vertical position|altitude', 'elevation'],
];

/** "how much <adjective> is A than B": the pair measure and whether A and B swap. */
export const DIFFERENCE_ADJECTIVES: PhraseTable<{ measure: 'how_much_above' | 'how_much_left' | 'how_much_behind'; swap: boolean }> = [
  ['higher|higher up|farther up|more elevated', { measure: 'how_much_above', swap: false }],
  ['lower|lower down|farther down', { measure: 'how_much_above', swap: true }],
  ['(?:more |farther )?(?:to the )?left|more left', { measure: 'how_much_left', swap: false }],
  ['(?:more |farther )?(?:to the )?right|more right', { measure: 'how_much_left', swap: true }],
  ['farther back|farther away|farther from the camera|more distant|deeper|farther', { measure: 'how_much_behind', swap: false }],
  ['closer|nearer|closer to the camera|nearer to the camera|nearer the camera|farther forward|more forward', { measure: 'how_much_behind', swap: true }],
];

/** "how far <preposition> B is A" */
export const DIFFERENCE_PREPOSITIONS: PhraseTable<{ measure: 'how_much_above' | 'how_much_left' | 'how_much_behind'; swap: boolean }> = [
  ['above|over', { measure: 'how_much_above', swap: false }],
  ['below|beneath|under|underneath', { measure: 'how_much_above', swap: true }],
  ['(?:to the )?left of', { measure: 'how_much_left', swap: false }],
  ['(?:to the )?right of', { measure: 'how_much_left', swap: true }],
  ['behind|farther back than', { measure: 'how_much_behind', swap: false }],
  ['in front of', { measure: 'how_much_behind', swap: true }],
];
