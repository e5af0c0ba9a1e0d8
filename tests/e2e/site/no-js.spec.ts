/**
 * Server-rendered HTML works alone: with JavaScript disabled every reference page is complete.
 * catalog.json (the same model) is the oracle for what each page must hold.
 */
import { expect, test, type Page } from '@playwright/test';
import { catalogJson, gotoPath, normalizeText, routeOfUrl, siteOf, sitemapRoutes } from '../support/built-site';
import { NOT_STATED } from '../../../src/view/retry-text';

test.use({ javaScriptEnabled: false });

async function mainText(page: Page): Promise<string> {
  return normalizeText(await page.locator('main').innerText());
}

/** Links in <main> by their resolved path (pages link with base-absolute paths). */
async function mainLinkPaths(page: Page): Promise<Set<string>> {
  const hrefs = await page
    .locator('main a[href]')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  return new Set(hrefs);
}

test('with JavaScript disabled every sitemap page has its heading and content', async ({ page }, testInfo) => {
  const site = siteOf(testInfo);
  const routes = sitemapRoutes(site);
  test.setTimeout(30_000 + routes.length * 3_000);
  const empty: string[] = [];
  for (const route of routes) {
    await page.goto(gotoPath(route));
    const headings = await page.locator('main h1').count();
    const text = await mainText(page);
    if (headings !== 1 || text.length < 40)
      empty.push(`/${route}: ${headings} h1, ${text.length} characters of content`);
  }
  expect(empty).toEqual([]);
});

test('with JavaScript disabled the codes page and each code space page link every code', async ({ page }, testInfo) => {
  const site = siteOf(testInfo);
  const catalog = catalogJson(site);
  const pathOf = (url: string) => new URL(url).pathname;
  await page.goto(gotoPath(routeOfUrl(catalog.urls['codes']!, site)));
  const linked = await mainLinkPaths(page);
  expect(catalog.codes.filter((code) => !linked.has(pathOf(code.url))).map((code) => code.key)).toEqual([]);
  for (const space of catalog.codeSpaces) {
    await page.goto(gotoPath(routeOfUrl(space.url, site)));
    const inSpace = await mainLinkPaths(page);
    const missing = catalog.codes.filter((code) => space.codes.includes(code.key) && !inSpace.has(pathOf(code.url)));
    expect(
      missing.map((code) => code.key),
      `codes missing on ${space.url}`,
    ).toEqual([]);
  }
});

test('with JavaScript disabled every code page shows its message, cause and resolution', async ({ page }, testInfo) => {
  const site = siteOf(testInfo);
  const catalog = catalogJson(site);
  test.setTimeout(30_000 + catalog.codes.length * 3_000);
  const missing: string[] = [];
  for (const code of catalog.codes) {
    await page.goto(gotoPath(routeOfUrl(code.url, site)));
    const text = await mainText(page);
    for (const [field, value] of [
      ['cause', code.cause],
      // A code without a resolution says the API gives none.
      ['resolution', code.resolution ?? NOT_STATED.resolution],
    ] as const) {
      if (!text.includes(normalizeText(value))) missing.push(`${code.key}: ${field} "${value}"`);
    }
    // Placeholders may be styled apart from the template, so compare the words around them.
    for (const part of code.message
      .split(/\{[^}]+\}/)
      .map(normalizeText)
      .filter(Boolean)) {
      if (!text.includes(part)) missing.push(`${code.key}: message part "${part}"`);
    }
  }
  expect(missing).toEqual([]);
});

test('with JavaScript disabled the status, message, header and range references are complete', async ({
  page,
}, testInfo) => {
  const site = siteOf(testInfo);
  const catalog = catalogJson(site);
  test.setTimeout(30_000 + (catalog.statuses.length + 4) * 3_000);
  const missing: string[] = [];

  await page.goto(gotoPath(routeOfUrl(catalog.urls['statuses']!, site)));
  const statusLinks = await mainLinkPaths(page);
  for (const status of catalog.statuses)
    if (!statusLinks.has(new URL(status.url).pathname)) missing.push(`statuses page: no link to ${status.status}`);
  for (const status of catalog.statuses) {
    await page.goto(gotoPath(routeOfUrl(status.url, site)));
    const text = await mainText(page);
    const action = status.action ?? NOT_STATED.action;
    if (!text.includes(normalizeText(action))) missing.push(`status ${status.status}: action "${action}"`);
  }

  await page.goto(gotoPath(routeOfUrl(catalog.urls['messages']!, site)));
  const messagesText = await mainText(page);
  for (const message of catalog.messages) {
    if (!messagesText.includes(normalizeText(message.resolution ?? NOT_STATED.resolution)))
      missing.push(`messages page: resolution of ${message.id}`);
  }

  await page.goto(gotoPath(routeOfUrl(catalog.urls['headers']!, site)));
  const headersText = await mainText(page);
  for (const header of catalog.headers) {
    if (!headersText.includes(header.name) || !headersText.includes(normalizeText(header.meaning)))
      missing.push(`headers page: ${header.name}`);
  }

  await page.goto(gotoPath(routeOfUrl(catalog.urls['ranges']!, site)));
  const rangesText = await mainText(page);
  for (const range of catalog.ranges) {
    const anchor = new URL(range.url).hash.slice(1);
    if ((await page.locator(`[id="${anchor}"]`).count()) !== 1) missing.push(`ranges page: no #${anchor}`);
    if (!rangesText.includes(normalizeText(range.name)))
      missing.push(`ranges page: name of ${range.codeSpace} ${range.slug}`);
  }
  expect(missing).toEqual([]);
});
