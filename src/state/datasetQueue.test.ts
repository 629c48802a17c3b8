import { describe, expect, it } from 'vitest';
import * as Q from './datasetQueue';

const three = () => Q.createQueue([{ id: 'a', name: 'a.jpg' }, { id: 'b', name: 'b.jpg' }, { id: 'c', name: 'c.jpg' }]);

/** Drives a queue as the runner does: each photo's outcome given by name. */
function drain(q: Q.QueueState, outcome: (id: string) => { pairs: number } | string): Q.QueueState {
  for (let it = Q.nextToRun(q); it; it = Q.nextToRun(q)) {
    q = Q.start(q, it.id);
    q = Q.progress(q, it.id, 0.5, 'half');
    const o = outcome(it.id);
    q = typeof o === 'string' ? Q.fail(q, it.id, o) : Q.complete(q, it.id, { pairs: o.pairs, objects: 2 });
  }
  return q;
}

describe('dataset queue', () => {
  it('runs photos in order, one at a time, and counts pairs', () => {
    let q = three();
    const first = Q.nextToRun(q);
    expect(first?.id).toBe('a');
    q = Q.start(q, 'a');
    expect(Q.nextToRun(q)).toBeNull(); // one at a time
    q = Q.progress(q, 'a', 0.5, 'building');
    expect(Q.overallProgress(q)).toBeCloseTo(0.5 / 3);
    q = Q.complete(q, 'a', { pairs: 7, objects: 3 });
    q = drain(q, () => ({ pairs: 2 }));
    expect(Q.counts(q)).toEqual({ total: 3, queued: 0, running: 0, done: 3, failed: 0, skipped: 0, pairs: 11, settled: 3 });
    expect(Q.overallProgress(q)).toBe(1);
    expect(Q.isFinished(q)).toBe(true);
  });

  it('goes on past a failure by default and lists it with its reason', () => {
    const q = drain(three(), (id) => (id === 'b' ? 'the JPEG data is damaged' : { pairs: 1 }));
    expect(Q.counts(q)).toMatchObject({ done: 2, failed: 1, pairs: 2 });
    expect(Q.failures(q)).toEqual([{ name: 'b.jpg', reason: 'the JPEG data is damaged' }]);
    expect(Q.isFinished(q)).toBe(true);
  });

  it('pauses on a failure when asked; skipping failures resumes and keeps them listed', () => {
    let q = Q.createQueue([{ id: 'a', name: 'a.jpg' }, { id: 'b', name: 'b.jpg' }, { id: 'c', name: 'c.jpg' }], true);
    q = drain(q, (id) => (id === 'a' ? 'broken' : { pairs: 3 }));
    expect(q.paused).toBe(true);
    expect(Q.counts(q)).toMatchObject({ failed: 1, queued: 2 });
    expect(Q.isFinished(q)).toBe(false);
    q = Q.skipFailures(q);
    expect(q.paused).toBe(false);
    q = drain(q, () => ({ pairs: 3 }));
    expect(Q.counts(q)).toMatchObject({ done: 2, skipped: 1, failed: 0, pairs: 6 });
    expect(Q.failures(q)).toEqual([{ name: 'a.jpg', reason: 'broken' }]);
  });

  it('pause holds the next photo; the running one still settles; resume goes on', () => {
    let q = Q.start(three(), 'a');
    q = Q.pause(q);
    q = Q.complete(q, 'a', { pairs: 1, objects: 1 });
    expect(Q.nextToRun(q)).toBeNull();
    q = Q.resume(q);
    expect(Q.nextToRun(q)?.id).toBe('b');
  });

  it('retry puts failed photos back (one or all) and counts again from scratch', () => {
    let q = drain(three(), (id) => (id === 'a' ? { pairs: 4 } : `bad ${id}`));
    expect(Q.counts(q)).toMatchObject({ done: 1, failed: 2 });
    q = Q.retry(q, 'b');
    expect(Q.counts(q)).toMatchObject({ queued: 1, failed: 1 });
    q = drain(q, () => ({ pairs: 5 }));
    expect(Q.counts(q)).toMatchObject({ done: 2, failed: 1, pairs: 9 });
    expect(q.items.find((i) => i.id === 'b')?.attempts).toBe(2);
    q = Q.retry(q);
    q = drain(q, () => ({ pairs: 1 }));
    expect(Q.counts(q)).toMatchObject({ done: 3, failed: 0, pairs: 10 });
    expect(Q.failures(q)).toEqual([]);
  });

  it('skipping a queued photo by hand lists it and never runs it', () => {
    let q = Q.skip(three(), 'c');
    q = drain(q, () => ({ pairs: 1 }));
    expect(Q.counts(q)).toMatchObject({ done: 2, skipped: 1 });
    expect(Q.failures(q)[0]).toEqual({ name: 'c.jpg', reason: 'skipped by the person exporting' });
  });

  it('ignores late progress from a settled photo and refuses bad transitions', () => {
    let q = Q.start(three(), 'a');
    q = Q.fail(q, 'a', 'x');
    expect(Q.progress(q, 'a', 0.9).items[0]).toMatchObject({ status: 'failed', progress: 0 });
    expect(() => Q.start(q, 'a')).toThrow(/failed/);
    expect(() => Q.start(q, 'zzz')).toThrow(/no queue item/);
    expect(() => Q.createQueue([{ id: 'a', name: '1' }, { id: 'a', name: '2' }])).toThrow(/twice/);
    expect(Q.fail(Q.start(three(), 'b'), 'b', '').items[1].reason).toBe('unknown error');
  });

  it('an empty queue is finished with zero progress', () => {
    const q = Q.createQueue([]);
    expect(Q.isFinished(q)).toBe(true);
    expect(Q.overallProgress(q)).toBe(0);
    expect(Q.nextToRun(q)).toBeNull();
  });
});
