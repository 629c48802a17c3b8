/**
 * The Sequence view in the built app (Debian Chromium, every request outside localhost blocked).
 * Videos are made in the test with WebCodecs VideoEncoder (harness/video.html) and never committed:
 * frame n is a flat colour that encodes n, so the decoded frames' order can be read back.
 * - a 20 s, 10 fps, 640x480 video decoded at 5 frames a second: 100 frames, in order, heap sampled
 *   (CDP, after a forced GC) and bounded well below what holding the decoded frames would take;
 * - short H.264 / VP9 / AV1 videos in MP4 and MOV (each codec this Chromium can encode): rate and order;
 * - a corrupt file, a codec the browser cannot decode, a "2-hour" video (sampled to 300 frames with a
 *   message) and Cancel;
 * - a rendered RGB-D sequence (photos + depth PNGs + sidecars by name): curve, chart, scrubber, CSV export.
 */
import { expect, test, type Page } from '@playwright/test';
import { guard } from './lib/offline';
import { renderedSequenceFiles } from '../scripts/lib/sequenceFiles';

type Codec = 'vp8' | 'vp9' | 'avc' | 'av1';
type VideoSpec = { kind: 'encoded'; frames: number; fps: number; width: number; height: number; times?: number[]; codec?: Codec; container?: 'webm' | 'mp4' | 'mov' } | { kind: 'hevc' };

async function harnessVideo(page: Page, spec: VideoSpec): Promise<Buffer> {
  await page.goto('/harness/video.html');
  await page.waitForFunction(() => window.videoHarness?.ready === true);
  const b64 = await page.evaluate((v) => (v.kind === 'hevc' ? window.videoHarness.unsupportedCodec() : window.videoHarness.makeVideo(v)), spec);
  return Buffer.from(b64, 'base64');
}

async function openSequenceView(page: Page) {
  await page.goto('/?view=sequence');
  await expect(page.getByRole('heading', { name: 'A measure over time' })).toBeVisible();
}

const seq = (page: Page) => page.evaluate(() => {
  const s = window.__spatiallens?.sequence;
  return s ? { status: s.status, frames: s.records.length, times: s.records.map((r) => r.timestamp), notes: s.notes, error: s.error, total: s.progress.total } : null;
});

/** Each scrubber thumbnail's frame number, read back from its colour (harness/video.ts colourOf); -1 where none. */
const decodedFrameNumbers = (page: Page) => page.evaluate(async () => {
  const out: number[] = [];
  for (const url of window.__spatiallens?.sequence.thumbs ?? []) {
    if (!url) { out.push(-1); continue; }
    const bmp = new Image();
    bmp.src = url; // an <img>: the page's policy allows blob: images, not blob: fetches
    await bmp.decode();
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = c.getContext('2d') as OffscreenCanvasRenderingContext2D;
    ctx.drawImage(bmp, 0, 0);
    const [r] = ctx.getImageData(bmp.width >> 1, bmp.height >> 1, 1, 1).data;
    out.push(Math.round(r / 4));
  }
  return out;
});

/**
 * The run ended well with `frames` frames at k / fps seconds, and frame k shows source frame `sourceOf(k)`
 * (read from its colour, which survives YUV 4:2:0 and the JPEG thumbnail to within ~3 of 255, under one
 * frame's step of 4) with the numbers rising. Returns the numbers read.
 */
async function expectFramesAtRate(page: Page, frames: number, fps: number, sourceOf: (k: number) => number): Promise<number[]> {
  const s = await seq(page);
  expect(s?.error).toBeNull();
  expect(s?.status).toBe('done');
  expect(s?.frames).toBe(frames);
  s?.times.forEach((t, k) => expect(t).toBeCloseTo(k / fps, 6));
  const decoded = await decodedFrameNumbers(page);
  expect(decoded).toHaveLength(frames);
  decoded.forEach((n, k) => expect(Math.abs(n - sourceOf(k))).toBeLessThanOrEqual(1));
  return decoded;
}

test('a generated video is decoded at the chosen rate, in order, with bounded memory', async ({ page }) => {
  test.setTimeout(240_000);
  const g = await guard(page);
  const video = await harnessVideo(page, { kind: 'encoded', frames: 200, fps: 10, width: 640, height: 480 });
  await openSequenceView(page);
  await page.getByLabel('Frames a second').fill('5');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  type Usage = { usedSize: number; backingStorageSize?: number };
  let backing = false;
  // live memory: garbage collected first, so what is counted is what the page still holds
  const used = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const u = (await cdp.send('Runtime.getHeapUsage')) as Usage;
    backing ||= u.backingStorageSize !== undefined;
    return u.usedSize + (u.backingStorageSize ?? 0);
  };
  const baseline = await used();
  let peak = baseline;
  const samples: number[] = [];
  await page.getByLabel('Video file').setInputFiles({ name: 'test.webm', mimeType: 'video/webm', buffer: video });
  for (;;) {
    const s = await seq(page);
    const u = await used();
    samples.push(u);
    peak = Math.max(peak, u);
    if (s && s.status !== 'running' && s.status !== 'idle') break;
    await page.waitForTimeout(250);
  }
  // frame k (at k/5 s) is source frame 2k, whose colour number wraps at 64
  await expectFramesAtRate(page, 100, 5, (k) => (2 * k) % 64);
  const growthMb = (peak - baseline) / 2 ** 20;
  // holding the 100 decoded 640x480 frames would take 117 MiB of pixels alone
  console.log(`[sequence.spec] live heap${backing ? ' + array buffers' : ''}: baseline ${(baseline / 2 ** 20).toFixed(1)} MiB, peak +${growthMb.toFixed(1)} MiB over ${samples.length} samples (GC before each)`);
  expect(growthMb).toBeLessThan(30);
  await expect(page.getByTestId('sequence-notes')).toContainText('need the models');
  expect(g.outside).toEqual([]);
  expect(g.errors).toEqual([]);
});

// #18 asks for MP4 / WebM / MOV: the same check in the ISO-BMFF containers, for each codec this Chromium can
// encode into them (Debian's Chromium may lack an H.264 encoder; such a codec is skipped, saying so).
for (const container of ['mp4', 'mov'] as const) {
  for (const codec of ['avc', 'vp9', 'av1'] as const) {
    test(`a generated ${codec} video in ${container.toUpperCase()} is decoded at the chosen rate, in order`, async ({ page }) => {
      test.setTimeout(120_000);
      const g = await guard(page);
      await page.goto('/harness/video.html');
      await page.waitForFunction(() => window.videoHarness?.ready === true);
      const can = await page.evaluate(() => window.videoHarness.encodable(320, 240));
      test.skip(!can[codec], `this Chromium's VideoEncoder cannot encode ${codec} (encodable here: ${Object.entries(can).filter(([, v]) => v).map(([k]) => k).join(', ') || 'none'})`);
      // 3 s at 10 fps, taken at 4 frames a second: 12 frames, frame k is source frame 2.5k (rounded down)
      const video = await harnessVideo(page, { kind: 'encoded', frames: 30, fps: 10, width: 320, height: 240, codec, container });
      await openSequenceView(page);
      await page.getByLabel('Frames a second').fill('4');
      const name = `test.${container}`;
      await page.getByLabel('Video file').setInputFiles({ name, mimeType: container === 'mov' ? 'video/quicktime' : 'video/mp4', buffer: video });
      await page.waitForFunction(() => { const st = window.__spatiallens?.sequence.status; return st !== undefined && st !== 'running' && st !== 'idle'; }, undefined, { timeout: 90_000 });
      const decoded = await expectFramesAtRate(page, 12, 4, (k) => Math.floor(2.5 * k + 1e-9));
      decoded.slice(1).forEach((n, k) => expect(n).toBeGreaterThan(decoded[k]));
      console.log(`[sequence.spec] ${codec} in ${container.toUpperCase()}: ${decoded.length} frames, numbers ${decoded.join(',')}`);
      expect(g.outside).toEqual([]);
      expect(g.errors).toEqual([]);
    });
  }
}

test('bad videos get a clear message and the view stays usable', async ({ page }) => {
  test.setTimeout(180_000);
  const g = await guard(page);
  const hevc = await harnessVideo(page, { kind: 'hevc' });
  const long = await harnessVideo(page, { kind: 'encoded', frames: 2, fps: 1, width: 320, height: 240, times: [0, 7199, 7200] });
  await openSequenceView(page);
  const input = page.getByLabel('Video file');

  await input.setInputFiles({ name: 'broken.mp4', mimeType: 'video/mp4', buffer: Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251)) });
  await expect(page.getByTestId('sequence-error')).toContainText('"broken.mp4" is not a video this app can read');

  await input.setInputFiles({ name: 'hevc.mkv', mimeType: 'video/x-matroska', buffer: hevc });
  await expect(page.getByTestId('sequence-error')).toContainText('This browser cannot decode "hevc.mkv" (hevc)');

  await input.setInputFiles({ name: 'two-hours.webm', mimeType: 'video/webm', buffer: long });
  await expect(page.getByTestId('sequence-notes')).toContainText('The video is 2.0 h: at 2 frames a second that is 14,400 frames, over the 300-frame limit, so 300 frames are taken evenly, one every 24.0 s.');
  await page.waitForFunction(() => (window.__spatiallens?.sequence.records.length ?? 0) >= 5);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.waitForFunction(() => window.__spatiallens?.sequence.status === 'cancelled');
  const s = await seq(page);
  expect(s?.total).toBe(300);
  expect(s?.frames).toBeLessThan(300);
  expect(s?.times.every((t, k) => Math.abs(t - k * 24) < 1e-6)).toBe(true);
  await expect(page.getByTestId('sequence-notes')).toContainText('Cancelled after');
  expect(g.outside).toEqual([]);
  expect(g.errors).toEqual([]);
});

test('an RGB-D sequence gives a curve, a chart, a scrubber and a CSV', async ({ page }) => {
  test.setTimeout(120_000);
  const g = await guard(page);
  const files = renderedSequenceFiles(8, new Set([4]));
  await openSequenceView(page);
  await page.getByLabel('RGB-D sequence files').setInputFiles(files);
  await page.waitForFunction(() => window.__spatiallens?.sequence.status === 'done');
  await page.getByLabel('Measure to plot').fill('distance between the can and the orange');
  await page.getByRole('button', { name: 'Plot' }).click();
  await expect(page.getByTestId('sequence-summary')).toContainText(/distance fell from 0\.\d\d m to 0\.\d\d m/);
  await expect(page.getByTestId('sequence-summary')).toContainText('static camera: gravity frame estimated on frame 0');
  await expect(page.getByTestId('sequence-chart').locator('canvas')).toBeVisible();
  await page.getByRole('slider', { name: 'Frame' }).fill('4');
  await expect(page.getByTestId('sequence-frame')).toContainText('Frame 4 · 4.00 s · distance: no value (missing-a)');
  await page.getByRole('slider', { name: 'Frame' }).fill('2');
  await expect(page.getByTestId('sequence-frame')).toContainText(/Frame 2 · 2\.00 s · distance: 0\.\d{3} m ± 0\.\d{3}/);
  // that frame in 3D: its boxes with their captions and the measure line's label
  await expect(page.getByTestId('sequence-3d').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('sequence-3d')).toContainText('can');
  await expect(page.getByTestId('sequence-3d')).toContainText(/0\.\d{3} m ± 0\.\d{3}/);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = (await (await dl.createReadStream()).toArray()).join('');
  expect(csv.split('\n')[0]).toBe('frame,timestamp,value,sigma,smoothed,track_a,track_b,flags');
  expect(csv.split('\n')).toHaveLength(10);
  expect(g.outside).toEqual([]);
  expect(g.errors).toEqual([]);
});

// `npm run bench:video` runs this one alone: WebCodecs decode + read-out cost per frame, in this Chromium.
test('decode cost per frame (bench)', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/harness/video.html');
  await page.waitForFunction(() => window.videoHarness?.ready === true);
  const rows: string[] = [];
  for (const [w, h] of [[640, 480], [1280, 720]]) {
    const r = await page.evaluate(([width, height]) => window.videoHarness.decodeCost({ frames: 100, fps: 10, width, height }, 2), [w, h]);
    expect(r.frames).toBe(20);
    rows.push(`${w}x${h} VP8, 10 s at 2 frames a second: ${r.msPerFrame.toFixed(1)} ms a frame (decode + pixels + thumbnail), open ${r.openMs.toFixed(0)} ms`);
    expect(r.msPerFrame).toBeLessThan(500);
  }
  console.log(`[bench:video] ${rows.join('; ')}`);
});
