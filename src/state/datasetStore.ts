/**
 * Dataset export: many photos (or RGB-D pairs, with optional objects sidecars) -> spatial QA pairs -> both
 * JSONL forms and a zip. One photo at a time; scene building runs in the geometry worker, so the page
 * stays responsive. Photos without depth need the models; with the models off (or unreachable) they fail
 * with their reason and are listed in the export, never dropped.
 */
import { createStore } from 'zustand/vanilla';
import type { SceneGraph } from '../core/scene/types';
import type { UnitSystem } from '../core/units/length';
import { DATASET_SCHEMA_VERSION, synthesizeQA, toJsonl, type DatasetImage, type QAPair } from '../core/synth';
import { browserPhotoDecoder } from '../io/photoDecode';
import { DEPTH_SCALES, loadPhoto, loadRgbdInput, rgbdStride, type DepthScale, type InputFile, type LoadedRgbd } from '../io/photoInput';
import { buildDatasetZip } from '../io/datasetZip';
import { stripGps } from '../io/stripGps';
import { pairFiles, type PhotoEntry } from '../io/pairFiles';
import { APP_NAME } from './loadScene';
import { getPipeline } from './runModels';
import { buildSceneOffThread, releaseSceneBuilder } from './sceneBuilder';
import * as Q from './datasetQueue';

export interface DatasetOptions {
  seed: number;
  maxPairs: number;
  phrasings: number;
  units: UnitSystem;
  /** Depth unit for every pair unless a photo overrides it. */
  depthScale: DepthScale;
  /** Photos without depth go through the models (downloads them on first use). */
  useModels: boolean;
  pauseOnFailure: boolean;
  /** fx, fy, cx, cy in the photos' original pixels for every photo; empty -> EXIF or the default guess. */
  intrinsics: { fx?: number; fy?: number; cx?: number; cy?: number };
  /** Keep the photos' GPS location in the zip (off by default: a dataset should not say where people live). */
  keepGps: boolean;
}

export interface DatasetPhoto {
  id: string;
  entry: PhotoEntry<PickedFile>;
  /** Per-photo override of the depth unit (TUM next to NYU in one batch). */
  depthScale?: DepthScale;
}

export interface PhotoResult {
  image: DatasetImage;
  bytes: Uint8Array;
  objects: number;
  ms: number;
}

export interface DatasetState {
  photos: DatasetPhoto[];
  ignored: { name: string; reason: string }[];
  queue: Q.QueueState | null;
  results: Record<string, PhotoResult>;
  options: DatasetOptions;
  running: boolean;
}

export const DEFAULT_DATASET_OPTIONS: DatasetOptions = {
  seed: 1, maxPairs: 60, phrasings: 1, units: 'metric', depthScale: 'mm', useModels: false, pauseOnFailure: false, intrinsics: {}, keepGps: false,
};

/** A picked file with the folder path pairing compares (when a folder was picked). */
export interface PickedFile {
  name: string;
  path?: string;
  file: File;
}

const fileName = (f: PickedFile): string => f.path ?? f.name;

export interface DatasetActions {
  /** New files replace the batch (results of the old one are gone: they would not match the new list). */
  setDatasetFiles(files: File[]): void;
  setDatasetOptions(patch: Partial<DatasetOptions>): void;
  setPhotoDepthScale(id: string, scale: DepthScale): void;
  /** The queue moved on by `f` (nothing when there is no batch). */
  updateQueue(f: (q: Q.QueueState) => Q.QueueState): void;
}

export const datasetStore = createStore<DatasetState & DatasetActions>()((set, get) => ({
  photos: [], ignored: [], queue: null, results: {}, options: DEFAULT_DATASET_OPTIONS, running: false,
  setDatasetFiles: (files) => {
    if (get().running) return;
    const { entries, ignored } = pairFiles(files.map((file): PickedFile => ({ name: file.name, path: file.webkitRelativePath || undefined, file })));
    set({
      photos: entries.map((entry, i) => ({ id: `p${i + 1}`, entry })),
      ignored: ignored.map((x) => ({ name: fileName(x.file), reason: x.reason })),
      queue: null,
      results: {},
    });
  },
  setDatasetOptions: (patch) => set((s) => ({ options: { ...s.options, ...patch } })),
  setPhotoDepthScale: (id, scale) => set((s) => ({ photos: s.photos.map((p) => (p.id === id ? { ...p, depthScale: scale } : p)) })),
  updateQueue: (f) => {
    const q = get().queue;
    if (q) set({ queue: f(q) });
  },
}));
export const { setDatasetFiles, setDatasetOptions, setPhotoDepthScale } = datasetStore.getState();
const setQueue = datasetStore.getState().updateQueue;

export function startExport(): void {
  const s = datasetStore.getState();
  if (s.running || s.photos.length === 0) return;
  datasetStore.setState({ queue: Q.createQueue(s.photos.map((p) => ({ id: p.id, name: fileName(p.entry.photo) })), s.options.pauseOnFailure), results: {} });
  void pump();
}

export const pauseExport = (): void => setQueue(Q.pause);
export function resumeExport(): void {
  setQueue(Q.resume);
  void pump();
}
export function skipFailedPhotos(): void {
  setQueue(Q.skipFailures);
  void pump();
}
export function retryPhotos(id?: string): void {
  setQueue((q) => Q.retry(q, id));
  void pump();
}

/** Runs queued photos one after another until the queue is paused or settled. */
async function pump(): Promise<void> {
  if (datasetStore.getState().running) return;
  datasetStore.setState({ running: true });
  try {
    for (;;) {
      const q = datasetStore.getState().queue;
      const item = q && Q.nextToRun(q);
      if (!item) return;
      setQueue((qq) => Q.start(qq, item.id));
      const photo = datasetStore.getState().photos.find((p) => p.id === item.id);
      const report = (fraction: number, step: string) => setQueue((qq) => Q.progress(qq, item.id, fraction, step));
      try {
        if (!photo) throw new Error('photo is no longer in the batch');
        const index = datasetStore.getState().photos.indexOf(photo);
        const r = await processPhoto(photo, index, datasetStore.getState().options, report);
        datasetStore.setState((s) => ({ results: { ...s.results, [item.id]: r } }));
        setQueue((qq) => Q.complete(qq, item.id, { pairs: r.image.pairs.length, objects: r.objects }));
      } catch (e) {
        setQueue((qq) => Q.fail(qq, item.id, e instanceof Error ? e.message : String(e)));
      }
      // Let the page paint between photos.
      await new Promise<void>((r) => setTimeout(r, 0));
    }
  } finally {
    releaseSceneBuilder(); // the worker's memory goes back between batches
    datasetStore.setState({ running: false });
  }
}

/** `images/0001_name.jpg`: unique (numbered), zip-safe (no slashes or odd characters), readable. */
export function datasetImageName(index: number, original: string, format: string): string {
  const base = original.replace(/^.*\//, '').replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60) || 'photo';
  const ext = format === 'jpeg' ? 'jpg' : format;
  return `images/${String(index + 1).padStart(4, '0')}_${base}.${ext}`;
}

type Report = (fraction: number, step: string) => void;

/** The scene of an RGB-D photo, built in the app's geometry worker (state/sceneBuilder.ts: restarts, time limit). */
async function buildInWorker(input: LoadedRgbd, depthSource: string, objectsSource: string): Promise<SceneGraph> {
  const { intrinsics, source, detail } = input.camera;
  const r = await buildSceneOffThread({
    depth: input.depth, intrinsics, intrinsicsSource: source, intrinsicsDetail: detail, rgb: input.rgb,
    // Same stride as a single RGB-D pair in the app, so the dataset says what the app would answer.
    objects: input.objects ?? [], stride: rgbdStride(input.depth), depthRelativeError: input.depthRelativeError,
    provenance: { depthSource, objectsSource, createdAt: new Date().toISOString(), app: APP_NAME, imageName: input.name, notes: [] },
  });
  return r.scene;
}

const inputFile = (f: PickedFile): InputFile => ({ blob: f.file, name: fileName(f) });
const MODELS_OFF = 'no depth file, and the models are off: add its depth PNG, or turn on “Use the models for photos without depth” (downloads them on first use)';

/** A photo with its depth file: io/photoInput.ts's loadRgbdInput (as the app's RGB-D pair), then the geometry worker. */
async function rgbdScene(p: DatasetPhoto, opts: DatasetOptions, report: Report): Promise<{ scene: SceneGraph; bytes: Uint8Array; format: string }> {
  const { photo, depth, sidecar } = p.entry;
  if (!depth) throw new Error(MODELS_OFF);
  const scale = p.depthScale ?? opts.depthScale;
  const input = await loadRgbdInput({
    photo: inputFile(photo), depth: inputFile(depth), metresPerUnit: DEPTH_SCALES[scale].metresPerUnit,
    intrinsics: opts.intrinsics, intrinsicsDetail: 'entered in the dataset export options',
    ...(sidecar ? { sidecar: inputFile(sidecar) } : {}),
  }, browserPhotoDecoder);
  report(0.4, 'building the 3D scene');
  const scene = await buildInWorker(input, `depth file ${fileName(depth)} (${DEPTH_SCALES[scale].label})`, sidecar ? `sidecar ${fileName(sidecar)}` : 'none (no sidecar)');
  return { scene, bytes: input.bytes, format: input.format };
}

/** A photo without depth: the models (the page's one pipeline). */
async function modelScene(p: DatasetPhoto, opts: DatasetOptions, report: Report): Promise<{ scene: SceneGraph; bytes: Uint8Array; format: string }> {
  const { photo: photoFile, sidecar } = p.entry;
  const photo = await loadPhoto(inputFile(photoFile), browserPhotoDecoder, {
    intrinsics: opts.intrinsics, intrinsicsDetail: 'entered in the dataset export options', ...(sidecar ? { sidecar: inputFile(sidecar) } : {}),
  });
  // the photo is read first: a damaged one fails with its own reason, not with "models off"
  if (!opts.useModels) throw new Error(MODELS_OFF);
  report(0.2, 'running the models');
  const { intrinsics, source, detail } = photo.camera;
  try {
    const pipeline = await getPipeline();
    const r = await pipeline.run({ rgb: photo.rgb, name: photo.name, intrinsics, intrinsicsSource: source, intrinsicsDetail: detail, ...(photo.objects ? { objects: photo.objects } : {}) });
    return { scene: r.scene, bytes: photo.bytes, format: photo.format };
  } catch (e) {
    throw new Error(`the models could not run (${e instanceof Error ? e.message : String(e)}); add a depth PNG for this photo or set a reachable model host in Settings`);
  }
}

async function processPhoto(p: DatasetPhoto, index: number, opts: DatasetOptions, report: Report): Promise<PhotoResult> {
  const t0 = performance.now();
  const name = fileName(p.entry.photo);
  report(0.05, 'reading the photo');
  const { scene, bytes, format } = p.entry.depth ? await rgbdScene(p, opts, report) : await modelScene(p, opts, report);
  report(0.85, 'writing questions');
  const { pairs } = synthesizeQA(scene, { seed: opts.seed, maxPairs: opts.maxPairs, phrasingsPerQuery: opts.phrasings, units: opts.units });
  const image = datasetImageName(index, name, format);
  return {
    image: {
      id: image.slice('images/'.length).replace(/\.[^.]+$/, ''),
      image,
      pairs,
      source: {
        photo: name,
        depth: scene.provenance.depthSource,
        objects: scene.provenance.objectsSource,
        intrinsics: `${scene.camera.source}: ${scene.camera.detail}`,
        frame: `${scene.frame.method} (${scene.frame.confidence})`,
      },
    },
    bytes,
    objects: scene.objects.length,
    ms: performance.now() - t0,
  };
}

/** Done photos in batch order. */
export function doneResults(s: DatasetState = datasetStore.getState()): PhotoResult[] {
  const done = new Set(s.queue?.items.filter((it) => it.status === 'done').map((it) => it.id) ?? []);
  return s.photos.filter((p) => done.has(p.id) && s.results[p.id]).map((p) => s.results[p.id]);
}

export function previewPairs(s: DatasetState, n = 5): { image: string; pair: QAPair }[] {
  const out: { image: string; pair: QAPair }[] = [];
  for (const r of doneResults(s)) for (const pair of r.image.pairs) if (out.length < n) out.push({ image: r.image.image, pair });
  return out;
}

export function datasetJsonl(s: DatasetState = datasetStore.getState()): { conversations: string; flat: string } {
  return toJsonl(doneResults(s).map((r) => r.image));
}

/** The zip: images the lines name, both JSONL files, README with schema version, counts and failures. */
export function datasetZip(s: DatasetState = datasetStore.getState()): Uint8Array {
  const done = doneResults(s);
  const { conversations, flat } = datasetJsonl(s);
  const withPairs = done.filter((r) => r.image.pairs.length > 0);
  const empty = done.filter((r) => r.image.pairs.length === 0).map((r) => r.image.source?.photo ?? r.image.id);
  const failed = s.queue ? Q.failures(s.queue) : [];
  const description = [
    `Made in ${APP_NAME} (dataset export) from ${s.photos.length} photos: ${done.length} processed, ${withPairs.length} with QA pairs, ${failed.length} failed.`,
    `Options: seed ${s.options.seed}, at most ${s.options.maxPairs} pairs per image, ${s.options.phrasings} phrasing(s) per question, ${s.options.units} units.`,
    s.options.keepGps ? 'GPS location in the photos was kept (chosen in the export options).' : 'GPS location (EXIF and XMP) was removed from the photos; other EXIF tags are kept.',
    empty.length ? `Processed without QA pairs (no usable objects): ${empty.join(', ')}.` : '',
  ].filter(Boolean).join('\n\n');
  return buildDatasetZip({
    // GPS location is removed unless the person chose to keep it (io/stripGps.ts: in place, other EXIF kept)
    images: withPairs.map((r) => ({ name: r.image.image, bytes: s.options.keepGps ? r.bytes : stripGps(r.bytes).bytes })),
    conversationsJsonl: conversations,
    flatJsonl: flat,
    counts: { images: withPairs.length, qaPairs: withPairs.reduce((n, r) => n + r.image.pairs.length, 0), failed },
    schemaVersion: DATASET_SCHEMA_VERSION,
    description,
  });
}
