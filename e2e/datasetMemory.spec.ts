/**
 * Dataset export keeps the page's memory bounded: 50 RGB-D frames (rendered here, in Node, by the core's
 * synthetic scene renderer: exact depth, boxes from the masks) go through the built app's export, and the
 * page's JS heap is sampled over CDP while it runs. Before the stage cache had a byte budget and the
 * export's geometry worker was managed, every frame's depth map stayed reachable.
 */
import { expect, test } from '@playwright/test';
import { encode } from 'fast-png';
import { guard } from './lib/offline';
import { renderSyntheticScene, sampleRoomSpec } from '../src/core/testing/syntheticScene';
import { encodeDepthPng } from '../src/io/depthFile';

const FRAMES = 50;
const MB = 1024 * 1024;

function frameFiles(i: number): { name: string; mimeType: string; buffer: Buffer }[] {
  const r = renderSyntheticScene(sampleRoomSpec({ height: 1.2 + (i % 5) * 0.08, pitchDeg: 12 + (i % 7) * 2 }));
  const { width, height } = r.rgb;
  const rgb = new Uint8Array(width * height * 3);
  for (let p = 0; p < width * height; p++) for (let c = 0; c < 3; c++) rgb[p * 3 + c] = r.rgb.data[p * 4 + c];
  const boxes = r.objects.filter((o) => o.visiblePixels > 0).map((o) => ({ caption: o.caption, box: [o.box2d.x0, o.box2d.y0, o.box2d.x1, o.box2d.y1] }));
  const base = `frame_${String(i).padStart(3, '0')}`;
  return [
    { name: `${base}.png`, mimeType: 'image/png', buffer: Buffer.from(encode({ width, height, data: rgb, channels: 3, depth: 8 })) },
    { name: `${base}.depth.png`, mimeType: 'image/png', buffer: Buffer.from(encodeDepthPng(r.depth)) },
    { name: `${base}.objects.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(boxes)) },
  ];
}

test('dataset export of 50 RGB-D frames keeps the page heap growth under 100 MB', async ({ page }) => {
  test.setTimeout(600_000);
  const g = await guard(page);
  const files = Array.from({ length: FRAMES }, (_, i) => frameFiles(i)).flat();
  await page.goto('/?view=dataset&sample=living-room');
  const cdp = await page.context().newCDPSession(page);
  const heap = async (gc: boolean): Promise<number> => {
    if (gc) await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  await page.getByLabel('Dataset photos and depth files').setInputFiles(files);
  await expect(page.getByTestId('dataset-row')).toHaveCount(FRAMES);
  const before = await heap(true);

  const samples: number[] = [];
  await page.getByRole('button', { name: 'Make the dataset' }).click();
  const summary = page.getByTestId('dataset-summary');
  for (;;) {
    samples.push(await heap(false));
    if ((await summary.getAttribute('data-finished')) === '1') break;
    await page.waitForTimeout(500);
  }
  const after = await heap(true);
  const peak = Math.max(...samples, after);
  console.log(`[datasetMemory] ${FRAMES} frames: heap before ${(before / MB).toFixed(1)} MB, peak ${(peak / MB).toFixed(1)} MB (+${((peak - before) / MB).toFixed(1)}), after GC ${(after / MB).toFixed(1)} MB (+${((after - before) / MB).toFixed(1)}), ${samples.length} samples`);

  await expect(page.locator('[data-testid="dataset-row"][data-status="done"]')).toHaveCount(FRAMES);
  expect(Number(await summary.getAttribute('data-pairs'))).toBeGreaterThan(FRAMES);
  expect(peak - before).toBeLessThan(100 * MB);
  expect(after - before).toBeLessThan(100 * MB);
  expect(g.outside).toEqual([]);
  expect(g.errors).toEqual([]);
});
