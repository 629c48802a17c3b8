import { describe, expect, it } from 'vitest';
import { canonicalDepth, canonicalToCamera, canonicalToPixel } from './project';

describe('canonicalToPixel', () => {
  // camera 1.2 m above the floor, level: canonical = (x, 1.2 - y, -z)
  const frame = { rotation: [1, 0, 0, 0, -1, 0, 0, 0, -1], translation: [0, 1.2, 0] };
  const K = { fx: 50, fy: 50, cx: 19.5, cy: 14.5, width: 40, height: 30 };
  const canonical = (u: number, v: number, z: number): [number, number, number] => {
    const x = ((u - K.cx) * z) / K.fx, y = ((v - K.cy) * z) / K.fy;
    return [x, 1.2 - y, -z];
  };

  it('projects canonical points back to the pixels they came from', () => {
    const project = canonicalToPixel(frame, K, 40, 30);
    expect(project(...canonical(5, 5, 2))).toBe(5 * 40 + 5);
    expect(project(...canonical(30, 20, 3.5))).toBe(20 * 40 + 30);
  });

  it('maps to the same scene ray on another pixel grid (pixel-centre convention)', () => {
    const project = canonicalToPixel(frame, K, 20, 15);
    // half size: centre u maps to (u + 0.5) / 2 - 0.5, so (30, 20) -> (14.75, 9.75) -> pixel (15, 10)
    expect(project(...canonical(30, 20, 3.5))).toBe(10 * 20 + 15);
  });

  it('returns -1 behind the camera and outside the image', () => {
    const project = canonicalToPixel(frame, K, 40, 30);
    expect(project(0, 1.2, 2)).toBe(-1); // z = -2 in the camera: behind
    expect(project(...canonical(60, 5, 2))).toBe(-1);
  });
});

describe('canonicalDepth', () => {
  it("is the camera-frame z of a canonical point, the projector's depth", () => {
    // camera 1.5 m up, turned 90 degrees about up: its optical axis (+z) points along canonical +x
    const frame = { rotation: [0, 0, 1, 0, 1, 0, -1, 0, 0], translation: [0, 1.5, 0] };
    expect(canonicalDepth(frame, 4, 1.5, 0)).toBeCloseTo(4, 12);
    expect(canonicalDepth(frame, 4, 0, 2)).toBeCloseTo(4, 12);
    expect(canonicalDepth(frame, -1, 1.5, 0)).toBeCloseTo(-1, 12);
  });
});

describe('canonicalToCamera', () => {
  it('undoes the frame: R p + t taken back to p, its z the depth canonicalDepth gives', () => {
    // the frame above, tilted as well: a rotation with no zero entries
    const c = Math.cos(0.3), s = Math.sin(0.3);
    const R = [c, 0, s, s * s, c, -s * c, -c * s, s, c * c];
    const frame = { rotation: R, translation: [0.2, 1.5, -0.4] };
    const cam: [number, number, number] = [0.7, -0.3, 2.5];
    const canon: [number, number, number] = [0, 1, 2].map((i) => R[i * 3] * cam[0] + R[i * 3 + 1] * cam[1] + R[i * 3 + 2] * cam[2] + frame.translation[i]) as [number, number, number];
    const back = canonicalToCamera(frame, canon);
    for (let i = 0; i < 3; i++) expect(back[i]).toBeCloseTo(cam[i], 12);
    expect(back[2]).toBeCloseTo(canonicalDepth(frame, ...canon), 12);
  });
});
