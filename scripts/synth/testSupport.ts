/**
 * For the synthesis tests and the bench: a real redis-server on a free 127.0.0.1 port in a temporary folder
 * (stopped by its PID), CLI processes under tsx, and an input set built from ../shared/fixtures (never
 * copied into the repo: the copies live in the temporary folder).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadRgbdIndex, type RgbdIndexEntry } from '../lib/fixtures';

export const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export const hasRedisServer = (): boolean => spawnSync('redis-server', ['--version']).status === 0;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export interface TestRedis {
  url: string;
  /** SIGTERM (Redis writes its append-only file) and wait for the process to end. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
}

/** redis-server with an append-only file, so a restart keeps the queue (as a production Redis should). */
export async function startRedis(): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'spatiallens-redis-'));
  const port = await freePort();
  let proc: ChildProcess | null = null;
  const start = async () => {
    proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '', '--protected-mode', 'yes'], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      const r = spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping'], { encoding: 'utf8' });
      if (r.stdout?.trim() === 'PONG') return;
      await sleep(50);
    }
    throw new Error('redis-server did not start');
  };
  const stop = async () => {
    const p = proc;
    if (!p?.pid) return;
    process.kill(p.pid, 'SIGTERM');
    for (let i = 0; i < 200 && alive(p.pid); i++) await sleep(25);
    proc = null;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, stop, start };
}

export interface CliProcess {
  proc: ChildProcess;
  lines: string[];
  done: Promise<number>;
}

/** The CLI in its own process (as a user runs it on another machine). */
export function spawnCli(args: string[], env: Record<string, string> = {}, onLine?: (line: string) => void): CliProcess {
  const proc = spawn(process.execPath, ['--import', TSX, CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const lines: string[] = [];
  let buf = '';
  const take = (d: Buffer) => {
    buf += d.toString();
    const parts = buf.split('\n');
    buf = parts.pop() ?? '';
    lines.push(...parts);
    if (onLine) for (const l of parts) onLine(l);
  };
  proc.stdout?.on('data', take);
  proc.stderr?.on('data', take);
  const done = new Promise<number>((resolve) => proc.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  return { proc, lines, done };
}

export interface InputSet {
  root: string;
  /** Inputs as the CLI takes them. */
  inputs: string[];
  /** Names of the corrupt items. */
  corrupt: string[];
  good: number;
}

const box = (x0: number, y0: number, x1: number, y1: number, caption: string) => ({ caption, box: [x0, y0, x1, y1] });
/** Boxes spread over a 640x480 frame: enough objects for every question type, not fitted to any frame. */
const GRID = [box(40, 200, 200, 440, 'chair'), box(250, 120, 400, 300, 'box'), box(440, 220, 620, 460, 'table'), box(260, 330, 380, 470, 'bag')];

/**
 * RGB-D frames from the fixtures under new names (an index repeating entries, and a folder of depth
 * pairs with objects sidecars), photos for the tiny models (with sidecars), and three corrupt files.
 */
export function buildInputs(fixtures: string, counts: { index: number; pairs: number; photos: number }, root = mkdtempSync(join(tmpdir(), 'spatiallens-synth-in-'))): InputSet {
  const shared = join(fixtures, '..');
  const entries = loadRgbdIndex(join(fixtures, 'rgbd_index.json'));
  const abs = (e: RgbdIndexEntry): RgbdIndexEntry => ({
    ...e, rgb: join(shared, e.rgb), depth: join(shared, e.depth), ...(e.annotations ? { annotations: join(shared, e.annotations) } : {}),
  });
  const index = Array.from({ length: counts.index }, (_, i) => ({ ...abs(entries[i % entries.length]), id: `${entries[i % entries.length].id}__copy${i}` }));
  mkdirSync(join(root, 'index', 'fixtures'), { recursive: true });
  writeFileSync(join(root, 'index', 'fixtures', 'frames.json'), JSON.stringify(index));
  const nyu = entries.find((e) => e.id === 'nyu_metric3d_00000');
  if (!nyu) throw new Error('fixtures: nyu_metric3d_00000 is missing');
  const pairs = join(root, 'pairs');
  mkdirSync(pairs, { recursive: true });
  for (let i = 0; i < counts.pairs; i++) addPair(pairs, `frame_${String(i).padStart(3, '0')}`, join(shared, nyu.rgb), join(shared, nyu.depth), i);
  const photos = join(root, 'photos');
  mkdirSync(photos, { recursive: true });
  for (let i = 0; i < counts.photos; i++) {
    copyFileSync(join(shared, nyu.rgb), join(photos, `photo_${i}.jpg`));
    writeFileSync(join(photos, `photo_${i}.objects.json`), JSON.stringify(GRID.slice(0, 2 + (i % 3))));
  }
  // corrupt: random bytes behind a JPEG signature, a truncated PNG, and a depth pair whose depth is garbage
  const bad = join(root, 'bad');
  mkdirSync(bad, { recursive: true });
  writeFileSync(join(bad, 'broken.jpg'), Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 7)]));
  writeFileSync(join(bad, 'broken.objects.json'), JSON.stringify(GRID));
  writeFileSync(join(bad, 'cut.png'), readFileSync(join(shared, nyu.depth)).subarray(0, 300));
  writeFileSync(join(bad, 'cut.objects.json'), JSON.stringify(GRID));
  copyFileSync(join(shared, nyu.rgb), join(bad, 'garbled.jpg'));
  writeFileSync(join(bad, 'garbled.depth.png'), Buffer.alloc(2000, 3));
  return {
    root,
    inputs: [join(root, 'index', 'fixtures', 'frames.json'), pairs, photos, bad],
    corrupt: ['broken.jpg', 'cut.png', 'garbled.jpg'],
    good: counts.index + counts.pairs + counts.photos,
  };
}

/** One RGB-D pair in a folder: photo, depth PNG and sidecar (a different subset of boxes by `i`). */
export function addPair(dir: string, stem: string, rgb: string, depth: string, i: number): void {
  copyFileSync(rgb, join(dir, `${stem}.jpg`));
  copyFileSync(depth, join(dir, `${stem}.depth.png`));
  writeFileSync(join(dir, `${stem}.objects.json`), JSON.stringify(GRID.slice(0, 2 + (i % 3))));
}

