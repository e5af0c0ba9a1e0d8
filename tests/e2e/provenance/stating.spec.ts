/**
 * Issue 16 on the built site of a catalog that states everything (tests/fixtures/stating-catalog):
 * each statement appears as stated — its numbers, its methods, its own "retry once", its header
 * units, its media type and version — and no page or lookup answer labels anything general
 * practice or "not stated".
 */
import { expect, test } from '../support/fixtures';
import { routes } from '../../../src/view/routes';
import { GENERAL_PRACTICE_LEAD, NOT_STATED } from '../../../src/view/retry-text';
import { gotoPath, normalizeText, siteOf, sitemapRoutes } from '../support/built-site';
import { defineLookupFacts, definePageFacts, type PageFact } from '../examples/seed-facts';
import { defineSiteGates } from '../support/gates';

/** Each status's action and retry sentence, as the catalog states them. */
const STATED: Array<[number, string, string]> = [
  [200, 'Read the body.', 'The request succeeded; there is nothing to retry.'],
  [401, 'Get a new token, then retry once.', 'Re-authenticate before any retry. Retry once with the new token.'],
  [404, 'Check the id.', 'Do not retry. Fix the request first.'],
  [
    429,
    'Wait for Retry-After.',
    'Wait for the time given by Retry-After or X-RateLimit-Reset, then retry; without the header, back off (start at 1 s, ×2 each try, capped at 8 s, at most 3 tries in all, without jitter).',
  ],
  [
    500,
    'Retry GET and PUT with backoff.',
    'For GET and PUT: retry with exponential backoff (start at 250 ms, ×3 each try, capped at 20 s, at most 5 tries in all, with random jitter). Other methods: do not retry.',
  ],
  [
    503,
    'Retry GET after the wait.',
    'For GET: retry with exponential backoff (start at 250 ms, ×3 each try, capped at 20 s, at most 5 tries in all, with random jitter); honour Retry-After when sent. Other methods: wait for the time given by Retry-After, then retry.',
  ],
];

/** What a page says only where a catalog is silent. */
const SILENCE = [
  /general HTTP practice/i,
  GENERAL_PRACTICE_LEAD,
  /Not stated/,
  NOT_STATED.action,
  NOT_STATED.resolution,
];

test('no page says that anything is general practice or not stated', async ({ page }, testInfo) => {
  const routesToVisit = sitemapRoutes(siteOf(testInfo));
  test.setTimeout(30_000 + routesToVisit.length * 5_000);
  const found: string[] = [];
  for (const route of routesToVisit) {
    await page.goto(gotoPath(route));
    const text = normalizeText(await page.locator('body').innerText());
    for (const claim of SILENCE)
      if (typeof claim === 'string' ? text.includes(claim) : claim.test(text)) found.push(`/${route}: ${claim}`);
  }
  expect(found).toEqual([]);
});

definePageFacts([
  {
    fact: 'the home page gives the API’s rules, default backoff and idempotent methods as stated',
    route: routes.home(),
    shows: [
      'Retry GET and PUT on 500 with backoff; never retry POST.',
      'Default backoff start at 250 ms, ×3 each try, capped at 20 s, at most 5 tries in all, with random jitter.',
      'Idempotent methods GET and PUT.',
      'application/json',
    ],
  },
  ...STATED.map(([status, action, retry]): PageFact => ({
    fact: `status ${status}: its action and its retry rule as stated`,
    route: routes.status(status),
    shows: [action, retry],
  })),
  {
    fact: '429: every backoff number of the fallback, and the waits they give',
    route: routes.status(429),
    shows: ['Start: 1 s', 'Factor: ×2', 'Cap: 8 s', 'Tries: 3', 'Jitter: no', 'Waits 1 s → 2 s'],
    omits: [NOT_STATED.otherNumbers],
  },
  {
    fact: '500: the API’s idempotent methods, and what the other methods do',
    route: routes.status(500),
    shows: ["GET and PUT (the API's idempotent methods)", 'Other methods do not retry', 'Jitter: yes'],
  },
  {
    fact: 'a code with its own advice keeps its resolution and numbers',
    route: routes.code({ codeSpace: 'loud', slug: 'L500' }),
    shows: [
      'Retry with backoff, then report it.',
      'Retry with exponential backoff (start at 100 ms, ×2 each try, capped at 400 ms, at most 4 tries in all, without jitter).',
    ],
  },
  {
    fact: 'a code without its own advice inherits its status’s, which is the API’s',
    route: routes.code({ codeSpace: 'loud', slug: 'L404' }),
    shows: ['Check the item id.', 'As for any 404 response: Do not retry. Fix the request first.'],
  },
  ...[
    ['Retry-After', 'Seconds to wait'],
    ['X-RateLimit-Limit', 'A count'],
    ['X-RateLimit-Reset', 'Unix time in seconds'],
  ].map(([name, format]): PageFact => ({
    fact: `${name}: ${format}`,
    route: routes.headers(),
    row: name!,
    shows: [format!],
  })),
  { fact: 'the envelope’s media type', route: routes.envelope('error'), shows: [/Media type application\/json/] },
]);

test('the footer names the catalog version', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('contentinfo')).toContainText('Loud API error catalog, version 2026-02.');
});

defineLookupFacts([
  ...STATED.map(([status, action, retry]) => ({
    fact: `status ${status}: what to do and the retry rule as stated`,
    query: String(status),
    shows: [action, retry],
    omits: [/general HTTP practice/i],
  })),
  {
    fact: 'a message with its own retry numbers',
    query: 'Item is locked',
    shows: ['Wait for the lock to clear.', 'Retry with exponential backoff (start at 2 s).'],
  },
  {
    fact: 'headers whose unit the catalog states are read without a hedge',
    query: 'X-RateLimit-Limit: 100\nX-RateLimit-Reset: 1767225600',
    shows: ['You may send 100 requests in the current window.', /Unix time 1767225600/],
    omits: ['the API does not state', 'usual reading'],
  },
]);

// The site is complete and sound like every other: every page, link and anchor; CSP, axe, 375 px, no JS.
defineSiteGates();
