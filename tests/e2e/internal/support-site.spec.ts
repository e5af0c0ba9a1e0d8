/**
 * The internal support site (SITE_AUDIENCE=internal) of the default catalog: it says it is
 * internal on every page, and a code page shows what support needs — the customer-safe reply, the
 * escalation with its team and channel, and the internal notes. Its public twin, the default
 * site, shows none of the internal parts (tests/e2e/leak/).
 */
import { expect, test } from '../support/fixtures';
import { loadCatalog } from '../../../src/catalog/load-catalog';

const catalog = loadCatalog('catalog');

test('every page says in its header that this is the internal support site', async ({ page }) => {
  for (const path of ['./', 'codes/', 'lookup/']) {
    await page.goto(path);
    await expect(page.getByRole('banner')).toContainText('Internal support site');
  }
});

test('a code page shows the reply, the escalation to a declared team and the internal notes', async ({ page }) => {
  const code = catalog.codes.find((one) => one.key === 'core:1009')!;
  const team = catalog.api.support!.teams[code.support!.escalate!.team!]!;
  await page.goto('codes/core/1009/');
  const support = page.getByRole('region', { name: 'For support staff' });
  await expect(support.getByRole('heading', { name: 'Reply to the customer' })).toBeVisible();
  await expect(support).toContainText(code.reply!);
  await expect(support.getByRole('heading', { name: 'When to escalate' })).toBeVisible();
  await expect(support).toContainText(`To ${team.name} (${team.channel}):`);
  await expect(support).toContainText(code.support!.escalate!.when);
  await expect(support.getByRole('heading', { name: 'Internal notes' })).toBeVisible();
  await expect(support).toContainText(code.internal!);
  await expect(page.locator('dt:text-is("Severity") + dd')).toHaveText('Critical');
});
