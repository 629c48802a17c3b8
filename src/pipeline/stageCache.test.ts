import { describe, expect, it } from 'vitest';
import { approxBytes, StageCache } from './stageCache';

const depth = (mib: number) => ({ width: 1, height: 1, data: new Float32Array((mib * 1024 * 1024) / 4) });
const MiB = 1024 * 1024;

describe('StageCache', () => {
  it('evicts the least recently used entries to stay within its byte budget', () => {
    const c = new StageCache(3.5 * MiB);
    c.set('a', depth(1));
    c.set('b', depth(1));
    c.set('c', depth(1));
    expect(c.size).toBe(3);
    expect(c.get('a')).toBeDefined(); // a is now the newest; b the oldest
    c.set('d', depth(1));
    expect(c.has('b')).toBe(false);
    expect(['a', 'c', 'd'].every((k) => c.has(k))).toBe(true);
    expect(c.bytes).toBeLessThanOrEqual(3.5 * MiB);
  });

  it('never keeps a value bigger than the whole budget, and replacing a key frees its old bytes', () => {
    const c = new StageCache(2 * MiB);
    c.set('big', depth(3));
    expect(c.has('big')).toBe(false);
    expect(c.bytes).toBe(0);
    c.set('x', depth(1));
    const before = c.bytes;
    c.set('x', depth(1));
    expect(c.bytes).toBe(before);
    c.clear();
    expect([c.size, c.bytes]).toEqual([0, 0]);
  });

  it('counts typed arrays by their bytes and walks arrays and objects once', () => {
    const shared = new Uint8Array(1000);
    expect(approxBytes({ a: shared, b: shared })).toBeGreaterThanOrEqual(1000);
    expect(approxBytes({ a: shared, b: shared })).toBeLessThan(2000);
    expect(approxBytes([new Float32Array(10), 'abcd'])).toBe(16 + 40 + 8);
  });
});
