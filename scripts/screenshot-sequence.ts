/**
 * docs/screenshots/sequence-curve.png for the README: the built app's Sequence view on a rendered RGB-D
 * sequence (16 frames, a can moving towards an orange, two frames occluded), "distance between the can and
 * the orange" plotted, the scrubber on frame 10. Writes that one tracked file; tests never do.
 *
 * npx tsx scripts/screenshot-sequence.ts [--no-build]
 */
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { renderedSequenceFiles } from './lib/sequenceFiles';
import { freePort } from './synth/testSupport';

const root = resolve(import.meta.dirname, '..');
const outDir = '.cache/dist-screenshot';
const port = await freePort();
if (!process.argv.includes('--no-build')) {
  const b = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const server = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true });
const stop = () => { try { if (server.pid) process.kill(-server.pid); } catch { /* already gone */ } };
try {
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://localhost:${port}/`).then((r) => r.ok, () => false);
    if (up) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
  await page.goto(`http://localhost:${port}/?view=sequence`);
  await page.getByLabel('RGB-D sequence files').setInputFiles(renderedSequenceFiles(16, new Set([6, 7])));
  await page.waitForFunction(() => window.__spatiallens?.sequence.status === 'done', undefined, { timeout: 120_000 });
  await page.getByLabel('Measure to plot').fill('distance between the can and the orange');
  await page.getByRole('button', { name: 'Plot' }).click();
  await page.getByRole('slider', { name: 'Frame' }).fill('10');
  await page.getByTestId('sequence-summary').waitFor();
  const out = resolve(root, 'docs', 'screenshots', 'sequence-curve.png');
  await page.locator('.sequence-view').screenshot({ path: out });
  await browser.close();
  console.log(`wrote ${out}`);
} finally {
  stop();
}
