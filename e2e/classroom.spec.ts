/**
 * Classroom mode in the built app, driven by the keyboard only: presenter mode (P, arrows, Escape) over the
 * scene's suggested questions and over questions saved in a scene file, and "guess first" with a class's
 * pooled guesses. Every request outside localhost is blocked and recorded.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { guard } from './lib/offline';
import { readFileSync } from 'node:fs';


/** The question box has the focus once a scene is in (P would type a p there): the person clicks away first. */
async function leaveQuestionBox(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function expectClean(page: Page, g: { outside: string[]; errors: string[] }, info: TestInfo) {
  expect(g.errors, 'page errors').toEqual([]);
  expect(g.outside, 'requests outside localhost').toEqual([]);
  info.annotations.push({ type: 'outside-requests', description: String(g.outside.length) });
  await page.unrouteAll({ behavior: 'ignoreErrors' });
}

test.use({ viewport: { width: 1400, height: 900 } });

test('presenter mode: P opens it, arrows step through the suggestions, Escape leaves', async ({ page }, info) => {
  const g = await guard(page, { onCsp: true });
  await page.goto('/?sample=living-room');
  await page.waitForFunction(() => (window.__spatiallens?.objectIds.length ?? 0) > 0, null, { timeout: 60_000 });
  const suggestions = await page.locator('.suggestions .suggestion').allTextContents();
  expect(suggestions.length).toBeGreaterThan(1);

  await leaveQuestionBox(page);
  await page.keyboard.press('p');
  const presenter = page.getByTestId('presenter');
  await expect(presenter).toBeVisible();
  await expect(page.getByTestId('presenter-count')).toHaveText(`Question 1 of ${suggestions.length}`);
  await expect(page.getByTestId('presenter-question')).toHaveText(suggestions[0]);
  // the viewer fills the window
  const host = await page.getByTestId('viewer-host').boundingBox();
  expect(host?.width).toBeGreaterThanOrEqual(1390);
  expect(host?.height).toBeGreaterThanOrEqual(890);
  // large type
  const size = await page.getByTestId('presenter-question').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(size).toBeGreaterThanOrEqual(28);

  // guess first is on by default: the answer waits; G turns it off
  await expect(page.getByTestId('guess-first')).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('presenter-count')).toHaveText(`Question 2 of ${suggestions.length}`);
  await expect(page.getByTestId('presenter-question')).toHaveText(suggestions[1]);
  await expect(page.getByTestId('presenter-answer')).toBeVisible();
  await expect(page.locator('.viewer-label--object.is-highlighted').first()).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft'); // clamped at the first question
  await expect(page.getByTestId('presenter-count')).toHaveText(`Question 1 of ${suggestions.length}`);
  await page.screenshot({ path: join(tmpdir(), 'spatiallens-e2e', 'presenter.png') });
  await page.keyboard.press('Escape');
  await expect(presenter).toHaveCount(0);
  const hostAfter = await page.getByTestId('viewer-host').boundingBox();
  expect(hostAfter?.width).toBeLessThan(1000);
  await expectClean(page, g, info);
});

test('guess first on questions saved in a scene file: guesses pooled, revealed, errors and spread shown', async ({ page }, info) => {
  const g = await guard(page, { onCsp: true });
  await page.goto('/?sample=living-room');
  await page.waitForFunction(() => (window.__spatiallens?.objectIds.length ?? 0) > 0, null, { timeout: 60_000 });
  const questions = ['Is the red chair to the left of the blue chair?', 'How far is the red chair from the blue chair?'];
  for (const q of questions) {
    await page.getByLabel('Question', { exact: true }).fill(q);
    await page.getByLabel('Question', { exact: true }).press('Enter');
  }
  await expect(page.getByTestId('answer')).toHaveCount(2);
  const truth = Number(await page.locator('[data-testid="answer"]', { hasText: questions[1] }).getAttribute('data-value'));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save scene' }).click();
  const bytes = readFileSync(await (await download).path());
  const key = await page.evaluate(() => window.__spatiallens?.sceneKey);
  await page.getByTestId('scene-file-input').setInputFiles({ name: 'lesson.spatiallens', mimeType: 'application/zip', buffer: bytes });
  await page.waitForFunction((k) => window.__spatiallens?.sceneKey !== k && window.__spatiallens?.sceneKey?.startsWith('file:'), key);

  // keyboard only from here
  await leaveQuestionBox(page);
  await page.keyboard.press('p');
  await expect(page.getByTestId('presenter-count')).toHaveText('Question 1 of 2');
  await expect(page.getByTestId('presenter-question')).toHaveText(questions[0]);
  // guess first is on by default, for a yes/no question too: the class picks Yes or No first
  await expect(page.getByTestId('guess-first')).toBeVisible();
  await expect(page.getByTestId('guess-first').getByRole('button', { name: 'Yes' })).toBeVisible();
  await expect(page.getByTestId('presenter-answer')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('presenter-question')).toHaveText(questions[1]);
  await expect(page.getByTestId('guess-first')).toBeVisible();
  await expect(page.getByTestId('presenter-answer')).toHaveCount(0);
  await expect(page.locator('.viewer-label--measure')).toHaveCount(0); // the line would give the number away

  // a bare number is in the display unit; a length may carry its own unit
  const guesses: [string, string][] = [['Ana', '2.5 m'], ['Ben', '400 cm'], ['Cy', '3']];
  const metres = [2.5, 4, 3];
  await page.keyboard.press('Tab'); // -> Name (the first field of the form after the bar's controls)
  for (let i = 0; i < 6 && !(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.closest('label')?.textContent?.startsWith('Name'))); i++) {
    await page.keyboard.press('Tab');
  }
  for (const [name, value] of guesses) {
    await page.keyboard.type(name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('guess-first')).toContainText('3 guesses in: Ana, Ben, Cy');
  // Tab past the guess field and "Add guess" to "Reveal answer"
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Reveal answer' })).toBeFocused();
  await page.keyboard.press('Enter');

  const answer = page.getByTestId('presenter-answer');
  await expect(answer).toBeVisible();
  expect(Number(await answer.getAttribute('data-value'))).toBeCloseTo(truth, 6);
  const rows = page.getByTestId('guess-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  for (const [i, v] of metres.entries()) {
    expect(Number(await rows.nth(i).getAttribute('data-error'))).toBeCloseTo(v - truth, 6);
  }
  const spread = page.getByTestId('guess-spread');
  expect(Number(await spread.getAttribute('data-min'))).toBe(2.5);
  expect(Number(await spread.getAttribute('data-median'))).toBe(3);
  expect(Number(await spread.getAttribute('data-max'))).toBe(4);
  await expect(page.getByTestId('guess-plot').locator('circle')).toHaveCount(3);
  await expect(page.locator('.viewer-label--measure').first()).toBeVisible();
  await page.screenshot({ path: join(tmpdir(), 'spatiallens-e2e', 'guess-first.png') });

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presenter')).toHaveCount(0);
  await expectClean(page, g, info);
});
