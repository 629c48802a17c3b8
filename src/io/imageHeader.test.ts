import { describe, expect, it } from 'vitest';
import { encode } from 'fast-png';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readImageHeader, sniffFormat } from './imageHeader';
import { checkImageBytes, ImageInputError, MAX_PIXELS, workingSize } from './imageLimits';

const png = (w: number, h: number) => encode({ width: w, height: h, data: new Uint8Array(w * h), channels: 1, depth: 8 });

/** Smallest JPEG header that carries a frame size: SOI, an APP0 segment, then SOF0. */
function jpegHeader(w: number, h: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, h >> 8, h & 255, w >> 8, w & 255, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof0]);
}

function webpVp8x(w: number, h: number): Uint8Array {
  const b = new Uint8Array(30);
  b.set([...'RIFF'].map((c) => c.charCodeAt(0)), 0);
  b.set([...'WEBPVP8X'].map((c) => c.charCodeAt(0)), 8);
  const W = w - 1, H = h - 1;
  b.set([W & 255, (W >> 8) & 255, (W >> 16) & 255, H & 255, (H >> 8) & 255, (H >> 16) & 255], 24);
  return b;
}

describe('readImageHeader', () => {
  it('reads PNG, JPEG and WebP sizes without decoding', () => {
    expect(readImageHeader(png(37, 21))).toEqual({ format: 'png', width: 37, height: 21 });
    expect(readImageHeader(jpegHeader(4032, 3024))).toEqual({ format: 'jpeg', width: 4032, height: 3024 });
    expect(readImageHeader(webpVp8x(1920, 1080))).toEqual({ format: 'webp', width: 1920, height: 1080 });
  });

  it('reads a real JPEG fixture when the shared fixtures are present', () => {
    const f = join(process.cwd(), '..', 'shared', 'fixtures', 'rgbd', 'sunrgbd_mmdet3d', '000001', 'image.jpg');
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(f));
    } catch {
      console.log(`[imageHeader.test] ${f} absent: skipped`);
      return;
    }
    expect(readImageHeader(bytes)).toEqual({ format: 'jpeg', width: 730, height: 530 });
  });

  it('names text and unknown bytes as not an image', () => {
    expect(sniffFormat(new TextEncoder().encode('hello, not a photo'))).toBeNull();
    expect(readImageHeader(new Uint8Array([0xff, 0xd8, 0xff]))).toBeNull();
  });
});

describe('checkImageBytes', () => {
  it('refuses text renamed .jpg, tiny and huge images with a message a person can act on', () => {
    expect(() => checkImageBytes('a.jpg', new TextEncoder().encode('Dear diary'))).toThrow(/text file/);
    expect(() => checkImageBytes('e.jpg', new Uint8Array())).toThrow(/empty/);
    expect(() => checkImageBytes('dot.png', png(1, 1))).toThrow(/too small \(1 × 1 px\)/);
    // 12000 x 9000 is judged from the header alone: only the first bytes are handed over.
    expect(() => checkImageBytes('huge.png', jpegHeader(12000, 9000))).toThrow(/too large \(12000 × 9000 px, 108 MP\)/);
    expect(() => checkImageBytes('huge.png', jpegHeader(12000, 9000))).toThrow(ImageInputError);
  });

  it('accepts ordinary photos', () => {
    expect(checkImageBytes('ok.jpg', jpegHeader(4032, 3024)).width).toBe(4032);
    expect(4032 * 3024).toBeLessThan(MAX_PIXELS);
  });
});

describe('workingSize', () => {
  it('keeps the aspect and caps the longest side', () => {
    expect(workingSize(4032, 3024)).toEqual({ width: 1024, height: 768 });
    expect(workingSize(3024, 4032)).toEqual({ width: 768, height: 1024 });
    expect(workingSize(640, 480)).toEqual({ width: 640, height: 480 });
  });
});
