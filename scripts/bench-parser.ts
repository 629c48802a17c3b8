/**
 * Parser speed: every question of the phrasing corpus, the precision set and the hand-written corpus,
 * parsed against its scene; prints the median and 95th percentile time per question (ms).
 * Run: npx tsx scripts/bench-parser.ts [rounds]
 */
import { performance } from 'node:perf_hooks';
import { CORPUS, HELD_OUT, SCENES } from '../src/core/language/corpus.test-data';
import { parseQuestion } from '../src/core/language/parse';
import { ALL_SCENES, buildPhrasingCorpus, buildPrecisionSet, HELD_OUT_PHRASINGS } from '../src/core/language/phrasing.test-data';
import type { SceneLike } from '../src/core/language/referents';

const rounds = Number(process.argv[2] ?? 5);
const cases: { text: string; scene: SceneLike }[] = [
  ...[...buildPhrasingCorpus(), ...HELD_OUT_PHRASINGS, ...buildPrecisionSet()].map((c) => ({ text: c.text, scene: ALL_SCENES[c.scene] })),
  ...[...CORPUS, ...HELD_OUT].map((c) => ({ text: c.text, scene: SCENES[c.scene] })),
];

// warm up the JIT and the regex caches
for (const c of cases) parseQuestion(c.text, c.scene);
const times: number[] = [];
for (let r = 0; r < rounds; r++) {
  for (const c of cases) {
    const t0 = performance.now();
    parseQuestion(c.text, c.scene);
    times.push(performance.now() - t0);
  }
}
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
console.log(`parser: ${cases.length} questions x ${rounds} rounds; median ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms, max ${times[times.length - 1].toFixed(2)} ms per question`);
