/**
 * The `test` and `expect` every end-to-end spec imports: Playwright's, with
 *
 * - `baseURL` set to the site the spec tests: every spec runs in one project, and finds its site
 *   from its own path (`siteOfSpec` in tools/test-sites.mjs); `page`, `request` and relative
 *   `goto`s use it;
 * - `readerPage`, one browser page per worker and site instead of one per test, for tests that only
 *   read pages (open a URL, read what it shows, type into a box on it). Each such test starts with
 *   `goto`, so nothing of the test before is left to see except what the site keeps in the browser's
 *   storage, which none of them changes; a test that listens to the page, intercepts requests,
 *   changes the viewport, colours or permissions, or stores anything takes the usual `page`. A new
 *   page costs about 0.2 s a test on this machine (a visit took 0.40 s with a new page and 0.19 s
 *   without, on an example site with nothing else running); the example checklists alone are 150
 *   such tests.
 *
 * Every spec takes `test` from here, even one that never uses `readerPage`: Playwright runs tests
 * with different worker fixtures in different worker processes, and would restart workers between them.
 */
import {
  test as base,
  type Browser,
  type BrowserContextOptions,
  type Page,
  type PlaywrightWorkerArgs,
  type WorkerFixture,
} from '@playwright/test';
import { siteOfSpec } from '../../../tools/test-sites.mjs';

/** How many sites' worker pages of one kind a worker keeps open (tests come mostly site by site). */
const KEPT_SITES = 2;

/**
 * Worker-scoped pages in contexts of their own with `options`, one per site (by base URL), opened
 * on a site's first test in the worker; the least recently used is closed beyond KEPT_SITES.
 */
class WorkerPages {
  private readonly pages = new Map<string, Promise<Page>>();

  constructor(
    private readonly browser: Browser,
    private readonly options: BrowserContextOptions,
  ) {}

  async forSite(baseURL: string | undefined): Promise<Page> {
    const key = baseURL ?? '';
    let page = this.pages.get(key);
    if (page) this.pages.delete(key);
    else page = this.browser.newContext({ baseURL, ...this.options }).then((context) => context.newPage());
    this.pages.set(key, page);
    for (const [oldest, stale] of this.pages) {
      if (this.pages.size <= KEPT_SITES) break;
      this.pages.delete(oldest);
      await (await stale).context().close();
    }
    return page;
  }

  async close(): Promise<void> {
    for (const page of this.pages.values()) await (await page).context().close();
    this.pages.clear();
  }
}

/** A worker-scoped set of pages with `options` for their contexts. */
function workerPages(
  options: BrowserContextOptions = {},
): [WorkerFixture<WorkerPages, PlaywrightWorkerArgs>, { scope: 'worker' }] {
  return [
    async ({ browser }, use) => {
      const pages = new WorkerPages(browser, options);
      await use(pages);
      await pages.close();
    },
    { scope: 'worker' },
  ];
}

export const test = base.extend<
  { readerPage: Page; noScriptPage: Page },
  { readerPages: WorkerPages; noScriptPages: WorkerPages }
>({
  // The spec file is the title path's first entry (`testInfo.file` is where `test()` was called:
  // for the shared gates and checklists, a helper of tests/e2e/support/).
  baseURL: async ({}, use, testInfo) => {
    await use(siteOfSpec(testInfo.titlePath[0]!)?.url);
  },
  readerPages: workerPages(),
  /**
   * Pages for reading as a reader without JavaScript gets them (the sweep opens one page of each
   * kind so): JavaScript off, at the desktop width of tests/e2e/support/gates.ts.
   */
  noScriptPages: workerPages({ javaScriptEnabled: false, viewport: { width: 1280, height: 720 } }),
  readerPage: async ({ baseURL, readerPages }, use) => {
    await use(await readerPages.forSite(baseURL));
  },
  noScriptPage: async ({ baseURL, noScriptPages }, use) => {
    await use(await noScriptPages.forSite(baseURL));
  },
});

/**
 * For a helper that registers tests for the spec calling it (the site gates, the seed checklists,
 * the publishing checks): registers them inside a describe block named after that spec's site,
 * `[migo]`, so a report names the site of a test written in tests/e2e/support/. The spec is the
 * first tests/e2e/…spec.ts file on the call stack (the spec being loaded).
 */
export function describeSite(body: () => void): void {
  const spec = new Error().stack?.match(/tests\/e2e\/([^\s:()]+\.spec\.ts)/)?.[1];
  const site = spec === undefined ? undefined : siteOfSpec(spec);
  if (!site) throw new Error(`describeSite() is for helpers a site's spec calls; called from ${spec ?? 'no spec'}`);
  test.describe(`[${site.name}]`, body);
}

export { expect } from '@playwright/test';
