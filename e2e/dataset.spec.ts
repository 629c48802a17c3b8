/**
 * Dataset export in the built app, in Debian's Chromium, every request outside localhost blocked and recorded.
 * Three real RGB-D frames from ../shared/fixtures (SUN RGB-D with a sidecar made here from its annotations'
 * 2D boxes, NYU without a sidecar -> no objects -> 0 pairs, TUM at /5000 with a hand-made sidecar) and one
 * corrupt photo. The expected QA pairs are computed here in Node by the same core code (buildScene +
 * synthesizeQA) on the same files, and the downloads are checked line by line and unzipped with fflate.
 */
import { expect, test, type Download, type Page } from '@playwright/test';
import { guard } from './lib/offline';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import jpeg from 'jpeg-js';
import { decode as decodePng } from 'fast-png';
import { buildScene } from '../src/core/build/buildScene';
import { synthesizeQA, type QAPair } from '../src/core/synth';
import { intrinsicsFromExif } from '../src/core/camera/fromExif';
import { decodeDepthPng } from '../src/io/depthFile';
import { readExifTags } from '../src/io/exif';
import type { RGBAImage } from '../src/core/geometry/raster';
import type { Intrinsics } from '../src/core/camera/intrinsics';
import { parseSidecar } from '../src/io/objectsSidecar';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RGBD = resolve(ROOT, '..', 'shared', 'fixtures', 'rgbd');
const SUN = join(RGBD, 'sunrgbd_mmdet3d', '000001');
const NYU = join(RGBD, 'nyu_metric3d');
const TUM = join(RGBD, 'open3d_other_formats');
const present = [join(SUN, 'image.jpg'), join(SUN, 'annotations.json'), join(NYU, 'rgb_00000.jpg'), join(TUM, 'TUM_depth.png')].every((p) => existsSync(p));
if (!present) console.log(`[dataset.spec] fixtures not found under ${RGBD}: dataset export test skipped`);

const OPTIONS = { seed: 7, maxPairs: 24, phrasings: 2 };

interface Input { name: string; mimeType: string; buffer: Buffer }

/** SUN RGB-D annotations -> the sidecar format (`box_xywh` -> [x0, y0, x1, y1]). */
function sunSidecar(): string {
  const ann = JSON.parse(readFileSync(join(SUN, 'annotations.json'), 'utf8')) as { objects: { classname: string; box2d_xywh_px: number[] }[] };
  return JSON.stringify(ann.objects.map((o) => {
    const [x, y, w, h] = o.box2d_xywh_px;
    return { caption: o.classname.replace(/_/g, ' '), box: [x, y, x + w, y + h] };
  }));
}

const TUM_SIDECAR = JSON.stringify([
  { caption: 'globe', box: [55, 10, 165, 105] },
  { caption: 'red chair', box: [5, 262, 240, 478] },
  { caption: 'yellow chair', box: [372, 232, 532, 436] },
  { caption: 'dice', box: [125, 196, 172, 246] },
  { caption: 'shopping bag', box: [466, 95, 546, 193] },
]);

function rgbOf(bytes: Buffer, png: boolean): RGBAImage {
  if (!png) {
    const j = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
    return { width: j.width, height: j.height, data: new Uint8ClampedArray(j.data.buffer, j.data.byteOffset, j.data.length) };
  }
  const p = decodePng(bytes);
  const n = p.width * p.height;
  const data = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 3; c++) data[i * 4 + c] = p.data[i * p.channels + c] as number;
    data[i * 4 + 3] = 255;
  }
  return { width: p.width, height: p.height, data };
}

/** What the app does for one RGB-D pair (same sizes here, so no resize), in Node. */
async function expectedPairs(photo: Buffer, png: boolean, depthPng: Buffer, metresPerUnit: number, sidecar: string | null): Promise<QAPair[]> {
  const rgb = rgbOf(photo, png);
  const depth = decodeDepthPng(depthPng, { kind: 'scale', metresPerUnit });
  const est = intrinsicsFromExif(await readExifTags(new Uint8Array(photo)), rgb.width, rgb.height);
  const K0 = est.intrinsics;
  // scaleIntrinsics (state/loadScene.ts) to the same size: the app applies it, so the same float steps here.
  const K: Intrinsics = { fx: K0.fx, fy: K0.fy, cx: (K0.cx + 0.5) * 1 - 0.5, cy: (K0.cy + 0.5) * 1 - 0.5, width: rgb.width, height: rgb.height };
  const objects = sidecar ? parseSidecar(sidecar, 's', rgb, rgb) : [];
  const { scene } = buildScene({
    depth, intrinsics: K, intrinsicsSource: est.source, intrinsicsDetail: est.detail, rgb, objects, stride: 1,
    provenance: { depthSource: 'x', objectsSource: 'x', createdAt: '', app: 'test' },
  });
  return synthesizeQA(scene, { seed: OPTIONS.seed, maxPairs: OPTIONS.maxPairs, phrasingsPerQuery: OPTIONS.phrasings, units: 'metric' }).pairs;
}


async function downloaded(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await (d as Download).path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

test.describe('dataset export', () => {
  test.skip(!present, `fixtures not found under ${RGBD}`);
  test.setTimeout(180_000);

  test('three RGB-D frames + a corrupt photo -> JSONL and zip with the expected pairs; the failure is listed', async ({ page }) => {
    const g = await guard(page);
    const sunJpg = readFileSync(join(SUN, 'image.jpg'));
    const sunDepth = readFileSync(join(SUN, 'depth_mm.png'));
    const nyuJpg = readFileSync(join(NYU, 'rgb_00000.jpg'));
    const nyuDepth = readFileSync(join(NYU, 'sync_depth_00000.png'));
    const tumPng = readFileSync(join(TUM, 'TUM_color.png'));
    const tumDepth = readFileSync(join(TUM, 'TUM_depth.png'));
    const sidecar = sunSidecar();
    // JPEG start bytes, then noise: looks like a photo, is not one.
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(4000, 0x5a)]);
    const files: Input[] = [
      { name: 'sun_000001.jpg', mimeType: 'image/jpeg', buffer: sunJpg },
      { name: 'sun_000001_depth.png', mimeType: 'image/png', buffer: sunDepth },
      { name: 'sun_000001.objects.json', mimeType: 'application/json', buffer: Buffer.from(sidecar) },
      { name: 'rgb_00000.jpg', mimeType: 'image/jpeg', buffer: nyuJpg },
      { name: 'sync_depth_00000.png', mimeType: 'image/png', buffer: nyuDepth },
      { name: 'TUM_color.png', mimeType: 'image/png', buffer: tumPng },
      { name: 'TUM_depth.png', mimeType: 'image/png', buffer: tumDepth },
      { name: 'TUM_color.objects.json', mimeType: 'application/json', buffer: Buffer.from(TUM_SIDECAR) },
      { name: 'broken.jpg', mimeType: 'image/jpeg', buffer: broken },
    ];

    const [sunExp, nyuExp, tumExp] = await Promise.all([
      expectedPairs(sunJpg, false, sunDepth, 0.001, sidecar),
      expectedPairs(nyuJpg, false, nyuDepth, 0.001, null),
      expectedPairs(tumPng, true, tumDepth, 1 / 5000, TUM_SIDECAR),
    ]);
    expect(sunExp.length).toBeGreaterThan(0);
    expect(tumExp.length).toBeGreaterThan(0);
    expect(nyuExp.length).toBe(0);

    await page.goto('/?view=dataset&sample=living-room');
    // Keyboard reachable: the view's tab is a button in the header.
    await expect(page.getByRole('tab', { name: 'Dataset export' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('heading', { name: 'Dataset export' })).toBeVisible();
    await page.getByLabel('Dataset photos and depth files').setInputFiles(files);
    await expect(page.getByTestId('dataset-row')).toHaveCount(4);
    await page.getByLabel('Seed').fill(String(OPTIONS.seed));
    await page.getByLabel('Max pairs per image').fill(String(OPTIONS.maxPairs));
    await page.getByLabel('Phrasings per question').fill(String(OPTIONS.phrasings));
    await page.getByLabel('Depth unit for TUM_color.png').selectOption('5000');

    await page.getByRole('button', { name: 'Make the dataset' }).click();
    const summary = page.getByTestId('dataset-summary');
    await expect(summary).toHaveAttribute('data-finished', '1', { timeout: 150_000 });

    const row = (name: string) => page.locator(`[data-testid="dataset-row"][data-name="${name}"]`);
    await expect(row('sun_000001.jpg')).toHaveAttribute('data-status', 'done');
    await expect(row('sun_000001.jpg')).toHaveAttribute('data-pairs', String(sunExp.length));
    await expect(row('rgb_00000.jpg')).toHaveAttribute('data-status', 'done');
    await expect(row('rgb_00000.jpg')).toHaveAttribute('data-pairs', '0');
    await expect(row('rgb_00000.jpg')).toHaveAttribute('data-objects', '0');
    await expect(row('TUM_color.png')).toHaveAttribute('data-pairs', String(tumExp.length));
    await expect(row('broken.jpg')).toHaveAttribute('data-status', 'failed');
    await expect(row('broken.jpg').getByTestId('dataset-reason')).toContainText('broken.jpg');
    await expect(summary).toHaveAttribute('data-failed', '1');
    await expect(summary).toHaveAttribute('data-pairs', String(sunExp.length + tumExp.length));
    await expect(page.getByTestId('dataset-preview').locator('li')).toHaveCount(5);

    const flat = await downloaded(page, 'Download qa.jsonl');
    const conv = await downloaded(page, 'Download conversations.jsonl');
    const zip = await downloaded(page, 'Download zip (images + JSONL + README)');
    expect(flat.name).toBe('qa.jsonl');

    const flatLines = flat.bytes.toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(flatLines.length).toBe(sunExp.length + tumExp.length);
    for (const l of flatLines) expect(l).toMatchObject({ schema_version: 1, question: expect.any(String), answer: expect.any(String), image: expect.stringMatching(/^images\//) });
    const byImage = (re: RegExp) => flatLines.filter((l) => re.test(String(l.image)));
    // The same questions and answers as the core makes in Node from the same files.
    // Questions, verdicts and choices exactly; numbers to 1e-6 relative (float noise between two V8 builds).
    // Build right before: the bundle and src/core must be the same code for this to hold.
    let worst = 0;
    for (const [re, exp] of [[/sun_000001/, sunExp], [/TUM_color/, tumExp]] as const) {
      const got = byImage(re);
      expect(got.map((l) => [l.question, l.template, l.verdict, l.choice])).toEqual(exp.map((p) => [p.question, p.template, p.verdict ?? null, p.choice ?? null]));
      got.forEach((l, i) => {
        const want = exp[i].value;
        if (want === undefined) return expect(l.value).toBeNull();
        const rel = Math.abs(Number(l.value) - want) / Math.max(1e-9, Math.abs(want));
        worst = Math.max(worst, rel);
      });
    }
    console.log(`[dataset.spec] largest relative difference between app and Node values: ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-6);

    const convLines = conv.bytes.toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as { images: string[]; messages: unknown[]; schema_version: number });
    expect(convLines.length).toBe(2); // NYU has no pairs, so no conversation
    expect(convLines.map((c) => c.messages.length)).toEqual([sunExp.length * 2, tumExp.length * 2]);

    const entries = unzipSync(new Uint8Array(zip.bytes));
    const names = Object.keys(entries).sort();
    expect(names).toEqual(['README.md', 'conversations.jsonl', convLines[0].images[0], convLines[1].images[0], 'qa.jsonl'].sort());
    expect(Buffer.from(entries[convLines[0].images[0]]).equals(sunJpg)).toBe(true);
    expect(Buffer.from(entries[convLines[1].images[0]]).equals(tumPng)).toBe(true);
    expect(strFromU8(entries['qa.jsonl'])).toBe(flat.bytes.toString('utf8'));
    expect(strFromU8(entries['conversations.jsonl'])).toBe(conv.bytes.toString('utf8'));
    const readme = strFromU8(entries['README.md']);
    expect(readme).toContain('Schema version: 1');
    expect(readme).toContain(`QA pairs: ${sunExp.length + tumExp.length}`);
    expect(readme).toContain('Failed photos: 1');
    expect(readme).toMatch(/\| broken\.jpg \| .*broken\.jpg/);
    expect(readme).toContain('rgb_00000.jpg'); // processed, no pairs: named, not dropped

    // Retry puts the failed photo back; it fails again with the same reason (still listed).
    await row('broken.jpg').getByRole('button', { name: 'Retry' }).click();
    await expect(summary).toHaveAttribute('data-finished', '1');
    await expect(row('broken.jpg')).toHaveAttribute('data-status', 'failed');

    expect(g.errors, 'page errors').toEqual([]);
    expect(g.outside, 'requests outside localhost').toEqual([]);
  });

  test('a photo without depth fails with a clear reason when the models are off', async ({ page }) => {
    const g = await guard(page);
    await page.goto('/?view=dataset&sample=living-room');
    const png = readFileSync(join(ROOT, 'public', 'samples', 'living-room', 'rgb.png'));
    await page.getByLabel('Dataset photos and depth files').setInputFiles([{ name: 'room.png', mimeType: 'image/png', buffer: png }]);
    await page.getByRole('button', { name: 'Make the dataset' }).click();
    await expect(page.getByTestId('dataset-summary')).toHaveAttribute('data-finished', '1', { timeout: 60_000 });
    const row = page.locator('[data-testid="dataset-row"][data-name="room.png"]');
    await expect(row).toHaveAttribute('data-status', 'failed');
    await expect(row.getByTestId('dataset-reason')).toContainText('no depth file, and the models are off');
    expect(g.outside).toEqual([]);

    // Models on, but the hub is unreachable: still listed as failed, now with the models' reason.
    await page.getByLabel('Use the models for photos without depth (downloads them on first use)').check();
    await page.getByRole('button', { name: 'Retry failed' }).click();
    await expect(row.getByTestId('dataset-reason')).toContainText('the models could not run', { timeout: 90_000 });
    await expect(row).toHaveAttribute('data-status', 'failed');
    expect(g.outside.length).toBeGreaterThan(0);
    for (const u of g.outside) expect(new URL(u).hostname).toBe('huggingface.co');
    expect(g.errors).toEqual([]);
  });
});
