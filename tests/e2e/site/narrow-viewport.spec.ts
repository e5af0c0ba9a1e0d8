/** At a 375 px wide phone viewport, wide tables scroll inside their box; the page never widens. */
import { expect, test } from '@playwright/test';
import { gotoPath, siteOf, sitemapRoutes } from '../support/built-site';

test.use({ viewport: { width: 375, height: 740 } });

test('at 375 px no sitemap page scrolls sideways, and every table wider than the screen scrolls in its own box', async ({
  page,
}, testInfo) => {
  const site = siteOf(testInfo);
  const routes = sitemapRoutes(site);
  test.setTimeout(30_000 + routes.length * 3_000);
  const problems: string[] = [];
  let wideTables = 0;
  for (const route of routes) {
    await page.goto(gotoPath(route));
    const result = await page.evaluate(() => {
      const root = document.documentElement;
      const tables = [...document.querySelectorAll('table')].map((table) => {
        for (let box = table.parentElement; box && box !== document.body; box = box.parentElement) {
          const overflowX = getComputedStyle(box).overflowX;
          if (overflowX === 'auto' || overflowX === 'scroll') {
            return {
              scrolls: true,
              wide: box.scrollWidth > box.clientWidth + 1,
              boxRight: box.getBoundingClientRect().right,
            };
          }
        }
        return {
          scrolls: false,
          wide: table.getBoundingClientRect().width > root.clientWidth,
          boxRight: table.getBoundingClientRect().right,
        };
      });
      return { pageOverflow: root.scrollWidth - root.clientWidth, width: root.clientWidth, tables };
    });
    if (result.pageOverflow > 1) problems.push(`/${route}: the page is ${result.pageOverflow}px wider than the screen`);
    result.tables.forEach((table, index) => {
      if (table.wide) wideTables += 1;
      if (!table.scrolls && table.wide)
        problems.push(`/${route}: table ${index + 1} is wider than the screen and has no scrolling box`);
      if (table.boxRight > result.width + 1)
        problems.push(`/${route}: the box of table ${index + 1} reaches past the screen edge`);
    });
  }
  console.log(
    `[${site.name}] 375 px: ${routes.length} pages, ${wideTables} table(s) wider than the screen, each scrolling in its box`,
  );
  expect(problems).toEqual([]);
});

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
