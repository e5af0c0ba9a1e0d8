import { expect, test } from '@playwright/test';

test('home page names the API and links to the code tables', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Pajaro Payments API');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Codes', exact: true }),
  ).toBeVisible();
});
