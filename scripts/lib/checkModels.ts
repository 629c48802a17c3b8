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

interface HarnessCheck {
  working: { width: number; height: number };
  depth: { width: number; height: number; data: number[] };
  objects: { caption: string; box2d: Box2D; mask?: MaskRLE }[];
  filter: { kind: string; kindScore: number; place: string; warning?: string } | null;
  vlm: { answer?: string; error?: string; ms: number };
  timings: Record<string, { ms?: number; inferenceMs?: number; loadMs?: number }>;
  device: { kind: string; shaderF16: boolean; fallback?: { error: string } };
}

export interface SampleReport {
  sample: string;
  device: string;
  ok: boolean;
  error?: string;
  depthScale?: number;
  absRel?: number;
  objectsFound?: number;
  objectsTrue?: number;
  matched?: number;
  maskIoU?: number;
  filter?: string;
  vlm?: string;
  timingsMs?: Record<string, number>;
  peakHeapMB?: number;
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

/** Masks are compared only where the working size equals the sample's (640x480 samples: always). */
function report(spec: SampleSpec, r: HarnessCheck, truthDepth: ReturnType<typeof decodeDepthPng>, device: string, peakHeapMB: number): SampleReport {
  const d = depthMetrics(r.depth, truthDepth);
  const sx = r.working.width / spec.intrinsics.width, sy = r.working.height / spec.intrinsics.height;
  let matched = 0;
  const ious: number[] = [];
  for (const t of spec.objects) {
    const tb = { x0: t.box2d.x0 * sx, y0: t.box2d.y0 * sy, x1: t.box2d.x1 * sx, y1: t.box2d.y1 * sy };
    let best: { i: number; o: HarnessCheck['objects'][number] } | null = null;
    for (const o of r.objects) {
      const v = iou(o.box2d, tb);
      if (v >= 0.5 && (!best || v > best.i)) best = { i: v, o };
    }
    if (!best) continue;
    matched++;
    if (best.o.mask && sx === 1 && sy === 1) ious.push(maskIoU(best.o.mask, t.mask));
  }
  const timingsMs = Object.fromEntries(Object.entries(r.timings).map(([k, t]) => [k, Math.round(t.ms ?? 0)]));
  const ok = Number.isFinite(d.scale) && d.scale >= 0.5 && d.scale <= 2 && !r.vlm.error;
  return {
    sample: spec.name, device: `${r.device.kind}${r.device.shaderF16 ? ' (shader-f16)' : ''}${r.device.fallback ? ` (fell back: ${r.device.fallback.error})` : ''}`,
    ok, error: r.vlm.error ? `VLM: ${r.vlm.error}` : undefined,
    depthScale: d.scale, absRel: d.absRel, objectsFound: r.objects.length, objectsTrue: spec.objects.length, matched,
    maskIoU: ious.length ? median(ious) : undefined,
    filter: r.filter ? `${r.filter.kind} ${(r.filter.kindScore * 100).toFixed(0)}%, ${r.filter.place}` : 'not run',
    vlm: r.vlm.answer, timingsMs, peakHeapMB,
  };
}

/** Runs the check on every sample and device; a model that fails to load or run is a failed row. */
export async function checkModels(o: CheckOptions): Promise<SampleReport[]> {
  const log = o.log ?? (() => {});
  const distDir = o.distDir ?? join(REPO_ROOT, 'dist');
  ensureHarnessBuilt(distDir, log);
  const server = await serveStatic(distDir);
  const samples = (JSON.parse(readFileSync(join(REPO_ROOT, 'public/samples/index.json'), 'utf8')) as { name: string }[]).map((s) => s.name);
  let browser: Browser | null = null;
  const rows: SampleReport[] = [];
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
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');
        let peak = 0;
        const poll = setInterval(() => {
          void cdp.send('Performance.getMetrics').then((m) => {
            const used = m.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0;
            peak = Math.max(peak, used);
          }).catch(() => {});
        }, 500);
        try {
          await page.goto(`${server.url}harness/workers.html?modelHost=${encodeURIComponent(o.host)}`);
          await page.locator('body[data-ready="1"]').waitFor({ state: 'attached', timeout: 30_000 });
          log(`${name} on ${device}: running the ${o.preset} models...`);
          const arg = { device, preset: o.preset, url: `/samples/${name}/rgb.png`, name, intrinsics: spec.intrinsics, question: 'What is in this picture?' };
          const r = (await page.evaluate((a) => window.harness.checkModels(a), arg)) as HarnessCheck;
          rows.push(report(spec, r, truth, device, Math.round(peak / 1e6)));
        } catch (e) {
          rows.push({ sample: name, device, ok: false, error: (e as Error).message.split('\n')[0] });
        } finally {
          clearInterval(poll);
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
