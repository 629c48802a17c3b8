/**
 * Inputs -> LoadedScene: bundled samples (exact rendered depth + masks), RGB-D pairs (photo + depth file),
 * and plain photos (as far as the app can go without models). A failed load leaves the current scene as
 * it was and says why in a notice.
 */
import type { RGBAImage } from '../core/geometry/raster';
import type { Intrinsics, IntrinsicsSource } from '../core/camera/intrinsics';
import type { Box2D, MaskRLE, SceneProvenance } from '../core/scene/types';
import { decodeDepthPng, DepthFileError } from '../io/depthFile';
import { fetchPhoto, ImageInputError } from '../io/imageInput';
import { browserPhotoDecoder, decodeImageBytesTo } from '../io/photoDecode';
import { SidecarError } from '../io/objectsSidecar';
import { DEPTH_SCALES, loadPhoto, loadRgbdInput, rgbdStride, type DepthScale, type InputFile, type LoadedPhoto } from '../io/photoInput';
import type { GivenIntrinsics } from '../core/camera/fromExif';
import { emptyMeasure, notify, sceneStore, type LoadedScene, type SceneSourceKind } from './sceneStore';
import { questionsStore } from './questionsStore';
import { ensureCurrent, finishLoad, loadStep, startLoad, SupersededLoad, type LoadTicket } from './loadSequence';
import { buildSceneOffThread } from './sceneBuilder';

export const APP_NAME = 'SpatialLens 0.1';

export interface SampleInfo {
  name: string;
  title: string;
  description: string;
}

export interface SampleSceneFile {
  name: string;
  title: string;
  image: { width: number; height: number };
  intrinsics: Intrinsics;
  depth: { file: string; scale: number };
  rgb: string;
  objects: { id: string; caption: string; box2d: Box2D; mask: MaskRLE }[];
}

const base = (): string => import.meta.env.BASE_URL ?? '/';
export const sampleUrl = (name: string, file: string): string => `${base()}samples/${name}/${file}`;

let loadCounter = 0;

async function fetchBytes(url: string, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
  const res = await fetch(url, { signal });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export async function listSamples(): Promise<SampleInfo[]> {
  const res = await fetch(`${base()}samples/index.json`);
  if (!res.ok) throw new Error(`sample list: HTTP ${res.status}`);
  return (await res.json()) as SampleInfo[];
}

function provenance(depthSource: string, objectsSource: string, imageName: string, notes: string[] = []): SceneProvenance {
  return { depthSource, objectsSource, createdAt: new Date().toISOString(), app: APP_NAME, imageName, notes };
}

/** Commit a load's scene if it is still the latest; the ticket's spinner ends with it. */
function commit(loaded: LoadedScene, t: LoadTicket): boolean {
  if (!t.isCurrent()) return false;
  // before the scene changes: a question held during the load is answered on the new scene (state/ask.ts)
  questionsStore.setState({ activeId: null });
  return finishLoad(t, {
    notice: null,
    current: loaded,
    highlight: [],
    visuals: [],
    measure: emptyMeasure(),
    viewResets: sceneStore.getState().viewResets + 1,
  });
}

/** Make a scene restored from a link or a scene file current (no model, no scene building). */
export function commitRestored(loaded: Omit<LoadedScene, 'key'>, t: LoadTicket): LoadedScene | null {
  const full: LoadedScene = { ...loaded, key: `${loaded.source.kind}:${loaded.source.name}:${++loadCounter}` };
  return commit(full, t) ? full : null;
}

/** A failed load says why (only the latest: a superseded one is silent) and leaves the scene as it was. */
export function failLoad(e: unknown, t: LoadTicket, prefix = ''): void {
  if (e instanceof SupersededLoad || (e instanceof DOMException && e.name === 'AbortError') || !finishLoad(t)) return;
  const known = e instanceof ImageInputError || e instanceof DepthFileError || e instanceof SidecarError || (e instanceof Error && e.name === 'SceneFileError');
  const text = e instanceof Error ? e.message : String(e);
  notify('error', prefix + (known ? text : `Something went wrong: ${text}`));
  if (!known) console.error(e);
}

/** Lets the spinner paint between steps. */
const nextFrame = () => new Promise<void>((r) => setTimeout(r, 0));

export async function loadSample(name: string): Promise<void> {
  const t = startLoad('Loading sample scene…');
  try {
    const res = await fetch(sampleUrl(name, 'scene.json'), { signal: t.signal });
    if (!res.ok) throw new Error(`sample "${name}" is missing (HTTP ${res.status})`);
    const file = (await res.json()) as SampleSceneFile;
    const [rgbBytes, depthBytes] = await Promise.all([fetchBytes(sampleUrl(name, file.rgb), t.signal), fetchBytes(sampleUrl(name, file.depth.file), t.signal)]);
    ensureCurrent(t);
    const depth = decodeDepthPng(depthBytes, { kind: 'scale', metresPerUnit: file.depth.scale });
    const rgb = await decodeImageBytesTo(rgbBytes, 'image/png', `${name}/${file.rgb}`, { width: depth.width, height: depth.height });
    loadStep(t, 'Building the 3D scene…');
    await nextFrame();
    const objects = file.objects.map((o) => ({ id: o.id, caption: o.caption, box2d: o.box2d, mask: o.mask }));
    const built = await buildIfPossible({
      kind: 'sample', name, title: file.title, rgb, depth, intrinsics: file.intrinsics, source: 'explicit',
      detail: 'renderer camera (exact)', objects,
      prov: provenance('rendered sample: exact depth from ray casting', 'sample annotations: rendered masks', `${name}/rgb.png`),
    }, t);
    commit(built, t);
  } catch (e) {
    failLoad(e, t);
  }
}

interface BuildArgs {
  kind: SceneSourceKind;
  name: string;
  title: string;
  rgb: RGBAImage;
  depth: LoadedScene['depth'];
  intrinsics: Intrinsics;
  source: IntrinsicsSource;
  detail: string;
  objects: { id: string; caption: string; box2d: Box2D; mask?: MaskRLE }[];
  prov: SceneProvenance;
  notes?: string[];
  /** Relative depth error when the depth is a sensor's (an RGB-D pair); absent: model depth's default. */
  depthRelativeError?: number;
}

async function buildIfPossible(a: BuildArgs, t: LoadTicket): Promise<LoadedScene> {
  const notes = [...(a.notes ?? [])];
  const loaded: LoadedScene = {
    key: `${a.kind}:${a.name}:${++loadCounter}`,
    source: { kind: a.kind, name: a.name, title: a.title },
    rgb: a.rgb, depth: a.depth, intrinsics: a.intrinsics, intrinsicsSource: a.source, intrinsicsDetail: a.detail,
    scene: null, cloud: null, notes,
  };
  if (!a.depth) return loaded;
  const t0 = performance.now();
  const stride = rgbdStride(a.depth);
  const out = await buildSceneOffThread({
    depth: a.depth, intrinsics: a.intrinsics, intrinsicsSource: a.source, intrinsicsDetail: a.detail,
    rgb: a.rgb, objects: a.objects, provenance: a.prov, stride,
    ...(a.depthRelativeError === undefined ? {} : { depthRelativeError: a.depthRelativeError }),
  }, t.signal);
  ensureCurrent(t);
  loaded.scene = out.scene;
  loaded.cloud = out.cloud;
  loaded.timings = { ...out.timings, total: performance.now() - t0 };
  return loaded;
}

/** A photo without depth: decode it, read what we can, and say what would come next. */
export async function loadPhotoFile(file: Blob, name?: string): Promise<void> {
  const t = startLoad('Reading the photo…');
  try {
    await commitPhoto(await loadPhoto({ blob: file, name: name ?? ((file as File).name || 'photo') }, browserPhotoDecoder), t);
  } catch (e) {
    failLoad(e, t);
  }
}

export async function loadPhotoUrl(url: string): Promise<void> {
  const t = startLoad('Fetching the photo…');
  try {
    await commitPhoto(await loadPhoto(await fetchPhoto(url, t.signal), browserPhotoDecoder), t);
  } catch (e) {
    failLoad(e, t);
  }
}

async function commitPhoto(photo: LoadedPhoto, t: LoadTicket): Promise<void> {
  ensureCurrent(t);
  const { intrinsics: K, source, detail } = photo.camera;
  const scaled = photo.original.width !== photo.rgb.width ? ` (working size ${photo.rgb.width} × ${photo.rgb.height})` : '';
  const loaded = await buildIfPossible({
    kind: 'photo', name: photo.name, title: photo.name, rgb: photo.rgb, depth: null, intrinsics: K, source, detail,
    objects: [], prov: provenance('none', 'none', photo.name),
    notes: [
      `Photo ${photo.original.width} × ${photo.original.height}${scaled}.`,
      'No depth yet: run the models to find objects and depth (the first run downloads them), or add a depth file (RGB-D pair) to measure without models.',
    ],
  }, t);
  if (commit(loaded, t)) notify('info', 'Photo loaded. Depth and objects need the models: press “Find objects and depth”, or load it with a depth file.');
}

export { DEPTH_SCALES, MAX_DEPTH_FILE_BYTES, type DepthScale } from '../io/photoInput';

export interface RgbdOptions {
  scale: DepthScale;
  /** fx, fy, cx, cy in the photo's original pixels; any missing -> EXIF or default */
  intrinsics?: GivenIntrinsics;
  /** `[{caption, box: [x0, y0, x1, y1]}]` in the photo's pixels (src/io/objectsSidecar.ts): objects without a detector */
  objectsFile?: Blob;
}

const named = (blob: Blob, fallback: string): InputFile => ({ blob, name: (blob as File).name || fallback });

/**
 * An RGB-D pair: the photo and a 16-bit depth PNG. No models needed; no objects without a detector.
 * Both headers are checked (and their shapes compared) before either is decoded; the photo is decoded
 * straight at the depth map's size, never at its own.
 */
export async function loadRgbdPair(photoFile: Blob, depthFile: Blob, opts: RgbdOptions): Promise<void> {
  const t = startLoad('Reading the photo and depth…');
  try {
    const input = await loadRgbdInput({
      photo: named(photoFile, 'photo'), depth: named(depthFile, 'depth'), metresPerUnit: DEPTH_SCALES[opts.scale].metresPerUnit,
      intrinsics: opts.intrinsics, intrinsicsDetail: 'entered with the depth file',
      ...(opts.objectsFile ? { sidecar: named(opts.objectsFile, 'objects.json') } : {}),
    }, browserPhotoDecoder);
    ensureCurrent(t);
    const { rgb, depth, objects, camera: { intrinsics: K, source, detail } } = input;
    const photoName = input.name;
    const depthName = (depthFile as File).name || 'depth';
    const objectsName = opts.objectsFile ? (opts.objectsFile as File).name || 'objects.json' : '';
    const problem = input.depthWarning;
    loadStep(t, 'Building the 3D scene…');
    await nextFrame();
    const loaded = await buildIfPossible({
      kind: 'rgbd', name: photoName, title: `${photoName} + depth`, rgb, depth, intrinsics: K, source, detail, objects: objects ?? [],
      depthRelativeError: input.depthRelativeError,
      prov: provenance(`depth file ${depthName} (${DEPTH_SCALES[opts.scale].label})`, objectsName ? `boxes from ${objectsName}` : 'none (no detector loaded)', photoName),
      notes: [...(problem ? [problem] : []), ...(objectsName ? [] : ['No object detector is loaded, so this scene has no objects: click two points on the photo to measure.'])],
    }, t);
    if (commit(loaded, t) && problem) notify('warning', problem);
  } catch (e) {
    failLoad(e, t);
  }
}
