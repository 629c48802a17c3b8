import { describe, expect, it } from 'vitest';
import exifr from 'exifr';
import { stripGps } from './stripGps';

/** A minimal JPEG: SOI, APP1 Exif (IFD0: FocalLength-in-35mm + GPS pointer; GPS IFD: lat/long), SOF0, EOI. */
function jpegWithGps(): Uint8Array {
  const tiff: number[] = [];
  const w16 = (v: number) => tiff.push((v >> 8) & 255, v & 255);
  const w32 = (v: number) => tiff.push((v >>> 24) & 255, (v >> 16) & 255, (v >> 8) & 255, v & 255);
  tiff.push(0x4d, 0x4d); w16(42); w32(8);
  // IFD0 at 8: 2 entries
  w16(2);
  w16(0xa405); w16(3); w32(1); w16(28); w16(0); // FocalLengthIn35mmFormat = 28 (exif IFD tag, read from IFD0 by exifr too)
  w16(0x8825); w16(4); w32(1); w32(8 + 2 + 24 + 4); // GPS IFD right after
  w32(0);
  // GPS IFD at 38: 2 entries
  const gpsAt = tiff.length;
  w16(2);
  w16(0x0001); w16(2); w32(2); tiff.push(0x4e, 0, 0, 0); // LatitudeRef "N"
  w16(0x0002); w16(5); w32(3); w32(gpsAt + 2 + 24 + 4); // Latitude rationals after
  w32(0);
  for (const [n, d] of [[52, 1], [31, 1], [1234, 100]]) { w32(n); w32(d); }
  const app1 = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const len = app1.length + 2;
  const sof = [0xff, 0xc0, 0, 11, 8, 0, 32, 0, 32, 1, 1, 0x11, 0];
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe1, len >> 8, len & 255, ...app1, ...sof, 0xff, 0xd9]);
}

describe('stripGps', () => {
  it('empties the GPS directory of a JPEG and keeps the rest byte for byte in place', async () => {
    const src = jpegWithGps();
    const before = await exifr.parse(src, { gps: true, tiff: true });
    expect(before.GPSLatitude).toEqual([52, 31, 12.34]);
    expect(before[41989]).toBe(28);
    const { bytes, stripped } = stripGps(src);
    expect(stripped).toBe(true);
    expect(bytes.length).toBe(src.length);
    const after = (await exifr.parse(bytes, { gps: true, tiff: true })) ?? {};
    expect(after.GPSLatitude).toBeUndefined();
    expect(after.GPSLatitudeRef).toBeUndefined();
    expect(after[41989]).toBe(28); // the rest of the EXIF (the focal length tag here) is kept
    expect(src).toEqual(jpegWithGps()); // input untouched
  });

  it('blanks XMP GPS fields', () => {
    const xmp = new TextEncoder().encode('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:Description exif:GPSLatitude="52,31.2N" tiff:Make="X"><exif:GPSLongitude>13,24.1E</exif:GPSLongitude></rdf:Description></x:xmpmeta>');
    const len = xmp.length + 2;
    const jpg = new Uint8Array([0xff, 0xd8, 0xff, 0xe1, len >> 8, len & 255, ...xmp, 0xff, 0xd9]);
    const { bytes, stripped } = stripGps(jpg);
    expect(stripped).toBe(true);
    const text = new TextDecoder().decode(bytes);
    expect(text).not.toMatch(/52,31|13,24/);
    expect(text).toContain('tiff:Make="X"');
  });

  it('leaves photos without location alone', () => {
    const plain = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);
    expect(stripGps(plain)).toEqual({ bytes: plain, stripped: false });
  });
});
