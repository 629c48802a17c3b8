import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import type { SceneObject } from '../core/scene/types';
import { estimatedFaceLines } from './estimatedFaces';

const base = (amodal: SceneObject['amodal']): SceneObject => ({
  id: 'car', caption: 'car', box2d: { x0: 0, y0: 0, x1: 1, y1: 1 },
  aabb: { min: [-0.8, 0, -11.9], max: [0.8, 1.5, -8] }, obb: { center: [0, 0.75, -9.95], size: [1.6, 1.5, 3.9], yaw: 0 },
  centroid: [0, 0.75, -8], size: { width: 1.6, height: 1.5, depth: 3.9 }, pointCount: 500, confidence: 0.8, flags: [], amodal,
});
const visibility = { left: 'observed', right: 'observed', top: 'observed', bottom: 'observed', near: 'observed', far: 'self-hidden' } as const;

describe('estimated faces', () => {
  it('a car completed backwards from its seen rear face: the far face and the four side edges running back are dashed', () => {
    const o = base({
      visibleAabb: { min: [-0.8, 0, -8.1], max: [0.8, 1.5, -8] }, visibleObb: { center: [0, 0.75, -8.05], size: [1.6, 1.5, 0.1], yaw: 0 },
      estimated: [null, null, 'category-prior'], spread: [0, 0, 0.12], visibility,
    });
    const lines = estimatedFaceLines(o, new THREE.Color('red'))!;
    expect(lines.material).toBeInstanceOf(THREE.LineDashedMaterial);
    // the 4 edges of the far face and the 4 running back along the estimated depth
    const n = lines.geometry.getAttribute('position').count / 2;
    expect(n).toBe(8);
  });
  it('nothing estimated, nothing dashed', () => {
    expect(estimatedFaceLines(base(undefined), new THREE.Color('red'))).toBeNull();
  });
});
