import { describe, expect, it } from 'vitest';
import { maskArea } from '../scene/mask';
import { mulMatVec, transpose } from '../geometry/vec';
import { renderSyntheticScene, sampleRoomSpec } from './syntheticScene';

describe('renderSyntheticScene', () => {
  it('renders exact floor depth for a level camera', () => {
    const spec = sampleRoomSpec({ pitchDeg: 0, height: 1.5 }, { width: 64, height: 48, fovXDeg: 60 });
    spec.objects = [];
    spec.wall = undefined;
    const r = renderSyntheticScene(spec);
    const K = r.intrinsics;
    // a floor pixel below the horizon: depth z = h * fy / (v - cy)
    const v = 40, u = 10;
    expect(r.depth.data[v * 64 + u]).toBeCloseTo((1.5 * K.fy) / (v - K.cy), 4);
    // above the horizon nothing is hit
    expect(r.depth.data[5 * 64 + 10]).toBe(0);
  });

  it('truth transform maps rendered points onto the described boxes', () => {
    const r = renderSyntheticScene(sampleRoomSpec({ pitchDeg: 22, rollDeg: 7, yawDeg: 10 }, { width: 160, height: 120 }));
    const { rotation: R, translation: t } = r.truth.cameraToCanonical;
    expect(mulMatVec(transpose(R), [0, 1, 0]).map((x, i) => x - r.truth.upInCamera[i]).every((x) => Math.abs(x) < 1e-12)).toBe(true);
    const K = r.intrinsics;
    const cube = r.objects.find((o) => o.id === 'cube')!;
    const truth = r.truth.boxes.find((b) => b.id === 'cube')!;
    expect(maskArea(cube.mask)).toBe(cube.visiblePixels);
    // every cube pixel lifts into the cube's canonical bounds
    const bits = cube.mask;
    let pos = 0, checked = 0;
    for (let k = 0; k < bits.counts.length; k++) {
      if (k & 1) {
        for (let i = pos; i < pos + bits.counts[k]; i++) {
          const x = i % 160, y = Math.floor(i / 160), z = r.depth.data[i];
          const p = mulMatVec(R, [((x - K.cx) / K.fx) * z, ((y - K.cy) / K.fy) * z, z]);
          const q = [p[0] + t[0], p[1] + t[1], p[2] + t[2]];
          for (let a = 0; a < 3; a++) {
            expect(q[a]).toBeGreaterThan(truth.aabb.min[a] - 1e-3);
            expect(q[a]).toBeLessThan(truth.aabb.max[a] + 1e-3);
          }
          checked++;
        }
      }
      pos += bits.counts[k];
    }
    expect(checked).toBeGreaterThan(100);
    expect(cube.box2d.x1).toBeGreaterThan(cube.box2d.x0);
  });

  it('antialias (the default) blends colour along edges only; depth and masks are the one-ray render\'s', () => {
    const spec = sampleRoomSpec({ rollDeg: 2 }, { width: 96, height: 72 });
    const a = renderSyntheticScene({ ...spec, antialias: false }), b = renderSyntheticScene(spec);
    expect(b.depth.data).toEqual(a.depth.data);
    expect(b.objects.map((o) => o.mask)).toEqual(a.objects.map((o) => o.mask));
    const colours = (r: typeof a) => new Set(Array.from({ length: 96 * 72 }, (_, i) => r.rgb.data.slice(i * 4, i * 4 + 3).join(','))).size;
    let changed = 0;
    for (let i = 0; i < 96 * 72; i++) if (a.rgb.data[i * 4] !== b.rgb.data[i * 4]) changed++;
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThan(0.3 * 96 * 72); // edge pixels only
    expect(colours(b)).toBeGreaterThan(colours(a)); // blends between the flat shades
  });
});
