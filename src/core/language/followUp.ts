/**
 * Follow-up questions, as people ask them after an answer: "And the sofa?", "what about from the tv?", "how wide
 * is it?", "is it taller than the plant?", "how far apart are they?". Read only when the question alone names
 * nothing to measure (the caller tries it first): then the previous question fills what is missing, and the
 * follow-up becomes a whole question, which the parser reads as any other.
 *
 * Pure: works on text and the previous query; objects are named as answers name them (`captionOf`).
 */
import type { ParseResult, ParsedQuestion, Query } from '../reason/query';
import { parseQuestion } from './parse';
import type { SceneLike } from './referents';
import { renderQuestion } from './templates';

/** "and the sofa", "what about from the tv", "same for the chairs": the previous question about another object */
const ELLIPSIS = /^(?:(?:and|but|so|ok|okay|then|now)\s*,?\s+)?(?:what about|how about|and|same (?:question )?for|and for|for|also|what of)\s+(?:(from|to|than|with)\s+)?(.+?)\s*[?.!]*$/i;
/** a question word or a verb in the rest means a new question, not an elided one */
const NOT_ELIDED = /\b(?:how|what|which|where|who|is|are|does|do|can|could|would|tall|wide|far|near|close|high|big|left|right|behind|front|above|below)\b/i;
const ONE = /\b(?:it|itself|this one|that one)\b/i;
const BOTH = /\b(?:they|them|both of them|the two of them|these two|those two|the pair)\b/i;
/** "is it true that", "it seems", "is it raining", "what time is it": an "it" that stands for no object */
const DUMMY_IT = /\bit\s+(?:is\s+|s\s+)?(?:true|the case|possible|likely|correct|right|seems?|looks like|appears)\b|\bis it (?:true|the case|possible|likely|correct|right|raining|snowing|sunny|cloudy|windy|foggy|day|night|daytime|night ?time|dark|light|morning|afternoon|evening|summer|winter|indoors|outdoors|inside|outside)\b|\bwhat (?:time|day|season|weather) is it\b/i;

/** The objects the previous query was about: the one a follow-up's "it" means, and the pair "they" means. */
export function followUpObjects(q: Query): { one: string | null; pair: [string, string] | null } {
  switch (q.type) {
    case 'relation':
    case 'pair':
    case 'place':
    case 'contain':
    case 'support':
      return { one: q.a, pair: [q.a, q.b] };
    case 'size':
    case 'range':
    case 'elevation':
    case 'dimensions':
    case 'side':
      return { one: q.a, pair: null };
    case 'facing':
      return { one: q.target, pair: null };
    case 'between':
      return { one: q.a, pair: [q.b, q.c] };
    case 'inBetween':
      return { one: null, pair: [q.b, q.c] };
    case 'count':
    case 'find':
    case 'placed':
      return { one: q.reference, pair: null };
    case 'extreme':
      return { one: q.to, pair: null };
    case 'order':
      return { one: q.claim ?? null, pair: null };
    case 'triangle':
    case 'tally':
    case 'cameraHeight':
      return { one: null, pair: null };
  }
}

/** The id a follow-up replaces: the second object when it is asked with "from", "to", "than", "with". */
function replaced(q: Query, preposition: string | undefined): string | null {
  const { one, pair } = followUpObjects(q);
  if (preposition && pair && q.type !== 'between' && q.type !== 'inBetween') return pair[1];
  return one;
}

/**
 * The whole question a follow-up stands for, or null when it is not one. `captionOf` names an object as answers
 * do ("the left chair"), so that the question reads back to the same object.
 */
export function readFollowUp(text: string, previous: Query, captionOf: (id: string) => string): string | null {
  const t = text.trim();
  const name = (id: string) => `the ${captionOf(id).replace(/^the\s+/i, '')}`;
  const e = ELLIPSIS.exec(t);
  // "and in feet?": the same question in another unit
  if (e && !e[1] && /^in\s+\S+(?:\s+and\s+\S+)?$/i.test(e[2])) return `${renderQuestion(previous, captionOf, 0).replace(/[?.!]+$/, '')} ${e[2]}?`;
  if (e && !NOT_ELIDED.test(e[2]) && e[2].split(/\s+/).length <= 6) {
    const id = replaced(previous, e[1]?.toLowerCase());
    if (!id) return null;
    return renderQuestion(previous, (x) => (x === id ? e[2] : captionOf(x)), 0);
  }
  if (DUMMY_IT.test(t)) return null;
  const { one, pair } = followUpObjects(previous);
  // "is it left of them": one pronoun for each, which could be any of them
  if (ONE.test(t) && BOTH.test(t)) return null;
  if (pair && BOTH.test(t)) return t.replace(BOTH, `${name(pair[0])} and ${name(pair[1])}`);
  if (one && ONE.test(t)) return t.replace(/\bits\b/i, `${name(one)}'s`).replace(ONE, name(one));
  return null;
}

/**
 * A question read in its conversation: alone first; when alone it names nothing to measure (free-form) and a
 * previous question was answered, as the follow-up of that one. `readAs` is the whole question it was read as,
 * for the answer to show (and, when even that is free-form, for the VLM to be asked); the previous unit carries
 * over when the follow-up names none.
 */
export function parseInConversation(
  text: string,
  scene: SceneLike,
  previous: ParsedQuestion | null,
  captionOf: (id: string) => string,
): { result: ParseResult; readAs?: string } {
  const alone = parseQuestion(text, scene);
  if (alone.status !== 'free-form' || !previous) return { result: alone };
  const whole = readFollowUp(text, previous.query, captionOf);
  if (!whole) return { result: alone };
  const read = parseQuestion(whole, scene);
  // "what colour is it?": still for the VLM, which is better asked about the lamp than about "it"
  if (read.status === 'free-form') return { result: alone, readAs: whole };
  const withUnit: ParseResult = read.status === 'ok' && !read.parsed.unit && previous.unit ? { ...read, parsed: { ...read.parsed, unit: previous.unit } } : read;
  return { result: { ...withUnit, text }, readAs: whole };
}
