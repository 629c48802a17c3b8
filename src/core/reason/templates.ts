/**
 * Answer wording. Every question type has at least three phrasings, written by us and picked
 * deterministically by a seed (`phrasingSeed`, default 0). The tables are exported so that dataset
 * synthesis can enumerate every phrasing.
 *
 * Placeholders are `{name}`; every value is filled in lower case and the sentence's first letter is
 * capitalised afterwards.
 */
import type { OrderKey, Relation, TriangleShape } from './query';
import { categoryOfAll } from '../scene/categories';

export interface RelationWords {
  /** "to the left of" — completes "A is ... B" */
  rel: string;
  /** what holds when the answer is no (outside the tie band the opposite is true) */
  opposite: string;
  /** "more to the left" — completes "A is ..." in choice answers */
  more: string;
  /** "more to the left than" */
  moreThan: string;
  /** "at about the same left–right position" — completes "A and B are ..." */
  tie: string;
}

export const RELATION_WORDS: Readonly<Record<Relation, RelationWords>> = {
  left: { rel: 'to the left of', opposite: 'to the right of', more: 'farther to the left', moreThan: 'farther to the left than', tie: 'at about the same left-right position' },
  right: { rel: 'to the right of', opposite: 'to the left of', more: 'farther to the right', moreThan: 'farther to the right than', tie: 'at about the same left-right position' },
  above: { rel: 'above', opposite: 'below', more: 'higher', moreThan: 'higher than', tie: 'at about the same height' },
  below: { rel: 'below', opposite: 'above', more: 'lower', moreThan: 'lower than', tie: 'at about the same height' },
  behind: { rel: 'behind', opposite: 'in front of', more: 'farther back', moreThan: 'farther back than', tie: 'at about the same distance from the camera' },
  front: { rel: 'in front of', opposite: 'behind', more: 'closer to the camera', moreThan: 'closer to the camera than', tie: 'at about the same distance from the camera' },
  wider: { rel: 'wider than', opposite: 'narrower than', more: 'wider', moreThan: 'wider than', tie: 'about the same width' },
  thinner: { rel: 'thinner than', opposite: 'wider than', more: 'thinner', moreThan: 'thinner than', tie: 'about the same width' },
  bigger: { rel: 'bigger than', opposite: 'smaller than', more: 'bigger', moreThan: 'bigger than', tie: 'about the same size' },
  smaller: { rel: 'smaller than', opposite: 'bigger than', more: 'smaller', moreThan: 'smaller than', tie: 'about the same size' },
  taller: { rel: 'taller than', opposite: 'shorter than', more: 'taller', moreThan: 'taller than', tie: 'about the same height' },
  shorter: { rel: 'shorter than', opposite: 'taller than', more: 'shorter', moreThan: 'shorter than', tie: 'about the same height' },
};

/**
 * The width family asked as a length ("longer than"): the longer horizontal side is what both words measure. Only
 * "wider" is asked so (parse.ts: "shorter" is a height).
 */
const LONG_WORDS: Readonly<Partial<Record<Relation, RelationWords>>> = {
  wider: { rel: 'longer than', opposite: 'not as long as', more: 'longer', moreThan: 'longer than', tie: 'about the same length' },
};

/** An extent in the word it was asked with: the width (the longer horizontal side) asked as a length is its length. */
export function extentAsAsked<T extends string>(extent: T, long: boolean | undefined): T | 'length' {
  return long && extent === 'width' ? 'length' : extent;
}

/** A relation's words, in the words of length when it was asked so. */
export function relationWords(relation: Relation, long?: boolean): RelationWords {
  return (long && LONG_WORDS[relation]) || RELATION_WORDS[relation];
}

export const TEMPLATES = {
  relationYes: [
    'yes, {a} is {rel} {b}.',
    'yes — {a} is {rel} {b}.',
    "that's right: {a} is {rel} {b}.",
  ],
  relationNo: [
    'no, {a} is {opposite} {b}.',
    'no — {a} is not {rel} {b}; it is {opposite} it.',
    'not really: {a} is {opposite} {b}.',
  ],
  relationEither: [
    '{a} is {holds} {b}.',
    '{a} is {holds} {b}, not {other} it.',
    'of the two, {a} is {holds} {b}.',
  ],
  relationTie: [
    'about the same: {a} and {b} are {tie}.',
    '{a} and {b} are {tie}, so neither is clearly {rel} the other.',
    'hard to say — {a} and {b} are {tie}.',
  ],
  choice: [
    '{x} is {more}.',
    '{x} is {moreThan} {y}.',
    'of the two, {x} is {more}.',
  ],
  choiceTie: [
    '{a} and {b} are {tie}.',
    'neither: {a} and {b} are {tie}.',
    'about the same — {a} and {b} are {tie}.',
  ],
  distance: [
    '{a} and {b} are {value} apart.',
    'the distance between {a} and {b} is about {value}.',
    'about {value} separates {a} and {b}.',
  ],
  gapSuffix: [
    ' (centre to centre; their closest surfaces are {gap} apart)',
    ' between centres, with {gap} between their nearest surfaces',
    ' (measured between centres; the gap between them is {gap})',
  ],
  touchSuffix: [
    ' (centre to centre; their boxes touch)',
    ' between centres, though their boxes touch',
    ' (measured between centres; there is no gap between them)',
  ],
  horizontal_distance: [
    'measured along the floor, {a} and {b} are {value} apart.',
    'the horizontal distance between {a} and {b} is {value}.',
    '{a} is {value} from {b}, horizontally.',
  ],
  vertical_distance: [
    'the centre of {upper} is {value} higher than the centre of {lower}.',
    'vertically, {upper} sits {value} above {lower} (centre to centre).',
    'the vertical distance between {a} and {b} is {value}, {upper} being higher.',
  ],
  verticalTie: [
    '{a} and {b} are at about the same height: their centres differ by {value}.',
    'there is hardly any vertical distance between {a} and {b}: {value}.',
    'vertically, {a} and {b} are about the same: {value} apart.',
  ],
  width: ['{a} is {value} wide.', 'the width of {a} is about {value}.', '{a} measures {value} across.'],
  length: ['{a} is {value} long.', 'the length of {a} is about {value}.', '{a} measures {value} along its longest side.'],
  dimensions: [
    '{a} measures {w} wide, {d} deep and {h} tall; its box takes up {vol}.',
    '{a} is {w} wide, {d} deep and {h} tall (about {vol}).',
    'width {w}, depth {d}, height {h}: {a} takes up about {vol}.',
  ],
  elevation: [
    'the bottom of {a} is {value} above {floor}; its top is {top} up.',
    '{a} sits {value} off {floor} (its top is at {top}).',
    'from {floor} to the bottom of {a}: {value}; to its top: {top}.',
  ],
  elevationGround: [
    '{a} stands on {floor}; its top is {top} up.',
    '{a} rests on {floor}, and its top is at {top}.',
    'the bottom of {a} is on {floor}; its top is {top} up.',
  ],
  range: ['{a} is {value} from the camera.', 'the distance from the camera to {a} is about {value}.', '{a} stands about {value} away from the camera.'],
  height: ['{a} is {value} tall.', 'the height of {a} is about {value}.', '{a} stands {value} high.'],
  depth: ['{a} is {value} deep.', 'the depth of {a} is about {value}.', '{a} measures {value} along its shorter side.'],
  direction: [
    'if you stand at {a} facing the camera, {b} is at {clock} o\'clock ({words}).',
    'standing at {a} and facing the camera, you would find {b} at {clock} o\'clock — {words}.',
    'from {a}, facing the camera: {b} is {words}, at {clock} o\'clock.',
  ],
  directionOverhead: [
    '{b} is directly {updown} {a}.',
    'standing at {a}, {b} is right {updown} you.',
    '{b} is straight {updown} {a}, with no horizontal offset to speak of.',
  ],
  directionSame: [
    '{b} is at the same spot as {a}.',
    '{a} and {b} are in the same place, so there is no direction to give.',
    'standing at {a}, you would be standing at {b} too: they are in the same spot.',
  ],
  howMuch: [
    '{more} is {value} {moreThan} {less}.',
    'by about {value}: {more} is {moreThan} {less}.',
    '{more} is {moreThan} {less}, by {value}.',
  ],
  howMuchTie: [
    '{a} and {b} are {tie}: the difference is only {value}.',
    'hardly any: {a} and {b} are {tie} ({value}).',
    'about the same — {a} and {b} differ by just {value}.',
  ],
  extreme: [
    '{x} is the object {which} {ref}, at {value}.',
    'the object {which} {ref} is {x} ({value}).',
    'of everything around {ref}, {x} is the {adj}: {value} away.',
  ],
  extremeTie: [
    '{x} and {y} are about equally {closefar} {ref} (about {value}).',
    "it's a tie: {x} and {y} are both about {value} from {ref}.",
    'no clear winner — {x} and {y} are both about {value} from {ref}.',
  ],
  order: [
    'by {key}, {first} first: {list}.',
    '{first} first, ordered by {key}: {list}.',
    'in order of {key} ({first} first): {list}.',
  ],
  superlative: ['{x} is the {adj}.', 'the {adj} is {x}.', '{x} is the {adj} of them.'],
  claimYes: ['yes, {x} is the {adj}; {next} comes next.', 'yes — {x} is the {adj}, ahead of {next}.', "that's right: {x} is the {adj}, then {next}."],
  claimNo: ['no, {x} is the {adj}; {claim} is {rank}.', 'no — the {adj} is {x}; {claim} comes {rank}.', 'not {claim}, which is {rank}: {x} is the {adj}.'],
  claimTie: ['too close to call: {claim} and {x} are about the same, and either may be the {adj}.', 'not clearly: {claim} and {x} are nearly level for the {adj}.', '{claim} and {x} are about the same, so the {adj} is too close to call.'],
  orderTieSuffix: [
    ' ({pairs} are about the same)',
    '; {pairs} are close to a tie',
    ' — though {pairs} are about the same',
  ],
  betweenYes: [
    'yes, {a} is between {b} and {c}.',
    'yes — {a} lies between {b} and {c}.',
    "that's right: {a} sits between {b} and {c}.",
  ],
  betweenNo: [
    'no, {a} is not between {b} and {c}.',
    'no — {a} does not lie between {b} and {c}.',
    'not really: {a} is not between {b} and {c}.',
  ],
  betweenSuffix: [
    ' (seen from above, it is {along} of the way from {b} to {c} and {off} off the line joining them; up to {tol} counts)',
    ' (from above: {along} of the way along, {off} off the line; tolerance {tol})',
    ' (on the floor plan it projects {along} of the way from {b} to {c}, {off} off the line, tolerance {tol})',
  ],
  containYes: [
    'yes, {a} is in {b}.',
    'yes — {a} is inside {b}.',
    "that's right: {a} sits within {b}.",
  ],
  containNo: [
    'no, {a} is not in {b}.',
    'no — {a} is not inside {b}.',
    'not really: {a} is not within {b}.',
  ],
  containSuffix: [
    ' ({share} of its footprint lies within that of {b}, and its base is {base})',
    ' (seen from above {share} of it is over {b}; its base is {base})',
    ' (on the floor plan {share} of it lies inside {b}, its base {base})',
  ],
  supportYes: [
    'yes, {a} is on {b}.',
    'yes — {a} rests on {b}.',
    "that's right: {a} sits on {b}.",
  ],
  supportNo: [
    'no, {a} is not on {b}.',
    'no — {a} does not rest on {b}.',
    'not really: {a} is not on {b}.',
  ],
  supportSuffix: [
    ' ({share} of its footprint is over {b}, and its base is {base})',
    ' (seen from above {share} of it is over {b}; its base is {base})',
    ' (on the floor plan {share} of it lies over {b}, its base {base})',
  ],
  place: [
    'seen from the camera, {a} is {parts}; they are {dist} apart.',
    '{a} is {parts}, {dist} away from it.',
    'from the camera: {a} is {parts}; their centres are {dist} apart.',
  ],
  facing: [
    'standing at {at} and facing {toward}, you would find {target} at {clock} o\'clock, {words}.',
    'if you stand at {at} facing {toward}, {target} is {words} (at {clock} o\'clock).',
    'from {at}, facing {toward}: {target} is at {clock} o\'clock — {words}.',
  ],
  facingYes: [
    'yes — standing at {at} and facing {toward}, {target} is {words} (at {clock} o\'clock).',
    'yes: from {at}, facing {toward}, {target} is at {clock} o\'clock, {words}.',
    'yes, if you stand at {at} facing {toward}, {target} is {words}, at {clock} o\'clock.',
  ],
  facingNo: [
    'no — standing at {at} and facing {toward}, {target} is {words} (at {clock} o\'clock), not {asked}.',
    'no: from {at}, facing {toward}, {target} is at {clock} o\'clock, {words}, not {asked}.',
    'no, if you stand at {at} facing {toward}, {target} is {words} (at {clock} o\'clock), not {asked}.',
  ],
  thresholdYes: [
    'yes, {side} {thr}: {rest}',
    'yes — {side} {thr}. {Rest}',
    'yes: {rest} That is {side} {thr}.',
  ],
  thresholdNo: [
    'no, {side} {thr}: {rest}',
    'no — {side} {thr}. {Rest}',
    'no: {rest} That is {side} {thr}.',
  ],
  thresholdTie: [
    'about {thr}, too close to call with this measurement: {rest}',
    'too close to {thr} to say: {rest}',
    'roughly {thr} — the measurement cannot tell which side: {rest}',
  ],
  facingNone: [
    '{toward} is where {at} is, so there is no direction to give.',
    'standing at {at}, {toward} is in the same spot: no direction to give.',
    '{at} and {toward} are in the same place, so the question has no direction.',
  ],
  placed: ['{list} are {how} {ref}.', '{how} {ref}: {list}.', 'i see {list} {how} {ref}.'],
  placedOne: ['{first} is {how} {ref}.', '{how} {ref} is {first}.', 'only {first} is {how} {ref}.'],
  placedNone: ['nothing in the scene is {how} {ref}.', 'i see nothing {how} {ref}.', 'no object is {how} {ref}.'],
  triangleYes: [
    'yes, {a}, {b} and {c} form {shape} triangle: {detail}.',
    'yes — the three form {shape} triangle ({detail}).',
    "that's right: {a}, {b} and {c} make {shape} triangle; {detail}.",
  ],
  triangleNo: [
    'no, {a}, {b} and {c} do not form {shape} triangle: {detail}.',
    'no — the three do not form {shape} triangle ({detail}).',
    'not quite: {a}, {b} and {c} are not {shape} triangle; {detail}.',
  ],
  withinUncertainty: [
    'the difference is within the measurement uncertainty (about {pct}% likely this way round)',
    'the measured difference is smaller than its uncertainty (about {pct}% likely this way round)',
    'the difference is within the uncertainty of the measurement, so this is about {pct}% likely',
  ],
  verticalLevelNote: ['the bottom of {upper} is level with the top of {lower}.', '{upper} rests level with the top of {lower}.', 'the top of {lower} is level with the bottom of {upper}.'],
  verticalGapNote: ['the bottom of {upper} is {gap} above the top of {lower}.', 'there is {gap} between the top of {lower} and the bottom of {upper}.', '{upper} clears the top of {lower} by {gap}.'],
  tally: [
    'i count {n} {noun}: {list}.',
    'there {are} {n} {noun}: {list}.',
    '{n} {noun}: {list}.',
  ],
  find: [
    '{first} is {directly}{rel} {ref}; in all, {list} {are} {rel} it.',
    '{directly}{rel} {ref}: {first}. Also {rel} it: {list}.',
    '{first} is {directly}{rel} {ref} ({list} {are} {rel} it).',
  ],
  findOne: ['{first} is {directly}{rel} {ref}.', '{directly}{rel} {ref} is {first}.', 'only {first} is {rel} {ref}.'],
  findNone: ['nothing in the scene is {rel} {ref}.', 'i see nothing {rel} {ref}.', 'no object is {rel} {ref}.'],
  count: [
    '{n} {objects} {are} {rel} {ref}{list}.',
    'i count {n} {objects} {rel} {ref}{list}.',
    'there {are} {n} {objects} {rel} {ref}{list}.',
  ],
  side: [
    '{a} is on the {side} side of the picture ({pct}% of the way across from the left edge).',
    'on the {side} side of the picture: {a}, its middle {pct}% of the way across from the left.',
    '{a} sits on the {side} side of the photo ({pct}% of the way across).',
  ],
  sideMiddle: [
    '{a} is in the middle of the picture ({pct}% of the way across from the left edge).',
    '{a} sits in the middle of the photo, {pct}% of the way across from the left.',
    'neither side: {a} is in the middle of the picture ({pct}% of the way across).',
  ],
  sideYes: [
    'yes, {a} is on the {side} side of the picture ({pct}% of the way across from the left edge).',
    'yes: {a} sits on the {side} side of the photo, {pct}% of the way across.',
    'yes, on the {side} side: {a} is {pct}% of the way across the picture from the left.',
  ],
  sideNo: [
    'no, {a} is on the {side} side of the picture ({pct}% of the way across from the left edge).',
    'no: {a} sits on the {side} side of the photo, {pct}% of the way across.',
    'no, it is on the {side}: {a} is {pct}% of the way across the picture from the left.',
  ],
  sideTie: [
    'neither side: {a} is in the middle of the picture ({pct}% of the way across from the left edge).',
    'too close to call: {a} sits in the middle of the photo, {pct}% of the way across.',
    '{a} is about in the middle of the picture ({pct}% of the way across), on neither side.',
  ],
  inBetween: ['between {b} and {c} {are} {list}.', '{list} {are} between {b} and {c}.', 'between {b} and {c}, i see {list}.'],
  inBetweenNone: ['nothing stands between {b} and {c}.', 'no object is between {b} and {c}.', 'i see nothing between {b} and {c}.'],
  cameraHeight: [
    'the camera was {value} above {floor}.',
    'the photo was taken from {value} above {floor}.',
    'the camera stood {value} above {floor}.',
  ],
  countAnyYes: ['yes, {n} {objects} {are} {rel} {ref}{list}.', 'yes, there {are} {n} {objects} {rel} {ref}{list}.', 'yes: i count {n} {objects} {rel} {ref}{list}.'],
  countAnyNo: ['no, no {one} is {rel} {ref}.', 'no, there is no {one} {rel} {ref}.', 'no: i see no {one} {rel} {ref}.'],
  countAllYes: ['yes, {every} {rel} {ref}{list}.', 'yes: {every} {rel} {ref}{list}.', 'yes, each one: {every} {rel} {ref}{list}.'],
  countAllNo: ['no, {some} {rel} {ref}{list}.', 'no: {some} {rel} {ref}{list}.', 'not all: {some} {rel} {ref}{list}.'],
  countAllTie: ['too close to call: {some} {rel} {ref}{list}.', 'not decided: {some} {rel} {ref}{list}.', 'too close to say: {some} {rel} {ref}{list}.'],
} as const satisfies Record<string, readonly string[]>;

export type TemplateKey = keyof typeof TEMPLATES;

/** One wording each: the 3D overlay's words (the same verdict as the sentence) and the labels of the numbers behind an answer. */
export const LABELS = {
  overlayYes: 'yes — {rel}',
  overlayNo: 'no — {rel}',
  overlayTie: 'about the same',
  overlayEither: '{rel}',
  overlayChoice: '{x}: {more}',
  qDistance: 'distance between the centres of {a} and {b}',
  qGap: 'gap between the nearest surfaces of {a} and {b}',
  qHorizontal: 'distance along the floor between {a} and {b}',
  qVertical: 'difference in height between the centres of {a} and {b}',
  qVerticalGap: 'from the top of {lower} up to the bottom of {upper}',
  qClock: 'direction of {b} seen from {a} (clock)',
  qClockAngle: 'angle from facing the camera, clockwise',
  qHowMuch: 'how much {a} is {moreThan} {b}',
  qFacingClock: 'direction of {target} from {at}, facing {toward} (clock)',
  qFacingAngle: 'angle from facing {toward}, clockwise',
  qDifference: 'difference ({a} {rel} {b} when positive)',
  qTieBand: 'margin inside which two values count as the same',
  qSize: '{measure} of {a}',
  qRange: 'distance from the camera to the centre of {a}',
  qElevation: 'height of the bottom of {a} above {floor}',
  qElevationTop: 'height of the top of {a} above {floor}',
  qFootprintShare: 'share of the footprint of {a} within that of {b}',
  qBaseAboveBottom: 'height of the base of {a} above the bottom of {b}',
  qBaseBelowTop: 'height of the top of {b} above the base of {a}',
  qFootprintOver: 'share of the footprint of {a} over that of {b}',
  qBaseAboveTop: 'height of the base of {a} above the top of {b}',
  qEstimated: '{measure} of {a}, estimated {how}',
} as const satisfies Record<string, string>;

export type LabelKey = keyof typeof LABELS;

/** A label filled and capitalised. */
export function label(key: LabelKey, vars: Readonly<Record<string, string | number>>): string {
  return capitalise(fill(LABELS[key], vars));
}


/** An ordering's words, in the words of length when a width ordering was asked so ("the longest"). */
export function orderWords(by: OrderKey, long?: boolean): { key: string; descending: string; ascending: string } {
  return long && by === 'width' ? { key: 'length', descending: 'longest', ascending: 'least long' } : ORDER_WORDS[by];
}

export const ORDER_WORDS: Readonly<Record<OrderKey, { key: string; descending: string; ascending: string }>> = {
  height: { key: 'height', descending: 'tallest', ascending: 'shortest' },
  size: { key: 'size', descending: 'biggest', ascending: 'smallest' },
  width: { key: 'width', descending: 'widest', ascending: 'narrowest' },
  camera_distance: { key: 'distance from the camera', descending: 'farthest', ascending: 'closest' },
  elevation: { key: 'elevation', descending: 'highest', ascending: 'lowest' },
  lateral: { key: 'left-right position', descending: 'rightmost', ascending: 'leftmost' },
};

export const SHAPE_WORDS: Readonly<Record<TriangleShape, string>> = {
  equilateral: 'an equilateral',
  isosceles: 'an isosceles',
  right: 'a right',
};

export function pickTemplate(key: TemplateKey, seed: number): string {
  const list: readonly string[] = TEMPLATES[key];
  const i = ((Math.trunc(seed) % list.length) + list.length) % list.length;
  return list[i];
}

export function fill(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export const capitalise = (s: string): string => (s.length ? s[0].toUpperCase() + s.slice(1) : s);

/** "red chair" -> "the red chair"; "a cup" -> "the cup"; keeps "the ...". */
export function captionPhrase(caption: string): string {
  const c = caption.trim().replace(/\s+/g, ' ');
  if (/^the\s/i.test(c)) return 'the ' + c.slice(4);
  if (/^an?\s/i.test(c)) return 'the ' + c.replace(/^an?\s/i, '');
  return 'the ' + (c.length ? c[0].toLowerCase() + c.slice(1) : 'object');
}

/** Fills a picked template and capitalises the sentence. */
export function phrase(key: TemplateKey, seed: number, vars: Readonly<Record<string, string | number>>): string {
  return capitalise(fill(pickTemplate(key, seed), vars));
}

/**
 * The kind a set of captions shares, by their last word ("red chair", "blue chair" -> "chairs"), else the class they
 * all belong to ("car", "bus" -> "vehicles"), else "objects".
 */
export function kindNoun(captions: string[], n: number): string {
  const heads = new Set(captions.map((c) => c.trim().toLowerCase().split(/\s+/).pop() ?? ''));
  const head = heads.size === 1 ? [...heads][0] : '';
  const category = head ? null : categoryOfAll(captions);
  if (category) return n === 1 ? category.noun : category.plural;
  if (!head) return n === 1 ? 'object' : 'objects';
  return n === 1 || head.endsWith('s') ? head : `${head}${/(?:x|ch|sh)$/.test(head) ? 'es' : 's'}`;
}
