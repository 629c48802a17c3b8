/**
 * An image edge can cut off an object's near end (a sofa seen from above, its front below the view; a van
 * parked beside the view, its back past the side edge): then its length along the line of sight is hidden and
 * is completed towards the camera. A near face that is seen, cut only at its foot, stays as seen.
 */
import { describe, expect, it } from 'vitest';
import { buildBenchScene } from '../testing/benchBuild';

const centreError = (seed: number, id: string) => {
  const { scene, truth } = buildBenchScene(seed);
  const o = scene.objects.find((q) => q.id === id)!, t = truth(id);
  return { o, err: Math.hypot(o.obb.center[0] - t.obb.center[0], o.obb.center[1] - t.obb.center[1], o.obb.center[2] - t.obb.center[2]) };
};

describe('a near end cut by an image edge', () => {
  it('room 178: a sofa whose seat runs out of the view gets its length towards the camera', () => {
    const { o, err } = centreError(178, 'o1');
    expect(o.amodal!.visibility.near).toBe('border-cut');
    expect(err).toBeLessThan(0.06); // 0.21 m when the seen 1.48 m was taken as its length
  });
  it('street 129 and room 38: a van and a bed running out of the view at a side edge get their length towards the camera', () => {
    for (const [seed, id, before] of [[129, 'o1', 0.84], [38, 'o0', 0.32]] as const) {
      const { o, err } = centreError(seed, id);
      expect(o.amodal!.visibility.near).toBe('border-cut');
      expect(err, `${seed} ${id} was ${before} m`).toBeLessThan(0.1);
    }
  });
  it('room 2 and street 41: an ottoman and a van cut only at their foot keep the near face they show', () => {
    for (const [seed, id] of [[2, 'o0'], [41, 'o4']] as const) {
      const { o, err } = centreError(seed, id);
      expect(o.amodal!.visibility.bottom).toBe('border-cut');
      expect(o.amodal!.visibility.near).toBe('observed');
      expect(err).toBeLessThan(0.15);
    }
  });
});
