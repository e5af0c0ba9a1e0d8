/**
 * CatalogElement (src/elements/catalog-element.ts), the base class of every custom element of the
 * site, in real Chromium on a blank page: the listeners an element adds (on itself, a child,
 * `document`, `window`) and its timers end when it leaves the page, and come back once (not
 * twice) when it is inserted again.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { buildSync } from 'esbuild';

/** The module as a script that exposes its exports as `window.CatalogElements`. */
const script = buildSync({
  entryPoints: ['src/elements/catalog-element.ts'],
  bundle: true,
  write: false,
  format: 'iife',
  globalName: 'CatalogElements',
  target: 'es2022',
}).outputFiles[0]!.text;

type Counts = Record<string, number>;

/** Defines `<error-catalog-probe>`, which counts every event it listens to, and inserts one. */
async function setUp(page: Page): Promise<void> {
  await page.setContent('<!doctype html><html lang="en"><body><main></main></body></html>');
  await page.addScriptTag({ content: script });
  await page.evaluate(() => {
    const { CatalogElement, define } = (
      window as unknown as { CatalogElements: typeof import('../../../src/elements/catalog-element') }
    ).CatalogElements;
    const counts: Record<string, number> = {};
    const count = (name: string) => () => (counts[name] = (counts[name] ?? 0) + 1);
    class Probe extends CatalogElement {
      protected connected(): void {
        const button = this.querySelector('button')!;
        this.listen(this, 'click', count('self click'));
        this.listen(button, 'focus', count('child focus'));
        this.listen(document, 'keydown', count('document keydown'));
        this.listen(window, 'resize', count('window resize'));
        this.listen(document, 'probe-once', count('document once'), { once: true });
      }
      protected override disconnected(): void {
        count('disconnected')();
      }
      /** A listener added while not in the page (an answer that arrived after it left). */
      listenLate(): void {
        this.listen(document, 'keydown', count('late keydown'));
      }
      startTimer(ms: number): void {
        this.later(count('timer'), ms);
      }
    }
    define('error-catalog-probe', Probe);
    const probe = document.createElement('error-catalog-probe');
    probe.innerHTML = '<button type="button">Probe</button>';
    document.querySelector('main')!.append(probe);
    Object.assign(window, { counts, probe });
  });
}

/** Fires each event once: a click on the element, focus on its button, a key on the document, a resize of the window. */
async function fireEvents(page: Page): Promise<Counts> {
  return page.evaluate(() => {
    const { counts, probe } = window as unknown as { counts: Counts; probe: HTMLElement };
    probe.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    probe.querySelector('button')!.dispatchEvent(new FocusEvent('focus'));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    window.dispatchEvent(new Event('resize'));
    document.dispatchEvent(new Event('probe-once'));
    return { ...counts };
  });
}

const detach = (page: Page) => page.evaluate(() => (window as unknown as { probe: HTMLElement }).probe.remove());
const attach = (page: Page) =>
  page.evaluate(() => document.querySelector('main')!.append((window as unknown as { probe: HTMLElement }).probe));

test.beforeEach(async ({ page }) => setUp(page));

test('an element in the page hears each event it listens to once', async ({ page }) => {
  expect(await fireEvents(page)).toEqual({
    'self click': 1,
    'child focus': 1,
    'document keydown': 1,
    'window resize': 1,
    'document once': 1,
  });
});

test('a removed element hears nothing: its listeners on itself, its children, document and window are gone', async ({
  page,
}) => {
  await fireEvents(page);
  await detach(page);
  expect(await fireEvents(page)).toEqual({
    'self click': 1,
    'child focus': 1,
    'document keydown': 1,
    'window resize': 1,
    'document once': 1,
    disconnected: 1,
  });
});

test('an element inserted again listens again, once per event rather than twice', async ({ page }) => {
  await detach(page);
  await attach(page);
  await attach(page); // moving it within the page disconnects and connects it once more
  expect(await fireEvents(page)).toEqual({
    'self click': 1,
    'child focus': 1,
    'document keydown': 1,
    'window resize': 1,
    'document once': 1,
    disconnected: 2,
  });
});

test('a timer started with later() does not fire once the element has left the page', async ({ page }) => {
  const fired = await page.evaluate(async () => {
    const { counts, probe } = window as unknown as {
      counts: Counts;
      probe: HTMLElement & { startTimer(ms: number): void };
    };
    probe.startTimer(20);
    await new Promise((done) => setTimeout(done, 60));
    const whileIn = counts['timer'] ?? 0;
    probe.startTimer(20);
    probe.remove();
    await new Promise((done) => setTimeout(done, 60));
    return { whileIn, afterRemoval: (counts['timer'] ?? 0) - whileIn };
  });
  expect(fired).toEqual({ whileIn: 1, afterRemoval: 0 });
});

test('a listener asked for while the element is out of the page is not added', async ({ page }) => {
  const counts = await page.evaluate(() => {
    const { counts, probe } = window as unknown as { counts: Counts; probe: HTMLElement & { listenLate(): void } };
    probe.remove();
    probe.listenLate();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    return { ...counts };
  });
  expect(counts['late keydown']).toBeUndefined();
});

test('element names must carry the site prefix; defining a name twice is harmless', async ({ page }) => {
  const outcome = await page.evaluate(() => {
    const { CatalogElement, define } = (
      window as unknown as { CatalogElements: typeof import('../../../src/elements/catalog-element') }
    ).CatalogElements;
    class Other extends CatalogElement {
      protected connected(): void {}
    }
    let refused = '';
    try {
      define('search-box' as `error-catalog-${string}`, Other);
    } catch (error) {
      refused = (error as Error).message;
    }
    define('error-catalog-probe', Other); // already defined as the probe: kept
    return { refused, probeKept: customElements.get('error-catalog-probe') !== Other };
  });
  expect(outcome).toEqual({
    refused: 'custom element names start with error-catalog-: search-box',
    probeKept: true,
  });
});
