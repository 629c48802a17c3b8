import { syntheticTable, type SyntheticObject, type SyntheticSceneSpec } from './syntheticScene';

/** The geometry benchmark's room (Node and browser worker): floor, wall, a table and nine boxes spread over the view. */
export function benchSceneSpec(width: number, height: number): SyntheticSceneSpec {
  const objects: SyntheticObject[] = [syntheticTable('table', -0.9, -3.4)];
  const spots: [number, number, number, number][] = [
    [0.6, -2.4, 0.4, 0], [1.4, -3.0, 0.5, 0.3], [-1.8, -2.6, 0.35, -0.2], [0.2, -4.2, 0.6, 0.5], [-0.4, -5.2, 0.5, 0],
    [1.9, -4.6, 0.7, -0.4], [-2.2, -4.4, 0.45, 0.2], [1.0, -2.0, 0.25, 0], [-1.2, -1.9, 0.3, 0.6],
  ];
  spots.forEach(([x, z, s, yaw], i) =>
    objects.push({ id: `box${i}`, caption: `box ${i}`, parts: [{ center: [x, s / 2, z], size: [s, s * (1 + (i % 3) * 0.4), s], yaw, color: [60 + i * 20, 120, 200 - i * 15] }] }),
  );
  // stacked heights: keep every box standing on the floor
  for (const o of objects.slice(1)) o.parts[0].center[1] = o.parts[0].size[1] / 2;
  return { image: { width, height, fovXDeg: 65 }, camera: { height: 1.5, pitchDeg: 18, rollDeg: 2 }, wall: { distance: 7 }, objects };
}

