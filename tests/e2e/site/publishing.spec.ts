/**
 * Publishing at the root: sitemap, catalog.json, redirects of old code URLs and the 404 page
 * (the head of every page is checked by the site gates' static gate, gates.spec.ts).
 */
import { expect, test } from '../support/fixtures';
import { catalogJson, gotoPath, routeOfUrl, siteOf, sitemapRoutes } from '../support/built-site';
import { definePublishingChecks } from '../support/publishing-checks';

definePublishingChecks();

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
