import { describe, expect, it } from 'vitest';
import { sampleTimes } from './videoFrames';

describe('video frame sampling', () => {
  it('takes frames at the rate asked for', () => {
    expect(sampleTimes(5, 2)).toEqual({ timestamps: [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5], message: null });
    expect(sampleTimes(0.2, 2).timestamps).toEqual([0]);
  });

  it('thins a long video evenly to the frame cap and says so', () => {
    const r = sampleTimes(7200, 2, 300);
    expect(r.timestamps).toHaveLength(300);
    expect(r.timestamps[1]).toBe(24);
    expect(r.message).toBe('The video is 2.0 h: at 2 frames a second that is 14,400 frames, over the 300-frame limit, so 300 frames are taken evenly, one every 24.0 s.');
  });
});
