import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { intrinsicsFromExif } from '../core/camera/fromExif';
import { readExifTags } from './exif';
import { jpegStoredSize } from './imageDecode';
import { fixturesFor } from '../../scripts/lib/fixtures';

// Repo root from this file (src/io/exif.test.ts); fixtures live beside the repo, never inside it.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const base = [process.env.SPATIALLENS_FIXTURES, join(root, '..', 'shared', 'fixtures')].find((c) => c && existsSync(join(c, 'exif', 'exif_summary.json')));
const fixtures = fixturesFor('exif.test', base ?? null);

interface SummaryRow {
  file: string;
  exif: Record<string, number | string | number[]> & { jpeg_size: [number, number] };
}

/** What a browser reports for the photo: the stored size, transposed for orientations 5-8. */
function displayedSize(bytes: Uint8Array, orientation: number | undefined): [number, number] {
  const s = jpegStoredSize(bytes)!;
  return orientation && orientation >= 5 ? [s.height, s.width] : [s.width, s.height];
}

describe.skipIf(!fixtures)('EXIF fixtures', () => {
  const summary: SummaryRow[] = fixtures ? JSON.parse(readFileSync(join(fixtures, 'exif', 'exif_summary.json'), 'utf8')) : [];
  const load = (name: string) => {
    const row = summary.find((r) => r.file.includes(name))!;
    return { row, bytes: new Uint8Array(readFileSync(join(fixtures!, '..', row.file))) };
  };

  it('reads the tags exif_summary.json lists', async () => {
    expect(summary.length).toBe(7);
    for (const row of summary) {
      const bytes = new Uint8Array(readFileSync(join(fixtures!, '..', row.file)));
      expect(jpegStoredSize(bytes)).toEqual({ width: row.exif.jpeg_size[0], height: row.exif.jpeg_size[1] });
      const tags = await readExifTags(bytes);
      const e = row.exif;
      for (const k of ['FocalLengthIn35mmFilm', 'FocalLength', 'FocalPlaneXResolution', 'FocalPlaneYResolution', 'FocalPlaneResolutionUnit', 'Orientation', 'Make', 'Model'] as const) {
        expect(tags[k], `${row.file} ${k}`).toEqual(e[k]);
      }
      expect(tags.ExifImageWidth ?? tags.PixelXDimension, row.file).toEqual(e.PixelXDimension);
      expect(tags.ExifImageHeight ?? tags.PixelYDimension, row.file).toEqual(e.PixelYDimension);
    }
  });

  it('works from an ArrayBuffer and a Blob too', async () => {
    const { bytes } = load('DSCN0010');
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect((await readExifTags(ab)).FocalLengthIn35mmFilm).toBe(112);
    expect((await readExifTags(new Blob([ab]))).FocalLengthIn35mmFilm).toBe(112);
  });

  it('never throws on garbage', async () => {
    expect(await readExifTags(new Uint8Array([1, 2, 3]))).toEqual({});
    expect(await readExifTags(new Uint8Array(0))).toEqual({});
    const { bytes } = load('DSCN0010');
    expect(await readExifTags(bytes.slice(0, 300))).toBeTypeOf('object');
  });

  async function intrinsicsOf(name: string) {
    const { bytes } = load(name);
    const tags = await readExifTags(bytes);
    const [w, h] = displayedSize(bytes, tags.Orientation);
    return intrinsicsFromExif(tags, w, h);
  }

  it('Pixel "-tiny" (resized to 1012x759, EXIF says 4048x3036): 35 mm equivalent on the current diagonal', async () => {
    const r = await intrinsicsOf('IMG_20180725_163423-tiny');
    expect(r.source).toBe('exif-35mm');
    expect(r.intrinsics.width).toBe(1012);
    expect(r.intrinsics.fx).toBeCloseTo((26 * Math.hypot(1012, 759)) / Math.hypot(36, 24), 6);
    // Physical check: 4.67 mm lens / 1.55 µm pixels = 3013 px at 4048 wide -> 753 px at 1012. Within 2 %.
    expect(Math.abs(r.intrinsics.fx / ((4.67 / 0.00155) * (1012 / 4048)) - 1)).toBeLessThan(0.02);
  });

  it('Nikon DSCN0010 / DSCN0021 / D700: 35 mm equivalent', async () => {
    expect((await intrinsicsOf('DSCN0010')).intrinsics.fx).toBeCloseTo((112 * 800) / Math.hypot(36, 24), 3);
    expect((await intrinsicsOf('DSCN0021')).intrinsics.fx).toBeCloseTo((77 * 800) / Math.hypot(36, 24), 3);
    const d700 = await intrinsicsOf('issue-fast-exif-2');
    // Full-frame camera, FocalLength = 35 mm equivalent = 44 mm over a 36 mm-wide sensor and 1200 px.
    expect(d700.source).toBe('exif-35mm');
    expect(Math.abs(d700.intrinsics.fx / ((44 / 36) * 1200) - 1)).toBeLessThan(0.002);
  });

  it('Canon G9: focal length x focal-plane resolution (inches)', async () => {
    const r = await intrinsicsOf('33-type_error');
    expect(r.source).toBe('exif-focal-plane');
    expect(r.intrinsics.fx).toBeCloseTo((7.4 * 13745.704467353951) / 25.4, 3);
    expect(r.intrinsics.fy).toBeCloseTo((7.4 * 13698.630136986301) / 25.4, 3);
    expect(r.intrinsics).toMatchObject({ width: 2560, height: 1600, cx: 1279.5, cy: 799.5 });
  });

  it('Canon SX60 HS, orientation 6: portrait size, fx/fy swapped', async () => {
    const r = await intrinsicsOf('canon_hdr_NO');
    expect(r.source).toBe('exif-focal-plane');
    expect(r.intrinsics.width).toBe(1536);
    expect(r.intrinsics.height).toBe(2048);
    const f = 57.019002375296914 / 25.4;
    expect(r.intrinsics.fx).toBeCloseTo(f * 8439.56, 3); // displayed x = stored y
    expect(r.intrinsics.fy).toBeCloseTo(f * 8427.983333333334, 3);
    expect(r.intrinsics.cx).toBeCloseTo(767.5, 9);
    expect(r.intrinsics.cy).toBeCloseTo(1023.5, 9);
    // Implied sensor width 6.17 mm: the SX60's 1/2.3" sensor — the tags are self-consistent.
    expect(r.detail).toMatch(/sensor width 6\.17 mm/);
  });

  it('Jolla (FocalLength only): the default, flagged', async () => {
    const r = await intrinsicsOf('jolla');
    expect(r.source).toBe('default');
    expect(r.detail).toMatch(/FocalLength 4 mm/);
    expect(r.intrinsics.fx).toBeCloseTo((26 * Math.hypot(3264, 2448)) / Math.hypot(36, 24), 6);
  });
});
