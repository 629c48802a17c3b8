import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScene } from '../core/scene/schema';
import { mutateBytes, mutateJson, rng } from './mutations.test-data';
import { sampleJpeg, sampleScene } from './scenes.test-data';
import { readSceneFile, writeSceneFile, type ReadSceneFileResult } from './sceneFile';

let read = 0;
let accepted = 0;

function readChecked(input: unknown): ReadSceneFileResult {
  let r: ReadSceneFileResult;
  try {
    r = readSceneFile(input);
  } catch (e) {
    throw new Error(`readSceneFile threw: ${String(e)}`);
  }
  read++;
  if (r.ok) {
    accepted++;
    expect(parseScene(r.contents.scene).ok).toBe(true);
    expect(r.answerChecks).toHaveLength(r.contents.questions.length);
  } else {
    expect(typeof r.error).toBe('string');
    expect(r.error.length).toBeGreaterThan(5);
    expect(r.error.length).toBeLessThan(2000);
  }
  return r;
}

const depth = { width: 8, height: 6, data: new Float32Array(48).map((_, i) => 1 + i * 0.01) };
const positions = new Float32Array(150).map((_, i) => Math.cos(i));
const valid = writeSceneFile({
  scene: sampleScene(2),
  questions: [{ text: 'Is the chair left of the table?', query: { type: 'relation', form: 'yesno', relation: 'left', a: 'obj0', b: 'obj1' } }, { text: 'why?' }],
  photo: { bytes: sampleJpeg(1200), mime: 'image/jpeg' },
  depth,
  pointCloud: { positions, colors: new Uint8Array(150), frame: 'canonical' },
  view: { position: [0, 1, 1], target: [0, 0, -1] },
  createdAt: '2026-01-01T00:00:00Z',
});
const entries = unzipSync(valid);
const jsonOf = (name: string): unknown => JSON.parse(new TextDecoder().decode(entries[name]));

describe('readSceneFile fuzz (>= 10,000 inputs)', () => {
  it('the base file is valid', () => {
    expect(readChecked(valid).ok).toBe(true);
  });

  it('byte-level mutations of a valid file (4,000)', () => {
    const r = rng(61);
    for (let i = 0; i < 4000; i++) readChecked(mutateBytes(valid, r));
  });

  it('random bytes, with and without a zip signature (2,000)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (b) => void readChecked(b)), { numRuns: 1000, seed: 71 });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (b) => {
        const withEocd = new Uint8Array(b.length + 26);
        withEocd.set([0x50, 0x4b, 3, 4]);
        withEocd.set(b, 4);
        withEocd.set([0x50, 0x4b, 5, 6], b.length + 4);
        readChecked(withEocd);
      }),
      { numRuns: 1000, seed: 72 },
    );
  });

  it('structural mutations of each JSON entry, __proto__ keys included (3,000)', () => {
    const r = rng(81);
    const names = ['manifest.json', 'scene.json', 'questions.json'];
    let ok = 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.nat(2), (rep, which) => {
        const name = names[which];
        const files: Zippable = { ...entries, [name]: strToU8(JSON.stringify(mutateJson(jsonOf(name), r, rep))) };
        if (readChecked(zipSync(files, { level: 0 })).ok) ok++;
      }),
      { numRuns: 3000, seed: 82 },
    );
    expect(ok).toBeGreaterThan(50);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('valid zips with random entries and random contents (1,000)', () => {
    const name = fc.constantFrom('manifest.json', 'scene.json', 'questions.json', 'photo.jpeg', 'depth.png', 'points/positions.f32', 'points/colors.u8', '../x', 'constructor', 'a/b');
    fc.assert(
      fc.property(fc.dictionary(name, fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.jsonValue({ maxDepth: 3 }).map((j) => strToU8(JSON.stringify(j))))), (d) => {
        const files = Object.create(null) as Zippable;
        Object.assign(files, entries);
        for (const [k, v] of Object.entries(d)) files[k] = v;
        readChecked(zipSync(files, { level: 0 }));
      }),
      { numRuns: 1000, seed: 91 },
    );
  });

  it('read at least 10,000 inputs', () => {
    console.log(`scene file fuzz: ${read} inputs read, ${accepted} accepted as valid`);
    expect(read).toBeGreaterThanOrEqual(10_000);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
