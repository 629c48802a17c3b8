import { describe, expect, it } from 'vitest';
import { frameFromUp } from './canonicalize';
import { freeSpaceTest } from './freeSpace';

const K = { fx: 50, fy: 50, cx: 32, cy: 24, width: 64, height: 48 };
const wall = (z: number) => ({ width: 64, height: 48, data: new Float32Array(64 * 48).fill(z) });
// a level camera 1.5 m up: canonical x = camera x, y = 1.5 - camera y, z = -camera z
const frame = frameFromUp([0, -1, 0], 1.5);

describe('freeSpaceTest', () => {
  const free = freeSpaceTest(wall(5), K, frame);
  it('says a point in front of the seen surface is in seen-empty space', () => {
    expect(free([0, 1.5, -3])).toBe(true);
    expect(free([0.5, 1.2, -2])).toBe(true);
  });
  it('says nothing of points at or behind the surface, out of view, or behind the camera', () => {
    expect(free([0, 1.5, -4.9])).toBe(false); // within the noise margin of the surface
    expect(free([0, 1.5, -6])).toBe(false); // hidden behind it
    expect(free([10, 1.5, -3])).toBe(false); // beyond the image's right border
    expect(free([0, 1.5, 2])).toBe(false); // behind the camera
  });
  it('takes the nearest valid depth around the pixel and ignores holes', () => {
    const d = wall(0);
    expect(freeSpaceTest(d, K, frame)([0, 1.5, -3])).toBe(false);
    d.data[24 * 64 + 33] = 5; // one sparse LiDAR return beside the pixel
    expect(freeSpaceTest(d, K, frame)([0, 1.5, -3])).toBe(true);
  });
  it('sparse depth: no return between the scan lines around a point, within the reach the sensor shows elsewhere, is empty', () => {
    // scan lines every 3 rows, only in the lower half (the road, 20 m); nothing above (sky, or road beyond reach)
    const d = wall(0);
    for (let v = 26; v < 48; v += 3) for (let u = 0; u < 64; u++) d.data[v * 64 + u] = 20;
    const test = freeSpaceTest(d, K, frame);
    expect(test([0, 1.5 + 1.5, -10])).toBe(true); // 10 m ahead, 10 rows above the scan lines: a car there would have returned
    expect(test([0, 1.5 + 0.8, -10])).toBe(false); // 6 rows above them: between scan lines, unknown
    expect(test([0, 1.5 + 2, -30])).toBe(false); // beyond the farthest return: unknown
    // a dense map with a hole (a black car's paint) says nothing of the hole
    const dense = wall(5);
    for (let v = 0; v < 20; v++) for (let u = 0; u < 64; u++) dense.data[v * 64 + u] = 0;
    expect(freeSpaceTest(dense, K, frame)([0, 1.5 + 0.8, -3])).toBe(false);
  });
});
