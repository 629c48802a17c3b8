/**
 * Hostile-but-fair inputs for the app, made at test time (nothing binary is committed): the 133 kinds of
 * issue 14's probe, in four groups (39 photos, 17 depth files, 46 share links, 31 scene files). Each case
 * says what the app must do with it: refuse with a message matching `message`, or open (`opens`) and
 * optionally warn. Pure Node (no browser): e2e/hardening.spec.ts feeds every case through the UI.
 */
import { encode as encodePng } from 'fast-png';
import jpeg from 'jpeg-js';
import { deflateSync, inflateSync, unzipSync, unzlibSync, zipSync, zlibSync, type Zippable } from 'fflate';
import { encodeShareLink } from '../../src/io/shareLink';
import { writeSceneFile } from '../../src/io/sceneFile';
import { sampleScene } from '../../src/io/scenes.test-data';
import { toBase64Url, fromBase64Url } from '../../src/io/boundedInflate';
import type { SceneGraph } from '../../src/core/scene/types';

export interface FileCase {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export interface Outcome {
  /** What the notice must say (refusal or warning). */
  message?: RegExp;
  /** The input opens as a new scene (with or without a warning in `message`). */
  opens?: boolean;
  /** What the message must never say (a leaked decoder error, a wrong kind). */
  never?: RegExp;
}

export interface PhotoCase extends Outcome { kind: string; file: FileCase }
export interface DepthCase extends Outcome { kind: string; photo: FileCase; depth: FileCase }
export interface LinkCase extends Outcome { kind: string; hash: string }
export interface SceneFileCase extends Outcome { kind: string; file: FileCase }

const enc = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: (Uint8Array | number[])[]) => {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
};
/** Deterministic noise (no Math.random: a failing case must be the same on the next run). */
function noise(n: number, seed: number, first?: number): Uint8Array {
  const b = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; b[i] = x & 255; }
  if (first !== undefined) b[0] = first;
  return b;
}

// ---------- images ----------

export function png(w: number, h: number, opts: { depth?: 1 | 8 | 16; channels?: number; fill?: (i: number) => number; palette?: boolean } = {}): Uint8Array {
  const depth = opts.depth ?? 8, channels = opts.channels ?? 3;
  const n = w * h * channels;
  const data = depth === 16 ? new Uint16Array(n) : new Uint8Array(depth === 1 ? Math.ceil((w * channels) / 8) * h : n);
  const fill = opts.fill ?? ((i) => (i * 37) & 255);
  if (depth !== 1) for (let i = 0; i < n; i++) data[i] = fill(i);
  if (opts.palette) {
    return encodePng({ width: w, height: h, data: new Uint8Array(w * h), depth: 8, channels: 1, palette: [[0, 0, 0], [255, 0, 0]] });
  }
  return encodePng({ width: w, height: h, data, depth, channels });
}

/** A PNG whose IHDR declares w x h, with a few bytes of (empty) data: a header-only decompression bomb. */
export function pngHeaderOnly(w: number, h: number, bitDepth = 8, colorType = 2): Uint8Array {
  const b = png(8, 8, { depth: 8, channels: 3 }).slice();
  const dv = new DataView(b.buffer);
  dv.setUint32(16, w >>> 0);
  dv.setUint32(20, h >>> 0);
  b[24] = bitDepth;
  b[25] = colorType;
  return b; // IHDR CRC now wrong as well, like a hand-edited file
}

export function jpegOf(w: number, h: number, quality = 80): Uint8Array {
  const data = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const o = (y * w + x) * 4;
    data[o] = (x * 255) / w; data[o + 1] = (y * 255) / h; data[o + 2] = 128; data[o + 3] = 255;
  }
  return new Uint8Array(jpeg.encode({ width: w, height: h, data }, quality).data);
}

/** A real JPEG with `bytes` of APP2 (ICC-like) segments before its frame header. */
export function jpegWithBigHeader(w: number, h: number, bytes: number): Uint8Array {
  const j = jpegOf(w, h);
  const segs: Uint8Array[] = [];
  for (let left = bytes; left > 0; left -= 65533) {
    const n = Math.min(65533, left);
    segs.push(cat([0xff, 0xe2, ((n + 2) >> 8) & 255, (n + 2) & 255], new Uint8Array(n).fill(0x20)));
  }
  return cat(j.subarray(0, 2), ...segs, j.subarray(2));
}

/** A JPEG whose EXIF says orientation `o` (APP1 with one IFD0 entry). */
export function jpegWithOrientation(w: number, h: number, o: number): Uint8Array {
  const j = jpegOf(w, h);
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, o, 0, 0, 0, 0, 0, 0];
  const body = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  return cat(j.subarray(0, 2), [0xff, 0xe1, ((body.length + 2) >> 8) & 255, (body.length + 2) & 255], body, j.subarray(2));
}

/** A JPEG header declaring w x h and nothing more. */
export function jpegHeaderOnly(w: number, h: number): Uint8Array {
  return new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, h >> 8, h & 255, w >> 8, w & 255, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xd9]);
}

function webpVp8x(w: number, h: number): Uint8Array {
  const b = new Uint8Array(30);
  b.set(enc('RIFF'), 0);
  b.set(enc('WEBPVP8X'), 8);
  const W = w - 1, H = h - 1;
  b.set([W & 255, (W >> 8) & 255, (W >> 16) & 255, H & 255, (H >> 8) & 255, (H >> 16) & 255], 24);
  return b;
}

const file = (name: string, mime: string, bytes: Uint8Array): FileCase => ({ name, mime, bytes });

const REFUSED_DECODE = /could not be decoded|damaged|incomplete/;
const NOT_TEXT = /text file/;
const ACCEPTED_PHOTO = /Photo loaded/;

export function photoCases(): PhotoCase[] {
  const good = png(64, 48);
  const badIdat = png(64, 48).slice();
  badIdat.fill(0x5a, 50, badIdat.length - 12);
  const bmp = new Uint8Array(70); bmp.set(enc('BM'), 0); bmp[2] = 70; bmp[14] = 40;
  const zip = zipSync({ 'a.txt': enc('hello') });
  const cases: PhotoCase[] = [
    { kind: 'text file named .jpg', file: file('notes.jpg', 'image/jpeg', enc('These are my holiday notes, not a photo.\n')), message: /not an image: it looks like a text file/ },
    { kind: 'HTML with a script', file: file('page.png', 'image/png', enc('<!doctype html><script>alert(1)</script>')), message: NOT_TEXT },
    { kind: 'SVG', file: file('logo.png', 'image/png', enc('<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="4000"></svg>')), message: NOT_TEXT },
    { kind: 'JSON', file: file('data.jpg', 'image/jpeg', enc('{"width": 20000, "height": 20000}')), message: NOT_TEXT },
    { kind: 'empty file', file: file('empty.jpg', 'image/jpeg', new Uint8Array()), message: /empty \(0 bytes\)/ },
    { kind: '1x1 PNG', file: file('dot.png', 'image/png', png(1, 1)), message: /too small \(1 × 1 px\)/ },
    { kind: '31x40 PNG', file: file('small.png', 'image/png', png(31, 40)), message: /too small \(31 × 40 px\)/ },
    { kind: '0x0 PNG header', file: file('zero.png', 'image/png', pngHeaderOnly(0, 0)), message: /too small \(0 × 0 px\)/ },
    { kind: '12000x9000 PNG header', file: file('huge.png', 'image/png', pngHeaderOnly(12000, 9000)), message: /too large \(12000 × 9000 px/ },
    { kind: '20000x20000 PNG header (bomb)', file: file('bomb.png', 'image/png', pngHeaderOnly(20000, 20000)), message: /too large \(20000 × 20000 px/ },
    { kind: '2^31 px wide PNG header', file: file('wide.png', 'image/png', pngHeaderOnly(2 ** 31, 100)), message: /too large/ },
    { kind: '10001 x 100 (side limit)', file: file('strip.png', 'image/png', pngHeaderOnly(10001, 100)), message: /too large \(10001 × 100 px/ },
    { kind: '65535x65535 JPEG header', file: file('huge.jpg', 'image/jpeg', jpegHeaderOnly(65535, 65535)), message: /too large \(65535 × 65535 px/ },
    { kind: '16384x16384 WebP header', file: file('huge.webp', 'image/webp', webpVp8x(16384, 16384)), message: /too large \(16384 × 16384 px/ },
    { kind: 'JPEG height 0 (DNL)', file: file('dnl.jpg', 'image/jpeg', jpegHeaderOnly(640, 0)), message: /too small \(640 × 0 px\)/ },
    { kind: 'PNG cut after its header', file: file('cut.png', 'image/png', good.subarray(0, 40)), message: REFUSED_DECODE },
    { kind: 'PNG with garbage pixel data', file: file('garbage.png', 'image/png', badIdat), message: REFUSED_DECODE },
    { kind: 'PNG signature only', file: file('sig.png', 'image/png', good.subarray(0, 8)), message: /PNG file but its header is damaged/ },
    { kind: 'JPEG SOI only', file: file('soi.jpg', 'image/jpeg', new Uint8Array([0xff, 0xd8, 0xff])), message: /JPEG file but its header is damaged/ },
    { kind: 'JPEG header, no scan', file: file('noscan.jpg', 'image/jpeg', jpegHeaderOnly(640, 480)), message: REFUSED_DECODE },
    { kind: 'WebP RIFF header only', file: file('riff.webp', 'image/webp', cat(enc('RIFF'), [0, 0, 0, 0], enc('WEBPVP8 '))), message: /WEBP file but its header is damaged/ },
    { kind: 'GIF', file: file('anim.gif', 'image/gif', cat(enc('GIF89a'), [64, 0, 48, 0, 0, 0, 0, 0x3b])), message: /is a GIF image/, never: NOT_TEXT },
    { kind: 'BMP', file: file('paint.bmp', 'image/bmp', bmp), message: /is a BMP image/, never: NOT_TEXT },
    { kind: 'TIFF little-endian', file: file('scan.tif', 'image/tiff', new Uint8Array([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 0, 0])), message: /is a TIFF image/, never: NOT_TEXT },
    { kind: 'TIFF big-endian', file: file('scan2.tif', 'image/tiff', new Uint8Array([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 0])), message: /is a TIFF image/, never: NOT_TEXT },
    { kind: 'HEIC', file: file('phone.heic', 'image/heic', cat([0, 0, 0, 0x18], enc('ftypheic'), new Uint8Array(12))), message: /HEIC\/HEIF image/ },
    { kind: 'AVIF', file: file('pic.avif', 'image/avif', cat([0, 0, 0, 0x18], enc('ftypavif'), new Uint8Array(12))), message: /AVIF image/ },
    { kind: 'PDF', file: file('doc.jpg', 'image/jpeg', enc('%PDF-1.7\n%âãÏÓ\n')), message: /PDF document/ },
    { kind: 'zip archive', file: file('photos.jpg', 'image/jpeg', zip), message: /zip archive/ },
    { kind: 'PPM', file: file('frame.png', 'image/png', cat(enc('P6\n64 48\n255\n'), noise(64 * 48 * 3, 3))), message: /PNM/ },
    { kind: 'binary starting with a letter', file: file('blob.jpg', 'image/jpeg', noise(4096, 11, 0x41)), message: /not a JPEG, PNG or WebP image/, never: NOT_TEXT },
    { kind: 'binary starting with a digit', file: file('blob2.jpg', 'image/jpeg', noise(4096, 12, 0x37)), message: /not a JPEG, PNG or WebP image/, never: NOT_TEXT },
    { kind: "binary starting with '#'", file: file('blob3.jpg', 'image/jpeg', noise(4096, 13, 0x23)), message: /not a JPEG, PNG or WebP image/, never: NOT_TEXT },
    { kind: 'UTF-16 text', file: file('u16.jpg', 'image/jpeg', new Uint8Array([0xff, 0xfe, ...[...'hello world'].flatMap((c) => [c.charCodeAt(0), 0])])), message: /not a JPEG, PNG or WebP image/ },
    { kind: 'valid PNG 64x48', file: file('ok.png', 'image/png', good), opens: true, message: ACCEPTED_PHOTO },
    { kind: 'valid 16-bit RGB PNG', file: file('ok16.png', 'image/png', png(64, 64, { depth: 16, fill: (i) => (i * 997) & 0xffff })), opens: true, message: ACCEPTED_PHOTO },
    { kind: 'valid JPEG 320x240', file: file('ok.jpg', 'image/jpeg', jpegOf(320, 240)), opens: true, message: ACCEPTED_PHOTO },
    { kind: 'JPEG rotated by EXIF (6)', file: file('rot.jpg', 'image/jpeg', jpegWithOrientation(320, 240, 6)), opens: true, message: ACCEPTED_PHOTO },
    { kind: 'JPEG with its frame header 600 KB in (big ICC/XMP)', file: file('icc.jpg', 'image/jpeg', jpegWithBigHeader(320, 240, 600_000)), opens: true, message: ACCEPTED_PHOTO, never: /header is damaged/ },
  ];
  return cases;
}

// ---------- depth files ----------

export function depthCases(): DepthCase[] {
  const W = 640, H = 480;
  const photo = file('room.png', 'image/png', png(W, H));
  const mm = (w: number, h: number, f: (i: number) => number, channels = 1) => png(w, h, { depth: 16, channels, fill: f });
  const good = mm(W, H, (i) => 1000 + (i % W));
  const filterBad = good.slice();
  // the first filter byte of the first row: fast-png says "Unsupported filter: undefined" style things
  const idat = findChunk(filterBad, 'IDAT');
  const raw = new Uint8Array(unzlibSync(filterBad.subarray(idat.data, idat.data + idat.len)));
  raw[0] = 9;
  const re = zlibSync(raw);
  const badFilter = cat(filterBad.subarray(0, idat.at), u32be(re.length), enc('IDAT'), re, [0, 0, 0, 0], filterBad.subarray(idat.data + idat.len + 4));
  const d = (name: string, bytes: Uint8Array) => file(name, 'image/png', bytes);
  return [
    { kind: '8-bit grayscale PNG', photo, depth: d('depth8.png', png(W, H, { depth: 8, channels: 1 })), message: /8-bit PNG: a depth file is a single-channel 16-bit grayscale PNG/ },
    { kind: '1-bit PNG', photo, depth: d('depth1.png', png(W, H, { depth: 1, channels: 1 })), message: /1-bit PNG/ },
    { kind: 'all-zero 16-bit depth', photo, depth: d('zero.png', mm(W, H, () => 0)), message: /holds no depth: every pixel is 0/ },
    { kind: '1x1 depth file', photo, depth: d('dot.png', mm(1, 1, () => 1000)), message: /too small for a depth map \(1 × 1 px\)/, never: /photo needs/ },
    { kind: 'RGB PNG (the photo again)', photo, depth: d('rgb.png', png(W, H)), message: /RGB colour PNG, not depth/ },
    { kind: 'RGBA PNG', photo, depth: d('rgba.png', png(W, H, { channels: 4 })), message: /RGBA colour PNG, not depth/ },
    { kind: 'palette PNG', photo, depth: d('pal.png', png(W, H, { palette: true })), message: /palette \(indexed colour\) PNG, not depth/ },
    { kind: 'shape differs from the photo', photo, depth: d('wide.png', mm(640, 200, () => 1500)), message: /do not have the same shape/ },
    { kind: '110 KB PNG declaring 9999x4999 (refused from its header)', photo, depth: d('bomb.png', cat(pngHeaderOnly(9999, 4999, 16, 0), new Uint8Array(110_000))), message: /too large for a depth map \(9999 × 4999 px\)/ },
    { kind: 'PNG declaring 4000x1000 (shape refused before decoding)', photo, depth: d('bomb2.png', cat(pngHeaderOnly(4000, 1000, 16, 0), new Uint8Array(110_000))), message: /do not have the same shape/ },
    { kind: 'JPEG given as depth', photo, depth: file('depth.jpg', 'image/jpeg', jpegOf(64, 48)), message: /is not a PNG: a depth file is/ },
    { kind: 'text given as depth', photo, depth: file('depth.png', 'image/png', enc('depth in mm, see README')), message: /is not a PNG/ },
    { kind: 'empty depth file', photo, depth: d('empty.png', new Uint8Array()), message: /empty \(0 bytes\)/ },
    { kind: 'truncated 16-bit depth', photo, depth: d('cut.png', good.subarray(0, Math.floor(good.length / 3))), message: /could not be decoded: its image data is damaged/, never: /Unsupported|undefined|filter/ },
    { kind: 'corrupt filter byte', photo, depth: d('filter.png', badFilter), message: /could not be decoded: its image data is damaged/, never: /Unsupported filter|undefined/ },
    { kind: 'depth at 0.5% of pixels (warned)', photo, depth: d('sparse.png', mm(W, H, (i) => (i % 200 === 0 ? 1500 : 0))), opens: true, message: /depth at only 0\.50% of its pixels/ },
    { kind: 'valid 16-bit depth in mm', photo, depth: d('depth.png', good), opens: true },
  ];
}

function u32be(n: number): number[] {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}

function findChunk(b: Uint8Array, type: string): { at: number; data: number; len: number } {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 8; i + 8 <= b.length;) {
    const len = dv.getUint32(i);
    if (String.fromCharCode(...b.subarray(i + 4, i + 8)) === type) return { at: i, data: i + 8, len };
    i += 12 + len;
  }
  throw new Error(`no ${type} chunk`);
}

// ---------- share links ----------

type Json = Record<string, unknown>;
const BASE = 'http://localhost:4173/';

/** The link JSON the app writes for a small scene (chair, table, lamp). */
function baseWire(): Json {
  const url = encodeShareLink({ scene: sampleScene(3) }, { baseUrl: BASE }).url;
  const packed = fromBase64Url(url.slice(url.indexOf('#s1.') + 4));
  if (!packed) throw new Error('bad base link');
  return JSON.parse(new TextDecoder().decode(inflateSync(packed))) as Json;
}

const hashOf = (text: string | Uint8Array) => `#s1.${toBase64Url(deflateSync(typeof text === 'string' ? enc(text) : text))}`;
const hashWith = (edit: (j: Json & { scene: SceneGraph }) => void): string => {
  const j = baseWire() as Json & { scene: SceneGraph };
  edit(j);
  return hashOf(JSON.stringify(j));
};
const setK = (s: SceneGraph, w: number, h: number) => { s.camera.intrinsics.width = w; s.camera.intrinsics.height = h; };

const LINK_REFUSED = /share link could not be opened/;

export function linkCases(): LinkCase[] {
  const thumb = (bytes: Uint8Array, mime: string) => (j: Json) => { j.photo = { thumbnail: toBase64Url(bytes), mime }; };
  const tinyBomb = pngHeaderOnly(20000, 20000);
  const refused = (kind: string, hash: string, why: RegExp): LinkCase => ({ kind, hash, message: new RegExp(`${LINK_REFUSED.source}.*${why.source}.*The scene on screen was kept`) });
  const opens = (kind: string, hash: string, message?: RegExp): LinkCase => ({ kind, hash, opens: true, ...(message ? { message } : {}) });
  const deep = '['.repeat(5000) + ']'.repeat(5000);
  return [
    refused('not base64url', '#s1.!!!not*base64***', /not base64url text/),
    refused('nothing after the version', '#s1.', /empty|no scene|damaged/),
    refused('format s2', '#s2.AAAA', /format s2 is not supported/),
    refused('format s999999', '#s999999.AAAA', /format s999999 is not supported/),
    refused('17000 characters', `#s1.${'A'.repeat(17000)}`, /too long \(\d+ characters/),
    refused('deflate bomb (2 MB of zeros)', hashOf(new Uint8Array(2 * 1024 * 1024)), /damaged/),
    refused('not deflate data', `#s1.${toBase64Url(noise(300, 5))}`, /damaged/),
    refused('not UTF-8', hashOf(noise(200, 6)), /damaged|not UTF-8/),
    refused('not JSON', hashOf('this is not json'), /not valid JSON|could not be read|JSON/),
    refused('JSON array', hashOf('[1,2,3]'), /not valid/),
    refused('JSON nested 5000 deep', hashOf(deep), /deep|nested|JSON/),
    refused('__proto__ key', hashOf('{"v":1,"__proto__":{"polluted":1},"scene":{}}'), /not valid|__proto__|not allowed/),
    refused('wrong envelope version', hashWith((j) => { j.v = 7; }), /not valid/),
    refused('no scene', hashWith((j) => { delete (j as Json).scene; }), /not valid/),
    refused('unknown top-level field', hashWith((j) => { j.extra = 1; }), /unknown field/),
    refused('number overflow to Infinity', (() => {
      const j = baseWire() as Json & { scene: SceneGraph };
      j.scene.objects[0].centroid[0] = 123456.789; // a sentinel the text edit turns into 1e400 (JSON.parse: Infinity)
      return hashOf(JSON.stringify(j).replace('123456.789', '1e400'));
    })(), /finite|not valid/),
    refused('camera 32768 x 32768', hashWith((j) => setK(j.scene, 32768, 32768)), /32768 × 32768 image \(1074 MP\); the limit is 50 MP/),
    refused('camera 16384 x 16384', hashWith((j) => setK(j.scene, 16384, 16384)), /limit is 50 MP/),
    refused('camera 8192 x 8192', hashWith((j) => setK(j.scene, 8192, 8192)), /limit is 50 MP/),
    refused('scene image 32768 x 32768', hashWith((j) => { j.scene.image = { width: 32768, height: 32768 }; }), /limit is 50 MP/),
    refused('camera 40000 wide', hashWith((j) => setK(j.scene, 40000, 10)), /must be <= 32768/),
    refused('mask 32768 x 32768', hashWith((j) => { j.scene.objects[0].mask = { width: 32768, height: 32768, counts: [0, 32768 * 32768] }; }), /limit is 50 MP/),
    refused('mask runs do not cover it', hashWith((j) => { j.scene.objects[0].mask = { width: 10, height: 10, counts: [5, 5] }; }), /mask runs must cover/),
    refused('thumbnail too large', hashWith(thumb(noise(9000, 7, 0xff), 'image/jpeg')), /too large/),
    refused('thumbnail bytes not its mime', hashWith(thumb(png(8, 8), 'image/jpeg')), /not a image\/jpeg image/),
    refused('photo URL javascript:', hashWith((j) => { j.photo = { url: 'javascript:alert(1)' }; }), /must be https, not javascript:/),
    refused('photo URL http:', hashWith((j) => { j.photo = { url: 'http://photos.example.org/room.jpg' }; }), /must use https: \(an http: address can be read and changed/),
    refused('photo URL data:', hashWith((j) => { j.photo = { url: 'data:image/png;base64,AAAA' }; }), /must be https, not data:/),
    refused('photo URL 3000 characters', hashWith((j) => { j.photo = { url: `https://x.example/${'a'.repeat(3000)}` }; }), /too long/),
    refused('question names a missing object', hashWith((j) => { j.question = { text: 'how wide?', query: { type: 'size', measure: 'width', a: 'ghost' } }; }), /names object "ghost"/),
    refused('question 600 characters', hashWith((j) => { j.question = { text: 'q'.repeat(600) }; }), /at most 500 characters/),
    refused('question unknown field', hashWith((j) => { j.question = { text: 'hi', evil: 1 }; }), /unknown field/),
    refused('view fov 500', hashWith((j) => { j.view = { position: [0, 1, 2], target: [0, 0, 0], fov: 500 }; }), /fov must be <= 179/),
    refused('1001 objects', hashWith((j) => { j.scene.objects = Array.from({ length: 1001 }, (_, i) => ({ ...j.scene.objects[0], id: `o${i}` })); }), /at most 1000 objects|too long|damaged/),
    refused('duplicate object ids', hashWith((j) => { j.scene.objects[1].id = j.scene.objects[0].id; }), /ids must be unique/),
    refused('caption 600 characters', hashWith((j) => { j.scene.objects[0].caption = 'c'.repeat(600); }), /at most 500 characters/),
    refused('box x0 > x1', hashWith((j) => { const b = j.scene.objects[0].box2d; [b.x0, b.x1] = [b.x1 + 10, b.x0]; }), /x0 <= x1/),
    refused('negative size', hashWith((j) => { j.scene.objects[0].size.width = -1; }), /must be >= 0/),
    refused('schemaVersion 99', hashWith((j) => { (j.scene as unknown as Json).schemaVersion = 99; }), /unsupported schemaVersion/),
    opens('a good link (boxes only)', hashWith(() => {})),
    opens('link declaring 7000 x 7000 px (49 MP: drawn at the working size)', hashWith((j) => { setK(j.scene, 7000, 7000); j.scene.image = { width: 7000, height: 7000 }; })),
    opens('link declaring 20000 x 2500 px', hashWith((j) => { setK(j.scene, 20000, 2500); j.scene.image = { width: 20000, height: 2500 }; })),
    opens('74-byte PNG thumbnail claiming 20000 x 20000', hashWith(thumb(tinyBomb, 'image/png')), /thumbnail could not be decoded/),
    opens('thumbnail JPEG cut short', hashWith(thumb(jpegOf(64, 48).subarray(0, 200), 'image/jpeg'))),
    opens('caption with markup', hashWith((j) => { j.scene.objects[0].caption = '<img src=x onerror=alert(1)>'; })),
    opens('answer in the link edited', hashWith((j) => { j.question = { text: 'how wide is the chair?', query: { type: 'size', measure: 'width', a: j.scene.objects[0].id }, sentence: 'It is 42 km wide.', answer: { value: 42000 } }; }), /does not match its scene/),
  ];
}

// ---------- scene files ----------

function goodFiles(scene: SceneGraph = sampleScene(3), withDepth = false): Record<string, Uint8Array> {
  const depth = withDepth ? { width: 64, height: 48, data: new Float32Array(64 * 48).fill(2) } : undefined;
  const bytes = writeSceneFile({ scene, questions: [], photo: { bytes: png(64, 48), mime: 'image/png', name: 'room.png' }, ...(depth ? { depth } : {}) });
  const out: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(unzip(bytes))) out[k] = v;
  return out;
}

const unzip = (bytes: Uint8Array): Record<string, Uint8Array> => unzipSync(bytes);

const json = (x: unknown) => enc(JSON.stringify(x));
const rezip = (files: Record<string, Uint8Array>) => zipSync(files as Zippable);
const sceneFile = (edit: (f: Record<string, Uint8Array>, man: Json, scene: SceneGraph) => void, base = goodFiles()): Uint8Array => {
  const f = { ...base };
  const man = JSON.parse(new TextDecoder().decode(f['manifest.json'])) as Json;
  const scene = JSON.parse(new TextDecoder().decode(f['scene.json'])) as SceneGraph;
  edit(f, man, scene);
  f['manifest.json'] = json(man);
  f['scene.json'] = json(scene);
  return rezip(f);
};

export function sceneFileCases(): SceneFileCase[] {
  const sf = (name: string, bytes: Uint8Array) => file(name, 'application/zip', bytes);
  const refused = (kind: string, bytes: Uint8Array, why: RegExp): SceneFileCase => ({ kind, file: sf(`${kind.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}.spatiallens`, bytes), message: new RegExp(`could not be opened: .*${why.source}`) });
  const opens = (kind: string, bytes: Uint8Array, message?: RegExp): SceneFileCase => ({ kind, file: sf(`${kind.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}.spatiallens`, bytes), opens: true, ...(message ? { message } : {}) });
  const good = goodFiles();
  const photoEntry = 'photo.png';
  return [
    refused('empty file', new Uint8Array(), /damaged|not a scene file|empty/),
    refused('text file', enc('just some text'), /not a zip archive/),
    refused('zip cut in half', rezip(good).subarray(0, 400), /damaged/),
    refused('zip without manifest', rezip({ 'scene.json': good['scene.json'] }), /no manifest\.json/),
    refused('manifest not JSON', rezip({ ...good, 'manifest.json': enc('{nope') }), /JSON/),
    refused('manifest of another format', sceneFile((_f, m) => { m.format = 'other'; }), /manifest format must be "spatiallens-scene"/),
    refused('version 99', sceneFile((_f, m) => { m.version = 99; }), /version 99 is newer/),
    refused('version 0', sceneFile((_f, m) => { m.version = 0; }), /version must be >= 1/),
    refused('unknown manifest field', sceneFile((_f, m) => { m.evil = true; }), /unknown field/),
    refused('__proto__ in manifest', rezip({ ...good, 'manifest.json': enc('{"format":"spatiallens-scene","version":2,"__proto__":{"x":1}}') }), /__proto__|not allowed|not valid/),
    refused('scene.json not JSON', rezip({ ...good, 'scene.json': enc('[[[') }), /JSON/),
    refused('camera 32768 x 32768', sceneFile((_f, _m, s) => setK(s, 32768, 32768)), /32768 × 32768 image \(1074 MP\); the limit is 50 MP/),
    refused('scene image 16384 x 16384', sceneFile((_f, _m, s) => { s.image = { width: 16384, height: 16384 }; }), /limit is 50 MP/),
    refused('mask 32768 x 32768', sceneFile((_f, _m, s) => { s.objects[0].mask = { width: 32768, height: 32768, counts: [0, 32768 * 32768] }; }), /limit is 50 MP/),
    refused('photo bytes not the manifest mime', sceneFile((f) => { f[photoEntry] = jpegOf(32, 32); }), /not the image\/png image the manifest says/),
    refused('photo path climbs out', sceneFile((_f, m) => { (m.photo as Json).path = '../photo.png'; }), /must not climb|plain relative path/),
    refused('manifest names a missing photo', sceneFile((f) => { delete f[photoEntry]; }), /does not hold it/),
    refused('depth PNG 9999 x 4999 (header only)', sceneFile((f, m) => { f['depth.png'] = pngHeaderOnly(9999, 4999, 16, 0); m.depth = { path: 'depth.png', metresPerUnit: 0.001 }; }), /limit 16777216 pixels/),
    refused('depth not a PNG', sceneFile((f, m) => { f['depth.png'] = enc('nope'); m.depth = { path: 'depth.png', metresPerUnit: 0.001 }; }), /depth entry is not a PNG/),
    refused('point cloud count mismatch', sceneFile((f, m) => { f['points/positions.f32'] = new Uint8Array(24); f['points/colors.u8'] = new Uint8Array(3); m.pointCloud = { count: 5, frame: 'canonical', positions: 'points/positions.f32', colors: 'points/colors.u8' }; }), /do not hold 5 points/),
    refused('point cloud NaN', sceneFile((f, m) => { const p = new Float32Array([0, 0, NaN]); f['points/positions.f32'] = new Uint8Array(p.buffer); f['points/colors.u8'] = new Uint8Array(3); m.pointCloud = { count: 1, frame: 'canonical', positions: 'points/positions.f32', colors: 'points/colors.u8' }; }), /not a finite number/),
    refused('65 entries', rezip({ ...good, ...Object.fromEntries(Array.from({ length: 62 }, (_, i) => [`junk/${i}.txt`, enc('x')])) }), /entries|limit/),
    refused('1001 questions', sceneFile((f) => { f['questions.json'] = json(Array.from({ length: 1001 }, () => ({ text: 'hi' }))); }), /at most 1000 questions/),
    refused('question names a missing object', sceneFile((f) => { f['questions.json'] = json([{ text: 'how wide?', query: { type: 'size', measure: 'width', a: 'ghost' } }]); }), /names object "ghost"/),
    refused('duplicate object ids', sceneFile((_f, _m, s) => { s.objects[1].id = s.objects[0].id; }), /ids must be unique/),
    opens('a good scene file', rezip(good)),
    opens('a good scene file with depth', rezip(goodFiles(sampleScene(3), true))),
    opens('declares 7000 x 7000 px (drawn at the working size)', sceneFile((_f, _m, s) => { setK(s, 7000, 7000); s.image = { width: 7000, height: 7000 }; })),
    opens('photo: tiny PNG claiming 20000 x 20000', sceneFile((f) => { f[photoEntry] = pngHeaderOnly(20000, 20000); }), /photo in the file could not be used \(.*too large \(20000 × 20000 px/),
    opens('photo: 12000 x 9000 header', sceneFile((f) => { f[photoEntry] = pngHeaderOnly(12000, 9000); }), /could not be used \(.*too large \(12000 × 9000 px/),
    opens('photo: damaged PNG', sceneFile((f) => { const b = png(64, 48).slice(); b.fill(0x5a, 50, b.length - 12); f[photoEntry] = b; }), /photo in the file could not be used/),
  ];
}

