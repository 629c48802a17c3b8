/**
 * A hidden index need not lay its annotations out as the shared fixtures do: SUN RGB-D as votenet exports it
 * (label.txt + calib.txt), KITTI in the devkit's folders (label_2/000123.txt, calib/000123.txt), an entry with
 * only SUN RGB-D's gravity. Every test writes under the OS temp folder, never into the tree.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mulMatVec, type Mat3 } from '../../src/core/geometry/vec';
import { annotationKind, loadKittiObjects, loadSunrgbdAnnotations, parseSunrgbdVotenet, sunGravityUpInCamera } from './annotations';
import { defaultBaseDir, fixturesFor, loadRgbdIndex, type RgbdIndexEntry } from './fixtures';
import { loadAnnotatedFrame } from './groundTruth';

const dir = fixturesFor('annotationLayouts.test');
const tmp = mkdtempSync(join(tmpdir(), 'spatiallens-layouts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A rotation about the camera's x axis by `deg` (row-major): Rtilt of a camera pitched down, not symmetric. */
const pitch = (deg: number): Mat3 => {
  const c = Math.cos((deg * Math.PI) / 180), s = Math.sin((deg * Math.PI) / 180);
  return [1, 0, 0, 0, c, -s, 0, s, c];
};
const columnMajor = (m: number[]): string => [m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]].join(' ');

describe('votenet SUN RGB-D label.txt + calib.txt', () => {
  const R = pitch(12);
  const calib = `${columnMajor(R)}\n${columnMajor([500, 0, 321, 0, 510, 241, 0, 0, 1])}\n`;

  it('reads Rtilt and K column-major, K 1-based', () => {
    const a = parseSunrgbdVotenet('', calib, 640, 480);
    a.Rtilt.forEach((v, i) => expect(v).toBeCloseTo(R[i], 12));
    expect(a.K).toEqual({ fx: 500, fy: 510, cx: 320, cy: 240, width: 640, height: 480 });
    expect(a.boxes).toEqual([]);
  });

  it('a box: 1-based 2D box, half sizes w (local y) and l (local x), heading from (ox, oy)', () => {
    const a = parseSunrgbdVotenet('chair 11 21 30 40 1 3 -0.5 0.3 0.4 0.5 0 1\n', calib, 640, 480);
    const b = a.boxes[0];
    expect(b.label).toBe('chair');
    expect(b.box2d).toEqual({ x0: 10, y0: 20, x1: 40, y1: 60 });
    expect(b.size).toEqual([0.8, 0.6, 1]);
    expect(b.yaw).toBeCloseTo(Math.PI / 2, 12);
    // Heading along upright +y: the length (0.8) runs along y, the width (0.6) along x.
    const span = (k: number) => Math.max(...b.cornersUpright.map((c) => c[k])) - Math.min(...b.cornersUpright.map((c) => c[k]));
    expect(span(0)).toBeCloseTo(0.6, 9);
    expect(span(1)).toBeCloseTo(0.8, 9);
    expect(span(2)).toBeCloseTo(1, 9);
    // Camera corners map back to the upright ones through Rtilt.
    b.cornersCam.forEach((p, i) => mulMatVec(a.Rtilt, [p[0], p[2], -p[1]]).forEach((v, k) => expect(v).toBeCloseTo(b.cornersUpright[i][k], 9)));
  });

  it('a 2D box of zero size is projected from the 3D box', () => {
    const b = parseSunrgbdVotenet('lamp 0 0 0 0 0 3 0 0.2 0.2 0.3 1 0\n', calib, 640, 480).boxes[0];
    expect(b.box2dSource).toBe('projected');
    expect(b.box2d.x0).toBeLessThan(320);
    expect(b.box2d.x1).toBeGreaterThan(320);
  });

  it('says which line is malformed', () => {
    expect(() => parseSunrgbdVotenet('bed 1 2 3\n', calib, 640, 480)).toThrow(/line 1: expected a class name and 12 numbers/);
    expect(() => parseSunrgbdVotenet('', '1 0 0\n', 640, 480)).toThrow(/Rtilt \(line 1\) is not 9 numbers/);
  });
});

describe('annotationKind tells the formats apart by content', () => {
  const write = (name: string, text: string, calib?: string): string => {
    const d = join(tmp, 'kind', name);
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'labels.txt'), text);
    if (calib !== undefined) writeFileSync(join(d, 'calib.txt'), calib);
    return join(d, 'labels.txt');
  };
  it('SUN RGB-D, KITTI (with or without a score), empty files by their calibration, and anything else refused', () => {
    expect(annotationKind(write('sun', 'bed 1 1 10 10 0 3 0 1 1 0.5 1 0\n'))).toBe('sunrgbd');
    expect(annotationKind(write('kitti', 'Car 0.00 0 -1.58 587 173 614 200 1.65 1.67 3.64 -0.65 1.71 46.70 -1.59\n'))).toBe('kitti');
    expect(annotationKind(write('kittiScore', 'Car 0.00 0 -1.58 587 173 614 200 1.65 1.67 3.64 -0.65 1.71 46.70 -1.59 0.9\n'))).toBe('kitti');
    expect(annotationKind(write('emptyKitti', '\n', 'P0: 1 0 0 0 0 1 0 0 0 0 1 0\n'))).toBe('kitti');
    expect(annotationKind(write('emptySun', '', '1 0 0 0 1 0 0 0 1\n500 0 0 0 500 0 320 240 1\n'))).toBe('sunrgbd');
    expect(() => annotationKind(write('odd', 'table 1 2 3\n'))).toThrow(/neither a SUN RGB-D label .* nor a KITTI label_2/);
    expect(() => annotationKind(write('none', ''))).toThrow(/no KITTI calibration found/);
  });
});

describe('the index checks gravity_Rtilt', () => {
  it('refuses one that is not 3x3 numbers', () => {
    const p = join(tmp, 'bad_index.json');
    writeFileSync(p, JSON.stringify([{ id: 'x', rgb: 'a.png', depth: 'b.png', depth_format: 'value/1000', width: 4, height: 4, intrinsics: null, gravity_Rtilt: [[1, 0], [0, 1]] }]));
    expect(() => loadRgbdIndex(p)).toThrow(/entry "x" has a bad or missing gravity_Rtilt/);
  });
});

describe.skipIf(!dir)('the fixtures in other layouts read the same (real frames)', () => {
  const entries = dir ? loadRgbdIndex() : [];
  const sun = entries.find((e) => e.id === 'sunrgbd_000001')!;
  const kitti = entries.find((e) => e.id === 'kitti_object_000000')!;

  it('SUN RGB-D: votenet label.txt + calib.txt give the boxes of annotations.json', () => {
    const json = loadSunrgbdAnnotations(sun);
    const txt = loadSunrgbdAnnotations({ ...sun, annotations: sun.annotations!.replace(/annotations\.json$/, 'label.txt') });
    json.Rtilt.forEach((v, i) => expect(txt.Rtilt[i]).toBeCloseTo(v, 9));
    expect(txt.K).toEqual(json.K);
    expect(txt.boxes.map((b) => b.label)).toEqual(json.boxes.map((b) => b.label));
    txt.boxes.forEach((b, i) => {
      expect(b.box2d).toEqual(json.boxes[i].box2d);
      b.cornersCam.forEach((c, j) => c.forEach((v, k) => expect(v).toBeCloseTo(json.boxes[i].cornersCam[j][k], 6)));
    });
  });

  it('KITTI: the devkit layout (label_2/000000.txt, calib/000000.txt) reads as the per-frame folder', async () => {
    const base = defaultBaseDir();
    const root = join(tmp, 'training');
    mkdirSync(join(root, 'label_2'), { recursive: true });
    mkdirSync(join(root, 'calib'), { recursive: true });
    copyFileSync(join(base, kitti.annotations!), join(root, 'label_2', '000000.txt'));
    copyFileSync(join(base, kitti.annotations!.replace(/label_2\.txt$/, 'calib.txt')), join(root, 'calib', '000000.txt'));
    const moved: RgbdIndexEntry = { ...kitti, rgb: join(base, kitti.rgb), depth: join(base, kitti.depth), annotations: join(root, 'label_2', '000000.txt'), intrinsics: null };
    expect(annotationKind(moved.annotations!)).toBe('kitti');
    expect(loadKittiObjects(moved)).toEqual(loadKittiObjects(kitti));
    // Without intrinsics in the index, the camera comes from the calibration's P2, not a guessed field of view.
    const af = await loadAnnotatedFrame(moved);
    expect(af.intrinsics).toMatchObject(kitti.intrinsics!);
    expect(af.objects.length).toBe(1);
    expect(readFileSync(join(root, 'calib', '000000.txt'), 'utf8')).toMatch(/^P0:/);
  });

  it('an entry with only gravity_Rtilt still has its true up', async () => {
    const { annotations: _dropped, ...bare } = sun;
    const af = await loadAnnotatedFrame(bare);
    expect(af.kind).toBe('none');
    expect(af.trueUpCam).toEqual(sunGravityUpInCamera(sun.gravity_Rtilt!.flat() as Mat3));
    const none = await loadAnnotatedFrame({ ...bare, gravity_Rtilt: undefined });
    expect(none.trueUpCam).toBeNull();
  });
});
