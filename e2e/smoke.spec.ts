import { expect, test } from '@playwright/test';
import { guard } from './lib/offline';

test('the built app loads with every non-localhost request blocked', async ({ page }) => {
  const { outside, errors } = await guard(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'SpatialLens' })).toBeVisible();
  expect(errors).toEqual([]);
  expect(outside).toEqual([]);
  const isolated = await page.evaluate(() => crossOriginIsolated);
  expect(isolated).toBe(true);
});
