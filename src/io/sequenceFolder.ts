/**
 * A sequence folder (or a pile of picked files) -> ordered frames, each a photo with its depth file and
 * objects sidecar. Pure: works on anything with a name, reads text through a callback (fs in Node, File in
 * the browser). Two layouts:
 *
 * - TUM RGB-D style: `rgb.txt` and `depth.txt` ("timestamp path" lines, `#` comments). Each photo takes the
 *   depth frame nearest in time within 20 ms (TUM's associate.py default), each depth frame used once,
 *   closest pairs first. A photo with no depth frame in reach is kept as a frame without depth (a gap).
 * - Photos and depth PNGs paired by name, as the dataset export pairs them (src/io/pairFiles.ts),
 *   ordered by name (numbers compared as numbers); timestamps are the frame numbers.
 *
 * Both take an optional `intrinsics.json` = {fx, fy, cx, cy, depth_scale} (depth_scale in depth units per
 * metre: 1000 for millimetres, 5000 for TUM) and per-photo `<photo stem>.objects.json` sidecars.
 */
import * as v from 'valibot';
import { pairFiles, SIDECAR_SUFFIX, type Named } from './pairFiles';

export interface PlannedFrame<T> {
  timestamp: number;
  photo: T;
  depth: T | null;
  sidecar: T | null;
}

export interface SequenceIntrinsics {
  fx: number;
  fy: number;
  cx: number;
  cy: number;
  /** Depth units per metre. */
  depth_scale: number;
}

export interface SequencePlan<T> {
  layout: 'tum' | 'pairs';
  frames: PlannedFrame<T>[];
  intrinsics: SequenceIntrinsics | null;
  /** Depth units per metre: intrinsics.json's, else 5000 for TUM and 1000 (millimetres) for pairs. */
  depthScale: number;
  /** What was assumed or left out, for the person running it. */
  notes: string[];
}

export class SequenceFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SequenceFolderError';
  }
}

/** TUM's associate.py default: photos and depth frames more than 20 ms apart are not a pair. */
export const MAX_ASSOCIATION_S = 0.02;

const Pos = v.pipe(v.number(), v.finite(), v.minValue(0));
const IntrinsicsSchema = v.object({ fx: v.pipe(Pos, v.minValue(1e-6)), fy: v.pipe(Pos, v.minValue(1e-6)), cx: Pos, cy: Pos, depth_scale: v.optional(v.pipe(Pos, v.minValue(1e-6))) });

const pathOf = (f: Named): string => (f.path && f.path.length > 0 ? f.path : f.name);
/** The path below the folder that was picked (the browser prefixes the folder's own name). */
const rel = (p: string, root: string): string => (root && p.startsWith(root) ? p.slice(root.length) : p);
const stem = (p: string): string => p.replace(/\.[^./]+$/, '');

export function parseTimestampList(text: string, name: string): { t: number; path: string }[] {
  const out: { t: number; path: string }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const s = line.trim();
    if (!s || s.startsWith('#')) return;
    const [ts, path] = s.split(/\s+/);
    const t = Number(ts);
    if (!Number.isFinite(t) || !path) throw new SequenceFolderError(`${name}, line ${i + 1}: expected "timestamp path", got "${s.slice(0, 80)}"`);
    out.push({ t, path });
  });
  return out;
}

/** Closest pairs first, each side used once, within `maxDiff` seconds (TUM's associate.py). */
export function associate(a: readonly number[], b: readonly number[], maxDiff = MAX_ASSOCIATION_S): (number | null)[] {
  const cands: { i: number; j: number; d: number }[] = [];
  // both lists are sorted by time in practice; a window keeps this linear-ish
  const order = b.map((t, j) => ({ t, j })).sort((x, y) => x.t - y.t);
  a.forEach((ta, i) => {
    let lo = 0, hi = order.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if (order[m].t < ta - maxDiff) lo = m + 1; else hi = m; }
    for (let k = lo; k < order.length && order[k].t <= ta + maxDiff; k++) cands.push({ i, j: order[k].j, d: Math.abs(order[k].t - ta) });
  });
  cands.sort((x, y) => x.d - y.d || x.i - y.i);
  const out: (number | null)[] = a.map(() => null);
  const usedB = new Set<number>();
  for (const c of cands) {
    if (out[c.i] !== null || usedB.has(c.j)) continue;
    out[c.i] = c.j;
    usedB.add(c.j);
  }
  return out;
}

const naturalCompare = (x: string, y: string): number => x.localeCompare(y, undefined, { numeric: true, sensitivity: 'base' });

export async function planSequence<T extends Named>(files: readonly T[], readText: (f: T) => Promise<string>): Promise<SequencePlan<T>> {
  const notes: string[] = [];
  const rgbList = files.find((f) => /(^|\/)rgb\.txt$/i.test(pathOf(f)));
  // the picked folder's own name, when the browser gave folder-relative paths ("seq/rgb.txt")
  const root = rgbList ? pathOf(rgbList).slice(0, pathOf(rgbList).length - 'rgb.txt'.length) : '';
  const byPath = new Map(files.map((f) => [rel(pathOf(f), root), f]));
  const intrFile = byPath.get('intrinsics.json');
  let intrinsics: SequenceIntrinsics | null = null;
  if (intrFile) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readText(intrFile));
    } catch {
      throw new SequenceFolderError('intrinsics.json: not valid JSON');
    }
    const r = v.safeParse(IntrinsicsSchema, raw);
    if (!r.success) throw new SequenceFolderError(`intrinsics.json: expected {fx, fy, cx, cy, depth_scale} with positive numbers (${r.issues[0].message})`);
    intrinsics = { ...r.output, depth_scale: r.output.depth_scale ?? 0 };
  }
  const sidecarFor = (photoPath: string): T | null => byPath.get(`${stem(photoPath)}${SIDECAR_SUFFIX}`) ?? null;

  if (rgbList) {
    const depthList = byPath.get('depth.txt');
    if (!depthList) throw new SequenceFolderError('rgb.txt is here but depth.txt is not: a TUM-style folder needs both');
    const rgb = parseTimestampList(await readText(rgbList), 'rgb.txt');
    const depth = parseTimestampList(await readText(depthList), 'depth.txt');
    if (rgb.length === 0) throw new SequenceFolderError('rgb.txt lists no frames');
    const match = associate(rgb.map((r) => r.t), depth.map((d) => d.t));
    const frames: PlannedFrame<T>[] = [];
    const t0 = rgb[0].t;
    let missingFiles = 0;
    rgb.forEach((r, i) => {
      const photo = byPath.get(r.path);
      if (!photo) { missingFiles++; return; }
      const j = match[i];
      const d = j === null ? null : byPath.get(depth[j].path) ?? null;
      frames.push({ timestamp: r.t - t0, photo, depth: d, sidecar: sidecarFor(r.path) });
    });
    const noDepth = frames.filter((f) => !f.depth).length;
    if (missingFiles) notes.push(`${missingFiles} photo(s) listed in rgb.txt are not in the folder`);
    if (noDepth) notes.push(`${noDepth} photo(s) have no depth frame within ${MAX_ASSOCIATION_S * 1000} ms: they are gaps`);
    if (frames.length === 0) throw new SequenceFolderError('none of the photos rgb.txt lists is in the folder');
    const depthScale = intrinsics?.depth_scale || 5000;
    if (!intrinsics?.depth_scale) notes.push('depth scale 5000 units per metre (TUM) assumed: give depth_scale in intrinsics.json');
    return { layout: 'tum', frames, intrinsics, depthScale, notes };
  }

  const { entries, ignored } = pairFiles(files.filter((f) => !/(^|\/)intrinsics\.json$/i.test(pathOf(f))));
  if (entries.length === 0) throw new SequenceFolderError('no photos here: a sequence is photos (with depth PNGs paired by name) or a TUM-style folder with rgb.txt and depth.txt');
  entries.sort((x, y) => naturalCompare(pathOf(x.photo), pathOf(y.photo)));
  for (const g of ignored) notes.push(`${pathOf(g.file)}: not used (${g.reason})`);
  const depthScale = intrinsics?.depth_scale || 1000;
  if (!intrinsics?.depth_scale) notes.push('depth in millimetres (1000 units per metre) assumed: give depth_scale in intrinsics.json');
  notes.push('no timestamps in a folder of photos: the timestamp is the frame number');
  return {
    layout: 'pairs',
    frames: entries.map((e, i) => ({ timestamp: i, photo: e.photo, depth: e.depth ?? null, sidecar: e.sidecar ?? null })),
    intrinsics, depthScale, notes,
  };
}
