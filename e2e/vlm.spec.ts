/**
 * Free-form questions and the small VLM, offline. No tiny SmolVLM exists for tests, so the real VLM path runs
 * until it needs the model host: the card asks before any download (showing the size), nothing is fetched
 * until the person accepts, the blocked host gives a clear message, and measured questions keep working.
 * The streamed answer and Stop are not reached here (they need the real model).
 */
import { expect, test, type Page } from '@playwright/test';
import { guard } from './lib/offline';


async function ask(page: Page, q: string) {
  await page.getByLabel('Question', { exact: true }).fill(q);
  await page.getByLabel('Question', { exact: true }).press('Enter');
}

test('a free-form question asks before downloading the VLM; an unreachable host gives a clear message', async ({ page }) => {
  test.setTimeout(120_000);
  const g = await guard(page);
  await page.goto('/?sample=living-room');
  await page.waitForFunction(() => (window.__spatiallens?.objectIds.length ?? 0) > 0, null, { timeout: 60_000 });

  await ask(page, 'What is the mood of this room?');
  const card = page.locator('[data-testid="answer"][data-kind="free-form"]');
  await expect(card).toHaveAttribute('data-vlm', 'confirm');
  await expect(card.getByTestId('vlm-size')).toHaveText(/^\d+ MB$/);
  await expect(card).toContainText('SmolVLM');
  await expect(card).toContainText('not measured');
  // One answer list, newest first (#16): the VLM card is on top, marked as not measured (checked above).
  await expect(page.getByTestId('answer').first()).toHaveAttribute('data-kind', 'free-form');
  await page.waitForTimeout(500);
  expect(g.outside, 'nothing is downloaded before the person accepts').toEqual([]);

  await card.getByRole('button', { name: 'Download the VLM and answer' }).click();
  await expect(card).toHaveAttribute('data-vlm', 'error', { timeout: 60_000 });
  await expect(card.getByTestId('vlm-error')).toContainText('could not be loaded');
  await expect(card.getByTestId('vlm-error')).toContainText('Measured questions still work');
  // Only the model host was tried (and blocked).
  expect(g.outside.length).toBeGreaterThan(0);
  for (const u of g.outside) expect(new URL(u).hostname).toBe('huggingface.co');

  // The app stays usable: a measured question still gets a measured answer.
  await ask(page, 'How far is the lamp from the sofa?');
  await expect(page.locator('[data-testid="answer"][data-kind="answer"]')).toHaveCount(1);

  // "No thanks" on a second open question: nothing more is fetched.
  const before = g.outside.length;
  await ask(page, 'Is this room cosy?');
  const second = page.locator('[data-testid="answer"][data-kind="free-form"]').first();
  await expect(second).toHaveAttribute('data-vlm', 'confirm');
  await second.getByRole('button', { name: 'No thanks' }).click();
  await expect(second).toHaveAttribute('data-vlm', 'not-loaded');
  expect(g.outside.length).toBe(before);
  expect(g.errors).toEqual([]);
});
