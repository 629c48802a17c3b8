/**
 * The contract between question parsing (text -> Query) and the reasoning engine (Query x Scene -> Answer).
 * Referents are object ids of the scene once resolved.
 */
import type { UnitRequest } from '../units/length';

/** Qualitative relations, each askable as yes/no ("is A left of B?") or as a choice ("which is more left?"). */
/** A side of the picture, as the camera took it. */
export type ImageSide = 'left' | 'right';

export type Relation =
  | 'left'
  | 'right'
  | 'above'
  | 'below'
  | 'behind'
  | 'front'
  | 'wider'
  | 'thinner'
  | 'bigger'
  | 'smaller'
  | 'taller'
  | 'shorter';

export const RELATIONS: readonly Relation[] = [
  'left', 'right', 'above', 'below', 'behind', 'front',
  'wider', 'thinner', 'bigger', 'smaller', 'taller', 'shorter',
];

/** Quantities between two objects. */
export type PairMeasure =
  | 'distance'
  | 'horizontal_distance'
  | 'vertical_distance'
  | 'direction'
  | 'how_much_left'
  | 'how_much_above'
  | 'how_much_behind'
  /** "how much taller / wider is A than B": the difference of two extents, signed like the positions' */
  | 'how_much_taller'
  | 'how_much_wider';

/** Quantities of one object. `length` is the width (the longer horizontal side), worded as "long". */
export type SizeMeasure = 'width' | 'height' | 'depth' | 'length';

/** What an ordering or an extreme is measured by. */
/** `lateral` is the position across the view, left to right (descending: rightmost first). */
export type OrderKey = 'height' | 'size' | 'width' | 'camera_distance' | 'elevation' | 'lateral';

/** A length a measure is compared with ("is the sofa taller than 1 m?"): yes when the measure is on `op`'s side. */
export interface Threshold {
  op: 'above' | 'below';
  metres: number;
}

/** Sides of a person, as a facing question names them ("is it to my left, right, or behind me?"). */
export type FacingSide = 'left' | 'right' | 'ahead' | 'behind';

export type TriangleShape = 'equilateral' | 'isosceles' | 'right';

/** Unit a person asked for (its words live with the units, core/units/length.ts); `undefined` means the display preference. */
export type { UnitRequest } from '../units/length';

/**
 * `long` on a comparison, a how-much or an ordering of widths: asked of the longer horizontal side as its length
 * ("is the bus longer than the car?", "which is the longest?"); the same measure (DESIGN.md: length is the width),
 * answered in the words it was asked in.
 */
export type Query =
  /**
   * whether `a` stands in `relation` to `b` (yes / no), or which of the two is more so (choice); `either`: asked
   * with both alternatives ("is A left or right of B?"), answered with the one that holds, not yes or no
   */
  | { type: 'relation'; form: 'yesno' | 'choice'; relation: Relation; a: string; b: string; either?: boolean; long?: true }
  /** `threshold`: asked against a length ("is A more than 2 m from B?"); not for the direction */
  | { type: 'pair'; measure: PairMeasure; a: string; b: string; threshold?: Threshold; long?: true }
  | { type: 'size'; measure: SizeMeasure; a: string; threshold?: Threshold }
  | { type: 'extreme'; which: 'closest' | 'farthest'; to: string; among?: string[] }
  /**
   * `top`: a superlative ("which is the tallest?"): the answer leads with the first of the order; `claim`: asked of
   * one object ("is the lamp the tallest object?"), answered yes or no
   */
  | { type: 'order'; by: OrderKey; objects: string[]; descending: boolean; top?: true; claim?: string; long?: true }
  | { type: 'between'; a: string; b: string; c: string }
  /** where `a` is relative to `b` as the camera sees it ("where is the sofa in relation to the tv?"): each axis and the distance */
  | { type: 'place'; a: string; b: string }
  /**
   * where `target` is for someone standing at `at` and facing `toward` ("if I stand by the sofa facing the tv, is
   * the lamp to my left?"); `ask` is the side a yes/no question names
   */
  | { type: 'facing'; at: string; toward: string; target: string; ask?: FacingSide }
  /** whether `a` is in `b` ("is the apple in the bowl?", "is the person inside the bus?") */
  | { type: 'contain'; a: string; b: string }
  /** whether `a` rests on `b` ("is the cup on the table?") */
  | { type: 'support'; a: string; b: string }
  /** which objects are in or on a reference ("what is on the table?"), nearest first */
  | { type: 'placed'; how: 'in' | 'on'; reference: string }
  | { type: 'triangle'; shape: TriangleShape; objects: [string, string, string] }
  /**
   * how many objects (of one kind, `among`, when the question names one) stand in a relation to a reference;
   * asked yes or no, whether any does ("is there a chair left of the tv?") or all do ("are the chairs shorter?")
   */
  | { type: 'count'; relation: Relation; reference: string; among?: string[]; ask?: 'any' | 'all' }
  /** how far an object is from the camera ("how far is the sofa from me?") */
  | { type: 'range'; a: string; threshold?: Threshold }
  /** all three extents of an object and the room it takes up ("what are the dimensions of the sofa?") */
  | { type: 'dimensions'; a: string }
  /** how high an object's bottom is above the floor ("how high off the ground is the shelf?") */
  | { type: 'elevation'; a: string; threshold?: Threshold }
  /** how many objects of one kind the scene holds ("how many chairs are there?"): the objects of that kind */
  | { type: 'tally'; objects: string[] }
  /** which objects stand between two others ("what is between the sofa and the tv?"), nearest the middle first */
  | { type: 'inBetween'; b: string; c: string }
  /** how high the camera was above the floor ("how high is the camera?", "at what height was the photo taken?") */
  | { type: 'cameraHeight' }
  /** which side of the picture an object is on ("on which side of the image is the sofa?"), or whether it is on one */
  | { type: 'side'; a: string; ask?: ImageSide }
  /** which objects stand in a relation to a reference ("what is behind the coffee table?"), nearest first */
  | { type: 'find'; relation: Relation; reference: string };

/** The object ids a query names, in query order. */
export function queryObjectIds(q: Query): string[] {
  switch (q.type) {
    case 'relation':
    case 'pair':
    case 'contain':
    case 'support':
    case 'place':
      return [q.a, q.b];
    case 'facing':
      return [q.at, q.toward, q.target];
    case 'size':
      return [q.a];
    case 'extreme':
      return [q.to, ...(q.among ?? [])];
    case 'order':
      return q.claim !== undefined ? [...q.objects, q.claim] : [...q.objects];
    case 'between':
      return [q.a, q.b, q.c];
    case 'triangle':
      return [...q.objects];
    case 'count':
      return [q.reference, ...(q.among ?? [])];
    case 'find':
    case 'placed':
      return [q.reference];
    case 'inBetween':
      return [q.b, q.c];
    case 'cameraHeight':
      return [];
    case 'range':
    case 'elevation':
    case 'dimensions':
    case 'side':
      return [q.a];
    case 'tally':
      return [...q.objects];
  }
}

/**
 * The query with every object id passed through `f` (a clarification swaps one id for the chosen one); ids in a
 * list (an ordering, a tally, a superlative's candidates) go through `many`, which may stand one slot for several.
 */
export function mapQueryIds(q: Query, f: (id: string) => string, many: (id: string) => string[] = (id) => [f(id)]): Query {
  switch (q.type) {
    case 'relation':
    case 'pair':
    case 'contain':
    case 'support':
    case 'place':
      return { ...q, a: f(q.a), b: f(q.b) };
    case 'facing':
      return { ...q, at: f(q.at), toward: f(q.toward), target: f(q.target) };
    case 'size':
    case 'range':
    case 'elevation':
    case 'dimensions':
    case 'side':
      return { ...q, a: f(q.a) };
    case 'extreme':
      return q.among ? { ...q, to: f(q.to), among: q.among.flatMap(many) } : { ...q, to: f(q.to) };
    case 'order':
      return q.claim !== undefined ? { ...q, objects: q.objects.flatMap(many), claim: f(q.claim) } : { ...q, objects: q.objects.flatMap(many) };
    case 'tally':
      return { ...q, objects: q.objects.flatMap(many) };
    case 'between':
      return { ...q, a: f(q.a), b: f(q.b), c: f(q.c) };
    case 'triangle':
      return { ...q, objects: [f(q.objects[0]), f(q.objects[1]), f(q.objects[2])] };
    case 'count':
      return q.among ? { ...q, reference: f(q.reference), among: q.among.flatMap(many) } : { ...q, reference: f(q.reference) };
    case 'find':
    case 'placed':
      return { ...q, reference: f(q.reference) };
    case 'inBetween':
      return { ...q, b: f(q.b), c: f(q.c) };
    case 'cameraHeight':
      return q;
  }
}

/** A query with the unit the person asked for. */
export interface ParsedQuestion {
  query: Query;
  unit?: UnitRequest;
}

/** The parser's outcome for one question text. */
export type ParseResult =
  | { status: 'ok'; parsed: ParsedQuestion; text: string }
  /** A phrase matched several objects equally well: ask which one. */
  | { status: 'clarify'; text: string; phrase: string; candidates: string[]; partial: Omit<ParseResult, never> | null }
  /** A phrase names nothing in the scene: say so, name what is there; the model layer may ground `phrase`. */
  | { status: 'unresolved'; text: string; phrases: string[]; known: string[] }
  /**
   * Not a spatial question we can template: goes to the small VLM. Where the parser understood a spatial
   * question it cannot measure ("where is the lamp?"), `understood` says what it read and `suggestion` is the
   * closest question it can answer, to offer before the VLM.
   */
  | { status: 'free-form'; text: string; understood?: string; suggestion?: Query };
