/**
 * The `test` and `expect` every end-to-end spec imports: Playwright's, plus `readerPage`, one browser
 * page per worker instead of one per test, for tests that only read pages (open a URL, read what it
 * shows, type into a box on it). Each such test starts with `goto`, so nothing of the test before is
 * left to see except what the site keeps in the browser's storage, which none of them changes; a
 * test that listens to the page, intercepts requests, changes the viewport, colours or permissions,
 * or stores anything takes the usual `page`. A new page costs about 0.2 s a test on this machine (a
 * visit took 0.40 s with a new page and 0.19 s without, on an example site with nothing else
 * running); the example checklists alone are 150 such tests.
 *
 * Every spec takes `test` from here, even one that never uses `readerPage`: Playwright runs tests
 * with different fixtures in different worker processes, and would restart workers between them.
 */
import {
  test as base,
  type BrowserContextOptions,
  type Page,
  type PlaywrightWorkerArgs,
  type WorkerFixture,
} from '@playwright/test';

/** A worker-scoped page in a context of its own on the project's site, with `options` for the context. */
function workerPage(
  options: BrowserContextOptions = {},
): [WorkerFixture<Page, PlaywrightWorkerArgs>, { scope: 'worker' }] {
  return [
    async ({ browser }, use, workerInfo) => {
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL, ...options });
      await use(await context.newPage());
      await context.close();
    },
    { scope: 'worker' },
  ];
}

export const test = base.extend<object, { readerPage: Page; noScriptPage: Page }>({
  readerPage: workerPage(),
  /**
   * The same for reading pages as a reader without JavaScript gets them (the sweep opens one page of
   * each kind so): JavaScript off, at the desktop width of tests/e2e/support/gates.ts.
   */
  noScriptPage: workerPage({ javaScriptEnabled: false, viewport: { width: 1280, height: 720 } }),
});

export { expect } from '@playwright/test';
