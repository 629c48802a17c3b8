/**
 * parseQuestion: free text -> a templated Query with object ids, or the reason it cannot be one
 * (ambiguous referent, object not in the scene, not a spatial question).
 *
 * Decisions worth knowing:
 * - "is A next to / near / close to B" has no yes/no form in Query: it is parsed as the distance between A
 *   and B, and the answer's number speaks for itself.
 * - "what is next to A" is the object closest to A.
 * - "closest to / farthest from the camera" is an ordering by camera distance (of the named objects, or of
 *   every object); with exactly two named objects it is the choice "in front" / "behind".
 * - "which is tallest, A or B" (a superlative over two) is the comparison "which is taller".
 * - "how long is A" is its depth; "how high is A" is its height.
 * - "how much lower is A than B" is how_much_above(B, A); likewise right -> left and closer -> behind.
 * - Orderings without a direction: camera distance nearest first, everything else largest first.
 */
import { queryObjectIds, type ParseResult, type ParsedQuestion, type Query } from '../reason/query';
import { normalizeQuestion, objectWords } from './normalize';
import { ALL_OBJECTS, KIND_PREFIX, PATTERNS } from './patterns';
import { knownCaptions, resolveKind, resolveReferent, type Resolution, type SceneLike } from './referents';
import { extractUnit } from './units';

/** Polite wrappers that do not change what is asked. */
const PREFIX = /^(?:(?:hey|hi|ok|okay|so|and|now|also|then|please|quick question)(?: ,)? )*(?:(?:can|could|would|will) you (?:please )?(?:tell me|say|let me know|work out|figure out|check|estimate|measure)? ?|i (?:would like|want|wanted|need) to know |is it true that |would you say (?:that )?|do you think (?:that )?|i wonder |i am wondering |do you know |tell me |please tell me |estimate |please )?/;
const SUFFIX = /(?: ,)? (?:please|thanks|thank you|or not|approximately|roughly|exactly|in the (?:photo|picture|image|scene|room)|in this (?:photo|picture|image|scene|room))$/;

function stripPoliteness(text: string): string {
  let t = text.replace(PREFIX, '').trim();
  for (let i = 0; i < 3; i++) t = t.replace(SUFFIX, '').trim();
  return t.replace(/ ,$/, '').trim();
}

function matchPatterns(text: string): Query | null {
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    const groups: Record<string, string> = {};
    for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) groups[k] = v.trim();
    const q = p.build(groups);
    // a slot for one object that caught a list ("the left or the right of") means the pattern misread
    if (q && !phrasesOf(q).some((ph) => /(?:^|\s)(?:or|and|,)(?:\s|$)/.test(ph))) return q;
  }
  return null;
}

/** "horizontal(ly)" / "vertical(ly)" turn a distance into its horizontal or vertical part. */
function withAxis(text: string): { text: string; axis?: 'horizontal_distance' | 'vertical_distance' } {
  const m = /\b(?:(horizontal|horizontally|along the (?:floor|ground))|(vertical|vertically|in height))\b/.exec(text);
  if (!m) return { text };
  const stripped = (text.slice(0, m.index) + text.slice(m.index + m[0].length)).replace(/\s+/g, ' ').replace(/^ ?, ?| ,$/g, '').trim();
  return { text: stripped, axis: m[1] ? 'horizontal_distance' : 'vertical_distance' };
}

/** Every noun phrase slot of a draft, in order ("all objects" in an ordering is not a phrase). */
function phrasesOf(q: Query): string[] {
  const slots = queryObjectIds(q);
  return q.type === 'order' ? slots.filter((o) => o !== ALL_OBJECTS) : slots;
}

function mapPhrases(q: Query, f: (p: string) => string, all: string[]): Query {
  switch (q.type) {
    case 'relation':
    case 'pair':
      return { ...q, a: f(q.a), b: f(q.b) };
    case 'size':
      return { ...q, a: f(q.a) };
    case 'extreme':
      return q.among ? { ...q, to: f(q.to), among: q.among.flatMap((p) => f(p).split('\n')) } : { ...q, to: f(q.to) };
    case 'order':
      return { ...q, objects: q.objects.flatMap((o) => (o === ALL_OBJECTS ? all : [f(o)])) };
    case 'between':
      return { ...q, a: f(q.a), b: f(q.b), c: f(q.c) };
    case 'triangle':
      return { ...q, objects: [f(q.objects[0]), f(q.objects[1]), f(q.objects[2])] };
    case 'count':
      return { ...q, reference: f(q.reference) };
  }
}

/** Parse normalised text to a draft query (phrases in the object slots) and the unit asked for. */
export function parseDraft(normalized: string): ParsedQuestion | null {
  const { text: noUnit, unit } = extractUnit(normalized);
  const text = stripPoliteness(noUnit);
  const axis = withAxis(text);
  let query: Query | null = null;
  if (axis.axis) {
    const q = matchPatterns(axis.text);
    if (q && q.type === 'pair' && q.measure === 'distance') query = { ...q, measure: axis.axis };
  }
  query = query ?? matchPatterns(text);
  if (!query) return null;
  return unit ? { query, unit } : { query };
}

/** Parse a question about a scene (a SceneGraph or anything with its objects' ids, captions and boxes). */
export function parseQuestion(text: string, scene: SceneLike): ParseResult {
  const words = scene.objects.flatMap((o) => objectWords(o.caption, o.attributes));
  const normalized = normalizeQuestion(text, words);
  const draft = parseDraft(normalized);
  if (!draft) return { status: 'free-form', text };

  const phrases = phrasesOf(draft.query);
  const resolved = new Map<string, Resolution>();
  for (const p of phrases) {
    if (resolved.has(p)) continue;
    resolved.set(p, p.startsWith(KIND_PREFIX) ? resolveKind(p.slice(KIND_PREFIX.length), scene) : resolveReferent(p, scene));
  }
  const results = [...resolved.values()];
  if (results.some((r) => r.kind === 'empty')) return { status: 'free-form', text };

  const missing = results.flatMap((r) => (r.kind === 'missing' ? [r.phrase] : []));
  if (missing.length > 0) return { status: 'unresolved', text, phrases: [...new Set(missing)], known: knownCaptions(scene) };

  const all = scene.objects.map((o) => o.id);
  // "the distance between the two chairs": one plural phrase that names exactly two objects is the pair
  if (draft.query.type === 'pair' && draft.query.a === draft.query.b) {
    const r = resolved.get(draft.query.a);
    if (r?.kind === 'ambiguous' && r.candidates.length === 2 && /\b(?:two|both)\b/.test(draft.query.a)) {
      const query: Query = { ...draft.query, a: r.candidates[0], b: r.candidates[1] };
      return { status: 'ok', parsed: draft.unit ? { query, unit: draft.unit } : { query }, text };
    }
  }
  const ambiguous = results.find((r): r is Extract<Resolution, { kind: 'ambiguous' }> => r.kind === 'ambiguous');
  // provisional ids: an ambiguous phrase takes its first candidate so `partial` shows the rest of the parse
  const idOf = (p: string): string => {
    const r = resolved.get(p);
    // every object of a kind ("which stool ...") is a set of candidates, passed as newline-joined ids
    if (p.startsWith(KIND_PREFIX) && r?.kind === 'kind') return r.ids.join('\n');
    return r?.kind === 'ok' ? r.id : r?.kind === 'ambiguous' ? r.candidates[0] : p;
  };
  const query = mapPhrases(draft.query, idOf, all);
  const parsed: ParsedQuestion = draft.unit ? { query, unit: draft.unit } : { query };
  if (ambiguous) {
    const okParse: ParseResult = { status: 'ok', parsed, text };
    const onlyOne = results.filter((r) => r.kind === 'ambiguous').length === 1;
    return {
      status: 'clarify', text, phrase: ambiguous.phrase, candidates: ambiguous.candidates,
      partial: onlyOne ? okParse : null,
    };
  }
  // one object compared with itself is not a question we can answer ("how far apart is the sofa")
  if (query.type === 'pair' && query.a === query.b) return { status: 'free-form', text };
  return { status: 'ok', parsed, text };
}
