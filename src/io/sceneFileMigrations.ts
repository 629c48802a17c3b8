/**
 * Older `.spatiallens` layouts, and the steps that bring them to the current one. Migrations work on the
 * raw JSON entries (already parsed by parseJsonSafely, so no `__proto__` keys) BEFORE validation; the
 * result is validated as a current file, so a migration cannot let anything unchecked through.
 *
 * Version 1 (the prototype's layout, before camera info moved into the scene graph):
 *   manifest.json  {format: 'spatiallens-scene', version: 1, created: string, photo?: string, depth?: string}
 *                  (`photo` / `depth`: entry paths; the depth PNG was already 16-bit millimetres)
 *   scene.json     a SceneGraph without `camera`; instead top-level `intrinsics: {fx, fy, cx, cy, width,
 *                  height}` and `intrinsicsSource: string`
 *   questions.json string[] — question texts only, no parsed query, no answer
 *   no point cloud, no saved view.
 * Version 2 (current): see sceneFile.ts.
 */
import * as v from 'valibot';
import { sniffThumbnailMime } from './thumbnail';
import { issuesText } from './shareSchemas';

/** The JSON entries of a file, before validation, plus its binary entries by path. */
export interface RawSceneFile {
  manifest: Record<string, unknown>;
  scene: unknown;
  questions: unknown;
  files: Map<string, Uint8Array>;
}

export type MigrationResult = { ok: true; raw: RawSceneFile } | { ok: false; error: string };

const INTRINSICS_SOURCES = ['explicit', 'exif-35mm', 'exif-focal-plane', 'model-estimate', 'default'] as const;

const ManifestV1 = v.strictObject({
  format: v.literal('spatiallens-scene'),
  version: v.literal(1),
  created: v.pipe(v.string(), v.maxLength(64)),
  photo: v.optional(v.pipe(v.string(), v.maxLength(200))),
  depth: v.optional(v.pipe(v.string(), v.maxLength(200))),
});

const QuestionsV1 = v.pipe(v.array(v.pipe(v.string(), v.maxLength(500, 'must be at most 500 characters'))), v.maxLength(1000, 'too many questions'));

const SceneV1Camera = v.looseObject({
  intrinsics: v.unknown(),
  intrinsicsSource: v.optional(v.string()),
});

function v1ToV2(raw: RawSceneFile): MigrationResult {
  const m = v.safeParse(ManifestV1, raw.manifest);
  if (!m.success) return { ok: false, error: `version 1 manifest is not valid: ${issuesText(m.issues, 'manifest')}` };
  const q = v.safeParse(QuestionsV1, raw.questions ?? []);
  if (!q.success) return { ok: false, error: `version 1 questions are not valid: ${issuesText(q.issues, 'questions')}` };
  const s = v.safeParse(SceneV1Camera, raw.scene);
  if (!s.success || typeof raw.scene !== 'object' || raw.scene === null) return { ok: false, error: 'version 1 scene is not an object with intrinsics' };
  // Own-property copy (no merge into an existing object): nothing can reach a prototype.
  const { intrinsics, intrinsicsSource, ...rest } = s.output;
  const source = (INTRINSICS_SOURCES as readonly string[]).includes(intrinsicsSource ?? '') ? intrinsicsSource : 'default';
  const scene = { ...rest, camera: { intrinsics, source, detail: `migrated from a version 1 scene file (intrinsics source: ${String(intrinsicsSource ?? 'unknown').slice(0, 60)})` } };

  const files = new Map<string, Uint8Array>();
  const manifest: Record<string, unknown> = { format: 'spatiallens-scene', version: 2, createdAt: m.output.created, app: 'migrated from version 1' };
  if (m.output.photo !== undefined) {
    const bytes = raw.files.get(m.output.photo);
    if (!bytes) return { ok: false, error: `version 1 manifest names photo "${m.output.photo.slice(0, 60)}" but the file does not hold it` };
    const mime = sniffThumbnailMime(bytes);
    if (!mime) return { ok: false, error: 'version 1 photo is not a JPEG, PNG or WebP image' };
    const path = `photo.${mime.slice(6)}`;
    files.set(path, bytes);
    manifest.photo = { path, mime };
  }
  if (m.output.depth !== undefined) {
    const bytes = raw.files.get(m.output.depth);
    if (!bytes) return { ok: false, error: `version 1 manifest names depth "${m.output.depth.slice(0, 60)}" but the file does not hold it` };
    files.set('depth.png', bytes);
    manifest.depth = { path: 'depth.png', metresPerUnit: 0.001 };
  }
  return { ok: true, raw: { manifest, scene, questions: q.output.map((text) => ({ text })), files } };
}

/** Migration from version N to N + 1, by N. */
export const MIGRATIONS: Readonly<Record<number, (raw: RawSceneFile) => MigrationResult>> = { 1: v1ToV2 };

/** Entry paths a version's manifest may name, so the reader inflates only those. */
export function entriesOfVersion(version: number, manifest: Record<string, unknown>): string[] {
  if (version === 1) {
    return ['scene.json', 'questions.json', manifest.photo, manifest.depth].filter((x): x is string => typeof x === 'string');
  }
  return [];
}

/** Apply migrations from `from` up to `to`. Never throws. */
export function migrateSceneFile(raw: RawSceneFile, from: number, to: number): MigrationResult {
  let cur = raw;
  for (let ver = from; ver < to; ver++) {
    const step = MIGRATIONS[ver];
    if (!step) return { ok: false, error: `no migration from scene file version ${ver}` };
    let r: MigrationResult;
    try {
      r = step(cur);
    } catch (e) {
      return { ok: false, error: `migrating version ${ver} failed (${e instanceof Error ? e.message : String(e)})` };
    }
    if (!r.ok) return r;
    cur = r.raw;
  }
  return { ok: true, raw: cur };
}
