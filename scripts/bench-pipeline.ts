/**
 * Orchestration overhead benchmark: a 12-megapixel JPEG through decode -> working size -> the real
 * pipeline (depth + masks + geometry workers, tiny models) in Chromium, repeated; prints the medians.
 * Overhead = wall time minus model inference and loading: decode, resize, tensor prep, transfers,
 * geometry hand-off (buildScene's own compute is printed beside it). Target: <= 150 ms.
 *
 * npx tsx scripts/bench-pipeline.ts [--runs 7] [--device wasm|webgpu] [--no-build]
 */
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { writeTinyModels } from './lib/onnxTinyModels';

const root = resolve(import.meta.dirname, '..');
const arg = (n: string, d: string) => {
  const i = process.argv.indexOf(`--${n}`);
  return i > 0 ? process.argv[i + 1] : d;
};
const runs = Number(arg('runs', '7'));
const device = arg('device', 'wasm') as 'wasm' | 'webgpu';
const outDir = '.cache/dist-bench';
// A free port of our own: another preview server may already be serving some other build.
const port = await new Promise<number>((ok, fail) => {
  const srv = createServer();
  srv.on('error', fail);
  srv.listen(0, '127.0.0.1', () => {
    const p = (srv.address() as { port: number }).port;
    srv.close(() => ok(p));
  });
});
const tiny = join(root, '.cache', 'tiny-models');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

writeTinyModels(tiny);
if (!process.argv.includes('--no-build')) {
  const b = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const server = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true });
const stop = () => {
  try {
    process.kill(-server.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
};
try {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://localhost:${port}/harness/workers.html`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-unsafe-webgpu'],
  });
  const page = await browser.newPage();
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== 'localhost') return route.abort();
    if (url.pathname.startsWith('/tiny-models/')) {
      try {
        return route.fulfill({ status: 200, body: await readFile(join(tiny, decodeURIComponent(url.pathname.slice(13)))) });
      } catch {
        return route.fulfill({ status: 404 });
      }
    }
    return route.continue();
  });
  await page.goto(`http://localhost:${port}/harness/workers.html?modelHost=/tiny-models/`);
  await page.waitForSelector('body[data-ready="1"]', { state: 'attached' });
  const r = await page.evaluate((o) => window.harness.bench(o), { device, runs: runs + 1 });
  await browser.close();
  const rows = r.rows.slice(1); // the first run loads the models and warms the JIT
  const col = (k: 'decodeMs' | 'altDecodeMs' | 'inferenceMs' | 'geometryMs' | 'totalMs' | 'overheadMs') => median(rows.map((x) => x[k])).toFixed(1);
  console.log(`photo: ${r.photo}; device: ${r.device.kind} (${r.device.reason}); runs: ${rows.length} (+1 warm-up)`);
  console.log(`median decode+resize  ${col('decodeMs')} ms`);
  console.log(`  (decoder-side downscale, createImageBitmap resizeWidth/Height: ${col('altDecodeMs')} ms; not used by src/io yet)`);
  console.log(`median inference      ${col('inferenceMs')} ms (tiny models; excluded)`);
  console.log(`median buildScene     ${col('geometryMs')} ms (geometry compute, inside the overhead below)`);
  console.log(`median total          ${col('totalMs')} ms`);
  console.log(`median OVERHEAD       ${col('overheadMs')} ms (target <= 150 ms)`);
  for (const stage of Object.keys(rows[0].stages)) {
    console.log(`  stage ${stage.padEnd(9)} non-inference ${median(rows.map((x) => x.stages[stage])).toFixed(1)} ms`);
  }
  console.log(`last run's stage details: ${JSON.stringify(r.details)}`);
  console.log(`overhead without buildScene compute: ${median(rows.map((x) => x.overheadMs - x.geometryMs)).toFixed(1)} ms`);
} finally {
  stop();
}
