import { describe, expect, it } from 'vitest';
import { pairFiles, pairKey } from './pairFiles';
import { parseSidecar, SidecarError } from './objectsSidecar';

const f = (name: string, path?: string) => ({ name, path });

describe('pairFiles', () => {
  it('pairs the usual dataset namings inside a folder', () => {
    const r = pairFiles([
      f('image.jpg', 'sun/000001/image.jpg'),
      f('depth_mm.png', 'sun/000001/depth_mm.png'),
      f('rgb_00000.jpg', 'nyu/rgb_00000.jpg'),
      f('sync_depth_00000.png', 'nyu/sync_depth_00000.png'),
      f('TUM_color.png', 'tum/TUM_color.png'),
      f('TUM_depth.png', 'tum/TUM_depth.png'),
      f('image.objects.json', 'sun/000001/image.objects.json'),
    ]);
    expect(r.ignored).toEqual([]);
    const byPhoto = Object.fromEntries(r.entries.map((e) => [e.photo.path, [e.depth?.path, e.sidecar?.path]]));
    expect(byPhoto).toEqual({
      'sun/000001/image.jpg': ['sun/000001/depth_mm.png', 'sun/000001/image.objects.json'],
      'nyu/rgb_00000.jpg': ['nyu/sync_depth_00000.png', undefined],
      'tum/TUM_color.png': ['tum/TUM_depth.png', undefined],
    });
  });

  it('pairs flat names (photo.jpg + photo.depth.png + photo.objects.json) and keeps photos without depth', () => {
    const r = pairFiles([f('a.jpg'), f('a.depth.png'), f('a.objects.json'), f('b.jpg'), f('notes.txt'), f('c_depth.png')]);
    expect(r.entries.map((e) => [e.photo.name, e.depth?.name, e.sidecar?.name])).toEqual([
      ['a.jpg', 'a.depth.png', 'a.objects.json'],
      ['b.jpg', undefined, undefined],
    ]);
    expect(r.ignored.map((i) => [i.file.name, i.reason])).toEqual([
      ['notes.txt', expect.stringContaining('not a JPEG')],
      ['c_depth.png', 'no photo with a matching name'],
    ]);
  });

  it('never guesses between two photos that match one depth name', () => {
    const r = pairFiles([f('rgb_1.jpg'), f('color_1.jpg'), f('depth_1.png')]);
    expect(r.entries.every((e) => !e.depth)).toBe(true);
    expect(r.ignored[0].reason).toMatch(/several photos/);
  });

  it('keeps the same photo name in two folders apart', () => {
    const r = pairFiles([f('image.jpg', 'x/image.jpg'), f('image.jpg', 'y/image.jpg'), f('depth.png', 'y/depth.png')]);
    expect(r.entries.map((e) => [e.key, e.depth?.path])).toEqual([['x/image', undefined], ['y/image', 'y/depth.png']]);
    expect(pairKey('Y/Sync_Depth_7.png')).toBe('y/7');
  });
});

describe('parseSidecar', () => {
  it('reads boxes, orders corners and scales them to the working image', () => {
    const objs = parseSidecar('[{"caption":"bed","box":[100,50,10,5]},{"caption":" lamp ","box":[0,0,200,100]}]', 's.json', { width: 200, height: 100 }, { width: 100, height: 50 });
    expect(objs).toEqual([
      { id: 'obj-1', caption: 'bed', box2d: { x0: 5, y0: 2.5, x1: 50, y1: 25 } },
      { id: 'obj-2', caption: 'lamp', box2d: { x0: 0, y0: 0, x1: 100, y1: 50 } },
    ]);
  });

  it('says what is wrong', () => {
    const size = { width: 100, height: 100 };
    expect(() => parseSidecar('{', 's.json', size)).toThrow(/not valid JSON/);
    expect(() => parseSidecar('[{"caption":"x","box":[1,2,3]}]', 's.json', size)).toThrow(SidecarError);
    expect(() => parseSidecar('[{"caption":"","box":[1,2,3,4]}]', 's.json', size)).toThrow(/caption/);
    expect(() => parseSidecar('[{"caption":"far","box":[500,500,600,600]}]', 's.json', size)).toThrow(/outside/);
  });
});
