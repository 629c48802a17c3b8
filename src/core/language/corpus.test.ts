import type { Query } from '../reason/query';
import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../reason/query';
import { CORPUS, HELD_OUT, SCENES, type CorpusCase, type Expected } from './corpus.test-data';
import { parseQuestion } from './parse';

/** `top` (a superlative: the answer leads with the winner) is checked in parse.test.ts; here the ordering is. */
function withoutTop(q: Query): Query {
  if (q.type !== 'order' || !q.top) return q;
  const { top: _top, ...rest } = q;
  void _top;
  return rest;
}

function matches(r: ParseResult, e: Expected): boolean {
  if (r.status !== e.status) return false;
  switch (e.status) {
    case 'ok':
      return r.status === 'ok' && JSON.stringify(withoutTop(r.parsed.query)) === JSON.stringify(e.query) && r.parsed.unit === e.unit;
    case 'clarify':
      return r.status === 'clarify' && JSON.stringify([...r.candidates].sort()) === JSON.stringify([...e.candidates].sort());
    case 'unresolved':
      return r.status === 'unresolved' && JSON.stringify([...r.phrases].sort()) === JSON.stringify([...e.phrases].sort());
    case 'free-form':
      return true;
  }
}

function describeResult(r: ParseResult): string {
  switch (r.status) {
    case 'ok':
      return JSON.stringify(r.parsed);
    case 'clarify':
      return `clarify ${JSON.stringify(r.candidates)}`;
    case 'unresolved':
      return `unresolved ${JSON.stringify(r.phrases)}`;
    case 'free-form':
      return 'free-form';
  }
}

describe('parser corpus (hand-written questions)', () => {
  it('has at least 150 questions', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150);
  });

  it('parses at least 95% as a person would expect', () => {
    const { good, failures } = score(CORPUS);
    const pct = (100 * good) / CORPUS.length;
    console.log(`parser accuracy: ${good}/${CORPUS.length} = ${pct.toFixed(1)}%`);
    if (failures.length > 0) console.log(`failures:\n${failures.join('\n')}`);
    expect(pct).toBeGreaterThanOrEqual(95);
  });

  it('generalises to a held-out set written after tuning (reported; bar 80%)', () => {
    const { good, failures } = score(HELD_OUT);
    const pct = (100 * good) / HELD_OUT.length;
    console.log(`held-out parser accuracy: ${good}/${HELD_OUT.length} = ${pct.toFixed(1)}%`);
    if (failures.length > 0) console.log(`held-out failures:\n${failures.join('\n')}`);
    expect(pct).toBeGreaterThanOrEqual(80);
  });
});

function score(cases: CorpusCase[]): { good: number; failures: string[] } {
  {
    const failures: string[] = [];
    for (const c of cases) {
      const r = parseQuestion(c.text, SCENES[c.scene]);
      if (!matches(r, c.expect)) {
        const want = c.expect.status === 'ok' ? JSON.stringify({ query: c.expect.query, unit: c.expect.unit }) : JSON.stringify(c.expect);
        failures.push(`  [${c.scene}] "${c.text}"\n      got:  ${describeResult(r)}\n      want: ${want}`);
      }
    }
    return { good: cases.length - failures.length, failures };
  }
}
