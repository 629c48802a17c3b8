/**
 * Thin parts must survive mask erosion, outlier removal and clustering: a floor lamp's pole and a tree's
 * trunk enter the bulk (shade, crown) out of sight, so they sample as clusters of their own, apart from it.
 */
import { describe, expect, it } from 'vitest';
import { buildScene } from '../build/buildScene';
import { renderSyntheticScene, type SyntheticObject, type SyntheticSceneSpec } from '../testing/syntheticScene';

const provenance = { depthSource: 'synthetic ray-caster', objectsSource: 'synthetic masks', createdAt: '2026-01-01T00:00:00Z', app: 'test' };

function floorLamp(x: number, z: number): SyntheticObject {
  return {
    id: 'lamp', caption: 'floor lamp', parts: [
      { center: [x, 0.015, z], size: [0.3, 0.03, 0.3], color: [40, 40, 40] },
      // a 3 cm pole: 2-3 pixels wide at 7 m, which a plain 1 px erosion wipes out
      { center: [x, 0.03 + 0.66, z], size: [0.03, 1.32, 0.03], color: [90, 90, 90] },
      { center: [x, 1.5, z], size: [0.45, 0.3, 0.45], color: [240, 225, 180] },
    ],
  };
}

function tree(x: number, z: number): SyntheticObject {
  return {
    id: 'tree', caption: 'tree', parts: [
      // the crown's underside is above the camera's eye: out of sight, so the trunk's top ends 1.3 m behind
      // the crown's front and sides
      { center: [x, 0.6, z], size: [0.25, 1.2, 0.25], color: [110, 75, 40] },
      { center: [x, 1.2 + 1.1, z], size: [2.6, 2.2, 2.6], color: [60, 130, 60] },
    ],
  };
}

function run(spec: SyntheticSceneSpec) {
  const r = renderSyntheticScene(spec);
  const { scene } = buildScene({
    depth: r.depth,
    intrinsics: r.intrinsics,
    intrinsicsSource: 'explicit',
    intrinsicsDetail: 'synthetic',
    rgb: r.rgb,
    // segmenter-style masks: the default erosion applies
    objects: r.objects.map((o) => ({ id: o.id, caption: o.caption, box2d: o.box2d, mask: o.mask })),
    provenance,
  });
  return { r, scene };
}

describe('thin parts of masked objects', () => {
  const cases: [string, SyntheticSceneSpec, number][] = [
    ['floor lamp (3 cm pole + shade), 7 m away', { image: { width: 640, height: 480 }, camera: { height: 1.4, pitchDeg: 10 }, wall: { distance: 9 }, objects: [floorLamp(0.4, -7)] }, 1.65],
    ['floor lamp seen from higher up, 3 m away', { image: { width: 640, height: 480 }, camera: { height: 1.7, pitchDeg: 25, rollDeg: 3 }, wall: { distance: 6 }, objects: [floorLamp(-0.5, -3)] }, 1.65],
    ['tree (trunk + crown), 12 m away', { image: { width: 640, height: 480 }, camera: { height: 1.6, pitchDeg: 5 }, objects: [tree(-1.5, -12)] }, 3.4],
  ];
  for (const [name, spec, trueHeight] of cases) {
    it(`${name}: height within 5%`, () => {
      const { r, scene } = run(spec);
      const o = scene.objects[0];
      const t = r.truth.boxes.find((b) => b.id === o.id)!;
      expect(t.aabb.max[1] - t.aabb.min[1]).toBeCloseTo(trueHeight, 3);
      console.log(`[thin] ${name}: height ${o.size.height.toFixed(3)} of ${trueHeight} m, bottom ${o.aabb.min[1].toFixed(3)}, ${o.pointCount} points`);
      expect(Math.abs(o.size.height / trueHeight - 1)).toBeLessThan(0.05);
      expect(o.aabb.min[1]).toBeLessThan(0.05);
    });
  }
});
