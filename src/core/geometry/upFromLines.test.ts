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

  it('three lines agreeing are not enough without a floor or a wall to check them; four are', () => {
    // a level camera's picture of bands whose borders are lines at the middle row's x, slanted by so many degrees
    // (anti-aliased: each border covers the share of the pixel past it); 2 degrees is up rolled by 2
    const W = 320, H = 240, K = { fx: 300, fy: 300, cx: 159.5, cy: 119.5, width: W, height: H };
    const bands = (borders: [number, number][]): RGBAImage => {
      const data = new Uint8ClampedArray(W * H * 4);
      for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
        let v = 50;
        borders.forEach(([b, slant], i) => { v += (i % 2 ? -150 : 150) * Math.min(1, Math.max(0, x + 1 - (b + (y - 119.5) * Math.tan(slant * DEG)))); });
        data.fill(v, (y * W + x) * 4, (y * W + x) * 4 + 3);
        data[(y * W + x) * 4 + 3] = 255;
      }
      return { width: W, height: H, data };
    };
    // three agree, two lean 1.5 degrees either way (they count a little, not as lines that agree)
    expect(upFromLines(bands([[30, 2], [90, 3.5], [150, 2], [210, 0.5], [270, 2]]), K, [0, -1, 0])).toBeNull();
    // four agree, one leans 12 degrees away
    const four = upFromLines(bands([[30, 2], [80, 14], [130, 2], [190, 2], [260, 2]]), K, [0, -1, 0])!;
    expect(four.edges).toBe(4);
    expect(Math.atan2(-four.up[0], -four.up[1]) / DEG).toBeCloseTo(2, 1);
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
