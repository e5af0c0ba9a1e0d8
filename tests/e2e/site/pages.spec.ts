/**
 * The reference pages, end to end on the built default site: every page within two clicks of home,
 * what a code page and a status page must show, the tables and their rows, the code-space maps,
 * (console errors on any page are the site gates' sweep's business). The catalog model is the oracle for what each page must hold.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { loadCatalog } from '../../../src/catalog/load-catalog';
import type { Catalog, Code } from '../../../src/catalog/model';
import { codeTitle, rangeOfCode, statusByNumber } from '../../../src/catalog/queries';
import { formatDuration } from '../../../src/view/retry-text';
import { rangeAnchor, routes } from '../../../src/view/routes';
import { gotoPath, siteOf, sitemapRoutes, type BuiltSite } from '../support/built-site';

const catalogs = new Map<string, Catalog>();
function catalogOf(site: BuiltSite): Catalog {
  if (!catalogs.has(site.catalogDir)) catalogs.set(site.catalogDir, loadCatalog(site.catalogDir));
  return catalogs.get(site.catalogDir)!;
}

/**
 * Base-relative routes of the internal pages an HTML page links to (no fragments, no files). A
 * page that does not answer links nowhere; broken links are the static gate's business (gates.spec.ts).
 */
async function linkedRoutes(request: APIRequestContext, site: BuiltSite, route: string): Promise<string[]> {
  const response = await request.get(gotoPath(route));
  if (!response.ok()) return [];
  const html = await response.text();
  const found = new Set<string>();
  for (const match of html.matchAll(/<a\s[^>]*?href="([^"#]*)(?:#[^"]*)?"/g)) {
    const target = new URL(match[1]!.replace(/&amp;/g, '&'), response.url());
    if (target.origin !== new URL(response.url()).origin) continue;
    if (!target.pathname.startsWith(site.basePath) || !target.pathname.endsWith('/')) continue;
    found.add(decodeURI(target.pathname.slice(site.basePath.length)));
  }
  return [...found];
}

/** Codes that show off the page: one with a range, placeholders and support notes if there is one. */
function showcaseCode(catalog: Catalog): Code {
  const scored = catalog.codes.map((code) => ({
    code,
    score:
      (code.range ? 4 : 0) +
      (code.support ? 2 : 0) +
      (code.placeholderNames.length > 0 ? 1 : 0) -
      (code.deprecated ? 8 : 0),
  }));
  return scored.sort((a, b) => b.score - a.score)[0]!.code;
}

test('every page of the sitemap is reachable from home in at most two clicks', async ({ request }, testInfo) => {
  const site = siteOf(testInfo);
  test.setTimeout(120_000);
  const reached = new Set<string>(['']);
  const firstClick = await linkedRoutes(request, site, '');
  firstClick.forEach((route) => reached.add(route));
  for (const route of firstClick) for (const next of await linkedRoutes(request, site, route)) reached.add(next);
  const unreached = sitemapRoutes(site).filter((route) => !reached.has(route));
  expect(unreached).toEqual([]);
  for (const code of catalogOf(site).codes) expect(reached.has(routes.code(code)), `code ${code.key}`).toBe(true);
});

test('the home page explains the errors, shows each envelope with a highlighted example, and links every section', async ({
  readerPage: page,
}, testInfo) => {
  const catalog = catalogOf(siteOf(testInfo));
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${catalog.api.name} errors`);
  await expect(page.getByRole('region', { name: 'How to read these errors' })).toContainText(
    catalog.api.intro.split(/\s+/).slice(0, 6).join(' '),
  );
  const envelopes = page.getByRole('region', { name: 'Error bodies (envelopes)' });
  for (const envelope of catalog.envelopes) {
    const article = envelopes.getByRole('article', { name: envelope.name });
    await expect(article.getByRole('link', { name: envelope.name, exact: true })).toHaveAttribute(
      'href',
      `/${routes.envelope(envelope)}`,
    );
    if (envelope.fields.code) await expect(article.getByRole('table')).toContainText(envelope.fields.code);
    if (envelope.examples.length > 0) await expect(article.locator('pre.astro-code')).toHaveCount(1);
  }
  const sections = page.getByRole('navigation', { name: 'Sections' });
  for (const name of [
    'Error codes',
    'HTTP status codes',
    'Code ranges',
    'Common messages',
    'Headers',
    'Guides',
    'Lookup',
  ]) {
    await expect(sections.getByRole('link', { name, exact: true })).toBeVisible();
  }
  if (catalog.api.retryPolicy) {
    const policy = page.getByRole('region', { name: 'Retry policy' });
    for (const rule of catalog.api.retryPolicy.rules) await expect(policy).toContainText(rule);
    const initialMs = catalog.api.retryPolicy.backoff?.initialMs;
    if (initialMs !== undefined) await expect(policy).toContainText(`start at ${formatDuration(initialMs)}`);
  }
});

test('a code page shows its status, range, message, cause, resolution, retry advice and an example body', async ({
  page,
}, testInfo) => {
  const catalog = catalogOf(siteOf(testInfo));
  const code = showcaseCode(catalog);
  const status = statusByNumber(catalog, code.status)!;
  await page.goto(routes.code(code));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${code.code} ${codeTitle(code)}`);
  await expect(page.getByRole('region', { name: 'Resolution' })).toContainText(code.resolution!);
  await expect(page.getByRole('region', { name: 'Cause' })).toContainText(code.cause);
  await expect(page.getByRole('link', { name: `${code.status} ${status.reason}` })).toHaveAttribute(
    'href',
    `/${routes.status(code.status)}`,
  );
  const range = rangeOfCode(catalog, code);
  if (range) {
    const rangeLink = page.getByRole('link', { name: `${range.from}–${range.to} ${range.name}` });
    await expect(rangeLink).toHaveAttribute('href', `/${routes.range(range)}`);
    await rangeLink.click();
    await expect(page).toHaveURL(new RegExp(`ranges/#${rangeAnchor(range)}$`));
    await expect(page.getByRole('row', { name: new RegExp(`^${range.from}–${range.to} ${range.name}`) })).toBeVisible();
    await page.goBack();
  }
  for (const name of code.placeholderNames)
    await expect(page.getByRole('region', { name: 'Message' })).toContainText(`{${name}}`);
  await expect(page.getByRole('region', { name: 'Retry' })).toContainText(
    code.retryInherited ? `As for any ${code.status} response: ` : code.retry.policy,
  );
  const example = page
    .getByRole('region', { name: /^Example bod/ })
    .locator('pre')
    .first();
  await expect(example).toContainText(code.code);
  // The default site is the public one: the escalation (internal) is not shown, the questions are.
  if (code.support?.escalate) await expect(page.getByRole('main')).not.toContainText(code.support.escalate.when);
  if (code.support?.ask.length)
    await expect(page.getByRole('region', { name: 'For support staff' })).toContainText(code.support.ask[0]!);
});

test('a deprecated code page points at its replacement, and the replacement says what it replaces', async ({
  readerPage: page,
}, testInfo) => {
  const catalog = catalogOf(siteOf(testInfo));
  const deprecated = catalog.codes.find((code) => code.deprecated?.replacedBy);
  expect(deprecated, 'the default catalog must hold a deprecated code with a replacement').toBeDefined();
  const replacement = catalog.codes.find((code) => code.key === deprecated!.deprecated!.replacedBy)!;
  await page.goto(routes.code(deprecated!));
  const note = page.getByRole('note', { name: 'Deprecated' });
  await expect(note).toContainText(`Deprecated since ${deprecated!.deprecated!.since}`);
  await note.getByRole('link', { name: `${replacement.code} ${codeTitle(replacement)}` }).click();
  await expect(page).toHaveURL(new RegExp(`${routes.code(replacement)}$`));
  await expect(
    page.getByRole('link', { name: `${deprecated!.code} ${codeTitle(deprecated!)}` }).first(),
  ).toHaveAttribute('href', `/${routes.code(deprecated!)}`);
  await expect(page.getByRole('term').filter({ hasText: 'Replaces' })).toBeVisible();
});

test('a status page gives its retry advice with the backoff numbers and lists the codes that use it', async ({
  readerPage: page,
}, testInfo) => {
  const catalog = catalogOf(siteOf(testInfo));
  const status =
    catalog.statuses.find((candidate) => candidate.retry.backoff?.maxAttempts) ??
    catalog.statuses.find((candidate) => candidate.retry.policy === 'backoff')!;
  const backoff = status.retry.backoff ?? catalog.api.retryPolicy!.backoff!;
  await page.goto(routes.status(status.status));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${status.status} ${status.reason}`);
  const retry = page.getByRole('region', { name: 'Retry' });
  // The default catalog states every number of this backoff: each is shown as stated.
  await expect(retry).toContainText(`Start: ${formatDuration(backoff.initialMs!)}`);
  await expect(retry).toContainText(`Factor: ×${backoff.factor}`);
  await expect(retry).toContainText(`Cap: ${formatDuration(backoff.maxDelayMs!)}`);
  if (backoff.maxAttempts) await expect(retry).toContainText(`Tries: ${backoff.maxAttempts}`);
  for (const header of status.retry.honorHeaders) await expect(retry.getByText(header, { exact: true })).toBeVisible();
  const codes = catalog.codes.filter((code) => code.status === status.status);
  if (codes.length > 0) {
    await expect(page.getByRole('table', { name: `Codes with status ${status.status}` }).getByRole('row')).toHaveCount(
      codes.length + 1,
    );
  }
});

test.describe('tables hold every entry', () => {
  /** Expects the table to show `count` body rows (role rows minus the header row; hidden rows do not count). */
  async function expectRows(page: Page, name: string, count: number) {
    await expect(page.getByRole('table', { name, exact: true }).getByRole('row')).toHaveCount(count + 1);
  }

  test('the codes page lists every code, each code space page its own codes', async ({
    readerPage: page,
  }, testInfo) => {
    const catalog = catalogOf(siteOf(testInfo));
    await page.goto(routes.codes());
    await expectRows(page, 'All error codes', catalog.codes.length);
    for (const space of catalog.codeSpaces) {
      await page.goto(routes.codeSpace(space));
      await expectRows(page, `Codes of ${space.name}`, space.codes.length);
      const first = catalog.codes.find((code) => code.key === space.codes[0])!;
      await expect(page.getByRole('rowheader', { name: first.code, exact: true }).getByRole('link')).toHaveAttribute(
        'href',
        `/${routes.code(first)}`,
      );
    }
  });

  test('the statuses page lists every status with its reason', async ({ readerPage: page }, testInfo) => {
    const catalog = catalogOf(siteOf(testInfo));
    await page.goto(routes.statuses());
    await expectRows(page, 'HTTP status codes', catalog.statuses.length);
    for (const status of catalog.statuses) {
      await expect(
        page.getByRole('row', {
          name: new RegExp(`^${status.status} ${status.reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
        }),
      ).toBeVisible();
    }
  });

  test('the ranges page has a map and a table per code space, each range with its anchor and usage', async ({
    readerPage: page,
  }, testInfo) => {
    const catalog = catalogOf(siteOf(testInfo));
    await page.goto(routes.ranges());
    for (const space of catalog.codeSpaces.filter((candidate) => candidate.ranges.length > 0)) {
      await expect(page.getByRole('img', { name: new RegExp(`^Map of the ${space.name} code space`) })).toBeVisible();
      await expectRows(page, `Ranges of ${space.name}`, space.ranges.length);
      for (const range of space.ranges) {
        const row = page.locator(`tr#${rangeAnchor(range)}`);
        await expect(row).toContainText(range.name);
        await expect(
          row.getByRole('img', {
            name: `${range.codes.length} of ${range.to - range.from + 1} codes documented, ${range.to - range.from + 1 - range.codes.length} free`,
          }),
        ).toBeVisible();
      }
      // The map: each range a link to its row, named by its start and name, reached by keyboard.
      const links = page.getByRole('list', { name: `Ranges of ${space.name} on the map` }).getByRole('link');
      await expect(links).toHaveCount(space.ranges.length);
      const [first, second] = space.ranges;
      await expect(links.first()).toHaveAccessibleName(`${first!.from} ${first!.name}`);
      if (second) {
        await links.first().focus();
        await page.keyboard.press('Tab');
        await expect(links.nth(1)).toBeFocused();
        await page.keyboard.press('Enter');
        await expect(page).toHaveURL(new RegExp(`#${rangeAnchor(second)}$`));
      }
    }
  });

  test('the messages page has a table per area with every message and its resolution', async ({
    readerPage: page,
  }, testInfo) => {
    const catalog = catalogOf(siteOf(testInfo));
    await page.goto(routes.messages());
    for (const area of catalog.messageAreas) {
      await expect(page.getByRole('heading', { level: 2, name: area.name })).toBeVisible();
      await expectRows(page, `${area.name} messages`, area.messages.length);
      await expect(page.getByRole('table', { name: `${area.name} messages` })).toContainText(
        area.messages[0]!.resolution!,
      );
    }
  });

  test('the headers page has a row per header, anchored by its lower-case name', async ({
    readerPage: page,
  }, testInfo) => {
    const catalog = catalogOf(siteOf(testInfo));
    await page.goto(routes.headers());
    await expectRows(page, 'Headers', catalog.headers.length);
    for (const header of catalog.headers)
      await expect(page.locator(`tr#${header.name.toLowerCase()}`)).toContainText(header.meaning);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a code page is complete: facts, message, resolution, retry numbers and highlighted example', async ({
    page,
  }, testInfo) => {
    const catalog = catalogOf(siteOf(testInfo));
    const code = showcaseCode(catalog);
    await page.goto(routes.code(code));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${code.code} ${codeTitle(code)}`);
    await expect(page.getByRole('region', { name: 'Resolution' })).toContainText(code.resolution!);
    await expect(page.getByRole('region', { name: 'Retry' }).getByRole('term')).not.toHaveCount(0);
    // A property name is coloured as the light theme colours it (a class, not a style per token).
    const key = page
      .getByRole('region', { name: /^Example bod/ })
      .locator('pre.astro-code span.tk-k')
      .first();
    await expect(key).toBeVisible();
    await expect(key).toHaveCSS('color', 'rgb(17, 99, 41)');
    await expect(
      page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Codes', exact: true }),
    ).toBeVisible();
  });
});
