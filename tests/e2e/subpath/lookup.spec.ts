import { expect, test } from '@playwright/test';

test('the lookup works under a sub-path: index, links, fragment and header form stay inside it', async ({ page }) => {
  const indexRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('lookup-index/')) indexRequests.push(new URL(request.url()).pathname);
  });
  await page.goto('./');
  const header = page.getByRole('search', { name: 'Look up an error' });
  await header.getByRole('searchbox').fill('1101');
  await header.getByRole('searchbox').press('Enter');
  await expect(page).toHaveURL(/\/docs\/errors\/lookup\/#q=1101$/);
  const answer = page.getByRole('region', { name: 'Lookup answer' });
  await expect(answer.getByRole('link', { name: 'Customer not found' })).toHaveAttribute(
    'href',
    '/docs/errors/codes/core/1101/',
  );
  expect(indexRequests.length).toBeGreaterThan(0);
  for (const path of indexRequests) expect(path.startsWith('/docs/errors/lookup-index/')).toBe(true);
});
