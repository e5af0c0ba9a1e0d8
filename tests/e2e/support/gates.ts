/**
 * The site-wide quality gates, written once and run against every built site (the default catalog
 * at the root and under a sub-path, the hostile catalog, the four examples). Each site's spec
 * folder has one `gates.spec.ts` that calls `defineSiteGates()`. Every gate walks the pages the
 * sitemap lists, so pages added later are covered automatically.
 *
 * The slow part, visiting pages in a browser, is done once: the sweep opens every page once and
 * runs every per-page check on it (CSP and console, the 375 px layout, the page without
 * JavaScript, a site's own extra check, and axe in both themes on the pages that between them
 * show every component of each kind of page across the built sites: ./axe-sample.ts). The static gate parses every built HTML file
 * once for the link, inline-script and head checks. Add a per-page check to the sweep rather than
 * writing another loop over the sitemap.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describeSite, expect, test } from './fixtures';
import { catalogJson, gotoPath, normalizeText, routeOfUrl, siteOf, sitemapRoutes, sitemapUrls } from './built-site';
import type { BuiltSite, CatalogJson } from './built-site';
import { axeSample, pageKind, type SamplePage } from './axe-sample';
import { scanHtml, type ScannedPage } from './html-scan';
import { checkLinks } from './link-check';
import { NOT_STATED } from '../../../src/view/retry-text';

/** WCAG 2.2 AA, as axe-core tags it. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The axe rules whose outcome depends on colours. The dark theme changes colours only (CSS custom
 * properties under `prefers-color-scheme`), so the dark pass runs these; the light pass runs all.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** A route no page has, to reach the host's 404 page. */
export const MISSING_ROUTE = 'this-page-does-not-exist/';

/** The phone viewport of the narrow-layout check, and the desktop one of axe and the search boxes. */
const NARROW = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 720 };

/**
 * The sweep is split into this many tests by default, each taking every n-th URL, so both workers
 * share a site and a failing page is reported with a small group of URLs. A site of a hundred pages
 * or more asks for more parts (`sweepParts`); each part costs about a second of its own (its page
 * and its first visits), so a small site's sweep is not cut finer than this.
 */
const SWEEP_PARTS = 2;

/** Per-page time budget for the sweeps, on top of a fixed start; it only has to catch a hang. */
function sweepTimeout(pages: number, perPageMs: number): number {
  return 30_000 + pages * perPageMs;
}

/** A check a site adds to the sweep: problems found on the page (as loaded, with JavaScript). */
export type PageCheck = (page: Page, route: string) => Promise<string[]>;

export interface SiteGateOptions {
  /** Runs on every page the sweep visits (e.g. the hostile site looks for traces of its payloads). */
  perPage?: PageCheck;
  /** How many tests share the sweep (default 2); a site of many pages takes more. */
  sweepParts?: number;
}

/** A site's pages as the sweep visits them (the sitemap, then the 404 page), with their HTML files. */
function samplePages(site: BuiltSite): SamplePage[] {
  return [
    ...sitemapRoutes(site).map((route) => ({ route, file: `${route}index.html` })),
    { route: MISSING_ROUTE, file: '404.html' },
  ];
}

/** Registers the sweep and the static gate for the site the calling spec tests. */
export function defineSiteGates(options: SiteGateOptions = {}): void {
  describeSite(() => {
    test.describe('site gates', () => {
      test.describe.configure({ mode: 'parallel' });
      defineServerCspCheck();
      definePageSweep(options);
      defineStaticGate();
    });
  });
}

/** axe-core's script, the engine `@axe-core/playwright` runs, read once per worker. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * `AxeBuilder` with axe-core put into the page once per document instead of twice per run: its
 * `analyze()` sends the 550 KB script to the page at the start of every run and again to each frame
 * (measured on the default site: one trivial rule took 0.9–1.3 s a run through it, 0.01 s once axe
 * was in the page, after an injection of 0.15–0.25 s). The builder is given a script that does
 * nothing, and `analyze()` injects the real one first when the document does not have it yet (a
 * navigation starts a new document). Same engine, same rules, same results.
 */
class InjectOnceAxeBuilder extends AxeBuilder {
  constructor(private readonly target: Page) {
    super({ page: target, axeSource: 'void 0;' });
  }

  override async analyze(): ReturnType<AxeBuilder['analyze']> {
    // `typeof …run`, not `'axe' in window`: an element with id="axe" is a property of window too.
    const present = await this.target.evaluate(
      () => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function',
    );
    if (!present) await this.target.evaluate(AXE_SOURCE);
    return super.analyze();
  }
}

/**
 * An axe run on `page`, in axe's "legacy" frame mode: it runs in the page itself instead of opening a
 * blank page per run to gather its results, which is only needed to reach cross-origin iframes (no
 * page of the site has an iframe). Measured on the default site, same rules, same results: a code
 * page's light and dark passes took 3.4 s this way before and 1.5 s now; the codes table 8.7 s and 3.2 s.
 */
export function axeOn(page: Page): AxeBuilder {
  return new InjectOnceAxeBuilder(page).setLegacyMode(true);
}

/** The violations of one axe run, one line each. */
async function axeViolations(page: Page, route: string, theme: string, rules?: string[]): Promise<string[]> {
  const builder = axeOn(page);
  // Only violations are needed; skipping the details of passes makes each run much faster.
  const results = await (rules ? builder.withRules(rules) : builder.withTags(WCAG_TAGS))
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations.map((violation) => {
    const targets = violation.nodes
      .slice(0, 3)
      .map((node) => node.target.join(' '))
      .join(' | ');
    return `/${route} (${theme}) ${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.length} node(s): ${targets}`;
  });
}

/** At the phone width: the page never scrolls sideways; a table wider than the screen scrolls in its own box. */
async function narrowLayoutProblems(page: Page, route: string): Promise<{ problems: string[]; wideTables: number }> {
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
  const problems: string[] = [];
  if (result.pageOverflow > 1)
    problems.push(`/${route}: at 375 px the page is ${result.pageOverflow}px wider than the screen`);
  result.tables.forEach((table, index) => {
    if (!table.scrolls && table.wide)
      problems.push(`/${route}: at 375 px table ${index + 1} is wider than the screen and has no scrolling box`);
    if (table.boxRight > result.width + 1)
      problems.push(`/${route}: at 375 px the box of table ${index + 1} reaches past the screen edge`);
  });
  return { problems, wideTables: result.tables.filter((table) => table.wide).length };
}

/** What the server-rendered page of a code must hold: its message (around placeholders), cause and resolution. */
function codeFacts(catalog: CatalogJson, site: BuiltSite): Map<string, string[]> {
  const facts = new Map<string, string[]>();
  for (const code of catalog.codes) {
    facts.set(routeOfUrl(code.url, site), [
      normalizeText(code.cause),
      // A code without a resolution says the API gives none (issue 16).
      normalizeText(code.resolution ?? NOT_STATED.resolution),
      // Placeholders may be styled apart from the template, so compare the words around them.
      ...code.message
        .split(/\{[^}]+\}/)
        .map(normalizeText)
        .filter(Boolean),
    ]);
  }
  return facts;
}

/** Checks of a page as read without JavaScript: one h1 and real content; a code page shows its facts. */
function noScriptProblems(
  route: string,
  headings: number,
  mainText: string,
  facts: string[] | undefined,
  how: string,
): string[] {
  const text = normalizeText(mainText);
  const problems: string[] = [];
  if (headings !== 1 || text.length < 40)
    problems.push(`/${route} without JavaScript (${how}): ${headings} h1, ${text.length} characters of content`);
  for (const fact of facts ?? [])
    if (!text.includes(fact)) problems.push(`/${route} without JavaScript (${how}): missing "${fact}"`);
  return problems;
}

/**
 * The first page of each kind (the template that rendered it, ./axe-sample.ts), in sitemap order:
 * the pages a sweep opens when every page of a kind would show the same thing again.
 */
function onePerKind(routes: string[]): string[] {
  const seen = new Set<string>();
  return routes.filter((route) => !seen.has(pageKind(route)) && !!seen.add(pageKind(route)));
}

/**
 * Every sitemap URL and the 404 page opened with JavaScript (CSP, console and requests, the 375 px
 * layout, the site's own check), or one page of each kind on a site marked `sweep: 'kinds'` in
 * tools/test-sites.mjs. Without JavaScript, a real browser opens one page of each kind (what CSS
 * and `<noscript>` do to the page); every page's server-rendered content is checked from its HTML
 * by the static gate.
 */
function definePageSweep(options: SiteGateOptions): void {
  const parts = options.sweepParts ?? SWEEP_PARTS;
  for (let part = 0; part < parts; part++) {
    test(`every sitemap page and the 404 page load under the CSP without errors, fit 375 px and read without JavaScript; pages showing every component pass axe (WCAG 2.2 AA, light and dark) (part ${part + 1} of ${parts})`, async ({
      page,
      noScriptPage: noScript,
    }, testInfo) => {
      const site = siteOf(testInfo);
      const sitemap = sitemapRoutes(site);
      const noScriptRoutes = new Set(onePerKind(sitemap));
      const axeRoutes = new Set(axeSample(site, samplePages));
      // A 'kinds' sweep still opens every page axe is to check.
      const swept =
        site.sweep === 'kinds' ? sitemap.filter((route) => noScriptRoutes.has(route) || axeRoutes.has(route)) : sitemap;
      const all = [...swept, MISSING_ROUTE];
      // Axe takes many times longer than the other checks of a page: its pages are dealt out first,
      // so every part gets as many of them as the others (±1) and no part becomes the long tail.
      const dealt = [...all.filter((route) => axeRoutes.has(route)), ...all.filter((route) => !axeRoutes.has(route))];
      const routes = dealt.filter((_, index) => index % parts === part);
      // axe takes from under a second to tens of seconds a page (long tables, many highlighted
      // tokens) depending on how busy the machine is.
      test.setTimeout(sweepTimeout(routes.length, 60_000));
      const facts = codeFacts(catalogJson(site), site);
      const { problems } = await watchPage(page);
      const violations: string[] = [];
      let wideTables = 0;
      let axeMs = 0;
      const started = Date.now();
      let viewport = DESKTOP;
      const resize = async (size: typeof DESKTOP) => {
        if (size !== viewport) await page.setViewportSize(size);
        viewport = size;
      };
      await page.setViewportSize(viewport);
      for (const route of routes) {
        // A page axe checks, and a page whose search and lookup boxes are focused below, opens at the
        // desktop width in the light theme; any other page opens at the phone width straight away
        // (a third less time a page than opening it wide and narrowing it: 116 against 160 ms on
        // the default site's 134 pages, nothing else running).
        const axed = axeRoutes.has(route);
        const focusesBoxes = route === '' || route === 'lookup/';
        await resize(axed || focusesBoxes ? DESKTOP : NARROW);
        await page.goto(gotoPath(route));
        if (focusesBoxes) {
          // Controls that load an index on focus (search, lookup) do it now, so those requests
          // (Pagefind's files, the lookup index) are checked too, under the base path.
          for (const box of await page.getByRole('searchbox').all()) if (await box.isVisible()) await box.focus();
          await page.waitForLoadState('networkidle');
        }
        problems.push(...(await cspViolations(page)).map((violation) => `/${route}: CSP ${violation}`));
        if (options.perPage) problems.push(...(await options.perPage(page, route)));
        if (axed) {
          const axeStarted = Date.now();
          violations.push(...(await axeViolations(page, route, 'light')));
          await page.emulateMedia({ colorScheme: 'dark' });
          violations.push(...(await axeViolations(page, route, 'dark', COLOUR_RULES)));
          await page.emulateMedia({ colorScheme: 'light' });
          axeMs += Date.now() - axeStarted;
        }
        await resize(NARROW);
        const narrow = await narrowLayoutProblems(page, route);
        problems.push(...narrow.problems);
        wideTables += narrow.wideTables;
        if (noScriptRoutes.has(route)) {
          await noScript.goto(gotoPath(route));
          const main = noScript.locator('main');
          problems.push(
            ...noScriptProblems(
              route,
              await main.locator('h1').count(),
              await main.innerText(),
              facts.get(route),
              'in the browser',
            ),
          );
        }
      }
      const axed = routes.filter((route) => axeRoutes.has(route)).length;
      const summary = `${routes.length} of ${all.length} URLs swept (axe on ${axed}, ${routes.filter((route) => noScriptRoutes.has(route)).length} also without JavaScript) in ${((Date.now() - started) / 1000).toFixed(0)} s (axe ${(axeMs / 1000).toFixed(0)} s): ${violations.length} axe violation(s), ${problems.length} other problem(s), ${wideTables} table(s) wider than a phone scrolling in their box`;
      testInfo.annotations.push({ type: 'sweep', description: summary });
      console.log(`[${site.name}] sweep part ${part + 1}/${parts}: ${summary}`);
      expect(violations, 'axe violations (WCAG 2.2 AA)').toEqual([]);
      expect(problems).toEqual([]);
    });
  }
}

/**
 * Every built HTML file parsed once: every internal link, asset and #anchor resolves (and every
 * URL of catalog.json); no inline script, inline handler or javascript: URL; every sitemap page
 * has a unique title, a description, one favicon and a canonical link to its own URL.
 */
function defineStaticGate(): void {
  test('every internal link, asset and #anchor resolves within the base path; no inline script; no id used twice on a page; every sitemap page has a unique title, a description, a favicon and its canonical URL', async ({
    readerPage,
  }, testInfo) => {
    const site = siteOf(testInfo);
    const pages = await scanHtml(readerPage, site);
    expect(pages.length).toBeGreaterThan(0);
    const report = linkReport(site, pages);
    testInfo.annotations.push({
      type: 'links',
      description: `${report.checked} internal references checked (${report.anchorsChecked} with #anchors, ${report.uniqueTargets} distinct targets) in ${pages.length} HTML files`,
    });
    console.log(
      `[${site.name}] links: ${report.checked} internal references checked (${report.anchorsChecked} #anchors, ${report.uniqueTargets} distinct targets, ${report.external} external not followed) in ${pages.length} HTML files`,
    );
    expect(report.problems, 'broken internal references').toEqual([]);
    expect(inlineCode(pages), 'what a CSP without unsafe-inline blocks').toEqual([]);
    expect(
      duplicateIds(pages),
      'ids used twice on a page (axe runs on a sample of pages; this is on every page)',
    ).toEqual([]);
    expect(headProblems(site, pages), 'page heads').toEqual([]);
    expect(staticNoScriptProblems(site, pages), 'content without JavaScript').toEqual([]);
  });
}

/** Every sitemap page's server-rendered `<main>`: one h1, real content, and a code page's facts. */
function staticNoScriptProblems(site: BuiltSite, pages: ScannedPage[]): string[] {
  const facts = codeFacts(catalogJson(site), site);
  const scanned = new Map(pages.map((entry) => [entry.route, entry]));
  return sitemapRoutes(site).flatMap((route) => {
    const main = scanned.get(route)?.main;
    if (!main) return [`/${route}: no <main> in its HTML`];
    return noScriptProblems(route, main.h1, main.text, facts.get(route), 'its HTML');
  });
}

function linkReport(site: BuiltSite, pages: ScannedPage[]) {
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
  return checkLinks(site, pages, siteOrigin, extra);
}

function inlineCode(pages: ScannedPage[]): string[] {
  return pages.flatMap((scanned) => [
    ...scanned.inlineScripts.map((body) => `${scanned.file}: inline <script> "${body}"`),
    ...scanned.eventHandlers.map((handler) => `${scanned.file}: inline event handler ${handler}`),
    ...scanned.references
      .filter((reference) => /^\s*javascript:/i.test(reference.value))
      .map((reference) => `${scanned.file}: javascript: URL in ${reference.where}`),
  ]);
}

/** Every id (and `a[name]`) used more than once in one file: a #link to it is ambiguous. */
function duplicateIds(pages: ScannedPage[]): string[] {
  return pages.flatMap((scanned) => {
    const seen = new Set<string>();
    const twice = new Set(scanned.ids.filter((id) => seen.has(id) || !seen.add(id)));
    return [...twice].map((id) => `${scanned.file}: id "${id}" used more than once`);
  });
}

function headProblems(site: BuiltSite, pages: ScannedPage[]): string[] {
  const scanned = new Map(pages.map((entry) => [entry.route, entry]));
  const titles = new Map<string, string>();
  const problems: string[] = [];
  for (const url of sitemapUrls(site)) {
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
  return problems;
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

/** The test server sends the Content-Security-Policy the site must work under. */
function defineServerCspCheck(): void {
  test('the test server sends a Content-Security-Policy that allows scripts only from the site itself', async ({
    request,
  }) => {
    // The header is the server's answer: read without a browser page (the sweep then checks that every
    // page works under it).
    const response = await request.get('./');
    expect(response.ok()).toBe(true);
    const policy = response.headers()['content-security-policy'] ?? '';
    const scriptSrc =
      policy
        .split(';')
        .map((part) => part.trim())
        .find((part) => part.startsWith('script-src')) ?? '';
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
  });
}
