import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Intrinsics } from './intrinsics';
import { orientPixel, rotateIntrinsicsForOrientation, scaleIntrinsics, type ExifOrientation } from './transform';

const K: Intrinsics = { fx: 500, fy: 510, cx: 300, cy: 200, width: 640, height: 480 };

/** Project a camera-frame point to stored pixels. */
const project = (k: Intrinsics, p: [number, number, number]): [number, number] => [
  (k.fx * p[0]) / p[2] + k.cx,
  (k.fy * p[1]) / p[2] + k.cy,
];

describe('scaleIntrinsics', () => {
  it('halving keeps pixel edges: centre (w-1)/2 stays the centre', () => {
    const c: Intrinsics = { fx: 100, fy: 100, cx: 319.5, cy: 239.5, width: 640, height: 480 };
    expect(scaleIntrinsics(c, 320, 240)).toEqual({ fx: 50, fy: 50, cx: 159.5, cy: 119.5, width: 320, height: 240 });
  });
  it('round-trips', () => {
    const back = scaleIntrinsics(scaleIntrinsics(K, 1012, 759), 640, 480);
    for (const k of ['fx', 'fy', 'cx', 'cy'] as const) expect(back[k]).toBeCloseTo(K[k], 9);
  });
});

describe('rotateIntrinsicsForOrientation', () => {
  it('orientation 6 (90° clockwise): size and focal lengths swap, principal point follows its pixel', () => {
    expect(rotateIntrinsicsForOrientation(K, 6)).toEqual({ fx: 510, fy: 500, cx: 479 - 200, cy: 300, width: 480, height: 640 });
  });
  it('orientation 1 and unknown values change nothing', () => {
    expect(rotateIntrinsicsForOrientation(K, 1)).toEqual(K);
    expect(rotateIntrinsicsForOrientation(K, 0)).toEqual(K);
    expect(rotateIntrinsicsForOrientation(K, 9)).toEqual(K);
  });
  it('for the rotations (3, 6, 8) a projected point moves exactly as its pixel does', () => {
    // A pure rotation of the image is a rotation of the camera about its axis, so the reoriented
    // intrinsics must project the rotated 3D point onto the reoriented pixel.
    const rot: Record<number, (p: [number, number, number]) => [number, number, number]> = {
      3: ([x, y, z]) => [-x, -y, z],
      6: ([x, y, z]) => [-y, x, z],
      8: ([x, y, z]) => [y, -x, z],
    };
    fc.assert(
      fc.property(
        fc.constantFrom(3, 6, 8),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        (o, x, y, z) => {
          const [u, v] = project(K, [x, y, z]);
          const [u2, v2] = orientPixel(o as ExifOrientation, u, v, K.width, K.height);
          const [pu, pv] = project(rotateIntrinsicsForOrientation(K, o), rot[o]([x, y, z]));
          expect(pu).toBeCloseTo(u2, 6);
          expect(pv).toBeCloseTo(v2, 6);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('every orientation maps the image corners onto the displayed image corners', () => {
    for (const o of [1, 2, 3, 4, 5, 6, 7, 8] as ExifOrientation[]) {
      const r = rotateIntrinsicsForOrientation(K, o);
      const corners = [
        [0, 0],
        [K.width - 1, 0],
        [0, K.height - 1],
        [K.width - 1, K.height - 1],
      ].map(([x, y]) => orientPixel(o, x, y, K.width, K.height).join(','));
      expect(new Set(corners)).toEqual(new Set(['0,0', `${r.width - 1},0`, `0,${r.height - 1}`, `${r.width - 1},${r.height - 1}`]));
    }
  });
});
