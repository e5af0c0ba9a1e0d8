/** Search and tables under a base path (/docs/errors/): links, the Pagefind index and URL state stay inside it. */
import { expect, test } from '../support/fixtures';

test('search finds the exact code first and opens its page under the base path', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Search' })).toBeEnabled();
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search the error reference' });
  await dialog.getByRole('searchbox').fill('CUSTOMER_NOT_FOUND');
  const results = dialog.getByRole('list', { name: 'Search results' });
  await expect(results).not.toHaveAttribute('aria-busy', 'true');
  await expect(results.locator(':scope > li > a').first()).toHaveAttribute('href', '/docs/errors/codes/core/1101/');
  // Pagefind's own results carry the base path too.
  for (const href of await results
    .locator(':scope > li > a')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')))) {
    expect(href).toMatch(/^\/docs\/errors\//);
  }
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/docs\/errors\/codes\/core\/1101\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('1101');
});

test('a shared table URL restores its view under the base path', async ({ page }) => {
  await page.goto('codes/?q=customer&sort=code:desc');
  const controls = page.getByRole('group', { name: 'Filter All error codes' });
  await expect(controls.getByRole('searchbox', { name: 'Filter' })).toHaveValue('customer');
  await expect(
    page.getByRole('table', { name: 'All error codes' }).getByRole('columnheader', { name: 'Code' }),
  ).toHaveAttribute('aria-sort', 'descending');
  await controls.getByRole('combobox', { name: 'Surface' }).selectOption('console');
  await expect(page).toHaveURL(/\/docs\/errors\/codes\/\?q=customer&surface=console&sort=code%3Adesc$/);
});
