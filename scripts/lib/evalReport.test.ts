import { describe, expect, it } from 'vitest';
import { buildScene } from '../../src/core/testing/sceneBuilder';
import { boxErrors } from './evalReport';

describe('boxErrors', () => {
  const box = { id: 'a', center: [1, 0.4, -3] as [number, number, number], size: [0.5, 0.8, 0.5] as [number, number, number] };
  const truth = buildScene([box], { cameraHeight: 1.5 });

  it('keeps the frames apart from the box: the same box under a floor 5 cm higher is 5 cm off in the scene, not in the camera', () => {
    // the camera 1.45 m above a floor found 5 cm higher: every height 5 cm less, the box where it was
    const ours = buildScene([{ ...box, center: [1, 0.35, -3] }], { cameraHeight: 1.45 });
    const [e] = boxErrors(ours, truth);
    expect(e.centreErrorM).toBeCloseTo(0.05, 6);
    expect(e.centreErrorCameraM).toBeCloseTo(0, 6);
  });

  it('a box moved 10 cm is 10 cm off in both', () => {
    const ours = buildScene([{ ...box, center: [1.1, 0.4, -3] }], { cameraHeight: 1.5 });
    const [e] = boxErrors(ours, truth);
    expect(e.centreErrorM).toBeCloseTo(0.1, 6);
    expect(e.centreErrorCameraM).toBeCloseTo(0.1, 6);
  });
});
