/**
 * At a 375 px wide phone viewport the wide code table scrolls inside its box. That no page widens
 * and every wide table has a scrolling box is checked on every page by the site gates' sweep.
 */
import { expect, test } from '@playwright/test';

test.use({ viewport: { width: 375, height: 740 } });

test('at 375 px the wide code table can be scrolled sideways inside its box', async ({ page }) => {
  await page.goto('codes/');
  const table = page.locator('main table').first();
  await expect(table).toBeVisible();
  const box = table.locator('xpath=ancestor::*[contains(@class, "table-wrap")][1]');
  const scrolled = await box.evaluate((element) => {
    element.scrollLeft = 120;
    return { scrollLeft: element.scrollLeft, scrollWidth: element.scrollWidth, clientWidth: element.clientWidth };
  });
  expect(scrolled.scrollWidth).toBeGreaterThan(scrolled.clientWidth);
  expect(scrolled.scrollLeft).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.scrollX)).toBe(0);
});
