/**
 * Publishing at the root: sitemap, catalog.json, redirects of old code URLs, 404 page, and the
 * head of every page (unique title, description, canonical URL, favicon).
 */
import { expect, test } from '@playwright/test';
import { catalogJson, gotoPath, routeOfUrl, siteOf, sitemapRoutes, sitemapUrls } from '../support/built-site';
import { scanHtml } from '../support/html-scan';
import { definePublishingChecks } from '../support/publishing-checks';

definePublishingChecks();

test('every sitemap page has a unique title, a description, a favicon and a canonical link to its own URL', async ({
  page,
}, testInfo) => {
  const site = siteOf(testInfo);
  const scanned = new Map((await scanHtml(page, site)).map((entry) => [entry.route, entry]));
  const titles = new Map<string, string>();
  const problems: string[] = [];
  const urls = sitemapUrls(site);
  for (const url of urls) {
    const route = routeOfUrl(url, site);
    const head = scanned.get(route)?.head;
    if (!head) {
      problems.push(`/${route}: in the sitemap but not built`);
      continue;
    }
    if (!head.title.trim()) problems.push(`/${route}: no title`);
    else if (titles.has(head.title))
      problems.push(`/${route}: same title as /${titles.get(head.title)}: "${head.title}"`);
    else titles.set(head.title, route);
    if ((head.description ?? '').trim().length < 20)
      problems.push(`/${route}: description missing or too short: "${head.description}"`);
    if (head.canonical !== url) problems.push(`/${route}: canonical ${head.canonical}, expected ${url}`);
    if (head.icons !== 1) problems.push(`/${route}: ${head.icons} favicon links`);
    if (head.robots?.includes('noindex')) problems.push(`/${route}: noindex page in the sitemap`);
  }
  expect(urls.length).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

test('deprecated codes keep their page, marked deprecated, with a link to the replacement', async ({
  page,
}, testInfo) => {
  const site = siteOf(testInfo);
  const catalog = catalogJson(site);
  const deprecated = catalog.codes.filter((code) => code.deprecated);
  expect(deprecated.length).toBeGreaterThan(0);
  expect(sitemapRoutes(site)).toEqual(expect.arrayContaining(deprecated.map((code) => routeOfUrl(code.url, site))));
  for (const code of deprecated) {
    await page.goto(gotoPath(routeOfUrl(code.url, site)));
    await expect(page.getByRole('main')).toContainText(/deprecated/i);
    if (code.deprecated?.replacedBy) {
      const replacement = catalog.codes.find((candidate) => candidate.key === code.deprecated!.replacedBy);
      expect(replacement, `replacement ${code.deprecated.replacedBy} of ${code.key}`).toBeDefined();
      const target = new URL(replacement!.url).pathname;
      await expect(page.getByRole('main').locator(`a[href="${target}"]`).first()).toBeVisible();
    }
  }
});

test('the favicon and the JSON Schemas of the catalog files are served', async ({ request }) => {
  const icon = await request.get('favicon.svg');
  expect(icon.ok()).toBe(true);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
  const schema = await request.get('schemas/codes.schema.json');
  expect(schema.ok()).toBe(true);
  expect((await schema.json()).properties.codes.type).toBe('array');
});
