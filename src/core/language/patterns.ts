/**
 * Question patterns over normalised text. Each turns a match into a draft query whose object slots still
 * hold noun phrases; parse.ts resolves them to ids. Order matters: the first pattern that matches wins, so
 * the specific ones ("how many feet between") come before the general ones ("is A ... B").
 */
import type { OrderKey, Query } from '../reason/query';
import {
  alt, CHOICE_PHRASES, DIFFERENCE_ADJECTIVES, DIFFERENCE_PREPOSITIONS, lookup, ORDER_KEYS, RELATION_PHRASES,
  SUPERLATIVES,
} from './phrases';

/** Stands for "every object in the scene" in a draft's object list. */
export const ALL_OBJECTS = '*all*';

/** Prefix of a draft entry that stands for every object of one kind ("which stool" -> every stool). */
export const KIND_PREFIX = '*kind*';

/** Words that name no kind of object in particular ("which object", "which vehicle"). */
const GENERIC_KINDS = new Set(['object', 'thing', 'item', 'one', 'vehicle', 'furniture', 'appliance', 'piece', 'of them', 'objects', 'things', 'items']);

export interface Pattern {
  name: string;
  re: RegExp;
  build: (g: Record<string, string>) => Query | null;
}

const R = (name: string) => `(?<${name}>.+?)`;
const BE = '(?:is|are|was|were|is not|are not)';
const PLACED = '(?:(?:located|positioned|situated|placed|sitting|standing|found|set|lying|kept|parked|hanging|mounted|leaning|resting|shown|placed|visible) )?';
const COMMA = '(?: ,)?';
const CAMERA = '(?:the camera|the viewer|me|us|the photographer|the lens)';
const THING = '(?: (?:object|thing|item|one))?';
const REL = alt(RELATION_PHRASES);
const CHOICE = alt(CHOICE_PHRASES);
const SUP = alt(SUPERLATIVES);
const KEY = alt(ORDER_KEYS);
const DIFF_ADJ = alt(DIFFERENCE_ADJECTIVES);
const DIFF_PREP = alt(DIFFERENCE_PREPOSITIONS);
const NEAR = '(?:next to|near to|near|close to|beside|adjacent to|by the side of|alongside|right next to)';
const SHAPE = '(?:equilateral|isosceles|right angled|right angle|rightangled|right)';
const STAND = '(?:stand|stood|am standing|are standing|was standing|were standing|is standing|were to stand|was|were|am|are|is|place myself|put myself)';
const WHERE = '(?:where|which direction|in which direction|what direction|in what direction|at what clock position|at what clock direction|what clock position|at what oclock|at what oclock position|what oclock)';

const isCamera = (p: string) => new RegExp(`^${CAMERA}$`).test(p) || /^camera$/.test(p);

/** "the lamp , the plant and the tv" -> three phrases. */
export function splitList(text: string): string[] {
  return text.split(/ , | and | or |^and |^or /).map((s) => s.replace(/^(?:and|or) /, '').trim()).filter((s) => s.length > 0 && s !== ',');
}

function relation(form: 'yesno' | 'choice', phrase: string, table: typeof RELATION_PHRASES, a: string, b: string): Query | null {
  const r = lookup(table, phrase);
  return r ? { type: 'relation', form, relation: r, a, b } : null;
}

function orderQuery(list: string[], sup: string): Query | null {
  const s = lookup(SUPERLATIVES, sup);
  if (!s) return null;
  if (list.length === 2) {
    // two objects: "which is tallest, A or B" is a plain comparison
    const comparative: Record<string, string> = {
      height: s.descending ? 'taller' : 'shorter', size: s.descending ? 'bigger' : 'smaller',
      width: s.descending ? 'wider' : 'thinner', elevation: s.descending ? 'above' : 'below',
      camera_distance: s.descending ? 'behind' : 'front',
    };
    return relation('choice', comparative[s.by], CHOICE_PHRASES, list[0], list[1]);
  }
  return list.length >= 3 ? { type: 'order', by: s.by, objects: list, descending: s.descending } : null;
}

/** "from tallest to shortest", "smallest first", "in ascending order", "from front to back". */
const DIR = `(?:from (?:the )?(?<first>${SUP}) to (?:the )?(?:${SUP})|(?:the )?(?<first2>${SUP}) first|in (?<ad>ascending|descending|increasing|decreasing) order|(?<ad2>ascending|descending))`;

function orderDirection(g: Record<string, string>): { first?: { by: OrderKey; descending: boolean }; descending?: boolean } {
  const first = g.first ?? g.first2;
  if (first) {
    const s = lookup(SUPERLATIVES, first);
    if (s) return { first: s, descending: s.descending };
  }
  const ad = g.ad ?? g.ad2;
  if (ad) return { descending: ad === 'descending' || ad === 'decreasing' };
  return {};
}

/** Without a stated direction: nearest first for camera distance, largest first for everything else. */
const DEFAULT_DESCENDING = (by: OrderKey) => by !== 'camera_distance';

export const PATTERNS: Pattern[] = [
  // ---- direction (clock position from one object, facing the camera)
  {
    name: 'direction-stand',
    re: new RegExp(`^if (?:i|you|we|one|someone|a person) ${STAND} (?:at|by|next to|beside|in front of|on|near|where) ${R('a')}${COMMA}(?: and)? (?:facing|looking at|looking toward|facing toward|turned toward|face) ${CAMERA}${COMMA} (?:then )?${WHERE} (?:is|are|would be|will be|would|be) ${R('b')}(?: be| located)?$`),
    build: (g) => ({ type: 'pair', measure: 'direction', a: g.a, b: g.b }),
  },
  {
    name: 'direction-from',
    re: new RegExp(`^(?:in |at )?(?:which|what) (?:direction|clock position|clock direction|clock hour|oclock position|oclock) (?:is|are) ${R('b')} (?:in )?(?:from|relative to|with respect to|as seen from|when viewed from) ${R('a')}$`),
    build: (g) => ({ type: 'pair', measure: 'direction', a: g.a, b: g.b }),
  },
  {
    name: 'direction-oclock',
    re: new RegExp(`^what oclock is ${R('b')} (?:from|relative to) ${R('a')}$`),
    build: (g) => ({ type: 'pair', measure: 'direction', a: g.a, b: g.b }),
  },
  {
    name: 'direction-where',
    re: new RegExp(`^where is ${R('b')} (?:relative to|with respect to|as seen from|from the point of view of|from the perspective of) ${R('a')}$`),
    build: (g) => ({ type: 'pair', measure: 'direction', a: g.a, b: g.b }),
  },
  // ---- triangle
  {
    name: 'triangle-form',
    re: new RegExp(`^(?:do|does|would|will|can|could) ${R('list')} (?:form|make|make up|create|constitute|span|define) (?:an? )?(?<shape>${SHAPE}) triangle$`),
    build: (g) => triangle(g.list, g.shape),
  },
  {
    name: 'triangle-is',
    re: new RegExp(`^(?:is|would) the triangle (?:formed|made|defined|spanned|created) by ${R('list')} (?:be )?(?:an? )?(?<shape>${SHAPE})(?: triangle)?$`),
    build: (g) => triangle(g.list, g.shape),
  },
  {
    name: 'triangle-arranged',
    re: new RegExp(`^(?:are|is) ${R('list')} (?:arranged |placed |positioned |laid out )?(?:in|as|at the corners of) an? (?<shape>${SHAPE}) triangle$`),
    build: (g) => triangle(g.list, g.shape),
  },
  // ---- between
  {
    name: 'between',
    re: new RegExp(`^(?:${BE}|does|do) ${R('a')} ${PLACED}(?:(?:lie|sit|stand|appear|lies|sits) )?(?:in )?between ${R('b')} and ${R('c')}$`),
    build: (g) => ({ type: 'between', a: g.a, b: g.b, c: g.c }),
  },
  // ---- counting
  {
    name: 'count',
    re: new RegExp(`^(?:how many|what number of|count the|count)(?: other)?(?: (?:objects|things|items))?(?: are there| are| is| lie| sit| can you see| do you see)?(?: there)? ${PLACED}(?<rel>${REL}) ${R('ref')}(?: are there| in the (?:scene|picture|photo|image|room))?$`),
    build: (g) => {
      const r = lookup(RELATION_PHRASES, g.rel);
      return r ? { type: 'count', relation: r, reference: g.ref } : null;
    },
  },
  // ---- orderings and extremes
  {
    name: 'order-by',
    re: new RegExp(`^(?:please )?(?:order|sort|rank|arrange|list|put) ${R('list')} (?:by|according to|in order of|in terms of|based on) (?:their )?(?<key>${KEY})(?:${COMMA} (?:${DIR}))?$`),
    build: (g) => {
      const by = lookup(ORDER_KEYS, g.key);
      if (!by) return null;
      const d = orderDirection(g);
      const list = splitList(g.list);
      return list.length >= 2 ? { type: 'order', by, objects: list, descending: d.descending ?? DEFAULT_DESCENDING(by) } : null;
    },
  },
  {
    name: 'order-dir',
    re: new RegExp(`^(?:please )?(?:order|sort|rank|arrange|list|put) ${R('list')}${COMMA} ${DIR}$`),
    build: (g) => {
      const d = orderDirection(g);
      const list = splitList(g.list);
      if (!d.first || list.length < 2) return null;
      const s = lookup(SUPERLATIVES, g.first ?? g.first2);
      return s ? { type: 'order', by: s.by, objects: list, descending: s.descending } : null;
    },
  },
  {
    name: 'extreme-among',
    re: new RegExp(`^which(?: one)? (?:of|among) ${R('list')} is (?:the )?(?<w>closest|nearest|farthest|most distant|closer|nearer|farther)(?: away)? (?:to|from) ${R('to')}$`),
    build: (g) => extremeAmong(g.w, g.to, splitList(g.list)),
  },
  {
    name: 'extreme-among-after',
    re: new RegExp(`^which${THING} is (?:the )?(?<w>closest|nearest|farthest|most distant|closer|nearer|farther)(?: away)? (?:to|from) ${R('to')} , ${R('list')}$`),
    build: (g) => extremeAmong(g.w, g.to, splitList(g.list)),
  },
  {
    name: 'extreme-among-first',
    re: new RegExp(`^(?:among|of|out of|from) ${R('list')} , which(?: one)? is (?:the )?(?<w>closest|nearest|farthest|most distant|closer|nearer|farther)(?: away)? (?:to|from) ${R('to')}$`),
    build: (g) => extremeAmong(g.w, g.to, splitList(g.list)),
  },
  {
    name: 'extreme-among-is',
    re: new RegExp(`^is ${R('x')} or ${R('y')} (?<w>closer|nearer|farther)(?: away)? (?:to|from) ${R('to')}$`),
    build: (g) => extremeAmong(g.w, g.to, [g.x, g.y]),
  },
  {
    name: 'superlative-of',
    re: new RegExp(`^which(?: one| object| thing)? (?:of|among|out of) ${R('list')} is (?:the )?(?<sup>${SUP})${THING}$`),
    build: (g) => orderQuery(splitList(g.list), g.sup),
  },
  {
    name: 'superlative-first',
    re: new RegExp(`^(?:which|what)${THING} is (?:the )?(?<sup>${SUP})${THING}(?: ,| of| among| out of| between)? ${R('list')}$`),
    build: (g) => {
      const list = splitList(g.list);
      return list.length >= 2 ? orderQuery(list, g.sup) : null;
    },
  },
  {
    name: 'superlative-all',
    re: new RegExp(`^(?:what|which)(?: object| thing| item)? is (?:the )?(?<sup>${SUP})(?: (?:object|thing|item))?(?: (?:in|of) the (?:scene|picture|photo|image|room))?$`),
    build: (g) => {
      const s = lookup(SUPERLATIVES, g.sup);
      return s ? { type: 'order', by: s.by, objects: [ALL_OBJECTS], descending: s.descending } : null;
    },
  },
  {
    name: 'extreme',
    re: new RegExp(`^(?:what|which)(?: object| thing| item)? is (?:the )?(?<w>closest|nearest|farthest|most distant)(?: (?:object|thing|item))?(?: away)?(?: to| from)? ${R('to')}$`),
    build: (g) => extremeAmong(g.w, g.to, []),
  },
  {
    name: 'extreme-kind',
    re: new RegExp(`^which (?<kind>[a-z]+(?: [a-z]+)?) (?:is|are) (?:the )?(?<w>closest|nearest|farthest|most distant|closer|nearer|farther)(?: away)? (?:to|from) ${R('to')}$`),
    build: (g) => {
      if (GENERIC_KINDS.has(g.kind)) return extremeAmong(g.w, g.to, []);
      return extremeAmong(g.w, g.to, [KIND_PREFIX + g.kind]);
    },
  },
  {
    name: 'extreme-next-to',
    re: new RegExp(`^(?:what|which)(?: object| thing| item)? is ${NEAR} ${R('to')}$`),
    build: (g) => (isCamera(g.to) ? null : { type: 'extreme', which: 'closest', to: g.to }),
  },
  // ---- how much more left / above / behind
  {
    name: 'difference-adj',
    re: new RegExp(`^(?:how (?:much|far)|by how much) (?<adj>${DIFF_ADJ})(?: up| down)? (?:is|are) ${R('a')} than ${R('b')}$`),
    build: (g) => difference(g.adj, g.a, g.b),
  },
  {
    name: 'difference-adj-after',
    re: new RegExp(`^(?:how (?:much|far)|by how much) (?:is|are) ${R('a')} (?<adj>${DIFF_ADJ})(?: up| down)? than ${R('b')}$`),
    build: (g) => difference(g.adj, g.a, g.b),
  },
  {
    name: 'difference-prep',
    re: new RegExp(`^how (?:much|far)(?: more| farther)? (?<prep>${DIFF_PREP}) ${R('b')} (?:is|are) ${R('a')}$`),
    build: (g) => {
      const d = lookup(DIFFERENCE_PREPOSITIONS, g.prep);
      return d ? { type: 'pair', measure: d.measure, a: d.swap ? g.b : g.a, b: d.swap ? g.a : g.b } : null;
    },
  },
  {
    name: 'difference-prep-after',
    re: new RegExp(`^how (?:much|far) (?:is|are) ${R('a')} (?<prep>${DIFF_PREP}) ${R('b')}$`),
    build: (g) => {
      const d = lookup(DIFFERENCE_PREPOSITIONS, g.prep);
      return d ? { type: 'pair', measure: d.measure, a: d.swap ? g.b : g.a, b: d.swap ? g.a : g.b } : null;
    },
  },
  // ---- size of one object
  {
    name: 'size-how',
    re: new RegExp(`^how (?<adj>tall|high|wide|deep|long|broad) (?:is|are) ${R('a')}$`),
    build: (g) => sizeQuery(g.adj, g.a),
  },
  {
    name: 'size-how-embedded',
    re: new RegExp(`^how (?<adj>tall|high|wide|deep|long|broad) ${R('a')} (?:is|are)$`),
    build: (g) => sizeQuery(g.adj, g.a),
  },
  {
    name: 'size-of',
    re: new RegExp(`^(?:what is |what are |tell me |give me )?(?:the )?(?:total |overall )?(?<adj>height|width|depth|length|breadth) of ${R('a')}$`),
    build: (g) => sizeQuery(g.adj, g.a),
  },
  {
    name: 'size-what',
    re: new RegExp(`^what (?<adj>height|width|depth|length) is ${R('a')}$`),
    build: (g) => sizeQuery(g.adj, g.a),
  },
  {
    name: 'size-possessive',
    re: new RegExp(`^(?:what is |tell me )${R('a')} (?<adj>height|width|depth|length)$`),
    build: (g) => sizeQuery(g.adj, g.a),
  },
  // ---- distance between two objects
  {
    name: 'distance-noun',
    re: new RegExp(`^(?:what is |tell me |give me |find |measure )?(?:the )?(?:distance|gap|separation|spacing|space|clearance|room)(?: that)?(?: there is)?(?: between| from)? ${R('a')} (?:and|to) ${R('b')}$`),
    build: (g) => ({ type: 'pair', measure: 'distance', a: g.a, b: g.b }),
  },
  {
    name: 'distance-noun-after',
    re: new RegExp(`^(?:what is )?(?:the )?${R('a')} (?:to|and) ${R('b')} (?:distance|gap|separation)$`),
    build: (g) => ({ type: 'pair', measure: 'distance', a: g.a, b: g.b }),
  },
  {
    name: 'distance-noun-plural',
    re: new RegExp(`^(?:what is |tell me )?(?:the )?(?:distance|gap|separation|spacing) between ${R('a')}$`),
    build: (g) => ({ type: 'pair', measure: 'distance', a: g.a, b: g.a }),
  },
  {
    name: 'distance-are-apart',
    re: new RegExp(`^(?:are|is) ${R('a')} and ${R('b')} (?:far apart|far from each other|close together|close to each other|near each other|next to each other|apart)$`),
    build: (g) => ({ type: 'pair', measure: 'distance', a: g.a, b: g.b }),
  },
  {
    name: 'distance-apart',
    re: new RegExp(`^how (?:far|much) apart (?:are|is) ${R('a')} and ${R('b')}$`),
    build: (g) => ({ type: 'pair', measure: 'distance', a: g.a, b: g.b }),
  },
  {
    name: 'distance-apart-embedded',
    re: new RegExp(`^how far apart ${R('a')} and ${R('b')} are$`),
    build: (g) => ({ type: 'pair', measure: 'distance', a: g.a, b: g.b }),
  },
  {
    name: 'distance-apart-plural',
    re: new RegExp(`^how far apart (?:are|is) ${R('a')}$`),
    build: (g) => ({ type: 'pair', measure: 'distance', a: g.a, b: g.a }),
  },
  {
    name: 'distance-from-to',
    re: new RegExp(`^(?:how far|how much distance)(?: is it| is there| is there| do i walk| would i walk)? (?:between|from) ${R('a')} (?:and|to) ${R('b')}$`),
    build: (g) => ({ type: 'pair', measure: 'distance', a: g.a, b: g.b }),
  },
  {
    name: 'distance-how-far',
    re: new RegExp(`^how (?:far|close|near) (?:away )?(?:is|are) ${R('a')} (?:away )?(?:from|to) ${R('b')}$`),
    build: (g) => (isCamera(g.b) ? null : { type: 'pair', measure: 'distance', a: g.a, b: g.b }),
  },
  {
    name: 'distance-how-far-embedded',
    re: new RegExp(`^how (?:far|close|near) (?:away )?${R('a')} (?:is|are) (?:away )?(?:from|to) ${R('b')}$`),
    build: (g) => (isCamera(g.b) ? null : { type: 'pair', measure: 'distance', a: g.a, b: g.b }),
  },
  {
    name: 'distance-next-to',
    re: new RegExp(`^(?:${BE}|does|do) ${R('a')} ${PLACED}(?:(?:sit|stand|lie|appear to be|seem to be) )?${NEAR} ${R('b')}$`),
    build: (g) => ({ type: 'pair', measure: 'distance', a: g.a, b: g.b }),
  },
  // ---- comparisons: which of two
  {
    name: 'choice-which-first',
    re: new RegExp(`^which${THING} is (?:the )?(?<adj>${CHOICE})(?: one)?${COMMA} ${R('a')} or ${R('b')}$`),
    build: (g) => relation('choice', g.adj, CHOICE_PHRASES, g.a, g.b),
  },
  {
    name: 'choice-which-of',
    re: new RegExp(`^which(?: one)? (?:of|out of|between) ${R('a')} (?:and|or) ${R('b')} is (?:the )?(?<adj>${CHOICE})(?: one)?$`),
    build: (g) => relation('choice', g.adj, CHOICE_PHRASES, g.a, g.b),
  },
  {
    name: 'choice-between-which',
    re: new RegExp(`^(?:between|of|out of) ${R('a')} (?:and|or) ${R('b')}${COMMA} which(?: one)? is (?:the )?(?<adj>${CHOICE})(?: one)?$`),
    build: (g) => relation('choice', g.adj, CHOICE_PHRASES, g.a, g.b),
  },
  {
    name: 'choice-is-or',
    re: new RegExp(`^(?:is|are) ${R('a')} or ${R('b')} (?<adj>${CHOICE})$`),
    build: (g) => relation('choice', g.adj, CHOICE_PHRASES, g.a, g.b),
  },
  // ---- yes/no relations
  {
    name: 'relation-is',
    re: new RegExp(`^${BE} ${R('a')} ${PLACED}(?<rel>${REL}) ${R('b')}$`),
    build: (g) => relation('yesno', g.rel, RELATION_PHRASES, g.a, g.b),
  },
  {
    name: 'relation-does',
    re: new RegExp(`^(?:does|do|did) ${R('a')} (?:sit|stand|appear|lie|seem|appear to be|seem to be|stand out|rise|extend|reach) (?:to be )?(?<rel>${REL}) ${R('b')}$`),
    build: (g) => relation('yesno', g.rel, RELATION_PHRASES, g.a, g.b),
  },
  {
    name: 'relation-statement-tag',
    re: new RegExp(`^${R('a')} (?:is|are) ${PLACED}(?<rel>${REL}) ${R('b')}${COMMA} (?:right|correct|true|yes or no)$`),
    build: (g) => relation('yesno', g.rel, RELATION_PHRASES, g.a, g.b),
  },
  {
    // what is left of "is it true that A is wider than B" once the wrapper is gone
    name: 'relation-statement',
    re: new RegExp(`^${R('a')} (?:is|are) ${PLACED}(?<rel>${REL}) ${R('b')}$`),
    build: (g) => relation('yesno', g.rel, RELATION_PHRASES, g.a, g.b),
  },
];

function triangle(listText: string, shapeText: string): Query | null {
  const list = splitList(listText);
  if (list.length !== 3) return null;
  const shape = shapeText === 'equilateral' ? 'equilateral' : shapeText === 'isosceles' ? 'isosceles' : 'right';
  return { type: 'triangle', shape, objects: [list[0], list[1], list[2]] };
}

function extremeAmong(word: string, to: string, among: string[]): Query | null {
  const which = /clos|near/.test(word) ? 'closest' : 'farthest';
  if (isCamera(to)) {
    // nearest to the camera is an ordering by camera distance, of the named objects or of all of them
    if (among.length === 2) return relation('choice', which === 'closest' ? 'front' : 'behind', CHOICE_PHRASES, among[0], among[1]);
    return { type: 'order', by: 'camera_distance', objects: among.length > 0 ? among : [ALL_OBJECTS], descending: which === 'farthest' };
  }
  return among.length > 0 ? { type: 'extreme', which, to, among } : { type: 'extreme', which, to };
}

function difference(adj: string, a: string, b: string): Query | null {
  const d = lookup(DIFFERENCE_ADJECTIVES, adj);
  return d ? { type: 'pair', measure: d.measure, a: d.swap ? b : a, b: d.swap ? a : b } : null;
}

function sizeQuery(word: string, a: string): Query | null {
  const measure = /tall|high|height/.test(word) ? 'height' : /wide|broad|width|breadth/.test(word) ? 'width' : 'depth';
  return { type: 'size', measure, a };
}
