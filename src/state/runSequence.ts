/**
 * Runs a sequence in the page: frames stream in (video through WebCodecs, photos, RGB-D pairs), each is
 * turned into depth + objects (given depth and sidecars, or the models when asked), processed by the
 * sequence core (geometry + tracking) and dropped; only its record and a small thumbnail stay.
 * Cancellable; a newer run cancels the one before it. The time left is the mean time per frame so far
 * times the frames left.
 */
import { photoIntrinsics } from '../core/camera/fromExif';
import { SequenceProcessor, type CameraMode, type FrameRecord, type SequenceFrameInput } from '../core/sequence';
import type { RGBAImage } from '../core/geometry/raster';
import { loadPhoto, type InputFile } from '../io/photoInput';
import { browserPhotoDecoder } from '../io/photoDecode';
import { planSequence, SequenceFolderError } from '../io/sequenceFolder';
import { readSequenceFrame, type SequenceCamera } from '../io/sequenceFrames';
import { thumbnailOfRgba, VideoFrames, VideoInputError, MAX_FRAMES } from '../io/videoFrames';
import { getPipeline } from './runModels';
import { defaultPick, initialSequenceState, sequenceStore, type SequenceSourceKind } from './sequenceStore';

export interface SequenceRunOptions {
  /** Frames a second taken from a video (default 2). */
  fps: number;
  camera: CameraMode;
  /** Run the models on frames without depth (downloads them on first use). */
  useModels: boolean;
}

let running: AbortController | null = null;

const why = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const pause = () => new Promise<void>((r) => setTimeout(r, 0));
const heap = (): number | null => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null;
const relPath = (f: File): string => (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;

/** One frame from any source, before geometry: depth may be missing (then models, or a gap). */
interface RawFrame {
  timestamp: number;
  rgb: RGBAImage | null;
  depth: SequenceFrameInput['depth'];
  objects: SequenceFrameInput['objects'];
  camera: SequenceCamera | null;
  thumb: Blob | null;
  error?: string;
  noDepth?: boolean;
}

export function cancelSequence(): void {
  running?.abort();
}

export function resetSequence(): void {
  running?.abort();
  for (const u of sequenceStore.getState().thumbs) if (u) URL.revokeObjectURL(u);
  sequenceStore.setState(initialSequenceState());
}

async function* videoSource(file: File, o: SequenceRunOptions, signal: AbortSignal, setTotal: (n: number, note: string | null) => void): AsyncGenerator<RawFrame> {
  const v = await VideoFrames.open(file, file.name, { fps: o.fps, maxFrames: MAX_FRAMES });
  try {
    setTotal(v.plan.timestamps.length, v.plan.message);
    const size = { width: v.plan.width, height: v.plan.height };
    const est = photoIntrinsics({}, size, size);
    const camera: SequenceCamera = { intrinsics: est.intrinsics, source: est.source, detail: `${est.detail} (a video carries no focal length)`, size };
    for await (const f of v.frames(signal)) {
      yield { timestamp: f.timestamp, rgb: f.rgb, depth: null, objects: [], camera, thumb: f.thumbnail, noDepth: true };
    }
  } finally {
    v.dispose();
  }
}

async function* fileSource(files: File[], signal: AbortSignal, setTotal: (n: number, note: string | null) => void, notes: (n: string[]) => void): AsyncGenerator<RawFrame> {
  const named = files.map((f) => ({ name: f.name, path: relPath(f), file: f }));
  const plan = await planSequence(named, (f) => f.file.text());
  const frames = plan.frames.slice(0, MAX_FRAMES);
  setTotal(frames.length, plan.frames.length > MAX_FRAMES ? `${plan.frames.length} frames: the first ${MAX_FRAMES} are used.` : null);
  notes(plan.notes);
  const open = (f: { file: File; path: string }): InputFile => ({ blob: f.file, name: f.path });
  let camera: SequenceCamera | null = null;
  for (const frame of frames) {
    if (signal.aborted) return;
    if (!frame.depth) {
      // photos without depth: decoded for the models (or shown as a gap)
      try {
        const p = await loadPhoto(open(frame.photo), browserPhotoDecoder, { sidecar: frame.sidecar ? open(frame.sidecar) : undefined });
        const size = { width: p.rgb.width, height: p.rgb.height };
        camera ??= { intrinsics: p.camera.intrinsics, source: p.camera.source, detail: p.camera.detail, size };
        yield { timestamp: frame.timestamp, rgb: p.rgb, depth: null, objects: (p.objects ?? []).map((o) => ({ ...o })), camera, thumb: await thumbnailOfRgba(p.rgb), noDepth: true };
      } catch (e) {
        yield { timestamp: frame.timestamp, rgb: null, depth: null, objects: [], camera, thumb: null, error: `${frame.photo.path}: ${why(e)}` };
      }
      continue;
    }
    const r = await readSequenceFrame(plan, frame, open, browserPhotoDecoder, camera);
    if (!r.ok) {
      yield { timestamp: r.timestamp, rgb: null, depth: null, objects: [], camera, thumb: null, error: r.error };
      continue;
    }
    camera = r.camera;
    yield { timestamp: r.input.timestamp, rgb: r.input.rgb ?? null, depth: r.input.depth, objects: r.input.objects, camera, thumb: r.input.rgb ? await thumbnailOfRgba(r.input.rgb) : null };
  }
}

/** Depth and objects for a frame that has none, from the models. */
async function withModels(f: RawFrame, signal: AbortSignal): Promise<RawFrame> {
  if (!f.rgb || !f.camera) return f;
  const p = await getPipeline();
  const r = await p.run({
    rgb: f.rgb, intrinsics: f.camera.intrinsics, intrinsicsSource: f.camera.source, intrinsicsDetail: f.camera.detail,
    ...(f.objects.length ? { objects: f.objects.map((o) => ({ caption: o.caption, box2d: o.box2d })) } : {}),
  }, signal);
  return { ...f, depth: r.depth, objects: r.scene.objects.map((o) => ({ id: o.id, caption: o.caption, box2d: o.box2d, mask: o.mask })), noDepth: false };
}

export async function startSequence(kind: SequenceSourceKind, files: File[], o: SequenceRunOptions): Promise<void> {
  resetSequence();
  const controller = new AbortController();
  running = controller;
  const signal = controller.signal;
  const name = kind === 'video' ? files[0]?.name ?? 'video' : `${files.length} files`;
  const startedAt = performance.now();
  const set = sequenceStore.setState;
  set({ status: 'running', source: { kind, name }, progress: { done: 0, total: 0, startedAt, secondsLeft: null }, peakHeap: heap() });
  const addNotes = (n: string[]) => set((s) => ({ notes: [...s.notes, ...n] }));
  const setTotal = (n: number, note: string | null) => {
    set((s) => ({ progress: { ...s.progress, total: n } }));
    if (note) addNotes([note]);
  };
  let proc: SequenceProcessor | null = null;
  const pending: RawFrame[] = [];
  let modelsNoted = false;
  try {
    const source = kind === 'video' ? videoSource(files[0], o, signal, setTotal) : fileSource(files, signal, setTotal, addNotes);
    for await (let f of source) {
      if (signal.aborted) break;
      if (!f.depth && f.noDepth && o.useModels) {
        try {
          f = await withModels(f, signal);
        } catch (e) {
          if (signal.aborted) break;
          f = { ...f, error: `the models could not run: ${why(e)}` };
        }
      } else if (!f.depth && f.noDepth && !modelsNoted) {
        modelsNoted = true;
        addNotes(['Frames without a depth file need the models for depth and objects: tick "Use the models" (they download on first use). Without them those frames are gaps.']);
      }
      const thumb = f.thumb ? URL.createObjectURL(f.thumb) : null;
      if (!proc && f.camera) {
        proc = new SequenceProcessor({
          intrinsics: f.camera.intrinsics, intrinsicsSource: f.camera.source, intrinsicsDetail: f.camera.detail, camera: o.camera,
          provenance: { depthSource: kind === 'rgbd' ? 'depth files' : 'metric depth model', objectsSource: 'sidecars or the detector', createdAt: new Date().toISOString(), app: 'SpatialLens sequence' },
        });
      }
      const recs: { rec: FrameRecord; thumb: string | null }[] = [];
      if (!proc) {
        pending.push(f);
      } else {
        const p = proc;
        const one = (g: RawFrame): FrameRecord =>
          g.error ? p.skip(g.timestamp, g.error) : p.process({ timestamp: g.timestamp, depth: g.depth, rgb: g.rgb ?? undefined, objects: g.depth ? g.objects : [] });
        for (const g of pending.splice(0)) recs.push({ rec: one(g), thumb: null });
        recs.push({ rec: one(f), thumb });
      }
      if (f.error) addNotes([f.error]);
      const h = heap();
      set((s) => {
        const done = s.records.length + recs.length;
        const elapsed = (performance.now() - startedAt) / 1000;
        return {
          records: [...s.records, ...recs.map((r) => r.rec)],
          thumbs: [...s.thumbs, ...recs.map((r) => r.thumb)],
          tracks: p2tracks(proc),
          progress: { ...s.progress, done, secondsLeft: done > 0 && s.progress.total > done ? (elapsed / done) * (s.progress.total - done) : 0 },
          peakHeap: h !== null ? Math.max(s.peakHeap ?? 0, h) : s.peakHeap,
        };
      });
      await pause();
    }
    const tracks = p2tracks(proc);
    set((s) => ({
      status: signal.aborted ? 'cancelled' : 'done',
      tracks,
      camera: proc?.describeCamera() ?? '',
      pick: { ...s.pick, ...defaultPick(tracks) },
      progress: { ...s.progress, secondsLeft: 0 },
    }));
    if (signal.aborted) addNotes([`Cancelled after ${sequenceStore.getState().records.length} frames: the curve shows those.`]);
  } catch (e) {
    const known = e instanceof VideoInputError || e instanceof SequenceFolderError;
    set({ status: 'error', error: known ? why(e) : `Something went wrong: ${why(e)}` });
    if (!known) console.error(e);
  } finally {
    if (running === controller) running = null;
  }
}

const p2tracks = (p: SequenceProcessor | null) => p?.tracks() ?? [];
