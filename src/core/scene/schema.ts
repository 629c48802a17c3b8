/**
 * Scene files and share links are untrusted input: parseScene checks every field (finite numbers, lengths,
 * enums, limits) and never throws; serializeScene writes what parseScene reads back unchanged.
 * Objects are strict: an unknown key is an error, so a field added to types.ts without a schema update
 * fails loudly (the type assertion at the bottom also breaks the build).
 */
import * as v from 'valibot';
import { SCENE_SCHEMA_VERSION, type SceneGraph } from './types';

/** Limits: generous for real scenes, small enough that a hostile file cannot exhaust memory or the UI. */
export const SCENE_LIMITS = {
  maxJsonChars: 32 * 1024 * 1024,
  maxDepth: 16,
  maxObjects: 1000,
  maxImageSide: 32768,
  maxMaskRuns: 2_000_000,
  maxIdChars: 128,
  maxCaptionChars: 500,
  maxAttributes: 32,
  maxAttributeChars: 100,
  maxDetailChars: 2000,
  maxNotes: 64,
  maxNoteChars: 2000,
  maxShortChars: 200,
} as const;

const L = SCENE_LIMITS;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const finite = v.pipe(v.number(), v.finite('must be a finite number'));
const nonNegative = v.pipe(v.number(), v.finite('must be a finite number'), v.minValue(0, 'must be >= 0'));
const positive = v.pipe(v.number(), v.finite('must be a finite number'), v.gtValue(0, 'must be > 0'));
const count = v.pipe(v.number(), v.integer('must be an integer'), v.minValue(0, 'must be >= 0'));
const side = v.pipe(v.number(), v.integer('must be an integer'), v.minValue(1, 'must be >= 1'), v.maxValue(L.maxImageSide, `must be <= ${L.maxImageSide}`));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `must be at most ${max} characters`));
const vec3 = v.tuple([finite, finite, finite]);
const mat3 = v.tuple([finite, finite, finite, finite, finite, finite, finite, finite, finite]);

const box2d = v.pipe(
  v.strictObject({ x0: finite, y0: finite, x1: finite, y1: finite }),
  v.check((b) => b.x0 <= b.x1 && b.y0 <= b.y1, 'box2d needs x0 <= x1 and y0 <= y1'),
);

const mask = v.pipe(
  v.strictObject({
    width: side,
    height: side,
    counts: v.pipe(v.array(count), v.maxLength(L.maxMaskRuns, `must have at most ${L.maxMaskRuns} runs`)),
  }),
  v.check((m) => m.counts.reduce((a, b) => a + b, 0) === m.width * m.height, 'mask runs must cover exactly width x height pixels'),
);

const aabb = v.pipe(
  v.strictObject({ min: vec3, max: vec3 }),
  v.check((b) => b.min.every((m, i) => m <= b.max[i]), 'aabb needs min <= max on every axis'),
);

const obb = v.strictObject({ center: vec3, size: v.tuple([nonNegative, nonNegative, nonNegative]), yaw: finite });

const face = v.picklist(['observed', 'border-cut', 'occluded', 'self-hidden']);
const estimator = v.nullable(v.picklist(['support-contact', 'category-prior', 'footprint-symmetry', 'back-projected']));
const amodal = v.strictObject({
  visibleAabb: aabb,
  visibleObb: obb,
  estimated: v.tuple([estimator, estimator, estimator]),
  spread: v.tuple([nonNegative, nonNegative, nonNegative]),
  prior: v.optional(text(L.maxShortChars)),
  visibility: v.strictObject({ left: face, right: face, top: face, bottom: face, near: face, far: face }),
});

const sceneObject = v.strictObject({
  id: v.pipe(text(L.maxIdChars), v.minLength(1, 'must not be empty')),
  caption: text(L.maxCaptionChars),
  attributes: v.optional(v.pipe(v.array(text(L.maxAttributeChars)), v.maxLength(L.maxAttributes, `must have at most ${L.maxAttributes} items`))),
  box2d,
  mask: v.optional(mask),
  aabb,
  obb,
  centroid: vec3,
  size: v.strictObject({ width: nonNegative, height: nonNegative, depth: nonNegative }),
  pointCount: count,
  confidence: v.pipe(finite, v.minValue(0, 'must be in [0, 1]'), v.maxValue(1, 'must be in [0, 1]')),
  flags: v.pipe(
    v.array(v.picklist(['too-few-points', 'no-valid-depth', 'truncated', 'low-mask-coverage'])),
    v.maxLength(8, 'must have at most 8 items'),
  ),
  amodal: v.optional(amodal),
});

const intrinsics = v.strictObject({ fx: positive, fy: positive, cx: finite, cy: finite, width: side, height: side });

const camera = v.strictObject({
  intrinsics,
  source: v.picklist(['explicit', 'exif-35mm', 'exif-focal-plane', 'model-estimate', 'default']),
  detail: text(L.maxDetailChars),
});

/** R·Rᵀ = I and det R = +1 within 1e-3: a scene file may carry rounded numbers, not a skew or a mirror. */
function isRotation(m: number[]): boolean {
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) {
      const d = m[i * 3] * m[j * 3] + m[i * 3 + 1] * m[j * 3 + 1] + m[i * 3 + 2] * m[j * 3 + 2];
      if (Math.abs(d - (i === j ? 1 : 0)) > 1e-3) return false;
    }
  const det =
    m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
  return Math.abs(det - 1) < 1e-3;
}

const plane = v.strictObject({
  normal: v.pipe(vec3, v.check((n) => Math.abs(Math.hypot(n[0], n[1], n[2]) - 1) < 1e-3, 'normal must be a unit vector')),
  d: finite,
  inliers: count,
});

const frame = v.strictObject({
  rotation: v.pipe(mat3, v.check((m) => isRotation(m), 'rotation must be a proper rotation matrix (orthonormal, det +1)')),
  translation: vec3,
  plane: v.nullable(plane),
  cameraHeight: finite,
  confidence: v.picklist(['high', 'low']),
  method: v.picklist(['support-plane', 'walls', 'vertical-lines', 'level-camera', 'given']),
  gravityResidualDeg: v.optional(nonNegative),
  gravityEdges: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

const provenance = v.strictObject({
  depthSource: text(L.maxShortChars),
  objectsSource: text(L.maxShortChars),
  createdAt: text(64),
  app: text(L.maxShortChars),
  imageName: v.optional(text(L.maxShortChars * 2)),
  imageHash: v.optional(text(L.maxShortChars)),
  notes: v.optional(v.pipe(v.array(text(L.maxNoteChars)), v.maxLength(L.maxNotes, `must have at most ${L.maxNotes} items`))),
});

export const SceneSchema = v.pipe(
  v.strictObject({
    // version 1 (no amodal boxes) is read and migrated to the current version: its boxes are the visible ones
    schemaVersion: v.pipe(
      v.union([v.literal(1), v.literal(SCENE_SCHEMA_VERSION)], (i) => `unsupported schemaVersion ${JSON.stringify(i.input)?.slice(0, 20)} (this app reads 1 and ${SCENE_SCHEMA_VERSION})`),
      v.transform((): typeof SCENE_SCHEMA_VERSION => SCENE_SCHEMA_VERSION),
    ),
    image: v.strictObject({ width: side, height: side }),
    camera,
    frame,
    objects: v.pipe(v.array(sceneObject), v.maxLength(L.maxObjects, `must have at most ${L.maxObjects} objects`)),
    provenance,
    depthRelativeError: v.optional(v.pipe(finite, v.minValue(0, 'must be in [0, 1]'), v.maxValue(1, 'must be in [0, 1]'))),
  }),
  v.check((s) => new Set(s.objects.map((o) => o.id)).size === s.objects.length, 'object ids must be unique'),
);

export type SceneParseResult = { ok: true; scene: SceneGraph } | { ok: false; error: string };

/** "objects[3].box2d.x0" from a valibot issue path. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  let s = '';
  for (const item of issue.path ?? []) {
    const k = item.key;
    if (typeof k === 'number') s += `[${k}]`;
    else s += s ? `.${String(k)}` : String(k);
  }
  return s || '(scene)';
}

/** valibot's key issues read "Invalid key: Expected ..."; say it plainly. */
function messageOf(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.type === 'strict_object') {
    if (issue.expected === 'never') return 'unknown field (not part of the scene format)';
    if (issue.received === 'undefined') return 'missing field';
  }
  return issue.message;
}

/**
 * Walk the raw value once before validation: refuses keys that could reach Object.prototype when a
 * consumer copies the object, and nesting deeper than any scene has (valibot would recurse on it).
 */
function findHazard(value: unknown, path: string, depth: number): string | null {
  if (typeof value !== 'object' || value === null) return null;
  if (depth > L.maxDepth) return `${path || '(scene)'}: nested deeper than ${L.maxDepth} levels`;
  if (Array.isArray(value)) {
    // Large numeric arrays (mask runs) hold no objects; only walk arrays whose items can nest.
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'object' && item !== null) {
        const h = findHazard(item, `${path}[${i}]`, depth + 1);
        if (h) return h;
      }
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const p = path ? `${path}.${key.slice(0, 40)}` : key.slice(0, 40);
    if (FORBIDDEN_KEYS.has(key)) return `${p}: forbidden key "${key}"`;
    const h = findHazard((value as Record<string, unknown>)[key], p, depth + 1);
    if (h) return h;
  }
  return null;
}

/** Validate a scene (a JSON string or an already parsed value). Never throws. */
export function parseScene(json: unknown): SceneParseResult {
  try {
    let value = json;
    if (typeof json === 'string') {
      if (json.length > L.maxJsonChars) return { ok: false, error: `scene file is too large (${json.length} characters, limit ${L.maxJsonChars})` };
      try {
        value = JSON.parse(json);
      } catch (e) {
        return { ok: false, error: `scene file is not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
      }
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { ok: false, error: 'scene must be a JSON object' };
    }
    const hazard = findHazard(value, '', 0);
    if (hazard) return { ok: false, error: hazard };
    const r = v.safeParse(SceneSchema, value);
    if (r.success) return { ok: true, scene: r.output };
    const issues = r.issues.slice(0, 5).map((i) => `${pathOf(i)}: ${messageOf(i)}`);
    const more = r.issues.length > 5 ? ` (and ${r.issues.length - 5} more)` : '';
    return { ok: false, error: issues.join('; ') + more };
  } catch (e) {
    // Defensive: getters on exotic inputs, stack exhaustion — report, never crash the caller.
    return { ok: false, error: `scene could not be validated: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export function serializeScene(scene: SceneGraph): string {
  return JSON.stringify(scene);
}

// Compile-time guard: the schema's output and SceneGraph must stay assignable both ways.
type SchemaOut = v.InferOutput<typeof SceneSchema>;
const _toScene = (s: SchemaOut): SceneGraph => s;
const _fromScene = (s: SceneGraph): SchemaOut => s;
void _toScene;
void _fromScene;
