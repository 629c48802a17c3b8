/**
 * Sparse depth in scan lines (projected LiDAR): whatever rows the scan lines fall on, an object's sample
 * finds them. A sampling grid whose step equals the scan lines' spacing once fell between them everywhere.
 */
import { describe, expect, it } from 'vitest';
import { buildScene } from '../build/buildScene';
import { renderSyntheticScene, type SyntheticSceneSpec } from '../testing/syntheticScene';

const provenance = { depthSource: 'synthetic ray-caster', objectsSource: 'synthetic boxes', createdAt: '2026-01-01T00:00:00Z', app: 'test' };

describe('sampling sparse depth', () => {
  const spec: SyntheticSceneSpec = {
    image: { width: 640, height: 480 },
    camera: { height: 1.6, pitchDeg: 4 },
    objects: [{ id: 'car', caption: 'car', parts: [{ center: [-1.2, 0.75, -7.5], size: [1.7, 1.5, 4.0] }] }],
  };
  const r = renderSyntheticScene(spec);
  for (const phase of [0, 1, 2]) {
    it(`a car 5.5 m away (its rear) from scan lines every 3 rows, starting at row ${phase}`, () => {
      const depth = { ...r.depth, data: r.depth.data.map((z, i) => (Math.floor(i / r.depth.width) % 3 === phase ? z : 0)) };
      const { scene } = buildScene({
        depth, intrinsics: r.intrinsics, intrinsicsSource: 'explicit', intrinsicsDetail: 'synthetic', rgb: r.rgb,
        objects: r.objects.map((o) => ({ id: o.id, caption: o.caption, box2d: o.box2d })), provenance,
      });
      const o = scene.objects[0], t = r.truth.boxes[0].aabb, seen = o.amodal!.visibleAabb;
      expect(o.flags).not.toContain('too-few-points');
      // what is seen of it: its rear face, across the view and up to its roof
      expect(Math.abs(seen.max[2] - t.max[2])).toBeLessThan(0.1);
      expect(Math.abs(seen.min[0] - t.min[0])).toBeLessThan(0.1);
      expect(Math.abs(seen.max[0] - t.max[0])).toBeLessThan(0.1);
      expect(Math.abs(seen.max[1] - t.max[1])).toBeLessThan(0.1);
    });
  }
});
