/**
 * A code page as a reader meets it, measured rather than pictured: "On this page" beside the text
 * on a wide screen and folded above it on a phone, every link landing on a heading that carries
 * its own "#" link (History included), and the phone page kept short with support near the top.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';

const route = 'codes/core/1101/';

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found).not.toBeNull();
  return found!;
}

/** Every link of the list points at a heading of the page that has a visible "#" link to itself. */
async function expectLinksLandOnHeadings(page: Page, list: Locator) {
  const links = list.getByRole('link');
  const count = await links.count();
  expect(count).toBeGreaterThanOrEqual(6);
  for (let index = 0; index < count; index++) {
    const link = links.nth(index);
    const name = (await link.textContent())!.trim();
    const target = (await link.getAttribute('href'))!;
    expect(target).toMatch(/^#[a-z0-9-]+$/);
    const heading = page.locator(`[id="${target.slice(1)}"]`);
    await expect(heading).toHaveCount(1);
    expect(await heading.evaluate((element) => /^H[23]$/.test(element.tagName))).toBe(true);
    await expect(heading).toHaveText(name);
    await expect(page.getByRole('link', { name: `Link to the section “${name}”` })).toHaveAttribute('href', target);
  }
}

test.describe('at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('"On this page" sits beside the text on the first screen, History included, each link on its heading', async ({
    page,
  }) => {
    await page.goto(route);
    const list = page.getByRole('navigation', { name: 'On this page' });
    await expect(list).toHaveCount(1);
    await expect(list).toBeVisible();
    await expect(list.getByRole('link', { name: 'History' })).toBeVisible();
    const listBox = await box(list);
    const text = await box(page.getByRole('region', { name: 'Message' }));
    // Beside the main text column: to its right, not overlapping it, and in view without scrolling.
    expect(listBox.x).toBeGreaterThanOrEqual(text.x + text.width);
    expect(listBox.x + listBox.width).toBeLessThanOrEqual(1280);
    expect(listBox.y).toBeGreaterThanOrEqual(0);
    expect(listBox.y + Math.min(listBox.height, 100)).toBeLessThanOrEqual(800);
    await expectLinksLandOnHeadings(page, list);
    await list.getByRole('link', { name: 'History' }).click();
    await expect(page).toHaveURL(/#history$/);
    await expect(page.getByRole('heading', { name: 'History' })).toBeInViewport();
  });
});

test.describe('at 375 px', () => {
  test.use({ viewport: { width: 375, height: 667 } });

  test('"On this page" is a closed disclosure above the text; opened, its links land on their headings', async ({
    page,
  }) => {
    await page.goto(route);
    const list = page.getByRole('navigation', { name: 'On this page' });
    // Closed: no list of links pushes the message down.
    await expect(list).toHaveCount(0);
    const toggle = page.locator('summary', { hasText: 'On this page' });
    await expect(toggle).toBeVisible();
    const toggleBox = await box(toggle);
    expect(toggleBox.y + toggleBox.height).toBeLessThanOrEqual(
      (await box(page.getByRole('heading', { name: 'Message', exact: true }))).y,
    );
    await toggle.click();
    await expect(list).toHaveCount(1);
    await expect(list.getByRole('link', { name: 'History' })).toBeVisible();
    expect((await box(list)).y).toBeLessThan((await box(page.getByRole('region', { name: 'Message' }))).y);
    await expectLinksLandOnHeadings(page, list);
  });

  test('the phone page stays short and its support section starts within the first three screens', async ({ page }) => {
    await page.goto(route);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    // 4,039 px before the phone layout was tightened (issue 15); every section is still there.
    expect(height).toBeLessThanOrEqual(3600);
    for (const name of ['Message', 'Cause', 'Resolution', 'For support staff', 'Retry', 'Example body', 'History'])
      await expect(page.getByRole('region', { name, exact: true })).toBeAttached();
    const support = await box(page.getByRole('heading', { name: 'For support staff' }));
    expect(support.y).toBeLessThan(3 * 667);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
