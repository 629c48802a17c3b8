import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScene, SCENE_LIMITS, serializeScene } from './schema';
import { SCENE_SCHEMA_VERSION, type SceneGraph, type SceneObject } from './types';

function object(id: string, x: number): SceneObject {
  return {
    id,
    caption: `chair ${id}`,
    attributes: ['wooden'],
    box2d: { x0: 10 + x, y0: 20, x1: 60 + x, y1: 90 },
    mask: { width: 4, height: 2, counts: [1, 3, 2, 2] },
    aabb: { min: [x - 0.25, 0, -2.3], max: [x + 0.25, 0.9, -1.7] },
    obb: { center: [x, 0.45, -2], size: [0.5, 0.9, 0.6], yaw: 0.3 },
    centroid: [x, 0.4, -2],
    size: { width: 0.5, height: 0.9, depth: 0.6 },
    pointCount: 1234,
    confidence: 0.8,
    flags: ['truncated'],
  };
}

function scene(): SceneGraph {
  const c = Math.cos(0.2);
  const s = Math.sin(0.2);
  return {
    schemaVersion: SCENE_SCHEMA_VERSION,
    image: { width: 640, height: 480 },
    camera: {
      intrinsics: { fx: 520, fy: 521, cx: 319.5, cy: 239.5, width: 640, height: 480 },
      source: 'exif-35mm',
      detail: 'EXIF FocalLengthIn35mmFilm 26 mm',
    },
    frame: {
      rotation: [1, 0, 0, 0, -c, s, 0, -s, -c],
      translation: [0, 1.4, 0],
      plane: { normal: [0, -c, -s], d: 1.4, inliers: 5000 },
      cameraHeight: 1.4,
      confidence: 'high',
      method: 'support-plane',
    },
    objects: [object('o1', -0.5), object('o2', 0.7)],
    provenance: { depthSource: 'depth file', objectsSource: 'manual', createdAt: '2026-11-25T12:00:00Z', app: 'SpatialLens 0.1.0', notes: ['test'] },
  };
}

function expectError(input: unknown, pattern: RegExp) {
  const r = parseScene(input);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error).toMatch(pattern);
}

describe('parseScene / serializeScene', () => {
  it('round-trips a hand-built scene', () => {
    const s = scene();
    const r = parseScene(serializeScene(s));
    expect(r).toEqual({ ok: true, scene: s });
    const r2 = parseScene(s);
    expect(r2.ok && serializeScene(r2.scene)).toBe(serializeScene(s));
    // Optional fields may be absent.
    const bare = scene();
    delete bare.objects[0].mask;
    delete bare.objects[0].attributes;
    delete bare.provenance.notes;
    bare.frame.plane = null;
    expect(parseScene(serializeScene(bare)).ok).toBe(true);
  });

  it('migrates a version 1 scene (no amodal boxes) to the current version; round-trips amodal info', () => {
    const v1 = { ...scene(), schemaVersion: 1 };
    const r = parseScene(JSON.stringify(v1));
    expect(r.ok && r.scene.schemaVersion).toBe(SCENE_SCHEMA_VERSION);
    expect(r.ok && r.scene.objects[0].amodal).toBeUndefined();
    const s = scene();
    const o = s.objects[0];
    o.amodal = {
      visibleAabb: o.aabb, visibleObb: { ...o.obb, size: [o.obb.size[0], o.obb.size[1], 0.1] },
      estimated: [null, null, 'category-prior'], spread: [0, 0, 0.12], prior: 'chair (SUN RGB-D)',
      visibility: { left: 'observed', right: 'border-cut', top: 'observed', bottom: 'occluded', near: 'observed', far: 'self-hidden' },
    };
    s.depthRelativeError = 0.01;
    s.frame.gravityResidualDeg = 0.6;
    s.frame.gravityEdges = 12;
    const back = parseScene(serializeScene(s));
    expect(back.ok && back.scene).toEqual(s);
    expect(parseScene({ ...s, depthRelativeError: 2 }).ok).toBe(false);
    expect(parseScene({ ...s, frame: { ...s.frame, gravityEdges: 1.5 } }).ok).toBe(false);
    const bad = JSON.parse(serializeScene(s)) as { objects: { amodal: { visibility: { far: string } } }[] };
    bad.objects[0].amodal.visibility.far = 'maybe';
    expect(parseScene(bad).ok).toBe(false);
  });

  it('malformed JSON and non-objects', () => {
    expectError('{"schemaVersion": 1,', /not valid JSON/);
    expectError('[]', /must be a JSON object/);
    expectError(42, /must be a JSON object/);
    expectError(null, /must be a JSON object/);
  });

  it('wrong types and bad values name the field', () => {
    const s = scene() as unknown as Record<string, unknown> & { objects: Record<string, unknown>[] };
    s.objects[1].box2d = { x0: 'a', y0: 0, x1: 1, y1: 1 };
    expectError(s, /objects\[1\]\.box2d\.x0: .*number/);

    const nan = serializeScene(scene()).replace('"fx":520', '"fx":-520');
    expectError(nan, /camera\.intrinsics\.fx: must be > 0/);

    const inf = scene();
    inf.objects[0].centroid = [0, Infinity, 0];
    expectError(inf, /objects\[0\]\.centroid\[1\]: must be a finite number/);

    const tuple = scene() as unknown as { frame: { translation: number[] } };
    tuple.frame.translation = [0, 1];
    expectError(tuple, /frame\.translation/);

    const en = scene() as unknown as { frame: { method: string } };
    en.frame.method = 'guess';
    expectError(en, /frame\.method: .*support-plane/);

    const ver = scene() as unknown as { schemaVersion: number };
    ver.schemaVersion = 3;
    expectError(ver, /unsupported schemaVersion 3 \(this app reads 1 and 2\)/);

    const rot = scene();
    rot.frame.rotation = [2, 0, 0, 0, 1, 0, 0, 0, 1];
    expectError(rot, /frame\.rotation: rotation must be a proper rotation/);
    rot.frame.rotation = [-1, 0, 0, 0, 1, 0, 0, 0, 1];
    expectError(rot, /proper rotation/);

    const m = scene();
    m.objects[0].mask = { width: 4, height: 2, counts: [1, 3] };
    expectError(m, /objects\[0\]\.mask: mask runs must cover exactly/);

    const dup = scene();
    dup.objects[1].id = 'o1';
    expectError(dup, /ids must be unique/);

    const box = scene();
    box.objects[0].box2d = { x0: 50, y0: 0, x1: 10, y1: 5 };
    expectError(box, /objects\[0\]\.box2d: box2d needs x0 <= x1/);
  });

  it('missing and unknown fields', () => {
    const s = scene() as unknown as Record<string, unknown>;
    delete s.camera;
    expectError(s, /camera: missing field/);
    const extra = scene() as unknown as { objects: Record<string, unknown>[] };
    extra.objects[0].colour = 'red';
    expectError(extra, /objects\[0\]\.colour: unknown field/);
  });

  it('limits on sizes, counts and strings', () => {
    const long = scene();
    long.objects[0].caption = 'x'.repeat(SCENE_LIMITS.maxCaptionChars + 1);
    expectError(long, /objects\[0\]\.caption: must be at most 500 characters/);
    const many = scene();
    many.objects = Array.from({ length: SCENE_LIMITS.maxObjects + 1 }, (_, i) => object(`o${i}`, 0));
    expectError(many, /objects: must have at most 1000 objects/);
    const big = scene();
    big.image = { width: 100000, height: 10 };
    expectError(big, /image\.width: must be <= 32768/);
    let deep: unknown = 1;
    for (let i = 0; i < 50; i++) deep = { a: deep };
    expectError({ ...scene(), provenance: deep }, /nested deeper/);
  });

  it('rejects __proto__ keys and does not pollute Object.prototype', () => {
    const text = serializeScene(scene()).replace('"caption":"chair o1"', '"caption":"chair o1","__proto__":{"polluted":true}');
    expectError(text, /objects\[0\]\.__proto__: forbidden key/);
    expectError('{"__proto__":{"polluted":true},"schemaVersion":1}', /forbidden key "__proto__"/);
    expectError(JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'), /forbidden key/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('fuzz: thousands of mutated scenes never throw, and accepted ones re-serialise identically', () => {
    const base = JSON.parse(serializeScene(scene())) as unknown;
    const leafValue = fc.oneof(
      fc.constant(null),
      fc.constant('__proto__'),
      fc.double(),
      fc.integer(),
      fc.string({ maxLength: 5 }),
      fc.boolean(),
      fc.constant([]),
      fc.constant({}),
      fc.constant(Number.NaN),
      fc.array(fc.double(), { maxLength: 10 }),
    );
    /** Replace, delete or add at a random path; JSON text mutations too. */
    function mutate(value: unknown, path: number[], replacement: unknown, op: number): unknown {
      if (typeof value !== 'object' || value === null || path.length === 0) return op === 0 ? replacement : value;
      const keys = Object.keys(value);
      if (keys.length === 0) return replacement;
      const k = keys[path[0] % keys.length];
      const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
      const c = copy as Record<string, unknown>;
      if (path.length === 1 && op === 1) {
        if (Array.isArray(copy)) copy.splice(Number(k), 1);
        else delete c[k];
      } else if (path.length === 1 && op === 2) {
        if (Array.isArray(copy)) copy.push(replacement);
        else c[`k${path[0]}`] = replacement;
      } else {
        c[k] = mutate(c[k], path.slice(1), replacement, op);
      }
      return copy;
    }
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.array(fc.nat(40), { minLength: 1, maxLength: 6 }),
        leafValue,
        fc.nat(2),
        fc.option(fc.tuple(fc.nat(4000), fc.string({ maxLength: 3 })), { nil: undefined }),
        (path, replacement, op, textEdit) => {
          let input: unknown = mutate(base, path, replacement, op);
          if (textEdit) {
            const t = JSON.stringify(input);
            const at = textEdit[0] % (t.length + 1);
            input = t.slice(0, at) + textEdit[1] + t.slice(at + 1);
          }
          const r = parseScene(input);
          if (r.ok) {
            accepted++;
            expect(parseScene(serializeScene(r.scene))).toEqual(r);
          } else {
            expect(r.error.length).toBeGreaterThan(5);
          }
        },
      ),
      { numRuns: 3000 },
    );
    // Some mutations (a harmless string, a valid number) must still be accepted: the fuzz reaches both sides.
    expect(accepted).toBeGreaterThan(10);
  });
});
