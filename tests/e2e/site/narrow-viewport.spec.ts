/**
 * At a 375 px wide phone viewport each row of a code table is a card: nothing scrolls sideways,
 * and the table still filters and sorts. That no page widens and every other wide table has a
 * scrolling box is checked on every page by the site gates' sweep.
 */
import { expect, test } from '../support/fixtures';

test.use({ viewport: { width: 375, height: 740 } });

test('at 375 px each row of the code table is a card that fits the screen, and the table still filters and sorts', async ({
  page,
}) => {
  await page.goto('codes/');
  const table = page.locator('main table.code-table').first();
  await expect(table).toBeVisible();
  const box = table.locator('xpath=ancestor::*[contains(@class, "table-wrap")][1]');
  const widths = await box.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  const rows = table.locator('tbody tr:not([hidden]):not(.ft-empty):not(.ft-more)');
  const first = await rows.first().boundingBox();
  expect(first!.x + first!.width).toBeLessThanOrEqual(375);
  // A constant name breaks only after an underscore: each line of it starts a word.
  const name = rows.first().locator('.code-name');
  const lines = await name.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return [...range.getClientRects()].length;
  });
  expect(lines).toBeGreaterThanOrEqual(1);
  await expect(name.locator('wbr').first()).toBeAttached();

  const wrapper = table.locator('xpath=ancestor::error-catalog-table[1]');
  await wrapper.getByRole('searchbox', { name: 'Filter' }).fill('not found');
  await expect(rows.first()).toContainText(/not found/i);
  const sort = wrapper.getByRole('button', { name: 'Code', exact: true });
  await sort.click();
  await sort.click();
  const direction = await table.locator('thead th').first().getAttribute('aria-sort');
  expect(direction).toMatch(/^(ascending|descending)$/);
  const codes = await rows.locator('th').allTextContents();
  const numbers = codes.map((text) => Number(text.trim()));
  expect(numbers.length).toBeGreaterThan(1);
  expect(numbers).toEqual([...numbers].sort((a, b) => (direction === 'ascending' ? a - b : b - a)));
  expect(await page.evaluate(() => window.scrollX)).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
