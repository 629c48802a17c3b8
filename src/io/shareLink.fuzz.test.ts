import { deflateSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScene } from '../core/scene/schema';
import { toBase64Url } from './boundedInflate';
import { mutateBytes, mutateJson, mutateText, rng } from './mutations.test-data';
import { sampleJpeg, sampleScene } from './scenes.test-data';
import { decodeShareLink, encodeShareLink, type DecodeShareResult } from './shareLink';

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const STATUSES = new Set(['no-query', 'match', 'reworded', 'mismatch', 'failed']);
let decoded = 0;
let accepted = 0;

/** Never throws; ok means a schema-valid scene, otherwise a readable error. */
function decodeChecked(input: unknown): DecodeShareResult {
  let r: DecodeShareResult;
  try {
    r = decodeShareLink(input);
  } catch (e) {
    throw new Error(`decodeShareLink threw: ${String(e)}`);
  }
  decoded++;
  if (r.ok) {
    accepted++;
    expect(parseScene(r.payload.scene).ok).toBe(true);
    expect(STATUSES.has(r.answerCheck.status)).toBe(true);
  } else {
    expect(typeof r.error).toBe('string');
    expect(r.error.length).toBeGreaterThan(5);
    expect(r.error.length).toBeLessThan(2000);
  }
  return r;
}

const linkOfText = (text: string) => `#s1.${toBase64Url(deflateSync(new TextEncoder().encode(text)))}`;

const valid = encodeShareLink(
  {
    scene: sampleScene(3, { masks: false }),
    question: { text: 'Is the chair left of the table?', query: { type: 'relation', form: 'yesno', relation: 'left', a: 'obj0', b: 'obj1' } },
    view: { position: [0, 1.5, 1], target: [0, 0.5, -2], fov: 45 },
    photo: { thumbnail: sampleJpeg(1200), mime: 'image/jpeg' },
  },
  { baseUrl: 'https://spatiallens.example/' },
).url;
const validWire = (() => {
  const r = decodeShareLink(valid);
  if (!r.ok) throw new Error(r.error);
  const p = r.payload;
  const photo = p.photo && 'thumbnail' in p.photo ? { thumbnail: toBase64Url(p.photo.thumbnail), mime: p.photo.mime } : p.photo;
  return { v: 1, scene: p.scene, question: p.question, view: p.view, photo };
})();

describe('decodeShareLink fuzz (>= 10,000 inputs)', () => {
  it('random strings and random base64url after the prefix (4,000)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => void decodeChecked(s)), { numRuns: 1500, seed: 11 });
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...B64URL), { maxLength: 400 }), fc.constantFrom('#s1.', 's1.', 'https://x.y/#s1.', '#s0.', '#s1'), (cs, pre) => void decodeChecked(pre + cs.join(''))),
      { numRuns: 1500, seed: 12 },
    );
    fc.assert(fc.property(fc.anything(), (x) => void decodeChecked(x)), { numRuns: 1000, seed: 13 });
  });

  it('valid deflate streams of random bytes and random JSON (2,000)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => void decodeChecked(`#s1.${toBase64Url(deflateSync(b))}`)), { numRuns: 1000, seed: 21 });
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (j) => void decodeChecked(linkOfText(JSON.stringify(j)))), { numRuns: 1000, seed: 22 });
  });

  it('character-level mutations of a valid link (2,500)', () => {
    const r = rng(31);
    let survived = 0;
    for (let i = 0; i < 2500; i++) if (decodeChecked(mutateText(valid, r, B64URL)).ok) survived++;
    // Almost every flip breaks the deflate stream or the JSON; the rare survivor must still be valid.
    expect(survived).toBeLessThan(2500);
  });

  it('byte-level mutations of the compressed payload (1,000)', () => {
    const packed = deflateSync(new TextEncoder().encode(JSON.stringify(validWire)));
    const r = rng(41);
    for (let i = 0; i < 1000; i++) decodeChecked(`#s1.${toBase64Url(mutateBytes(packed, r))}`);
  });

  it('structural JSON mutations of a valid payload, __proto__ keys included (2,500)', () => {
    const r = rng(51);
    let ok = 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (rep) => {
        if (decodeChecked(linkOfText(JSON.stringify(mutateJson(validWire, r, rep)))).ok) ok++;
      }),
      { numRuns: 2500, seed: 52 },
    );
    // Some edits are harmless (a caption, a number): the decoder must accept those, not refuse everything.
    expect(ok).toBeGreaterThan(50);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('ran at least 10,000 inputs', () => {
    console.log(`share link fuzz: ${decoded} inputs decoded, ${accepted} accepted as valid`);
    expect(decoded).toBeGreaterThanOrEqual(10_000);
  });
});
