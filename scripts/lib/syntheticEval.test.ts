import { describe, expect, it } from 'vitest';
import { runSyntheticEval } from './syntheticEval';

describe('runSyntheticEval', () => {
  it('evaluates the seeds asked for: held-out ones from --first-seed on', () => {
    const r = runSyntheticEval(2, 'boxes', () => {}, 200);
    expect(r.index).toBe('synthetic:200-201');
    expect(r.frames.map((f) => f.id)).toEqual(['synthetic-room-200', 'synthetic-street-201']);
    expect(r.summary.box_centre_error_camera_m_median).toBeGreaterThan(0);
  });
});
