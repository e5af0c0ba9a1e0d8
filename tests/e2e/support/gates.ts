/**
 * The site-wide quality gates, written once and run against several built sites (at the root and
 * under a sub-path): each `define…` call registers the gate's tests in the calling spec file.
 * Every gate walks the pages the sitemap lists, so pages added later are covered automatically.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { catalogJson, gotoPath, siteOf, sitemapRoutes } from './built-site';
import { scanHtml } from './html-scan';
import { checkLinks } from './link-check';

/** WCAG 2.2 AA, as axe-core tags it. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** A route no page has, to reach the host's 404 page. */
export const MISSING_ROUTE = 'this-page-does-not-exist/';

/** Per-page time budget for the sweeps, on top of a fixed start. */
function sweepTimeout(pages: number, perPageMs: number): number {
  return 30_000 + pages * perPageMs;
}

/**
 * Each theme's sweep is split into this many tests, each taking every n-th URL, so the two
 * workers share the work and a slow or failing page is reported with a small group of URLs.
 */
const AXE_SHARDS = 4;

/** axe over every sitemap URL (and the 404 page), in the light and in the dark theme. */
export function defineAxeSweep(): void {
  test.describe.configure({ mode: 'parallel' });
  for (const colorScheme of ['light', 'dark'] as const) {
    for (let shard = 0; shard < AXE_SHARDS; shard++) {
      test(`every sitemap page and the 404 page have no WCAG 2.2 AA violations in the ${colorScheme} theme (part ${shard + 1} of ${AXE_SHARDS})`, async ({
        page,
      }, testInfo) => {
        const site = siteOf(testInfo);
        const all = [...sitemapRoutes(site), MISSING_ROUTE];
        const routes = all.filter((_, index) => index % AXE_SHARDS === shard);
        // axe takes from under a second to tens of seconds a page (long tables, many highlighted
        // tokens) depending on how busy the machine is; the budget only has to catch a hang.
        test.setTimeout(sweepTimeout(routes.length, 60_000));
        await page.emulateMedia({ colorScheme });
        const violations: string[] = [];
        const started = Date.now();
        for (const route of routes) {
          await page.goto(gotoPath(route));
          // Only violations are needed; skipping the details of passes makes each run much faster.
          const results = await new AxeBuilder({ page })
            .withTags(WCAG_TAGS)
            .options({ resultTypes: ['violations'] })
            .analyze();
          for (const violation of results.violations) {
            const targets = violation.nodes
              .slice(0, 3)
              .map((node) => node.target.join(' '))
              .join(' | ');
            violations.push(
              `/${route} ${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.length} node(s): ${targets}`,
            );
          }
        }
        testInfo.annotations.push({
          type: 'axe',
          description: `${routes.length} of ${all.length} URLs swept (${colorScheme})`,
        });
        console.log(
          `[${site.name}] axe ${colorScheme} part ${shard + 1}/${AXE_SHARDS}: ${routes.length} of ${all.length} URLs swept in ${((Date.now() - started) / 1000).toFixed(0)} s, ${violations.length} violation(s)`,
        );
        expect(violations, `axe violations in the ${colorScheme} theme`).toEqual([]);
      });
    }
  }
}

/** Every internal link, asset and #anchor of the built HTML, and every URL of catalog.json, resolves. */
export function defineLinkGate(): void {
  test('every internal link, asset reference and #anchor in the built site resolves within the base path', async ({
    page,
  }, testInfo) => {
    const site = siteOf(testInfo);
    const pages = await scanHtml(page, site);
    const catalog = catalogJson(site);
    const siteOrigin = new URL(catalog.urls['home']!).origin;
    const extra = [
      ...Object.entries(catalog.urls).map(([name, url]) => ({ from: `catalog.json urls.${name}`, url })),
      ...[
        catalog.surfaces,
        catalog.envelopes,
        catalog.statuses,
        catalog.codeSpaces,
        catalog.ranges,
        catalog.codes,
        catalog.messageAreas,
        catalog.messages,
        catalog.headers,
      ]
        .flat()
        .map((entry) => ({ from: 'catalog.json', url: entry.url })),
    ];
    const report = checkLinks(site, pages, siteOrigin, extra);
    testInfo.annotations.push({
      type: 'links',
      description: `${report.checked} internal references checked (${report.anchorsChecked} with #anchors, ${report.uniqueTargets} distinct targets) in ${pages.length} HTML files`,
    });
    console.log(
      `[${site.name}] links: ${report.checked} internal references checked (${report.anchorsChecked} #anchors, ${report.uniqueTargets} distinct targets, ${report.external} external not followed) in ${pages.length} HTML files`,
    );
    expect(pages.length).toBeGreaterThan(0);
    expect(report.problems).toEqual([]);
  });
}

/** Collects CSP violations and failed requests a page causes, from before its first script runs. */
export async function watchPage(page: Page): Promise<{ problems: string[] }> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const log = ((window as unknown as { __cspViolations?: string[] }).__cspViolations ??= []);
      log.push(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on('console', (message) => {
    // "Failed to load resource" repeats a bad response, which the response listener reports with its URL.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(`console error on ${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught error on ${page.url()}: ${error.message}`));
  page.on('requestfailed', (request) => {
    // Leaving a page aborts what it was still loading; that is not a fault of the page.
    const reason = request.failure()?.errorText ?? '';
    if (!reason.includes('ERR_ABORTED')) problems.push(`request failed on ${page.url()}: ${request.url()} (${reason})`);
  });
  page.on('response', (response) => {
    // The 404 page itself answers 404 on purpose; everything else it loads must succeed.
    if (response.status() >= 400 && response.request().resourceType() !== 'document')
      problems.push(`${response.status()} for ${response.url()} on ${page.url()}`);
  });
  return { problems };
}

/** Reads the CSP violations recorded in the current document. */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

/**
 * The site under a Content-Security-Policy without 'unsafe-inline' scripts: the test server
 * sends it, the built HTML holds nothing it would block, and every page loads (scripts, styles,
 * fonts, indexes) without a violation, a failed request or a console error.
 */
export function defineCspGate(): void {
  test('the test server sends a Content-Security-Policy that allows scripts only from the site itself', async ({
    page,
  }) => {
    const response = await page.goto('./');
    const policy = response?.headers()['content-security-policy'] ?? '';
    const scriptSrc =
      policy
        .split(';')
        .map((part) => part.trim())
        .find((part) => part.startsWith('script-src')) ?? '';
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
  });

  test('the built HTML has no inline scripts, inline event handlers or javascript: URLs', async ({
    page,
  }, testInfo) => {
    const pages = await scanHtml(page, siteOf(testInfo));
    expect(pages.length).toBeGreaterThan(0);
    const problems = pages.flatMap((scanned) => [
      ...scanned.inlineScripts.map((body) => `${scanned.file}: inline <script> "${body}"`),
      ...scanned.eventHandlers.map((handler) => `${scanned.file}: inline event handler ${handler}`),
      ...scanned.references
        .filter((reference) => /^\s*javascript:/i.test(reference.value))
        .map((reference) => `${scanned.file}: javascript: URL in ${reference.where}`),
    ]);
    expect(problems).toEqual([]);
  });

  test('every sitemap page and the 404 page load under the CSP without violations, failed requests or console errors', async ({
    page,
  }, testInfo) => {
    const site = siteOf(testInfo);
    const routes = [...sitemapRoutes(site), MISSING_ROUTE];
    test.setTimeout(sweepTimeout(routes.length, 5_000));
    const { problems } = await watchPage(page);
    for (const route of routes) {
      await page.goto(gotoPath(route));
      if (route === '' || route === 'lookup/') {
        // Controls that load an index on focus (search, lookup) do it now, so those requests
        // (Pagefind's files, the lookup index) are checked too, under the base path.
        for (const box of await page.getByRole('searchbox').all()) if (await box.isVisible()) await box.focus();
        await page.waitForLoadState('networkidle');
      }
      problems.push(...(await cspViolations(page)).map((violation) => `/${route}: CSP ${violation}`));
    }
    console.log(`[${site.name}] CSP: ${routes.length} URLs loaded`);
    expect(problems).toEqual([]);
  });
}
