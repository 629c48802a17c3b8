import { describe, expect, it } from 'vitest';
import { buildVlmMessages, sceneFacts } from './prompt';
import { SCENE_SCHEMA_VERSION, type SceneGraph, type SceneObject } from '../../../core/scene/types';

const obj = (id: string, caption: string, center: [number, number, number], conf = 0.9): SceneObject => ({
  id, caption, box2d: { x0: 0, y0: 0, x1: 1, y1: 1 },
  aabb: { min: [center[0] - 0.25, 0, center[2] - 0.25], max: [center[0] + 0.25, center[1] * 2, center[2] + 0.25] },
  obb: { center, size: [0.5, center[1] * 2, 0.5], yaw: 0 }, centroid: center,
  size: { width: 0.5, height: center[1] * 2, depth: 0.5 }, pointCount: 500, confidence: conf, flags: [],
});

const scene: SceneGraph = {
  schemaVersion: SCENE_SCHEMA_VERSION,
  image: { width: 640, height: 480 },
  camera: { intrinsics: { fx: 500, fy: 500, cx: 320, cy: 240, width: 640, height: 480 }, source: 'explicit', detail: '' },
  frame: { rotation: [1, 0, 0, 0, 1, 0, 0, 0, 1], translation: [0, 1.5, 0], plane: null, cameraHeight: 1.5, confidence: 'high', method: 'support-plane' },
  objects: [obj('chair-1', 'a wooden chair', [-0.5, 0.45, -2]), obj('lamp-1', 'a lamp', [1.234, 0.8, -3.456], 0.5)],
  provenance: { depthSource: 'test', objectsSource: 'test', createdAt: '2026-01-01T00:00:00Z', app: 'test' },
};

describe('VLM prompt building', () => {
  it('lists measured facts compactly, most confident first, rounded to cm', () => {
    const f = sceneFacts(scene);
    expect(f).toHaveLength(2);
    expect(f[0]).toContain('chair-1 "a wooden chair": centre x=-0.50 y=0.45 z=-2.00 m');
    expect(f[1]).toContain('x=1.23 y=0.80 z=-3.46');
    // camera sits at (0, cameraHeight, 0): hypot(0.5, 1.05, 2) = 2.31
    expect(f[0]).toContain('distance from camera 2.31 m');
  });

  it('caps the list and says how many were left out', () => {
    const f = sceneFacts(scene, 1);
    expect(f).toEqual([expect.stringContaining('chair-1'), '(1 more objects omitted)']);
  });

  it('puts the image first, then the facts and the question', () => {
    const [m] = buildVlmMessages('  Is the lamp near the chair? ', scene);
    expect(m.role).toBe('user');
    expect(m.content[0]).toEqual({ type: 'image' });
    const text = (m.content[1] as { text: string }).text;
    expect(text.indexOf('Scene facts:')).toBeLessThan(text.indexOf('Question: Is the lamp near the chair?'));
    expect(text.endsWith('Question: Is the lamp near the chair?')).toBe(true);
  });

  it('works without a scene (no facts section)', () => {
    const [m] = buildVlmMessages('What is this?', null);
    expect((m.content[1] as { text: string }).text).not.toContain('Scene facts');
  });
});
