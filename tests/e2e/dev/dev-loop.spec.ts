/**
 * The authoring loop in `astro dev`, driven once from start to end on a copy of a small catalog,
 * served under a sub-path (BASE_PATH): the server starts without an error, a saved YAML file shows
 * in the open page, a mistake shows the catalog report in Astro's error overlay and clears once
 * fixed, links stay under the base path, guides (MDX, through the content collection) render
 * and update too, and a stray file gets the build's warning in the terminal.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startDevServer } from '../../../tools/dev-server.mjs';

const GUIDE = `---
title: Getting started
description: How to read the shop's errors.
---

Every error of the shop has a **code** and a message.
`;

/**
 * Resolves when the page's Vite client has connected to the dev server. A save is announced to the
 * pages connected at that moment only: an edit made before the freshly (re)loaded page has
 * connected would never reach it, as it would not for an author who saved that fast.
 */
function viteConnected(page: Page): Promise<unknown> {
  return page.waitForEvent('console', {
    predicate: (message) => message.text().includes('[vite] connected'),
    timeout: 30_000,
  });
}

test('an edited catalog file shows in the open page, a mistake shows in the overlay until it is fixed', async ({
  page,
}) => {
  // Starting the server and compiling the first page take most of this.
  test.setTimeout(240_000);
  const catalog = mkdtempSync(join(tmpdir(), 'error-catalog-dev-'));
  cpSync('tests/fixtures/minimal-catalog', catalog, { recursive: true });
  mkdirSync(join(catalog, 'guides'));
  writeFileSync(join(catalog, 'guides/getting-started.mdx'), GUIDE);
  const codesFile = join(catalog, 'codes/shop.yaml');
  const original = readFileSync(codesFile, 'utf8');
  const server = await startDevServer({
    name: 'e2e-dev-loop',
    catalogDir: catalog,
    basePath: '/docs/errors/',
    port: await freePort(),
  });
  try {
    let connected = viteConnected(page);
    await page.goto(`${server.url}codes/shop/1001/`, { timeout: 120_000 });
    await connected;
    await expect(page.getByRole('heading', { level: 1 })).toContainText('1001 Order not found');
    await expect(page.getByText('Check the order id.', { exact: true })).toBeVisible();
    // The first page load runs Vite's dependency scan over every component: it must find nothing to complain about.
    expect(server.output()).not.toContain('[ERROR]');

    connected = viteConnected(page);
    writeFileSync(codesFile, original.replace('Check the order id.', 'Check the order id in your order history.'));
    await expect(page.getByText('Check the order id in your order history.', { exact: true })).toBeVisible({
      timeout: 15_000,
    });
    await connected;

    // The lookup reads its index from the dev server too (under the base path), as the catalog is now.
    await page.goto(`${server.url}lookup/`);
    await page.getByRole('textbox', { name: /Code, name, status, message or whole response/ }).fill('1001');
    await expect(
      page.getByRole('region', { name: 'Lookup answer' }).getByRole('heading', { level: 3, name: /Order not found/ }),
    ).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('region', { name: 'Lookup answer' })).toContainText(
      'Check the order id in your order history.',
    );

    // A status no file declares: a cross-check over several files, reported with the file and line.
    connected = viteConnected(page);
    await page.goto(`${server.url}codes/shop/1001/`);
    await connected;
    connected = viteConnected(page);
    writeFileSync(codesFile, original.replace('status: 404', 'status: 418'));
    const overlay = page.locator('vite-error-overlay');
    await expect(overlay.getByRole('heading', { name: 'CatalogError' })).toBeVisible({ timeout: 15_000 });
    await connected;
    await expect(overlay.getByText('HTTP status 418 is not declared').first()).toBeVisible();
    await expect(overlay.getByText(/codes\/shop\.yaml:5\s+codes\[0\]\.status/).first()).toBeVisible();
    await expect(overlay.getByText(/then save the file: the page reloads by itself/)).toBeVisible();
    // Astro sends its error report again a moment after the failed page; an author fixing the file
    // takes longer than that, and a report sent after the fix would stand on the fixed page.
    await page.waitForTimeout(1_000);

    writeFileSync(codesFile, original);
    await expect(page.getByText('Check the order id.', { exact: true })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('heading', { level: 1 })).toContainText('1001 Order not found');
    await expect(overlay).toHaveCount(0);
    // The report came from the page alone: no component threw it again as an unhandled rejection
    // (whose report, with Astro's own hint, would replace the catalog's in the overlay).
    expect(server.output()).not.toContain('UnhandledRejection');

    // Guides, reached through the site's own links, which keep the base path.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Guides' }).click();
    await expect(page).toHaveURL(`${server.url}guides/`);
    connected = viteConnected(page);
    await page.getByRole('link', { name: 'Getting started' }).click();
    await expect(page).toHaveURL(`${server.url}guides/getting-started/`);
    await expect(page.getByRole('heading', { level: 1, name: 'Getting started' })).toBeVisible();
    await connected;
    await expect(page.getByText('Every error of the shop has a code and a message.')).toBeVisible();
    writeFileSync(
      join(catalog, 'guides/getting-started.mdx'),
      GUIDE.replace('a message.', 'a message you can look up.'),
    );
    await expect(page.getByText('Every error of the shop has a code and a message you can look up.')).toBeVisible({
      timeout: 15_000,
    });

    // A file the build does not read: the terminal warns (the same warning as the build and
    // `error-catalog check`), and the page is still served.
    writeFileSync(join(catalog, 'codes/notes.txt'), 'Ask the payments team about 1002.\n');
    await expect
      .poll(() => server.output(), { timeout: 15_000 })
      .toMatch(/has 1 warning \(files the build does not read[^]*codes\/notes\.txt\n\s+this file is not read/);
    // The save also reloads the open page; a navigation racing that reload is aborted, so retry it.
    await expect(async () => {
      await page.goto(`${server.url}codes/shop/1001/`, { timeout: 5_000 });
      await expect(page.getByRole('heading', { level: 1 })).toContainText('1001 Order not found', { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
  } finally {
    await test.info().attach('astro dev output', { body: server.output(), contentType: 'text/plain' });
    await server.stop();
    rmSync(catalog, { recursive: true, force: true });
  }
});
