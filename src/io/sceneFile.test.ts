import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { DepthMap } from '../core/geometry/raster';
import type { SceneGraph } from '../core/scene/types';
import { encodeDepthPng } from './depthFile';
import { sampleJpeg, sampleScene } from './scenes.test-data';
import { SCENE_FILE_LIMITS, SCENE_FILE_VERSION, readSceneFile, writeSceneFile, type SceneFileContents } from './sceneFile';
import { readZipDirectory } from './zipReader';

function sampleDepth(w = 32, h = 24): DepthMap {
  const data = new Float32Array(w * h);
  for (let i = 0; i < data.length; i++) data[i] = i % 17 === 0 ? 0 : 0.8 + (i % w) * 0.013 + Math.floor(i / w) * 0.021;
  return { width: w, height: h, data };
}

function sampleCloud(n = 500): { positions: Float32Array; colors: Uint8Array; frame: 'canonical' } {
  const positions = new Float32Array(n * 3);
  const colors = new Uint8Array(n * 3);
  for (let i = 0; i < n * 3; i++) {
    positions[i] = Math.sin(i * 0.37) * 3.3;
    colors[i] = (i * 37) & 255;
  }
  return { positions, colors, frame: 'canonical' };
}

export function sampleContents(objects = 6, masks = true): SceneFileContents {
  return {
    scene: sampleScene(objects, { masks }),
    questions: [
      { text: 'How far is the chair from the table?', query: { type: 'pair', measure: 'distance', a: 'obj0', b: 'obj1' } },
      { text: 'Is the lamp taller than the plant?', query: { type: 'relation', form: 'yesno', relation: 'taller', a: 'obj2', b: 'obj3' }, units: 'imperial' },
      { text: 'What colour is the sofa?' },
    ],
    photo: { bytes: sampleJpeg(2000), mime: 'image/jpeg', name: 'living-room.jpg' },
    depth: sampleDepth(),
    pointCloud: sampleCloud(),
    view: { position: [1, 1.6, 2], target: [0, 0.4, -2], fov: 55 },
    createdAt: '2026-11-25T12:00:00.000Z',
    app: 'SpatialLens test',
  };
}

/**
 * Fixture generator for a version 1 file (the prototype's layout, see sceneFileMigrations.ts): intrinsics
 * beside the scene graph instead of `camera`, questions as plain strings, no point cloud, no view.
 */
export function writeV1SceneFile(scene: SceneGraph, questions: string[], photo?: Uint8Array, depth?: DepthMap): Uint8Array {
  const { camera, ...rest } = scene;
  const v1Scene = { ...rest, intrinsics: camera.intrinsics, intrinsicsSource: camera.source };
  const manifest: Record<string, unknown> = { format: 'spatiallens-scene', version: 1, created: '2025-03-01T09:00:00Z' };
  const files: Zippable = { 'scene.json': strToU8(JSON.stringify(v1Scene)), 'questions.json': strToU8(JSON.stringify(questions)) };
  if (photo) {
    manifest.photo = 'image.jpg';
    files['image.jpg'] = photo;
  }
  if (depth) {
    manifest.depth = 'depth_mm.png';
    files['depth_mm.png'] = encodeDepthPng(depth);
  }
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
  return zipSync(files);
}

/** A file whose JSON entries are given as text, for hostile-content tests. */
function rawFile(entries: Record<string, string | Uint8Array>): Uint8Array {
  const files: Zippable = {};
  for (const [k, v] of Object.entries(entries)) files[k] = typeof v === 'string' ? strToU8(v) : v;
  return zipSync(files);
}

describe('writeSceneFile / readSceneFile', () => {
  it('round-trips scene, questions, photo, depth (mm), point cloud and view', () => {
    const c = sampleContents();
    const bytes = writeSceneFile(c);
    console.log(`scene file with ${c.scene.objects.length} objects (masks), 500 points, 32x24 depth: ${bytes.length} bytes`);
    const r = readSceneFile(bytes);
    if (!r.ok) throw new Error(r.error);
    expect(r.migratedFrom).toBeUndefined();
    const out = r.contents;
    expect(out.scene).toEqual(c.scene);
    expect(out.questions).toEqual(c.questions);
    expect(out.photo).toEqual(c.photo);
    expect(out.view).toEqual(c.view);
    expect(out.createdAt).toBe(c.createdAt);
    expect(out.pointCloud).toEqual(c.pointCloud);
    expect(out.depth?.width).toBe(32);
    const d = c.depth as DepthMap;
    out.depth?.data.forEach((x, i) => expect(Math.abs(x - d.data[i])).toBeLessThanOrEqual(0.0005 + 1e-6));
    expect(r.answerChecks.map((a) => a.status)).toEqual(['match', 'match', 'no-query']);
  });

  it('writes a small scene without optional parts', () => {
    const r = readSceneFile(writeSceneFile({ scene: sampleScene(2), questions: [] }));
    if (!r.ok) throw new Error(r.error);
    expect(r.contents.photo).toBeUndefined();
    expect(r.contents.depth).toBeUndefined();
    expect(r.contents.pointCloud).toBeUndefined();
  });

  it('refuses to write invalid contents', () => {
    const c = sampleContents(3, false);
    expect(() => writeSceneFile({ ...c, photo: { bytes: new Uint8Array([1, 2, 3]), mime: 'image/png' } })).toThrow(/not image\/png/);
    expect(() => writeSceneFile({ ...c, pointCloud: { positions: new Float32Array(4), colors: new Uint8Array(3), frame: 'camera' } })).toThrow(/3 positions/);
    expect(() => writeSceneFile({ ...c, questions: [{ text: 'x'.repeat(501) }] })).toThrow(/questions are not valid/);
  });
});

describe('older versions', () => {
  it('opens a version 1 file through the migration', () => {
    const scene = sampleScene(4, { masks: true });
    const photo = sampleJpeg(1500);
    const depth = sampleDepth(16, 12);
    const r = readSceneFile(writeV1SceneFile(scene, ['Is the chair left of the table?', 'How tall is the lamp?'], photo, depth));
    if (!r.ok) throw new Error(r.error);
    expect(r.migratedFrom).toBe(1);
    expect(r.contents.scene.camera.intrinsics).toEqual(scene.camera.intrinsics);
    expect(r.contents.scene.camera.source).toBe(scene.camera.source);
    expect(r.contents.scene.camera.detail).toMatch(/migrated from a version 1/);
    expect(r.contents.scene.objects).toEqual(scene.objects);
    expect(r.contents.questions).toEqual([{ text: 'Is the chair left of the table?' }, { text: 'How tall is the lamp?' }]);
    expect(r.contents.photo).toEqual({ bytes: photo, mime: 'image/jpeg' });
    expect(r.contents.depth?.width).toBe(16);
    expect(r.answerChecks.every((a) => a.status === 'no-query')).toBe(true);
    // Saving it again writes the current version.
    const again = readSceneFile(writeSceneFile(r.contents));
    expect(again.ok && again.migratedFrom === undefined).toBe(true);
  });

  it('says what is wrong with a broken version 1 file', () => {
    const scene = sampleScene(2);
    const noPhoto = rawFile({
      'manifest.json': JSON.stringify({ format: 'spatiallens-scene', version: 1, created: 'x', photo: 'gone.jpg' }),
      'scene.json': JSON.stringify({ ...scene, camera: undefined, intrinsics: scene.camera.intrinsics }),
    });
    expect(readSceneFile(noPhoto)).toEqual({ ok: false, error: expect.stringMatching(/version 1 could not be upgraded: .*"gone\.jpg"/) });
    const badQuestions = rawFile({
      'manifest.json': JSON.stringify({ format: 'spatiallens-scene', version: 1, created: 'x' }),
      'scene.json': JSON.stringify({ ...scene, camera: undefined, intrinsics: scene.camera.intrinsics }),
      'questions.json': '[1, 2]',
    });
    expect(readSceneFile(badQuestions)).toEqual({ ok: false, error: expect.stringMatching(/version 1 questions are not valid/) });
  });

  it('refuses a newer version with a clear message', () => {
    const f = rawFile({ 'manifest.json': JSON.stringify({ format: 'spatiallens-scene', version: SCENE_FILE_VERSION + 1 }), 'scene.json': '{}' });
    expect(readSceneFile(f)).toEqual({ ok: false, error: expect.stringMatching(/newer than this app reads/) });
  });
});

describe('readSceneFile on hostile input', () => {
  const good = writeSceneFile(sampleContents(3, false));

  it('truncated, not a zip, flipped bytes, wrong manifest: clear messages', () => {
    expect(readSceneFile(good.slice(0, good.length - 30))).toEqual({ ok: false, error: expect.stringMatching(/truncated|damaged/) });
    expect(readSceneFile(good.slice(0, 1000))).toEqual({ ok: false, error: expect.stringMatching(/truncated|damaged/) });
    expect(readSceneFile(new Uint8Array(0))).toEqual({ ok: false, error: expect.stringMatching(/too short/) });
    expect(readSceneFile(strToU8('{"schemaVersion":1}'))).toEqual({ ok: false, error: expect.stringMatching(/not a zip archive/) });
    expect(readSceneFile('PK')).toEqual({ ok: false, error: 'scene file must be bytes' });
    // A flipped byte inside the photo (stored, so not caught by deflate) is caught by its checksum.
    const dir = readZipDirectory(good, { maxEntries: 64, maxEntryBytes: 1e9, maxTotalBytes: 1e9 });
    if (!dir.ok) throw new Error(dir.error);
    const photo = dir.entries.find((e) => e.name === 'photo.jpeg');
    if (!photo) throw new Error('no photo entry');
    const flipped = good.slice();
    flipped[photo.localOffset + 30 + photo.name.length + 100] ^= 0x10;
    expect(readSceneFile(flipped)).toEqual({ ok: false, error: expect.stringMatching(/"photo\.jpeg" is damaged \(checksum mismatch\)/) });
    expect(readSceneFile(rawFile({ 'scene.json': '{}' }))).toEqual({ ok: false, error: 'not a SpatialLens scene file (no manifest.json)' });
    expect(readSceneFile(rawFile({ 'manifest.json': '{"format":"other","version":2}' }))).toEqual({ ok: false, error: expect.stringMatching(/not a SpatialLens scene file: manifest\.format/) });
  });

  /** Set the uncompressed size the central directory declares for every entry (the data stays small). */
  function declareSizes(zip: Uint8Array, size: number): Uint8Array {
    const out = zip.slice();
    const dv = new DataView(out.buffer);
    const eocd = out.length - 22;
    let p = dv.getUint32(eocd + 16, true);
    for (let i = 0; i < dv.getUint16(eocd + 10, true); i++) {
      dv.setUint32(p + 24, size, true);
      p += 46 + dv.getUint16(p + 28, true) + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
    }
    return out;
  }

  it('checks the directory sizes before inflating (zip bombs) and counts entries', () => {
    // A manifest that claims 200 MB is refused from the directory alone, before any inflate.
    const bomb = declareSizes(zipSync({ 'manifest.json': new Uint8Array(1000) }), 200 * 1024 * 1024);
    expect(readSceneFile(bomb)).toEqual({ ok: false, error: expect.stringMatching(/"manifest\.json" is 209715200 bytes uncompressed \(limit 65536\)/) });
    // Declared small but actually large (4 MB of zeros in ~4 kB): the inflate cap (= declared size) stops it.
    const liar = declareSizes(zipSync({ 'manifest.json': new Uint8Array(4 * 1024 * 1024) }), 1000);
    expect(readSceneFile(liar)).toEqual({ ok: false, error: expect.stringMatching(/larger than the limit of 1000 bytes/) });
    const many: Record<string, string> = {};
    for (let i = 0; i <= SCENE_FILE_LIMITS.maxEntries; i++) many[`f${i}`] = 'x';
    expect(readSceneFile(rawFile(many))).toEqual({ ok: false, error: expect.stringMatching(/entries \(limit 64\)/) });
    // Each entry under its own cap, the sum over the total.
    const big: Zippable = {};
    for (let i = 0; i < 9; i++) big[`junk${i}`] = new Uint8Array(10);
    expect(readSceneFile(declareSizes(zipSync(big, { level: 0 }), 60 * 1024 * 1024))).toEqual({ ok: false, error: expect.stringMatching(/stored sizes disagree|unpacks to more than/) });
    expect(readSceneFile(declareSizes(zipSync(big), 60 * 1024 * 1024))).toEqual({ ok: false, error: expect.stringMatching(/unpacks to more than 536870912 bytes/) });
  });

  it('refuses __proto__ payloads in every JSON entry without polluting Object.prototype', () => {
    const c = sampleContents(2, false);
    const sceneText = JSON.stringify(c.scene);
    const manifest = { format: 'spatiallens-scene', version: 2, createdAt: 'x', app: 'y' };
    const cases: Record<string, string>[] = [
      { 'manifest.json': JSON.stringify(manifest).replace('{', '{"__proto__":{"polluted":1},'), 'scene.json': sceneText },
      { 'manifest.json': JSON.stringify(manifest), 'scene.json': sceneText.replace('{', '{"__proto__":{"polluted":1},') },
      { 'manifest.json': JSON.stringify(manifest), 'scene.json': sceneText, 'questions.json': '[{"text":"q","__proto__":{"polluted":1}}]' },
      { 'manifest.json': JSON.stringify(manifest), 'scene.json': sceneText, 'questions.json': '[{"text":"q","constructor":{"prototype":{"polluted":1}}}]' },
      {
        'manifest.json': JSON.stringify({ format: 'spatiallens-scene', version: 1, created: 'x' }),
        'scene.json': JSON.stringify({ ...c.scene, camera: undefined, intrinsics: c.scene.camera.intrinsics }).replace('{', '{"__proto__":{"polluted":1},'),
      },
    ];
    for (const files of cases) {
      const r = readSceneFile(rawFile(files));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/forbidden key/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('validates every part against the manifest', () => {
    const manifest = { format: 'spatiallens-scene', version: 2, createdAt: 'x', app: 'y' };
    const sceneText = JSON.stringify(sampleScene(2));
    const cases: [Record<string, string | Uint8Array>, RegExp][] = [
      [{ 'manifest.json': JSON.stringify({ ...manifest, photo: { path: '../etc/passwd', mime: 'image/jpeg' } }), 'scene.json': sceneText }, /manifest\.photo\.path/],
      [{ 'manifest.json': JSON.stringify({ ...manifest, photo: { path: 'p.png', mime: 'image/png' } }), 'scene.json': sceneText, 'p.png': sampleJpeg(1200) }, /not the image\/png image/],
      [{ 'manifest.json': JSON.stringify({ ...manifest, pointCloud: { count: 10, frame: 'canonical', positions: 'a', colors: 'b' } }), 'scene.json': sceneText, a: new Uint8Array(120), b: new Uint8Array(29) }, /do not hold 10 points/],
      [{ 'manifest.json': JSON.stringify({ ...manifest, pointCloud: { count: 1, frame: 'canonical', positions: 'a', colors: 'b' } }), 'scene.json': sceneText, a: new Uint8Array([0, 0, 0xc0, 0x7f, 0, 0, 0, 0, 0, 0, 0, 0]), b: new Uint8Array(3) }, /not a finite number/],
      [{ 'manifest.json': JSON.stringify({ ...manifest, depth: { path: 'd.png', metresPerUnit: 0.001 } }), 'scene.json': sceneText, 'd.png': sampleJpeg(1200) }, /depth entry is not a PNG/],
      [{ 'manifest.json': JSON.stringify(manifest), 'scene.json': sceneText.replace(/"schemaVersion":\d+/, '"schemaVersion":7') }, /scene\.json is not valid: .*schemaVersion/],
      [{ 'manifest.json': JSON.stringify(manifest), 'scene.json': sceneText, 'questions.json': '[{"text":"q","query":{"type":"size","measure":"width","a":"ghost"}}]' }, /"ghost"/],
      [{ 'manifest.json': JSON.stringify(manifest), 'scene.json': '{"a":' }, /scene\.json is not valid JSON/],
    ];
    for (const [files, re] of cases) expect(readSceneFile(rawFile(files))).toEqual({ ok: false, error: expect.stringMatching(re) });
  });
});
