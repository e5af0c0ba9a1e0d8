import { expect, test } from '../support/fixtures';

test("the lookup works under a sub-path: index, links, fragment and the search dialog's way in stay inside it", async ({
  page,
}) => {
  const indexRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('lookup-index/')) indexRequests.push(new URL(request.url()).pathname);
  });
  await page.goto('./');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('dialog').getByRole('searchbox').fill('{"errors": [{"code": "1101"}]}');
  await page
    .getByRole('dialog')
    .getByRole('link', { name: /Explain in the lookup/ })
    .click();
  await expect(page).toHaveURL(/\/docs\/errors\/lookup\/#q=/);
  const answer = page.getByRole('region', { name: 'Lookup answer' });
  await expect(answer.getByRole('link', { name: 'Customer not found', exact: true })).toHaveAttribute(
    'href',
    '/docs/errors/codes/core/1101/',
  );
  expect(indexRequests.length).toBeGreaterThan(0);
  for (const path of indexRequests) expect(path.startsWith('/docs/errors/lookup-index/')).toBe(true);
});
