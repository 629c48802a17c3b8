import { describe, expect, it } from 'vitest';
import { SharedImagePool } from './sharedImage';

const image = (v: number) => ({ width: 4, height: 2, data: new Uint8ClampedArray(32).fill(v) });

describe('SharedImagePool', () => {
  it('copies the image into one pooled shared buffer, reused once released', () => {
    const pool = new SharedImagePool(true);
    const a = pool.lease(image(1));
    expect(a.shared).toBe(true);
    expect(a.image.data.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(a.image.data)).toEqual(new Array(32).fill(1));
    const buf = a.image.data.buffer;
    a.release();
    const b = pool.lease(image(2));
    expect(b.image.data.buffer).toBe(buf);
    expect(b.image.data[0]).toBe(2);
    b.release();
  });

  it('gives an overlapping run a buffer of its own, so a run still reading is not overwritten', () => {
    const pool = new SharedImagePool(true);
    const a = pool.lease(image(1));
    const b = pool.lease(image(2));
    expect(b.image.data.buffer).not.toBe(a.image.data.buffer);
    expect(a.image.data[0]).toBe(1);
    b.release(); // releasing the extra buffer does not free the pooled one
    const c = pool.lease(image(3));
    expect(c.image.data.buffer).not.toBe(a.image.data.buffer);
    a.release();
    a.release(); // twice is harmless
    expect(pool.lease(image(4)).image.data.buffer).toBe(a.image.data.buffer);
  });

  it('passes the image through untouched where memory cannot be shared', () => {
    const img = image(5);
    const l = new SharedImagePool(false).lease(img);
    expect(l.shared).toBe(false);
    expect(l.image).toBe(img);
  });
});
