/**
 * Catalog text is text: the hostile fixture (tests/fixtures/hostile-catalog/) puts HTML and script
 * payloads in every free-text field. On every page they must show literally and run nothing; a
 * payload that ran would set `window.__pwned`, add an element or an inline handler.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { catalogJson, gotoPath, normalizeText, routeOfUrl, siteOf } from '../support/built-site';
import { defineSiteGates } from '../support/gates';

/** What a payload would leave behind in the live DOM. */
async function injectionTraces(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const traces: string[] = [];
    const pwned = (window as unknown as { __pwned?: unknown }).__pwned;
    if (pwned !== undefined) traces.push(`window.__pwned = ${String(pwned)}`);
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) {
        if (attribute.startsWith('on')) traces.push(`<${element.localName} ${attribute}>`);
      }
    }
    for (const image of document.querySelectorAll('img[src="x"], svg[onload], iframe, b[onmouseover]'))
      traces.push(`injected <${image.localName}>`);
    for (const script of document.querySelectorAll('script:not([src])')) {
      const type = script.getAttribute('type') ?? '';
      if (!/json/.test(type)) traces.push(`inline <script>${(script.textContent ?? '').slice(0, 60)}`);
    }
    for (const link of document.querySelectorAll('a[href]')) {
      if (/^\s*javascript:/i.test(link.getAttribute('href') ?? ''))
        traces.push(`<a href="${link.getAttribute('href')}">`);
    }
    return traces;
  });
}

// The sweep opens every page once; on each, no payload may have run or left an element behind.
defineSiteGates({
  perPage: async (page, route) => (await injectionTraces(page)).map((trace) => `/${route}: ${trace}`),
});

test('payloads show as literal text in titles, code pages and reference pages', async ({ page }, testInfo) => {
  const site = siteOf(testInfo);
  const catalog = catalogJson(site);
  await page.goto('./');
  expect(await page.title()).toContain("</title><script>window.__pwned='api-name'</script>");

  const code = catalog.codes.find((candidate) => candidate.code === '1001')!;
  await page.goto(gotoPath(routeOfUrl(code.url, site)));
  const text = normalizeText(await page.locator('main').innerText());
  expect(text).toContain("Cause <script>window.__pwned='code-cause'</script>");
  expect(text).toContain(normalizeText(code.resolution!));
  expect(text).toContain(`Reply about {field} <img src=x onerror="window.__pwned='code-reply'">`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText("<script>window.__pwned='code-title'</script>");

  await page.goto(gotoPath(routeOfUrl(catalog.statuses[0]!.url, site)));
  expect(normalizeText(await page.locator('main').innerText())).toContain(
    "Action </td></tr></table><script>window.__pwned='status-action'</script>",
  );
  expect(await injectionTraces(page)).toEqual([]);
});

test('operation pages and tables show hostile summaries, notes and dates as text', async ({ page }, testInfo) => {
  const site = siteOf(testInfo);
  const operation = catalogJson(site).operations.find((candidate) => candidate.method === 'POST')!;
  await page.goto(gotoPath(routeOfUrl(operation.url, site)));
  const text = normalizeText(await page.locator('main').innerText());
  expect(text).toContain("Operation summary <script>window.__pwned='operation-summary'</script>");
  expect(text).toContain(`Idempotency note <img src=x onerror="window.__pwned='operation-idempotency'">`);
  expect(text).toContain(`Header note <b onmouseover="window.__pwned='operation-header'">hover</b>`);
  expect(text).toContain("Deprecated since <script>window.__pwned='operation-since'</script>.");
  expect(text).toContain(`Deprecation note <svg onload="window.__pwned='operation-deprecated'"></svg>`);
  expect(text).not.toContain('base-url');
  expect(await injectionTraces(page)).toEqual([]);
  await page.goto('operations/');
  await expect(page.getByRole('table', { name: 'All operations' })).toContainText(
    "Operation summary <script>window.__pwned='operation-summary'</script>",
  );
  expect(await injectionTraces(page)).toEqual([]);
});

test('the lookup and the search show hostile entries as text without running them', async ({ page }, testInfo) => {
  const catalog = catalogJson(siteOf(testInfo));
  const code = catalog.codes.find((candidate) => candidate.code === '1001')!;
  await page.goto('lookup/');
  const input = page.getByRole('textbox', { name: 'Code, name, status, message or whole response' });
  const answer = page.getByRole('region', { name: 'Lookup answer' });
  await input.fill('1001');
  await expect(answer).toContainText("<script>window.__pwned='code-title'</script>");
  expect(await injectionTraces(page)).toEqual([]);

  // A pasted body whose strings are payloads themselves.
  await input.fill(
    JSON.stringify({
      requestId: '<img src=x onerror="window.__pwned=1">',
      errors: [{ code: '1001', message: '<script>window.__pwned=2</script>' }],
    }),
  );
  await expect(answer).toContainText(code.title);
  expect(await injectionTraces(page)).toEqual([]);

  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('searchbox').fill('pwned');
  await expect(dialog.getByRole('list', { name: 'Search results' }).getByRole('listitem').first()).toBeVisible();
  expect(await injectionTraces(page)).toEqual([]);
});
