/**
 * The first hour of a new user (issue #16), from the user's side: what they type, click and see, on the
 * built-in samples, at a desktop size (1400x900) and on a phone (390x844), with no model host reachable
 * (every request outside localhost blocked). Answers are checked against each sample's ground truth.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { guard } from './lib/offline';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
type V3 = [number, number, number];
interface Truth { id: string; caption: string; truth: { center: V3; size: { width: number; height: number; depth: number } } }
const truth = (sample: string, id: string): Truth['truth'] => {
  const f = JSON.parse(readFileSync(join(ROOT, 'public', 'samples', sample, 'scene.json'), 'utf8')) as { objects: Truth[] };
  const o = f.objects.find((x) => x.id === id);
  if (!o) throw new Error(`no ${id} in ${sample}`);
  return o.truth;
};

/** The question box has the focus once a scene is in (P would type a p there): the person clicks away first. */
async function leaveQuestionBox(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function openSample(page: Page, name = 'living-room') {
  await page.goto(`/?sample=${name}`);
  await page.waitForFunction((n) => window.__spatiallens?.sceneKey?.startsWith(`sample:${n}`) && (window.__spatiallens?.objectIds.length ?? 0) > 0, name, { timeout: 60_000 });
}

interface Card { kind: string; verdict: string; choice: string; value: number; text: string; first: boolean; inView: boolean }

/** Type a question, press Enter; the new card must be the first in the list and on screen. */
async function ask(page: Page, question: string): Promise<Card> {
  const before = await page.getByTestId('answer').count();
  const box = page.getByLabel('Question', { exact: true });
  await box.fill(question);
  await box.press('Enter');
  await expect(page.getByTestId('answer')).toHaveCount(before + 1);
  const first = page.getByTestId('answer').first();
  await expect(first).toContainText(question);
  await expect(first).toBeInViewport();
  return first.evaluate((e) => {
    const d = (e as HTMLElement).dataset;
    const r = e.getBoundingClientRect();
    return { kind: d.kind ?? '', verdict: d.verdict ?? '', choice: d.choice ?? '', value: Number(d.value), text: (e as HTMLElement).innerText, first: true, inView: r.top < innerHeight && r.bottom > 0 };
  });
}

const SIZES = [
  { name: 'desktop', viewport: { width: 1400, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

for (const size of SIZES) {
  test.describe(`first hour (${size.name})`, () => {
    test.use({ viewport: size.viewport });

    test('the questions of the first hour get measured answers, newest on top, suggestions folded after', async ({ page }) => {
      const g = await guard(page);
      await openSample(page, 'living-room');
      // the question box is focused once the scene is in, and on the first screen
      await expect(page.getByLabel('Question', { exact: true })).toBeFocused();
      const box = await page.getByLabel('Question', { exact: true }).boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(size.viewport.height);
      const suggestions = page.locator('details.suggestions');
      if (size.name === 'desktop') await expect(suggestions).toHaveAttribute('open', '');
      else await expect(suggestions).not.toHaveAttribute('open', '');

      const space = await ask(page, 'How much space is there between the sofa and the coffee table?');
      expect(space.kind).toBe('answer');
      expect(space.text).toMatch(/apart/);
      await expect(suggestions).not.toHaveAttribute('open', '');

      const sofa = truth('living-room', 'sofa').center;
      const far = await ask(page, 'How far is the sofa from me?');
      expect(far.kind).toBe('answer');
      expect(far.text).toMatch(/from the camera/);
      expect(far.value).toBeGreaterThan(Math.hypot(sofa[0], sofa[2]) * 0.95);
      expect(far.value).toBeLessThan(Math.hypot(sofa[0], sofa[1], sofa[2]) * 1.1);

      const red = truth('living-room', 'red-chair').center, blue = truth('living-room', 'blue-chair').center;
      const closer = await ask(page, 'Is the red chair closer to me than the blue chair?');
      expect(closer.verdict).toBe(-red[2] < -blue[2] ? 'yes' : 'no');

      // asked both ways: the side that holds, in the headline, the sentence and the 3D overlay, with no yes or no
      const side = await ask(page, 'Is the lamp on the left or the right of the sofa?');
      expect(side.verdict).toBe('yes');
      expect(side.text).toMatch(/^To the left of the grey sofa/m);
      expect(side.text).toMatch(/to the left of the grey sofa/);
      expect(side.text).not.toMatch(/\bYes\b/);
      expect(await page.evaluate(() => window.__spatiallens?.visualLabels ?? [])).toContain('To the left of');
      const yes = await ask(page, 'Is the lamp to the left of the sofa?');
      expect(await page.evaluate(() => window.__spatiallens?.visualLabels ?? [])).toContain('Yes — to the left of');
      expect(yes.verdict).toBe('yes');
      const no = await ask(page, 'Is the blue chair to the left of the red chair?');
      expect(no.verdict).toBe('no');
      expect(await page.evaluate(() => window.__spatiallens?.visualLabels ?? [])).toContain('No — to the right of');

      const behind = await ask(page, 'What is directly behind the coffee table?');
      expect(behind.kind).toBe('answer');
      expect(behind.text).toMatch(/grey sofa is directly behind the coffee table/);

      const chairs = await ask(page, 'How many chairs are there?');
      expect(chairs.kind).toBe('answer');
      expect(chairs.value).toBe(2);
      expect(chairs.text).toMatch(/2 chairs: the red chair and the blue chair/);

      const tv = await ask(page, 'Where is the TV?');
      expect(tv.kind).toBe('unresolved');
      expect(tv.text).toMatch(/tv/i);
      expect(tv.text).toMatch(/grey sofa/);

      const feet = await ask(page, 'How tall is the lamp in feet and inches?');
      expect(feet.text).toMatch(/\b\d ft \d{1,2} in\b/);
      const lampIn = truth('living-room', 'lamp').size.height / 0.0254;
      const m = /(\d) ft (\d{1,2}) in/.exec(feet.text);
      expect(m && Math.abs(Number(m[1]) * 12 + Number(m[2]) - lampIn)).toBeLessThanOrEqual(2);

      const nearer = await ask(page, 'Which chair is nearer to me?');
      expect(nearer.kind).toBe('answer');
      expect(nearer.choice).toBe(-red[2] < -blue[2] ? 'red-chair' : 'blue-chair');

      // headline and sentence agree on the number as rounded
      const headline = await page.getByTestId('answer').nth(9).locator('.answer-value').innerText();
      const sentence = await page.getByTestId('answer').nth(9).locator('.answer-sentence').innerText();
      expect(sentence).toContain(headline);

      await page.getByLabel('Sample scene').selectOption('street');
      await page.waitForFunction(() => window.__spatiallens?.sceneKey?.startsWith('sample:street'));
      const bus = await ask(page, 'How long is the bus?');
      expect(bus.text).toMatch(/yellow bus is [\d.]+ m long/);
      expect(bus.value).toBeGreaterThan(truth('street', 'bus').size.width * 0.9);
      // older cards keep their captions and say they belong to the previous scene
      const old = page.getByTestId('answer').nth(1);
      await expect(old).toContainText('from the previous scene');
      await expect(old).toContainText(/red chair|blue chair/);

      const all = await page.getByTestId('answer').allInnerTexts();
      for (const t of all) expect(t).not.toMatch(/unknown object id|undefined|NaN|\.\.|m\^3|\(0\.\.1\)/);
      expect(g.errors).toEqual([]);
      expect(g.outside).toEqual([]);
    });

    test('where relative, standing and facing, against a length, the picture\'s side, a kind as a whole, a follow-up: answered from the measurements', async ({ page }) => {
      test.skip(size.name !== 'desktop', 'the same answers on a phone; the first-hour test covers the layout');
      const g = await guard(page);
      await openSample(page, 'living-room');
      const where = await ask(page, 'Where is the floor lamp relative to the sofa?');
      expect(where.kind).toBe('answer');
      expect(where.text).toMatch(/the floor lamp is to the left of the grey sofa \(by 2\.\d+ m\)/);
      expect(where.text).toMatch(/higher \(by/);
      // standing at the sofa facing the coffee table, i.e. towards the camera: the lamp, left in the photo, is on one's right
      const [s, t, l] = [truth('living-room', 'sofa').center, truth('living-room', 'coffee-table').center, truth('living-room', 'lamp').center];
      const f = [t[0] - s[0], t[2] - s[2]];
      const v = [l[0] - s[0], l[2] - s[2]];
      const rightOfFacing = v[0] * -f[1] + v[1] * f[0] > 0;
      const facing = await ask(page, 'If I stand at the sofa facing the coffee table, is the floor lamp on my left?');
      expect(facing.verdict).toBe(rightOfFacing ? 'no' : 'yes');
      expect(facing.text).toMatch(rightOfFacing ? /to your right/ : /to your left/);
      const tall = await ask(page, 'Is the floor lamp taller than 1 m?');
      expect(tall.verdict).toBe(truth('living-room', 'lamp').size.height > 1.1 ? 'yes' : 'about-the-same');
      expect(tall.text).toMatch(/^Yes · /m);
      const near = await ask(page, 'Is the red chair within 50 cm of the blue chair?');
      expect(near.verdict).toBe('no');
      expect(near.text).toMatch(/more than 50 cm/);
      // the picture's side, and a kind asked of as a whole
      const side = await ask(page, 'Which side of the picture is the floor lamp on?');
      expect(side.text).toMatch(/^Left side/m);
      const chairs = await ask(page, 'Are the chairs shorter than the floor lamp?');
      expect(chairs.verdict).toBe('yes');
      expect(chairs.text).toMatch(/both chairs are shorter than the floor lamp/);
      // a follow-up is the previous question about another object, and says what it was read as
      await ask(page, 'How tall is the floor lamp?');
      const next = await ask(page, 'And the sofa?');
      expect(next.kind).toBe('answer');
      expect(next.text).toMatch(/Read as: How tall is the sofa\?/);
      expect(g.errors).toEqual([]);
      expect(g.outside).toEqual([]);
    });

    test('a clarification ends when a candidate is chosen; why is plain words with the formula one click deeper', async ({ page }) => {
      const g = await guard(page);
      await openSample(page, 'kitchen-table');
      const c = await ask(page, 'How tall is the chair?');
      expect(c.kind).toBe('clarify');
      await page.getByTestId('answer').first().getByRole('button', { name: 'green chair' }).click();
      await expect(page.getByTestId('answer')).toHaveCount(2);
      const first = page.getByTestId('answer').first();
      await expect(first).toHaveAttribute('data-kind', 'answer');
      await expect(first).toContainText('green chair');
      await first.getByText('Why?').click();
      const why = first.locator('.evidence');
      await expect(why).toContainText('Height of the green chair');
      await expect(why.locator('.why-method')).not.toHaveAttribute('open', '');
      expect(await why.innerText()).not.toMatch(/green-chair|\bid\b/);
      expect(g.errors).toEqual([]);
    });

    test('a photo with no model host reachable: the host is named before the button, with the ways forward', async ({ page }) => {
      const g = await guard(page);
      await openSample(page, 'desk');
      const photo = readFileSync(join(ROOT, 'public', 'samples', 'kitchen-table', 'rgb.png'));
      await page.getByTestId('photo-input').setInputFiles({ name: 'kitchen.png', mimeType: 'image/png', buffer: photo });
      const alert = page.getByTestId('host-unreachable');
      await expect(alert).toContainText('huggingface.co cannot be reached', { timeout: 20_000 });
      await alert.getByRole('button', { name: 'Set a model host…' }).click();
      await expect(page.getByTestId('effective-host')).toContainText('huggingface.co');
      await expect(page.locator('.settings')).toContainText('npm run models:mirror');
      await alert.getByRole('button', { name: 'Open a sample scene' }).click();
      await page.waitForFunction(() => window.__spatiallens?.sceneKey?.startsWith('sample:living-room'));
      expect(g.errors).toEqual([]);
      expect(g.outside).toEqual([]);
    });

    test('?modelHost= shows in Settings as the effective host', async ({ page }) => {
      await guard(page);
      await page.goto('/?sample=desk&modelHost=/my-models/');
      await page.getByRole('button', { name: 'Settings' }).click();
      await expect(page.getByTestId('effective-host')).toContainText('from the address');
      await expect(page.getByTestId('effective-host')).toContainText('/my-models/');
    });

    test('presenter mode: guess first for yes/no too, lengths with units, Escape leaves the field, the strip never covers the objects', async ({ page }) => {
      await guard(page);
      await openSample(page, 'living-room');
      await page.getByLabel('Question', { exact: true }).fill('How far is the red chair from the blue chair?');
      await page.getByLabel('Question', { exact: true }).press('Enter');
      await leaveQuestionBox(page);
  await page.keyboard.press('p');
      const strip = page.getByTestId('presenter');
      await expect(strip).toBeVisible();
      await expect(page.getByTestId('guess-first')).toBeVisible();
      // step to a numeric question among the suggestions, guessing first on every one
      for (let i = 0; i < 8 && !(await page.getByLabel(/Guess \(/).count()); i++) {
        await expect(page.getByTestId('presenter-answer')).toHaveCount(0);
        await page.keyboard.press('ArrowRight');
      }
      const field = page.getByLabel(/Guess \(/);
      await field.fill('8 ft');
      await field.press('Enter');
      await expect(page.getByTestId('guess-first')).toContainText('1 guess in');
      await field.focus();
      await page.keyboard.press('Escape');
      await expect(strip).toBeVisible();
      await expect(field).not.toBeFocused();
      // the highlighted objects' labels sit above the strip
      const top = (await strip.boundingBox())?.y ?? 0;
      for (const label of await page.locator('.viewer-label--object.is-highlighted').all()) {
        const b = await label.boundingBox();
        if (b) expect(b.y + b.height).toBeLessThanOrEqual(top + 1);
      }
      await page.keyboard.press('r');
      await expect(page.getByTestId('guess-table')).toContainText('2.44');
      await page.keyboard.press('Escape');
      await expect(strip).toHaveCount(0);
    });

    test('a share link of a built-in sample: the receiver sees one answer card and the photo without a prompt', async ({ page, browser }) => {
      await guard(page);
      await openSample(page, 'living-room');
      await ask(page, 'Is the lamp taller than the sofa?');
      await page.getByRole('button', { name: 'Share', exact: true }).click();
      const url = await page.getByTestId('share-url').inputValue();
      const context = await browser.newContext({ viewport: size.viewport });
      const other = await context.newPage();
      const g = await guard(other);
      await other.goto(url);
      await expect(other.getByTestId('link-banner')).toBeVisible({ timeout: 30_000 });
      await expect(other.getByTestId('answer')).toHaveCount(1);
      await expect(other.getByTestId('answer')).toContainText('Is the lamp taller than the sofa?');
      // no "Load photo from ..." question: the photo is the app's own file
      await expect(other.getByRole('button', { name: /Load photo from/ })).toHaveCount(0);
      await other.waitForTimeout(1500);
      await expect(other.getByTestId('answer')).toHaveCount(1);
      await expect(other.getByRole('status').filter({ hasText: /Loading|Opening|Building/ })).toHaveCount(0);
      expect(g.errors).toEqual([]);
      expect(g.outside).toEqual([]);
      await context.close();
    });

    test('keyboard: a skip link to the question box; no serious accessibility violations', async ({ page }) => {
      await guard(page);
      await openSample(page, 'living-room');
      // from the top of the page, as a keyboard user arrives
      await page.evaluate(() => {
        document.body.tabIndex = -1;
        document.body.focus();
      });
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: 'Skip to the question box' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByLabel('Question', { exact: true })).toBeFocused();
      await ask(page, 'Is the lamp taller than the sofa?');
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
      await page.getByRole('tab', { name: 'Dataset export' }).click();
      const ds = await new AxeBuilder({ page }).analyze();
      expect(ds.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    });
  });
}

test.describe('motion', () => {
  test.use({ viewport: { width: 1400, height: 900 } });
  for (const pref of ['reduce', 'no-preference'] as const) {
    test(`the newest answer is brought into view ${pref === 'reduce' ? 'at once when the system asks for less motion' : 'with a glide otherwise'}`, async ({ page }) => {
      await page.emulateMedia({ reducedMotion: pref });
      await page.addInitScript(() => {
        const w = window as unknown as { __scrolls: string[] };
        w.__scrolls = [];
        const original = Element.prototype.scrollIntoView;
        Element.prototype.scrollIntoView = function (arg?: boolean | ScrollIntoViewOptions) {
          w.__scrolls.push(typeof arg === 'object' ? (arg.behavior ?? 'auto') : 'auto');
          original.call(this, arg);
        };
      });
      await guard(page);
      await openSample(page, 'living-room');
      await ask(page, 'Is the lamp taller than the sofa?');
      const behaviours = await page.evaluate(() => (window as unknown as { __scrolls: string[] }).__scrolls);
      expect(behaviours.at(-1)).toBe(pref === 'reduce' ? 'auto' : 'smooth');
    });
  }
});
