/**
 * The public site of the default catalog (issue 13): a code page shows the customer-safe support
 * fields (reply, who acts, severity, what to ask) and none of the internal ones, and no page says
 * it is the internal site.
 */
import { expect, test } from '../support/fixtures';
import { loadCatalog } from '../../../src/catalog/load-catalog';
import { AUDIENCE_LABELS } from '../../../src/view/support-text';

const catalog = loadCatalog('catalog');

test('a public code page shows the reply, who acts and the severity, but no escalation or internal notes', async ({
  page,
}) => {
  const code = catalog.codes.find((one) => one.key === 'core:1009')!;
  await page.goto('codes/core/1009/');
  const main = page.getByRole('main');
  await expect(main).toContainText(code.reply!);
  await expect(main.locator('dt:text-is("Who acts") + dd')).toHaveText(
    code.audience!.map((one) => AUDIENCE_LABELS[one]).join(', '),
  );
  await expect(main.locator('dt:text-is("Severity") + dd')).toHaveText('Critical');
  await expect(main.getByRole('heading', { name: 'When to escalate' })).toHaveCount(0);
  await expect(main.getByRole('heading', { name: 'Internal notes' })).toHaveCount(0);
  await expect(main).not.toContainText(code.internal!);
  await expect(page.getByRole('banner')).not.toContainText('Internal support site');
});

test("a common message's customer-safe reply is shown beside its resolution", async ({ page }) => {
  const message = catalog.messageAreas.flatMap((area) => area.messages).find((one) => one.reply)!;
  await page.goto('messages/');
  const row = page.getByRole('row').filter({ hasText: message.resolution! });
  await expect(row).toContainText(`Reply to the customer: ${message.reply}`);
});

test('the public lookup offers no support actions or reply, and the public site has no support page', async ({
  page,
  request,
}) => {
  await page.goto('lookup/');
  await page.getByRole('textbox', { name: /Code, name, status, message or whole response/ }).fill('1009');
  const answer = page.getByRole('region', { name: 'Lookup answer' });
  await expect(answer.getByRole('heading', { name: /Internal error/ })).toBeVisible();
  await expect(answer.getByRole('region', { name: 'Support actions' })).toHaveCount(0);
  await expect(answer.getByRole('button', { name: /Copy (for ticket|reply)/ })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Support desk' })).toHaveCount(
    0,
  );
  expect((await request.get('support/')).status()).toBe(404);
});

test('the codes table and the search filter by who acts', async ({ page }) => {
  await page.goto('codes/');
  const table = page.locator('error-catalog-table').first();
  const forOperations = catalog.codes.filter((one) => one.audience?.includes('operations'));
  await table.getByRole('combobox', { name: 'Who acts' }).selectOption('operations');
  await expect(table.locator('tbody tr:not([hidden])')).toHaveCount(forOperations.length);
  await expect(table.locator('tbody tr:not([hidden])').first()).toContainText(forOperations[0]!.code);

  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search the error reference' });
  // The filters are behind one "Filters" control (issue 15).
  await dialog.getByText('Filters', { exact: true }).click();
  const audience = dialog.getByRole('combobox', { name: 'Who acts' });
  // One option per audience the codes name, with how many code pages name it.
  const counts = Object.entries(AUDIENCE_LABELS)
    .map(([key, label]) => [label, catalog.codes.filter((one) => one.audience?.includes(key as never)).length] as const)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, count]) => `${label} (${count})`);
  await expect(audience.locator('option')).toHaveText(['All', ...counts]);
});
