import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cloudPixelsToImage, overheadOf } from './orchestrator';
import { imageKey } from './imageKey';
import { jpegOrientation } from '../io/photoDecode';
import { fixturesFor } from '../../scripts/lib/fixtures';

describe('cloud pixel indices: depth grid -> working image', () => {
  it('maps each depth pixel to the image pixel under its centre', () => {
    const depth = { width: 4, height: 3 };
    const image = { width: 8, height: 6 };
    const pix = Uint32Array.from([0, 3, 4, 11]);
    cloudPixelsToImage(pix, depth, image);
    // (0,0)->(1,1); (3,0)->(7,1); (0,1)->(1,3); (3,2)->(7,5)
    expect([...pix]).toEqual([1 * 8 + 1, 1 * 8 + 7, 3 * 8 + 1, 5 * 8 + 7]);
  });
  it('leaves indices alone when the sizes agree', () => {
    const pix = Uint32Array.from([5, 9]);
    cloudPixelsToImage(pix, { width: 4, height: 3 }, { width: 4, height: 3 });
    expect([...pix]).toEqual([5, 9]);
  });
});

describe('overhead with side-by-side stages', () => {
  const t = (ms: number, inferenceMs: number, loadMs = 0) => ({ ms, inferenceMs, loadMs, cached: false });
  it('takes sequential model time out, and counts the longer branch by its own non-model time', () => {
    // masks: 60 ms wall of which 40 inference; depth: 50 ms of which 10 inference, then 5 ms lift/canonicalize
    const timings = { ingest: t(2, 0), masks: t(60, 40), depth: t(50, 10), geometry: t(30, 0) };
    // wall 2 + 60 (branches) + 30; branches with instant models: max(20, 40 + 5) = 45
    expect(overheadOf(92, timings, 60, { depth: 5 })).toBeCloseTo(2 + 45 + 30, 9);
    // not the wall minus the critical (masks) branch's inference, which would be 52: depth's own 45 would hide
    expect(overheadOf(92, timings, 60, { depth: 5 })).toBeGreaterThan(92 - 40);
  });
  it('is the plain wall minus model time when nothing runs side by side (boxes only, RGB-D)', () => {
    const timings = { ingest: t(2, 0), objects: t(100, 70, 20), geometry: t(30, 0) };
    expect(overheadOf(132, timings, 0)).toBeCloseTo(132 - 90, 9);
  });
});

describe('image keys', () => {
  it('change with any pixel, with the size and with the context string; same image, same key', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 64 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (w, h, at, delta) => {
      const data = new Uint8ClampedArray(w * h * 4);
      for (let i = 0; i < data.length; i++) data[i] = (i * 31) & 255;
      const key = imageKey({ width: w, height: h, data }, 'x');
      expect(key).toMatch(/^[0-9a-f]{16}$/);
      expect(imageKey({ width: w, height: h, data: data.slice() }, 'x')).toBe(key);
      expect(imageKey({ width: w, height: h, data }, 'y')).not.toBe(key);
      const other = data.slice();
      other[at % other.length] = (other[at % other.length] + delta) & 255;
      expect(imageKey({ width: w, height: h, data: other }, 'x')).not.toBe(key);
    }));
    const data = new Uint8ClampedArray(16);
    expect(imageKey({ width: 2, height: 2, data })).not.toBe(imageKey({ width: 4, height: 1, data }));
  });

  it('gives an unaligned view the key of the same bytes aligned', () => {
    const buf = new Uint8Array(42);
    for (let i = 0; i < buf.length; i++) buf[i] = i * 7;
    const view = buf.subarray(1, 41);
    expect(imageKey({ width: 5, height: 2, data: view })).toBe(imageKey({ width: 5, height: 2, data: view.slice() }));
    expect(imageKey({ width: 5, height: 2, data: view })).not.toBe(imageKey({ width: 5, height: 2, data: buf.subarray(0, 40) }));
  });
});

describe('EXIF orientation from the header bytes', () => {
  it('reads tag 0x0112 from a minimal little-endian Exif APP1, 1 when absent', () => {
    const tiff = [0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0];
    const app1 = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0, app1.length + 2, ...app1, 0xff, 0xda, 0, 2]);
    expect(jpegOrientation(jpeg)).toBe(6);
    expect(jpegOrientation(Uint8Array.from([0xff, 0xd8, 0xff, 0xdb, 0, 2, 0xff, 0xda]))).toBe(1);
  });
  const fixture = fixturesFor('real-photo orientation', resolve(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'exif', 'exifsamples__hdr_canon_hdr_NO.jpg'));
  it.skipIf(!fixture)('reads Orientation 6 from a real Canon JPEG', () => {
    expect(jpegOrientation(new Uint8Array(readFileSync(fixture!)).subarray(0, 256 * 1024))).toBe(6);
  });
});
