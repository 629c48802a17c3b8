/**
 * The real workers (depth, masks, geometry) through real Transformers.js + onnxruntime-web in Chromium,
 * on tiny generated models served from localhost; every other request is blocked. Runs on WASM and on
 * WebGPU (SwiftShader, no shader-f16), checks the forced-WebGPU-failure fallback and a worker crash.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fixturesFor } from '../scripts/lib/fixtures';
import { join, resolve } from 'node:path';
import { writeTinyModels } from '../scripts/lib/onnxTinyModels';

const TINY_DIR = resolve(import.meta.dirname, '..', '.cache', 'tiny-models');
test.beforeAll(() => {
  // the harness page is built only in the harness mode (the production build does not ship it)
  if (!existsSync(resolve(import.meta.dirname, '..', 'dist', 'harness', 'workers.html'))) {
    throw new Error('dist/ has no harness page: build with `npx vite build --mode harness` (npm run test:e2e does)');
  }
  writeTinyModels(TINY_DIR);
});

interface Vec3Obj { id: string; caption: string; centroid: [number, number, number]; pointCount: number; mask?: { counts: number[] } }
interface Run {
  first: { scene: { objects: Vec3Obj[]; frame: { cameraHeight: number; method: string } }; cloudCount: number; timings: Record<string, { cached: boolean }> };
  crashed: { scene: { objects: Vec3Obj[] }; cloudCount: number; timings: Record<string, { cached: boolean }> } | null;
  again: { timings: Record<string, { cached: boolean }> };
  state: {
    device: { kind: string; shaderF16: boolean; reason: string; fallback?: { error: string; role: string } };
    events: { kind: string; stage?: string; message: string }[];
    stages: Record<string, { status: string; attempts: number }>;
    files: Record<string, { status: string; loaded: number }>;
  };
}

async function openHarness(page: Page): Promise<string[]> {
  const outside: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== 'localhost' && url.hostname !== '127.0.0.1') {
      outside.push(url.href);
      return route.abort();
    }
    if (url.pathname.startsWith('/tiny-models/')) {
      const rel = decodeURIComponent(url.pathname.slice('/tiny-models/'.length));
      try {
        const body = await readFile(join(TINY_DIR, rel));
        return route.fulfill({ status: 200, body, headers: { 'content-type': rel.endsWith('.json') ? 'application/json' : 'application/octet-stream', 'cross-origin-resource-policy': 'same-origin' } });
      } catch {
        return route.fulfill({ status: 404, body: 'not found' });
      }
    }
    return route.continue();
  });
  await page.goto('/harness/workers.html?modelHost=/tiny-models/');
  await expect(page.locator('body[data-ready="1"]')).toBeAttached();
  return outside;
}

// SlimSAM runs q8 on WASM on every device (the manifest's wasmOnly): the `_quantized` files
const samSuffix = (_r: Run) => '_quantized';

function checkObjects(r: Run) {
  const objs = r.first.scene.objects;
  expect(objs.map((o) => o.caption)).toEqual(['box on the left', 'box on the right']);
  const [left, right] = objs;
  // Canonical frame: +X right, -Z forward. The synthetic boxes stand 1.3 m and 1.6 m in front of a level camera.
  expect(left.centroid[0]).toBeLessThan(right.centroid[0]);
  expect(-left.centroid[2]).toBeGreaterThan(1.2);
  expect(-left.centroid[2]).toBeLessThan(1.4);
  expect(-right.centroid[2]).toBeGreaterThan(1.5);
  expect(-right.centroid[2]).toBeLessThan(1.7);
  // Standing on the floor (0.3 m below the camera): the cards' centres are above it.
  expect(r.first.scene.frame.cameraHeight).toBeGreaterThan(0.25);
  expect(r.first.scene.frame.cameraHeight).toBeLessThan(0.35);
  for (const o of objs) expect(o.centroid[1]).toBeGreaterThan(0);
  for (const o of objs) {
    expect(o.pointCount).toBeGreaterThan(500);
    expect(o.mask?.counts.length).toBeGreaterThan(2);
  }
  expect(r.first.timings.masks.cached).toBe(false);
  expect(r.again.timings.masks.cached).toBe(true);
}

function checkScene(r: Run) {
  checkObjects(r);
  expect(r.first.timings.depth.cached).toBe(false);
  expect(r.first.timings.masks.cached).toBe(false);
  // Second run of the same image: model stages come from the cache (the state shows the last run).
  expect(r.state.stages.depth.status).toBe('cached');
  expect(r.state.stages.masks.status).toBe('cached');
  expect(r.state.stages.geometry.status).toBe('done');
  expect(r.again.timings.depth.cached).toBe(true);
  expect(r.again.timings.masks.cached).toBe(true);
  expect(r.state.files['tiny/metric3d/onnx/model.onnx']?.status).toBe('done');
  expect(r.state.files[`tiny/sam/onnx/prompt_encoder_mask_decoder${samSuffix(r)}.onnx`]?.loaded).toBeGreaterThan(0);
}

test('depth + masks + geometry on WASM', async ({ page }) => {
  const outside = await openHarness(page);
  const r: Run = await page.evaluate(() => window.harness.runSynthetic({ device: 'wasm' }));
  checkScene(r);
  expect(r.state.device.kind).toBe('wasm');
  expect(outside).toEqual([]);
});

test('depth + masks + geometry on WebGPU (fp32: no shader-f16)', async ({ page }) => {
  const outside = await openHarness(page);
  const hasAdapter = await page.evaluate(async () => !!(await (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu?.requestAdapter()));
  test.skip(!hasAdapter, 'this Chromium offers no WebGPU adapter (needs --enable-unsafe-webgpu)');
  const r: Run = await page.evaluate(() => window.harness.runSynthetic({ device: 'webgpu' }));
  checkScene(r);
  expect(r.state.device.fallback).toBeUndefined();
  expect(r.state.device.kind).toBe('webgpu');
  expect(r.state.device.shaderF16).toBe(false);
  expect(outside).toEqual([]);
});

test('a forced WebGPU failure ends on WASM and the state says so', async ({ page }) => {
  await openHarness(page);
  const hasAdapter = await page.evaluate(async () => !!(await (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu?.requestAdapter()));
  test.skip(!hasAdapter, 'no WebGPU adapter to fail');
  const r: Run = await page.evaluate(() => window.harness.runSynthetic({ device: 'webgpu', failWebGPU: true }));
  checkScene(r);
  expect(r.state.device.kind).toBe('wasm');
  expect(r.state.device.fallback?.error).toMatch(/forced by the failWebGPU test flag/);
  expect(r.state.device.reason).toMatch(/WebGPU failed .* running on WASM/);
  expect(r.state.events.some((e) => e.kind === 'fallback')).toBe(true);
});

test('a first inference that fails on WebGPU reloads that model on WASM, retries once and says so', async ({ page }) => {
  await openHarness(page);
  const hasAdapter = await page.evaluate(async () => !!(await (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu?.requestAdapter()));
  test.skip(!hasAdapter, 'no WebGPU adapter to fail');
  const r: Run = await page.evaluate(() => window.harness.runSynthetic({ device: 'webgpu', failWebGPU: 'inference' }));
  checkScene(r);
  expect(r.state.device.kind).toBe('wasm');
  expect(r.state.device.fallback?.error).toMatch(/first inference on WebGPU failed: WebGPU inference failed \(forced/);
  expect(r.state.events.some((e) => e.kind === 'fallback')).toBe(true);
});

test('a crashed worker is restarted and its stage retried once', async ({ page }) => {
  await openHarness(page);
  const r: Run = await page.evaluate(() => window.harness.runSynthetic({ device: 'wasm', crash: 'depth' }));
  expect(r.crashed?.timings.depth.cached).toBe(false);
  expect(r.state.events.filter((e) => e.kind === 'restart').map((e) => e.stage)).toEqual(['depth']);
  expect(r.state.events.some((e) => e.kind === 'retry' && e.stage === 'depth')).toBe(true);
  checkScene(r);
});

test('a geometry worker that dies before the run is restarted; the scene is built in one call instead', async ({ page }) => {
  await openHarness(page);
  const r: Run = await page.evaluate(() => window.harness.runSynthetic({ device: 'wasm', crash: 'geometry' }));
  // the depth branch's lift + canonicalize found the worker dead: restarted, and the geometry stage built it all
  expect(r.state.events.filter((e) => e.kind === 'restart').map((e) => e.stage)).toEqual(['geometry']);
  expect(r.crashed?.timings.geometry.cached).toBe(false);
  // the same scene as the prepared-then-finished first run (both built from the same cached depth and masks)
  expect(r.crashed?.scene.objects.map((o) => o.centroid)).toEqual(r.first.scene.objects.map((o) => o.centroid));
  expect(r.crashed?.cloudCount).toBe(r.first.cloudCount);
  checkScene(r);
});

test('RGB-D input skips the depth model; cached model files are reported as cached', async ({ page }) => {
  await openHarness(page);
  const r: Run = await page.evaluate(() => window.harness.runSynthetic({ device: 'wasm', rgbd: true, browserCache: true }));
  checkObjects(r);
  expect(r.state.stages.depth.status).toBe('skipped');
  expect(r.state.files['tiny/metric3d/onnx/model.onnx']).toBeUndefined();
  // A fresh pipeline (new workers) finds the SAM files in the Cache API.
  const again: Run = await page.evaluate(() => window.harness.runSynthetic({ device: 'wasm', rgbd: true, browserCache: true }));
  expect(again.state.files[`tiny/sam/onnx/vision_encoder${samSuffix(again)}.onnx`]?.status).toBe('cached');
  expect(again.state.files['tiny/sam/config.json']?.status).toBe('cached');
});

test('a model the host lacks fails naming the file and what to do', async ({ page }) => {
  await openHarness(page);
  const r = await page.evaluate(() => window.harness.runMissingModel({ device: 'wasm', depthId: 'tiny/absent' }));
  expect(r.error).toMatch(/ModelDownloadError: Could not download tiny\/absent\/(config\.json|preprocessor_config\.json|onnx\/model\.onnx)/);
  expect(r.error).toMatch(/Retry.*another model host/);
  expect(r.stages.depth.status).toBe('error');
});

test('a 12 MP JPEG is decoded straight to the working size and runs the pipeline on a half-size depth map', async ({ page }) => {
  await openHarness(page);
  const r = await page.evaluate(() => window.harness.bench({ device: 'wasm', runs: 1 }));
  const row = r.rows[0];
  expect(r.decoder).toContain('decodeToWorkingSize');
  expect(row.working).toBe('1024x768');
  // 512x384 depth at stride 1: about as many points as 1024x768 at stride 2 (flying pixels dropped)
  expect(row.cloudCount).toBeGreaterThan(150_000);
  expect(row.cloudCount).toBeLessThanOrEqual(512 * 384);
  expect(r.details.geometry).toContain('from 512x384 depth');
  expect(row.overheadMs).toBeGreaterThan(0);
});

const FIXTURES = resolve(import.meta.dirname, '..', '..', 'shared', 'fixtures');
const ROTATED = join(FIXTURES, 'exif', 'exifsamples__hdr_canon_hdr_NO.jpg');
const hasRotated = fixturesFor('EXIF-orientation decode (e2e)', ROTATED) !== null;

test('an EXIF-rotated JPEG (Orientation 6) decodes upright at the working size', async ({ page }) => {
  test.skip(!hasRotated, 'fixture ../shared/fixtures/exif missing');
  await openHarness(page);
  const body = await readFile(ROTATED);
  await page.route('**/fixture/rotated.jpg', (route) => route.fulfill({ status: 200, body, headers: { 'content-type': 'image/jpeg' } }));
  const r = await page.evaluate(() => window.harness.decodeUrl('/fixture/rotated.jpg'));
  expect(r.orientation).toBe(6);
  // stored 2048x1536, shown 1536x2048 (portrait)
  expect(r.original).toEqual({ width: 1536, height: 2048 });
  expect(r.working).toEqual({ width: 768, height: 1024 });
  // a camera JPEG (YUV 4:2:0): the decoder's frame is converted and oriented without a canvas
  expect(r.decodedBy).toBe('webcodecs-direct');
});

test('every EXIF orientation decodes as the browser itself shows it, without a canvas', async ({ page }) => {
  await openHarness(page);
  const r = await page.evaluate(() => window.harness.decodeOrientations());
  expect(r.map((x) => x.orientation)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  for (const x of r) {
    expect(x.decodedBy, `orientation ${x.orientation}`).toBe('webcodecs-direct');
    expect(x.working).toBe(x.orientation >= 5 ? '768x1024' : '1024x768');
    // a wrong turn or flip moves whole quadrants (~130 levels off); the two decodes differ by 0.07
    expect(x.meanDiff, `orientation ${x.orientation}`).toBeLessThan(2);
  }
});
