/**
 * Mentions first: find the object mentions of a normalised question against the scene's captions before
 * anything else is read. What is left are cue words (cues.ts).
 *
 * A mention is [determiner] [modifiers] head [qualifier], where
 * - the head is a scene caption (longest match of its words, synonyms and plurals via canonicalNoun), the
 *   last word of a caption, or an attribute followed by "one" ("the blue one");
 * - a word that is only the first word of a caption ("floor" of "floor lamp", "coffee" of "coffee table")
 *   names the object only together with the rest of the caption, so "height above the floor" stays a cue;
 * - modifiers are caption and attribute words, colours and spatial qualifiers ("the left chair");
 * - a trailing qualifier ("the chair on the left", "the stool at the back") is read as part of the mention
 *   only when the head alone fits several objects; otherwise it is a relation ("the lamp on the left of");
 * - "the camera / the viewer / me / us" is the camera, a reference point wherever an object can be;
 * - any other noun after a determiner that is not a known word of questions is an object the scene does not
 *   have ("the piano"): reported by name, never matched to another object.
 */
import { applyPhraseSynonyms, canonicalNoun, tokenize } from './normalize';
import { OBJECT_NOUNS, QUESTION_WORDS, SPELLING } from './lexicon';
import { QUALIFIERS, type SceneLike } from './referents';

export type MentionKind = 'object' | 'camera' | 'unknown';

export interface Mention {
  kind: MentionKind;
  /** an unknown mention whose noun is a known kind of object ("piano"), not just an unfamiliar word */
  objectNoun?: boolean;
  /** the words of the mention as written (normalised) */
  text: string;
  /** token range [start, end) in the question */
  start: number;
  end: number;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'both', 'two', 'three', 'either', 'each', 'my', 'our', 'your', 'its', 'their', 'his', 'her', 'some', 'any']);

/**
 * Words that pick one of several objects of a kind: the qualifiers referents.ts resolves ("behind" is a
 * relation here, not a qualifier), and a few more that only mark a mention as qualified.
 */
const QUALIFIER_WORDS = new Set([...Object.keys(QUALIFIERS).filter((w) => w !== 'behind'), 'other', 'second', 'first', 'tall', 'short']);

const COLOURS = new Set([
  'red', 'blue', 'green', 'yellow', 'black', 'white', 'brown', 'orange', 'pink', 'purple', 'gray', 'silver',
  'gold', 'beige', 'dark', 'light', 'wooden', 'wood', 'metal', 'plastic', 'glass', 'leather', 'round', 'square',
]);

const CAMERA_NOUNS = new Set(['camera', 'viewer', 'photographer', 'observer', 'lens', 'cameraman', 'onlooker', 'spectator']);
const CAMERA_PRONOUNS = new Set(['me', 'us', 'myself', 'ourselves']);
/** Pronouns: questions about "it" cannot be templated (which object?). */
const PRONOUNS = new Set(['it', 'they', 'them', 'this', 'that', 'these', 'those', 'he', 'she', 'him', 'one', 'ones']);

const COMPARATIVE_WORD = /^(?:[a-z]+er|more|less)$/;

/** Nouns that count or group objects: "a stack of books" names the books. */
const MEASURE_NOUNS = new Set(['pile', 'stack', 'heap', 'bunch', 'set', 'pair', 'row', 'group', 'collection', 'couple', 'cluster', 'line']);

/** Trailing qualifiers: "on the left", "at the back", "in the middle". */
const POST_QUALIFIER = /^(?:on|at|in|to|toward|towards) the (?:far )?(?:left|right|back|front|middle|center|rear|foreground|background|top|bottom)(?: (?:side|hand side|end))?(?: of (?:the )?(?:room|scene|image|picture|photo|row|group))?/;

interface IndexedObject {
  id: string;
  caption: string[];
  words: Set<string>;
}

export interface SceneIndex {
  objects: IndexedObject[];
  /** caption word sequences, longest first */
  captions: string[][];
  heads: Set<string>;
  attributes: Set<string>;
  /** every canonical caption or attribute word */
  words: Set<string>;
}

export function indexScene(scene: SceneLike): SceneIndex {
  const objects: IndexedObject[] = scene.objects.map((o) => {
    const caption = words(o.caption);
    const all = new Set(caption);
    for (const a of o.attributes ?? []) for (const w of words(a)) all.add(w);
    return { id: o.id, caption, words: all };
  });
  const captions = [...new Map(objects.map((o) => [o.caption.join(' '), o.caption])).values()].sort((a, b) => b.length - a.length);
  const heads = new Set(objects.map((o) => o.caption[o.caption.length - 1]).filter((w): w is string => w !== undefined));
  const attributes = new Set<string>();
  for (const o of objects) for (const w of o.words) if (!heads.has(w)) attributes.add(w);
  const all = new Set<string>();
  for (const o of objects) for (const w of o.words) all.add(w);
  return { objects, captions, heads, attributes, words: all };
}

function words(text: string): string[] {
  return tokenize(applyPhraseSynonyms(text)).filter((w) => w !== ',').map((w) => canonicalNoun(SPELLING[w] ?? w));
}

/** Does the caption match the tokens at position i (canonical words, articles in captions skipped)? */
function captionAt(tokens: readonly string[], i: number, caption: readonly string[]): number {
  const cap = caption.filter((w) => w !== 'the' && w !== 'a' && w !== 'an');
  if (cap.length === 0) return 0;
  for (let k = 0; k < cap.length; k++) {
    const t = tokens[i + k];
    if (t === undefined || canonicalNoun(t) !== cap[k]) return 0;
  }
  return cap.length;
}

const SUPERLATIVE_WORD = /^(?:tallest|shortest|biggest|largest|smallest|tiniest|widest|narrowest|thinnest|highest|lowest|closest|nearest|farthest|furthest|longest|deepest)$/;

function isModifier(w: string, index: SceneIndex): boolean {
  const c = canonicalNoun(w);
  return SUPERLATIVE_WORD.test(w) || index.attributes.has(c) || COLOURS.has(w) || QUALIFIER_WORDS.has(w) || (index.words.has(c) && !index.heads.has(c));
}

/** A word that can name an object the scene lacks: a known object noun, or a non-question word after "the". */
function unknownNoun(w: string, afterDeterminer: boolean): boolean {
  if (OBJECT_NOUNS.has(w) || OBJECT_NOUNS.has(canonicalNoun(w))) return true;
  if (!/^[a-z]{3,}$/.test(w)) return false;
  return afterDeterminer && !QUESTION_WORDS.has(w) && !QUESTION_WORDS.has(canonicalNoun(w)) && !COLOURS.has(w) && !QUALIFIER_WORDS.has(w) && !PRONOUNS.has(w);
}

/** Find the mentions of a question's tokens. */
export function findMentions(tokens: readonly string[], index: SceneIndex): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const m = mentionAt(tokens, i, index);
    if (m) {
      out.push(m);
      i = m.end;
    } else i++;
  }
  return out;
}

function mentionAt(tokens: readonly string[], start: number, index: SceneIndex): Mention | null {
  let j = start;
  while (j < tokens.length && DETERMINERS.has(tokens[j])) j++;
  const hasDet = j > start;
  const w0 = tokens[j];
  if (w0 === undefined) return null;
  // the camera
  if (CAMERA_NOUNS.has(w0) || (CAMERA_PRONOUNS.has(w0) && !hasDet)) return make('camera', tokens, start, j + 1);
  // modifiers, then a head
  let k = j;
  while (k < tokens.length) {
    const cap = longestCaption(tokens, k, index);
    if (cap > 0) {
      let end = k + cap;
      // "the coffee table" then more caption words of the same object ("the bar stool") are one head
      while (end < tokens.length && index.heads.has(canonicalNoun(tokens[end])) && !QUESTION_WORDS.has(tokens[end])) end++;
      return make('object', tokens, start, withQualifier(tokens, start, end, index));
    }
    const c = canonicalNoun(tokens[k]);
    if (index.heads.has(c) && (!QUESTION_WORDS.has(tokens[k]) || hasDet || k > j)) {
      return make('object', tokens, start, withQualifier(tokens, start, k + 1, index));
    }
    // "the blue one", "the wooden ones"
    if (k > j && (tokens[k] === 'one' || tokens[k] === 'ones') && tokens.slice(j, k).some((w) => index.attributes.has(canonicalNoun(w)))) {
      return make('object', tokens, start, withQualifier(tokens, start, k + 1, index));
    }
    // "the pile of books", "a pair of chairs": the object is the noun after "of"
    if (MEASURE_NOUNS.has(tokens[k]) && tokens[k + 1] === 'of') {
      k += 2;
      continue;
    }
    if (!isModifier(tokens[k], index)) break;
    // a qualifier needs a determiner before it ("the left chair"); bare "left" is a cue
    if (!hasDet && QUALIFIER_WORDS.has(tokens[k]) && !index.words.has(c)) break;
    k++;
  }
  // an object the scene lacks: "the piano", "the fire hydrant"
  const u = tokens[k];
  // "what clock position": a noun used as a cue word, not an object
  const cueUse = !hasDet && /^(?:position|direction|hour|face|time|wise|sense)$/.test(tokens[k + 1] ?? '');
  if (u !== undefined && !cueUse && unknownNoun(u, hasDet || k > j)) {
    let end = k + 1;
    while (end < tokens.length && unknownNoun(tokens[end], false)) end++;
    const m = make('unknown', tokens, start, end);
    const last = tokens[end - 1];
    return OBJECT_NOUNS.has(last) || OBJECT_NOUNS.has(canonicalNoun(last)) ? { ...m, objectNoun: true } : m;
  }
  return null;
}

function longestCaption(tokens: readonly string[], k: number, index: SceneIndex): number {
  for (const cap of index.captions) {
    if (cap.length < 2) continue;
    const n = captionAt(tokens, k, cap);
    if (n > 0) return n;
  }
  return 0;
}

/** Extend a mention over a trailing qualifier when its head alone fits several objects. */
function withQualifier(tokens: readonly string[], start: number, end: number, index: SceneIndex): number {
  const rest = tokens.slice(end).join(' ');
  const q = POST_QUALIFIER.exec(rest);
  if (!q) return end;
  const after = rest.slice(q[0].length).trim();
  // "the lamp on the left of", "on the left or the right of": a relation, not a qualifier
  if (/^(?:of|side of|hand side of)\b/.test(after) || /^(?:or|and) (?:to |on |at |in )?(?:the )?(?:left|right|back|front|top|bottom)\b/.test(after)) return end;
  // "is A on the left than B" compares; "how much lower is the chair on the left than B" qualifies
  if (/^than\b/.test(after) && !tokens.slice(0, start).some((w) => COMPARATIVE_WORD.test(w))) return end;
  const head = canonicalNoun(tokens[end - 1]);
  const fits = index.objects.filter((o) => o.words.has(head)).length;
  return fits < 2 ? end : end + q[0].split(' ').length;
}

function make(kind: MentionKind, tokens: readonly string[], start: number, end: number): Mention {
  return { kind, text: tokens.slice(start, end).join(' '), start, end };
}
