import { describe, expect, it } from 'vitest';
import { depthAt, addMeasurePoint } from './measure';
import { sceneStore, type LoadedScene } from './sceneStore';
import type { SceneGraph } from '../core/scene/types';

describe('depthAt', () => {
  it('takes the median of valid depths around the pixel and ignores holes', () => {
    const data = new Float32Array(25).fill(0);
    data[12] = 2; data[11] = 2.1; data[13] = 1.9; data[0] = 9;
    expect(depthAt({ width: 5, height: 5, data }, 2, 2, 1)).toBe(2);
    expect(depthAt({ width: 5, height: 5, data: new Float32Array(25) }, 2, 2)).toBeNull();
  });
});

describe('addMeasurePoint', () => {
  it('lifts two clicks into the canonical frame and measures between them', () => {
    const W = 100, H = 80;
    const data = new Float32Array(W * H).fill(2); // a wall 2 m in front of the camera
    const K = { fx: 100, fy: 100, cx: 49.5, cy: 39.5, width: W, height: H };
    const scene = {
      frame: { rotation: [1, 0, 0, 0, -1, 0, 0, 0, -1], translation: [0, 1.5, 0] },
      objects: [],
    } as unknown as SceneGraph;
    const current = { key: 't', depth: { width: W, height: H, data }, intrinsics: K, scene, rgb: { width: W, height: H } } as unknown as LoadedScene;
    sceneStore.setState({ current });
    addMeasurePoint(19.5, 39.5);
    expect(sceneStore.getState().measure.distance).toBeNull();
    addMeasurePoint(79.5, 39.5);
    const m = sceneStore.getState().measure;
    // 60 px at f = 100 px and 2 m: 1.2 m
    expect(m.distance).toBeCloseTo(1.2, 6);
    expect(m.points[0][1]).toBeCloseTo(1.5, 6); // on the camera's horizon: camera height
    expect(m.points[0][2]).toBeCloseTo(-2, 6); // in front of the camera is -Z
    addMeasurePoint(50, 40); // a third click starts a new measurement
    expect(sceneStore.getState().measure.points).toHaveLength(1);
  });
});
