/**
 * The cue lexicon: words and phrases that choose a question's predicate, once the object mentions have been
 * taken out of the text (mentions.ts). Every entry is a regex source over normalised words, where a camera
 * reference reads "cam" ("closer to cam"). Tables are matched longest phrase first, so "farther left" wins
 * over "farther" and "right next to" over "right".
 *
 * Decisions worth knowing (DESIGN.md conventions):
 * - "long / length / longer" is the longest horizontal side, i.e. width; "how big / size / dimensions" of one
 *   object is its width too (the longest horizontal side is what people mean by "how big is the sofa").
 * - "closer / nearer" without a reference object is "in front" (closer to the camera); "farther" is "behind".
 * - "depth" compared between two objects is distance from the camera ("a greater depth" = farther back).
 * - "before / ahead of" read as "in front of".
 */
import type { OrderKey, Relation, SizeMeasure } from '../reason/query';

export type Table<T> = readonly (readonly [string, T])[];

const MORE = '(?:(?:a bit|slightly|much|a lot|far|somewhat|way|even|any) )?(?:more |farther |further )?';

/** Relations between two objects, as comparatives or prepositions. */
export const RELATION_CUES: Table<Relation> = [
  [`${MORE}(?:to the |on the |at the |toward the |towards the )?left(?: hand)?(?: side)?(?: of| than)?|leftward(?: of)?|more leftward|leftmost`, 'left'],
  [`${MORE}(?:to the |on the |at the |toward the |towards the )?right(?: hand)?(?: side)?(?: of| than)?|rightward(?: of)?|more rightward|rightmost`, 'right'],
  [`above|on top of|atop|over|${MORE}higher(?: up)?(?: than)?|up above|elevated above|more elevated(?: than)?|higher off the ground(?: than)?|on top|positioned higher|upper`, 'above'],
  [`below|beneath|under|underneath|${MORE}lower(?: down)?(?: than)?|down below|lower to the ground(?: than)?|closer to the (?:floor|ground)(?: than)?`, 'below'],
  [`behind|in back of|at the back(?: of)?|in the back|to the back|${MORE}(?:farther|further) (?:away|back|off|out|in|into the scene)(?: from cam)?(?: than)?|(?:farther|further) from cam(?: than)?|farther(?: than)?|more distant(?: from cam)?(?: than)?|deeper(?: in the scene| into the scene)?(?: than)?|in the background|far behind|come behind|comes behind|(?:farther|further|more) back(?:ward|wards)(?: than)?|backward(?:s)? of`, 'behind'],
  [`in front(?: of)?|at the front(?: of)?|in the front|${MORE}(?:closer|nearer)(?: to cam| cam)?(?: than)?|(?:farther|further|more) forward(?: than)?|in the foreground|before|ahead of|more in front(?: of)?|less (?:distant|far(?: away| back)?)(?: from cam)?(?: than)?`, 'front'],
  [`wider(?: than)?|broader(?: than)?|more wide|longer(?: than)?|more broad`, 'wider'],
  [`thinner(?: than)?|narrower(?: than)?|skinnier(?: than)?|slimmer(?: than)?|less wide(?: than)?|less broad|not as wide as`, 'thinner'],
  [`(?:take|takes|taking|occupy|occupies|fill|fills) (?:up )?more (?:space|room|area|volume)(?: than)?|bigger(?: in size)?(?: than)?|larger(?: in size)?(?: than)?|huger(?: than)?|more massive(?: than)?|greater in size(?: than)?|bulkier(?: than)?|more voluminous`, 'bigger'],
  [`(?:take|takes|taking|occupy|occupies|fill|fills) (?:up )?less (?:space|room|area|volume)(?: than)?|smaller(?: in size)?(?: than)?|tinier(?: than)?|littler(?: than)?|less big|not as big as|not as large as|more compact`, 'smaller'],
  [`taller(?: than)?|higher in height`, 'taller'],
  [`shorter(?: in height)?(?: than)?|less tall(?: than)?|not as tall as`, 'shorter'],
];

/** The relation a dimension noun gives a generic comparative ("a greater height" = taller). */
export const DIMENSION_RELATIONS: Record<string, [Relation, Relation]> = {
  height: ['taller', 'shorter'], tallness: ['taller', 'shorter'],
  width: ['wider', 'thinner'], breadth: ['wider', 'thinner'], length: ['wider', 'thinner'],
  size: ['bigger', 'smaller'], volume: ['bigger', 'smaller'], bulk: ['bigger', 'smaller'], footprint: ['bigger', 'smaller'],
  depth: ['behind', 'front'], elevation: ['above', 'below'], altitude: ['above', 'below'],
};
export const DIMENSION_NOUN = `(?:${Object.keys(DIMENSION_RELATIONS).join('|')})`;
/**
 * "Is A the same height as B", "are A and B equally wide": asked as the comparison, whose answer says "about the
 * same" inside the tie band and which is more otherwise.
 */
export const SAME_DIMENSIONS: Table<Relation> = [
  ['height|heights|tall|high|tallness', 'taller'],
  ['width|widths|wide|broad|breadth|length|lengths|long', 'wider'],
  ['size|sizes|big|large|volume', 'bigger'],
  ['distance from cam|distances from cam|far from cam|far away|depth', 'behind'],
];

/** Generic comparatives that take their meaning from a dimension noun, up or down. */
export const COMPARATIVE_UP = '(?:greater|larger|bigger|more|higher|longer|taller|wider|increased|superior)';
export const COMPARATIVE_DOWN = '(?:smaller|lesser|less|lower|shorter|narrower|reduced|inferior)';

/**
 * "is A next to B", "is A touching B": read as the distance between A and B (there is no yes/no nearness or
 * contact in Query). The distance answer says the gap between their closest surfaces, or that their boxes touch.
 */
export const NEAR_CUE = `(?:(?:right|directly|immediately|very|quite|really) )?(?:next to|near(?: to)?|close to|close by|beside|besides|adjacent(?: to)?|by the side of|alongside|neighboring|neighbouring|side by side with|touching|touches|touch|in contact(?: with)?|(?:make|makes|making|made|come|comes|coming) (?:into )?contact(?: with)?)`;

/** Distance words ("how far", "gap", "apart", "far from each other"). */
export const DISTANCE_CUE = `(?:height difference|difference in height|distance|distances|distant|far|apart|gap|space|spacing|separation|separated|separating|clearance|away|how close|how near|close together|close to each other|near each other|next to each other|from each other|from one another|room between)`;

/** Turns a distance into its horizontal or vertical part. */
export const AXIS_CUES: Table<'horizontal_distance' | 'vertical_distance'> = [
  ['horizontal|horizontally|along the (?:floor|ground)|across the (?:floor|ground)|on the (?:floor|ground) plane|laterally|sideways', 'horizontal_distance'],
  ['vertical|vertically|in height|height difference|difference in height|up and down', 'vertical_distance'],
];

/** Size of one object. */
export const DIMENSION_CUES: Table<SizeMeasure> = [
  ['tall|height|high|tallness|heights', 'height'],
  ['long|length|lengths', 'length'],
  ['wide|width|broad|breadth|big|large|size|dimensions|dimension|footprint|widths', 'width'],
  ['deep|depth|thick|thickness', 'depth'],
];

/** "how long has / did / ago": time, not length. */
export const NOT_A_DIMENSION = /\bhow long (?:has|have|had|did|does|do|will|would|ago|until|since|before|after|was it|is it|to|does it|for)\b|\bhow big (?:of a|a deal)\b|\bhow high (?:is the (?:price|cost|risk|chance)|are the)\b/;

/** Superlatives: key and whether the superlative names the top of a descending order. */
export const SUPERLATIVES: Table<{ by: OrderKey; descending: boolean }> = [
  ['tallest', { by: 'height', descending: true }],
  ['shortest|least tall', { by: 'height', descending: false }],
  ['biggest|largest|most massive|bulkiest', { by: 'size', descending: true }],
  ['smallest|tiniest|littlest', { by: 'size', descending: false }],
  ['widest|broadest|longest', { by: 'width', descending: true }],
  ['narrowest|thinnest|skinniest|slimmest', { by: 'width', descending: false }],
  ['highest(?: up)?|topmost|uppermost|most elevated', { by: 'elevation', descending: true }],
  ['lowest(?: down)?|bottommost|lowermost', { by: 'elevation', descending: false }],
  // "furthest to the left" is a position across the view, not a distance (the longer cue wins where both start)
  ['leftmost|left most|(?:farthest|furthest|most|far|farther|further)(?: to the| to)? left(?: side)?(?: of the row)?', { by: 'lateral', descending: false }],
  ['rightmost|right most|(?:farthest|furthest|most|far|farther|further)(?: to the| to)? right(?: side)?(?: of the row)?', { by: 'lateral', descending: true }],
  ['(?:closest|nearest)(?: to cam| cam)?|frontmost|foremost', { by: 'camera_distance', descending: false }],
  ['(?:farthest|most distant|furthest)(?: away)?(?: from cam)?|backmost|rearmost', { by: 'camera_distance', descending: true }],
];

/** "order ... by <key>" */
export const ORDER_KEYS: Table<OrderKey> = [
  ['height|tallness', 'height'],
  ['size|volume|overall size|bulk', 'size'],
  ['width|breadth|length', 'width'],
  ['distance from cam|distance to cam|distance|closeness to cam|closeness|depth|how far they are from cam|how far away they are|how close they are to cam|camera distance|cam distance', 'camera_distance'],
  ['elevation|height above the (?:floor|ground)|how high they are|vertical position|altitude', 'elevation'],
  ['left right position|position from left to right|horizontal position|position across the (?:view|image|photo|picture)|lateral position', 'lateral'],
];

/** Closest / farthest with a reference object ("what is nearest to the sofa"). */
export const EXTREME_CUE = `(?:(?:the )?(?:closest|nearest)|(?:the )?(?:farthest|furthest|most distant)|closer|nearer|farther|further|next to|right next to|directly next to|near|nearby|beside|adjacent to|neighboring)`;

export const TRIANGLE_SHAPES: Table<'equilateral' | 'isosceles' | 'right'> = [
  ['equilateral', 'equilateral'],
  ['isosceles', 'isosceles'],
  ['right(?: angled| angle)?|rightangled|right triangle', 'right'],
];

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
 * The regex of a table: every alternative, longest first, as one alternation (a regex takes the first
 * alternative that fits, so "height above the floor" must come before "height").
 */
export function alternation<T>(table: Table<T>): string {
  return table.flatMap(([p]) => topLevelAlternatives(p)).sort((a, b) => b.length - a.length).join('|');
}

/** Every non-overlapping cue of a table in `text`, longest match at each position, in order. */
export function findCues<T>(table: Table<T>, text: string): { value: T; text: string; start: number; end: number }[] {
  const found: { value: T; text: string; start: number; end: number }[] = [];
  for (const [src, value] of table) {
    const re = compiledGlobal(src);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      found.push({ value, text: m[0], start: m.index, end: m.index + m[0].length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: typeof found = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) {
      // a longer cue that starts inside the previous one replaces it only if it is strictly longer
      if (f.end - f.start > last.end - last.start && f.start === last.start) out[out.length - 1] = f;
      continue;
    }
    out.push(f);
  }
  return out;
}

/** The value of the first table entry that matches the whole text. */
export function lookupWhole<T>(table: Table<T>, text: string): T | undefined {
  for (const [src, v] of table) if (compiledWhole(src).test(text)) return v;
  return undefined;
}

const globalCache = new Map<string, RegExp>();
function compiledGlobal(src: string): RegExp {
  let re = globalCache.get(src);
  if (!re) {
    re = new RegExp(`(?<![a-z0-9])(?:${src})(?![a-z0-9])`, 'g');
    globalCache.set(src, re);
  }
  return re;
}

const wholeCache = new Map<string, RegExp>();
function compiledWhole(src: string): RegExp {
  let re = wholeCache.get(src);
  if (!re) {
    re = new RegExp(`^(?:${src})$`);
    wholeCache.set(src, re);
  }
  return re;
}

