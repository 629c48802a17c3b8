/**
 * `npm run check:models`: the real weights on the four rendered sample scenes, whose exact depth, masks and
 * objects are known. The built harness page runs every model of a preset in Debian Chromium (the app's own
 * workers and loaders) with ?modelHost=<host>; Node compares what comes back with the samples' truth.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { decodeDepthPng } from '../../src/io/depthFile';
import { decodeMask } from '../../src/core/scene/mask';
import type { Box2D, MaskRLE } from '../../src/core/scene/types';
import { REPO_ROOT } from './fixtures';
import { ensureHarnessBuilt, serveStatic } from './evalModels';

export interface CheckOptions {
  host: string;
  preset: 'standard' | 'light';
  devices: ('wasm' | 'webgpu')[];
  distDir?: string;
  chromiumPath?: string;
  log?: (m: string) => void;
}

interface SampleSpec {
  name: string;
  intrinsics: { fx: number; fy: number; cx: number; cy: number; width: number; height: number };
  objects: { id: string; caption: string; box2d: Box2D; mask: MaskRLE }[];
}

type HarnessCheck = Awaited<ReturnType<Window['harness']['checkModels']>>;

/** One model on one sample and device: ok, or the reason it failed to load or run. */
export interface ModelRow {
  sample: string;
  device: string;
  role: 'depth' | 'masks' | 'filter' | 'objects' | 'vlm';
  ok: boolean;
  detail: string;
  ms?: number;
  workerMB?: number;
}

const iou = (a: Box2D, b: Box2D) => {
  const w = Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)), h = Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
  const inter = w * h;
  const area = (r: Box2D) => (r.x1 - r.x0) * (r.y1 - r.y0);
  return inter / Math.max(1e-9, area(a) + area(b) - inter);
};

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

/** Median predicted / true depth and AbsRel over pixels with true depth (truth resampled nearest to the map). */
export function depthMetrics(pred: { width: number; height: number; data: ArrayLike<number> }, truth: { width: number; height: number; data: ArrayLike<number> }): { scale: number; absRel: number } {
  const ratios: number[] = [];
  let rel = 0, n = 0;
  for (let y = 0; y < pred.height; y++) {
    const ty = Math.min(truth.height - 1, Math.floor(((y + 0.5) * truth.height) / pred.height));
    for (let x = 0; x < pred.width; x++) {
      const tx = Math.min(truth.width - 1, Math.floor(((x + 0.5) * truth.width) / pred.width));
      const t = truth.data[ty * truth.width + tx], p = pred.data[y * pred.width + x];
      if (!(t > 0) || !(p > 0)) continue;
      ratios.push(p / t);
      rel += Math.abs(p - t) / t;
      n++;
    }
  }
  return { scale: median(ratios), absRel: n ? rel / n : NaN };
}

function maskIoU(a: MaskRLE, b: MaskRLE): number {
  if (a.width !== b.width || a.height !== b.height) return NaN;
  const x = decodeMask(a), y = decodeMask(b);
  let inter = 0, union = 0;
  for (let i = 0; i < x.length; i++) {
    inter += x[i] & y[i];
    union += x[i] | y[i];
  }
  return union ? inter / union : NaN;
}

/** The rows for one sample: metrics against the sample's truth where a model ran, its error where not. */
export function rowsFor(spec: SampleSpec, r: HarnessCheck, truthDepth: { width: number; height: number; data: ArrayLike<number> }, device: string): ModelRow[] {
  const sx = r.working.width / spec.intrinsics.width, sy = r.working.height / spec.intrinsics.height;
  // per-role memory where a worker script is named after its role; the model roles share one script
  // (workers/model.worker.ts), so their figures are not told apart and stay empty
  const workerMB = (role: ModelRow['role']) => Object.entries(r.memory?.byWorker ?? {}).find(([url]) => url.startsWith(role))?.[1];
  const row = (role: ModelRow['role'], ok: boolean, detail: string): ModelRow => ({ sample: spec.name, device, role, ok, detail, ms: r.timings[role]?.ms, workerMB: workerMB(role) });
  const err = (role: string): string | undefined => r.errors[role];
  const rows: ModelRow[] = [];

  if (r.depth) {
    const d = depthMetrics(r.depth, truthDepth);
    const ok = Number.isFinite(d.scale) && d.scale >= 0.5 && d.scale <= 2;
    rows.push(row('depth', ok, `scale x${d.scale.toFixed(2)} (median predicted / true), AbsRel ${d.absRel.toFixed(3)}${ok ? '' : ': outside [0.5, 2]'}`));
  } else rows.push(row('depth', false, err('depth') ?? 'did not run'));

  if (r.depth && !err('masks')) {
    // the masks ran on the sample's own boxes, in order: each against its true mask (same size only)
    const ious = r.masks.flatMap((m, i) => (m.mask && sx === 1 && sy === 1 && spec.objects[i] ? [maskIoU(m.mask, spec.objects[i].mask)] : []));
    rows.push(row('masks', true, ious.length ? `mask IoU median ${median(ious).toFixed(2)}, worst ${Math.min(...ious).toFixed(2)} over ${ious.length} objects` : `${r.masks.length} masks`));
  } else rows.push(row('masks', false, err('masks') ?? err('depth') ?? 'did not run'));

  if (err('filter')) rows.push(row('filter', false, err('filter') ?? ''));
  else if (r.filter) rows.push(row('filter', true, `${r.filter.kind} ${(r.filter.kindScore * 100).toFixed(0)}%, ${r.filter.place}${r.filter.warning ? ` (warns: ${r.filter.warning})` : ''}`));

  if (r.objects) {
    let matched = 0;
    for (const t of spec.objects) {
      const tb = { x0: t.box2d.x0 * sx, y0: t.box2d.y0 * sy, x1: t.box2d.x1 * sx, y1: t.box2d.y1 * sy };
      if (r.objects.some((ob) => iou(ob.box2d, tb) >= 0.5)) matched++;
    }
    rows.push(row('objects', true, `${r.objects.length} found, ${matched}/${spec.objects.length} of the scene's objects matched (box IoU >= 0.5): ${r.objects.map((ob) => ob.caption).slice(0, 8).join(', ')}`));
  } else rows.push(row('objects', false, err('objects') ?? 'did not run'));

  if (r.vlm !== null) rows.push(row('vlm', true, JSON.stringify(r.vlm.slice(0, 100))));
  else rows.push(row('vlm', false, err('vlm') ?? 'did not run'));
  return rows;
}

/** Runs the check on every sample and device; a model that fails to load or run is a failed row. */
export async function checkModels(o: CheckOptions): Promise<ModelRow[]> {
  const log = o.log ?? (() => {});
  const distDir = o.distDir ?? join(REPO_ROOT, 'dist');
  ensureHarnessBuilt(distDir, log);
  const server = await serveStatic(distDir);
  const samples = (JSON.parse(readFileSync(join(REPO_ROOT, 'public/samples/index.json'), 'utf8')) as { name: string }[]).map((s) => s.name);
  let browser: Browser | null = null;
  const rows: ModelRow[] = [];
  try {
    browser = await chromium.launch({
      executablePath: o.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-unsafe-webgpu'],
    });
    for (const device of o.devices) {
      for (const name of samples) {
        const dir = join(REPO_ROOT, 'public/samples', name);
        const spec = { name, ...(JSON.parse(readFileSync(join(dir, 'scene.json'), 'utf8')) as Omit<SampleSpec, 'name'>) };
        const truth = decodeDepthPng(readFileSync(join(dir, 'depth.png')), { kind: 'scale', metresPerUnit: 0.001 });
        const page = await browser.newPage();
        try {
          await page.goto(`${server.url}harness/workers.html?modelHost=${encodeURIComponent(o.host)}`);
          await page.locator('body[data-ready="1"]').waitFor({ state: 'attached', timeout: 30_000 });
          log(`${name} on ${device}: running the ${o.preset} models...`);
          const boxes = spec.objects.map(({ caption, box2d }) => ({ caption, box2d }));
          const arg = { device, preset: o.preset, url: `/samples/${name}/rgb.png`, name, intrinsics: spec.intrinsics, question: 'What is in this picture?', boxes };
          const r = await page.evaluate((a) => window.harness.checkModels(a), arg);
          const kind = r.device ? `${r.device.kind}${r.device.shaderF16 ? ' f16' : ''}${r.device.fallback ? ' (fell back)' : ''}` : device;
          rows.push(...rowsFor(spec, r, truth, kind));
        } catch (e) {
          rows.push({ sample: name, device, role: 'depth', ok: false, detail: `the page failed: ${(e as Error).message.split('\n')[0]}` });
        } finally {
          await page.close().catch(() => {});
        }
      }
    }
  } finally {
    await browser?.close();
    await server.close();
  }
  return rows;
}
