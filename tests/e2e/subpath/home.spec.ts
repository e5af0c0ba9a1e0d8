import { expect, test } from '../support/fixtures';

test('the site served under a sub-path links within it', async ({ page }) => {
  await page.goto('./');
  const codes = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Codes', exact: true });
  await expect(codes).toHaveAttribute('href', '/docs/errors/codes/');
});
