/**
 * Operations on the built default site: the operations table (complete without JavaScript), an
 * operation's page with its errors grouped by status and retry advice for its method, "Returned
 * by" on code and status pages, two clicks from home to any operation, and search.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { catalogJson, gotoPath, routeOfUrl, siteOf } from '../support/built-site';

const table = (page: Page) => page.getByRole('table', { name: 'All operations' });

test('the operations table lists every operation, and a method filter keeps only that method', async ({
  readerPage: page,
}, testInfo) => {
  const catalog = catalogJson(siteOf(testInfo));
  await page.goto('operations/');
  const rows = table(page).locator('tbody').getByRole('row');
  await expect(rows).toHaveCount(catalog.operations.length);
  const controls = page.getByRole('group', { name: 'Filter All operations' });
  await controls.getByRole('combobox', { name: 'Method' }).selectOption('DELETE');
  await expect(controls.getByRole('status')).toHaveText(
    `${catalog.operations.filter((operation) => operation.method === 'DELETE').length} of ${catalog.operations.length} operations`,
  );
  await expect(rows.first()).toContainText('/v2/customers/{customerId}');
  await controls.getByRole('combobox', { name: 'Returns' }).selectOption('423');
  await expect(controls.getByRole('status')).toHaveText(`0 of ${catalog.operations.length} operations`);
  await page.goto('operations/?status=423');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('/v1/movements');
});

test("a surface's card leads to that surface's operations, which its own page lists too", async ({
  readerPage: page,
}, testInfo) => {
  const catalog = catalogJson(siteOf(testInfo));
  const ofGateway = catalog.operations.filter((operation) => operation.surface === 'gateway');
  await page.goto('operations/');
  await page.getByRole('link', { name: 'Payments Gateway', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Operations of Payments Gateway');
  const rows = page.getByRole('table', { name: 'Operations of Payments Gateway' }).locator('tbody').getByRole('row');
  await expect(rows).toHaveCount(ofGateway.length);
  await page.getByRole('main').getByRole('link', { name: 'Payments Gateway', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payments Gateway');
  await expect(
    page.getByRole('table', { name: 'Operations of Payments Gateway' }).locator('tbody').getByRole('row'),
  ).toHaveCount(ofGateway.length);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the operations table links every operation, with its statuses and code count', async ({ page }, testInfo) => {
    const site = siteOf(testInfo);
    const catalog = catalogJson(site);
    await page.goto('operations/');
    for (const operation of catalog.operations) {
      const link = table(page).getByRole('link', { name: operation.path, exact: true });
      const row = table(page)
        .getByRole('row')
        .filter({ has: page.locator(`a[href$="${new URL(operation.url).pathname}"]`) });
      await expect(row).toContainText(operation.method);
      await expect(row).toContainText(operation.statuses.length ? operation.statuses.join(' ') : 'not stated');
      await expect(row.getByRole('cell').last()).toHaveText(String(operation.codes.length));
      expect(await link.count()).toBeGreaterThan(0);
    }
    await page.goto(gotoPath(routeOfUrl(catalog.operations[0]!.url, site)));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(catalog.operations[0]!.path);
  });
});

test('an operation page groups its errors by status, with retry advice for a POST and its idempotency key', async ({
  readerPage: page,
}) => {
  await page.goto('operations/gateway/capturecharge/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/POST\s+\/v2\/charges\/\{chargeId\}\/capture/);
  await expect(page.getByText('Capture the funds of an authorised charge.')).toBeVisible();
  const errors = page.getByRole('region', { name: 'Errors' });
  const statusHeadings = errors.getByRole('heading', { level: 3 });
  await expect(statusHeadings).toHaveText([
    /401\s+Unauthorized/,
    /404\s+Not Found/,
    /409\s+Conflict/,
    /429\s+Too Many Requests/,
    /500\s+Internal Server Error/,
    /502\s+Bad Gateway/,
    /504\s+Gateway Timeout/,
  ]);
  const conflict = errors.getByRole('article', { name: /409/ });
  await expect(conflict.getByRole('link', { name: /1206\s+Charge already captured/ })).toHaveAttribute(
    'href',
    '/codes/core/1206/',
  );
  await expect(conflict.getByRole('link', { name: 'Pajaro error' })).toBeVisible();
  await expect(conflict.getByRole('figure')).toContainText('"code": "1004"');
  const serverError = errors.getByRole('article', { name: /500/ });
  await expect(serverError).toContainText(
    'With an Idempotency-Key: retry with exponential backoff (start at 500 ms, ×2 each try, capped at 30 s, at most 6 tries in all). Without one: do not retry blindly',
  );
  await expect(page.getByRole('term').filter({ hasText: 'Idempotency' }).locator('+ dd')).toContainText(
    'Idempotent with an Idempotency-Key header, not without one.',
  );
});

test('an operation whose status has its own envelope shows that envelope and its body', async ({
  readerPage: page,
}) => {
  await page.goto('operations/console/inviteteammember/');
  const validation = page.getByRole('article', { name: /422/ });
  await expect(validation.getByRole('link', { name: 'Console form error' })).toBeVisible();
  await expect(validation).toContainText("not the surface's usual envelope");
  await expect(page.getByRole('term').filter({ hasText: 'Idempotency' }).locator('+ dd')).toContainText(
    'The API does not say; as general HTTP practice, a POST is not idempotent.',
  );
});

test('a deprecated operation names its replacement', async ({ readerPage: page }) => {
  await page.goto('operations/gateway/refundcharge/');
  const note = page.getByRole('note', { name: 'Deprecated' });
  await expect(note).toContainText('Deprecated since 2025-09.');
  await note.getByRole('link', { name: 'POST /v2/refunds' }).click();
  await expect(page).toHaveURL(/\/operations\/gateway\/createrefund\/$/);
});

test('a code page says which operations return it', async ({ readerPage: page }) => {
  await page.goto('codes/ledger/4201/');
  const returnedBy = page.getByRole('region', { name: 'Returned by' });
  // The operations' links (the heading's own # link aside).
  await expect(returnedBy.getByRole('listitem').getByRole('link')).toHaveText([
    /POST\s+\/v1\/holds\/\{holdId\}\/capture/,
    /POST\s+\/v1\/movements/,
    /POST\s+\/v1\/payouts/,
  ]);
  await returnedBy.getByRole('link', { name: /\/v1\/payouts/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('/v1/payouts');
  await expect(page.getByRole('article', { name: /409/ }).getByRole('link', { name: /4201/ })).toBeVisible();
});

test('a status page lists the operations that return it', async ({ readerPage: page }) => {
  await page.goto('statuses/423/');
  await expect(page.getByRole('region', { name: 'Returned by' }).getByRole('listitem').getByRole('link')).toHaveText([
    /POST\s+\/v1\/movements/,
  ]);
});

test('every operation is two clicks from home', async ({ readerPage: page }, testInfo) => {
  const catalog = catalogJson(siteOf(testInfo));
  for (const operation of [catalog.operations[0]!, catalog.operations[catalog.operations.length - 1]!]) {
    await page.goto('./');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Operations' }).click();
    await table(page)
      .locator(`a[href$="${new URL(operation.url).pathname}"]`)
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(operation.path);
  }
});

test('search finds an operation by a word of its path and by method and path, with a method filter', async ({
  readerPage: page,
}) => {
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Search' })).toBeEnabled();
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search the error reference' });
  const results = dialog.getByRole('list', { name: 'Search results' }).locator(':scope > li > a');
  await dialog.getByRole('searchbox').fill('capture');
  await expect(results.filter({ hasText: '/v2/charges/{chargeId}/capture' }).first()).toBeVisible();
  // The filters are behind one "Filters" control (issue 15).
  await dialog.getByText('Filters', { exact: true }).click();
  await dialog.getByRole('combobox', { name: 'Method' }).selectOption('POST');
  await expect(dialog.getByRole('list', { name: 'Search results' })).not.toHaveAttribute('aria-busy', 'true');
  for (const code of await results.locator('.search-hit__code').allTextContents()) expect(code).toBe('POST');
  await dialog.getByRole('searchbox').fill('POST /v2/refunds');
  await expect(results.filter({ hasText: /^POST\s*\/v2\/refunds\b/ }).first()).toBeVisible();
});
