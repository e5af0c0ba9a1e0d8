/**
 * A team's own catalog (tests/fixtures/team-catalog, issue 17): its site shows nothing of the
 * default catalog, and the lookup reads each of its example bodies as its own envelope, with the
 * request id the envelope declares.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { loadCatalog } from '../../../src/catalog/load-catalog';
import { siteOf } from '../support/built-site';
import { defaultCatalogTokens, findDefaultCatalogText } from '../support/default-catalog-text';
import { defineSiteGates, MISSING_ROUTE } from '../support/gates';

const CATALOG_DIR = 'tests/fixtures/team-catalog';
const catalog = loadCatalog(CATALOG_DIR);
const tokens = defaultCatalogTokens('catalog', CATALOG_DIR);

const lookupInput = (page: Page) =>
  page.getByRole('textbox', { name: /Code, name, status, message or whole response/ });
const answer = (page: Page) => page.getByRole('region', { name: 'Lookup answer' });

test('the default catalog text list is real: it holds the default API name, code names, codes and example ids', () => {
  const texts = tokens.map((token) => token.text);
  expect(texts).toEqual(expect.arrayContaining(['Pajaro Payments API', 'CUSTOMER_NOT_FOUND', '1101', 'req_7Hq2LmX9']));
});

test('no page, script or data file of the site holds text of the default catalog', ({}, testInfo) => {
  const leaks = findDefaultCatalogText(siteOf(testInfo).outDir, tokens).map(
    (leak) => `${leak.file}: "${leak.token}" in …${leak.context.replace(/\s+/g, ' ')}…`,
  );
  expect(leaks).toEqual([]);
});

for (const [name, route, label] of [
  ['home', '', 'Look up an error'],
  ['lookup', 'lookup/', 'Code, name, status, message or whole response'],
  ['not-found', MISSING_ROUTE, 'Error code, name or message'],
] as const) {
  test(`the ${name} page's lookup form suggests this catalog's own codes, and nothing of the default catalog shows`, async ({
    readerPage: page,
  }) => {
    await page.goto(route);
    const input = page.getByRole(name === 'lookup' ? 'textbox' : 'searchbox', { name: label });
    const placeholder = (await input.getAttribute('placeholder')) ?? '';
    if (name === 'lookup') expect(placeholder).toContain('type a code such as 3001');
    else expect(placeholder).toBe('e.g. 3001, INVOICE_FIELD_INVALID, 429 or a message');
    const text = `${await page.locator('body').innerText()}\n${placeholder}\n${await page.title()}`;
    const shown = tokens.filter((token) =>
      token.numeric
        ? new RegExp(`\\b${token.text}\\b`).test(text)
        : text.toLowerCase().includes(token.text.toLowerCase()),
    );
    expect(shown.map((token) => token.text)).toEqual([]);
  });
}

const examples = catalog.envelopes.flatMap((envelope) =>
  envelope.examples.map((example) => ({
    envelope,
    example,
    requestId: /"request_id":\s*"([^"]+)"/.exec(example.body)?.[1],
  })),
);

test('every envelope of the fixture has examples with a request id', () => {
  expect(examples.map(({ envelope }) => envelope.id).sort()).toEqual([
    'invoicing-problem',
    'invoicing-problem',
    'orders-error',
    'orders-error',
  ]);
  for (const { requestId } of examples) expect(requestId).toMatch(/^lrk-/);
});

for (const { envelope, example, requestId } of examples) {
  test(`a pasted "${example.title}" body is read as ${envelope.name}, with its request id ${requestId}`, async ({
    readerPage: page,
  }) => {
    await page.goto('lookup/');
    await lookupInput(page).fill(example.body);
    const readAs = answer(page).getByText(/^Read as /);
    await expect(readAs).toHaveText(`Read as ${envelope.name}, an envelope of this API.`);
    await expect(readAs.getByRole('link', { name: envelope.name })).toHaveAttribute(
      'href',
      `/envelopes/${envelope.id}/`,
    );
    // The answer's summary gives the request id first (issue 15).
    const quote = answer(page)
      .getByRole('paragraph')
      .filter({ hasText: /quote it when you contact support/ });
    await expect(quote).toContainText(`Request id ${requestId}`);
    await expect(quote.getByRole('button', { name: /Copy the request id/i })).toBeVisible();
    await expect(answer(page).getByRole('heading', { level: 3 }).first()).toContainText(example.title);
  });
}

test("headers of one surface are shown as that surface's: on the headers, surface and status pages", async ({
  readerPage: page,
}) => {
  await page.goto('headers/');
  const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  await expect(row('Larkspur-Trace').getByRole('cell').first()).toHaveText('Orders API');
  await expect(row('Larkspur-Signature').getByRole('cell').first()).toHaveText('Invoicing API');
  await expect(row('Retry-After').getByRole('cell').first()).toHaveText('All');
  // A 429 of each surface, each with that surface's headers only.
  const orders429 = page.getByRole('figure').filter({ hasText: 'A 429 response from Orders API' });
  const invoicing429 = page.getByRole('figure').filter({ hasText: 'A 429 response from Invoicing API' });
  await expect(orders429).toContainText('Retry-After: 12');
  await expect(orders429).not.toContainText('Larkspur-Signature');
  await expect(invoicing429).toContainText('Larkspur-Signature: t=1746170000,v1=5e1c0d');

  await page.goto('surfaces/orders/');
  const sent = page.getByRole('region', { name: 'Headers it sends' });
  await expect(sent.getByRole('listitem')).toHaveText([
    'Retry-After: Seconds to wait before the next request.',
    'Larkspur-Trace (this surface only): The id of the request in the Orders logs; the body repeats it as error.request_id.',
  ]);

  await page.goto('statuses/429/');
  await expect(page.getByRole('region', { name: 'Headers sent with 429' }).getByRole('listitem')).toHaveText([
    'Retry-After: Seconds to wait before the next request.',
    'Larkspur-Signature (Invoicing API only): HMAC-SHA256 of the problem body, so a proxy cannot alter it unnoticed.',
  ]);
});

test('a common message shows what its placeholders hold', async ({ readerPage: page }) => {
  await page.goto('messages/');
  const row = page.getByRole('row').filter({ hasText: 'is locked while' });
  await expect(row.getByRole('term')).toHaveText(['{invoiceId}', '{person}']);
  await expect(row.getByRole('definition')).toHaveText([
    'The invoice id you sent, e.g. inv_3307.',
    'The display name of the workspace member who has the invoice open.',
  ]);
});

test("a code without support notes of its own lists what the API asks every report to include, in the API's words", async ({
  readerPage: page,
}) => {
  await page.goto('codes/orders/order_not_found/');
  const support = page.getByRole('region', { name: 'For support staff' });
  await expect(support).toContainText('This code has no support notes of its own.');
  await expect(support).toContainText('The API asks every report to include:');
  await expect(support.getByRole('listitem')).toHaveText([
    'The request id of the error body',
    'The workspace the request was made in',
    'The time of the request, in UTC',
  ]);
  await expect(support).not.toContainText('General practice');
});

test('a 409 whose retry policy is not-needed does not claim the request succeeded', async ({ readerPage: page }) => {
  await page.goto('codes/orders/order_already_cancelled/');
  const retry = page.getByRole('region', { name: 'Retry' });
  await expect(retry).toContainText(
    'Nothing to retry. There is nothing to retry. The cancellation you asked for has already happened.',
  );
  await expect(retry).not.toContainText('succeeded');
});

test('a catalog that records no history has no changes page and links no feeds', async ({
  readerPage: page,
  request,
}) => {
  await page.goto('');
  await expect(page.locator('link[rel="alternate"]')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Changes' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /^What changed in version/ })).toHaveCount(0);
  for (const path of ['changes/', 'changes.xml', 'changes.json']) expect((await request.get(path)).status()).toBe(404);
});

test('the footer states no version when the catalog sets none', async ({ readerPage: page }) => {
  await page.goto('');
  await expect(page.getByRole('contentinfo')).toContainText('Larkspur Commerce API error catalog.');
  await expect(page.getByRole('contentinfo')).not.toContainText('version');
});

defineSiteGates();
