/**
 * Loads the shared real RGB-D fixtures (../shared/fixtures, never copied into the repo) for tests, scripts
 * and benchmarks. Node only (fs). Paths inside rgbd_index.json are relative to the index folder's parent
 * (the `shared/` folder), e.g. "fixtures/rgbd/nyu_metric3d/rgb_00000.jpg".
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Intrinsics } from '../../src/core/camera/intrinsics';
import type { DepthMap, RGBAImage } from '../../src/core/geometry/raster';
import { decodeDepthPgm, decodeDepthPng, parseDepthFormat } from '../../src/io/depthFile';
import { decodeImageToRgba } from '../../src/io/imageDecode';

export interface RgbdIndexEntry {
  id: string;
  dataset?: string;
  real?: boolean;
  /** Relative to the shared/ folder. */
  rgb: string;
  depth: string;
  /** Free text; parseDepthFormat reads it. */
  depth_format: string;
  width: number;
  height: number;
  /** 0-based pixels; null when unknown. */
  intrinsics: { fx: number; fy: number; cx: number; cy: number } | null;
  intrinsics_source?: string;
  intrinsics_note?: string;
  intrinsics_quality?: string;
  /** SUN RGB-D only: row-major 3x3, p_up = Rtilt @ [Xc, Zc, -Yc]. */
  gravity_Rtilt?: number[][];
  has_3d_boxes?: boolean;
  /** Relative to the shared/ folder. */
  annotations?: string;
  annotation_format?: string;
  num_objects?: number;
}

export interface RgbdFrame {
  id: string;
  rgb: RGBAImage;
  depth: DepthMap;
  intrinsics: Intrinsics | null;
  entry: RgbdIndexEntry;
}

/** Repo root = two folders above this file (scripts/lib/fixtures.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The fixtures folder: $SPATIALLENS_FIXTURES if set and present, else <repo>/../shared/fixtures.
 * Null when neither holds an rgbd_index.json (tests then skip with a message).
 */
export function findFixturesDir(): string | null {
  const candidates = [process.env.SPATIALLENS_FIXTURES, join(REPO_ROOT, '..', 'shared', 'fixtures')];
  for (const c of candidates) {
    if (c && existsSync(join(c, 'rgbd_index.json'))) return resolve(c);
  }
  return null;
}

/** The folder index paths are relative to (shared/), for the default fixtures folder. */
export function defaultBaseDir(): string {
  const dir = findFixturesDir();
  if (!dir) throw new Error('fixtures not found: set SPATIALLENS_FIXTURES or place them at ../shared/fixtures');
  return dirname(dir);
}

function req<T>(ok: boolean, value: T, what: string, id: string): T {
  if (!ok) throw new Error(`rgbd_index.json: entry "${id}" has a bad or missing ${what}`);
  return value;
}

/** Read and check rgbd_index.json (default: the one in findFixturesDir()). */
export function loadRgbdIndex(indexPath?: string): RgbdIndexEntry[] {
  const path = indexPath ?? join(defaultBaseDir(), 'fixtures', 'rgbd_index.json');
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${path}: expected a JSON array of frames`);
  return raw.map((e: unknown, i: number) => {
    if (typeof e !== 'object' || e === null) throw new Error(`${path}: entry ${i} is not an object`);
    const o = e as Record<string, unknown>;
    const id = typeof o.id === 'string' ? o.id : `#${i}`;
    req(typeof o.id === 'string', 0, 'id', id);
    for (const k of ['rgb', 'depth', 'depth_format']) req(typeof o[k] === 'string' && o[k] !== '', 0, k, id);
    for (const k of ['width', 'height']) req(Number.isInteger(o[k]) && (o[k] as number) > 0, 0, k, id);
    const K = o.intrinsics;
    if (K !== null) {
      const k = K as Record<string, unknown> | undefined;
      const good = typeof k === 'object' && ['fx', 'fy', 'cx', 'cy'].every((n) => Number.isFinite(k[n]));
      req(good, 0, 'intrinsics', id);
    }
    const R = o.gravity_Rtilt;
    if (R !== undefined) req(Array.isArray(R) && R.length === 3 && R.every((r) => Array.isArray(r) && r.length === 3 && r.every(Number.isFinite)), 0, 'gravity_Rtilt (a 3x3 array)', id);
    return o as unknown as RgbdIndexEntry;
  });
}

/** An index path (relative to the shared/ folder, or absolute) as a file path. */
export function resolveIn(baseDir: string, p: string): string {
  return isAbsolute(p) ? p : join(baseDir, p);
}

function decodeDepthFile(path: string, depthFormat: string): DepthMap {
  const bytes = new Uint8Array(readFileSync(path));
  const enc = parseDepthFormat(depthFormat);
  try {
    return path.toLowerCase().endsWith('.pgm') ? decodeDepthPgm(bytes, enc) : decodeDepthPng(bytes, enc);
  } catch (e) {
    throw new Error(`${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Entry intrinsics -> Intrinsics (with the entry's image size), or null when the index says unknown. */
export function entryIntrinsics(entry: RgbdIndexEntry): Intrinsics | null {
  const k = entry.intrinsics;
  return k ? { fx: k.fx, fy: k.fy, cx: k.cx, cy: k.cy, width: entry.width, height: entry.height } : null;
}

/**
 * Decode one frame's colour (JPEG / PNG / PPM -> RGBA) and depth (-> metres). Checks that both images have
 * the size the index states (NYU raw depth is unregistered to its colour image, but has the same size).
 */
export async function loadRgbdFrame(entry: RgbdIndexEntry, baseDir: string = defaultBaseDir()): Promise<RgbdFrame> {
  const rgbPath = resolveIn(baseDir, entry.rgb);
  let rgb: RGBAImage;
  try {
    rgb = decodeImageToRgba(new Uint8Array(readFileSync(rgbPath)));
  } catch (e) {
    throw new Error(`${rgbPath}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const depth = decodeDepthFile(resolveIn(baseDir, entry.depth), entry.depth_format);
  if (rgb.width !== depth.width || rgb.height !== depth.height) {
    throw new Error(`${entry.id}: colour is ${rgb.width}x${rgb.height} but depth is ${depth.width}x${depth.height}`);
  }
  if (rgb.width !== entry.width || rgb.height !== entry.height) {
    throw new Error(`${entry.id}: images are ${rgb.width}x${rgb.height} but the index says ${entry.width}x${entry.height}`);
  }
  return { id: entry.id, rgb, depth, intrinsics: entryIntrinsics(entry), entry };
}

/**
 * The one gate of every fixture-backed suite (unit and e2e): `path` (default: the fixtures folder) when it
 * exists. Absent, the suite says so and skips (null) — except under CI=true, where missing fixtures mean a
 * broken checkout: it throws while the test file loads, so the suite FAILS instead of passing unchecked.
 */
export function fixturesFor(suite: string, path: string | null = findFixturesDir()): string | null {
  if (path && existsSync(path)) return path;
  const where = path ?? 'SPATIALLENS_FIXTURES or ../shared/fixtures';
  if (process.env.CI === 'true') throw new Error(`[${suite}] fixtures not found at ${where}: they are required under CI=true`);
  console.warn(`[${suite}] fixtures not found at ${where}: skipped (under CI=true this fails)`);
  return null;
}
