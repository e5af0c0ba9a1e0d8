/**
 * Server-rendered HTML works alone: with JavaScript disabled every reference page is complete.
 * catalog.json (the same model) is the oracle for what each page must hold. That every page has
 * its heading and content, and every code page its message, cause and resolution, is checked by
 * the sweep of the site gates (gates.spec.ts), which opens each page once.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { catalogJson, gotoPath, normalizeText, routeOfUrl, siteOf } from '../support/built-site';
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

/**
 * Links in <main> of a code table page and of the other parts it links to (a large catalog splits
 * long tables into parts, src/view/table-parts.ts), following plain links only.
 */
async function tableLinkPaths(page: Page, path: string): Promise<Set<string>> {
  await page.goto(path);
  const linked = await mainLinkPaths(page);
  const parts = await page
    .locator('main nav.table-parts a[href]')
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  for (const part of parts) {
    await page.goto(part);
    for (const link of await mainLinkPaths(page)) linked.add(link);
  }
  return linked;
}

test('with JavaScript disabled the codes page and each code space page link every code', async ({ page }, testInfo) => {
  const site = siteOf(testInfo);
  const catalog = catalogJson(site);
  const pathOf = (url: string) => new URL(url).pathname;
  const linked = await tableLinkPaths(page, gotoPath(routeOfUrl(catalog.urls['codes']!, site)));
  expect(catalog.codes.filter((code) => !linked.has(pathOf(code.url))).map((code) => code.key)).toEqual([]);
  for (const space of catalog.codeSpaces) {
    const inSpace = await tableLinkPaths(page, gotoPath(routeOfUrl(space.url, site)));
    const missing = catalog.codes.filter((code) => space.codes.includes(code.key) && !inSpace.has(pathOf(code.url)));
    expect(
      missing.map((code) => code.key),
      `codes missing on ${space.url}`,
    ).toEqual([]);
  }
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
