/**
 * Resolving a noun phrase from a question ("the red chair", "the rightmost chair", "the telly") to one
 * object of the scene, by caption words, attributes and spatial qualifiers.
 */
import type { Box2D } from '../scene/types';
import type { Vec3 } from '../geometry/vec';
import { applyPhraseSynonyms, canonicalNoun, tokenize } from './normalize';
import { SPELLING } from './lexicon';

/** The part of a scene object the parser needs (a SceneObject satisfies it). */
export interface SceneObjectLike {
  id: string;
  caption: string;
  attributes?: string[];
  box2d: Box2D;
  centroid: Vec3;
}

/** The part of a scene graph the parser needs (a SceneGraph satisfies it). */
export interface SceneLike {
  objects: readonly SceneObjectLike[];
}

export type Resolution =
  | { kind: 'ok'; id: string }
  | { kind: 'ambiguous'; phrase: string; candidates: string[] }
  | { kind: 'missing'; phrase: string }
  /** The phrase names no object at all ("it", "the room"): not something we can template. */
  | { kind: 'empty' }
  /** Every object of one kind ("which stool ..."). */
  | { kind: 'kind'; ids: string[] };

type Qualifier = 'left' | 'right' | 'near' | 'far' | 'high' | 'low' | 'middle' | 'big' | 'small';

export const QUALIFIERS: Record<string, Qualifier> = {
  left: 'left', leftmost: 'left', right: 'right', rightmost: 'right',
  near: 'near', nearer: 'near', nearest: 'near', closer: 'near', closest: 'near', front: 'near', foreground: 'near',
  far: 'far', farther: 'far', farthest: 'far', back: 'far', rear: 'far', background: 'far', behind: 'far',
  top: 'high', upper: 'high', higher: 'high', highest: 'high', topmost: 'high',
  bottom: 'low', lower: 'low', lowest: 'low', bottommost: 'low',
  middle: 'middle', center: 'middle', central: 'middle',
  big: 'big', bigger: 'big', biggest: 'big', large: 'big', larger: 'big', largest: 'big',
  small: 'small', smaller: 'small', smallest: 'small', little: 'small',
};

/** Words that carry no identity: articles, counts, prepositions of the qualifier phrases. */
const FILLER = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'my', 'our', 'your', 'two', 'both', 'one', 'ones',
  'on', 'in', 'at', 'to', 'of', 'side', 'hand', 'most', 'more', 'very', 'of', 'all', 'other', 'another',
  'object', 'thing', 'item', 'objects', 'things', 'items', 'from', 'camera',
]);

/** Phrases that point at no object of the scene. */
const NON_OBJECTS = new Set([
  'it', 'they', 'them', 'this', 'that', 'you', 'me', 'i', 'we', 'us', 'he', 'she', 'there', 'here',
  'room', 'scene', 'picture', 'photo', 'image', 'everything', 'anything', 'something', 'view',
]);

interface Indexed {
  obj: SceneObjectLike;
  words: Set<string>;
  /** the caption's words, canonical, in order ("desk lamp") */
  full: string;
  /** last word of the caption, canonical ("lamp" of "desk lamp") */
  head: string;
}

function indexObjects(scene: SceneLike): Indexed[] {
  return scene.objects.map((obj) => {
    const words = new Set<string>();
    for (const part of [obj.caption, ...(obj.attributes ?? [])]) {
      for (const raw of tokenize(applyPhraseSynonyms(part))) words.add(canonicalNoun(SPELLING[raw] ?? raw));
    }
    const cap = tokenize(applyPhraseSynonyms(obj.caption)).filter((w) => w !== ',');
    const last = cap[cap.length - 1] ?? '';
    const full = cap.map((w) => canonicalNoun(SPELLING[w] ?? w)).join(' ');
    return { obj, words, full, head: canonicalNoun(SPELLING[last] ?? last) };
  });
}

function pickByQualifier(cands: Indexed[], q: Qualifier): Indexed[] {
  const cx = (o: SceneObjectLike) => (o.box2d.x0 + o.box2d.x1) / 2;
  const range = (o: SceneObjectLike) => Math.hypot(o.centroid[0], o.centroid[2]);
  const area = (o: SceneObjectLike) => (o.box2d.x1 - o.box2d.x0) * (o.box2d.y1 - o.box2d.y0);
  const key: Record<Qualifier, (o: SceneObjectLike) => number> = {
    left: (o) => cx(o), right: (o) => -cx(o), near: (o) => range(o), far: (o) => -range(o),
    high: (o) => -o.centroid[1], low: (o) => o.centroid[1], middle: (o) => cx(o), big: (o) => -area(o),
    small: (o) => area(o),
  };
  const sorted = [...cands].sort((p, r) => key[q](p.obj) - key[q](r.obj));
  if (q === 'middle') return sorted.length % 2 === 1 ? [sorted[(sorted.length - 1) / 2]] : cands;
  return [sorted[0]];
}

/** Resolve one noun phrase (already normalised) against the scene. */
export function resolveReferent(phrase: string, scene: SceneLike): Resolution {
  const index = indexObjects(scene);
  const sceneWords = new Set<string>();
  for (const o of index) for (const w of o.words) sceneWords.add(w);

  // "1 meter", "2 feet": a quantity, not an object
  if (/\d/.test(phrase)) return { kind: 'empty' };
  const content: string[] = [];
  const qualifiers: Qualifier[] = [];
  // "on the far right" is the rightmost, not the farthest from the camera
  for (const raw of tokenize(phrase.replace(/\b(?:far|farthest|furthest|very) (?=left|right)/g, ''))) {
    if (raw === ',') continue;
    const w = canonicalNoun(raw);
    // a word that is part of some caption ("front door") names, it does not qualify
    if (sceneWords.has(w)) content.push(w);
    else if (QUALIFIERS[raw]) qualifiers.push(QUALIFIERS[raw]);
    else if (!FILLER.has(raw)) content.push(w);
  }
  if (content.length === 0 || content.every((w) => NON_OBJECTS.has(w))) {
    return /\bcamera\b/.test(phrase) ? { kind: 'missing', phrase: 'camera' } : { kind: 'empty' };
  }
  const head = content[content.length - 1];
  // a phrase that is exactly one object's caption names that object ("the lamp" beside a "desk lamp")
  const exact = index.filter((o) => o.full === content.join(' '));
  if (exact.length === 1 && qualifiers.length === 0) return { kind: 'ok', id: exact[0].obj.id };
  // a caption whose own head is the word wins ("the desk" is the desk, not the desk lamp)
  const byHead = index.filter((o) => o.head === head);
  // several objects with exactly this caption: the qualifiers choose among them, as answers name them
  // ("the left chair" of two "chair"s, with a "red chair" beside them; reason/objectNames.ts)
  let cands = exact.length > 1 ? exact : byHead.length > 0 ? byHead : index.filter((o) => o.words.has(head));
  if (cands.length === 0) return { kind: 'missing', phrase: content.join(' ') };

  const modifiers = content.slice(0, -1);
  if (modifiers.length > 0 && cands.length > 1) {
    const score = (o: Indexed) => modifiers.filter((m) => o.words.has(m)).length;
    const best = Math.max(...cands.map(score));
    if (best > 0) cands = cands.filter((o) => score(o) === best);
  }
  for (const q of qualifiers) if (cands.length > 1) cands = pickByQualifier(cands, q);
  if (cands.length === 1) return { kind: 'ok', id: cands[0].obj.id };
  return { kind: 'ambiguous', phrase: content.join(' '), candidates: cands.map((o) => o.obj.id) };
}

/** Every object whose caption or attributes carry the noun ("stool" -> both bar stools). */
export function resolveKind(noun: string, scene: SceneLike): Resolution {
  const words = tokenize(noun).map(canonicalNoun);
  const head = words[words.length - 1];
  const ids = indexObjects(scene).filter((o) => o.words.has(head)).map((o) => o.obj.id);
  return ids.length === 0 ? { kind: 'missing', phrase: words.join(' ') } : { kind: 'kind', ids };
}

/** Captions of the scene, once each, for "I can see: ..." replies. */
export function knownCaptions(scene: SceneLike): string[] {
  return [...new Set(scene.objects.map((o) => o.caption))];
}
