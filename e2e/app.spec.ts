/**
 * The app people meet, in Debian's Chromium against the built app, with every request outside localhost
 * blocked (and recorded: none may happen). Answers are checked against each sample's exact ground truth
 * (scene.json, written by scripts/make-samples.ts): the app measures the rendered depth, the test knows
 * the meshes.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { guard } from './lib/offline';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, encode } from 'fast-png';
import { fixturesFor } from '../scripts/lib/fixtures';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Tests never write into the tree: screenshots go to a temp dir, and `npm run screenshots` (which sets
// SPATIALLENS_SCREENSHOTS=docs) refreshes the README's copies on purpose.
const SHOTS = process.env.SPATIALLENS_SCREENSHOTS === 'docs' ? join(ROOT, 'docs', 'screenshots') : join(tmpdir(), 'spatiallens-e2e', 'screenshots');
const FIXTURES = resolve(ROOT, '..', 'shared', 'fixtures');
const BACKGROUND = [0x10, 0x14, 0x1a];

type V3 = [number, number, number];
interface TruthObject {
  id: string;
  caption: string;
  truth: { center: V3; size: { width: number; height: number; depth: number } };
}
interface SampleFile {
  objects: TruthObject[];
  intrinsics: { fx: number; fy: number; cx: number; cy: number };
}

const sample = (name: string): SampleFile =>
  JSON.parse(readFileSync(join(ROOT, 'public', 'samples', name, 'scene.json'), 'utf8')) as SampleFile;
const dist = (a: V3, b: V3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);


async function openSample(page: Page, name = 'living-room') {
  await page.goto(`/?sample=${name}`);
  await expect(page.getByRole('heading', { name: 'SpatialLens' })).toBeVisible();
  await page.waitForFunction(() => (window.__spatiallens?.objectIds.length ?? 0) > 0, null, { timeout: 60_000 });
}

interface AnswerData {
  kind: string;
  verdict: string;
  choice: string;
  value: number;
  text: string;
}

/** Ask through the text box; returns the newest history entry's data. */
async function askQ(page: Page, question: string): Promise<AnswerData> {
  const before = await page.getByTestId('answer').count();
  await page.getByLabel('Question', { exact: true }).fill(question);
  await page.getByLabel('Question', { exact: true }).press('Enter');
  await expect(page.getByTestId('answer')).toHaveCount(before + 1);
  const ids = await page.getByTestId('answer').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.entryId)));
  const newest = Math.max(...ids);
  const card = page.locator(`[data-testid="answer"][data-entry-id="${newest}"]`);
  return card.evaluate((e) => {
    const d = (e as HTMLElement).dataset;
    return { kind: d.kind ?? '', verdict: d.verdict ?? '', choice: d.choice ?? '', value: Number(d.value), text: (e as HTMLElement).innerText };
  });
}

function shot(name: string): string {
  mkdirSync(SHOTS, { recursive: true });
  return join(SHOTS, name);
}

/** Share of pixels in a PNG screenshot that differ from the viewer background. */
function nonBackgroundShare(png: Buffer): number {
  const img = decode(png);
  const ch = img.channels;
  let differ = 0;
  const n = img.width * img.height;
  for (let i = 0; i < n; i++) {
    const r = img.data[i * ch] as number, g = img.data[i * ch + 1] as number, b = img.data[i * ch + 2] as number;
    if (Math.abs(r - BACKGROUND[0]) + Math.abs(g - BACKGROUND[1]) + Math.abs(b - BACKGROUND[2]) > 30) differ++;
  }
  return differ / n;
}

async function expectClean(page: Page, g: { outside: string[]; errors: string[] }, info: TestInfo) {
  expect(g.errors, 'page errors').toEqual([]);
  expect(g.outside, 'requests outside localhost').toEqual([]);
  info.annotations.push({ type: 'outside-requests', description: String(g.outside.length) });
  await page.unrouteAll({ behavior: 'ignoreErrors' });
}

test.use({ viewport: { width: 1600, height: 1000 } });

test('opens on a sample in 2D and 3D; the 3D view is drawn and idles without rendering', async ({ page }, info) => {
  const g = await guard(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'SpatialLens' })).toBeVisible();
  await page.waitForFunction(() => (window.__spatiallens?.objectIds.length ?? 0) > 0, null, { timeout: 60_000 });
  const truth = sample('living-room');

  // 2D: the photo with one box + caption per object
  const svg = page.getByTestId('photo-svg');
  await expect(svg).toBeVisible();
  await expect(svg.locator('g.obj2d')).toHaveCount(truth.objects.length);
  for (const o of truth.objects) await expect(svg.locator(`g[data-object-id="${o.id}"] text`)).toHaveText(o.caption);

  // 3D: a canvas that is not blank, and labels for the objects
  const canvas = page.getByTestId('viewer-host').locator('canvas');
  await expect(canvas).toBeVisible();
  await expect(page.locator('.viewer-label--object')).toHaveCount(truth.objects.length);
  await page.waitForTimeout(300);
  const share = nonBackgroundShare(await canvas.screenshot());
  expect(share, 'share of the 3D canvas that is not background').toBeGreaterThan(0.1);

  // on-demand rendering: no frames while idle, frames after an interaction
  await page.waitForTimeout(300);
  const f0 = await page.evaluate(() => window.__spatiallens?.frames ?? -1);
  await page.waitForTimeout(1000);
  const f1 = await page.evaluate(() => window.__spatiallens?.frames ?? -1);
  expect(f0).toBeGreaterThan(0);
  expect(f1).toBe(f0);
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no canvas box');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 10, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => window.__spatiallens?.frames ?? -1)).toBeGreaterThan(f1);
  await page.getByRole('button', { name: 'Reset view' }).click();
  await page.screenshot({ path: shot('main-living-room.png') });

  // depth map toggle with its colour scale
  await page.getByRole('checkbox', { name: 'Depth map' }).check();
  await expect(page.getByLabel('Depth colour scale')).toBeVisible();
  await page.locator('.pane--photo').screenshot({ path: shot('depth-map.png') });
  await page.getByRole('checkbox', { name: 'Depth map' }).uncheck();

  // every sample loads through the picker
  for (const name of ['desk', 'kitchen-table', 'street']) {
    const key = await page.evaluate(() => window.__spatiallens?.sceneKey);
    await page.getByLabel('Sample scene').selectOption(name);
    await page.waitForFunction((k) => window.__spatiallens?.sceneKey !== k && (window.__spatiallens?.objectIds.length ?? 0) > 0, key);
    await expect(page.getByTestId('photo-svg').locator('g.obj2d')).toHaveCount(sample(name).objects.length);
  }
  // the street's building edges and poles joined the road in setting upright, and the scene line says so
  await expect(page.locator('.scene-info')).toContainText(/upright from the floor or table and \d+ vertical lines in the photo/);
  await page.screenshot({ path: shot('street.png') });
  await expectClean(page, g, info);
});

test('answers six kinds of question in line with the ground truth', async ({ page }, info) => {
  const g = await guard(page);
  await openSample(page, 'living-room');
  const t = Object.fromEntries(sample('living-room').objects.map((o) => [o.id, o.truth]));

  // left / right (camera's view: smaller x is further left)
  const lr = await askQ(page, 'Is the red chair to the left of the blue chair?');
  expect(lr.kind).toBe('answer');
  expect(lr.verdict).toBe(t['red-chair'].center[0] < t['blue-chair'].center[0] ? 'yes' : 'no');
  const lr2 = await askQ(page, 'Is the potted plant left of the grey sofa?');
  expect(lr2.verdict).toBe(t.plant.center[0] < t.sofa.center[0] ? 'yes' : 'no');

  // behind (farther along -Z)
  const bh = await askQ(page, 'Is the potted plant behind the coffee table?');
  expect(bh.verdict).toBe(t.plant.center[2] < t['coffee-table'].center[2] ? 'yes' : 'no');
  const bh2 = await askQ(page, 'Is the red chair behind the sofa?');
  expect(bh2.verdict).toBe(t['red-chair'].center[2] < t.sofa.center[2] ? 'yes' : 'no');

  // taller
  const tl = await askQ(page, 'Is the blue chair taller than the coffee table?');
  expect(tl.verdict).toBe(t['blue-chair'].size.height > t['coffee-table'].size.height ? 'yes' : 'no');

  // distance between box centres
  const d = await askQ(page, 'How far is the red chair from the blue chair?');
  const dTrue = dist(t['red-chair'].center, t['blue-chair'].center);
  expect(d.kind).toBe('answer');
  expect(Math.abs(d.value - dTrue)).toBeLessThan(Math.max(0.1, 0.05 * dTrue));

  // height of one object
  const h = await askQ(page, 'How tall is the grey sofa?');
  expect(Math.abs(h.value - t.sofa.size.height)).toBeLessThan(0.06);
  const h2 = await askQ(page, 'How tall is the red chair?');
  expect(Math.abs(h2.value - t['red-chair'].size.height)).toBeLessThan(0.06);

  // composite: the closest object to the sofa
  const c = await askQ(page, 'Which object is closest to the sofa?');
  const others = Object.keys(t).filter((id) => id !== 'sofa');
  const closest = others.reduce((a, b) => (dist(t[a].center, t.sofa.center) <= dist(t[b].center, t.sofa.center) ? a : b));
  expect(c.kind).toBe('answer');
  expect(c.choice).toBe(closest);

  // the evidence behind an answer, and the steps of a composite one
  const last = page.locator('[data-testid="answer"]').first();
  await last.getByText('Why?').click();
  await expect(last.locator('.evidence')).toBeVisible();
  await expect(last.locator('.steps li').first()).toBeVisible();

  // metric / imperial toggle re-words the answers
  await page.getByRole('radio', { name: 'Imperial' }).click();
  const distCard = page.locator('[data-testid="answer"]', { hasText: 'How far is the red chair from the blue chair?' });
  await expect(distCard.locator('.answer-value')).toHaveText(/ft|in/);
  await page.getByRole('radio', { name: 'Metric' }).click();
  await expect(distCard.locator('.answer-value')).toHaveText(/\bm\b|cm/);

  // selecting a distance answer draws its line in 3D (frames drawn) and highlights both objects
  const framesBefore = await page.evaluate(() => window.__spatiallens?.frames ?? 0);
  await distCard.locator('.answer-focus').click();
  await expect(page.locator('.viewer-label--object.is-highlighted')).toHaveCount(2);
  await expect(page.locator('.viewer-label--measure').first()).toBeVisible();
  expect(await page.evaluate(() => window.__spatiallens?.frames ?? 0)).toBeGreaterThan(framesBefore);
  await page.screenshot({ path: shot('answers.png') });
  await expectClean(page, g, info);
});

test('street sample: relations between a car, a bus and a person', async ({ page }, info) => {
  const g = await guard(page);
  await openSample(page, 'street');
  const t = Object.fromEntries(sample('street').objects.map((o) => [o.id, o.truth]));
  const a = await askQ(page, 'Is the yellow bus behind the red car?');
  expect(a.verdict).toBe(t.bus.center[2] < t.car.center[2] ? 'yes' : 'no');
  const b = await askQ(page, 'Is the bus taller than the car?');
  expect(b.verdict).toBe(t.bus.size.height > t.car.size.height ? 'yes' : 'no');
  const c = await askQ(page, 'Is the person to the right of the car?');
  expect(c.verdict).toBe(t.person.center[0] > t.car.center[0] ? 'yes' : 'no');
  const d = await askQ(page, 'How tall is the person?');
  expect(Math.abs(d.value - t.person.size.height)).toBeLessThan(0.12);
  await expectClean(page, g, info);
});

test('absent, ambiguous and open-ended questions get the right kind of answer', async ({ page }, info) => {
  const g = await guard(page);
  await openSample(page, 'living-room');
  const t = Object.fromEntries(sample('living-room').objects.map((o) => [o.id, o.truth]));

  const absent = await askQ(page, 'How far is the cat from the sofa?');
  expect(absent.kind).toBe('unresolved');
  expect(absent.text).toContain('cat');
  expect(absent.text).toContain('grey sofa'); // says what is there

  const amb = await askQ(page, 'How far is the chair from the sofa?');
  expect(amb.kind).toBe('clarify');
  const card = page.locator('[data-testid="answer"][data-kind="clarify"]');
  await expect(card.getByRole('button', { name: 'red chair' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'blue chair' })).toBeVisible();
  await card.getByRole('button', { name: 'red chair' }).click();
  const resolved = page.locator('[data-testid="answer"][data-kind="answer"]').first();
  await expect(resolved).toBeVisible();
  const v = Number(await resolved.getAttribute('data-value'));
  const dTrue = dist(t['red-chair'].center, t.sofa.center);
  expect(Math.abs(v - dTrue)).toBeLessThan(Math.max(0.12, 0.06 * dTrue));

  const open = await askQ(page, 'What is the mood of this room?');
  expect(open.kind).toBe('free-form');
  expect(open.text).toMatch(/VLM/);
  // every kind of answer in one list, newest first: the open-ended one is on top
  await expect(page.getByTestId('answer').first()).toHaveAttribute('data-kind', 'free-form');

  // a spatial question with no measurable form: what was understood, and the closest question that is, first
  const near = await askQ(page, 'How much bigger is the lamp than the coffee table?');
  expect(near.kind).toBe('free-form');
  const understood = page.getByTestId('understood').first();
  await expect(understood).toContainText('I read this as');
  const before = await page.getByTestId('answer').count();
  await understood.getByRole('button').click();
  await expect(page.getByTestId('answer')).toHaveCount(before + 1);
  await expect(page.locator('[data-testid="answer"][data-kind="answer"]').first()).toContainText(/coffee table/);
  // "how much taller" is measured: the difference of the two heights
  const taller = await askQ(page, 'How much taller is the lamp than the coffee table?');
  expect(taller.kind).toBe('answer');
  expect(taller.text).toMatch(/taller than/);
  // "what is directly behind" is measured now (#16)
  const behind = await askQ(page, 'What is directly behind the coffee table?');
  expect(behind.kind).toBe('answer');
  await expectClean(page, g, info);
});

const sunDir = join(FIXTURES, 'rgbd', 'sunrgbd_mmdet3d', '000001');
const sunPresent = fixturesFor('app.spec RGB-D', join(sunDir, 'depth_mm.png')) !== null;
test.describe('RGB-D input from the shared fixtures', () => {
  test.skip(!sunPresent, `fixtures not found at ${sunDir}: RGB-D test skipped`);

  test('loads a SUN RGB-D frame with its boxes, answers a distance question and measures between two clicked points', async ({ page }, info) => {
    const g = await guard(page);
    await openSample(page, 'living-room');
    const K = { fx: 529.5, fy: 529.5, cx: 364.0, cy: 264.0 }; // rgbd_index.json, sunrgbd_000001
    await page.getByRole('button', { name: 'RGB-D pair…' }).click();
    await page.getByTestId('rgbd-photo').setInputFiles(join(sunDir, 'image.jpg'));
    await page.getByTestId('rgbd-depth').setInputFiles(join(sunDir, 'depth_mm.png'));
    await page.getByLabel('Depth units').selectOption('mm');
    for (const k of ['fx', 'fy', 'cx', 'cy'] as const) await page.getByLabel(k, { exact: true }).fill(String(K[k]));
    // The frame's annotated 2D boxes (1-based x, y, w, h) as an objects file, as a researcher would give them.
    const ann = JSON.parse(readFileSync(join(sunDir, 'annotations.json'), 'utf8')) as { objects: { classname: string; box2d_xywh_px: number[] }[] };
    const boxes = ann.objects.map((o) => {
      const [x, y, w, h] = o.box2d_xywh_px;
      return { caption: o.classname.replace(/_/g, ' '), box: [x - 1, y - 1, x - 1 + w, y - 1 + h] };
    });
    await page.getByTestId('rgbd-objects').setInputFiles({ name: 'image.objects.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(boxes)) });
    const key = await page.evaluate(() => window.__spatiallens?.sceneKey);
    await page.getByRole('button', { name: 'Load RGB-D' }).click();
    await page.waitForFunction((k) => window.__spatiallens?.sceneKey !== k && window.__spatiallens?.sceneKey?.startsWith('rgbd:'), key, { timeout: 60_000 });

    // A distance question on the real frame: a number with a unit.
    const d = await askQ(page, 'How far is the bed from the lamp?');
    expect(d.kind).toBe('answer');
    expect(d.value).toBeGreaterThan(0.3);
    expect(d.value).toBeLessThan(6);
    expect(d.text).toMatch(/\d (m|cm)\b/);

    // The 3D view shows the cloud.
    await page.waitForTimeout(300);
    expect(nonBackgroundShare(await page.getByTestId('viewer-host').locator('canvas').screenshot())).toBeGreaterThan(0.1);

    // Two clicks on the photo; the expected distance is computed here from the depth file itself.
    const depth = decode(readFileSync(join(sunDir, 'depth_mm.png')));
    const W = depth.width, H = depth.height;
    const depthAt = (u: number, v: number) => {
      const vals: number[] = [];
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) {
        const z = (depth.data[(Math.round(v) + dy) * W + Math.round(u) + dx] as number) / 1000;
        if (z > 0) vals.push(z);
      }
      vals.sort((a, b) => a - b);
      return vals[vals.length >> 1];
    };
    const lift = (u: number, v: number): V3 => {
      const z = depthAt(u, v);
      return [((u - K.cx) * z) / K.fx, ((v - K.cy) * z) / K.fy, z];
    };
    const svg = page.getByTestId('photo-svg');
    const box = await svg.boundingBox();
    if (!box) throw new Error('no photo box');
    const pts: [number, number][] = [[0.3, 0.75], [0.7, 0.75]];
    for (const [fx, fy] of pts) await svg.click({ position: { x: fx * box.width, y: fy * box.height } });
    const readout = page.getByTestId('measure-readout');
    await expect(readout).toContainText('Distance');
    const measured = Number(await readout.getAttribute('data-distance'));
    const expected = dist(lift(pts[0][0] * W, pts[0][1] * H), lift(pts[1][0] * W, pts[1][1] * H));
    expect(Math.abs(measured - expected)).toBeLessThan(0.03 * expected + 0.02);
    await expect(page.locator('.viewer-label--measure').first()).toBeVisible();
    await page.screenshot({ path: shot('rgbd-measure.png') });

    // The same by clicking the point cloud in the 3D view.
    await readout.getByRole('button', { name: 'Clear' }).click();
    await expect(readout).not.toContainText('Distance');
    const canvas = page.getByTestId('viewer-host').locator('canvas');
    const cb = await canvas.boundingBox();
    if (!cb) throw new Error('no canvas box');
    await canvas.click({ position: { x: cb.width * 0.4, y: cb.height * 0.6 } });
    await canvas.click({ position: { x: cb.width * 0.6, y: cb.height * 0.6 } });
    await expect(readout).toContainText('Distance');
    expect(Number(await readout.getAttribute('data-distance'))).toBeGreaterThan(0.05);
    await expectClean(page, g, info);
  });
});

test('bad inputs give a clear message and the app keeps working', async ({ page }, info) => {
  const g = await guard(page);
  await openSample(page, 'living-room');
  const input = page.getByTestId('photo-input');
  const notice = page.getByTestId('notice');

  const png1x1 = Buffer.from(encode({ width: 1, height: 1, data: new Uint8Array([255, 0, 0]), channels: 3, depth: 8 }));
  // A real 12000 x 9000 PNG (8-bit gray, compresses to little): refused from its header, before decoding.
  const huge = Buffer.from(encode({ width: 12000, height: 9000, data: new Uint8Array(12000 * 9000), channels: 1, depth: 8 }));
  const good = readFileSync(join(ROOT, 'public', 'samples', 'desk', 'rgb.png'));
  const corrupt = Buffer.concat([good.subarray(0, 33), Buffer.alloc(4000, 0x5a)]); // PNG header, garbage after
  const cases: { name: string; mimeType: string; buffer: Buffer; message: RegExp }[] = [
    { name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('These are my holiday notes, not a photo.\n'), message: /not an image.*text/i },
    { name: 'broken.png', mimeType: 'image/png', buffer: corrupt, message: /could not be decoded|damaged/i },
    { name: 'dot.png', mimeType: 'image/png', buffer: png1x1, message: /too small.*1 × 1/i },
    { name: 'huge.png', mimeType: 'image/png', buffer: huge, message: /too large.*12000 × 9000/i },
    { name: 'empty.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0), message: /empty/i },
  ];
  for (const c of cases) {
    await input.setInputFiles({ name: c.name, mimeType: c.mimeType, buffer: c.buffer });
    await expect(notice).toContainText(c.message);
    await expect(notice).toHaveAttribute('role', 'alert');
    // still usable: the sample is still loaded and answers
    const a = await askQ(page, 'Is the red chair to the left of the blue chair?');
    expect(a.kind).toBe('answer');
  }
  await page.screenshot({ path: shot('bad-input.png') });

  // A good photo without depth goes as far as it can and says what is missing.
  await input.setInputFiles({ name: 'desk.png', mimeType: 'image/png', buffer: good });
  await expect(notice).toContainText(/need the models/i);
  await expect(page.getByTestId('photo-svg')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Find objects and depth' })).toBeVisible();
  await expectClean(page, g, info);
});

test('other ways in: ?image= URL, drag and drop, paste; settings persist across reloads', async ({ page }, info) => {
  const g = await guard(page);
  await page.goto('/?image=/samples/street/rgb.png');
  await expect(page.getByTestId('notice')).toContainText(/need the models/i);
  await expect(page.locator('.scene-info')).toContainText('rgb.png');
  await expect(page.locator('.scene-info')).toContainText('640 × 480');

  // a text file dropped on the page
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['just text'], 'photo.webp', { type: 'image/webp' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId('notice')).toContainText(/not an image/i);

  // a pasted PNG (the desk sample's photo)
  const b64 = readFileSync(join(ROOT, 'public', 'samples', 'desk', 'rgb.png')).toString('base64');
  await page.evaluate((data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'pasted.png', { type: 'image/png' }));
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, b64);
  await expect(page.locator('.scene-info')).toContainText('pasted.png');

  await page.getByRole('radio', { name: 'Imperial' }).click();
  await page.goto('/?sample=desk');
  await page.waitForFunction(() => (window.__spatiallens?.objectIds.length ?? 0) > 0);
  await expect(page.getByRole('radio', { name: 'Imperial' })).toHaveAttribute('aria-checked', 'true');
  const a = await askQ(page, 'How tall is the monitor?');
  expect(a.text).toMatch(/ft|in/);
  await expectClean(page, g, info);
});

test('a photo without depth: models start only on request; an unreachable model host fails clearly', async ({ page }, info) => {
  const g = await guard(page);
  // a self-hosted model folder on this server that does not exist: every model file is a 404
  await page.goto('/?sample=desk&modelHost=/no-models-here/');
  await page.waitForFunction(() => (window.__spatiallens?.objectIds.length ?? 0) > 0);
  const good = readFileSync(join(ROOT, 'public', 'samples', 'kitchen-table', 'rgb.png'));
  await page.getByTestId('photo-input').setInputFiles({ name: 'kitchen.png', mimeType: 'image/png', buffer: good });
  await expect(page.getByTestId('notice')).toContainText(/need the models/i);
  await page.getByRole('button', { name: 'Find objects and depth' }).click();
  await expect(page.getByTestId('notice')).toContainText(/could not/i, { timeout: 90_000 });
  await expect(page.getByTestId('notice')).toHaveAttribute('role', 'alert');
  await page.screenshot({ path: shot('models-unavailable.png') });
  // still usable
  await page.getByLabel('Sample scene').selectOption('living-room');
  await page.waitForFunction(() => window.__spatiallens?.sceneKey?.startsWith('sample:living-room'));
  const a = await askQ(page, 'Is the red chair to the left of the blue chair?');
  expect(a.kind).toBe('answer');
  await expectClean(page, g, info);
});

test('layout holds on a phone screen and controls have names', async ({ page }, info) => {
  const g = await guard(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await openSample(page, 'kitchen-table');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const b of await page.getByRole('button').all()) {
    const name = (await b.getAttribute('aria-label')) ?? (await b.innerText());
    expect(name.trim().length).toBeGreaterThan(0);
  }
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.tagName);
  expect(focused).not.toBe('BODY');
  await page.screenshot({ path: shot('phone.png'), fullPage: true });
  await expectClean(page, g, info);
});
