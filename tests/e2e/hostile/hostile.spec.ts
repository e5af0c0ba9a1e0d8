/**
 * Catalog text is text: the hostile fixture (tests/fixtures/hostile-catalog/) puts HTML and script
 * payloads in every free-text field. On every page they must show literally and run nothing; a
 * payload that ran would set `window.__pwned`, add an element or an inline handler.
 */
import { expect, test, type Page } from '@playwright/test';
import { catalogJson, gotoPath, normalizeText, routeOfUrl, siteOf, sitemapRoutes } from '../support/built-site';
import { MISSING_ROUTE } from '../support/gates';

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

test('no page of the hostile catalog runs or injects any of its payloads', async ({ page }, testInfo) => {
  const site = siteOf(testInfo);
  const routes = [...sitemapRoutes(site), MISSING_ROUTE];
  test.setTimeout(30_000 + routes.length * 3_000);
  const problems: string[] = [];
  for (const route of routes) {
    await page.goto(gotoPath(route));
    await page.waitForLoadState('load');
    problems.push(...(await injectionTraces(page)).map((trace) => `/${route}: ${trace}`));
  }
  expect(problems).toEqual([]);
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
  await expect(page.getByRole('heading', { level: 1 })).toContainText("<script>window.__pwned='code-title'</script>");

  await page.goto(gotoPath(routeOfUrl(catalog.statuses[0]!.url, site)));
  expect(normalizeText(await page.locator('main').innerText())).toContain(
    "Action </td></tr></table><script>window.__pwned='status-action'</script>",
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
