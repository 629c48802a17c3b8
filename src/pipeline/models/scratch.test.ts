import { describe, expect, it } from 'vitest';
import { ScratchFloats } from './scratch';

describe('ScratchFloats', () => {
  it('hands the same buffer out again once released, a fresh one while it is taken', () => {
    const s = new ScratchFloats();
    const a = s.take(16);
    const b = s.take(16);
    expect(b).not.toBe(a);
    s.release(b); // not the pooled one: no effect
    expect(s.take(16)).not.toBe(a);
    s.release(a);
    expect(s.take(16)).toBe(a);
  });

  it('replaces the buffer when the size changes or it was transferred away', () => {
    const s = new ScratchFloats();
    const a = s.take(8);
    s.release(a);
    const b = s.take(12);
    expect(b).not.toBe(a);
    expect(b.length).toBe(12);
    s.release(b);
    structuredClone(b.buffer, { transfer: [b.buffer] }); // detaches b
    const c = s.take(12);
    expect(c === b).toBe(false);
    expect(c.length).toBe(12);
  });
});
