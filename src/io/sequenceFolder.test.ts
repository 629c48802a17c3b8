import { describe, expect, it } from 'vitest';
import { associate, planSequence, SequenceFolderError } from './sequenceFolder';

const files = (texts: Record<string, string>, names: string[]) => {
  const all = [...Object.keys(texts), ...names].map((p) => ({ name: p.split('/').pop() ?? p, path: p }));
  return { all, read: async (f: { path: string }) => texts[f.path] ?? '' };
};

describe('sequence folders', () => {
  it('associates by nearest timestamp within 20 ms, each depth once', () => {
    expect(associate([0, 0.5, 1.0, 1.5], [0.011, 0.49, 0.52, 1.6])).toEqual([0, 1, null, null]);
    expect(associate([0, 0.01], [0.005])).toEqual([0, null]);
  });

  it('plans a TUM folder (picked in a browser, with the folder name in front): gaps, sidecars, intrinsics', async () => {
    const { all, read } = files({
      'seq/rgb.txt': '# rgb\n10.000 rgb/a.png\n10.500 rgb/b.png\n11.000 rgb/c.png\n',
      'seq/depth.txt': '10.011 depth/a.png\n10.490 depth/b.png\n',
      'seq/intrinsics.json': '{"fx": 525, "fy": 525, "cx": 319.5, "cy": 239.5, "depth_scale": 5000}',
    }, ['seq/rgb/a.png', 'seq/rgb/b.png', 'seq/rgb/c.png', 'seq/depth/a.png', 'seq/depth/b.png', 'seq/rgb/a.objects.json']);
    const plan = await planSequence(all, read);
    expect(plan.layout).toBe('tum');
    expect(plan.depthScale).toBe(5000);
    expect(plan.frames.map((f) => [f.timestamp, f.photo.path, f.depth?.path ?? null, f.sidecar?.path ?? null])).toEqual([
      [0, 'seq/rgb/a.png', 'seq/depth/a.png', 'seq/rgb/a.objects.json'],
      [0.5, 'seq/rgb/b.png', 'seq/depth/b.png', null],
      [1, 'seq/rgb/c.png', null, null],
    ]);
    expect(plan.notes.join(' ')).toMatch(/1 photo\(s\) have no depth frame/);
  });

  it('plans photos + depth PNGs by name in numeric order; photos alone are frames without depth', async () => {
    const { all, read } = files({}, ['f10.jpg', 'f9.jpg', 'f10_depth.png', 'f9_depth.png', 'f9.objects.json', 'x.txt']);
    const plan = await planSequence(all, read);
    expect(plan.layout).toBe('pairs');
    expect(plan.depthScale).toBe(1000);
    expect(plan.frames.map((f) => [f.photo.path, f.depth?.path, f.sidecar?.path ?? null])).toEqual([['f9.jpg', 'f9_depth.png', 'f9.objects.json'], ['f10.jpg', 'f10_depth.png', null]]);
  });

  it('says what is wrong with a broken folder', async () => {
    await expect(planSequence(files({ 'rgb.txt': '1 a.png' }, ['a.png']).all, async () => '1 a.png')).rejects.toThrow(/depth.txt is not/);
    const bad = files({ 'rgb.txt': 'one a.png', 'depth.txt': '' }, []);
    await expect(planSequence(bad.all, bad.read)).rejects.toThrow(/rgb.txt, line 1/);
    const k = files({ 'intrinsics.json': '{"fx": -1}' }, ['a.jpg']);
    await expect(planSequence(k.all, k.read)).rejects.toThrow(SequenceFolderError);
    await expect(planSequence(files({}, ['notes.txt']).all, async () => '')).rejects.toThrow(/no photos here/);
  });
});
