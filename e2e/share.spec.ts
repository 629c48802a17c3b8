/**
 * Share links and scene files in the built app (Debian Chromium, every request outside localhost blocked
 * and recorded), plus hostile content and the Content-Security-Policy.
 */
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { isLocal, isHostProbe } from './lib/offline';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateSync, strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HOSTILE = '<img src=x onerror=alert(1)>';
/** A public photo host the tests serve themselves (route.fulfill): nothing leaves the machine. */
const PHOTO_HOST = 'images.example.org';

interface Guarded {
  outside: string[];
  errors: string[];
  requests: string[];
  dialogs: string[];
}

/** Blocks and records requests outside localhost (except PHOTO_HOST, answered locally); collects errors, CSP reports, dialogs. */
async function guard(page: Page): Promise<Guarded> {
  const g: Guarded = { outside: [], errors: [], requests: [], dialogs: [] };
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (isLocal(url)) return route.continue();
    if (url.hostname === PHOTO_HOST) {
      return route.fulfill({
        status: 200,
        contentType: 'image/png',
        headers: { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' },
        body: readFileSync(join(ROOT, 'public', 'samples', 'street', 'rgb.png')),
      });
    }
    // the model host's reachability check carries nothing of the photo (see lib/offline.ts)
    if (isHostProbe(route.request().method(), url)) return route.abort();
    g.outside.push(url.href);
    return route.abort();
  });
  page.on('request', (r) => g.requests.push(r.url()));
  page.on('pageerror', (e) => g.errors.push(e.message));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) g.errors.push(`CSP: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    g.dialogs.push(d.message());
    void d.dismiss();
  });
  return g;
}

async function expectClean(page: Page, g: Guarded, info: TestInfo) {
  expect(g.errors, 'page errors and CSP violations').toEqual([]);
  expect(g.outside, 'requests outside localhost').toEqual([]);
  expect(g.dialogs, 'dialogs').toEqual([]);
  info.annotations.push({ type: 'outside-requests', description: String(g.outside.length) });
  await page.unrouteAll({ behavior: 'ignoreErrors' });
}

const waitObjects = (page: Page) => page.waitForFunction(() => (window.__spatiallens?.objectIds.length ?? 0) > 0, null, { timeout: 60_000 });
const objectIds = (page: Page) => page.evaluate(() => window.__spatiallens?.objectIds ?? []);
const captions = (page: Page) => page.getByTestId('photo-svg').locator('g.obj2d text').allTextContents();
const viewOf = (page: Page) => page.evaluate(() => window.__spatiallens?.viewer?.getView() ?? null);

async function ask(page: Page, q: string): Promise<string> {
  const before = await page.getByTestId('answer').count();
  await page.getByLabel('Question', { exact: true }).fill(q);
  await page.getByLabel('Question', { exact: true }).press('Enter');
  await expect(page.getByTestId('answer')).toHaveCount(before + 1);
  return (await page.getByTestId('answer').first().locator('.answer-sentence').textContent()) ?? '';
}

async function makeLink(page: Page): Promise<{ url: string; chars: number; max: number; mode: string }> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const panel = page.getByTestId('share-panel');
  await expect(panel).toBeVisible();
  const url = await page.getByTestId('share-url').inputValue();
  const r = { url, chars: Number(await panel.getAttribute('data-chars')), max: Number(await panel.getAttribute('data-max-chars')), mode: (await panel.getAttribute('data-photo-mode')) ?? '' };
  await page.getByRole('button', { name: 'Share', exact: true }).click(); // close the drawer
  return r;
}

async function saveScene(page: Page): Promise<Uint8Array> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save scene' }).click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/\.spatiallens$/);
  return new Uint8Array(readFileSync(await d.path()));
}

async function openScene(page: Page, name: string, bytes: Uint8Array) {
  const key = await page.evaluate(() => window.__spatiallens?.sceneKey);
  await page.getByTestId('scene-file-input').setInputFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(bytes) });
  return key;
}

const waitNewScene = (page: Page, oldKey: string | null | undefined, prefix: string) =>
  page.waitForFunction(([k, p]) => window.__spatiallens?.sceneKey !== k && (window.__spatiallens?.sceneKey ?? '').startsWith(p), [oldKey, prefix] as const, { timeout: 60_000 });

/** Opens a link in a brand-new browser context (no storage, no cache shared with the sender). */
async function fresh(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  const g = await guard(page);
  return { context, page, g };
}

function rewriteLink(url: string, edit: (json: Record<string, unknown>) => void): string {
  const [base, frag] = url.split('#');
  const data = frag.slice('s1.'.length);
  const bytes = Buffer.from(data.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  const json = JSON.parse(strFromU8(inflateSync(bytes))) as Record<string, unknown>;
  edit(json);
  const packed = Buffer.from(deflateSync(strToU8(JSON.stringify(json)))).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${base}#s1.${packed}`;
}

test.use({ viewport: { width: 1600, height: 1000 } });

test("share link round trip: same scene, answer and view in a fresh browser; a sample's photo loads without asking", async ({ page, browser }, info) => {
  const g = await guard(page);
  await page.goto('/?sample=living-room');
  await waitObjects(page);
  const sentence = await ask(page, 'How far is the red chair from the blue chair?');
  // orbit the camera so the shared view is not the home view
  const canvas = page.getByTestId('viewer-host').locator('canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 30, { steps: 6 });
  await page.mouse.up();
  const view = await viewOf(page);
  if (!view) throw new Error('no view');
  const ids = await objectIds(page);
  const caps = await captions(page);
  const link = await makeLink(page);
  console.log(`[share] sample link: ${link.chars} chars (limit ${link.max}), photo ${link.mode}`);
  expect(link.chars).toBeLessThanOrEqual(link.max);
  expect(link.mode).toBe('url');
  await expectClean(page, g, info);

  const f = await fresh(browser);
  await f.page.goto(link.url);
  await waitObjects(f.page);
  expect(await objectIds(f.page)).toEqual(ids);
  expect(await captions(f.page)).toEqual(caps);
  await expect(f.page.locator('[data-testid="answer"] .answer-sentence').first()).toHaveText(sentence);
  await expect(f.page.getByTestId('link-mismatch')).toHaveCount(0);
  const v2 = await viewOf(f.page);
  if (!v2) throw new Error('no view after opening');
  for (let i = 0; i < 3; i++) {
    expect(Math.abs(v2.position[i] - view.position[i])).toBeLessThan(0.01);
    expect(Math.abs(v2.target[i] - view.target[i])).toBeLessThan(0.01);
  }
  // what the link holds is on screen before anything is fetched for its photo
  const banner = f.page.getByTestId('link-banner');
  await expect(banner).toContainText(`${ids.length} objects`);
  await expect(banner).toContainText('How far is the red chair from the blue chair?');
  const self = new URL(f.page.url()).host; // the preview server (localhost:4173 under the default config)
  await expect(banner).toContainText(self);
  // a built-in sample's photo is the app's own file: it loads without a question (#16)
  await expect(f.page.getByRole('button', { name: /Load photo from/ })).toHaveCount(0);
  await expect.poll(() => f.g.requests.filter((u) => u.includes('/samples/living-room/rgb.png')).length).toBe(1);
  const v3 = await viewOf(f.page);
  expect(v3?.position[0]).toBeCloseTo(v2.position[0], 5); // the photo arriving does not move the camera
  await expectClean(f.page, f.g, info);
  await f.context.close();
});

test('an uploaded photo travels as a thumbnail under the limit; a https photo URL asks first and loads under the CSP', async ({ page, browser }, info) => {
  const g = await guard(page);
  await page.goto('/?sample=desk');
  await waitObjects(page);
  // An uploaded RGB-D pair (the kitchen sample's photo and its millimetre depth PNG).
  const dir = join(ROOT, 'public', 'samples', 'kitchen-table');
  await page.getByRole('button', { name: 'RGB-D pair…' }).click();
  await page.getByTestId('rgbd-photo').setInputFiles(join(dir, 'rgb.png'));
  await page.getByTestId('rgbd-depth').setInputFiles(join(dir, 'depth.png'));
  const key = await page.evaluate(() => window.__spatiallens?.sceneKey);
  await page.getByRole('button', { name: 'Load RGB-D' }).click();
  await waitNewScene(page, key, 'rgbd:');
  const link = await makeLink(page);
  console.log(`[share] uploaded-photo link: ${link.chars} chars (limit ${link.max}), photo ${link.mode}`);
  expect(link.mode).toBe('thumbnail');
  expect(link.chars).toBeLessThanOrEqual(link.max);
  expect(link.max).toBe(8000);
  await expectClean(page, g, info);

  const f = await fresh(browser);
  await f.page.goto(link.url);
  await expect(f.page.getByTestId('link-banner')).toContainText('a thumbnail inside the link');
  await f.page.waitForFunction(() => window.__spatiallens?.sceneKey?.startsWith('link:'));
  await expect(f.page.getByRole('button', { name: /Load photo from/ })).toHaveCount(0);

  // A photo at a public https URL (?image=…): the link carries the URL; the receiver is asked first.
  // ?image= on another host asks first (issue 14): nothing is requested until the person agrees
  f.g.requests.length = 0;
  await f.page.goto(`/?image=https://${PHOTO_HOST}/street.png`);
  await expect(f.page.getByTestId('remote-request')).toContainText(PHOTO_HOST);
  expect(f.g.requests.filter((u) => new URL(u).host === PHOTO_HOST)).toEqual([]);
  await f.page.getByRole('button', { name: `Load photo from ${PHOTO_HOST}` }).click();
  await f.page.waitForFunction(() => window.__spatiallens?.sceneKey?.startsWith('photo:'));
  await expect(f.page.locator('.scene-info')).toContainText('640 × 480'); // fetched through the CSP (connect-src https:)
  // no scene without models: the host's URL is what a link would carry, checked through a hand-made link
  const urlLink = rewriteLink(link.url, (j) => {
    j.photo = { url: `https://${PHOTO_HOST}/street.png` };
  });
  f.g.requests.length = 0;
  await f.page.goto(urlLink);
  await expect(f.page.getByTestId('link-banner')).toContainText(PHOTO_HOST);
  expect(f.g.requests.filter((u) => u.includes(PHOTO_HOST))).toEqual([]);
  await f.page.getByRole('button', { name: `Load photo from ${PHOTO_HOST}` }).click();
  await expect(f.page.getByRole('button', { name: /Load photo from/ })).toHaveCount(0);
  expect(f.g.requests.filter((u) => u.includes(PHOTO_HOST)).length).toBe(1);
  await expectClean(f.page, f.g, info);
  await f.context.close();
});

test('broken, tampered and foreign links say so and the app opens on a sample; a changed answer is flagged', async ({ page }, info) => {
  const g = await guard(page);
  await page.goto('/?sample=living-room');
  await waitObjects(page);
  const sentence = await ask(page, 'Is the red chair to the left of the blue chair?');
  const link = await makeLink(page);
  const bad = [
    '/#s1.AAAA',
    `/#s1.${'x'.repeat(50)}`,
    `/${link.url.slice(link.url.indexOf('#'), link.url.length - 40)}`, // cut short in transit
    '/#s9.abcdef',
    `/#s1.${'A'.repeat(20000)}`,
  ];
  for (const b of bad) {
    await page.goto('about:blank');
    await page.goto(b);
    // the message comes once the fallback sample is built (its load clears older notices)
    await expect(page.getByTestId('notice')).toContainText('This share link could not be opened', { timeout: 30_000 });
    await waitObjects(page);
    expect((await page.evaluate(() => window.__spatiallens?.sceneKey)) ?? '').toMatch(/^sample:/);
  }
  // A valid link whose carried answer was edited: the recomputed answer is shown, with a warning.
  const forged = rewriteLink(link.url, (j) => {
    const q = j.question as { answer: { verdict: string }; sentence: string };
    q.answer.verdict = q.answer.verdict === 'yes' ? 'no' : 'yes';
    q.sentence = 'Forged answer.';
  });
  await page.goto('about:blank');
  await page.goto(forged);
  await expect(page.getByTestId('link-mismatch')).toBeVisible();
  await expect(page.getByTestId('link-mismatch')).toContainText('Forged answer.');
  await expect(page.locator('[data-testid="answer"] .answer-sentence').first()).toHaveText(sentence);
  await expectClean(page, g, info);
});

test('markup in a caption (scene file, then link) renders as text: no dialog, no img element', async ({ page, browser }, info) => {
  const g = await guard(page);
  await page.goto('/?sample=living-room');
  await waitObjects(page);
  const files = unzipSync(await saveScene(page));
  const scene = JSON.parse(strFromU8(files['scene.json'])) as { objects: { caption: string }[] };
  scene.objects[0].caption = HOSTILE;
  files['scene.json'] = strToU8(JSON.stringify(scene));
  const key = await openScene(page, 'hostile.spatiallens', zipSync(files as Zippable));
  await waitNewScene(page, key, 'file:');
  const check = async (p: Page, gg: Guarded) => {
    await expect(p.getByTestId('photo-svg').locator('g.obj2d text').first()).toHaveText(HOSTILE);
    await expect(p.locator('.viewer-label--object').first()).toHaveText(HOSTILE);
    await expect(p.locator('.chip-row .chip').first()).toContainText(HOSTILE);
    await p.waitForTimeout(300);
    expect(await p.locator('img').count()).toBe(0);
    expect(gg.dialogs).toEqual([]);
  };
  await check(page, g);
  const link = await makeLink(page);
  // an opened file has no public photo URL: a thumbnail travels, and a 6-object scene still fits
  console.log(`[share] 6-object scene-file link: ${link.chars} chars (limit ${link.max}), photo ${link.mode}`);
  expect(link.mode).toBe('thumbnail');
  expect(link.chars).toBeLessThanOrEqual(link.max);
  await expectClean(page, g, info);

  const f = await fresh(browser);
  await f.page.goto(link.url);
  await waitObjects(f.page);
  await check(f.page, f.g);
  await expect(f.page.getByTestId('link-banner')).toContainText(HOSTILE);
  await expectClean(f.page, f.g, info);
  await f.context.close();
});

test('two objects with one caption are named apart everywhere: labels, chips, and the answer', async ({ page }, info) => {
  const g = await guard(page);
  await page.goto('/?sample=living-room');
  await waitObjects(page);
  const files = unzipSync(await saveScene(page));
  const scene = JSON.parse(strFromU8(files['scene.json'])) as { objects: { caption: string }[] };
  scene.objects[0].caption = 'chair';
  scene.objects[1].caption = 'chair';
  files['scene.json'] = strToU8(JSON.stringify(scene));
  const key = await openScene(page, 'two-chairs.spatiallens', zipSync(files as Zippable));
  await waitNewScene(page, key, 'file:');
  const both = ['left chair', 'right chair'];
  // the sample's red and blue chairs keep their own captions
  const named = (texts: string[]) => texts.filter((c) => /^(?:left|right) chair$/.test(c)).sort();
  expect(named(await captions(page))).toEqual(both);
  expect(named(await page.locator('.viewer-label--object').allTextContents())).toEqual(both);
  // a chip inserts the name the parser reads back
  await page.getByLabel('Question', { exact: true }).fill('How far is ');
  await page.locator('.chip-row .chip', { hasText: 'left chair' }).click();
  await expect(page.getByLabel('Question', { exact: true })).toHaveValue(/left chair/);
  const sentence = await ask(page, 'How far is the left chair from the right chair?');
  expect(sentence).toMatch(/^The left chair and the right chair are /);
  // a choice's headline names the one chosen as the answer does
  await ask(page, 'Which is closer to the camera, the left chair or the right chair?');
  await expect(page.getByTestId('answer').first().locator('.answer-value')).toHaveText(/^(?:left|right) chair/);
  await expectClean(page, g, info);
});

test('a scene file saved and reopened gives the same scene; drag and drop; a version 1 file opens; bad files fail clearly', async ({ page }, info) => {
  const g = await guard(page);
  await page.goto('/?sample=living-room');
  await waitObjects(page);
  await ask(page, 'How far is the red chair from the blue chair?');
  await ask(page, 'Is the lamp taller than the sofa?');
  const ids = await objectIds(page);
  const caps = await captions(page);
  const bytes = await saveScene(page);
  console.log(`[share] living-room scene file: ${bytes.length} bytes`);
  const first = unzipSync(bytes);
  expect(Object.keys(first).sort()).toEqual(['depth.png', 'manifest.json', 'photo.png', 'points/colors.u8', 'points/positions.f32', 'questions.json', 'scene.json']);

  // reopen (file picker)
  let key = await openScene(page, 'living-room.spatiallens', bytes);
  await waitNewScene(page, key, 'file:');
  expect(await objectIds(page)).toEqual(ids);
  expect(await captions(page)).toEqual(caps);
  await expect(page.locator('[data-testid="answer"][data-kind="answer"]')).toHaveCount(4); // 2 asked + 2 restored
  // the 3D view has its cloud again (not the boxes-only overlay)
  await expect(page.getByText('No 3D scene for this input yet.')).toHaveCount(0);
  const again = unzipSync(await saveScene(page));
  expect(strFromU8(again['scene.json'])).toBe(strFromU8(first['scene.json']));
  expect(again['points/positions.f32']).toEqual(first['points/positions.f32']);

  // drag and drop
  await page.getByLabel('Sample scene').selectOption('desk');
  await page.waitForFunction(() => window.__spatiallens?.sceneKey?.startsWith('sample:desk'));
  key = await page.evaluate(() => window.__spatiallens?.sceneKey);
  await page.evaluate((b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([data], 'dropped.spatiallens'));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, Buffer.from(bytes).toString('base64'));
  await waitNewScene(page, key, 'file:');
  expect(await objectIds(page)).toEqual(ids);
  await expect(page.locator('.drop-overlay')).toHaveCount(0);

  // version 1 (the prototype's layout, see src/io/sceneFileMigrations.ts), built from the saved file
  const s2 = JSON.parse(strFromU8(first['scene.json'])) as Record<string, unknown> & { camera: { intrinsics: unknown; source: string } };
  const { camera, ...rest } = s2;
  const v1: Zippable = {
    'manifest.json': strToU8(JSON.stringify({ format: 'spatiallens-scene', version: 1, created: '2025-03-01T09:00:00Z', photo: 'image.png', depth: 'depth_mm.png' })),
    'scene.json': strToU8(JSON.stringify({ ...rest, intrinsics: camera.intrinsics, intrinsicsSource: camera.source })),
    'questions.json': strToU8(JSON.stringify(['How far is the red chair from the blue chair?'])),
    'image.png': first['photo.png'],
    'depth_mm.png': first['depth.png'],
  };
  key = await openScene(page, 'old.spatiallens', zipSync(v1));
  await waitNewScene(page, key, 'file:');
  expect(await objectIds(page)).toEqual(ids);
  await expect(page.getByTestId('notice')).toContainText(/version 1/);
  await expect(page.locator('[data-testid="answer"][data-kind="answer"]').first()).toContainText('How far is the red chair from the blue chair?');

  // not a scene file / damaged: a clear message, the scene stays
  key = await page.evaluate(() => window.__spatiallens?.sceneKey);
  await openScene(page, 'notes.spatiallens', strToU8('just some text'));
  await expect(page.getByTestId('notice')).toContainText(/could not be opened.*not a SpatialLens scene file/);
  await openScene(page, 'cut.spatiallens', bytes.subarray(0, 3000));
  await expect(page.getByTestId('notice')).toContainText(/cut\.spatiallens.*could not be opened/);
  expect(await page.evaluate(() => window.__spatiallens?.sceneKey)).toBe(key);
  await expectClean(page, g, info);
});

test('the built app carries a strict CSP and still works under it; no raw HTML sinks in the source', async ({ page }, info) => {
  const g = await guard(page);
  const violations: string[] = [];
  await page.exposeFunction('__cspViolation', (s: string) => violations.push(s));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation: (s: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto('/?sample=street');
  await waitObjects(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const d of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self' blob:", "object-src 'none'", "base-uri 'none'", 'https://huggingface.co'])
    expect(csp).toContain(d);
  expect(csp).not.toMatch(/(^|\s)'unsafe-eval'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(g.errors).toEqual([]);
  // the policy is live: an inline script injected now does not run
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.appendChild(s);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations.length).toBe(1); // exactly that inline script
  expect(violations[0]).toMatch(/^script-src/);
  // that refusal is the one expected console report; anything else stays an error
  await expect.poll(() => g.errors.length).toBe(1);
  expect(g.errors[0]).toMatch(/inline script/i);
  g.errors.length = 0;
  violations.length = 0;
  await ask(page, 'Is the bus taller than the car?');
  await page.getByLabel('Sample scene').selectOption('living-room');
  await page.waitForFunction(() => window.__spatiallens?.sceneKey?.startsWith('sample:living-room'));
  expect(violations).toEqual([]);

  // No dangerouslySetInnerHTML / innerHTML writes anywhere in the app's source.
  const sinks: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(n) && !/\.test\.ts$/.test(n)) {
        const src = readFileSync(p, 'utf8');
        if (/dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML/.test(src)) sinks.push(p);
      }
    }
  };
  walk(join(ROOT, 'src'));
  walk(join(ROOT, 'workers'));
  expect(sinks).toEqual([]);
  await expectClean(page, g, info);
});
