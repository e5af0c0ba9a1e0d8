/**
 * The header search dialog on the built site: keyboard use, focus handling, exact lookup matches
 * ahead of Pagefind's full-text results, filters, excerpts and the live count. The tests that only
 * read and type share their worker's page (`readerPage`); the axe passes change its colours.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { axeOn, WCAG_TAGS } from '../support/gates';

const dialogOf = (page: Page) => page.getByRole('dialog', { name: 'Search the error reference' });
const inputOf = (page: Page) => dialogOf(page).getByRole('searchbox');
const resultsOf = (page: Page) => dialogOf(page).getByRole('list', { name: 'Search results' });
/** The main link of each result (section links are nested lists). */
const resultLinks = (page: Page) => resultsOf(page).locator(':scope > li > a');

async function openWithSlash(page: Page) {
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Search' })).toBeEnabled();
  await page.keyboard.press('/');
  await expect(dialogOf(page)).toBeVisible();
  await expect(inputOf(page)).toBeFocused();
}

/** Waits until the list shows the answer to the latest query and filters. */
async function settled(page: Page) {
  await expect(resultsOf(page)).not.toHaveAttribute('aria-busy', 'true');
}

async function search(page: Page, query: string) {
  await inputOf(page).fill(query);
  await expect(dialogOf(page).getByRole('status')).toContainText(`for “${query}”`);
  await settled(page);
}

test.describe('exact matches come first', () => {
  // Each first result must come from the lookup index (its badge says so), not from Pagefind's
  // ranking, which on its own lists 4003 before the 400 status page ("400" is a prefix of 4003).
  const cases = [
    { query: 'CUSTOMER_NOT_FOUND', url: /\/codes\/core\/1101\/$/, code: '1101', badge: 'Exact match' },
    { query: 'customer_not_found', url: /\/codes\/core\/1101\/$/, code: '1101', badge: 'Exact match' },
    { query: 'customer not found', url: /\/codes\/core\/1101\/$/, code: '1101', badge: 'Exact match' },
    { query: 'Customer cus_1029 not found.', url: /\/codes\/core\/1101\/$/, code: '1101', badge: 'Matching message' },
    { query: '1101', url: /\/codes\/core\/1101\/$/, code: '1101', badge: 'Exact match' },
    { query: '429', url: /\/statuses\/429\/$/, code: '429', badge: 'Exact match' },
    { query: '400', url: /\/statuses\/400\/$/, code: '400', badge: 'Exact match' },
  ];
  for (const { query, url, code, badge } of cases) {
    test(`"${query}" lists the ${code} page first`, async ({ readerPage: page }) => {
      await openWithSlash(page);
      await search(page, query);
      const first = resultLinks(page).first();
      await expect(first).toHaveAttribute('href', url);
      await expect(first.locator('.search-hit__code')).toHaveText(code);
      await expect(first.locator('.search-hit__badge')).toHaveText(badge);
      // The same page is not listed twice when Pagefind finds it too.
      const hrefs = await resultLinks(page).evaluateAll((links) =>
        links.map((link) => (link as HTMLAnchorElement).pathname),
      );
      expect(new Set(hrefs).size).toBe(hrefs.length);
    });
  }

  test('a code used by two code spaces lists both, each labelled with its surfaces', async ({ readerPage: page }) => {
    await openWithSlash(page);
    await search(page, '1000');
    await expect(resultLinks(page).nth(0).locator('.search-hit__badge')).toHaveText('Exact match');
    await expect(resultLinks(page).nth(1).locator('.search-hit__badge')).toHaveText('Exact match');
    const first = await resultLinks(page).nth(0).getAttribute('href');
    const second = await resultLinks(page).nth(1).getAttribute('href');
    expect([first, second].sort()).toEqual(['/codes/core/1000/', '/codes/ledger/1000/']);
    await expect(resultLinks(page).nth(0).locator('.search-hit__labels')).not.toBeEmpty();
    await expect(resultLinks(page).nth(2).locator('.search-hit__badge')).toHaveCount(0);
  });

  test('an undocumented code inside a range lists its range first', async ({ readerPage: page }) => {
    await openWithSlash(page);
    await search(page, '1150');
    await expect(resultLinks(page).first()).toHaveAttribute('href', /\/ranges\/#core-1100-1199$/);
    await expect(resultLinks(page).first().locator('.search-hit__badge')).toHaveText('Range of this code');
  });
});

test.describe('search dialog by keyboard alone', () => {
  test('opens with /, arrows to a result and Enter opens it', async ({ readerPage: page }) => {
    await openWithSlash(page);
    await page.keyboard.type('insufficient balance');
    await expect(dialogOf(page).getByRole('status')).toContainText('for “insufficient balance”');
    await settled(page);
    await page.keyboard.press('ArrowDown');
    await expect(resultLinks(page).first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    const second = resultsOf(page).locator('a').nth(1);
    await expect(second).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(inputOf(page)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    const target = await resultLinks(page).first().getAttribute('href');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL((url) => url.pathname === target);
  });

  test('Enter in the search box opens the first result', async ({ readerPage: page }) => {
    await openWithSlash(page);
    await search(page, '429');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/statuses\/429\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('429');
  });

  test('a result on the current page (an anchor) closes the dialog and scrolls to it', async ({ readerPage: page }) => {
    await page.goto('ranges/');
    await expect(page.getByRole('button', { name: 'Search' })).toBeEnabled();
    await page.keyboard.press('/');
    await search(page, '1150');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(dialogOf(page)).toBeHidden();
    await expect(page).toHaveURL(/\/ranges\/#core-1100-1199$/);
    await expect(page.locator('#core-1100-1199')).toBeInViewport();
  });

  test('Ctrl+K while the dialog is open goes back to the search box', async ({ readerPage: page }) => {
    await openWithSlash(page);
    await search(page, 'refund');
    await page.keyboard.press('ArrowDown');
    await expect(resultLinks(page).first()).toBeFocused();
    await page.keyboard.press('Control+k');
    await expect(inputOf(page)).toBeFocused();
    await expect(dialogOf(page)).toBeVisible();
  });

  test('Escape closes the dialog and gives focus back to where it was', async ({ readerPage: page }) => {
    await page.goto('./');
    const codesLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Codes', exact: true });
    await codesLink.focus();
    await page.keyboard.press('Control+k');
    await expect(dialogOf(page)).toBeVisible();
    await expect(inputOf(page)).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialogOf(page)).toBeHidden();
    await expect(codesLink).toBeFocused();
  });

  test('the search button opens it and focus returns to the button', async ({ readerPage: page }) => {
    await page.goto('./');
    const button = page.getByRole('button', { name: 'Search' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(inputOf(page)).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(button).toBeFocused();
  });

  test('Tab never reaches the page behind the open dialog', async ({ readerPage: page }) => {
    await openWithSlash(page);
    await search(page, 'card');
    // A modal dialog lets focus pass to the browser's own controls (the document body, here)
    // between its last and first element; it must never land on the page's links behind it.
    let wrapped = false;
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press(i % 7 === 6 ? 'Shift+Tab' : 'Tab');
      const where = await page.evaluate(() => {
        const active = document.activeElement;
        return !active || active === document.body ? 'browser' : active.closest('dialog[open]') ? 'dialog' : 'page';
      });
      expect(where, `focus reached the page after ${i + 1} key presses`).not.toBe('page');
      if (where === 'browser') wrapped = true;
    }
    expect(wrapped, 'Tab never cycled past the last control of the dialog').toBe(true);
    await expect(dialogOf(page)).toBeVisible();
  });

  test('/ typed into a field is text, not the shortcut', async ({ readerPage: page }) => {
    await page.goto('codes/');
    const filter = page.getByRole('searchbox', { name: 'Filter' }).first();
    await expect(filter).toBeEnabled();
    await filter.focus();
    await page.keyboard.type('1/2');
    await expect(filter).toHaveValue('1/2');
    await expect(dialogOf(page)).toBeHidden();
  });
});

test.describe('results', () => {
  test('show the code, the title and an excerpt with the matched words highlighted, and a live count', async ({
    readerPage: page,
  }) => {
    await openWithSlash(page);
    await search(page, 'insufficient balance');
    const first = resultLinks(page).first();
    await expect(first.locator('.search-hit__code')).toHaveText('4201');
    await expect(first.locator('.search-hit__title')).not.toBeEmpty();
    await expect(resultsOf(page).locator('mark').first()).toBeVisible();
    await expect(dialogOf(page).getByRole('status')).toHaveText(/^\d+ results? for “insufficient balance”$/);
  });

  test('filters narrow the results to the chosen kind and surface', async ({ readerPage: page }) => {
    await openWithSlash(page);
    await search(page, 'not found');
    // The filters sit behind one control, so results keep the room on a phone.
    await expect(dialogOf(page).getByRole('combobox', { name: 'Kind' })).toBeHidden();
    await dialogOf(page).getByText('Filters', { exact: true }).click();
    const kind = dialogOf(page).getByRole('combobox', { name: 'Kind' });
    await kind.selectOption('Status code');
    await settled(page);
    await expect(resultLinks(page).first()).toBeVisible();
    for (const href of await resultLinks(page).evaluateAll((links) =>
      links.map((link) => (link as HTMLAnchorElement).pathname),
    )) {
      expect(href).toMatch(/\/statuses\/(\d{3}\/)?$/);
    }
    await kind.selectOption('');
    await dialogOf(page).getByRole('combobox', { name: 'Surface' }).selectOption('Ledger Service');
    await settled(page);
    await expect(resultLinks(page).first()).toBeVisible();
    for (const labels of await resultLinks(page).locator('.search-hit__labels').allTextContents()) {
      expect(labels).toContain('Ledger Service');
    }
  });

  test('an exact match hidden by a filter it does not satisfy is not listed', async ({ readerPage: page }) => {
    await openWithSlash(page);
    await dialogOf(page).getByText('Filters', { exact: true }).click();
    await dialogOf(page).getByRole('combobox', { name: 'Surface' }).selectOption('Ledger Service');
    await search(page, '1101');
    await expect(resultsOf(page).locator('.search-hit__badge')).toHaveCount(0);
    await dialogOf(page).getByRole('combobox', { name: 'Surface' }).selectOption('Payments Gateway');
    await settled(page);
    await expect(resultLinks(page).first().locator('.search-hit__badge')).toHaveText('Exact match');
  });

  test('a query with no match says so', async ({ readerPage: page }) => {
    await openWithSlash(page);
    await search(page, 'zzqqxv');
    await expect(dialogOf(page).getByRole('status')).toHaveText('No results for “zzqqxv”');
    await expect(resultLinks(page)).toHaveCount(0);
  });
});

test.describe('the search index', () => {
  test('holds page content only: no header, footer or 404 page, and carries code metadata and filters', async ({
    readerPage: page,
  }) => {
    await page.goto('./');
    const pages = await page.evaluate(async (url) => {
      const pagefind = await import(url);
      await pagefind.init();
      const all = await pagefind.search(null, {});
      const data = await Promise.all(all.results.map((result: { data: () => Promise<unknown> }) => result.data()));
      return data as Array<{
        url: string;
        content: string;
        meta: Record<string, string>;
        filters: Record<string, string[]>;
      }>;
    }, new URL('pagefind/pagefind.js', page.url()).href);
    expect(pages.length).toBeGreaterThan(50);
    expect(pages.map((entry) => entry.url)).not.toContainEqual(expect.stringMatching(/404\.html$/));
    for (const entry of pages) {
      expect(entry.content, entry.url).not.toContain('Skip to content');
      expect(entry.content, entry.url).not.toMatch(/error catalog, version/);
    }
    const code = pages.find((entry) => entry.url.endsWith('/codes/core/1101/'));
    expect(code?.meta).toMatchObject({ code: '1101', name: 'CUSTOMER_NOT_FOUND', status: '404 Not Found' });
    expect(code?.meta['surface']).toContain('Payments Gateway');
    expect(code?.filters).toMatchObject({ type: ['Code'], status: ['4xx'], range: ['Customers (1100–1199)'] });
    const status = pages.find((entry) => entry.url.endsWith('/statuses/429/'));
    expect(status?.filters).toMatchObject({ type: ['Status code'], status: ['4xx'] });
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the open dialog with results and filters has no WCAG 2.2 AA violations (${colorScheme})`, async ({ page }) => {
    test.slow(); // axe takes seconds per pass on a loaded machine
    await page.emulateMedia({ colorScheme });
    await openWithSlash(page);
    await search(page, 'customer not found');
    await dialogOf(page).getByText('Filters', { exact: true }).click();
    await expect(dialogOf(page).getByRole('combobox', { name: 'Kind' })).toBeVisible();
    const results = await axeOn(page).include('dialog[open]').withTags(WCAG_TAGS).analyze();
    expect(
      results.violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`,
      ),
    ).toEqual([]);
  });
}
