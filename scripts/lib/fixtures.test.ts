import { describe, expect, it, vi } from 'vitest';
import { findFixturesDir, fixturesFor, loadRgbdFrame, loadRgbdIndex } from './fixtures';

const dir = fixturesFor('fixtures.test');

function median(values: Float32Array): { median: number; validFraction: number } {
  const v = Array.from(values).filter((x) => x > 0 && Number.isFinite(x)).sort((a, b) => a - b);
  return { median: v.length ? v[v.length >> 1] : NaN, validFraction: v.length / values.length };
}

describe('findFixturesDir', () => {
  it('honours SPATIALLENS_FIXTURES only when it holds an rgbd_index.json', () => {
    const saved = process.env.SPATIALLENS_FIXTURES;
    try {
      process.env.SPATIALLENS_FIXTURES = '/nonexistent/fixtures';
      expect(findFixturesDir()).toBe(dir); // falls back to ../shared/fixtures (or null)
      if (dir) {
        process.env.SPATIALLENS_FIXTURES = dir + '/';
        expect(findFixturesDir()).toBe(dir);
      }
    } finally {
      if (saved === undefined) delete process.env.SPATIALLENS_FIXTURES;
      else process.env.SPATIALLENS_FIXTURES = saved;
    }
  });
});

describe.skipIf(!dir)('real RGB-D fixtures', () => {
  const entries = dir ? loadRgbdIndex() : [];

  it('index lists the known frames', () => {
    expect(entries.length).toBeGreaterThanOrEqual(8);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it.each(entries.map((e) => [e.id, e] as const))('%s loads with matching sizes and plausible depth', async (_id, entry) => {
    const f = await loadRgbdFrame(entry);
    expect(f.rgb.width).toBe(entry.width);
    expect(f.rgb.height).toBe(entry.height);
    expect(f.depth.width).toBe(entry.width);
    expect(f.depth.height).toBe(entry.height);
    expect(f.rgb.data.length).toBe(entry.width * entry.height * 4);
    const { median: m, validFraction } = median(f.depth.data);
    expect(m).toBeGreaterThan(0.3);
    expect(m).toBeLessThan(80);
    // Sparse LiDAR (KITTI) still has a few % of pixels; everything else is dense.
    expect(validFraction).toBeGreaterThan(0.02);
    for (const d of f.depth.data) if (d !== 0) expect(d > 0 && d < 100).toBe(true);
    if (entry.intrinsics) {
      expect(f.intrinsics).toMatchObject({ ...entry.intrinsics, width: entry.width, height: entry.height });
    } else {
      expect(f.intrinsics).toBeNull();
    }
    // The colour image is not blank: some spread in the red channel.
    let lo = 255;
    let hi = 0;
    for (let i = 0; i < f.rgb.data.length; i += 4 * 97) {
      lo = Math.min(lo, f.rgb.data[i]);
      hi = Math.max(hi, f.rgb.data[i]);
    }
    expect(hi - lo).toBeGreaterThan(50);
  });

  it('decodes the special depth encodings to the same scale as their registered twins', async () => {
    const byId = new Map(entries.map((e) => [e.id, e]));
    const sun = median((await loadRgbdFrame(byId.get('open3d_sun')!)).depth.data);
    const nyuRaw = median((await loadRgbdFrame(byId.get('open3d_nyu_raw')!)).depth.data);
    // Indoor rooms: a few metres. A wrong bit rotation or endianness gives tens of metres or centimetres.
    expect(sun.median).toBeGreaterThan(1);
    expect(sun.median).toBeLessThan(6);
    expect(nyuRaw.median).toBeGreaterThan(1);
    expect(nyuRaw.median).toBeLessThan(6);
  });

  it('rejects an index entry whose depth size disagrees', async () => {
    const e = entries.find((x) => x.id === 'nyu_metric3d_00000')!;
    await expect(loadRgbdFrame({ ...e, depth: entries.find((x) => x.id === 'sunrgbd_000001')!.depth })).rejects.toThrow(
      /colour is 640x480 but depth is 730x530/,
    );
  });
});

describe('fixturesFor (the gate of every fixture-backed suite)', () => {
  it('skips with a message when fixtures are missing, and FAILS under CI=true', () => {
    const saved = process.env.CI;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      delete process.env.CI;
      expect(fixturesFor('t', '/nonexistent/fixtures')).toBeNull();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('under CI=true this fails'));
      process.env.CI = 'true';
      expect(() => fixturesFor('t', '/nonexistent/fixtures')).toThrow(/required under CI=true/);
      expect(fixturesFor('t', import.meta.dirname)).toBe(import.meta.dirname);
    } finally {
      if (saved === undefined) delete process.env.CI;
      else process.env.CI = saved;
      warn.mockRestore();
    }
  });
});
