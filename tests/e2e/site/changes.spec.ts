/**
 * The catalog's history on the built default site: the changes page (versions newest first, each
 * line linked to its page, the filter by kind of change, entry and code space, and the plain list
 * without JavaScript), a code's History section, and the latest version on the home page. The
 * feeds are checked with the other publishing checks (tests/e2e/support/publishing-checks.ts).
 * The catalog model is the oracle.
 */
import { expect, test } from '../support/fixtures';
import { releasesOf } from '../../../src/catalog/history';
import { loadCatalog } from '../../../src/catalog/load-catalog';
import { siteOf } from '../support/built-site';
import { releaseAnchors } from '../../../src/view/history';

const catalog = loadCatalog('catalog');
const releases = releasesOf(catalog);
/** The changes page's height at 375 px with the older versions folded (9,894 px unfolded). */
const CHANGES_PAGE_MAX = 5500;

test('the changes page lists every version newest first, each line linked to its page, and filters by kind and code space', async ({
  page,
}, testInfo) => {
  const site = siteOf(testInfo);
  await page.goto('changes/');
  await expect(page.getByRole('heading', { level: 1, name: 'Changes' })).toBeVisible();
  await expect(page.getByText(/newest first; the current version is 2026-11\./)).toBeVisible();
  const headings = page.locator('main section[data-release] > h2');
  await expect(headings).toHaveText(
    releases.map(
      (release) => new RegExp(`^\\s*Version ${release.version}${release.current ? '\\s*current' : ''}\\s*$`),
    ),
  );
  expect(releases[0]!.current, 'the current version is the newest').toBe(true);
  await expect(page.getByRole('link', { name: 'Atom feed' })).toHaveAttribute('href', `${site.basePath}changes.xml`);

  // A breaking change, worded as the catalog records it, links to its code.
  const v2607 = page.getByRole('region', { name: /^Version 2026-07/ });
  const statusChange = v2607.getByRole('listitem').filter({ hasText: 'status: 422 → 409' });
  await expect(statusChange).toContainText('breaking: status-changed');
  await statusChange.getByRole('link', { name: '1004 Idempotency key reused' }).click();
  await expect(page).toHaveURL(/\/codes\/core\/1004\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('1004');
  await page.goBack();

  const total = releases.reduce((sum, release) => sum + release.entries.length, 0);
  const lines = page.locator('main li[data-kind]');
  await expect(lines).toHaveCount(total);
  const filter = page.getByRole('form', { name: 'Filter the changes' });
  await expect(filter.getByRole('status')).toHaveText(`${total} changes`);

  // Deprecated only: every visible line is a deprecation, versions without one are hidden.
  await filter.getByLabel('Change').selectOption('deprecated');
  const deprecations = releases.flatMap((release) => release.entries.filter((entry) => entry.kind === 'deprecated'));
  expect(deprecations.length).toBeGreaterThan(1);
  await expect(page.locator('main li[data-kind]:visible')).toHaveCount(deprecations.length);
  await expect(filter.getByRole('status')).toHaveText(`${deprecations.length} of ${total} changes`);
  await expect(page.getByRole('region', { name: /^Version 2026-11/ })).toBeHidden();
  await expect(page.getByRole('region', { name: /^Version 2026-01/ })).toBeVisible();
  await expect(page).toHaveURL(/\?kind=deprecated$/);

  // And of the ledger space only.
  await filter.getByLabel('Code space').selectOption('ledger');
  const ledgerDeprecations = deprecations.filter((entry) => entry.space === 'ledger');
  expect(ledgerDeprecations.length).toBeGreaterThan(0);
  await expect(page.locator('main li[data-kind]:visible')).toHaveCount(ledgerDeprecations.length);
  for (const line of await page.locator('main li[data-kind]:visible').all())
    await expect(line).toContainText('(Ledger codes)');

  // The choice is kept in the URL: a reload shows the same list.
  await page.reload();
  await expect(filter.getByLabel('Change')).toHaveValue('deprecated');
  await expect(page.locator('main li[data-kind]:visible')).toHaveCount(ledgerDeprecations.length);

  // Statuses changed: none of them belongs to a code space, so Code space must go back to all.
  await filter.getByLabel('Code space').selectOption('');
  await filter.getByLabel('Change').selectOption('changed');
  await filter.getByLabel('Entry').selectOption('status');
  const statusChanges = releases.flatMap((release) =>
    release.entries.filter((entry) => entry.kind === 'changed' && entry.concept === 'status'),
  );
  await expect(page.locator('main li[data-kind]:visible')).toHaveCount(statusChanges.length);
  await expect(page.locator('main li[data-kind]:visible').first()).toContainText('503 Service Unavailable');
});

test("a code's History section lists its versions newest first, linked to the changes page", async ({ page }) => {
  await page.goto('codes/core/1011/');
  const history = page.getByRole('region', { name: 'History' });
  const items = history.getByRole('listitem');
  await expect(items).toHaveText([
    /^Version 2026-07: No longer deprecated; deprecated: removed/,
    /^Version 2026-03: Deprecated; deprecated: added/,
    /^Version 2024-02: Added$/,
  ]);
  await items.first().getByRole('link', { name: 'Version 2026-07' }).click();
  await expect(page).toHaveURL(/\/changes\/#v-2026-07$/);
  await expect(page.getByRole('heading', { level: 2, name: /^Version 2026-07/ })).toBeInViewport();

  await page.goto('codes/core/1004/');
  await expect(page.getByRole('region', { name: 'History' }).getByRole('listitem').first()).toHaveText(
    /^Version 2026-07: Status: 422 → 409\s*breaking: status-changed$/,
  );
  // Other concepts have their history too; one that records none has no History section.
  await page.goto('statuses/503/');
  await expect(page.getByRole('region', { name: 'History' })).toContainText(
    'Version 2026-11: Retry.backoff.maxDelayMs: 60000 → 300000',
  );
  expect(catalog.statuses.find((status) => status.status === 404)?.since).toBeUndefined();
  await page.goto('statuses/404/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('404');
  await expect(page.getByRole('region', { name: 'History' })).toHaveCount(0);
});

test('the home page shows the latest version and what changed in it; the footer links the changes page', async ({
  page,
}) => {
  const latest = releases[0]!;
  await page.goto('');
  const section = page.getByRole('region', { name: `What changed in version ${latest.version}` });
  await expect(section.getByRole('listitem')).toHaveCount(Math.min(latest.entries.length, 8));
  await expect(section).toContainText('retry.backoff.maxDelayMs: 60000 → 300000');
  await expect(section.getByRole('link', { name: '503 Service Unavailable' })).toHaveAttribute(
    'href',
    /statuses\/503\/$/,
  );
  await page
    .getByRole('contentinfo')
    .getByRole('link', { name: `version ${catalog.api.version}` })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Changes' })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the changes page is the whole plain list, with no filter form', async ({ page }) => {
    await page.goto('changes/?kind=deprecated');
    await expect(page.getByRole('form', { name: 'Filter the changes' })).toBeHidden();
    const total = releases.reduce((sum, release) => sum + release.entries.length, 0);
    await expect(page.locator('main li[data-kind]:visible')).toHaveCount(total);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 667 } });

  test('the newest versions show their changes and older ones are folded; a filter or a link to a version unfolds it', async ({
    page,
  }) => {
    const oldest = releases.at(-1)!;
    expect(oldest.entries.some((entry) => entry.kind === 'added')).toBe(true);
    const region = (version: string) => page.getByRole('region', { name: new RegExp(`^Version ${version}`) });
    await page.goto('changes/');
    await expect(region(releases[0]!.version).locator('li[data-kind]').first()).toBeVisible();
    await expect(region(oldest.version).getByRole('heading', { level: 2 })).toBeVisible();
    await expect(region(oldest.version).locator('li[data-kind]').first()).toBeHidden();
    // 9,894 px with all 18 versions unfolded (issue 15).
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(CHANGES_PAGE_MAX);

    // Filtered, every version with a match shows it.
    await page.getByRole('form', { name: 'Filter the changes' }).getByLabel('Change').selectOption('added');
    await expect(region(oldest.version).locator('li[data-kind]').first()).toBeVisible();
    await page.getByRole('form', { name: 'Filter the changes' }).getByLabel('Change').selectOption('');
    await expect(region(oldest.version).locator('li[data-kind]').first()).toBeHidden();

    // A link to an old version (a History section's) shows its changes.
    await page.goto(`changes/#${releaseAnchors(catalog).get(oldest.version)}`);
    await expect(region(oldest.version).locator('li[data-kind]').first()).toBeVisible();
  });
});
