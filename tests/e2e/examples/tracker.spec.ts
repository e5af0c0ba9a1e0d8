/**
 * Fact checklist of the Tracker example (examples/tracker, from seed 003): every fact the seed
 * states, on the built site and, where it explains an error, through the lookup widget.
 */
import { routes } from '../../../src/view/routes';
import { defineSiteGates } from '../support/gates';
import { defineBodyFacts, defineLookupFacts, definePageFacts, type LookupFact, type PageFact } from './seed-facts';

/** The seed's own example bodies, verbatim. */
const SEED_ERROR_BODY = `{
"error": "Human-readable description of what went wrong."
}`;
const SEED_VALIDATION_BODY = `{
"error": "Validation failed",
"errors": {
"title": ["The title field is required"],
"priority": ["The priority must be one of: low, medium, high, urgent"]
}
}`;

const envelope = routes.envelope('error');

defineBodyFacts([
  { fact: 'every non-2xx response has at least an error string', route: envelope, json: SEED_ERROR_BODY },
  { fact: 'a validation error adds an errors map keyed by field name', route: envelope, json: SEED_VALIDATION_BODY },
]);

/** "Status codes you should handle": status, reason, meaning, what to do. */
const statusFacts: PageFact[] = [
  [200, 'OK', /The body is the resource, or \{ data, meta \} for a paginated list/, 'Carry on.'],
  [
    201,
    'Created',
    /Returned for POST on collections \(issues, projects, comments, …\)/,
    'The body holds the new resource, including its id.',
  ],
  [204, 'No Content', /Success, with no body\. Common on DELETE/, 'Treat it as OK.'],
  [304, 'Not Modified', /has not changed since the ETag you sent in If-None-Match/, 'Use your cached copy.'],
  [
    400,
    'Bad Request',
    /invalid JSON, a required header missing, or a parameter that cannot be parsed/,
    'Fix the request. Do not retry the same payload.',
  ],
  [
    401,
    'Unauthorized',
    /missing, expired or revoked/,
    'Re-authenticate. Do not retry blindly — repeated 401s look like a brute-force attack.',
  ],
  [
    403,
    'Forbidden',
    /the role is wrong, a PAT was used on a cross-org endpoint, or X-Org-Id does not match the org the key is bound to/,
    "Check your role and the key's org binding. Read the message — it's specific.",
  ],
  [404, 'Not Found', /does not exist, or your org cannot see it/, 'Verify the id and the X-Org-Id header.'],
  [
    405,
    'Method Not Allowed',
    /The path exists, but not for this HTTP method/,
    'Check the OpenAPI spec for the methods the path allows.',
  ],
  [
    409,
    'Conflict',
    /duplicate slug or key, a concurrent edit, or an optimistic-lock failure/,
    'Re-read the resource and reconcile your change with it.',
  ],
  [
    422,
    'Unprocessable Entity',
    /shape passed the schema, but some values are wrong/,
    'Inspect errors and fix the fields it names.',
  ],
  [
    429,
    'Too Many Requests',
    /went over the rate limit/,
    'Honour X-RateLimit-Reset or Retry-After before the next request.',
  ],
  [500, 'Internal Server Error', /failed on the server's side/, 'Retry with backoff; if it persists, report it.'],
  [
    502,
    'Bad Gateway',
    /upstream or gateway error\. Transient/,
    'Retry with exponential backoff, capped at about 30 s.',
  ],
  [
    503,
    'Service Unavailable',
    /upstream or gateway error\. Transient/,
    'Retry with exponential backoff, capped at about 30 s.',
  ],
].map(([status, reason, meaning, action]) => ({
  fact: `${status} ${reason}: ${String(meaning).slice(1, -1).replace(/\\/g, '')} — ${String(action)}`,
  route: routes.status(status as number),
  shows: [`${status} ${reason}`, meaning as RegExp, String(action)],
}));

/** "Common errors and what they mean": status, message, meaning, resolution. */
const commonErrorRows: Array<[number, string, RegExp, RegExp]> = [
  [
    401,
    'Authentication required',
    /sent no token, or the token is invalid/,
    /Authorization header is present and starts with "Bearer pjk_live_"/,
  ],
  [
    403,
    'API key bound to a different organization',
    /X-Org-Id you sent points at an org the API key is not bound to/,
    /leave the X-Org-Id header out — the key already knows its org — or send the right org UUID/,
  ],
  [
    403,
    'Not available for API key auth — use a user session',
    /closed to PATs — creating orgs, joining with an invite code, cross-org search/,
    /Sign in to the web app/,
  ],
  [
    422,
    'Validation failed',
    /Each key of errors is a field name; its value is the list of human-readable messages/,
    /Fix every field listed in errors/,
  ],
  [
    429,
    'Rate limit exceeded. Try again later.',
    /over your per-token budget/,
    /Rate limits page gives the exact numbers and headers/,
  ],
];
const commonErrors: PageFact[] = commonErrorRows.map(([status, message, meaning, resolution]) => ({
  fact: `${status} "${message}": ${String(meaning).slice(1, -1).replace(/\\/g, '')}`,
  route: routes.messages(),
  row: message,
  shows: [String(status), meaning, resolution],
}));

const retryPolicy = routes.guide('retry-policy');

/**
 * Issue 16: what seed 003 does not say, the site does not say either. It says nothing about jitter
 * (S3:41); it gives the unit of X-RateLimit-Reset (S3:42) but not of Retry-After (S3:34), and
 * honours both; a 401 is "Re-authenticate. Don't retry blindly" (S3:28), with no retry count.
 */
const issue16PageFacts: PageFact[] = [
  {
    fact: '401: re-authenticate before any retry, never blindly, and no retry count',
    route: routes.status(401),
    shows: ['Re-authenticate before any retry. Do not retry blindly — repeated 401s look like a brute-force attack.'],
    omits: [/\bonce\b/],
  },
  {
    fact: 'Retry-After: no unit, since the seed gives none',
    route: routes.headers(),
    row: 'Retry-After',
    shows: ['Not stated', 'The API does not give its format'],
    omits: ['Seconds to wait'],
  },
  {
    fact: '"Rate limit exceeded": honour both headers',
    route: routes.messages(),
    row: 'Rate limit exceeded. Try again later.',
    shows: ['Honour X-RateLimit-Reset or Retry-After before the next request.'],
    omits: ['X-RateLimit-Reset gives the seconds'],
  },
  {
    fact: 'the retry-policy sample reads Retry-After as well as X-RateLimit-Reset',
    route: retryPolicy,
    shows: [
      "response.headers.get('X-RateLimit-Reset')",
      "response.headers.get('Retry-After')",
      /may be retried for POST and PATCH too/,
    ],
    omits: ['safe to repeat for every method'],
  },
  {
    fact: 'no page of the retry advice mentions jitter',
    route: routes.status(502),
    shows: ['capped at 30 s, at most 6 tries in all'],
    omits: [/jitter/i],
  },
];

definePageFacts([
  {
    fact: 'errors are always JSON; the HTTP status is the source of truth, the body the human-readable detail',
    route: routes.home(),
    shows: [
      'Errors are always JSON',
      /The HTTP status is the source of truth: handle the status first, and read\s+the body second/,
    ],
  },
  {
    fact: 'validation errors add an errors map from field name to messages',
    route: envelope,
    shows: [
      /Validation errors add errors, a map keyed by field name whose values are arrays of messages/,
      'errors.<field>[]',
    ],
  },
  ...statusFacts,
  {
    fact: '502 and 503 are documented together',
    route: routes.status(502),
    shows: ['See also 503 Service Unavailable'],
  },
  {
    fact: '503 and 502 are documented together',
    route: routes.status(503),
    shows: ['See also 502 Bad Gateway'],
  },
  {
    fact: 'idempotent methods (GET, HEAD, PUT, DELETE) are safe to retry on 5xx and 429 with exponential backoff',
    route: retryPolicy,
    shows: [/Idempotent methods — GET, HEAD, PUT, DELETE — are safe to retry on 5xx and on 429/],
  },
  {
    fact: 'non-idempotent methods (POST, PATCH) retry only on 429 and transport failures; never a 500 on POST blindly',
    route: retryPolicy,
    shows: [
      /POST, PATCH — are retried only on 429 and on transport-level failures: a reset connection, DNS, the TLS handshake/,
      /Never retry a 500 on POST blindly: the resource may already exist/,
    ],
  },
  {
    fact: 'a 500 is retried with backoff for idempotent methods only, never blindly on POST',
    route: routes.status(500),
    shows: [
      'For GET, HEAD, PUT and DELETE: retry with exponential backoff',
      'Other methods: do not retry.',
      'Never retry a 500 on POST blindly',
    ],
    omits: ['OPTIONS', 'fix the request first'],
  },
  {
    fact: 'any 4xx except 429 is never retried: the request is wrong, not the server',
    route: retryPolicy,
    shows: [/Any other 4xx is never retried\. The request is wrong, not the server/],
  },
  {
    fact: 'backoff starts at 500 ms, doubles, is capped at 30 s and gives up after 6 tries',
    route: routes.home(),
    shows: [/start at 500 ms, ×2 each try, capped at 30 s, at most 6 tries in all/],
    omits: [/jitter/i],
  },
  {
    fact: 'on a 429, X-RateLimit-Reset is the number of seconds until the window refills; sleeping that long beats linear retries',
    route: routes.headers(),
    row: 'X-RateLimit-Reset',
    shows: [/How many seconds until your rate-limit window refills/],
  },
  {
    fact: '429: honour X-RateLimit-Reset and Retry-After before retrying, for every method',
    route: routes.status(429),
    shows: [
      /Wait for the time given by X-RateLimit-Reset or Retry-After, then retry/,
      /sleeping that long beats retrying linearly/,
    ],
  },
  {
    fact: "a 403 can come from an X-Org-Id that does not match the key's bound org",
    route: routes.headers(),
    row: 'X-Org-Id',
    shows: [/must match the org the API key is bound to/],
  },
  ...commonErrors,
  ...issue16PageFacts,
]);

const issue16LookupFacts: LookupFact[] = [
  {
    fact: '401: re-authenticate before any retry, with no retry count',
    query: '401',
    shows: ['Re-authenticate before any retry. Do not retry blindly'],
    omits: [/\bonce\b/],
  },
];

defineLookupFacts([
  {
    fact: "the seed's error body: its error text, read as this API's envelope",
    query: SEED_ERROR_BODY,
    shows: ['Human-readable description of what went wrong.', /Read as Error, an envelope of this API/],
  },
  {
    fact: "the seed's validation body: Validation failed, with each field's messages",
    query: SEED_VALIDATION_BODY,
    shows: [
      'Validation failed',
      'HTTP 422',
      'title: The title field is required',
      'priority: The priority must be one of: low, medium, high, urgent',
      /Fix every field listed in errors/,
    ],
  },
  ...commonErrorRows.map(([status, message, meaning, resolution]): LookupFact => ({
    fact: `${status} "${message}" finds what it means and what to do`,
    query: message,
    shows: [`HTTP ${status}`, meaning, resolution],
  })),
  ...statusFacts.map(({ fact, shows }): LookupFact => ({ fact, query: fact.slice(0, 3), shows })),
  {
    fact: '304 says to use your cached copy',
    query: '304',
    shows: ['Use your cached copy', 'Nothing failed; use the copy you already hold'],
  },
  {
    fact: 'a 500 is retried only for GET, HEAD, PUT and DELETE, never blindly on POST',
    query: '500',
    shows: [
      /For GET, HEAD, PUT and DELETE: retry with exponential backoff \(start at 500 ms, ×2 each try, capped at 30 s, at most 6 tries in all\)/,
      'Never retry a 500 on POST blindly',
    ],
    omits: ['OPTIONS', /jitter/i],
  },
  {
    fact: 'a 429 with X-RateLimit-Reset: 30 says the window refills in 30 seconds',
    query: [
      'HTTP/1.1 429 Too Many Requests',
      'X-RateLimit-Reset: 30',
      'Content-Type: application/json',
      '',
      '{"error": "Rate limit exceeded. Try again later."}',
    ].join('\n'),
    shows: [
      /refills 30 s(econds)? from now/,
      'You are over your per-token budget',
      'Wait for the time given by X-RateLimit-Reset or Retry-After, then retry',
    ],
  },
  ...issue16LookupFacts,
]);

// The example builds a complete site: every page, link, asset and #anchor resolves.
defineSiteGates();
