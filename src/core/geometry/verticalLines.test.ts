import { describe, expect, it } from 'vitest';
import { renderSyntheticScene, sampleRoomSpec } from '../testing/syntheticScene';
import type { Intrinsics } from '../camera/intrinsics';
import type { RGBAImage } from './raster';
import { findVerticalSegments, refineUpWithEdges, type VerticalSegment } from './verticalLines';
import { canonicalize } from './canonicalize';
import { liftDepth } from './lift';
import { angleBetween, cross, dot, mulMatVec, normalize, transpose, type Vec3 } from './vec';

const DEG = Math.PI / 180;
const deg = (a: Vec3, b: Vec3) => angleBetween(a, b) / DEG;
/** `up` turned by `d` degrees about `axis`. */
const turn = (up: Vec3, axis: Vec3, d: number): Vec3 => {
  const k = normalize(axis), c = Math.cos(d * DEG), s = Math.sin(d * DEG), kv = cross(k, up), kd = dot(k, up);
  return normalize([0, 1, 2].map((i) => up[i] * c + kv[i] * s + k[i] * kd * (1 - c)) as Vec3);
};
const rolled = (roll: number, pitch: number) => renderSyntheticScene(sampleRoomSpec({ rollDeg: roll, pitchDeg: pitch }));

describe('vertical segments', () => {
  it('finds the room\'s vertical edges under a rolled, pitched camera, each on a plane through true up', () => {
    const r = rolled(3, 15);
    const up = r.truth.upInCamera;
    // searched near a guess 2 degrees off, as the planes may be
    const segs = findVerticalSegments(r.rgb, r.intrinsics, turn(up, [0, 0, 1], 2));
    expect(segs.length).toBeGreaterThanOrEqual(6);
    const long = segs.filter((s) => s.length >= 60);
    expect(long.length).toBeGreaterThanOrEqual(3);
    for (const s of long) expect(Math.abs(Math.asin(dot(s.normal, up))) / DEG).toBeLessThan(0.5);
  });

  it('a large picture is searched averaged down; its segments come back in the picture\'s own pixels', () => {
    const r = renderSyntheticScene(sampleRoomSpec({ rollDeg: 3, pitchDeg: 15 }, { width: 1280, height: 960 }));
    const up = r.truth.upInCamera;
    const segs = findVerticalSegments(r.rgb, r.intrinsics, up).filter((s) => s.length >= 120);
    expect(segs.length).toBeGreaterThanOrEqual(3);
    for (const s of segs) {
      expect(Math.abs(Math.asin(dot(s.normal, up))) / DEG).toBeLessThan(0.5);
      expect(s.pixelSigma).toBe(1); // half a working pixel, which is two of the picture's
      for (const v of [s.x0, s.x1]) { expect(v).toBeGreaterThanOrEqual(0); expect(v).toBeLessThan(1280); }
    }
  });

  it('an image without straight vertical edges gives none: flat grey, horizontal stripes', () => {
    const K: Intrinsics = { fx: 300, fy: 300, cx: 79.5, cy: 59.5, width: 160, height: 120 };
    const flat: RGBAImage = { width: 160, height: 120, data: new Uint8ClampedArray(160 * 120 * 4).fill(128) };
    expect(findVerticalSegments(flat, K, [0, -1, 0])).toEqual([]);
    const stripes = new Uint8ClampedArray(160 * 120 * 4);
    for (let i = 0; i < 160 * 120; i++) stripes.fill(Math.floor(i / 160 / 10) % 2 ? 220 : 30, i * 4, i * 4 + 4);
    expect(findVerticalSegments({ width: 160, height: 120, data: stripes }, K, [0, -1, 0])).toEqual([]);
  });

  it('a thin bar is two edges, one each side, not one thick run', () => {
    const W = 160, H = 120;
    const K: Intrinsics = { fx: 300, fy: 300, cx: 79.5, cy: 59.5, width: W, height: H };
    const data = new Uint8ClampedArray(W * H * 4).fill(230);
    for (let y = 10; y < 110; y++) for (let x = 70; x < 73; x++) data.fill(20, (y * W + x) * 4, (y * W + x) * 4 + 3);
    const segs = findVerticalSegments({ width: W, height: H, data }, K, [0, -1, 0]);
    expect(segs).toHaveLength(2);
    const xs = segs.map((s) => (s.x0 + s.x1) / 2).sort((a, b) => a - b);
    expect(xs[0]).toBeCloseTo(69.5, 0);
    expect(xs[1]).toBeCloseTo(72.5, 0);
    for (const s of segs) expect(s.length).toBeGreaterThan(85);
  });

  it('pieces of one slanted edge, broken where its contrast dips, are merged and refitted together', () => {
    // an anti-aliased edge 1 degree off the image's vertical, crossed by grey bands every 25 rows
    const W = 200, H = 200, slope = Math.tan(1 * DEG);
    const K: Intrinsics = { fx: 1000, fy: 1000, cx: 99.5, cy: 99.5, width: W, height: H };
    const data = new Uint8ClampedArray(W * H * 4);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
      const edge = 100 + (y - 100) * slope, cover = Math.min(1, Math.max(0, edge - (x - 0.5)));
      const v = y % 25 < 3 ? 128 : 20 * cover + 230 * (1 - cover);
      data.fill(v, (y * W + x) * 4, (y * W + x) * 4 + 3);
      data[(y * W + x) * 4 + 3] = 255;
    }
    const segs = findVerticalSegments({ width: W, height: H, data }, K, [0, -1, 0]);
    expect(segs).toHaveLength(1);
    expect(segs[0].length).toBeGreaterThan(180);
    expect(Math.abs(Math.atan2(segs[0].x1 - segs[0].x0, segs[0].y1 - segs[0].y0)) / DEG).toBeCloseTo(1, 1);
  });
});

describe('up refined with the edges', () => {
  it('a planes\' up 2 degrees off in roll comes back to within half a degree; its pitch error shrinks less (edges near the middle do not see it)', () => {
    const r = rolled(3, 15);
    const up = r.truth.upInCamera;
    const segs = findVerticalSegments(r.rgb, r.intrinsics, up);
    const rollOff = turn(up, [0, 0, 1], 2);
    const fixedRoll = refineUpWithEdges(rollOff, 0, segs)!;
    expect(fixedRoll.edges).toBeGreaterThanOrEqual(3);
    expect(deg(fixedRoll.up, up)).toBeLessThan(0.5);
    const pitchOff = turn(up, [1, 0, 0], 2);
    const fixedPitch = refineUpWithEdges(pitchOff, 0, segs)!;
    expect(deg(fixedPitch.up, up)).toBeLessThan(deg(pitchOff, up));
  });

  it('segments that lean (a tree, a slanted roof line) stop counting; with fewer than three none is used', () => {
    const up: Vec3 = [0, -1, 0];
    const K = { fx: 500, cx: 320 };
    // vertical segments at several image columns: planes through the camera and the line x = (col - cx) / fx
    const at = (col: number, lean = 0): VerticalSegment => {
      const a: Vec3 = [(col - K.cx) / K.fx, -0.3, 1], dir = turn(up, [0, 0, 1], lean);
      const b: Vec3 = [a[0] + 0.5 * dir[0], a[1] + 0.5 * dir[1], a[2] + 0.5 * dir[2]];
      return { x0: col, y0: 0, x1: col, y1: 200, length: 200, pixelSigma: 0.5, normal: normalize(cross(a, b)) };
    };
    const good = [60, 180, 300, 420, 560].map((c) => at(c));
    const leaning = [100, 250, 500].map((c) => at(c, 6));
    const planes = turn(up, [0, 0, 1], 1.5);
    const r = refineUpWithEdges(planes, 0, [...good, ...leaning])!;
    expect(deg(r.up, up)).toBeLessThan(0.5); // from 1.5
    expect(r.edges).toBe(5);
    expect(deg(r.up, refineUpWithEdges(planes, 0, good)!.up)).toBeLessThan(0.15); // three of eight, 4.5 degrees off the others
    expect(refineUpWithEdges(planes, 0, good.slice(0, 2))).toBeNull();
    expect(refineUpWithEdges(planes, 0, leaning)).toBeNull();
  });

  it('planes that disagree among themselves (a large residual) count for less against the edges', () => {
    const r = rolled(3, 15);
    const up = r.truth.upInCamera;
    const segs = findVerticalSegments(r.rgb, r.intrinsics, up);
    const off = turn(up, [0, 0, 1], 2);
    expect(deg(refineUpWithEdges(off, 3, segs)!.up, up)).toBeLessThan(deg(refineUpWithEdges(off, 0, segs)!.up, up) - 0.01);
  });
});

describe('canonicalize with the picture', () => {
  it('one wall and no floor: the wall gives the pitch, the level-camera guess the roll; the edges on the wall say the roll', () => {
    for (const [roll, pitch] of [[4, 10], [-6, 5]]) {
      const spec = sampleRoomSpec({ pitchDeg: pitch, rollDeg: roll, height: 1.5 });
      spec.floor = false;
      spec.wall = { distance: 4 };
      // posters on the wall, taller than the view: vertical edges, no horizontal surface
      spec.objects = [-1.6, -0.7, 0.2, 1.1].map((x, i) => ({ id: `p${i}`, caption: 'poster', parts: [{ center: [x, 1.4, -3.99], size: [0.5, 5, 0.02], color: [60 + 40 * i, 90, 160 - 30 * i] }] }));
      const r = renderSyntheticScene(spec);
      const cloud = liftDepth(r.depth, r.intrinsics, {});
      const upOf = (f: ReturnType<typeof canonicalize>) => mulMatVec(transpose(f.rotation), [0, 1, 0]) as Vec3;
      const wallOnly = canonicalize(cloud), both = canonicalize(cloud, { image: { rgb: r.rgb, intrinsics: r.intrinsics } });
      expect([wallOnly.method, both.method]).toEqual(['walls', 'walls']);
      expect(deg(upOf(wallOnly), r.truth.upInCamera)).toBeGreaterThan(Math.abs(roll) - 0.5);
      expect(deg(upOf(both), r.truth.upInCamera)).toBeLessThan(0.3);
      expect(both.gravityEdges).toBeGreaterThanOrEqual(3);
    }
  });

  it('a floor the depth bends (as a depth model may) tilts the planes\' up; the picture\'s edges bring it back', () => {
    const r = rolled(2, 12);
    const K = r.intrinsics, up = r.truth.upInCamera;
    // depth scaled by 8% across the width: the floor and the wall tilt, the picture does not
    const bent = new Float32Array(r.depth.data);
    for (let v = 0; v < K.height; v++) for (let u = 0; u < K.width; u++) bent[v * K.width + u] *= 1 + 0.08 * ((u - K.cx) / K.width);
    const cloud = liftDepth({ ...r.depth, data: bent }, K, {});
    const planes = canonicalize(cloud);
    const both = canonicalize(cloud, { image: { rgb: r.rgb, intrinsics: K } });
    const upOf = (f: typeof planes) => mulMatVec(transpose(f.rotation), [0, 1, 0]) as Vec3;
    expect(deg(upOf(planes), up)).toBeGreaterThan(1);
    expect(deg(upOf(both), up)).toBeLessThan(0.5 * deg(upOf(planes), up));
    expect(both.gravityEdges).toBeGreaterThanOrEqual(3);
    expect(planes.gravityEdges).toBeUndefined();
  });
});
