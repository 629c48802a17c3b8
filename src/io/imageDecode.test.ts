import { encode as encodePngRaw } from 'fast-png';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { decodeDepthPng, DepthFileError } from './depthFile';
import { decodeImageToRgba, decodePpmToRgba, ImageDecodeError, jpegStoredSize } from './imageDecode';

describe('decodeImageToRgba', () => {
  it('PNG gray16 / rgb8 / gray+alpha -> RGBA8', () => {
    const g16 = encodePngRaw({ width: 2, height: 1, data: new Uint16Array([0, 0xff00]), depth: 16, channels: 1 });
    expect(Array.from(decodeImageToRgba(g16).data)).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
    const rgb = encodePngRaw({ width: 1, height: 1, data: new Uint8Array([10, 20, 30]), depth: 8, channels: 3 });
    expect(Array.from(decodeImageToRgba(rgb).data)).toEqual([10, 20, 30, 255]);
    const ga = encodePngRaw({ width: 1, height: 1, data: new Uint8Array([7, 9]), depth: 8, channels: 2 });
    expect(Array.from(decodeImageToRgba(ga).data)).toEqual([7, 7, 7, 9]);
  });

  it('binary PPM, with a comment in the header', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('P6\n# made by hand\n2 1\n255\n'), 1, 2, 3, 4, 5, 6]);
    const img = decodePpmToRgba(bytes);
    expect([img.width, img.height]).toEqual([2, 1]);
    expect(Array.from(img.data)).toEqual([1, 2, 3, 255, 4, 5, 6, 255]);
    expect(() => decodePpmToRgba(bytes.slice(0, bytes.length - 1))).toThrow(/truncated/);
  });

  it('JPEG: decodes, and the SOF header gives the size without decoding', () => {
    const raw = { width: 24, height: 16, data: new Uint8Array(24 * 16 * 4).fill(128) };
    const bytes = new Uint8Array(jpeg.encode(raw, 90).data);
    expect(jpegStoredSize(bytes)).toEqual({ width: 24, height: 16 });
    const img = decodeImageToRgba(bytes);
    expect([img.width, img.height]).toEqual([24, 16]);
    expect(Math.abs(img.data[0] - 128)).toBeLessThan(4);
    expect(jpegStoredSize(new Uint8Array([0xff, 0xd8, 0x00]))).toBeNull();
    expect(() => decodeImageToRgba(bytes.slice(0, 200))).toThrow(ImageDecodeError);
  });

  it('unknown formats and hostile PNG headers are refused with clear errors', () => {
    expect(() => decodeImageToRgba(new Uint8Array([1, 2, 3]))).toThrow(/unrecognised image format/);
    const png = encodePngRaw({ width: 1, height: 1, data: new Uint8Array([0]), depth: 8, channels: 1 });
    const huge = png.slice();
    new DataView(huge.buffer).setUint32(16, 100000);
    new DataView(huge.buffer).setUint32(20, 100000);
    expect(() => decodeImageToRgba(huge)).toThrow(/unusable size 100000x100000/);
    expect(() => decodeDepthPng(huge, { kind: 'scale', metresPerUnit: 0.001 })).toThrow(DepthFileError);
  });
});
