/**
 * `npm run eval -- --models`: the real perception path. The models run only in a browser (Transformers.js +
 * onnxruntime-web), so the built harness page (dist/harness/workers.html) is served from localhost, Debian
 * Chromium opens it with ?modelHost=<host>, and each frame's photo goes through the depth and mask models.
 * The objects stay the annotations' 2D boxes (so captions and ids match the truth and answers can be
 * compared); only depth, masks and geometry are the app's own. Node only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { encode as encodePng } from 'fast-png';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { SceneGraph } from '../../src/core/scene/types';
import { loadRgbdIndex, REPO_ROOT, type RgbdIndexEntry } from './fixtures';
import { loadAnnotatedFrame, truthScene } from './groundTruth';
import { failedFrame, sceneMetrics, summarize, type FrameReport, type Report } from './evalReport';

/** The harness function this mode calls; a dist/ built before it existed lacks it. */
const HARNESS_FN = 'runEvalFrame';

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.wasm': 'application/wasm', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a folder on a free localhost port with the app's cross-origin isolation headers (as `vite preview`
 * sends) and CORS, so the same server can act as a model host for a page on another port.
 */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.setHeader('Access-Control-Allow-Origin', '*');
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if ((file !== root && !file.startsWith(root + sep)) || !existsSync(file)) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    try {
      const body = readFileSync(file);
      res.setHeader('Content-Type', TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
      res.setHeader('Content-Length', body.length);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.statusCode = 404;
      res.end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}/`, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

/** Whether `distDir` holds a harness build that has the eval function. */
export function harnessBuilt(distDir: string): boolean {
  if (!existsSync(join(distDir, 'harness', 'workers.html'))) return false;
  const assets = join(distDir, 'assets');
  if (!existsSync(assets)) return false;
  return readdirSync(assets).some((f) => f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes(HARNESS_FN));
}

/** Builds the app (and harness) into `distDir` unless a current build is there (`npx vite build --mode harness`, ~30 s). */
export function ensureHarnessBuilt(distDir: string, log: (m: string) => void = () => {}): void {
  if (harnessBuilt(distDir)) return;
  log(`building the app and harness into ${distDir} (npx vite build --mode harness)...`);
  const r = spawnSync('npx', ['vite', 'build', '--mode', 'harness', '--outDir', resolve(distDir), '--emptyOutDir', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0 || !harnessBuilt(distDir)) throw new Error(`npx vite build failed (exit ${r.status}); ${distDir} has no harness with ${HARNESS_FN}`);
}

export interface ModelsEvalOptions {
  /** Model host the page loads models from (?modelHost=): the Hub or a mirror laid out by models:mirror. */
  host: string;
  /** 'standard': the app's depth + mask models; 'tiny': the generated test models (structure only). */
  models?: 'standard' | 'tiny';
  device?: 'wasm' | 'webgpu';
  distDir?: string;
  chromiumPath?: string;
  /** Per frame, including model downloads on the first. */
  frameTimeoutMs?: number;
  /** Only these frames of the index (by id). */
  ids?: string[];
  log?: (m: string) => void;
}

interface HarnessFrameResult {
  scene: SceneGraph;
  cloudCount: number;
  depthSize: { width: number; height: number };
  working: { width: number; height: number };
  totalMs: number;
  device: string;
  depthModel: string;
  masksModel: string;
}

export type ModelsFrameReport = FrameReport & { depthModel?: string; device?: string; totalMs?: number; working?: string };

// Chromium flags as in playwright.config.ts.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-unsafe-webgpu'];

async function openHarness(browser: Browser, appUrl: string, host: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${appUrl}harness/workers.html?modelHost=${encodeURIComponent(host)}`);
  await page.locator('body[data-ready="1"]').waitFor({ state: 'attached', timeout: 30_000 });
  return page;
}


async function evaluateModelsFrame(page: Page, entry: RgbdIndexEntry, baseDir: string, o: Required<Pick<ModelsEvalOptions, 'models' | 'device' | 'frameTimeoutMs'>>): Promise<ModelsFrameReport> {
  const af = await loadAnnotatedFrame(entry, baseDir);
  const { width, height } = af.frame.rgb;
  // The photo's own bytes where a browser decodes them (as the app gets them); others (PPM) as a PNG of the decoded pixels.
  const rgbPath = join(baseDir, entry.rgb);
  const ext = extname(rgbPath).toLowerCase();
  const asIs = ['.jpg', '.jpeg', '.png', '.webp'].includes(ext);
  const body = asIs ? readFileSync(rgbPath) : Buffer.from(encodePng({ width, height, data: af.frame.rgb.data, channels: 4, depth: 8 }));
  const type = asIs ? (TYPES[ext] ?? 'image/webp') : 'image/png';
  const url = `/eval-frame/${encodeURIComponent(entry.id)}${asIs ? ext : '.png'}`;
  await page.unroute('**/eval-frame/**');
  await page.route('**/eval-frame/**', (route) => route.fulfill({ status: 200, body, headers: { 'content-type': type } }));
  const arg = {
    device: o.device, models: o.models, url, name: entry.id,
    intrinsics: { fx: af.intrinsics.fx, fy: af.intrinsics.fy, cx: af.intrinsics.cx, cy: af.intrinsics.cy, width, height },
    objects: af.objects.map(({ caption, box2d }) => ({ caption, box2d })),
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => { timer = setTimeout(() => fail(new Error(`timed out after ${o.frameTimeoutMs / 1000} s`)), o.frameTimeoutMs); });
  const r = await Promise.race([page.evaluate((a) => window.harness.runEvalFrame(a), arg) as Promise<HarnessFrameResult>, timeout]).finally(() => clearTimeout(timer));
  // The pipeline names objects obj-<n> in input order; give them back the annotation ids the truth uses.
  const scene: SceneGraph = {
    ...r.scene,
    objects: r.scene.objects.map((ob) => {
      const n = /^obj-(\d+)$/.exec(ob.id);
      return { ...ob, id: n ? (af.objects[Number(n[1]) - 1]?.id ?? ob.id) : ob.id };
    }),
  };
  const truth = truthScene(af);
  return {
    id: entry.id,
    width,
    height,
    // points kept in the lifted cloud per depth-map pixel (the model's depth has no holes; flying pixels are dropped)
    validDepthShare: Math.min(1, r.cloudCount / (r.depthSize.width * r.depthSize.height)),
    points: r.cloudCount,
    ...sceneMetrics(scene, af.trueUpCam, truth),
    depthModel: r.depthModel,
    device: r.device,
    totalMs: r.totalMs,
    working: `${r.working.width}x${r.working.height}`,
  };
}

/**
 * Runs every frame of the index (one at a time) through the models in Chromium and compares the scenes
 * with the annotations as the oracle mode does. A frame that fails is reported with its error.
 * The caller checks the host first (checkModelHost).
 */
export async function runModelsEval(indexPath: string, opts: ModelsEvalOptions): Promise<Report & { frames: ModelsFrameReport[] }> {
  const log = opts.log ?? (() => {});
  const distDir = resolve(opts.distDir ?? join(REPO_ROOT, 'dist'));
  const chromiumPath = opts.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);
  const o = { models: opts.models ?? 'standard', device: opts.device ?? 'wasm', frameTimeoutMs: opts.frameTimeoutMs ?? 600_000 } as const;
  let entries = loadRgbdIndex(indexPath);
  if (opts.ids) entries = entries.filter((e) => opts.ids?.includes(e.id));
  const baseDir = dirname(dirname(indexPath));
  ensureHarnessBuilt(distDir, log);
  const server = await serveStatic(distDir);
  let browser: Browser | null = null;
  const frames: ModelsFrameReport[] = [];
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    let page = await openHarness(browser, server.url, opts.host);
    for (const entry of entries) {
      log(`${entry.id}: running ${o.models} models on ${o.device}...`);
      try {
        const f = await evaluateModelsFrame(page, entry, baseDir, o);
        log(`${entry.id}: ${f.objects} objects, ${f.points} points, ${((f.totalMs ?? 0) / 1000).toFixed(1)} s`);
        frames.push(f);
      } catch (e) {
        const msg = (e as Error).message.split('\n')[0];
        log(`${entry.id}: FAILED: ${msg}`);
        frames.push(failedFrame(entry, msg));
        // a timed-out or crashed run may still hold the page: start the next frame on a fresh one
        await page.close().catch(() => {});
        page = await openHarness(browser, server.url, opts.host);
      }
    }
  } finally {
    await browser?.close();
    await server.close();
  }
  return summarize(frames, indexPath, 'models');
}
