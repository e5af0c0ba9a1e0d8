import { expect, test } from '../support/fixtures';

test('home page names the API and links to the code tables', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Pajaro Payments API');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Codes', exact: true }),
  ).toBeVisible();
});

// Measured, not pictured: the header is one row at every width, the navigation in the row where it
// fits and behind the menu where it does not.
for (const { width, navigation } of [
  { width: 375, navigation: 'menu' },
  { width: 1024, navigation: 'menu' },
  { width: 1280, navigation: 'row' },
] as const) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test(`the header is one row with the navigation in the ${navigation}`, async ({ page }) => {
      await page.goto('./');
      const header = page.locator('header.site-header');
      expect(await header.evaluate((element) => element.getBoundingClientRect().height)).toBeLessThanOrEqual(64);
      const codes = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Codes', exact: true });
      if (navigation === 'menu') {
        await expect(codes).toBeHidden();
        await page.getByText('Menu', { exact: true }).click();
      }
      await expect(codes).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  });
}
