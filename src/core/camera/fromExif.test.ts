import { describe, expect, it } from 'vitest';
import { DEFAULT_FOCAL_35MM, focalPxFrom35mm, intrinsicsFromExif, intrinsicsFromExplicit } from './fromExif';

describe('focalPxFrom35mm', () => {
  it('is the diagonal rule; for 3:2 it equals f35/36 x width', () => {
    expect(focalPxFrom35mm(50, 6000, 4000)).toBeCloseTo((50 / 36) * 6000, 6);
    // 4:3 phone photo: diagonal rule, not width rule.
    expect(focalPxFrom35mm(26, 4000, 3000)).toBeCloseTo((26 * 5000) / Math.hypot(36, 24), 6);
  });
});

describe('intrinsicsFromExplicit', () => {
  it('fills defaults and validates', () => {
    const r = intrinsicsFromExplicit({ fx: 500 }, 640, 480);
    expect(r.intrinsics).toEqual({ fx: 500, fy: 500, cx: 319.5, cy: 239.5, width: 640, height: 480 });
    expect(r.source).toBe('explicit');
    expect(() => intrinsicsFromExplicit({ fx: -1 }, 640, 480)).toThrow(RangeError);
    expect(() => intrinsicsFromExplicit({ fx: NaN }, 640, 480)).toThrow(/positive finite/);
    expect(() => intrinsicsFromExplicit({ fx: 500 }, 0, 480)).toThrow(/image size/);
  });
});

describe('intrinsicsFromExif', () => {
  it('prefers the 35 mm equivalent', () => {
    const r = intrinsicsFromExif({ FocalLengthIn35mmFilm: 26, FocalLength: 4.67, FocalPlaneXResolution: 1000 }, 4000, 3000);
    expect(r.source).toBe('exif-35mm');
    expect(r.intrinsics.fx).toBeCloseTo((26 * 5000) / 43.2666, 1);
    expect(r.intrinsics.cx).toBe(1999.5);
  });

  it('focal plane resolution: unit conversion (inch, cm, mm)', () => {
    for (const [unit, perUnit] of [
      [2, 25.4],
      [3, 10],
      [4, 1],
    ] as const) {
      const r = intrinsicsFromExif(
        { FocalLength: 5, FocalPlaneXResolution: 500 * perUnit, FocalPlaneResolutionUnit: unit, ExifImageWidth: 4000, ExifImageHeight: 3000 },
        4000,
        3000,
      );
      expect(r.source).toBe('exif-focal-plane');
      expect(r.intrinsics.fx).toBeCloseTo(2500, 6); // 5 mm x 500 px/mm
      expect(r.intrinsics.fy).toBeCloseTo(2500, 6); // Y resolution missing -> X
    }
  });

  it('focal plane resolution scales to a resized image', () => {
    const tags = { FocalLength: 4.67, FocalPlaneXResolution: 1 / 0.00155, FocalPlaneResolutionUnit: 4, ExifImageWidth: 4048, ExifImageHeight: 3036 };
    const r = intrinsicsFromExif(tags, 1012, 759);
    expect(r.intrinsics.fx).toBeCloseTo((4.67 / 0.00155) * 0.25, 3);
    expect(r.intrinsics.fy).toBeCloseTo((4.67 / 0.00155) * 0.25, 3);
    expect(r.detail).toMatch(/resized from 4048x3036/);
  });

  it('orientation 6: the tags describe the stored landscape image; intrinsics rotate with the pixels', () => {
    const tags = { FocalLength: 10, FocalPlaneXResolution: 200, FocalPlaneYResolution: 100, FocalPlaneResolutionUnit: 4, ExifImageWidth: 400, ExifImageHeight: 300, Orientation: 6 };
    // The decoder (browser, orientation applied) reports the portrait size.
    const r = intrinsicsFromExif(tags, 300, 400);
    expect(r.intrinsics).toEqual({ fx: 1000, fy: 2000, cx: 149.5, cy: 199.5, width: 300, height: 400 });
    // Some writers put the displayed size in EXIF: same answer.
    const r2 = intrinsicsFromExif({ ...tags, ExifImageWidth: 300, ExifImageHeight: 400 }, 300, 400);
    expect(r2.intrinsics).toEqual(r.intrinsics);
    expect(r2.detail).toMatch(/recorded rotated/);
  });

  it('no usable tags -> the flagged default (26 mm equivalent)', () => {
    for (const tags of [{}, { FocalLength: 4 }, { FocalLengthIn35mmFilm: 0 }, { FocalLength: 5, FocalPlaneXResolution: 100, FocalPlaneResolutionUnit: 1 }]) {
      const r = intrinsicsFromExif(tags, 3264, 2448);
      expect(r.source).toBe('default');
      expect(r.detail).toMatch(/^default: assumed a 26 mm-equivalent/);
      expect(r.intrinsics.fx).toBeCloseTo(focalPxFrom35mm(DEFAULT_FOCAL_35MM, 3264, 2448), 6);
    }
    expect(intrinsicsFromExif({ FocalLength: 4 }, 100, 100).detail).toMatch(/FocalLength 4 mm/);
  });
});
