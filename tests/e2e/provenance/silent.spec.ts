/**
 * Issue 16 on the built site of a catalog that states almost nothing
 * (tests/fixtures/silent-catalog): page by page and in the lookup, nothing is presented as this
 * API's policy beyond what it states — no action, resolution, method list, backoff number, retry
 * limit, unit, media type or version — and the one thing the site fills in, retry advice, is told
 * as general HTTP practice wherever it appears.
 */
import { expect, test } from '../support/fixtures';
import { routes } from '../../../src/view/routes';
import { GENERAL_PRACTICE_LEAD, NOT_STATED } from '../../../src/view/retry-text';
import { catalogJson, gotoPath, normalizeText, siteOf, sitemapRoutes } from '../support/built-site';
import { defineLookupFacts, definePageFacts, type PageFact } from '../examples/seed-facts';
import { defineSiteGates } from '../support/gates';

/** Words that would add a limit, a number, a unit, a method list or a guarantee the catalog does not state. */
const INVENTED: RegExp[] = [
  /\bonce\b/i,
  /fix the request first/i,
  /jitter/i,
  /tries in all/i,
  /try limit/i,
  /\b\d+ (ms|s|min)\b/,
  /\bWaits\b/,
  /safe to repeat/i,
  /Default backoff/,
  /Idempotent methods/,
  /application\/json/,
  /report it with the request id/i,
];

const STATUSES = [200, 304, 401, 404, 409, 429, 500, 501, 503];

test('no page of the site adds a limit, a number, a unit, a method list or a version', async ({ page }, testInfo) => {
  const routesToVisit = sitemapRoutes(siteOf(testInfo));
  test.setTimeout(30_000 + routesToVisit.length * 5_000);
  const found: string[] = [];
  for (const route of routesToVisit) {
    await page.goto(gotoPath(route));
    const text = normalizeText(await page.locator('body').innerText());
    for (const claim of INVENTED) if (claim.test(text)) found.push(`/${route}: ${claim}`);
    // HTTP's list of idempotent methods appears only as HTTP's.
    for (const match of text.matchAll(/GET, HEAD, OPTIONS, PUT and DELETE(.{0,40})/g))
      if (!match[1]!.startsWith(" (idempotent by HTTP's definition)"))
        found.push(`/${route}: method list "${match[0]}"`);
  }
  expect(found).toEqual([]);
});

const statusFacts: PageFact[] = STATUSES.map((status) => ({
  fact: `status ${status}: no action, and retry advice told as general HTTP practice`,
  route: routes.status(status),
  shows: [NOT_STATED.action, GENERAL_PRACTICE_LEAD, "(general HTTP practice, not the API's rule)"],
}));

definePageFacts([
  {
    fact: 'the home page gives no retry policy, backoff or idempotent methods of the API',
    route: routes.home(),
    shows: ['The API states no general retry policy', 'Where the API states none, the page says so'],
    omits: ['Default backoff', 'Idempotent methods'],
  },
  ...statusFacts,
  {
    fact: 'a 500 names the methods HTTP defines as idempotent, as HTTP’s, and no backoff number',
    route: routes.status(500),
    shows: [
      "for GET, HEAD, OPTIONS, PUT and DELETE (idempotent by HTTP's definition), retry with exponential backoff",
      NOT_STATED.backoffNumbers,
    ],
  },
  {
    fact: 'a 401 says to re-authenticate, with no retry count',
    route: routes.status(401),
    shows: [`${GENERAL_PRACTICE_LEAD} re-authenticate before any retry.`],
  },
  {
    fact: 'the statuses table marks every retry cell as general practice and every action as not stated',
    route: routes.statuses(),
    row: 'Internal Server Error',
    shows: ['Retry with backoff (idempotent only; general HTTP practice)', NOT_STATED.action],
  },
  {
    fact: 'a code without resolution or retry rule says so, and inherits general practice',
    route: routes.code({ codeSpace: 'quiet', slug: 'Q500' }),
    // The code follows its status's advice, which is general practice here, and says both in one sentence.
    shows: [NOT_STATED.resolution, 'As for any 500 response: ' + GENERAL_PRACTICE_LEAD],
  },
  {
    fact: 'a message without resolution says so',
    route: routes.messages(),
    row: 'Item is locked',
    shows: [NOT_STATED.resolution],
  },
  ...['Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Reset'].map((name): PageFact => ({
    fact: `${name}: format not stated`,
    route: routes.headers(),
    row: name,
    shows: ['Not stated'],
    omits: ['Seconds to wait', 'Unix time', 'A count'],
  })),
  {
    fact: 'the envelope states no media type',
    route: routes.envelope('error'),
    shows: [/Media type Not stated/],
  },
]);

test('the footer names no catalog version', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('contentinfo')).toContainText('Quiet API error catalog.');
  await expect(page.getByRole('contentinfo')).not.toContainText('version');
});

test('catalog.json marks every status’s retry advice as general practice and gives null for the rest', async ({}, testInfo) => {
  const json = catalogJson(siteOf(testInfo)) as unknown as {
    api: { version: unknown; retryPolicy: unknown };
    statuses: Array<{ action: unknown; retry: { source: string; backoff: unknown } }>;
    headers: Array<{ format: unknown }>;
  };
  expect(json.api).toMatchObject({ version: null, retryPolicy: null });
  for (const status of json.statuses)
    expect(status).toMatchObject({ action: null, retry: { source: 'general-practice', backoff: null } });
  expect(json.headers.map((header) => header.format)).toEqual([null, null, null]);
});

const noStep = ['What to do', /\bonce\b/i, /jitter/i, /\b\d+ (ms|s)\b/, /report it with the request id/i];

defineLookupFacts([
  ...STATUSES.map((status) => ({
    fact: `status ${status}: general practice, and nothing to do`,
    query: String(status),
    shows: [GENERAL_PRACTICE_LEAD],
    omits: noStep,
  })),
  {
    fact: 'a code without resolution: no "What to do", retry as general practice',
    query: 'Q500',
    shows: ['The store behind the API failed', GENERAL_PRACTICE_LEAD],
    omits: noStep,
  },
  {
    fact: 'a status the catalog does not document: general practice only',
    query: '502',
    shows: ['This API does not document status 502', GENERAL_PRACTICE_LEAD],
    omits: noStep,
  },
  {
    fact: 'rate-limit headers without a stated unit are read as readings',
    query: 'X-RateLimit-Limit: 10\nX-RateLimit-Reset: 1767225600',
    shows: ['Read as a Unix time; the API does not state the unit.', 'That is the usual reading of this header'],
  },
]);

// The site is complete and sound like every other: every page, link and anchor; CSP, axe, 375 px, no JS.
defineSiteGates();
