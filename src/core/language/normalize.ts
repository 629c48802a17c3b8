/**
 * Text normalisation shared by the question parser and the caption matcher: case, punctuation,
 * contractions, British spellings, plurals and word-level typo correction.
 */
import { AXIS_CUES, DIMENSION_CUES, DISTANCE_CUE, EXTREME_CUE, NEAR_CUE, ORDER_KEYS, RELATION_CUES, SAME_DIMENSIONS, SUPERLATIVES } from './cues';
import { COMMON_WORDS, CONTRACTIONS, KEYWORDS, KNOWN_WORDS, NOUN_SYNONYMS, PHRASE_SYNONYMS, SHORT_TYPOS, SPELLING } from './lexicon';
import { singular } from '../scene/plural';

export { singular };

/** Optimal-string-alignment distance: Levenshtein plus adjacent transpositions ("lfet" -> "left" is 1). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
    }
  }
  return d[m][n];
}

/** One word of an object name in canonical form: singular, then the synonym table. */
export function canonicalNoun(word: string): string {
  const s = singular(word);
  return NOUN_SYNONYMS[s] ?? NOUN_SYNONYMS[word] ?? s;
}

export function applyPhraseSynonyms(text: string): string {
  let out = text;
  for (const [re, to] of PHRASE_SYNONYMS) out = out.replace(re, to);
  return out;
}

/** A bracketed note on how an object is marked in the picture (a box, an outline, a mask, a label). */
const MARKING_NOTE = /\([^()]*\b(?:highlighted|marked|outlined|annotated|indicated|labell?ed|circled|boxed|bounding|box|boxes|bbox|outline|mask|region)\b[^()]*\)/g;

/**
 * Lettered answer options and the instruction that introduces them, as multiple-choice benchmarks append them:
 * "... Select from the following choices. (A) left (B) right". The instruction goes; the options are read as
 * alternatives ("..., left or right"), not as words of the question ("a left b right").
 */
// one way to match each option (no two quantifiers may take the same spaces): linear, not exponential, in the
// number of bracketed letters on text that ends in an unclosed bracket
const OPTION_LIST = /(?:\([a-f1-6]\)[^()]*){2,}$/;
const OPTION_INSTRUCTION = /(?:^|[.?!]\s*)(?:please\s+)?(?:select|choose|pick|answer with)\b[^.?!(]*?\b(?:choices|options|alternatives|answers|letter)\b[^.?!(]*[.?!:]?\s*(?=\(\s*[a-f1-6]\s*\)|$)/;

/** Lower case, unify quotes and dashes, split off punctuation; commas survive as their own token. */
export function tokenize(text: string): string[] {
  const t = text
    .toLowerCase()
    .replace(OPTION_INSTRUCTION, (m) => (/^[.?!]/.test(m) ? m[0] : ' '))
    // the options stay as alternatives: "which is taller? (a) the sofa (b) the tv" names its objects there
    .replace(OPTION_LIST, (m) => m.replace(/\(\s*[a-f1-6]\s*\)/g, (_, i: number) => (i === m.search(/\(/) ? ' , ' : ' or ')))
    // benchmarks mark the objects in the picture: "the sofa (highlighted by a red box)" names no object
    .replace(MARKING_NOTE, ' ')
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[\u201c\u201d"]/g, ' ')
    .replace(/[\u2014\u2013:;]/g, ' , ')
    .replace(/([a-z])-(?=[a-z])/g, '$1 ')
    .replace(/,/g, ' , ')
    .replace(/[^a-z0-9', ]+/g, ' ');
  return t.split(/\s+/).filter((w) => w.length > 0);
}

/**
 * Every word the cue patterns spell out is a word the parser reads, never a typo of another: "longest" was
 * "corrected" to "lowest" (two edits) and "thicker" to "thinner", turning the question into another.
 */
const CUE_WORDS = [
  ...[RELATION_CUES, SUPERLATIVES, DIMENSION_CUES, ORDER_KEYS, SAME_DIMENSIONS, AXIS_CUES].flatMap((table) => table.map(([src]) => src)),
  NEAR_CUE, DISTANCE_CUE, EXTREME_CUE,
].flatMap((src) => src.match(/[a-z]{3,}/g) ?? []);

const KNOWN = new Set<string>([...KEYWORDS, ...KNOWN_WORDS, ...COMMON_WORDS, ...CUE_WORDS]);

/**
 * Closest target to a word not in the lexicon. Typos keep their first letter far more often than not, and
 * requiring it stops real words from being bent into keywords.
 */
function correctWord(word: string, targets: readonly string[]): string {
  if (word.length < 3 || /\d/.test(word)) return word;
  const budget = word.length >= 7 ? 2 : 1;
  let best = word;
  let bestD = budget + 1;
  let bestLonger = false;
  for (const t of targets) {
    if (t[0] !== word[0] || Math.abs(t.length - word.length) > budget) continue;
    if (word.length === 3 && t.slice(0, 2) !== word.slice(0, 2)) continue;
    const d = editDistance(word, t);
    const longer = t.length > word.length;
    // on a tie prefer a longer target: dropped letters are the commonest typo ("tallr" -> "taller")
    if (d < bestD || (d === bestD && longer && !bestLonger)) {
      best = t;
      bestD = d;
      bestLonger = longer;
    }
  }
  return bestD <= budget ? best : word;
}

/**
 * Normalise a question into space-separated lower-case tokens. `objectWordList` holds the words of the scene's
 * captions and attributes: they are valid words and typo targets too.
 */
export function normalizeQuestion(text: string, objectWordList: Iterable<string>): string {
  const objWords = [...objectWordList];
  const targets = [...new Set([...KEYWORDS, ...objWords, ...Object.keys(NOUN_SYNONYMS)])];
  const known = new Set<string>([...KNOWN, ...targets]);
  const out: string[] = [];
  for (const raw of tokenize(text)) {
    const expanded = CONTRACTIONS[raw] ?? SPELLING[raw] ?? raw;
    for (let w of expanded.split(' ')) {
      // possessive "'s" and stray apostrophes carry nothing for the parse
      w = w.replace(/'s$/, '').replace(/'/g, '');
      if (!w) continue;
      w = SPELLING[w] ?? SHORT_TYPOS[w] ?? w;
      if (!known.has(w) && !known.has(singular(w))) w = correctWord(w, targets);
      w = SPELLING[w] ?? w;
      out.push(w);
    }
  }
  // "micro wave" -> "microwave" when the joined word is an object word
  const joined: string[] = [];
  const objectSet = new Set(objWords);
  for (const w of out) {
    const prev = joined[joined.length - 1];
    if (prev !== undefined && !objectSet.has(prev) && objectSet.has(prev + w)) joined[joined.length - 1] = prev + w;
    else joined.push(w);
  }
  // "bigger then" is nearly always "bigger than"
  return applyPhraseSynonyms(joined.join(' ').replace(/\b(\w+er|more \w+|less \w+) then\b/g, '$1 than'));
}

/** The words of an object's caption and attributes, normalised like question words. */
export function objectWords(caption: string, attributes: readonly string[] = []): string[] {
  const words: string[] = [];
  for (const part of [caption, ...attributes]) {
    for (const raw of tokenize(applyPhraseSynonyms(part))) {
      if (raw === ',') continue;
      const w = SPELLING[raw] ?? raw;
      words.push(w);
    }
  }
  return words;
}
