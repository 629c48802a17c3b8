/**
 * `.spatiallens` scene files: a zip holding everything needed to reopen a scene without running a model,
 * so a teacher can prepare scenes ahead. Layout (version 2, current):
 *
 *   manifest.json           {format: 'spatiallens-scene', version: 2, createdAt, app,
 *                            photo?: {path, mime, name?}, depth?: {path, metresPerUnit},
 *                            pointCloud?: {count, frame, positions, colors}, view?: {position, target, fov?}}
 *   scene.json              the SceneGraph (validated by parseScene)
 *   questions.json          [{text, query?, unit?, units?, seed?, sentence?, answer?}]
 *   photo.<jpeg|png|webp>   the original photo bytes
 *   depth.png               16-bit grayscale PNG, millimetres (0 = no depth)
 *   points/positions.f32    Float32 xyz triples, little-endian
 *   points/colors.u8        rgb triples
 *
 * Reading never throws: the zip directory is checked against SCENE_FILE_LIMITS before anything is inflated,
 * every JSON entry is parsed without prototype-reaching keys and validated, every binary entry is checked.
 */
import { zipSync, type Zippable } from 'fflate';
import * as v from 'valibot';
import type { SceneGraph } from '../core/scene/types';
import type { DepthMap } from '../core/geometry/raster';
import { parseScene, SCENE_LIMITS } from '../core/scene/schema';
import { decodeDepthPng, encodeDepthPng, pngHeaderSize } from './depthFile';
import { parseJsonSafely } from './boundedInflate';
import { readZip, readZipDirectory, type ZipLimits } from './zipReader';
import { QuestionSchema, ViewSchema, issuesText, type SharedQuestion, type ShareView } from './shareSchemas';
import { checkSharedAnswer, queryIds, type AnswerCheck } from './answerCheck';
import { sniffThumbnailMime, type ThumbnailMime } from './thumbnail';
import { sceneSizeProblem } from './sceneSize';
import { entriesOfVersion, migrateSceneFile, type RawSceneFile } from './sceneFileMigrations';

export const SCENE_FILE_FORMAT = 'spatiallens-scene' as const;
export const SCENE_FILE_VERSION = 2 as const;
export const SCENE_FILE_EXTENSION = '.spatiallens';

const MiB = 1024 * 1024;
export const SCENE_FILE_LIMITS = {
  maxFileBytes: 512 * MiB,
  maxEntries: 64,
  maxTotalBytes: 512 * MiB,
  maxEntryBytes: 64 * MiB,
  manifestBytes: 64 * 1024,
  sceneBytes: SCENE_LIMITS.maxJsonChars,
  questionsBytes: 4 * MiB,
  maxQuestions: 1000,
  photoBytes: 64 * MiB,
  depthBytes: 64 * MiB,
  maxDepthPixels: 16 * MiB,
  maxPoints: 5_000_000,
} as const;

export type PhotoMime = ThumbnailMime;

export interface SceneFileContents {
  scene: SceneGraph;
  questions: SharedQuestion[];
  photo?: { bytes: Uint8Array; mime: PhotoMime; name?: string };
  /** Metres; stored as millimetres, so it reads back rounded to 1 mm (and clamped to 65.535 m). */
  depth?: DepthMap;
  pointCloud?: { positions: Float32Array; colors: Uint8Array; frame: 'canonical' | 'camera' };
  view?: ShareView;
  createdAt?: string;
  app?: string;
}

export type ReadSceneFileResult =
  | { ok: true; contents: SceneFileContents; migratedFrom?: number; answerChecks: AnswerCheck[] }
  | { ok: false; error: string };

export class SceneFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SceneFileError';
  }
}

const L = SCENE_FILE_LIMITS;
const PATHS = {
  manifest: 'manifest.json',
  scene: 'scene.json',
  questions: 'questions.json',
  depth: 'depth.png',
  positions: 'points/positions.f32',
  colors: 'points/colors.u8',
} as const;

const safePath = v.pipe(v.string(), v.maxLength(200), v.regex(/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/, 'must be a plain relative path'), v.check((p) => !p.split('/').includes('..'), 'must not climb out of the archive'));

const ManifestV2 = v.strictObject({
  format: v.literal(SCENE_FILE_FORMAT),
  version: v.literal(SCENE_FILE_VERSION),
  createdAt: v.pipe(v.string(), v.maxLength(64)),
  app: v.pipe(v.string(), v.maxLength(200)),
  photo: v.optional(v.strictObject({ path: safePath, mime: v.picklist(['image/jpeg', 'image/png', 'image/webp']), name: v.optional(v.pipe(v.string(), v.maxLength(400))) })),
  depth: v.optional(v.strictObject({ path: safePath, metresPerUnit: v.pipe(v.number(), v.finite(), v.gtValue(0), v.maxValue(1)) })),
  pointCloud: v.optional(
    v.strictObject({
      count: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(L.maxPoints, `must be at most ${L.maxPoints} points`)),
      frame: v.picklist(['canonical', 'camera']),
      positions: safePath,
      colors: safePath,
    }),
  ),
  view: v.optional(ViewSchema),
});

const QuestionsV2 = v.pipe(v.array(QuestionSchema), v.maxLength(L.maxQuestions, `must have at most ${L.maxQuestions} questions`));

/** Only the format and version, read first to pick a migration. */
const ManifestHead = v.looseObject({
  format: v.literal(SCENE_FILE_FORMAT, 'manifest format must be "spatiallens-scene"'),
  version: v.pipe(v.number(), v.integer('version must be an integer'), v.minValue(1, 'version must be >= 1')),
});

const ZIP_LIMITS: ZipLimits = {
  maxEntries: L.maxEntries,
  maxEntryBytes: L.maxEntryBytes,
  maxTotalBytes: L.maxTotalBytes,
  entryBytes: {
    [PATHS.manifest]: L.manifestBytes,
    [PATHS.scene]: L.sceneBytes,
    [PATHS.questions]: L.questionsBytes,
    [PATHS.positions]: L.maxPoints * 12,
    [PATHS.colors]: L.maxPoints * 3,
  },
};

// ---------- write ----------

function floatBytes(a: Float32Array): Uint8Array {
  const out = new Uint8Array(a.length * 4);
  const dv = new DataView(out.buffer);
  for (let i = 0; i < a.length; i++) dv.setFloat32(i * 4, a[i], true);
  return out;
}

const json = (x: unknown) => new TextEncoder().encode(JSON.stringify(x));

/** Throws SceneFileError when the contents are not valid (a bug in the caller, not a user's file). */
export function writeSceneFile(c: SceneFileContents): Uint8Array {
  const s = parseScene(c.scene);
  if (!s.ok) throw new SceneFileError(`scene is not valid: ${s.error}`);
  const q = v.safeParse(QuestionsV2, c.questions);
  if (!q.success) throw new SceneFileError(`questions are not valid: ${issuesText(q.issues, 'questions')}`);
  const manifest: v.InferOutput<typeof ManifestV2> = {
    format: SCENE_FILE_FORMAT,
    version: SCENE_FILE_VERSION,
    createdAt: c.createdAt ?? new Date().toISOString(),
    app: c.app ?? 'SpatialLens',
  };
  const files: Zippable = {};
  if (c.photo) {
    if (sniffThumbnailMime(c.photo.bytes) !== c.photo.mime) throw new SceneFileError(`photo bytes are not ${c.photo.mime}`);
    const path = `photo.${c.photo.mime.slice(6)}`;
    manifest.photo = { path, mime: c.photo.mime, ...(c.photo.name !== undefined ? { name: c.photo.name.slice(0, 400) } : {}) };
    files[path] = [c.photo.bytes, { level: 0 }];
  }
  if (c.depth) {
    manifest.depth = { path: PATHS.depth, metresPerUnit: 0.001 };
    files[PATHS.depth] = [encodeDepthPng(c.depth, 0.001), { level: 0 }];
  }
  if (c.pointCloud) {
    const { positions, colors, frame } = c.pointCloud;
    const count = positions.length / 3;
    if (!Number.isInteger(count) || colors.length !== count * 3) throw new SceneFileError('point cloud needs 3 positions and 3 colours per point');
    if (count > L.maxPoints) throw new SceneFileError(`point cloud has ${count} points (limit ${L.maxPoints}); downsample it first`);
    manifest.pointCloud = { count, frame, positions: PATHS.positions, colors: PATHS.colors };
    files[PATHS.positions] = [floatBytes(positions), { level: 1 }];
    files[PATHS.colors] = [colors, { level: 1 }];
  }
  if (c.view) {
    const vr = v.safeParse(ViewSchema, c.view);
    if (!vr.success) throw new SceneFileError(`view is not valid: ${issuesText(vr.issues, 'view')}`);
    manifest.view = vr.output;
  }
  files[PATHS.manifest] = json(manifest);
  files[PATHS.scene] = json(s.scene);
  files[PATHS.questions] = json(q.output);
  return zipSync(files, { level: 6 });
}

// ---------- read ----------

function jsonEntry(files: Map<string, Uint8Array>, path: string, required: boolean): { ok: true; value: unknown } | { ok: false; error: string } {
  const bytes = files.get(path);
  if (!bytes) return required ? { ok: false, error: `scene file has no ${path}` } : { ok: true, value: undefined };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: `${path} is not UTF-8 text` };
  }
  return parseJsonSafely(text, path);
}

/** Open a `.spatiallens` file (any supported version). Never throws. */
export function readSceneFile(bytes: unknown): ReadSceneFileResult {
  try {
    return readUnsafe(bytes);
  } catch (e) {
    return { ok: false, error: `scene file could not be read (${e instanceof Error ? e.message : String(e)})` };
  }
}

function readUnsafe(bytes: unknown): ReadSceneFileResult {
  if (!(bytes instanceof Uint8Array)) return { ok: false, error: 'scene file must be bytes' };
  if (bytes.length > L.maxFileBytes) return { ok: false, error: `scene file is ${bytes.length} bytes (limit ${L.maxFileBytes})` };
  if (bytes.length >= 2 && !(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    return { ok: false, error: 'not a SpatialLens scene file (it is not a zip archive)' };
  }
  // Directory first: limits are enforced before a single byte is inflated.
  const dir = readZipDirectory(bytes, ZIP_LIMITS);
  if (!dir.ok) return { ok: false, error: `scene file is damaged or not a scene file: ${dir.error}` };
  const head = readZip(bytes, ZIP_LIMITS, (n) => n === PATHS.manifest);
  if (!head.ok) return { ok: false, error: `scene file is damaged: ${head.error}` };
  const man = jsonEntry(head.files, PATHS.manifest, true);
  if (!man.ok) return { ok: false, error: man.error.includes('has no') ? 'not a SpatialLens scene file (no manifest.json)' : man.error };
  const mh = v.safeParse(ManifestHead, man.value);
  if (!mh.success) return { ok: false, error: `not a SpatialLens scene file: ${issuesText(mh.issues, 'manifest')}` };
  const version = mh.output.version;
  if (version > SCENE_FILE_VERSION) {
    return { ok: false, error: `scene file version ${version} is newer than this app reads (${SCENE_FILE_VERSION}); update the app` };
  }
  const manifest = mh.output as Record<string, unknown>;

  // Inflate only the entries this version's manifest can name.
  const wanted = new Set<string>([PATHS.scene, PATHS.questions, ...entriesOfVersion(version, manifest)]);
  if (version === SCENE_FILE_VERSION) {
    const m2 = v.safeParse(ManifestV2, manifest);
    if (!m2.success) return { ok: false, error: `manifest.json is not valid: ${issuesText(m2.issues, 'manifest')}` };
    for (const p of [m2.output.photo?.path, m2.output.depth?.path, m2.output.pointCloud?.positions, m2.output.pointCloud?.colors]) if (p) wanted.add(p);
  }
  const all = readZip(bytes, ZIP_LIMITS, (n) => wanted.has(n));
  if (!all.ok) return { ok: false, error: `scene file is damaged: ${all.error}` };
  const sceneJson = jsonEntry(all.files, PATHS.scene, true);
  if (!sceneJson.ok) return sceneJson;
  const questionsJson = jsonEntry(all.files, PATHS.questions, false);
  if (!questionsJson.ok) return questionsJson;

  let raw: RawSceneFile = { manifest, scene: sceneJson.value, questions: questionsJson.value ?? [], files: all.files };
  if (version < SCENE_FILE_VERSION) {
    const mig = migrateSceneFile(raw, version, SCENE_FILE_VERSION);
    if (!mig.ok) return { ok: false, error: `scene file version ${version} could not be upgraded: ${mig.error}` };
    raw = mig.raw;
  }
  const r = validateCurrent(raw);
  if (!r.ok) return r;
  return version < SCENE_FILE_VERSION ? { ...r, migratedFrom: version } : r;
}

function validateCurrent(raw: RawSceneFile): ReadSceneFileResult {
  const m = v.safeParse(ManifestV2, raw.manifest);
  if (!m.success) return { ok: false, error: `manifest.json is not valid: ${issuesText(m.issues, 'manifest')}` };
  const man = m.output;
  const s = parseScene(raw.scene);
  if (!s.ok) return { ok: false, error: `scene.json is not valid: ${s.error}` };
  const scene = s.scene;
  const tooBig = sceneSizeProblem(scene);
  if (tooBig) return { ok: false, error: `scene.json is not valid: ${tooBig}` };
  const q = v.safeParse(QuestionsV2, raw.questions);
  if (!q.success) return { ok: false, error: `questions.json is not valid: ${issuesText(q.issues, 'questions')}` };
  const ids = new Set(scene.objects.map((o) => o.id));
  for (const [i, question] of q.output.entries()) {
    const missing = question.query && queryIds(question.query).find((id) => !ids.has(id));
    if (missing) return { ok: false, error: `questions[${i}] names object "${missing.slice(0, 40)}" that the scene does not hold` };
  }
  const contents: SceneFileContents = { scene, questions: q.output, createdAt: man.createdAt, app: man.app };

  if (man.photo) {
    const bytes = raw.files.get(man.photo.path);
    if (!bytes) return { ok: false, error: `manifest names photo "${man.photo.path}" but the file does not hold it` };
    if (bytes.length > L.photoBytes) return { ok: false, error: `photo is ${bytes.length} bytes (limit ${L.photoBytes})` };
    if (sniffThumbnailMime(bytes) !== man.photo.mime) return { ok: false, error: `photo is not the ${man.photo.mime} image the manifest says` };
    contents.photo = { bytes, mime: man.photo.mime, ...(man.photo.name !== undefined ? { name: man.photo.name } : {}) };
  }
  if (man.depth) {
    const bytes = raw.files.get(man.depth.path);
    if (!bytes) return { ok: false, error: `manifest names depth "${man.depth.path}" but the file does not hold it` };
    const size = pngHeaderSize(bytes);
    if (!size) return { ok: false, error: 'depth entry is not a PNG' };
    if (!(size.width > 0 && size.height > 0 && size.width * size.height <= L.maxDepthPixels)) {
      return { ok: false, error: `depth PNG is ${size.width}x${size.height} (limit ${L.maxDepthPixels} pixels)` };
    }
    try {
      contents.depth = decodeDepthPng(bytes, { kind: 'scale', metresPerUnit: man.depth.metresPerUnit });
    } catch (e) {
      return { ok: false, error: `depth: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  if (man.pointCloud) {
    const pc = man.pointCloud;
    const pos = raw.files.get(pc.positions);
    const col = raw.files.get(pc.colors);
    if (!pos || !col) return { ok: false, error: 'manifest names a point cloud but the file does not hold it' };
    if (pos.length !== pc.count * 12 || col.length !== pc.count * 3) {
      return { ok: false, error: `point cloud entries do not hold ${pc.count} points (positions ${pos.length} bytes, colours ${col.length} bytes)` };
    }
    const positions = new Float32Array(pc.count * 3);
    const dv = new DataView(pos.buffer, pos.byteOffset, pos.byteLength);
    for (let i = 0; i < positions.length; i++) {
      const x = dv.getFloat32(i * 4, true);
      if (!Number.isFinite(x)) return { ok: false, error: `point cloud position ${Math.floor(i / 3)} is not a finite number` };
      positions[i] = x;
    }
    contents.pointCloud = { positions, colors: col, frame: pc.frame };
  }
  if (man.view) contents.view = man.view;
  const answerChecks = contents.questions.map((question) => checkSharedAnswer(scene, question));
  return { ok: true, contents, answerChecks };
}
