import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATASET_SCHEMA_VERSION } from '../src/core/synth';
import { fixturesFor } from './lib/fixtures';
import { runSynth } from './lib/runSynth';

const dir = fixturesFor('npm run synth');

describe.skipIf(!dir)('npm run synth on the fixtures', () => {
  const out = mkdtempSync(join(tmpdir(), 'spatiallens-synth-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes valid JSONL in both forms, with images and a README', async () => {
    const r = await runSynth({ index: join(dir!, 'rgbd_index.json'), out, seed: 1, maxPairs: 40, phrasings: 1, imperial: false });
    expect(r.failed).toBe(0);
    expect(r.frames).toBe(8);
    expect(r.pairs).toBeGreaterThan(20);
    const flat = readFileSync(join(out, 'qa.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(flat).toHaveLength(r.pairs);
    for (const l of flat) {
      expect(l.schema_version).toBe(DATASET_SCHEMA_VERSION);
      expect(l.question).toMatch(/\?$|\.$/);
      // the answer line carries the decisive part the query asked for, not just some words
      if (l.query.form === 'yesno') expect(l.verdict, l.question).not.toBeNull();
      if (l.query.form === 'choice' && l.choice !== null) expect(l.objects).toContain(l.choice);
      if (l.category === 'quantitative' && typeof l.value === 'number') expect(l.answer).toMatch(/\d/);
      expect(['qualitative', 'quantitative', 'composite']).toContain(l.category);
      if (l.category === 'quantitative') expect(typeof l.value === 'number' || l.template === 'pair.direction').toBe(true);
    }
    const q = flat.filter((l) => l.category === 'qualitative').length;
    expect(q).toBe(flat.filter((l) => l.category === 'quantitative').length);
    const conv = readFileSync(join(out, 'conversations.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(conv).toHaveLength(new Set(flat.map((l) => l.image)).size); // one conversation per image with pairs
    for (const c of conv) {
      expect(c.messages[0].role).toBe('user');
      expect(c.messages[0].content[0].type).toBe('image');
      expect(readdirSync(join(out, 'images'))).toContain(c.images[0].replace('images/', ''));
    }
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain(`Schema version ${DATASET_SCHEMA_VERSION}`);
  });
});
