/**
 * Fact checklist of the Cutover example (examples/cutover, from seed 001): every fact the seed
 * states, on the built site and, where it explains an error, through the lookup widget.
 */
import { routes } from '../../../src/view/routes';
import { defineSiteGates } from '../support/gates';
import { GENERAL_PRACTICE_LEAD, NOT_STATED } from '../../../src/view/retry-text';
import { defineBodyFacts, defineLookupFacts, definePageFacts, type LookupFact, type PageFact } from './seed-facts';

/** The seed's 404 body exactly as the seed prints it: the errors member without its enclosing braces. */
const SEED_404_FRAGMENT = `"errors": [
{
"title": "Not Found",
"detail": "This link is not valid. This may be because the item is archived or you do not have access to it.",
"code": "not_found"
}
]`;

const notFound = routes.code({ codeSpace: 'cutover-api', slug: 'not_found' });

defineBodyFacts([
  {
    fact: 'a 404 answers an errors array with title, detail and code not_found',
    route: routes.envelope('errors-array'),
    json: `{${SEED_404_FRAGMENT}}`,
  },
]);

/** The seed's list of standard statuses: status, reason, what it means. */
const statusFacts: PageFact[] = [
  [200, 'OK', /succeeded/],
  [201, 'Created', /created a resource/],
  [400, 'Bad Request', /URL, a header or the request body has invalid syntax or is malformed/],
  [401, 'Unauthorized', /bearer authentication token is not correct/],
  [403, 'Forbidden', /permissions of the token are not sufficient to access this resource/],
  [404, 'Not Found', /is not accessible — it never existed, or it was archived or deleted/],
  [405, 'Method Not Allowed', /endpoint is not implemented in the API yet/],
  [422, 'Unprocessable Entity', /understood but could not be fulfilled because of validation rules/],
  [429, 'Too Many Requests', /token or IP address have been rate limited/],
  [500, 'Internal Server Error', /unexpected error happened within the Cutover API/],
  [501, 'Not Implemented', /Core application is not up to date/],
  [503, 'Service Unavailable', /could not connect to the upstream application, typically Core/],
  [504, 'Gateway Timeout', /Core application exists but is timing out/],
].map(([status, reason, meaning]) => ({
  fact: `${status} ${reason}: ${String(meaning).slice(1, -1)}`,
  route: routes.status(status as number),
  shows: [`${status} ${reason}`, meaning as RegExp],
}));

/**
 * Issue 16: what seed 001 does not say, the site does not say either. Its lines give an action for
 * 401 and 429 only (S1:9, S1:14), a retry rule for 429 only, and no resolution for not_found; 501
 * is "usually" a Core problem (S1:16); title and detail may change, and Cutover recommends the
 * code (S1:29) — it does not promise that the code will not change.
 */
const issue16PageFacts: PageFact[] = [
  ...[500, 501, 503, 504].map((status): PageFact => ({
    fact: `${status}: no action and no claim about the request; retry only as general HTTP practice`,
    route: routes.status(status),
    shows: [NOT_STATED.action, GENERAL_PRACTICE_LEAD],
    omits: ['not at fault', 'not in your request', /fix the request/],
  })),
  {
    fact: '501 keeps the seed’s "usually"',
    route: routes.status(501),
    shows: ['Usually a sign that the Core application is not up to date.'],
  },
  {
    fact: "401: the seed's check, and general practice without a retry count",
    route: routes.status(401),
    shows: ['Check that the bearer authentication token you send is correct', GENERAL_PRACTICE_LEAD],
    omits: [/\bonce\b/],
  },
  {
    fact: 'not_found: no resolution the seed does not give, and the detail’s "may be" kept',
    route: notFound,
    shows: [NOT_STATED.resolution, 'this may be because the item is archived or you do not have access to it'],
    omits: ['Check the link or id you used'],
  },
  {
    fact: 'the home page recommends the code field, without "never"',
    route: routes.home(),
    shows: ['Cutover therefore recommends mapping errors programmatically by the code field'],
    omits: ['never by the text', 'Idempotent methods'],
  },
  {
    fact: 'the envelope states no media type',
    route: routes.envelope('errors-array'),
    shows: [/Media type Not stated/],
  },
];

definePageFacts([
  {
    fact: 'responses use conventional HTTP codes in three ranges: 2xx success, 4xx a problem with the information provided, 5xx a rare server error',
    route: routes.home(),
    shows: [
      'conventional HTTP response codes',
      '2xx means the request succeeded',
      /4xx means it failed because of the information you provided/,
      /5xx means an error on Cutover's servers, which should be rare/,
    ],
  },
  {
    fact: 'a 4xx is for example a missing request parameter or a task not found in a runbook',
    route: routes.home(),
    shows: [/a request parameter was left out/, /a task named in the request does not exist in the runbook/],
  },
  {
    fact: '4xx bodies carry a specific error code and a detail; title and detail may change or be translated, so map errors by code',
    route: routes.envelope('errors-array'),
    shows: [
      '4xx responses carry an errors array',
      /title and detail may change or be translated in future API versions; Cutover recommends mapping errors by the code/,
      'errors[].code',
      'errors[].title',
      'errors[].detail',
    ],
    omits: ['the code will not'],
  },
  {
    fact: 'the full list of error codes is published separately',
    route: routes.home(),
    shows: [/publishes a full list of its error codes separately/],
  },
  {
    fact: 'not_found is a 404 code with the detail "This link is not valid…"',
    route: notFound,
    shows: [
      'not_found',
      '404',
      'This link is not valid. This may be because the item is archived or you do not have access to it.',
    ],
  },
  ...statusFacts,
  { fact: '405: see also 501', route: routes.status(405), shows: ['See also 501 Not Implemented'] },
  {
    fact: 'every 4xx status belongs to the class "a problem with the information provided"',
    route: routes.status(422),
    shows: [/4xx — The request failed because of a problem with the information provided/],
  },
  {
    fact: 'every 5xx status belongs to the class "an error with Cutover\'s servers", which should be rare',
    route: routes.status(504),
    shows: [/5xx — An error with Cutover's servers\. These errors should be rare/],
  },
  {
    fact: 'every 2xx status belongs to the class "the request succeeded"',
    route: routes.status(201),
    shows: [/2xx — The request succeeded/],
  },
  {
    fact: '429: apply exponential back off, and talk to your Customer Success Manager about the rate limit',
    route: routes.status(429),
    shows: [/Back off exponentially/, /Retry with exponential backoff/, /contact your Customer Success Manager/],
    // The seed gives no backoff numbers, so the page must not invent a start, cap or jitter.
    omits: [/start at \d/i, /capped at/i, /jitter/i],
  },
  ...issue16PageFacts,
]);

const notFoundAnswer = [
  'not_found',
  'HTTP 404 Not Found',
  'is not accessible — it never existed, or it was archived or deleted',
];

const issue16LookupFacts: LookupFact[] = [
  {
    fact: '501: general practice only, nothing to do, no claim about the request',
    query: '501',
    shows: ['Usually a sign that the Core application is not up to date', GENERAL_PRACTICE_LEAD],
    omits: ['What to do', 'not at fault'],
  },
  {
    fact: '401: re-authenticate as general practice, with no retry count',
    query: '401',
    shows: [GENERAL_PRACTICE_LEAD],
    omits: [/\bonce\b/],
  },
];

defineLookupFacts([
  { fact: 'the code not_found: a 404 and what to do', query: 'not_found', shows: notFoundAnswer },
  {
    fact: "the seed's 404 body, as a whole JSON document",
    query: `{${SEED_404_FRAGMENT}}`,
    shows: [...notFoundAnswer, /errors\[0\]\.code/],
  },
  {
    fact: "the seed's 404 body exactly as the seed prints it (no enclosing braces)",
    query: SEED_404_FRAGMENT,
    shows: notFoundAnswer,
  },
  { fact: 'the detail text of not_found leads to the code', query: 'This link is not valid', shows: notFoundAnswer },
  ...statusFacts.map(({ fact, shows }): LookupFact => ({ fact, query: fact.slice(0, 3), shows })),
  {
    fact: '429: exponential back off, with no backoff numbers the seed does not give',
    query: '429',
    shows: ['Retry with exponential backoff', 'Customer Success Manager'],
    omits: [/start at \d/i, /capped at/i, /jitter/i],
  },
  ...issue16LookupFacts,
]);

// The example builds a complete site: every page, link, asset and #anchor resolves.
defineSiteGates();
