/**
 * Fact checklist of the Migo example (examples/migo, from seed 002): every fact the seed states,
 * on the built site and, where it explains an error, through the lookup widget.
 */
import { expect, test } from '../support/fixtures';
import { routes } from '../../../src/view/routes';
import { defineSiteGates } from '../support/gates';
import { GENERAL_PRACTICE_LEAD, NOT_STATED } from '../../../src/view/retry-text';
import { defineBodyFacts, defineLookupFacts, definePageFacts, type LookupFact, type PageFact } from './seed-facts';

/** The seed's own example bodies, verbatim. */
const SEED_SUCCESS_BODY = `{
"success": true,
"message": "ok",
"data": { "...": "..." }
}`;
const SEED_ERROR_BODY = `{
"success": false,
"message": "Validation failed",
"errors": [
{
"code": "7100",
"message": "User not found in the system."
}
]
}`;

const customResponse = routes.envelope('custom-response');
const errorResponseDto = routes.envelope('error-response-dto');

defineBodyFacts([
  {
    fact: 'a success is wrapped in CustomResponse with success, message and data',
    route: customResponse,
    json: SEED_SUCCESS_BODY,
  },
  {
    fact: 'an error is wrapped in CustomResponse with an errors array of { code, message }',
    route: customResponse,
    json: SEED_ERROR_BODY,
  },
]);

/** The seed's status code mapping: status, reason, what it means, when it is returned. */
const statuses: Array<[number, string, string, RegExp]> = [
  [200, 'OK', 'Success.', /including asynchronous jobs that return a batch or job id in the body/],
  [201, 'Created', 'A resource was created.', /resource is created, e\.g\. a statement creation was accepted/],
  [204, 'No Content', 'Success, with no body.', /Success, with no body/],
  [400, 'Bad Request', 'DTO validation failed.', /DTO validation failed/],
  [401, 'Unauthorized', 'The JWT is missing, expired or invalid.', /JWT is missing, expired or invalid/],
  [403, 'Forbidden', 'You are authenticated, but permission is denied.', /authenticated, but permission is denied/],
  [404, 'Not Found', 'The resource does not exist.', /resource does not exist/],
  [409, 'Conflict', 'The state of the resource conflicts with the request.', /state of the resource conflicts/],
  [
    422,
    'Unprocessable Entity',
    'Semantic validation failed, e.g. the card has expired.',
    /Semantic validation failed, e\.g\. the card has expired/,
  ],
  [500, 'Internal Server Error', 'A bug in Migo.', /A bug in Migo/],
  [502, 'Bad Gateway', 'The upstream processor is unreachable.', /upstream processor is unreachable/],
  [
    503,
    'Service Unavailable',
    'Scheduled maintenance or a partial outage.',
    /Scheduled maintenance or a partial outage/,
  ],
  [504, 'Gateway Timeout', 'The upstream processor timed out.', /upstream processor timed out/],
];
const statusFacts: PageFact[] = statuses.map(([status, reason, , when]) => ({
  fact: `${status} ${reason} is returned when: ${String(when).slice(1, -1).replace(/\\/g, '')}`,
  route: routes.status(status),
  shows: [`${status} ${reason}`, when],
}));

/** The 7000–8099 ranges of the Wallet Gateway and CMS Backoffice, unused ones included. */
const walletRanges: Array<[number, number, RegExp, string?]> = [
  [7000, 7099, /General, validation and terminal-processor errors/],
  [7100, 7199, /Users, including OTP, FCM, password and auth-user errors/],
  [7200, 7299, /Cards, including third-party cards and view tokens/],
  [7300, 7399, /Transfers and payments at terminals/],
  [7400, 7499, /Terminals, businesses and their branches/],
  [7500, 7599, /Settlements and the tax regime/],
  [7600, 7699, /Clients, auth, roles, permissions, files and socials/],
  [7700, 7799, /Project configuration and app integrity/],
  [7800, 7899, /Currently unused/, 'Unused'],
  [7900, 7999, /Currently unused/, 'Unused'],
  [8000, 8099, /App and mobile errors: process, balance and permissions/],
];
const middlewareRanges: Array<[number, number, RegExp]> = [
  [2000, 2099, /Transaction creation and business validation, such as an excluded user or an amount out of range/],
  [5000, 5099, /DTO and configuration validation, such as missing fields or an unknown client slug/],
];
const rangeFacts: PageFact[] = [
  ...walletRanges.map(([from, to, meaning, state]) => ({ space: 'wallet-cms', from, to, meaning, state })),
  ...middlewareRanges.map(([from, to, meaning]) => ({ space: 'middleware', from, to, meaning, state: undefined })),
].map(({ space, from, to, meaning, state }) => ({
  fact: `${space === 'middleware' ? 'Middleware ownCodes' : 'Wallet Gateway and CMS Backoffice codes'} ${from}–${to}: ${String(meaning).slice(1, -1)}`,
  route: routes.range({ codeSpace: space, slug: `${from}-${to}` }),
  row: `${from}–${to}`,
  shows: [meaning, state ?? 'Active'],
}));

/**
 * Issue 16: what seed 002 does not say, the site does not say either. Its retry table names no
 * HTTP method (S2:105-111), so no idempotent methods are shown; it gives no wait times or jitter;
 * its status mapping has no action for 2xx; it states no media type; and it says both that every
 * API uses CustomResponse (S2:6) and that the Middleware uses ErrorResponseDto (S2:59, S2:80).
 */
const issue16PageFacts: PageFact[] = [
  {
    fact: 'the home page shows the retry table’s rules, and no method list or backoff numbers',
    route: routes.home(),
    shows: ['500, 502 and 504 — retry with exponential backoff, at most 3 retries.'],
    omits: ['Idempotent methods', 'Default backoff', 'GET, HEAD', 'safe to repeat', 'application/json'],
  },
  {
    fact: 'the home page says both things the seed says about envelopes',
    route: routes.home(),
    shows: [/The same page also says that the Middleware uses a separate envelope, ErrorResponseDto/],
  },
  ...[200, 201, 204].map((status): PageFact => ({
    fact: `${status}: no action, and "nothing to retry" only as general HTTP practice`,
    route: routes.status(status),
    shows: [NOT_STATED.action, GENERAL_PRACTICE_LEAD],
  })),
  {
    fact: 'the retry guide says what the table does not give',
    route: routes.guide('retries'),
    shows: [
      /The table gives no wait times and no jitter, and does not distinguish HTTP methods/,
      /Migo['’]s sample code/,
    ],
  },
  ...['custom-response', 'error-response-dto'].map((id): PageFact => ({
    fact: `${id}: no media type`,
    route: routes.envelope(id),
    shows: [/Media type Not stated/],
  })),
];

definePageFacts([
  {
    fact: 'every Migo API wraps responses in CustomResponse<T>; code is a string; there is no statusCode, error.name or error.detail; USER_NOT_FOUND is an internal key',
    route: routes.home(),
    shows: [
      'CustomResponse<T>',
      /The code is a string such as "7100"/,
      /no statusCode, error\.name or error\.detail field/,
      /USER_NOT_FOUND are internal MigoNameErrors keys and never appear in a response body/,
    ],
  },
  {
    fact: 'CustomResponse has success, message?, data? and errors?: { code: string; message: string }[]',
    route: customResponse,
    shows: [
      'interface CustomResponse<T>',
      'success: boolean;',
      'message?: string;',
      'data?: T;',
      'errors?: { code: string; message: string }[];',
      'errors[].code',
      'errors[].message',
    ],
  },
  {
    fact: 'the Middleware answers ErrorResponseDto with the HTTP status in error.code, the business code in error.ownCode and a description in error.message',
    route: errorResponseDto,
    shows: [
      'interface ErrorResponseDto',
      'ownCode?: string;',
      /HTTP status associated with the error/,
      'error.ownCode',
      'error.code',
      'error.message',
    ],
  },
  {
    fact: 'the Wallet Gateway and the CMS Backoffice share the 7000–8099 code space and the CustomResponse envelope',
    route: routes.surface('wallet-gateway'),
    shows: ['Wallet Gateway', 'CustomResponse', /7000–8099 code space it shares with the CMS Backoffice/],
  },
  {
    fact: 'the CMS Backoffice sends string codes in errors[].code from the shared 7000–8099 space',
    route: routes.surface('cms-backoffice'),
    shows: ['CMS Backoffice', 'CustomResponse', /7000–8099 code space it shares with the Wallet Gateway/],
  },
  {
    fact: 'the Middleware reports a small numeric ownCode in its own ErrorResponseDto envelope',
    route: routes.surface('middleware'),
    shows: ['Middleware', 'ErrorResponseDto', /small numeric ownCode in error\.ownCode/],
  },
  {
    fact: 'the two code spaces do not overlap and differ in field path, so a client branches on the path',
    route: routes.home(),
    shows: [/The numbers do not overlap and the field paths differ/],
  },
  {
    fact: 'Wallet Gateway and CMS Backoffice codes appear as a string in errors[].code; the full list is in the Error Catalog',
    route: routes.ranges(),
    shows: [
      'Wallet Gateway and CMS Backoffice codes (7000–8099)',
      /Sent as a string in each entry of the errors array of the CustomResponse envelope/,
      /full list of codes is in Migo's Error Catalog/,
    ],
  },
  {
    fact: 'Middleware ownCodes are small values such as "2002", "2007", "5000", "5004" that cannot clash with errors[].code; the full list is under Payment Link / Middleware ownCodes',
    route: routes.ranges(),
    shows: [
      'Middleware ownCodes',
      /"2002", "2007", "5000" or "5004"/,
      /cannot clash with the 7000–8099 codes/,
      /Payment Link \/ Middleware ownCodes/,
    ],
  },
  ...rangeFacts,
  ...statusFacts,
  {
    fact: '500 is a Migo bug: report it with the request timestamp and details',
    route: routes.status(500),
    shows: [/report it with the request timestamp and the details of the request/],
  },
  {
    fact: 'retry: network timeouts yes, with exponential backoff',
    route: routes.guide('retries'),
    row: 'Network timeout',
    shows: ['Yes', 'Exponential backoff'],
  },
  ...[500, 502, 504].map((status) => ({
    fact: `retry: ${status} yes, exponential backoff capped at 3 retries, and no number the table does not give`,
    route: routes.status(status),
    shows: ['at most 3 retries', /Retry with exponential backoff \(at most 4 tries in all\)/, 'first try + 3 retries'],
    // 500 ms, ×2 and the 2 s wait are the sample code's (S2:125), not the retry table's (S2:107).
    omits: [/start at/, /capped at/, /jitter/i, /Waits/],
  })),
  {
    fact: 'retry: 503 yes, exponential backoff with a long ceiling of up to 5 minutes, which the seed leaves ambiguous',
    route: routes.status(503),
    shows: [
      /long ceiling, up to 5 minutes/,
      /does not say whether it bounds each wait or the whole time spent retrying, nor how many tries to make/,
    ],
    omits: [/capped at/, /no fixed try limit/, /Waits/],
  },
  ...[400, 422].map((status) => ({
    fact: `retry: ${status} no — fix the request`,
    route: routes.status(status),
    shows: ['Fix the request', /Do not retry/],
    omits: [/retrying it unchanged/, /fix the request first/],
  })),
  {
    fact: 'retry: 401 no — refresh the token, then retry',
    route: routes.status(401),
    shows: [/refresh the token, then retry/i],
    omits: [/\bonce\b/],
  },
  ...[403, 404, 409].map((status) => ({
    fact: `retry: ${status} no — do not retry`,
    route: routes.status(status),
    shows: [/Do not retry/],
  })),
  ...[
    ['500, 502, 504', 'Yes', 'Exponential backoff, at most 3 retries'],
    ['503', 'Yes', 'Exponential backoff with a long ceiling, up to 5 minutes'],
    ['400, 422', 'No', 'Fix the request'],
    ['401', 'No — refresh instead', 'Refresh the token, then retry'],
    ['403, 404, 409', 'No', 'Do not retry'],
  ].map(([errors, retry, how]) => ({
    fact: `the retry table: ${errors} — ${retry}: ${how}`,
    route: routes.guide('retries'),
    row: errors!,
    shows: [retry!, how!],
  })),
  {
    fact: 'client pattern: refresh the token on 401; on 500, 502, 503 or 504 wait 2^attempt × 500 ms, at most 3 retries',
    route: routes.guide('client-pattern'),
    shows: [
      'if (status === 401)',
      'await refreshToken();',
      'new Set([500, 502, 503, 504])',
      'const MAX_RETRIES = 3;',
      'attempt < MAX_RETRIES',
      'await sleep(2 ** attempt * 500);',
    ],
  },
  {
    fact: 'client pattern: read the code from errors[0].code, else from error.ownCode',
    route: routes.guide('client-pattern'),
    shows: ['return body?.errors?.[0]?.code ?? body?.error?.ownCode;'],
  },
  {
    fact: 'support ticket: the request timestamp in UTC, which Migo correlates to its internal trace',
    route: routes.guide('reporting-issues'),
    shows: [/request timestamp, in UTC\. Migo uses it to find the request in its internal trace/],
  },
  {
    fact: 'support ticket: the full request URL, method and headers, with the Bearer token redacted',
    route: routes.guide('reporting-issues'),
    shows: [/full request URL, the method and the headers\. Redact the Bearer token/],
  },
  {
    fact: 'support ticket: the request body, with PANs and CVVs redacted',
    route: routes.guide('reporting-issues'),
    shows: [/request body\. Redact card numbers \(PANs\) and CVVs/],
  },
  {
    fact: 'support ticket: the full response body',
    route: routes.guide('reporting-issues'),
    shows: ['The full response body.'],
  },
  ...issue16PageFacts,
]);

/** A Middleware error in the ErrorResponseDto shape the seed declares (it shows no sample body). */
const middlewareBody = (ownCode: string) =>
  JSON.stringify({ message: 'Request failed', error: { code: 422, ownCode, message: 'Rejected' } }, null, 2);
/** A Wallet Gateway error in the seed's CustomResponse shape, with another code. */
const walletBody = (code: string) =>
  JSON.stringify({ success: false, message: 'Validation failed', errors: [{ code, message: 'Rejected' }] }, null, 2);

const walletSurfaces = /Surfaces Wallet Gateway, CMS Backoffice/;

defineLookupFacts([
  {
    fact: '7150 on the wallet gateway resolves to the 7100–7199 users range',
    query: '7150',
    shows: ['Users (7100–7199)', walletSurfaces, 'Users, including OTP, FCM, password and auth-user errors'],
  },
  {
    fact: 'a Wallet Gateway body with code "7150" in errors[].code resolves to the users range',
    query: walletBody('7150'),
    shows: ['Users (7100–7199)', walletSurfaces, /errors\[0\]\.code/],
  },
  {
    fact: "the seed's error body: code 7100 is in the users range",
    query: SEED_ERROR_BODY,
    shows: ['Users (7100–7199)', walletSurfaces, /errors\[0\]\.code/],
  },
  {
    fact: "the seed's success body has no error to explain",
    query: SEED_SUCCESS_BODY,
    shows: [/reports success/],
  },
  ...walletRanges.map(([from, to, meaning]): LookupFact => ({
    fact: `a code inside ${from}–${to} (${from + 42}) is explained by that range`,
    query: String(from + 42),
    shows: [`(${from}–${to})`, meaning, walletSurfaces],
  })),
  ...['2002', '2007'].map((ownCode): LookupFact => ({
    fact: `a Middleware body with ownCode "${ownCode}" in error.ownCode resolves to 2000–2099`,
    query: middlewareBody(ownCode),
    shows: [
      '(2000–2099)',
      'Transaction creation and business validation',
      /Surface Middleware/,
      /error\.ownCode/,
      'HTTP 422',
    ],
  })),
  ...['5000', '5004'].map((ownCode): LookupFact => ({
    fact: `a Middleware body with ownCode "${ownCode}" resolves to 5000–5099`,
    query: middlewareBody(ownCode),
    shows: ['(5000–5099)', 'DTO and configuration validation', /Surface Middleware/, /error\.ownCode/],
  })),
  {
    fact: 'a code in an unused range (7850) is said to be unused',
    query: '7850',
    shows: ['(7800–7899)', /unused/i],
  },
  // The lookup tells a status's meaning and what to do; "when it is returned" is on the status page.
  ...statuses.map(([status, reason, meaning]): LookupFact => ({
    fact: `${status} ${reason}: ${meaning}`,
    query: String(status),
    shows: [`${status} ${reason}`, meaning],
  })),
  {
    fact: '502: exponential backoff with 3 retries at most, and no wait time the table does not give',
    query: '502',
    shows: ['Retry with exponential backoff (at most 4 tries in all)'],
    omits: [/jitter/i, /start at/, /capped at/],
  },
  {
    fact: '503: exponential backoff with a ceiling of up to 5 minutes, whose meaning the seed leaves open',
    query: '503',
    shows: [/up to 5 minutes\. Migo does not say whether it bounds each wait/],
    omits: [/capped at/],
  },
  {
    fact: '401: re-authenticate, with no retry count',
    query: '401',
    shows: ['Re-authenticate before any retry. Refresh the token, then retry.'],
    omits: [/\bonce\b/],
  },
  {
    fact: '409: do not retry, and no claim that the request is wrong',
    query: '409',
    shows: ['Do not retry.'],
    omits: [/fix the request/i],
  },
]);

test('the header offers no Operations section: the seed documents no endpoint', async ({ page }) => {
  await page.goto('');
  const navigation = page.getByRole('navigation', { name: 'Main' });
  await expect(navigation.getByRole('link', { name: 'Codes', exact: true })).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'Guides', exact: true })).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'Operations' })).toHaveCount(0);
});

// The example builds a complete site: every page, link, asset and #anchor resolves.
defineSiteGates();
