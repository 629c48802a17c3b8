/**
 * parseQuestion: free text -> a templated Query with object ids, or the reason it cannot be one
 * (ambiguous referent, object not in the scene, not a spatial question). readQuestion returns the same with
 * its explanation: which words chose the predicate, which the objects, what was set aside as a frame.
 *
 * The parser is mention-first:
 * 1. normalise (case, contractions, British spellings, typos: normalize.ts) and take out the unit (units.ts);
 * 2. take out context clauses and wrappers ("from the image's perspective", "could you", frames.ts);
 * 3. find the object mentions against the scene's captions (mentions.ts) and replace them by slots;
 * 4. read predicate and form from the cue words left (read.ts, cues.ts);
 * 5. resolve the slots to object ids (referents.ts).
 *
 * Decisions worth knowing (kept from the pattern parser this replaces):
 * - "is A next to / near / close to B" has no yes/no form in Query: it is the distance between A and B.
 * - "what is next to A" is the object closest to A.
 * - "closest to / farthest from the camera" orders by camera distance (of the named objects, or of every
 *   object); with exactly two named objects it is the choice "in front" / "behind".
 * - "which is tallest, A or B" (a superlative over two) is the comparison "which is taller".
 * - "how long is A" / "the length of A" is its longest horizontal side (width); "how high is A" its height.
 * - "how much lower is A than B" is how_much_above(B, A); likewise right -> left and closer -> behind.
 * - Orderings without a direction: camera distance nearest first, everything else largest first.
 * - "is A on the left or the right of B" is read as "is A left of B": the answer names the side it is on.
 */
import { mapQueryIds, queryObjectIds, type ParseResult, type ParsedQuestion, type Query, type Threshold, type UnitRequest } from '../reason/query';
import { findMentions, indexScene, type Mention, type MentionKind } from './mentions';
import { CATEGORIES, ofCategory, type Category } from '../scene/categories';
import { normalizeQuestion, objectWords, singular } from './normalize';
import { ALL_OBJECTS, EXISTENCE, KIND_PREFIX, readSkeleton, withThresholdDraft, type Reading } from './read';
import { extractThreshold } from './thresholds';
import { knownCaptions, resolveKind, resolveReferent, type Resolution, type SceneLike } from './referents';
import { takeFrames } from './frames';
import { extractUnit } from './units';

export { ALL_OBJECTS, KIND_PREFIX };

/** How a question was read, for "why" and for debugging. */
export interface Explanation {
  /** the question after normalisation */
  normalized: string;
  /** context clauses, wrappers and tags set aside */
  frame: string[];
  unit?: UnitRequest;
  /** a length the measure is compared with ("taller than 1 m") */
  threshold?: Threshold;
  /** object mentions in order, and how each was read */
  mentions: { text: string; as: MentionKind }[];
  /** the question with mentions as slots (obj0, obj1, cam) */
  skeleton: string;
  /** yes/no, choice, either-or, quantity, candidate list, count, order, ... */
  form?: string;
  /** the words that chose the predicate */
  cues: string[];
  /** what was understood of a question that cannot be measured */
  understood?: string;
}

export interface QuestionReading {
  result: ParseResult;
  explanation: Explanation;
}

/** Parse a question about a scene (a SceneGraph or anything with its objects' ids, captions and boxes). */
export function parseQuestion(text: string, scene: SceneLike): ParseResult {
  return readQuestion(text, scene).result;
}

/** Parse a question and say how it was read. */
export function readQuestion(text: string, scene: SceneLike): QuestionReading {
  const words = scene.objects.flatMap((o) => objectWords(o.caption, o.attributes));
  // the raw text keeps decimals; the normalised one has its typos mended ("talller than 2 m")
  const raw = extractThreshold(text);
  const mended = raw.threshold || !/\d/.test(text) ? null : normalizeQuestion(text, words);
  const second = mended === null ? null : extractThreshold(mended);
  const compared = second?.threshold ? second : raw;
  // a question normalised to look for a length is not normalised again when none was found
  const normalized = mended !== null && !second?.threshold ? mended : normalizeQuestion(compared.text, words);
  const { text: noUnit, unit: asked } = extractUnit(normalized);
  // "is it taller than 3 feet" answers in feet unless another unit is asked for
  const unit = asked ?? compared.unit;
  const index = indexScene(scene);
  const framed = takeFrames(noUnit, (rest) => findMentions(rest.split(' '), index).length > 0);
  const tokens = framed.text.split(' ').filter((t) => t.length > 0);
  const mentions = findMentions(tokens, index);
  const { skeleton, slotMention } = skeletonOf(tokens, mentions);
  const explanation: Explanation = {
    normalized, frame: framed.dropped, mentions: mentions.map((m) => ({ text: m.text, as: m.kind })), skeleton, cues: [],
    ...(unit ? { unit } : {}),
    ...(compared.threshold ? { threshold: compared.threshold } : {}),
  };
  const plural = new Set([...slotMention].filter(([, m]) => isPlural(m.text)).map(([slot]) => slot));
  const reading = readSkeleton(skeleton, framed.yesNo, plural);
  if (!reading) return { result: { status: 'free-form', text }, explanation };
  explanation.cues = reading.cues;
  const resolver = new Resolver(scene, slotMention);
  if (reading.kind === 'understood') return understood(reading, resolver, text, explanation);
  explanation.form = reading.form;
  if (compared.threshold) {
    const draft = withThresholdDraft(reading.query, compared.threshold);
    // a length compared with something that is no length ("is the lamp left of 2 m?") is not measured
    if (!draft) return { result: { status: 'free-form', text }, explanation };
    return { result: resolve(draft, unit, resolver, text, scene, categoryIn(skeleton)), explanation };
  }
  const result = resolve(lengthWorded(reading.query, skeleton), unit, resolver, text, scene, categoryIn(skeleton));
  // "is there a piano?": a detector that found none has not shown there is none; the VLM looks at the photo
  if (reading.form === EXISTENCE && result.status === 'unresolved') return { result: { status: 'free-form', text }, explanation };
  return { result, explanation };
}

/** Words of length, and of width (which "length" also measures: DESIGN.md); a question with both is about widths. */
const LENGTH_WORD = /(?<![a-z])(?:long|longer|longest|length|lengths|lengthwise)(?![a-z])/;
const WIDTH_WORD = /(?<![a-z])(?:wide|wider|widest|width|widths|broad|broader|broadest|narrow|narrower|narrowest|thin|thinner|thinnest)(?![a-z])/;

/**
 * "Is the bus longer than the car?", "which is the longest?", "how much longer is A than B?": the width family,
 * marked to be answered in the words of length ("the bus is longer", not "wider").
 */
function lengthWorded(query: Query, skeleton: string): Query {
  if (!LENGTH_WORD.test(skeleton) || WIDTH_WORD.test(skeleton)) return query;
  switch (query.type) {
    case 'relation':
      return query.relation === 'wider' && !query.either ? { ...query, long: true } : query;
    case 'pair':
      return query.measure === 'how_much_wider' && !query.threshold ? { ...query, long: true } : query;
    case 'order':
      return query.by === 'width' && query.descending ? { ...query, long: true } : query;
    default:
      return query;
  }
}

/** "the two chairs", "both stools", "the stools": a mention that may name several objects. */
function isPlural(text: string): boolean {
  const words = text.split(' ');
  const last = words[words.length - 1] ?? '';
  return /\b(?:two|both|these|those)\b/.test(text) || (last.endsWith('s') && singular(last) !== last);
}

/** Mentions replaced by slots; the same words mentioned twice are one slot. */
function skeletonOf(tokens: string[], mentions: Mention[]): { skeleton: string; slotMention: Map<string, Mention> } {
  const out: string[] = [];
  const slotOf = new Map<string, string>();
  const slotMention = new Map<string, Mention>();
  let i = 0;
  for (const m of mentions) {
    out.push(...tokens.slice(i, m.start));
    if (m.kind === 'camera') out.push('cam');
    else {
      const key = m.text.replace(/^(?:the|a|an|this|that) /, '');
      let slot = slotOf.get(key);
      if (!slot) {
        slot = `obj${slotOf.size}`;
        slotOf.set(key, slot);
        slotMention.set(slot, m);
      }
      out.push(slot);
    }
    i = m.end;
  }
  out.push(...tokens.slice(i));
  return { skeleton: out.join(' '), slotMention };
}

/** A draft's slot, decoded once (read.ts writes them as strings): every object, every object of one mention's kind, or one mention. */
type DraftSlot = { kind: 'all' } | { kind: 'kind'; slot: string } | { kind: 'mention'; slot: string };

function draftSlot(s: string): DraftSlot {
  if (s === ALL_OBJECTS) return { kind: 'all' };
  return s.startsWith(KIND_PREFIX) ? { kind: 'kind', slot: s.slice(KIND_PREFIX.length) } : { kind: 'mention', slot: s };
}

/** What a slot stands for in the resolved query: one object id, or a set of them ("which stool": every stool). */
type SlotIds = { kind: 'one'; id: string } | { kind: 'set'; ids: string[] };

/** A set where one id is needed takes its first (a slot that names a kind is only ever a candidate list). */
const oneId = (r: SlotIds): string => (r.kind === 'one' ? r.id : r.ids[0]);
const allIds = (r: SlotIds): string[] => (r.kind === 'one' ? [r.id] : r.ids);

class Resolver {
  private cache = new Map<string, Resolution>();
  constructor(readonly scene: SceneLike, private slots: Map<string, Mention>) {}

  mention(slot: string): Mention | undefined {
    const d = draftSlot(slot);
    return d.kind === 'all' ? undefined : this.slots.get(d.slot);
  }

  resolve(slot: string): Resolution {
    let r = this.cache.get(slot);
    if (r) return r;
    if (slot === 'cam') r = { kind: 'missing', phrase: 'camera' };
    else {
      const m = this.mention(slot);
      if (!m) r = { kind: 'empty' };
      else if (draftSlot(slot).kind === 'kind') r = resolveKind(m.text, this.scene);
      else r = resolveReferent(m.text, this.scene);
    }
    this.cache.set(slot, r);
    return r;
  }
}

function understood(reading: Extract<Reading, { kind: 'understood' }>, resolver: Resolver, text: string, explanation: Explanation): QuestionReading {
  // an absent object is named only when the question is about it as an object ("where is the piano?")
  const missing = reading.slots
    .filter((s) => resolver.mention(s)?.kind !== 'unknown' || resolver.mention(s)?.objectNoun === true)
    .map((s) => resolver.resolve(s))
    .flatMap((r) => (r.kind === 'missing' ? [r.phrase] : []));
  const name = (slot: string) => resolver.mention(slot)?.text ?? slot;
  const note = reading.note.replace(/\bobj\d+\b/g, name);
  explanation.understood = note;
  if (missing.length > 0) {
    return { result: { status: 'unresolved', text, phrases: [...new Set(missing)], known: knownCaptions(resolver.scene) }, explanation };
  }
  let suggestion: Query | undefined;
  if (reading.suggestion) {
    const r = resolve(reading.suggestion, undefined, resolver, text, resolver.scene);
    if (r.status === 'ok') suggestion = r.parsed.query;
  }
  return { result: suggestion ? { status: 'free-form', text, understood: note, suggestion } : { status: 'free-form', text, understood: note }, explanation };
}

/** Every object slot of a draft, in order ("all objects" in an ordering is not a slot). */
function slotsOf(q: Query): string[] {
  const slots = queryObjectIds(q);
  return q.type === 'order' || q.type === 'tally' ? slots.filter((o) => draftSlot(o).kind !== 'all') : slots;
}

function mapSlots(q: Query, resolveSlot: (p: string) => SlotIds, all: string[]): Query {
  return mapQueryIds(
    q,
    (p) => oneId(resolveSlot(p)),
    (p) => (draftSlot(p).kind === 'all' ? all : allIds(resolveSlot(p))),
  );
}

const CATEGORY_PATTERNS = CATEGORIES.map((c) => ({ c, re: new RegExp(`(?<![a-z])(?:${c.words})(?![a-z])`) }));

/** The class a question ranges over ("which vehicle", "the biggest appliance"), read from its skeleton (objects are slots there). */
function categoryIn(skeleton: string): Category | null {
  return CATEGORY_PATTERNS.find(({ re }) => re.test(skeleton))?.c ?? null;
}

/** Whether a draft ranges over every object: an ordering or a count of all, or the nearest / farthest of all. */
const rangesOverAll = (q: Query): boolean => ((q.type === 'order' || q.type === 'tally') && q.objects.includes(ALL_OBJECTS)) || (q.type === 'extreme' && q.among === undefined);

function resolve(draft: Query, unit: UnitRequest | undefined, resolver: Resolver, text: string, scene: SceneLike, category: Category | null = null): ParseResult {
  const withUnit = (query: Query): ParsedQuestion => (unit ? { query, unit } : { query });
  const slots = [...new Set(slotsOf(draft))];
  const resolved = new Map<string, Resolution>(slots.map((s) => [s, resolver.resolve(s)]));
  const results = [...resolved.values()];
  if (results.some((r) => r.kind === 'empty')) return { status: 'free-form', text };

  const missing = results.flatMap((r) => (r.kind === 'missing' ? [r.phrase] : []));
  if (missing.length > 0) return { status: 'unresolved', text, phrases: [...new Set(missing)], known: knownCaptions(scene) };

  // "which vehicle is closest?": every object of that class; none in the scene is named as absent
  const all = scene.objects.filter((o) => !category || !rangesOverAll(draft) || ofCategory(o.caption, category)).map((o) => o.id);
  if (category && all.length === 0) return { status: 'unresolved', text, phrases: [category.noun], known: knownCaptions(scene) };
  // "the distance between the two chairs", "how far apart are the stools", "is the table between the stools": one
  // plural mention that names exactly two objects is both of them (asking "which stool?" of a question that needs
  // both would be no help)
  const twoOf = (slot: string): [string, string] | null => {
    const r = resolved.get(slot);
    return r?.kind === 'ambiguous' && r.candidates.length === 2 && isPlural(resolver.mention(slot)?.text ?? '') ? [r.candidates[0], r.candidates[1]] : null;
  };
  if ((draft.type === 'pair' || draft.type === 'relation') && draft.a === draft.b) {
    const two = twoOf(draft.a);
    if (two) return { status: 'ok', parsed: withUnit({ ...draft, a: two[0], b: two[1] }), text };
  }
  if (draft.type === 'between' && draft.b === draft.c) {
    const two = twoOf(draft.b), a = resolved.get(draft.a);
    if (two && a?.kind === 'ok' && !two.includes(a.id)) return { status: 'ok', parsed: withUnit({ ...draft, a: a.id, b: two[0], c: two[1] }), text };
    return { status: 'free-form', text };
  }
  const ambiguous = results.find((r): r is Extract<Resolution, { kind: 'ambiguous' }> => r.kind === 'ambiguous');
  // provisional ids: an ambiguous phrase takes its first candidate so `partial` shows the rest of the parse
  const idOf = (p: string): SlotIds => {
    const r = resolved.get(p);
    // every object of a kind ("which stool ...") is a set of candidates
    if (r?.kind === 'kind') return { kind: 'set', ids: r.ids };
    return { kind: 'one', id: r?.kind === 'ok' ? r.id : r?.kind === 'ambiguous' ? r.candidates[0] : p };
  };
  const mappedAll = mapSlots(draft, idOf, all);
  const mapped: Query = category && mappedAll.type === 'extreme' && mappedAll.among === undefined ? { ...mappedAll, among: all.filter((id) => id !== mappedAll.to) } : mappedAll;
  // "are the coffee tables taller than the chair" where there is one coffee table: that table's comparison
  const query: Query = mapped.type === 'count' && mapped.ask === 'all' && mapped.among?.length === 1 && mapped.among[0] !== mapped.reference
    ? { type: 'relation', form: 'yesno', relation: mapped.relation, a: mapped.among[0], b: mapped.reference }
    : mapped;
  const parsed = withUnit(query);
  if (ambiguous) {
    const okParse: ParseResult = { status: 'ok', parsed, text };
    const onlyOne = results.filter((r) => r.kind === 'ambiguous').length === 1;
    return { status: 'clarify', text, phrase: ambiguous.phrase, candidates: ambiguous.candidates, partial: onlyOne ? okParse : null };
  }
  // one object compared with itself is not a question we can answer ("how far apart is the sofa")
  if ((query.type === 'pair' || query.type === 'relation' || query.type === 'contain' || query.type === 'support') && query.a === query.b) return { status: 'free-form', text };
  return { status: 'ok', parsed, text };
}

/** One line a person can read: how the question was understood. */
export function explainReading(e: Explanation): string {
  const parts: string[] = [];
  if (e.form) parts.push(`read as a ${e.form} question`);
  if (e.understood) parts.push(`understood: ${e.understood}`);
  if (e.cues.length > 0) parts.push(`predicate from "${e.cues.join('", "')}"`);
  if (e.mentions.length > 0) parts.push(`objects: ${e.mentions.map((m) => (m.as === 'object' ? `"${m.text}"` : `"${m.text}" (${m.as === 'camera' ? 'the camera' : 'not in the scene'})`)).join(', ')}`);
  if (e.frame.length > 0) parts.push(`set aside: "${e.frame.join('", "')}"`);
  if (e.unit) parts.push(`unit: ${e.unit}`);
  if (e.threshold) parts.push(`compared with ${Math.round(e.threshold.metres * 1000) / 1000} m (${e.threshold.op === 'above' ? 'more' : 'less'} is yes)`);
  return parts.length > 0 ? parts.join('; ') : 'no spatial question found';
}
