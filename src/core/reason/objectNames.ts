/**
 * What an answer calls each object: its caption, or, where several objects share a caption, the caption with
 * where it stands in the photo, left to right ("the left chair" and "the right chair", not "the chair and the
 * chair"). Two or three share it: left / (middle /) right, the words the question parser reads back
 * (language/referents.ts picks the leftmost, middle or rightmost box). More: the place counted from the left.
 * Positions are the 2D boxes' centres in the photo, so a name stays the same from every viewpoint.
 */
import type { SceneObject } from '../scene/types';

type Named = Pick<SceneObject, 'id' | 'caption' | 'box2d'>;

const ORDINALS = ['1st', '2nd', '3rd'];
const ordinal = (k: number): string => ORDINALS[k - 1] ?? `${k}th`;

/** A caption with its spaces tidied: what is shown. */
const tidy = (caption: string): string => caption.trim().replace(/\s+/g, ' ');
/** Captions that name the same kind of object share this key ("Chair" and " chair"). */
export const captionKey = (caption: string): string => tidy(caption).toLowerCase();

/**
 * Names are asked for per answer, per label and per id in a list: worked out once per objects array (a scene's
 * objects are never changed in place; a new scene brings a new array).
 */
const CACHE = new WeakMap<readonly Named[], Map<string, string>>();

/** Object id -> its reference caption (no article): the caption, "left chair", "chair (4th from the left)". */
export function referenceCaptions(objects: readonly Named[]): ReadonlyMap<string, string> {
  const cached = CACHE.get(objects);
  if (cached) return cached;
  const groups = new Map<string, Named[]>();
  for (const o of objects) {
    const key = captionKey(o.caption);
    const group = groups.get(key);
    if (group) group.push(o);
    else groups.set(key, [o]);
  }
  const names = new Map<string, string>();
  for (const group of groups.values()) {
    if (group.length === 1) { names.set(group[0].id, tidy(group[0].caption)); continue; }
    const byX = [...group].sort((p, q) => p.box2d.x0 + p.box2d.x1 - (q.box2d.x0 + q.box2d.x1) || (p.id < q.id ? -1 : 1));
    const words = byX.length === 2 ? ['left', 'right'] : byX.length === 3 ? ['left', 'middle', 'right'] : null;
    byX.forEach((o, i) => {
      const caption = tidy(o.caption);
      names.set(o.id, words ? `${words[i]} ${caption.replace(/^(?:the|an?)\s+/i, '')}` : `${caption} (${ordinal(i + 1)} from the left)`);
    });
  }
  CACHE.set(objects, names);
  return names;
}
