import type { SyntheticObject } from './syntheticScene';

/**
 * The rendered test sequence (tests and the bench): a can slides along the floor towards an orange; on the
 * `occluded` frames a panel stands between the camera and the can. World frame of syntheticScene.ts.
 */
export const canAt = (f: number): [number, number, number] => [-0.6 + f * 0.045, 0.06, -2.2];
export const ORANGE_AT: [number, number, number] = [0.2, 0.04, -2.2];

export function canAndOrangeObjects(f: number, occluded: ReadonlySet<number>): SyntheticObject[] {
  const objs: SyntheticObject[] = [
    { id: 'can', caption: 'can', parts: [{ center: canAt(f), size: [0.07, 0.12, 0.07], color: [200, 30, 30] }] },
    { id: 'orange', caption: 'orange', parts: [{ center: ORANGE_AT, size: [0.08, 0.08, 0.08], color: [240, 150, 20] }] },
  ];
  if (occluded.has(f)) {
    const c = canAt(f);
    objs.push({ id: 'panel', caption: 'panel', parts: [{ center: [c[0], 0.3, -1.6], size: [0.3, 0.6, 0.02], color: [40, 90, 160] }] });
  }
  return objs;
}
