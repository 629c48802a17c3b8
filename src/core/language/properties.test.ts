/**
 * Properties of the parser over generated questions: wrappers and context clauses never change a parse;
 * swapping the two objects of a comparison gives the converse; an object the scene lacks is reported by
 * its name, never matched to another object.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParseResult, Query } from '../reason/query';
import { singular } from './normalize';
import { parseQuestion } from './parse';
import { ALL_SCENES, WRAPPERS } from './phrasing.test-data';

const living = ALL_SCENES.living;
const NAMES: Record<string, string> = { sofa: 'the sofa', table: 'the coffee table', lamp: 'the floor lamp', tv: 'the tv', plant: 'the potted plant', chairL: 'the red chair', chairR: 'the blue chair' };
const IDS = Object.keys(NAMES);

/** Two-object forms whose query names the objects in text order (a first). */
const PAIR_FORMS: ((a: string, b: string) => string)[] = [
  (a, b) => `Is ${a} to the left of ${b}?`, (a, b) => `Is ${a} higher than ${b}?`, (a, b) => `Is ${a} closer to the camera than ${b}?`,
  (a, b) => `Does ${a} have a greater height than ${b}?`, (a, b) => `Which is wider, ${a} or ${b}?`, (a, b) => `How far is ${a} from ${b}?`,
  (a, b) => `Is ${a} behind ${b}?`, (a, b) => `Between ${a} and ${b}, which one is smaller?`, (a, b) => `Is ${a} above or below ${b}?`,
  (a, b) => `What is the vertical distance between ${a} and ${b}?`, (a, b) => `Is ${a} narrower than ${b}?`, (a, b) => `Who is taller, ${a} or ${b}?`,
];

const queryOf = (r: ParseResult): Query | ParseResult => (r.status === 'ok' ? r.parsed.query : r);
const pairArb = fc.tuple(fc.constantFrom(...IDS), fc.constantFrom(...IDS)).filter(([a, b]) => a !== b);

describe('parser properties', () => {
  it('wrapping a question in a context clause or a polite wrapper never changes its parse', () => {
    fc.assert(
      fc.property(pairArb, fc.constantFrom(...PAIR_FORMS), fc.constantFrom(...WRAPPERS), ([a, b], form, wrap) => {
        const plain = form(NAMES[a], NAMES[b]);
        const base = parseQuestion(plain, living);
        expect(base.status, plain).toBe('ok');
        expect(queryOf(parseQuestion(wrap(plain), living)), wrap(plain)).toEqual(queryOf(base));
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('swapping the two objects gives the converse (the same question about B and A)', () => {
    fc.assert(
      fc.property(pairArb, fc.constantFrom(...PAIR_FORMS), ([a, b], form) => {
        const ab = queryOf(parseQuestion(form(NAMES[a], NAMES[b]), living));
        const ba = queryOf(parseQuestion(form(NAMES[b], NAMES[a]), living));
        expect('a' in ab && 'b' in ab && ab.a === a && ab.b === b, form(NAMES[a], NAMES[b])).toBe(true);
        expect(ba).toEqual({ ...ab, a: b, b: a });
      }),
      { numRuns: 300, seed: 16 },
    );
  });

  it('an object the scene lacks is reported by name, never matched to another object', () => {
    const realNouns = ['piano', 'giraffe', 'kayak', 'harp', 'anvil', 'canoe', 'tractor', 'violin', 'cactus', 'trampoline', 'wheelbarrow', 'xylophone'];
    // made-up words too: nothing in the lexicon may bend them into a caption
    const madeUp = fc.stringMatching(/^[qz][aeiou][bdgkpvxz][a-z]{2,5}$/);
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...realNouns), madeUp), fc.constantFrom(...IDS), fc.constantFrom(...PAIR_FORMS), fc.boolean(), (noun, other, form, first) => {
        const text = first ? form(`the ${noun}`, NAMES[other]) : form(NAMES[other], `the ${noun}`);
        const r = parseQuestion(text, living);
        expect(r.status, text).toBe('unresolved');
        // reported by its name, in the singular as every object name is
        if (r.status === 'unresolved') expect(r.phrases, text).toEqual([singular(noun)]);
      }),
      { numRuns: 300, seed: 17 },
    );
  });

  it('hostile text of any length parses in time linear enough: no pattern backtracks exponentially', () => {
    // one construction repeated hundreds of times, then a tail that makes the match fail at the very end: where
    // two quantifiers may take the same characters, each repetition doubles the ways to try (minutes for a few
    // hundred); a linear pattern takes milliseconds. 2 s is a guard against that, not a timing test.
    const pieces = ['(a) sofa ', '(b) ', ' (c) the tv ', 'select the options ', 'choose ', 'more than 1.5 m ', '2 ft 3 in ', 'if the sofa were moved ', 'facing the tv ', 'measuring from the closest point of ', 'relative to the tv ', 'where is ', '(highlighted by a red box) ', ', ', 'how many times ', 'taller than ', 'far left ', 'off the floor ', 'dimensions of '];
    const tails = ['(', ')', '?', ' x', '(a', ' 1.', ''];
    fc.assert(
      fc.property(fc.constantFrom(...pieces), fc.integer({ min: 100, max: 300 }), fc.constantFrom(...tails), fc.constantFrom('', 'Is the sofa ', 'Where is the sofa? '), (piece, n, tail, head) => {
        const text = head + piece.repeat(n) + tail;
        const t = performance.now();
        parseQuestion(text, living);
        expect(performance.now() - t, text.slice(0, 120)).toBeLessThan(2000);
      }),
      { numRuns: 40, seed: 18 },
    );
  });
});
