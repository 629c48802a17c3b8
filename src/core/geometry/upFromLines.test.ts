import { describe, expect, it } from 'vitest';
import { renderSyntheticScene, sampleRoomSpec } from '../testing/syntheticScene';
import type { RGBAImage } from './raster';
import { canonicalize } from './canonicalize';
import { volumeCloud } from '../testing/clouds';
import { levelAxes, upFromLines, vanishingUp } from './upFromLines';
import type { VerticalSegment } from './verticalLines';
import { angleBetween, cross, dot, mulMatVec, normalize, transpose, type Vec3 } from './vec';

const DEG = Math.PI / 180;
const deg = (a: Vec3, b: Vec3) => angleBetween(a, b) / DEG;
const upOf = (f: ReturnType<typeof canonicalize>) => mulMatVec(transpose(f.rotation), [0, 1, 0]) as Vec3;

describe('up from the picture\'s vertical lines alone', () => {
  it('from the level-camera guess, 10 to 25 degrees off, a room\'s vertical lines give up within 0.3 degree', () => {
    for (const [roll, pitch] of [[4, 25], [-3, 10], [1, 18]]) {
      const r = renderSyntheticScene(sampleRoomSpec({ rollDeg: roll, pitchDeg: pitch }));
      expect(deg([0, -1, 0], r.truth.upInCamera)).toBeGreaterThan(9);
      const l = upFromLines(r.rgb, r.intrinsics, [0, -1, 0])!;
      expect(l.edges).toBeGreaterThanOrEqual(3);
      expect(deg(l.up, r.truth.upInCamera)).toBeLessThan(0.3);
    }
  });

  it('a picture with no straight vertical edge gives nothing', () => {
    const flat: RGBAImage = { width: 160, height: 120, data: new Uint8ClampedArray(160 * 120 * 4).fill(128) };
    expect(upFromLines(flat, { fx: 150, fy: 150, cx: 79.5, cy: 59.5, width: 160, height: 120 }, [0, -1, 0])).toBeNull();
  });

  it('one line says the turn about it, not the pitch: the guess turned onto its plane', () => {
    const g: Vec3 = [0, -1, 0];
    const ax = levelAxes(g);
    const tilt = (r: number, p: number): Vec3 => normalize([0, 1, 2].map((i) => g[i] + Math.tan(r * DEG) * ax.roll[i] + Math.tan(p * DEG) * ax.pitch[i]) as Vec3);
    // true up pitched 20 degrees, rolled 3; the image of a vertical line through the camera-frame point a is the
    // plane through the camera, a and a + up; one line near the middle, seen as two pieces
    const truth = tilt(3, 20);
    const piece = (y: number): VerticalSegment => ({ x0: 0, y0: 0, x1: 0, y1: 100, length: 100, pixelSigma: 0.5, normal: normalize(cross([0.05, y, 1], truth)) });
    const segs = [piece(-0.2), piece(-0.2)];
    const u = vanishingUp(segs, g);
    expect(Math.abs(Math.asin(dot(segs[0].normal, u))) / DEG).toBeLessThan(0.01);
    const rollOf = (v: Vec3) => Math.atan2(dot(v, ax.roll), dot(v, g)) / DEG, pitchOf = (v: Vec3) => Math.atan2(dot(v, ax.pitch), dot(v, g)) / DEG;
    expect(Math.abs(pitchOf(u))).toBeLessThan(1);
    expect(rollOf(u)).toBeGreaterThan(2);
    expect(rollOf(u)).toBeLessThan(4);
  });
});

describe('canonicalize when the depth shows no surface', () => {
  it('with the picture, its vertical lines give up (method vertical-lines); without it, the level guess stands', () => {
    const r = renderSyntheticScene(sampleRoomSpec({ rollDeg: 4, pitchDeg: 22 }));
    const cloud = volumeCloud();
    const guess = canonicalize(cloud);
    const lines = canonicalize(cloud, { image: { rgb: r.rgb, intrinsics: r.intrinsics } });
    expect(guess.method).toBe('level-camera');
    expect(guess.gravityEdges).toBeUndefined();
    expect(deg(upOf(guess), r.truth.upInCamera)).toBeGreaterThan(20);
    expect(lines.method).toBe('vertical-lines');
    expect(lines.confidence).toBe('low');
    expect(lines.gravityEdges).toBeGreaterThanOrEqual(3);
    expect(deg(upOf(lines), r.truth.upInCamera)).toBeLessThan(0.3);
  });
});
