/**
 * The public site of the default catalog (issue 13): a code page shows the customer-safe support
 * fields (reply, who acts, severity, what to ask) and none of the internal ones, and no page says
 * it is the internal site.
 */
import { expect, test } from '@playwright/test';
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
