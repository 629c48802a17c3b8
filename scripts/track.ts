/**
 * npm run track -- <sequence folder> --between "<A>" "<B>" --measure distance --out <dir>
 *   [--ask "distance between the can and the orange"] [--camera static|moving] [--max-frames 300]
 *
 * A spatial measure over an RGB-D sequence, headless: the same planner (src/io/sequenceFolder.ts), loader
 * (loadRgbdInput) and sequence core (src/core/sequence) the app's Sequence panel runs. Frames are read,
 * processed and dropped one at a time. Writes <out>/curve.csv, curve.json and curve.png.
 * Exit codes: 0 done, 1 nothing to measure (tracks not found), 2 bad arguments or folder.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCurve, curveToCsv, curveToJson, findTrack, isSequenceMeasure, pickTracks, SequenceProcessor, type CameraMode, type Curve, type FrameRecord, type SequenceMeasure } from '../src/core/sequence';
import { planSequence, SequenceFolderError } from '../src/io/sequenceFolder';
import { readSequenceFrame, type FrameRead, type SequenceCamera } from '../src/io/sequenceFrames';
import { bytesPhotoDecoder } from '../src/io/imageDecode';
import { plotCurvePng } from './track/plotPng';

export const MAX_FRAMES = 300;

export interface TrackArgs {
  folder: string;
  between?: [string, string];
  ask?: string;
  measure: SequenceMeasure;
  out: string;
  camera: CameraMode;
  maxFrames: number;
}

export class UsageError extends Error {}

export function parseTrackArgs(argv: string[]): TrackArgs {
  const usage = 'usage: npm run track -- <sequence folder> --between "<A>" "<B>" --measure distance --out <dir> [--camera static|moving] [--max-frames N]';
  let folder: string | undefined, out: string | undefined, ask: string | undefined;
  let between: [string, string] | undefined;
  let measure = 'distance', camera = 'static', maxFrames = MAX_FRAMES;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => { const v = argv[++i]; if (v === undefined) throw new UsageError(`${a} needs a value\n${usage}`); return v; };
    if (a === '--between') between = [next(), next()];
    else if (a === '--measure') measure = next();
    else if (a === '--out') out = next();
    else if (a === '--ask') ask = next();
    else if (a === '--camera') camera = next();
    else if (a === '--max-frames') maxFrames = Number(next());
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}\n${usage}`);
    else if (!folder) folder = a;
    else throw new UsageError(`one folder only (got "${a}")\n${usage}`);
  }
  if (!folder || !out || (!between && !ask)) throw new UsageError(usage);
  if (!isSequenceMeasure(measure)) throw new UsageError(`--measure: one of distance, surface_gap, horizontal_distance, vertical_distance, height_above_support, or a relation (left, above, behind, ...); got "${measure}"`);
  if (camera !== 'static' && camera !== 'moving') throw new UsageError('--camera: static or moving');
  if (!Number.isInteger(maxFrames) || maxFrames < 1 || maxFrames > MAX_FRAMES) throw new UsageError(`--max-frames: 1..${MAX_FRAMES}`);
  return { folder, out, between, ask, measure, camera, maxFrames };
}

interface FileRef { name: string; path: string; abs: string }

function listFolder(dir: string): FileRef[] {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new SequenceFolderError(`${dir}: not a folder`);
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((p) => ({ p, abs: join(dir, p) }))
    .filter(({ abs }) => statSync(abs).isFile())
    .map(({ p, abs }) => ({ name: p.split(/[\\/]/).pop() ?? p, path: relative(dir, abs).split('\\').join('/'), abs }));
}

export interface TrackResult {
  curve: Curve | null;
  records: FrameRecord[];
  notes: string[];
  errors: string[];
  message: string;
  /** Per-frame geometry + tracking time, ms. */
  msPerFrame: number[];
}

export async function runTrack(args: TrackArgs, log: (s: string) => void = () => {}): Promise<TrackResult> {
  const dir = resolve(args.folder);
  const files = listFolder(dir);
  const plan = await planSequence(files, async (f) => readFileSync(f.abs, 'utf8'));
  const notes = [...plan.notes];
  if (plan.frames.length > args.maxFrames) notes.push(`${plan.frames.length} frames: the first ${args.maxFrames} are used`);
  const frames = plan.frames.slice(0, args.maxFrames);
  const open = (f: FileRef) => ({ blob: new Blob([readFileSync(f.abs)]), name: f.path });
  let camera: SequenceCamera | null = null;
  let proc: SequenceProcessor | null = null;
  const pending: { timestamp: number; error: string; noDepth?: boolean }[] = [];
  const records: FrameRecord[] = [];
  const errors: string[] = [];
  const gap = (p: SequenceProcessor, g: { timestamp: number; error: string; noDepth?: boolean }) =>
    records.push(g.noDepth ? p.process({ timestamp: g.timestamp, depth: null, objects: [] }) : p.skip(g.timestamp, g.error));
  for (const [k, frame] of frames.entries()) {
    const r: FrameRead = await readSequenceFrame(plan, frame, open, bytesPhotoDecoder, camera);
    if (!r.ok) {
      errors.push(`frame ${k}: ${r.error}`);
      if (proc) gap(proc, r); else pending.push(r);
      continue;
    }
    if (r.warning) notes.push(`frame ${k}: ${r.warning}`);
    if (!proc) {
      const cam: SequenceCamera = r.camera;
      camera = cam;
      proc = new SequenceProcessor({
        intrinsics: cam.intrinsics, intrinsicsSource: cam.source, intrinsicsDetail: cam.detail, camera: args.camera,
        provenance: { depthSource: `depth frames (${plan.depthScale} units per metre)`, objectsSource: 'objects.json sidecars', createdAt: new Date().toISOString(), app: 'spatiallens-track' },
      });
      for (const g of pending) gap(proc, g);
    }
    records.push(proc.process(r.input));
    if (k % 10 === 0) log(`frame ${k + 1}/${frames.length}`);
  }
  const msPerFrame = records.filter((r) => r.scene).map((r) => r.timings.geometryMs + r.timings.trackingMs);
  if (!proc) return { curve: null, records, notes, errors, message: 'no frame could be read', msPerFrame };
  const tracks = proc.tracks();
  let pick: { a: ReturnType<typeof findTrack>; b: ReturnType<typeof findTrack>; measure: SequenceMeasure };
  if (args.ask) {
    const p = pickTracks(args.ask, tracks);
    if (p.status === 'error') return { curve: null, records, notes, errors, message: p.message, msPerFrame };
    pick = p;
  } else {
    const [ca, cb] = args.between ?? ['', ''];
    pick = { a: findTrack(tracks, ca), b: findTrack(tracks, cb), measure: args.measure };
  }
  if (!pick.a || !pick.b) {
    const names = [...new Set(tracks.map((t) => t.caption))];
    const missing = [!pick.a ? args.between?.[0] : null, !pick.b ? args.between?.[1] : null].filter(Boolean).map((s) => `"${s}"`).join(' and ');
    return { curve: null, records, notes, errors, message: `no track called ${missing}; tracks: ${names.join(', ') || 'none (no objects: add <photo stem>.objects.json sidecars)'}`, msPerFrame };
  }
  const curve = buildCurve(records, pick.measure, pick.a, pick.b, proc.describeCamera());
  return { curve, records, notes, errors, message: curve.summary.sentence, msPerFrame };
}

export function writeTrackOutputs(curve: Curve, out: string): void {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'curve.csv'), curveToCsv(curve));
  writeFileSync(join(out, 'curve.json'), curveToJson(curve));
  writeFileSync(join(out, 'curve.png'), plotCurvePng(curve));
}

async function main(): Promise<number> {
  let args: TrackArgs;
  try {
    args = parseTrackArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  try {
    const r = await runTrack(args, (s) => console.error(s));
    for (const n of r.notes) console.error(`note: ${n}`);
    for (const e of r.errors) console.error(`skipped ${e}`);
    if (!r.curve) {
      console.error(r.message);
      return 1;
    }
    writeTrackOutputs(r.curve, args.out);
    const ms = [...r.msPerFrame].sort((a, b) => a - b);
    console.log(`${r.curve.summary.sentence}\n${r.curve.camera}\n${r.records.length} frames, median ${ms.length ? ms[ms.length >> 1].toFixed(1) : '-'} ms per frame; wrote ${join(args.out, 'curve.csv')}, curve.json, curve.png`);
    return 0;
  } catch (e) {
    if (e instanceof SequenceFolderError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then((code) => process.exit(code), (e: unknown) => { console.error(e); process.exit(2); });
}
