/**
 * `.spatiallens` scene files from the app: save the current scene (photo, depth, point cloud, scene graph,
 * this scene's questions with their answers, the 3D view) and open one again without running a model.
 */
import { downloadFile } from '../download';
import type { PointCloud, RGBAImage } from '../../core/geometry/raster';
import type { SceneGraph } from '../../core/scene/types';
import { canonicalToPixel } from '../../core/camera/project';
import { SCENE_FILE_EXTENSION, SCENE_FILE_LIMITS, SceneFileError, readSceneFile, writeSceneFile, type SceneFileContents } from '../../io/sceneFile';
import type { SharedQuestion } from '../../io/shareSchemas';
import { answerKey } from '../../io/answerCheck';
import { APP_NAME, commitRestored, failLoad } from '../../state/loadScene';
import { ensureCurrent, startLoad } from '../../state/loadSequence';
import { placeholderImage, restoredImageSize, restoredPhoto } from '../../state/restoredImage';
import { notify, sceneStore, type LoadedScene } from '../../state/sceneStore';
import { questionsStore } from '../../state/questionsStore';
import { settingsStore } from '../../state/settingsStore';
import { restoreQuestions, type ViewAccess } from '../../state/shareState';
import { setPreparedQuestions } from '../../state/classroomStore';

/** The working image as PNG: the scene's 2D boxes and masks are in its pixels, so it is the photo to keep. */
async function pngOf(rgb: RGBAImage): Promise<Uint8Array> {
  const c = new OffscreenCanvas(rgb.width, rgb.height);
  const ctx = c.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.putImageData(new ImageData(new Uint8ClampedArray(rgb.data), rgb.width, rgb.height), 0, 0);
  return new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
}

/** This scene's questions as files keep them; answered ones carry their sentence and decisive part. */
function questionsOf(current: LoadedScene): SharedQuestion[] {
  const units = settingsStore.getState().units;
  return questionsStore
    .getState()
    .history.filter((h) => h.sceneKey === current.key)
    .slice(0, 1000)
    .map((h): SharedQuestion => {
      // a follow-up ("and the sofa?") is kept as the whole question it was read as: a file has no conversation
      const text = (h.outcome.kind === 'answer' && h.outcome.readAs ? h.outcome.readAs : h.text).slice(0, 500);
      if (h.outcome.kind !== 'answer') return { text };
      const o = h.outcome;
      return { text, query: o.query, ...(o.unit ? { unit: o.unit } : {}), units, sentence: o.answer.sentence.slice(0, 2000), answer: answerKey(o.answer) };
    });
}

const fileName = (title: string) => `${title.replace(/\.[a-z0-9]+$/i, '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'scene'}${SCENE_FILE_EXTENSION}`;

/** Build the current scene's file; returns its bytes and a file name. Throws with a sentence for the UI. */
export async function buildSceneFile(view: ViewAccess): Promise<{ bytes: Uint8Array; name: string }> {
  const current = sceneStore.getState().current;
  if (!current?.scene) throw new Error('this input has no 3D scene to save yet');
  const cloud = current.cloud;
  const v = view.get();
  const contents: SceneFileContents = {
    scene: current.scene,
    questions: questionsOf(current),
    photo: { bytes: await pngOf(current.rgb), mime: 'image/png', name: current.source.title.slice(0, 400) },
    ...(current.depth ? { depth: current.depth } : {}),
    ...(cloud && cloud.count > 0
      ? { pointCloud: { positions: cloud.positions.slice(0, cloud.count * 3), colors: cloud.colors.slice(0, cloud.count * 3), frame: 'canonical' as const } }
      : {}),
    ...(v ? { view: v } : {}),
    app: APP_NAME,
  };
  return { bytes: writeSceneFile(contents), name: fileName(current.source.title) };
}

export async function saveSceneFile(view: ViewAccess): Promise<void> {
  try {
    const { bytes, name } = await buildSceneFile(view);
    downloadFile(name, bytes, 'application/zip');
    notify('info', `Saved ${name} (${Math.round(bytes.length / 1024)} kB).`);
  } catch (e) {
    notify('error', `The scene could not be saved: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * A saved cloud has no pixel indices; measuring by clicking the cloud needs them, so they are found again
 * by projecting each point into the working image the scene is shown on (core/camera/project.ts).
 */
function cloudFrom(pc: NonNullable<SceneFileContents['pointCloud']>, scene: SceneGraph, image: { width: number; height: number }): PointCloud {
  const { rotation: R, translation: t } = scene.frame;
  const n = pc.positions.length / 3;
  const positions = new Float32Array(pc.positions);
  if (pc.frame === 'camera') {
    for (let i = 0; i < n; i++) {
      const x = positions[i * 3], y = positions[i * 3 + 1], z = positions[i * 3 + 2];
      positions[i * 3] = R[0] * x + R[1] * y + R[2] * z + t[0];
      positions[i * 3 + 1] = R[3] * x + R[4] * y + R[5] * z + t[1];
      positions[i * 3 + 2] = R[6] * x + R[7] * y + R[8] * z + t[2];
    }
  }
  const pixel = new Uint32Array(n);
  const project = canonicalToPixel(scene.frame, scene.camera.intrinsics, image.width, image.height);
  for (let i = 0; i < n; i++) pixel[i] = Math.max(0, project(positions[i * 3], positions[i * 3 + 1], positions[i * 3 + 2]));
  return { count: n, positions, colors: new Uint8Array(pc.colors), pixel };
}

export const isSceneFileName = (name: string): boolean => name.toLowerCase().endsWith(SCENE_FILE_EXTENSION);

/**
 * Open a `.spatiallens` file. Errors become a notice; the current scene stays as it was. The file's size
 * is checked before a byte is read; like every load it takes a ticket, so a newer load wins.
 */
export async function openSceneFile(file: Blob, name: string, view: ViewAccess): Promise<boolean> {
  const t = startLoad('Opening the scene file…');
  const fail = (why: string) => {
    failLoad(new SceneFileError(`“${name}” could not be opened: ${why}`), t);
    return false;
  };
  try {
    if (file.size > SCENE_FILE_LIMITS.maxFileBytes) {
      return fail(`it is ${Math.round(file.size / 1e6)} MB; scene files are at most ${SCENE_FILE_LIMITS.maxFileBytes / 1024 / 1024} MB`);
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    ensureCurrent(t);
    const r = readSceneFile(bytes);
    if (!r.ok) return fail(r.error);
    const c = r.contents;
    const K = c.scene.camera.intrinsics;
    const size = restoredImageSize(c.scene);
    let rgb = placeholderImage(size.width, size.height);
    const notes: string[] = [`Opened from the scene file ${name}${r.migratedFrom ? ` (version ${r.migratedFrom}, upgraded on opening)` : ''}.`];
    let photoProblem: string | null = null;
    if (c.photo) {
      const d = await restoredPhoto(c.photo.bytes, c.photo.mime, c.photo.name ?? `${name} (photo)`, c.scene, false);
      if ('rgb' in d) rgb = d.rgb;
      else {
        photoProblem = `The photo in the file could not be used (${d.error}); boxes are shown on a blank image.`;
        notes.push(photoProblem);
      }
    }
    const loaded = commitRestored({
      source: { kind: 'file', name, title: c.photo?.name ? `${c.photo.name} (file)` : name },
      rgb, depth: c.depth ?? null, intrinsics: K, intrinsicsSource: c.scene.camera.source, intrinsicsDetail: c.scene.camera.detail,
      scene: c.scene, cloud: c.pointCloud ? cloudFrom(c.pointCloud, c.scene, size) : null, notes,
    }, t);
    if (!loaded) return false;
    setPreparedQuestions(loaded.key, c.questions.map((q) => q.text).filter((t) => t.trim().length > 0));
    const { mismatches } = restoreQuestions(c.questions, r.answerChecks);
    if (c.view) view.set(c.view);
    if (mismatches.length > 0) {
      notify('warning', `${mismatches.length} saved answer(s) in “${name}” do not match its scene: the answers shown are recomputed here.`);
    } else if (photoProblem) {
      notify('warning', `“${name}”: ${photoProblem}`);
    } else if (r.migratedFrom) {
      notify('info', `“${name}” is an older (version ${r.migratedFrom}) scene file; it was upgraded on opening.`);
    }
    return true;
  } catch (e) {
    failLoad(e instanceof SceneFileError ? e : new SceneFileError(`“${name}” could not be opened: ${e instanceof Error ? e.message : String(e)}`), t);
    return false;
  }
}
