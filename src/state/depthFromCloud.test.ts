import { describe, expect, it } from 'vitest';
import { depthFromCloud } from './depthFromCloud';
import type { CanonicalFrame } from '../core/scene/types';

describe('depthFromCloud', () => {
  it('projects canonical points back to the pixels and depths they came from, at another image size', () => {
    const K = { fx: 50, fy: 50, cx: 19.5, cy: 14.5, width: 40, height: 30 };
    // camera 1.2 m above the floor, level: canonical = (x, 1.2 - y, -z)
    const frame = { rotation: [1, 0, 0, 0, -1, 0, 0, 0, -1], translation: [0, 1.2, 0] } as unknown as CanonicalFrame;
    const pts: [number, number, number][] = [[5, 5, 2], [30, 20, 3.5]]; // (u, v, z)
    const positions = new Float32Array(pts.flatMap(([u, v, z]) => {
      const x = ((u - K.cx) * z) / K.fx, y = ((v - K.cy) * z) / K.fy;
      return [x, 1.2 - y, -z];
    }));
    const cloud = { count: 2, positions, colors: new Uint8Array(6), pixel: new Uint32Array(2) };
    const same = depthFromCloud(cloud, frame, K, 40, 30, 1);
    expect(same.data[5 * 40 + 5]).toBeCloseTo(2, 5);
    expect(same.data[20 * 40 + 30]).toBeCloseTo(3.5, 5);
    expect(same.data.filter((z) => z > 0)).toHaveLength(2);
    // at twice the size, pixel u's centre is at 2u + 0.5 (pixel-centre convention): 2u or 2u + 1
    const big = depthFromCloud(cloud, frame, K, 80, 60, 1);
    const hits: number[][] = [];
    big.data.forEach((z, i) => { if (z > 0) hits.push([i % 80, Math.floor(i / 80), z]); });
    expect(hits).toHaveLength(2);
    for (const [[u, v, z], [hu, hv, hz]] of pts.map((p, i) => [p, hits[i]])) {
      expect(Math.abs(hu - (2 * u + 0.5))).toBeLessThanOrEqual(0.5);
      expect(Math.abs(hv - (2 * v + 0.5))).toBeLessThanOrEqual(0.5);
      expect(hz).toBeCloseTo(z, 5);
    }
  });
});
