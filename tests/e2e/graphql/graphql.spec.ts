/**
 * Issue 18, done when: a GraphQL catalog (tests/fixtures/graphql-catalog: one surface, one code
 * per meaning, errors with 200 and a gateway's 401/429/503) needs no workaround, and its raw 401
 * and 429 pastes and a two-error body are ranked and explained in Chromium.
 */
import { expect, test } from '../support/fixtures';
import { routes } from '../../../src/view/routes';
import { gotoPath } from '../support/built-site';
import { defineSiteGates } from '../support/gates';
import { defineLookupFacts, definePageFacts } from '../examples/seed-facts';

const RAW_401 = [
  'HTTP/1.1 401 Unauthorized',
  'Content-Type: application/json',
  '',
  '{ "error": { "code": "UNAUTHENTICATED", "message": "The access token has expired." }, "requestId": "gw_8f2k" }',
].join('\n');
const RAW_429 = [
  'HTTP/1.1 429 Too Many Requests',
  'Content-Type: application/json',
  'Retry-After: 30',
  '',
  '{ "error": { "code": "RATE_LIMITED", "message": "Rate limit exceeded.", "retryAfterSeconds": 30 }, "requestId": "gw_9a1c" }',
].join('\n');
const TWO_ERRORS = `{
  "errors": [
    { "message": "Order ord_42 not found.", "locations": [{ "line": 2, "column": 3 }], "path": ["order"], "extensions": { "code": "NOT_FOUND" } },
    { "message": "You may not read customer.email.", "locations": [{ "line": 5, "column": 5 }], "path": ["viewer", "customer", "email"], "extensions": { "code": "FORBIDDEN" } }
  ],
  "data": { "order": null, "viewer": { "customer": { "email": null } } }
}`;

// PERSISTED_QUERY_NOT_FOUND comes with 200 from POST /graphql and with 404 from the persisted-query GET.
const PERSISTED_GET = [
  'GET https://api.larkspur.example/graphql/persisted/9f86d081',
  '{ "error": { "code": "PERSISTED_QUERY_NOT_FOUND", "message": "PersistedQueryNotFound" }, "requestId": "gw_7c1d" }',
].join('\n');

const unauthenticated = routes.code({ codeSpace: 'graph', slug: 'UNAUTHENTICATED' });
const rateLimited = routes.code({ codeSpace: 'graph', slug: 'RATE_LIMITED' });

definePageFacts([
  {
    fact: 'UNAUTHENTICATED: one code with its 401 (transport) and its 200 (execution), each with when it comes',
    route: unauthenticated,
    shows: [
      '401 Unauthorized transport error',
      '200 OK with errors execution error',
      'The gateway refuses the request because its access token is missing or expired.',
      'A field of the query needs a signed-in user, and the token is a guest token.',
      'The error comes in the body of a 200 response: the status does not mean that the request succeeded.',
      'Gateway error · HTTP 401',
      'GraphQL response · HTTP 200 with errors',
    ],
    // The gateway's body is not shown for 200, nor the GraphQL body for 401 (envelope statuses).
    omits: ['GraphQL response · HTTP 401', 'Gateway error · HTTP 200', /request succeeded; there is nothing/],
  },
  {
    fact: "RATE_LIMITED: the gateway's wait in error.retryAfterSeconds, the budget's in errors[].extensions",
    route: rateLimited,
    shows: [
      "Wait for the time given by Retry-After or the body's error.retryAfterSeconds (seconds), then retry.",
      "Wait for the time given by the body's errors[].extensions.retryAfterSeconds (seconds), then retry.",
    ],
  },
  {
    fact: 'INTERNAL_SERVER_ERROR: queries are retried with backoff, mutations are not',
    route: routes.code({ codeSpace: 'graph', slug: 'INTERNAL_SERVER_ERROR' }),
    shows: ['For GraphQL queries: retry with exponential backoff', 'Mutations: do not retry.'],
  },
  {
    fact: '200 is "200 with errors" where codes come with it, and its success advice is only for a response without errors',
    route: routes.status(200),
    shows: [
      '200 with errors.',
      'does not mean that the request succeeded',
      'For a 200 response without errors:',
      'Codes that come with 200',
    ],
  },
  {
    fact: 'PERSISTED_QUERY_NOT_FOUND: each status context says which operation it is for',
    route: routes.code({ codeSpace: 'graph', slug: 'PERSISTED_QUERY_NOT_FOUND' }),
    shows: [
      'For POST /graphql: A query sent by its hash alone is not registered yet.',
      'For GET /graphql/persisted/{hash}: The gateway has no persisted query under the hash in the path.',
      'Gateway error · HTTP 404',
    ],
  },
  {
    fact: 'the persisted-query GET lists PERSISTED_QUERY_NOT_FOUND under 404 with its context, POST /graphql under 200 with errors',
    route: routes.operation({ surface: 'graph', slug: 'persistedquery' }),
    shows: [
      '404 Not Found',
      'PERSISTED_QUERY_NOT_FOUND',
      'The gateway has no persisted query under the hash in the path.',
    ],
    omits: ['A query sent by its hash alone is not registered yet.'],
  },
  {
    fact: 'POST /graphql lists its codes that come with 200 as "200 OK with errors"',
    route: routes.operation({ surface: 'graph', slug: 'graphql' }),
    shows: ['200 OK with errors', 'PERSISTED_QUERY_NOT_FOUND', 'A query sent by its hash alone is not registered yet.'],
    omits: ['The gateway has no persisted query under the hash in the path.'],
  },
  {
    fact: 'the rate limit counts query cost points, not requests',
    route: routes.home(),
    shows: ['query cost points'],
  },
]);

defineLookupFacts([
  {
    fact: "a raw 401 from the gateway: UNAUTHENTICATED in its transport context, read as the gateway's envelope",
    query: RAW_401,
    shows: [
      'UNAUTHENTICATED',
      'HTTP 401 Unauthorized',
      'Transport error.',
      'Read as Gateway error',
      'Also documented with 200 (execution)',
    ],
    omits: ['HTTP 200 OK with errors', 'is documented with'],
  },
  {
    fact: 'a raw 429 from the gateway: RATE_LIMITED with 429, and "retry after 30 s" from the body',
    query: RAW_429,
    shows: [
      'RATE_LIMITED',
      'HTTP 429 Too Many Requests',
      'Retry after 30 s (error.retryAfterSeconds in the pasted body).',
    ],
    omits: ['HTTP 200 OK with errors'],
  },
  {
    fact: 'a pasted request line to the persisted-query GET: PERSISTED_QUERY_NOT_FOUND in its 404 context',
    query: PERSISTED_GET,
    shows: [
      'PERSISTED_QUERY_NOT_FOUND',
      'HTTP 404 Not Found',
      'The gateway has no persisted query under the hash in the path.',
      'Also documented with 200 (execution)',
    ],
    // The 404 context's advice, not the 200 context's note.
    omits: ['HTTP 200 OK with errors', 'Send the hash again with the query document'],
  },
  {
    fact: 'a two-error body: each error once, with its path, with 200 never called a success',
    query: TWO_ERRORS,
    shows: [
      'NOT_FOUND',
      'At order (line 2, column 3)',
      'FORBIDDEN',
      'At viewer.customer.email (line 5, column 5)',
      'HTTP 200 OK with errors',
    ],
    omits: [/succeeded/],
  },
]);

test('the lookup ranks the 401 paste first as UNAUTHENTICATED, and the two-error body as exactly its two errors', async ({
  page,
}) => {
  await page.goto(gotoPath('lookup/'));
  const box = page.getByRole('textbox', { name: /Code, name, status, message or whole response/ });
  const answer = page.getByRole('region', { name: 'Lookup answer' });
  await box.fill(RAW_401);
  const first = answer.getByRole('article').first();
  await expect(first.getByRole('heading')).toContainText('UNAUTHENTICATED');
  await expect(first).toContainText('HTTP 401 Unauthorized');
  await box.fill('');
  await expect(answer).toHaveText('');
  await box.fill(TWO_ERRORS);
  const codes = answer.getByRole('article').filter({ has: page.getByText('Code', { exact: true }) });
  await expect(answer.getByRole('article').nth(0).getByRole('heading')).toContainText('NOT_FOUND');
  await expect(answer.getByRole('article').nth(1).getByRole('heading')).toContainText('FORBIDDEN');
  await expect(codes).toHaveCount(2);
});

test('the codes table lists every status of a code and filters by each class', async ({ page }) => {
  await page.goto(gotoPath(routes.codes()));
  const row = page.getByRole('row').filter({ hasText: 'UNAUTHENTICATED' });
  await expect(row.getByRole('link', { name: /401/ })).toBeVisible();
  await expect(row.getByRole('link', { name: /200 with errors/ })).toBeVisible();
  await page.getByRole('combobox', { name: 'Status class' }).selectOption('4xx');
  await expect(page.getByRole('row').filter({ hasText: 'UNAUTHENTICATED' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'FORBIDDEN' })).toBeHidden();
});

test('a code with neither a title nor a name is said once: heading, page title and lookup card', async ({ page }) => {
  await page.goto(gotoPath(routes.code({ codeSpace: 'graph', slug: 'GRAPHQL_VALIDATION_FAILED' })));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('GRAPHQL_VALIDATION_FAILED');
  expect(await page.title()).not.toMatch(/GRAPHQL_VALIDATION_FAILED.*GRAPHQL_VALIDATION_FAILED/);
  await page.goto(gotoPath('lookup/'));
  await page
    .getByRole('textbox', { name: /Code, name, status, message or whole response/ })
    .fill('GRAPHQL_VALIDATION_FAILED');
  const card = page.getByRole('region', { name: 'Lookup answer' }).getByRole('article').first();
  await expect(card.getByRole('heading')).toHaveText(/^\S+ GRAPHQL_VALIDATION_FAILED$/);
});

defineSiteGates();
