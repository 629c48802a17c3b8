/**
 * What every question reader works with: the skeleton's slots ("obj0" for the first object mentioned, "cam" for
 * the camera), cue lookups compiled once, the relation a skeleton names and the object it is measured against,
 * and the two kinds of reading (a query, or a question understood that no measurement answers).
 */
import type { Query, Relation } from '../reason/query';
import { COMPARATIVE_DOWN, COMPARATIVE_UP, DIMENSION_NOUN, DIMENSION_RELATIONS, RELATION_CUES, findCues, type Table } from './cues';

/** Stands for "every object in the scene" in a draft's object list. */
export const ALL_OBJECTS = '*all*';
/** Prefix of a draft slot that stands for every object of one mention's kind ("which stool" -> both stools). */
export const KIND_PREFIX = '*kind*';

export type Reading =
  | { kind: 'query'; query: Query; form: string; cues: string[] }
  /** A spatial question we understood but cannot measure: what we understood, a nearby question we can. */
  | { kind: 'understood'; note: string; suggestion?: Query; slots: string[]; cues: string[] };

export const OBJ = 'obj\\d+';
export const SLOT = `(?:${OBJ}|cam)`;
export const POSITIONAL: ReadonlySet<Relation> = new Set(['left', 'right', 'above', 'below', 'behind', 'front']);

export interface Ctx {
  s: string;
  /** distinct object slots in order of first appearance */
  slots: string[];
  cam: boolean;
  wh: string | null;
  yesNo: boolean;
  /** slots whose mention is plural or counted ("the two chairs", "the stools") */
  plural: ReadonlySet<string>;
}

/** Cue regexes, compiled once each: their sources are the cue tables and slot names, a bounded set. */
export const reCache = new Map<string, RegExp>();
export const re = (src: string): RegExp => {
  let r = reCache.get(src);
  if (!r) {
    r = new RegExp(`(?<![a-z0-9])(?:${src})(?![a-z0-9])`);
    reCache.set(src, r);
  }
  return r;
};
export const has = (s: string, src: string) => re(src).test(s);

export function slotsOf(s: string): string[] {
  return [...new Set(s.match(/obj\d+/g) ?? [])];
}

/** First object slot after a character position. */
export function slotAfter(s: string, pos: number): string | null {
  const m = /obj\d+/.exec(s.slice(pos));
  return m ? m[0] : null;
}

/** The slot a comparison is made against: "than B", "compared to B", else the first one after the cue. */
export function referenceOf(s: string, cueEnd: number): string | null {
  const m = re(`(?:than|compared to|compared with|in comparison (?:to|with)|relative to|versus|vs|as against|as opposed to)(?: (?:that|those|the one|the ones) of)?(?: (?:the|a))? (${OBJ})`).exec(s);
  return m ? m[1] : slotAfter(s, cueEnd);
}

export function firstCue<T>(table: Table<T>, s: string): { value: T; text: string; start: number; end: number } | null {
  return findCues(table, s)[0] ?? null;
}

/** A comparative that takes its meaning from a dimension noun: "a greater height", "bigger in terms of width". */
export function dimensionComparative(s: string): { rel: Relation; text: string } | null {
  const up = re(`(${COMPARATIVE_UP})(?: [a-z0-9]+){0,6}? (${DIMENSION_NOUN})|(${DIMENSION_NOUN})(?: [a-z0-9]+){0,6}? (${COMPARATIVE_UP})`).exec(s);
  const down = re(`(${COMPARATIVE_DOWN})(?: [a-z0-9]+){0,6}? (${DIMENSION_NOUN})|(${DIMENSION_NOUN})(?: [a-z0-9]+){0,6}? (${COMPARATIVE_DOWN})`).exec(s);
  const m = up && down ? (up.index <= down.index ? up : down) : up ?? down;
  if (!m) return null;
  const dim = m[2] ?? m[3];
  const pair = DIMENSION_RELATIONS[dim];
  if (!pair) return null;
  return { rel: m === up ? pair[0] : pair[1], text: m[0] };
}

/** The relation a question compares by, with the words that chose it. */
export function relationIn(s: string): { rel: Relation; text: string; start: number; end: number } | null {
  const dim = dimensionComparative(s);
  const cue = firstCue(RELATION_CUES, s);
  if (dim && (!cue || !POSITIONAL.has(cue.value) || /\b(?:height|elevation|depth)\b/.test(dim.text))) {
    const start = s.indexOf(dim.text);
    return { rel: dim.rel, text: dim.text, start, end: start + dim.text.length };
  }
  if (!cue) return null;
  // "not as tall as", "less wide": the cue table holds the inverse already; "is not taller" stays a yes/no
  return { rel: cue.value, text: cue.text, start: cue.start, end: cue.end };
}

export function q(query: Query, form: string, ...cues: (string | undefined | null)[]): Reading {
  return { kind: 'query', query, form, cues: cues.filter((c): c is string => !!c) };
}

export function understood(note: string, slots: string[], cues: string[], suggestion?: Query): Reading {
  return suggestion ? { kind: 'understood', note, slots, cues, suggestion } : { kind: 'understood', note, slots, cues };
}
