import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Query } from '../core/reason/query';
import { parseScene } from '../core/scene/schema';
import * as v from 'valibot';
import { QuerySchema } from './shareSchemas';
import { toBase64Url } from './boundedInflate';
import { sampleJpeg, sampleScene } from './scenes.test-data';
import {
  DEFAULT_MAX_LINK_CHARS,
  SHARE_LINK_LIMITS,
  ShareLinkError,
  decodeShareLink,
  describeShareLink,
  encodeShareLink,
  type ShareInput,
} from './shareLink';

const BASE = 'https://spatiallens.example/app/';
const distanceQ = { text: 'How far is the chair from the table?', query: { type: 'pair', measure: 'distance', a: 'obj0', b: 'obj1' } as const };

/** A link from any JSON value, the way a hostile sender would make one. */
export function linkOf(value: unknown): string {
  return `${BASE}#s1.${toBase64Url(deflateSync(new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value))))}`;
}

function wireOf(url: string): Record<string, unknown> {
  const r = decodeShareLink(url);
  if (!r.ok) throw new Error(r.error);
  const p = r.payload;
  const photo = p.photo && ('url' in p.photo ? p.photo : { thumbnail: toBase64Url(p.photo.thumbnail), mime: p.photo.mime });
  return { v: 1, scene: p.scene, ...(p.question ? { question: p.question } : {}), ...(p.view ? { view: p.view } : {}), ...(photo ? { photo } : {}) };
}

describe('encodeShareLink / decodeShareLink round trip', () => {
  it('gives back the same scene, question and view (photo by URL)', () => {
    const scene = sampleScene(5);
    const view = { position: [1.25, 1.6, 2.5], target: [0, 0.5, -2], fov: 50 } as ShareInput['view'];
    const r = encodeShareLink({ scene, question: distanceQ, view, photo: { url: 'https://images.example.org/room.jpg?x=1' } }, { baseUrl: BASE });
    expect(r.url.startsWith(`${BASE}#s1.`)).toBe(true);
    expect(r.chars).toBe(r.url.length);
    expect(r.photoMode).toBe('url');
    expect(r.dropped).toEqual([]);
    const d = decodeShareLink(r.url);
    if (!d.ok) throw new Error(d.error);
    expect(d.payload.scene).toEqual(scene);
    expect(d.payload.view).toEqual(view);
    expect(d.payload.photo).toEqual({ url: 'https://images.example.org/room.jpg?x=1' });
    expect(d.payload.question?.text).toBe(distanceQ.text);
    expect(d.payload.question?.query).toEqual(distanceQ.query);
    expect(d.payload.question?.sentence).toMatch(/\d/);
    expect(d.answerCheck.status).toBe('match');
    // The hash alone and the bare fragment decode the same.
    const hash = r.url.slice(r.url.indexOf('#'));
    expect(decodeShareLink(hash)).toEqual(d);
    expect(decodeShareLink(hash.slice(1))).toEqual(d);
    // Punctuation a chat app glued to the end, and surrounding whitespace, are ignored.
    expect(decodeShareLink(` ${r.url}). `)).toEqual(d);
  });

  it('carries containment and support questions and their verdicts', () => {
    const scene = sampleScene(5);
    for (const type of ['contain', 'support'] as const) {
      const question = { text: 'Is the chair in / on the table?', query: { type, a: 'obj0', b: 'obj1' } };
      const d = decodeShareLink(encodeShareLink({ scene, question }, { baseUrl: BASE }).url);
      if (!d.ok) throw new Error(d.error);
      expect(d.payload.question?.query).toEqual(question.query);
      expect(d.answerCheck.status).toBe('match');
    }
    const placed = { text: 'What is on the table?', query: { type: 'placed', how: 'on', reference: 'obj1' } as const };
    const p = decodeShareLink(encodeShareLink({ scene, question: placed }, { baseUrl: BASE }).url);
    if (!p.ok) throw new Error(p.error);
    expect(p.payload.question?.query).toEqual(placed.query);
  });

  it('carries where-relative, facing, left-to-right, against-a-length and counted-kind questions', () => {
    const scene = sampleScene(5);
    const questions: { text: string; query: Query }[] = [
      { text: 'Where is the chair relative to the table?', query: { type: 'place', a: 'obj0', b: 'obj1' } },
      { text: 'Standing at the chair facing the table, is the lamp on my left?', query: { type: 'facing', at: 'obj0', toward: 'obj1', target: 'obj2', ask: 'left' } },
      { text: 'Which is the leftmost?', query: { type: 'order', by: 'lateral', objects: ['obj0', 'obj1', 'obj2'], descending: false, top: true } },
      { text: 'Is the chair the tallest object?', query: { type: 'order', by: 'height', objects: ['obj0', 'obj1', 'obj2'], descending: true, top: true, claim: 'obj0' } },
      { text: 'Is the chair taller than 1 m?', query: { type: 'size', measure: 'height', a: 'obj0', threshold: { op: 'above', metres: 1 } } },
      { text: 'How high off the floor is the chair?', query: { type: 'elevation', a: 'obj0' } },
      { text: 'What are the dimensions of the chair?', query: { type: 'dimensions', a: 'obj0' } },
      { text: 'Is the chair within 2 m of the table?', query: { type: 'pair', measure: 'distance', a: 'obj0', b: 'obj1', threshold: { op: 'below', metres: 2 } } },
      { text: 'How many chairs are left of the table?', query: { type: 'count', relation: 'left', reference: 'obj1', among: ['obj0'] } },
      { text: 'Are the chairs left of the table?', query: { type: 'count', relation: 'left', reference: 'obj1', among: ['obj0'], ask: 'all' } },
      { text: 'Is the chair on the left side of the picture?', query: { type: 'side', a: 'obj0', ask: 'left' } },
      { text: 'What is between the chair and the lamp?', query: { type: 'inBetween', b: 'obj0', c: 'obj2' } },
      { text: 'How high is the camera?', query: { type: 'cameraHeight' } },
      { text: 'Is the chair left or right of the table?', query: { type: 'relation', form: 'yesno', relation: 'left', a: 'obj0', b: 'obj1', either: true } },
      { text: 'How much taller is the chair than the table?', query: { type: 'pair', measure: 'how_much_taller', a: 'obj0', b: 'obj1' } },
      { text: 'Is the table more than 10 cm narrower than the lamp?', query: { type: 'pair', measure: 'how_much_wider', a: 'obj2', b: 'obj1', threshold: { op: 'above', metres: 0.1 } } },
      { text: 'Is the lamp more than 3 m away?', query: { type: 'range', a: 'obj2', threshold: { op: 'above', metres: 3 } } },
      { text: 'Is the chair longer than the table?', query: { type: 'relation', form: 'yesno', relation: 'wider', a: 'obj0', b: 'obj1', long: true } },
      { text: 'Which is the longest?', query: { type: 'order', by: 'width', objects: ['obj0', 'obj1', 'obj2'], descending: true, top: true, long: true } },
    ];
    for (const question of questions) {
      const d = decodeShareLink(encodeShareLink({ scene, question }, { baseUrl: BASE }).url);
      if (!d.ok) throw new Error(d.error);
      expect(d.payload.question?.query).toEqual(question.query);
      expect(d.answerCheck.status).toBe('match');
    }
    // a counted kind names at least one object
    expect(v.safeParse(QuerySchema, { type: 'count', relation: 'left', reference: 'obj1', among: [] }).success).toBe(false);
    // a length that is no length is refused
    for (const metres of [-1, 0, Number.POSITIVE_INFINITY, 5000]) {
      expect(v.safeParse(QuerySchema, { type: 'size', measure: 'height', a: 'obj0', threshold: { op: 'above', metres } }).success, String(metres)).toBe(false);
    }
  });

  it('carries a thumbnail byte for byte', () => {
    const thumb = sampleJpeg(1500);
    const r = encodeShareLink({ scene: sampleScene(3), photo: { thumbnail: thumb, mime: 'image/jpeg' } }, { baseUrl: BASE });
    expect(r.photoMode).toBe('thumbnail');
    const d = decodeShareLink(r.url);
    if (!d.ok) throw new Error(d.error);
    expect(d.payload.photo).toEqual({ thumbnail: thumb, mime: 'image/jpeg' });
    expect(d.answerCheck.status).toBe('no-query');
  });

  it('keeps an uploaded photo\'s link (3 KB thumbnail, 12 objects with masks) under the documented limit', () => {
    const thumb = sampleJpeg(3000);
    expect(thumb.length).toBeGreaterThan(2500);
    const scene = sampleScene(12, { masks: true });
    expect(JSON.stringify(scene).length).toBeGreaterThan(15_000);
    const r = encodeShareLink(
      { scene, question: distanceQ, view: { position: [0, 1.5, 1], target: [0, 0, -3] }, photo: { thumbnail: thumb, mime: 'image/jpeg' } },
      { baseUrl: BASE },
    );
    console.log(`12-object link with a ${thumb.length}-byte thumbnail: ${r.chars} chars, ${r.photoMode}, dropped ${r.dropped.join(', ')}`);
    expect(r.chars).toBeLessThanOrEqual(DEFAULT_MAX_LINK_CHARS);
    expect(r.photoMode).toBe('thumbnail');
    expect(r.dropped).toContain('masks');
    const d = decodeShareLink(r.url);
    if (!d.ok) throw new Error(d.error);
    expect(d.payload.scene.objects).toHaveLength(12);
    expect(d.payload.scene.objects.every((o) => o.mask === undefined)).toBe(true);
    expect(d.answerCheck.status).toBe('match');
    // Rounded to a millimetre, never more.
    d.payload.scene.objects.forEach((o, i) => o.centroid.forEach((c, k) => expect(Math.abs(c - scene.objects[i].centroid[k])).toBeLessThanOrEqual(0.0005 + 1e-12)));
  });

  it('drops the thumbnail, then the sentence, under a tighter limit, and says so', () => {
    const scene = sampleScene(12, { masks: true });
    const input: ShareInput = { scene, question: distanceQ, photo: { thumbnail: sampleJpeg(3000), mime: 'image/jpeg' } };
    const r = encodeShareLink(input, { baseUrl: BASE, maxChars: 3000 });
    expect(r.chars).toBeLessThanOrEqual(3000);
    expect(r.photoMode).toBe('boxes-only');
    expect(r.dropped.slice(0, 3)).toEqual(['masks', 'precision', 'thumbnail']);
    expect(decodeShareLink(r.url).ok).toBe(true);
    expect(() => encodeShareLink(input, { baseUrl: BASE, maxChars: 600 })).toThrow(ShareLinkError);
    expect(() => encodeShareLink(input, { baseUrl: BASE, maxChars: 600 })).toThrow(/scene file instead/);
  });

  it('describes a link before anything is fetched', () => {
    const r = encodeShareLink({ scene: sampleScene(4), question: distanceQ, photo: { url: 'https://cdn.example.net:8443/p/room.jpg' } }, { baseUrl: BASE });
    const d = decodeShareLink(r.url);
    if (!d.ok) throw new Error(d.error);
    const s = describeShareLink(d.payload);
    expect(s).toMatchObject({ objects: 4, question: distanceQ.text, photoMode: 'url', photoHost: 'cdn.example.net:8443', hasView: false, hasMasks: false });
    expect(s.captions).toEqual(['chair', 'table', 'lamp', 'plant']);
    expect(s.answerPreview).toBe(d.payload.question?.sentence);
  });

  it('refuses to make a link from bad input', () => {
    const scene = sampleScene(3);
    expect(() => encodeShareLink({ scene, photo: { url: 'javascript:alert(1)' } }, { baseUrl: BASE })).toThrow(/http/);
    expect(() => encodeShareLink({ scene, photo: { thumbnail: new Uint8Array([1, 2, 3]), mime: 'image/jpeg' } }, { baseUrl: BASE })).toThrow(/not image\/jpeg/);
    expect(() => encodeShareLink({ scene, question: { text: 'q', query: { type: 'size', measure: 'width', a: 'nope' } } }, { baseUrl: BASE })).toThrow(/nope/);
    expect(() => encodeShareLink({ scene: { ...scene, objects: [] as never } as never }, { baseUrl: BASE })).not.toThrow();
    expect(() => encodeShareLink({ scene: { ...scene, image: { width: -1, height: 1 } } }, { baseUrl: BASE })).toThrow(/scene is not valid/);
  });
});

describe('decodeShareLink on hostile input', () => {
  const good = encodeShareLink({ scene: sampleScene(4), question: distanceQ, view: { position: [0, 1, 1], target: [0, 0, 0] } }, { baseUrl: BASE }).url;

  it('notices a tampered answer: the recomputed answer replaces it', () => {
    const wire = wireOf(good) as { question: { sentence: string; answer: { value: number } } };
    const realValue = wire.question.answer.value;
    wire.question.sentence = 'The chair is 42 m from the table.';
    wire.question.answer.value = 42;
    const d = decodeShareLink(linkOf(wire));
    if (!d.ok) throw new Error(d.error);
    expect(d.answerCheck.status).toBe('mismatch');
    if (d.answerCheck.status !== 'mismatch') return;
    expect(d.answerCheck.carried).toBe('The chair is 42 m from the table.');
    expect(d.answerCheck.answer.value).toBeCloseTo(realValue, 9);
    // Same answer in other words (a newer app's phrasing): reworded, and the recomputed sentence is shown.
    const w1 = wireOf(good) as { question: { sentence: string } };
    w1.question.sentence = 'Chair to table: same distance, different words.';
    const d1 = decodeShareLink(linkOf(w1));
    expect(d1.ok && d1.answerCheck.status).toBe('reworded');
    // Sentence changed alone, no key: a mismatch too.
    const w2 = wireOf(good) as { question: { sentence: string; answer?: unknown } };
    w2.question.sentence = 'Trust me.';
    delete w2.question.answer;
    const d2 = decodeShareLink(linkOf(w2));
    expect(d2.ok && d2.answerCheck.status).toBe('mismatch');
  });

  it('refuses oversized input before decompressing, and caps what decompresses (zip bomb)', () => {
    const long = `${BASE}#s1.${'A'.repeat(SHARE_LINK_LIMITS.maxInputChars)}`;
    const r = decodeShareLink(long);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/too long/) });
    // 8 MB of spaces deflates to ~8 kB: a valid-length link that would expand 1000x.
    const bomb = linkOf(' '.repeat(8 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(SHARE_LINK_LIMITS.maxInputChars);
    const b = decodeShareLink(bomb);
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.error).toMatch(/larger than the limit/);
  });

  it('gives clear messages for truncated, flipped, foreign and future links', () => {
    const cut = decodeShareLink(good.slice(0, Math.floor(good.length * 0.6)));
    expect(cut).toEqual({ ok: false, error: expect.stringMatching(/damaged|truncated/) });
    const data = good.slice(good.indexOf('#s1.') + 4);
    const flipped = `#s1.${data.slice(0, 40)}${data[40] === 'A' ? 'B' : 'A'}${data.slice(41)}`;
    const f = decodeShareLink(flipped);
    expect(f.ok).toBe(false);
    if (!f.ok) expect(f.error.length).toBeGreaterThan(10);
    expect(decodeShareLink('https://example.com/')).toEqual({ ok: false, error: expect.stringMatching(/nothing after #|not a SpatialLens/) });
    expect(decodeShareLink('#hello')).toEqual({ ok: false, error: expect.stringMatching(/not a SpatialLens share link/) });
    expect(decodeShareLink('#s9.abc')).toEqual({ ok: false, error: expect.stringMatching(/s9 is not supported/) });
    expect(decodeShareLink('#s1.ab$c')).toEqual({ ok: false, error: expect.stringMatching(/base64url/) });
    expect(decodeShareLink(42)).toEqual({ ok: false, error: 'link must be text' });
    expect(decodeShareLink(linkOf('[1,2')).ok).toBe(false);
    expect(decodeShareLink(linkOf({ v: 2, scene: {} }))).toEqual({ ok: false, error: expect.stringMatching(/^link content is not valid: link\.v/) });
    const w = wireOf(good);
    expect(decodeShareLink(linkOf({ ...w, photo: { url: 'javascript:alert(1)' } }))).toEqual({ ok: false, error: expect.stringMatching(/http/) });
    expect(decodeShareLink(linkOf({ ...w, photo: { thumbnail: 'AAAA', mime: 'image/png' } }))).toEqual({ ok: false, error: expect.stringMatching(/not a image\/png/) });
    expect(decodeShareLink(linkOf({ ...w, question: { text: 'q', query: { type: 'size', measure: 'width', a: 'ghost' } } }))).toEqual({
      ok: false,
      error: expect.stringMatching(/"ghost"/),
    });
    expect(decodeShareLink(linkOf({ ...w, extra: 1 }))).toEqual({ ok: false, error: expect.stringMatching(/link\.extra: unknown field/) });
  });

  it('refuses __proto__ payloads without polluting Object.prototype', () => {
    const w = wireOf(good) as { scene: Record<string, unknown> };
    const sceneText = JSON.stringify(w.scene);
    const variants = [
      `{"__proto__":{"polluted":1},"v":1,"scene":${sceneText}}`,
      `{"v":1,"scene":${sceneText.replace('{"schemaVersion"', '{"__proto__":{"polluted":1},"schemaVersion"')}}`,
      `{"v":1,"scene":${sceneText},"view":{"position":[0,0,0],"target":[0,0,1],"constructor":{"prototype":{"polluted":1}}}}`,
      `{"v":1,"scene":${sceneText},"question":{"text":"q","query":{"type":"size","measure":"width","a":"obj0","__proto__":{"polluted":1}}}}`,
    ];
    for (const text of variants) {
      const r = decodeShareLink(linkOf(text));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/forbidden key/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('only returns payloads whose scene passes the schema', () => {
    const d = decodeShareLink(good);
    expect(d.ok && parseScene(d.payload.scene).ok).toBe(true);
  });
});
