/**
 * The parts of a synthetic catalog that do not grow with N: api.yaml, surfaces, envelopes,
 * statuses, headers and guides. Plain data written as YAML/MDX by tools/generate-catalog.mjs.
 */

/** api.yaml for a catalog of `codes` codes. */
export function api(codes) {
  return {
    name: 'Synthetic Commerce API',
    description: `A generated error catalog of ${codes} codes across five surfaces, used to measure build and lookup speed.`,
    version: 'bench-1',
    supportContact: 'support@synthetic.example',
    intro: [
      'Every API of this platform answers errors with an HTTP status and a JSON body. Handle the status first, then read the business code in the body.',
      'The Payments Gateway and the Merchant Console share the core code space. The Ledger and Identity services have their own numeric spaces; the Events service sends symbolic codes.',
      'Map errors by code, never by message: messages may change. Quote the request id when you contact support.',
    ].join('\n\n'),
    retryPolicy: {
      backoff: { initialMs: 500, factor: 2, maxDelayMs: 30000, maxAttempts: 6, jitter: true },
      rules: [
        'Retry idempotent methods on 5xx and 429 with exponential backoff.',
        'Retry POST only with an Idempotency-Key.',
        'Never retry other 4xx statuses.',
      ],
    },
    rateLimits: [
      { scope: 'per API key', limit: 100, windowSeconds: 60, note: 'Sandbox keys have a tenth of this budget.' },
    ],
  };
}

export const SURFACES = {
  gateway: {
    name: 'Payments Gateway',
    description: 'The public REST API that merchants call to take payments.',
    baseUrl: 'https://api.synthetic.example/v2',
    envelopes: ['gateway-error'],
    codeSpace: 'core',
    order: 1,
  },
  console: {
    name: 'Merchant Console API',
    description: 'The back-office API behind the dashboard; it shares the gateway codes.',
    baseUrl: 'https://console.synthetic.example/api',
    envelopes: ['gateway-error', 'form-error'],
    codeSpace: 'core',
    order: 2,
  },
  ledger: {
    name: 'Ledger Service',
    description: 'Balances, holds and settlements; answers with RFC 9457 problem details.',
    baseUrl: 'https://ledger.synthetic.example',
    envelopes: ['problem-details'],
    order: 3,
  },
  identity: {
    name: 'Identity Service',
    description: 'Users, sessions, roles and API keys; answers in JSON:API error objects.',
    baseUrl: 'https://id.synthetic.example',
    envelopes: ['json-api'],
    order: 4,
  },
  events: {
    name: 'Events Service',
    description: 'Webhooks and event delivery; sends symbolic codes such as delivery_timeout.',
    baseUrl: 'https://events.synthetic.example',
    envelopes: ['event-error'],
    order: 5,
  },
};

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

export const ENVELOPES = {
  'gateway-error': {
    name: 'Gateway error',
    description: 'errors[] holds one entry per problem; validation errors add the field.',
    declaration:
      'interface GatewayError {\n  status: number;\n  requestId: string;\n  errors: { code: string; message: string; field?: string }[];\n}\n',
    fields: {
      status: 'status',
      code: 'errors[].code',
      message: 'errors[].message',
      field: 'errors[].field',
      requestId: 'requestId',
    },
    examples: [
      {
        title: 'Not found',
        status: 404,
        body: json({
          status: 404,
          requestId: 'req_7Hq2LmX9',
          errors: [{ code: '1001', message: 'Customer cus_8f3a22 not found.' }],
        }),
      },
      {
        title: 'Validation error',
        kind: 'validation',
        status: 422,
        body: json({
          status: 422,
          requestId: 'req_9Xk1',
          errors: [{ code: '1003', field: 'amount', message: 'amount of the charge must be a positive integer.' }],
        }),
      },
    ],
  },
  'form-error': {
    name: 'Console form error',
    description: 'error holds a summary; errors maps each field to its messages.',
    fields: { message: 'error', fieldErrors: 'errors.<field>[]', requestId: 'requestId' },
    examples: [
      {
        title: 'Validation error',
        kind: 'validation',
        status: 422,
        body: json({
          error: 'Validation failed',
          requestId: 'req_c0n',
          errors: { displayName: ['The display name field is required'] },
        }),
      },
    ],
  },
  'problem-details': {
    name: 'Problem details (RFC 9457)',
    mediaType: 'application/problem+json',
    description: 'type is the permalink of the business code; code repeats it.',
    fields: { status: 'status', code: 'code', title: 'title', message: 'detail', requestId: 'traceId' },
    examples: [
      {
        title: 'Hold locked',
        status: 409,
        body: json({
          type: 'https://errors.synthetic.example/codes/ledger/40001/',
          title: 'Locked',
          status: 409,
          detail: 'Hold hld_8f3a22 is locked by operation op_77aa10.',
          code: '40001',
          traceId: '00-4bf92f35-01',
        }),
      },
    ],
  },
  'json-api': {
    name: 'JSON:API errors',
    mediaType: 'application/vnd.api+json',
    description: 'A JSON:API errors[] array; each error has a status string, a code, a title and a detail.',
    fields: {
      status: 'errors[].status',
      code: 'errors[].code',
      title: 'errors[].title',
      message: 'errors[].detail',
      requestId: 'meta.requestId',
    },
    examples: [
      {
        title: 'User not found',
        status: 404,
        body: json({
          errors: [{ status: '404', code: '60001', title: 'Not found', detail: 'User usr_8f3a22 not found.' }],
          meta: { requestId: 'req_id1' },
        }),
      },
    ],
  },
  'event-error': {
    name: 'Event error',
    description: 'One error object with a type, a symbolic code and a message.',
    fields: { title: 'error.type', code: 'error.code', message: 'error.message', requestId: 'error.request_id' },
    examples: [
      {
        title: 'Endpoint disabled',
        status: 409,
        body: json({
          error: {
            type: 'invalid_request_error',
            code: 'webhook_endpoint_invalid_state',
            message: 'Webhook endpoint we_8f3a22 is disabled.',
            request_id: 'req_ev1',
          },
        }),
      },
    ],
  },
};

const never = { policy: 'never' };
const backoff = (maxAttempts) => ({
  policy: 'backoff',
  methods: 'idempotent',
  backoff: { initialMs: 500, factor: 2, maxDelayMs: 30000, maxAttempts },
});
export const STATUSES = [
  { status: 200, reason: 'OK', meaning: 'The request succeeded.', action: 'Carry on.' },
  { status: 201, reason: 'Created', meaning: 'The resource was created.', action: 'Store the id from the body.' },
  { status: 204, reason: 'No Content', meaning: 'Success with no body.', action: 'Treat as success.' },
  {
    status: 304,
    reason: 'Not Modified',
    meaning: 'The resource has not changed since your ETag.',
    action: 'Use your cached copy.',
    retry: { policy: 'use-cache' },
  },
  {
    status: 400,
    reason: 'Bad Request',
    meaning: 'The request is malformed.',
    action: 'Fix the request; do not retry the same payload.',
    retry: never,
  },
  {
    status: 401,
    reason: 'Unauthorized',
    meaning: 'The key or token is missing, expired or revoked.',
    action: 'Re-authenticate, then retry once.',
    retry: { policy: 'reauthenticate', note: 'Repeated 401s look like brute force.' },
  },
  {
    status: 403,
    reason: 'Forbidden',
    meaning: 'Authenticated but not allowed.',
    action: 'Check the role of the key.',
    retry: never,
  },
  {
    status: 404,
    reason: 'Not Found',
    meaning: 'The resource does not exist or belongs to another account.',
    action: 'Verify the id.',
    retry: never,
    surfaces: { identity: { meaning: 'The user, role or key does not exist in this organisation.' } },
  },
  {
    status: 409,
    reason: 'Conflict',
    meaning: 'The resource state does not allow this change.',
    action: 'Re-read the resource and reconcile.',
    retry: never,
    surfaces: {
      ledger: {
        meaning: 'A balance or a lock does not allow the movement.',
        action: 'Read the balance, then retry with an amount it covers.',
      },
    },
  },
  {
    status: 410,
    reason: 'Gone',
    meaning: 'The resource existed but has expired.',
    action: 'Create a new one.',
    retry: never,
  },
  {
    status: 412,
    reason: 'Precondition Failed',
    meaning: 'The If-Match ETag is no longer current.',
    action: 'Read again and reapply your change.',
    retry: never,
  },
  {
    status: 413,
    reason: 'Content Too Large',
    meaning: 'The request body is too large.',
    action: 'Send a smaller body.',
    retry: never,
  },
  {
    status: 422,
    reason: 'Unprocessable Content',
    meaning: 'A value breaks a validation rule.',
    action: 'Fix the fields named in the body.',
    retry: never,
  },
  {
    status: 429,
    reason: 'Too Many Requests',
    meaning: 'Over the rate limit of your key.',
    action: 'Wait for Retry-After seconds.',
    retry: {
      policy: 'retry-after',
      honorHeaders: ['Retry-After', 'X-RateLimit-Reset'],
      backoff: { initialMs: 1000, factor: 2, maxDelayMs: 60000, maxAttempts: 5 },
    },
  },
  {
    status: 500,
    reason: 'Internal Server Error',
    meaning: 'Something failed on our side.',
    action: 'Retry idempotent requests with backoff.',
    retry: backoff(6),
  },
  {
    status: 502,
    reason: 'Bad Gateway',
    meaning: 'An upstream provider answered with an error.',
    action: 'Retry with backoff.',
    retry: backoff(4),
  },
  {
    status: 503,
    reason: 'Service Unavailable',
    meaning: 'Maintenance or a partial outage.',
    action: 'Retry with backoff; check the status page.',
    retry: {
      policy: 'backoff',
      honorHeaders: ['Retry-After'],
      backoff: { initialMs: 1000, factor: 2, maxDelayMs: 300000 },
    },
  },
  {
    status: 504,
    reason: 'Gateway Timeout',
    meaning: 'An upstream provider did not answer in time.',
    action: 'Read the resource, then retry with backoff.',
    retry: backoff(4),
  },
];

export const HEADERS = [
  {
    name: 'Retry-After',
    meaning: 'Seconds to wait before the next request.',
    example: 30,
    format: 'seconds',
    statuses: [429, 503],
  },
  {
    name: 'X-RateLimit-Limit',
    meaning: 'Requests allowed in the current window.',
    example: 100,
    format: 'count',
    statuses: [200, 429],
  },
  {
    name: 'X-RateLimit-Remaining',
    meaning: 'Requests left in the current window.',
    example: 0,
    format: 'count',
    statuses: [200, 429],
  },
  {
    name: 'X-RateLimit-Reset',
    meaning: 'Unix time when the window refills.',
    example: 1767225600,
    format: 'epoch-seconds',
    statuses: [429],
  },
  {
    name: 'RateLimit',
    meaning: 'IETF rate limit state: remaining quota and seconds to reset.',
    example: 'limit=100, remaining=0, reset=30',
    format: 'text',
    statuses: [429],
  },
  { name: 'X-Request-Id', meaning: 'Identifier of this request in our logs.', example: 'req_7Hq2LmX9', format: 'id' },
];

export const GUIDES = {
  retries: `---
title: Retry policy
description: When to retry, how long to wait, and which methods are safe to repeat.
order: 1
---

Backoff starts at **500 ms**, doubles each attempt, is capped at **30 s** and gives up after **6 tries**.

\`\`\`ts
const delay = Math.min(500 * 2 ** attempt, 30_000);
\`\`\`
`,
  'handling-errors': `---
title: Handling errors
description: Read the status first, then the business code; never parse messages.
order: 2
---

Branch on the HTTP status, then on the code in the body:

\`\`\`json
{ "status": 404, "errors": [{ "code": "1001", "message": "Customer cus_8f3a22 not found." }] }
\`\`\`

Quote the request id when you contact support.
`,
};
