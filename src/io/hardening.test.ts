/**
 * Issue 14's input hardening at the io layer: messages for files that are not photos, a JPEG frame header
 * far into the file, depth files checked from their header, declared sizes capped by pixel count.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encode } from 'fast-png';
import { deflateSync } from 'fflate';
import { checkImageBytes, declaredSizeProblem, looksLikeText, MAX_DECLARED_PIXELS, workingSize } from './imageLimits';
import { readImageHeader } from './imageHeader';
import { checkDepthPngHeader, depthContentProblem, DepthFileError } from './depthFile';
import { decodeShareLink, encodeShareLink } from './shareLink';
import { toBase64Url } from './boundedInflate';
import { sampleScene } from './scenes.test-data';
import { readSceneFile, writeSceneFile } from './sceneFile';

const enc = (s: string) => new TextEncoder().encode(s);

/** SOI, `appBytes` of APP2 segments (ICC-like, 65 KB each), then SOF0 declaring w x h. */
function jpegWithBigHeader(appBytes: number, w: number, h: number): Uint8Array {
  const parts: number[][] = [[0xff, 0xd8]];
  for (let left = appBytes; left > 0; left -= 65533) {
    const n = Math.min(65533, left);
    const seg = new Array<number>(n + 4).fill(0x41);
    seg[0] = 0xff; seg[1] = 0xe2; seg[2] = ((n + 2) >> 8) & 255; seg[3] = (n + 2) & 255;
    parts.push(seg);
  }
  parts.push([0xff, 0xc0, 0x00, 0x11, 0x08, h >> 8, h & 255, w >> 8, w & 255, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

describe('photo header checks', () => {
  it('finds a JPEG frame header 600 KB into the file (large XMP / ICC segments)', () => {
    const b = jpegWithBigHeader(600_000, 4000, 3000);
    expect(readImageHeader(b)).toEqual({ format: 'jpeg', width: 4000, height: 3000 });
    expect(checkImageBytes('big-icc.jpg', b).width).toBe(4000);
  });

  it('names GIF, BMP, TIFF, HEIC and PDF for what they are, never "a text file"', () => {
    const bmp = new Uint8Array(54); bmp.set(enc('BM'), 0); bmp[2] = 54; bmp[14] = 40;
    const cases: [Uint8Array, RegExp][] = [
      [enc('GIF89a\x10\x00\x10\x00'), /is a GIF image/],
      [bmp, /is a BMP image/],
      [new Uint8Array([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]), /is a TIFF image/],
      [new Uint8Array([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8]), /is a TIFF image/],
      [new Uint8Array([0, 0, 0, 0x18, ...enc('ftypheic'), 0, 0, 0, 0]), /HEIC/],
      [enc('%PDF-1.7\n'), /PDF document/],
    ];
    for (const [b, re] of cases) {
      expect(() => checkImageBytes('x.jpg', b)).toThrow(re);
      expect(() => checkImageBytes('x.jpg', b)).not.toThrow(/text file/);
    }
  });

  it('a binary file starting with a letter, digit or # is not "a text file"; real text is', () => {
    for (const start of ['A', '7', '#']) {
      const b = new Uint8Array(300).map((_, i) => (i * 151 + 7) & 255);
      b[0] = start.charCodeAt(0);
      expect(looksLikeText(b)).toBe(false);
      expect(() => checkImageBytes('blob.jpg', b)).toThrow(/is not a JPEG, PNG or WebP image/);
    }
    expect(() => checkImageBytes('notes.jpg', enc('# shopping list\nmilk\n'))).toThrow(/text file/);
    expect(looksLikeText(enc('{"a": 1}'))).toBe(true);
  });
});

const png = (w: number, h: number, depth: 8 | 16, channels: number) =>
  encode({ width: w, height: h, data: depth === 16 ? new Uint16Array(w * h * channels) : new Uint8Array(w * h * channels), depth, channels });

describe('depth file header checks', () => {
  it('refuses from the header alone: 8-bit, colour, tiny, huge, not a PNG', () => {
    expect(() => checkDepthPngHeader('d.png', png(64, 48, 8, 1))).toThrow(/8-bit PNG: a depth file is a single-channel 16-bit grayscale PNG/);
    expect(() => checkDepthPngHeader('d.png', png(64, 48, 8, 3))).toThrow(/RGB colour PNG, not depth.*photo instead/);
    expect(() => checkDepthPngHeader('d.png', png(1, 1, 16, 1))).toThrow(/too small for a depth map \(1 × 1 px\)/);
    expect(() => checkDepthPngHeader('d.png', png(1, 1, 16, 1))).not.toThrow(/photo/);
    expect(() => checkDepthPngHeader('d.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toThrow(/is not a PNG/);
    expect(() => checkDepthPngHeader('d.png', new Uint8Array())).toThrow(/empty/);
    expect(checkDepthPngHeader('d.png', png(64, 48, 16, 1))).toMatchObject({ width: 64, height: 48, bitDepth: 16, colorType: 0 });
    expect(checkDepthPngHeader('d.png', png(64, 48, 8, 1), { allow8bit: true }).bitDepth).toBe(8);
  });

  it('sizes come from the header alone (a few bytes, no allocation): 4000 x 1000 read, 9999 x 4999 refused', () => {
    // IHDR claiming a size, then nothing: a decoder would allocate the whole raster first
    const header = (w: number, h: number) => {
      const b = png(16, 16, 16, 1).slice(0, 33);
      new DataView(b.buffer).setUint32(16, w);
      new DataView(b.buffer).setUint32(20, h);
      return b;
    };
    const h = checkDepthPngHeader('wide.png', header(4000, 1000));
    expect([h.width, h.height]).toEqual([4000, 1000]);
    expect(() => checkDepthPngHeader('huge.png', header(9999, 4999))).toThrow(/too large for a depth map \(9999 × 4999 px\): the limit is 16 MP/);
  });

  it('all-zero depth is refused; nearly empty depth is warned about', () => {
    const zero = { width: 10, height: 10, data: new Float32Array(100) };
    expect(depthContentProblem(zero, 'z.png')).toMatchObject({ refuse: true, text: expect.stringMatching(/holds no depth: every pixel is 0/) });
    const sparse = { width: 100, height: 100, data: new Float32Array(10000) };
    sparse.data[5] = 1.2;
    expect(depthContentProblem(sparse, 's.png')).toMatchObject({ refuse: false });
    const fine = { width: 2, height: 2, data: new Float32Array([1, 2, 3, 0]) };
    expect(depthContentProblem(fine, 'f.png')).toBeNull();
    expect(new DepthFileError('x')).toBeInstanceOf(Error);
  });
});

/** A link as the app writes one, with the JSON changed by `edit`. */
function linkWith(edit: (j: { scene: { image: { width: number; height: number }; camera: { intrinsics: { width: number; height: number } } } }) => void): string {
  const url = encodeShareLink({ scene: sampleScene(2) }, { baseUrl: 'https://x.example/' }).url;
  const r = decodeShareLink(url);
  if (!r.ok) throw new Error(r.error);
  const j = JSON.parse(JSON.stringify({ v: 1, scene: r.payload.scene }));
  edit(j);
  return `https://x.example/#s1.${toBase64Url(deflateSync(enc(JSON.stringify(j))))}`;
}

describe('declared sizes are capped by pixel count', () => {
  it('a link declaring 32768 x 32768 px is refused with the limit, in well under a second', () => {
    const t0 = performance.now();
    const r = decodeShareLink(linkWith((j) => { j.scene.camera.intrinsics.width = 32768; j.scene.camera.intrinsics.height = 32768; }));
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/32768 × 32768 image \(1074 MP\); the limit is 50 MP/) });
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('property: any declared size is either refused or drawn at most at the working size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 32768 }), fc.integer({ min: 1, max: 32768 }), (w, h) => {
        const bad = declaredSizeProblem(w, h, 'camera');
        if (w * h > MAX_DECLARED_PIXELS) expect(bad).toMatch(/limit is 50 MP/);
        else expect(bad).toBeNull();
        const s = workingSize(w, h);
        expect(Math.max(s.width, s.height)).toBeLessThanOrEqual(1024);
        expect(s.width * s.height * 4).toBeLessThanOrEqual(1024 * 1024 * 4);
      }),
      { numRuns: 500 },
    );
  });

  it('property: a link with any declared camera and image size decodes to a bounded scene or a refusal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40000 }), fc.integer({ min: 1, max: 40000 }), (w, h) => {
        const r = decodeShareLink(linkWith((j) => { j.scene.image = { width: w, height: h }; }));
        if (r.ok) expect(r.payload.scene.image.width * r.payload.scene.image.height).toBeLessThanOrEqual(MAX_DECLARED_PIXELS);
        else expect(r.error).toMatch(/limit is 50 MP|must be <= 32768/);
      }),
      { numRuns: 60 },
    );
  });

  it('property: a scene file with any declared camera, image or mask size opens bounded or is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 32768 }), fc.integer({ min: 1, max: 32768 }), fc.constantFrom('camera', 'image', 'mask'), (w, h, what) => {
        const scene = sampleScene(2);
        if (what === 'camera') scene.camera.intrinsics = { ...scene.camera.intrinsics, width: w, height: h };
        else if (what === 'image') scene.image = { width: w, height: h };
        else scene.objects[0].mask = { width: w, height: h, counts: [0, w * h] };
        const r = readSceneFile(writeSceneFile({ scene, questions: [] }));
        if (w * h > MAX_DECLARED_PIXELS) expect(r).toEqual({ ok: false, error: expect.stringMatching(/limit is 50 MP/) });
        else expect(r.ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('http: photo URLs are refused with the reason (loopback excepted); https pass', () => {
    const scene = sampleScene(2);
    expect(() => encodeShareLink({ scene, photo: { url: 'http://photos.example/a.jpg' } }, { baseUrl: 'https://x.example/' })).toThrow(/must use https:.*read and changed/);
    expect(encodeShareLink({ scene, photo: { url: 'http://localhost:4173/a.png' } }, { baseUrl: 'https://x.example/' }).photoMode).toBe('url');
    expect(encodeShareLink({ scene, photo: { url: 'https://photos.example/a.jpg' } }, { baseUrl: 'https://x.example/' }).photoMode).toBe('url');
  });
});
