/**
 * English plural -> singular for object words, shared by the question parser (normalize.ts) and the classes of
 * things (categories.ts).
 */
const IRREGULAR_PLURALS: Record<string, string> = {
  people: 'person', men: 'man', women: 'woman', children: 'child', shelves: 'shelf', knives: 'knife',
  leaves: 'leaf', mice: 'mouse', feet: 'foot', glasses: 'glass', buses: 'bus', couches: 'couch', taxis: 'taxi',
};

/** English plural -> singular, conservative: words ending in -ss, -us, -is stay as they are. */
export function singular(word: string): string {
  const irregular = IRREGULAR_PLURALS[word];
  if (irregular) return irregular;
  if (word.length <= 3 || /(?:ss|us|is)$/.test(word)) return word;
  if (/ies$/.test(word)) return word.slice(0, -3) + 'y';
  if (/(?:sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (/s$/.test(word)) return word.slice(0, -1);
  return word;
}
