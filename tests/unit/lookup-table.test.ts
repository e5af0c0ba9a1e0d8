/**
 * The lookup engine, one row per input: what kind of input it is, and which code (with its code
 * space), status, range or message comes first. Rows cover every input kind of the lookup issue,
 * every envelope example of the default catalog, the common public error shapes, the four seed
 * catalogs (examples/) and hostile inputs.
 */
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { buildLookupIndex } from '../../src/lookup/build-index';
import { lookup, type LookupIndex } from '../../src/lookup/engine';
import { freshLookup } from './fresh-lookup';
import type { Explanation, LookupAnswer } from '../../src/lookup/types';

const NOW = Date.parse('2026-01-01T10:00:00Z');
const TEAM = 'tests/fixtures/team-catalog';

const indexes = new Map<string, { index: LookupIndex; files: ReturnType<typeof buildLookupIndex> }>();
function indexOf(dir: string) {
  let entry = indexes.get(dir);
  if (!entry) {
    const files = buildLookupIndex(loadCatalog(dir));
    entry = { files, index: { core: files.core, shards: new Map(Object.entries(files.shards)) } };
    indexes.set(dir, entry);
  }
  return entry;
}
const ask = (input: string, dir = 'catalog') => lookup(input, indexOf(dir).index, { now: NOW });

/** What the first explanation must be: its kind, and `space:code` or the status. */
interface Expected {
  kind: LookupAnswer['kind'];
  first?: { kind: Explanation['kind']; key?: string; status?: number; undocumented?: boolean };
  /** Other `space:code` keys that must be among the explanations. */
  also?: string[];
  values?: Record<string, string>;
  fields?: string[];
  retryAfter?: number;
  requestId?: string;
  /** The RFC 9457 `instance` read from the body. */
  instance?: string;
  readAs?: string;
  notice?: RegExp;
  nothing?: boolean;
}

const keyOf = (explanation: Explanation) => `${explanation.space?.id ?? ''}:${explanation.code ?? ''}`;

const body = (value: unknown) => JSON.stringify(value, null, 2);

const rows: Array<[string, string, Expected, string?]> = [
  // Statuses, codes and names.
  ['an HTTP status', '429', { kind: 'status', first: { kind: 'status', status: 429 } }],
  ['an HTTP status with a per-surface meaning', '409', { kind: 'status', first: { kind: 'status', status: 409 } }],
  ['a status the catalog does not declare', '418', { kind: 'status', first: { kind: 'status', status: 418 } }],
  ['a numeric code', '1101', { kind: 'code', first: { kind: 'code', key: 'core:1101' } }],
  ['a code of the ledger space', '4201', { kind: 'code', first: { kind: 'code', key: 'ledger:4201' } }],
  [
    'a code documented in two spaces shows both',
    '1000',
    { kind: 'code', first: { kind: 'code' }, also: ['core:1000', 'ledger:1000'] },
  ],
  ['a code qualified with its space', 'ledger:1000', { kind: 'code', first: { kind: 'code', key: 'ledger:1000' } }],
  ['a code qualified with a surface', 'gateway:1101', { kind: 'code', first: { kind: 'code', key: 'core:1101' } }],
  ['a name', 'CUSTOMER_NOT_FOUND', { kind: 'name', first: { kind: 'code', key: 'core:1101' } }],
  ['a name in lower case', 'insufficient_balance', { kind: 'name', first: { kind: 'code', key: 'ledger:4201' } }],
  ['a name with dashes', 'Customer-Not-Found', { kind: 'name', first: { kind: 'code', key: 'core:1101' } }],
  ['a deprecated code names its replacement', '1102', { kind: 'code', first: { kind: 'code', key: 'core:1102' } }],
  ['an undocumented code inside a range', '1150', { kind: 'code', first: { kind: 'range', key: 'core:1150' } }],
  ['an undocumented code in an unused range', '1550', { kind: 'code', first: { kind: 'range', key: 'core:1550' } }],
  ['a number in no range', '9999', { kind: 'code', nothing: true }],
  ['a name nobody declared', 'NO_SUCH_THING', { kind: 'name', nothing: true }],

  // Messages.
  [
    'a message with values',
    'Customer cus_1029 not found.',
    { kind: 'message', first: { kind: 'code', key: 'core:1101' }, values: { customerId: 'cus_1029' } },
  ],
  [
    'a message with three values',
    'Balance bal_88 has 1200 available, 5000 requested.',
    {
      kind: 'message',
      first: { kind: 'code', key: 'ledger:4201' },
      values: { balanceId: 'bal_88', available: '1200', requested: '5000' },
    },
  ],
  [
    'a message without its punctuation, in another case',
    'CUSTOMER CUS_1029 NOT FOUND',
    { kind: 'message', first: { kind: 'code', key: 'core:1101' }, values: { customerId: 'CUS_1029' } },
  ],
  [
    'a fragment of a message',
    'card was declined by the issuer',
    { kind: 'message', first: { kind: 'code', key: 'core:1201' } },
  ],
  [
    "a customer's ticket: prose around a JSON body is read for the body's code, not the prose's status",
    `Hi team, our checkout started failing this morning with a 404. We get this back when we charge the customer:

{"status": 404, "requestId": "req_9Kd2Pq", "errors": [{"code": "1101", "message": "Customer cus_1029 not found."}]}

Can you help? Thanks, Maria`,
    {
      kind: 'json',
      first: { kind: 'code', key: 'core:1101' },
      values: { customerId: 'cus_1029' },
      requestId: 'req_9Kd2Pq',
    },
  ],
  [
    'a ticket quoting the message: its value stops at the end of the quoted string, the request id is read from the words',
    'Since 9am every charge gets HTTP 404. The body says: "Customer cus_1029 not found." and our app crashes. Request id req_9Kd2Pq.',
    {
      kind: 'message',
      first: { kind: 'code', key: 'core:1101' },
      values: { customerId: 'cus_1029' },
      requestId: 'req_9Kd2Pq',
    },
  ],
  [
    'a ticket holding a raw response after its prose reads the status line, headers and body',
    `Hello, this is what curl shows:
HTTP/1.1 429 Too Many Requests
Retry-After: 30
X-Request-Id: req_Rt55

{"status": 429, "requestId": "req_Rt55", "errors": [{"code": "1006", "message": "Rate limit of 100 requests per 60 seconds exceeded."}]}
Thanks`,
    { kind: 'http', first: { kind: 'code', key: 'core:1006' }, retryAfter: 30, requestId: 'req_Rt55' },
  ],
  [
    'a common message linked to a code explains the code',
    'Your session has expired. Please sign in again.',
    { kind: 'message', first: { kind: 'code', key: 'core:1405' } },
  ],
  [
    'a common message with a value',
    'Too many failed sign-in attempts. Try again in 15 minutes.',
    { kind: 'message', first: { kind: 'message' }, values: { minutes: '15' } },
  ],
  ['a reason phrase', 'Too Many Requests', { kind: 'message', first: { kind: 'status', status: 429 } }],
  ['a reason phrase shouted', 'TOO MANY REQUESTS!', { kind: 'message', first: { kind: 'status', status: 429 } }],
  [
    'a hyphenated reason phrase, hyphen or not',
    'non authoritative information',
    { kind: 'message', first: { kind: 'status', status: 203 } },
  ],
  ['a reason phrase with an apostrophe', "I'm a teapot", { kind: 'message', first: { kind: 'status', status: 418 } }],
  [
    'an older spelling of a reason phrase',
    'Request Entity Too Large',
    { kind: 'message', first: { kind: 'status', status: 413 } },
  ],
  [
    'a code inside a sentence',
    'Error 1101: customer missing',
    { kind: 'message', first: { kind: 'code', key: 'core:1101' } },
  ],
  [
    'a name inside a sentence',
    'the API said INSUFFICIENT_BALANCE again',
    { kind: 'message', first: { kind: 'code', key: 'ledger:4201' } },
  ],

  // Every envelope example of the default catalog.
  [
    'pajaro-error: not found',
    body({
      status: 404,
      requestId: 'req_7Hq2LmX9',
      errors: [{ code: '1101', message: 'Customer cus_1029 not found.' }],
    }),
    {
      kind: 'json',
      first: { kind: 'code', key: 'core:1101' },
      values: { customerId: 'cus_1029' },
      requestId: 'req_7Hq2LmX9',
      readAs: 'Pajaro error',
    },
  ],
  [
    'pajaro-error: validation, one entry per field',
    body({
      status: 422,
      requestId: 'req_9Xk1PzQ4',
      errors: [
        { code: '1002', field: 'amount', message: 'amount must be a positive integer' },
        { code: '1002', field: 'currency', message: 'currency must be a 3-letter ISO code' },
      ],
    }),
    { kind: 'json', first: { kind: 'code', key: 'core:1002' }, fields: ['amount', 'currency'] },
  ],
  [
    'pajaro-error: card declined',
    body({
      status: 402,
      requestId: 'req_Dc41nEd0',
      errors: [{ code: '1201', message: 'The card was declined by the issuer (do_not_honor).' }],
    }),
    { kind: 'json', first: { kind: 'code', key: 'core:1201' }, values: { declineCode: 'do_not_honor' } },
  ],
  [
    'problem-details: insufficient balance',
    body({
      type: 'https://errors.pajaro.example/codes/ledger/4201/',
      title: 'Insufficient balance',
      status: 409,
      detail: 'Balance bal_88 has 1200 available, 5000 requested.',
      code: '4201',
      traceId: '00-4bf92f3577b34da6-01',
    }),
    {
      kind: 'json',
      first: { kind: 'code', key: 'ledger:4201' },
      requestId: '00-4bf92f3577b34da6-01',
      readAs: 'Problem details (RFC 9457)',
    },
  ],
  [
    'problem-details: validation with JSON pointers',
    body({
      type: 'https://errors.pajaro.example/codes/ledger/4000/',
      title: 'Invalid movement',
      status: 422,
      detail: '2 fields of the movement are invalid.',
      code: '4000',
      traceId: '00-a91c22e0d4f1b7c3-01',
      errors: [
        { pointer: '#/amount', detail: 'must be greater than 0' },
        { pointer: '#/lines/1/account', detail: 'must be a ledger account id such as acc_3F9' },
      ],
    }),
    { kind: 'json', first: { kind: 'code', key: 'ledger:4000' }, fields: ['amount', 'lines[1].account'] },
  ],
  [
    'form-error: field map',
    body({
      error: 'Validation failed',
      requestId: 'req_c0nS0le1',
      errors: {
        displayName: ['The display name field is required'],
        payoutSchedule: ['The payout schedule must be one of: daily, weekly, monthly'],
      },
    }),
    {
      kind: 'json',
      first: { kind: 'code', key: 'core:1002' },
      fields: ['displayName', 'payoutSchedule'],
      readAs: 'Console form error',
    },
  ],

  // Common public shapes the catalog does not declare.
  [
    'RFC 9457 with only a type permalink',
    body({
      type: 'https://errors.pajaro.example/codes/core/1101/',
      title: 'Customer not found',
      status: 404,
      detail: 'No such customer.',
    }),
    { kind: 'json', first: { kind: 'code', key: 'core:1101' } },
  ],
  [
    'JSON:API errors[]',
    body({
      errors: [
        {
          status: '404',
          code: '1200',
          title: 'Not Found',
          detail: 'Charge ch_1 not found.',
          source: { pointer: '/data/attributes/charge' },
        },
      ],
    }),
    { kind: 'json', first: { kind: 'code', key: 'core:1200' }, readAs: 'JSON:API errors' },
  ],
  [
    'Google error.status and details[].reason',
    body({
      error: {
        code: 404,
        message: 'Customer cus_1 not found.',
        status: 'NOT_FOUND',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'CUSTOMER_NOT_FOUND',
            domain: 'pajaro.example',
          },
        ],
      },
    }),
    {
      kind: 'json',
      first: { kind: 'code', key: 'core:1101' },
      values: { customerId: 'cus_1' },
      readAs: 'Google API error',
    },
  ],
  [
    'Google field violations',
    body({
      error: {
        code: 400,
        message: 'Invalid request',
        status: 'INVALID_ARGUMENT',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.BadRequest',
            fieldViolations: [{ field: 'amount', description: 'must be positive' }],
          },
        ],
      },
    }),
    { kind: 'json', fields: ['amount'], readAs: 'Google API error' },
  ],
  [
    'Microsoft error.code with innererror and details',
    body({
      error: {
        code: 'BadArgument',
        message: 'Multiple errors',
        target: 'charge',
        details: [{ code: '1002', target: 'amount', message: 'amount must be a positive integer' }],
        innererror: { code: 'CUSTOMER_NOT_FOUND' },
      },
    }),
    { kind: 'json', first: { kind: 'code', key: 'core:1101' }, also: ['core:1002'], readAs: 'Microsoft REST error' },
  ],
  [
    '{statusCode, message[], error}',
    body({
      statusCode: 400,
      message: ['email must be a valid email', 'password must be at least 8 characters'],
      error: 'Bad Request',
    }),
    { kind: 'json', fields: ['email', 'password'] },
  ],
  [
    '{error, errors{field:[…]}}',
    body({ error: 'Validation failed', errors: { title: ['The title field is required'] } }),
    { kind: 'json', fields: ['title'] },
  ],
  [
    'OAuth error',
    body({ error: 'invalid_grant', error_description: 'Invalid or expired API key.' }),
    { kind: 'json', first: { kind: 'code', key: 'core:1400' }, readAs: 'OAuth 2.0 error' },
  ],
  [
    'a top-level array of errors',
    body([
      { code: '1101', message: 'Customer cus_9 not found.' },
      { code: '4201', message: 'x' },
    ]),
    { kind: 'json', first: { kind: 'code', key: 'core:1101' }, also: ['ledger:4201'] },
  ],
  [
    'an unknown code in a body keeps what the body says',
    body({ errors: [{ code: 'E_WEIRD', message: 'Something unusual happened' }] }),
    { kind: 'json', first: { kind: 'message', undocumented: true } },
  ],
  [
    'a success body',
    body({ success: true, message: 'ok', data: {} }),
    { kind: 'json', nothing: true, notice: /success/ },
  ],

  // Raw HTTP and headers.
  [
    'a raw 429 response with rate-limit headers',
    'HTTP/1.1 429 Too Many Requests\r\nRetry-After: 30\r\nX-RateLimit-Limit: 100\r\nX-RateLimit-Remaining: 0\r\nX-RateLimit-Reset: 1767261630\r\nX-Request-Id: req_abc123\r\nContent-Type: application/json\r\n\r\n{"status":429,"errors":[{"code":"1006","message":"Rate limit exceeded."}]}',
    { kind: 'http', first: { kind: 'code', key: 'core:1006' }, retryAfter: 30, requestId: 'req_abc123' },
  ],
  [
    'curl -v output',
    '< HTTP/2 404\n< content-type: application/json\n< x-request-id: req_curl\n<\n{"status":404,"errors":[{"code":"1101","message":"Customer cus_2 not found."}]}',
    { kind: 'http', first: { kind: 'code', key: 'core:1101' }, requestId: 'req_curl' },
  ],
  ['a status line alone', 'HTTP/1.1 503 Service Unavailable', { kind: 'http', first: { kind: 'status', status: 503 } }],
  [
    'headers alone, Retry-After as a date',
    'Retry-After: Thu, 01 Jan 2026 10:02:00 GMT\nX-Request-Id: req_x',
    { kind: 'headers', retryAfter: 120, requestId: 'req_x', nothing: true },
  ],
  [
    'IETF RateLimit and RateLimit-Policy',
    'RateLimit: "default";r=0;t=42\nRateLimit-Policy: "default";q=100;w=60',
    { kind: 'headers', retryAfter: 42, nothing: true },
  ],
  [
    'IETF RateLimit-* draft headers',
    'RateLimit-Limit: 100\nRateLimit-Remaining: 0\nRateLimit-Reset: 17',
    { kind: 'headers', retryAfter: 17, nothing: true },
  ],
  [
    'a problem+json response picks the problem-details envelope',
    'HTTP/1.1 409 Conflict\nContent-Type: application/problem+json\n\n{"title":"Insufficient balance","status":409,"code":"4201","detail":"Balance b has 1 available, 2 requested."}',
    { kind: 'http', first: { kind: 'code', key: 'ledger:4201' } },
  ],

  // Seeds (examples/): each seed's own bodies and messages.
  [
    'migrayt: validation message array',
    body({
      statusCode: 400,
      message: ['email must be a valid email', 'password must be at least 8 characters'],
      error: 'Bad Request',
    }),
    { kind: 'json', fields: ['email', 'password'] },
    'examples/migrayt',
  ],
  [
    'migrayt: a message with its run id',
    'Migration run 8f3a-22 not found',
    { kind: 'message', first: { kind: 'message' }, values: { id: '8f3a-22' } },
    'examples/migrayt',
  ],
  [
    'migrayt: a 429 with its headers (Reset is a Unix time)',
    'HTTP/1.1 429 Too Many Requests\nRetry-After: 30\nX-RateLimit-Limit: 10\nX-RateLimit-Reset: 1720001234',
    { kind: 'http', first: { kind: 'status', status: 429 }, retryAfter: 30 },
    'examples/migrayt',
  ],
  [
    'cutover: symbolic code in errors[]',
    body({ errors: [{ title: 'Not Found', detail: 'This link is not valid.', code: 'not_found' }] }),
    { kind: 'json', first: { kind: 'code', key: 'cutover-api:not_found' } },
    'examples/cutover',
  ],
  [
    'cutover: a symbolic code typed alone',
    'not_found',
    { kind: 'code', first: { kind: 'code', key: 'cutover-api:not_found' } },
    'examples/cutover',
  ],
  [
    'migo: CustomResponse error in the 7000 space',
    body({
      success: false,
      message: 'Validation failed',
      errors: [{ code: '7100', message: 'User not found in the system.' }],
    }),
    // The seed shows 7100 only in this example body: what it says comes first, then the range.
    { kind: 'json', first: { kind: 'message', key: ':7100', undocumented: true }, also: ['wallet-cms:7100'] },
    'examples/migo',
  ],
  [
    'migo: middleware ownCode',
    body({ message: 'Transaction rejected', error: { code: 422, ownCode: '2002', message: 'Excluded user' } }),
    { kind: 'json', first: { kind: 'range' } },
    'examples/migo',
  ],
  [
    'tracker: validation map',
    body({
      error: 'Validation failed',
      errors: {
        title: ['The title field is required'],
        priority: ['The priority must be one of: low, medium, high, urgent'],
      },
    }),
    { kind: 'json', fields: ['title', 'priority'] },
    'examples/tracker',
  ],
  [
    'tracker: X-RateLimit-Reset in seconds, as the catalog declares',
    'X-RateLimit-Reset: 42',
    { kind: 'headers', nothing: true },
    'examples/tracker',
  ],

  // A team's own catalog (issue 17): its own envelopes win over the public shapes they resemble.
  [
    'team: a symbolic code in an { error: { code, message, request_id } } envelope',
    body({
      error: { code: 'order_not_found', message: 'No order ord_5521 in this workspace.', request_id: 'lrk-ord-0a91f3' },
    }),
    {
      kind: 'json',
      first: { kind: 'code', key: 'orders:order_not_found' },
      values: { orderId: 'ord_5521' },
      requestId: 'lrk-ord-0a91f3',
      readAs: 'Orders error',
    },
    TEAM,
  ],
  [
    'team: their RFC 9457 envelope with type and instance is theirs, with their request_id',
    body({
      type: 'https://docs.larkspur.example/codes/invoicing/3102/',
      title: 'Invoice already paid',
      status: 409,
      detail: 'Invoice inv_3307 was paid on 2025-05-02 and can no longer change.',
      instance: '/v1/invoices/inv_3307',
      code: '3102',
      request_id: 'lrk-inv-55c0de',
    }),
    {
      kind: 'json',
      first: { kind: 'code', key: 'invoicing:3102' },
      requestId: 'lrk-inv-55c0de',
      instance: '/v1/invoices/inv_3307',
      readAs: 'Invoicing problem',
    },
    TEAM,
  ],
  [
    'team: the same body as a problem+json response is still theirs',
    'HTTP/1.1 404 Not Found\nContent-Type: application/problem+json\n\n' +
      body({
        type: 'https://docs.larkspur.example/codes/invoicing/3101/',
        title: 'Invoice not found',
        status: 404,
        detail: 'No invoice inv_9000 in this workspace.',
        instance: '/v1/invoices/inv_9000',
        code: '3101',
        request_id: 'lrk-inv-18aa2b',
      }),
    {
      kind: 'http',
      first: { kind: 'code', key: 'invoicing:3101' },
      requestId: 'lrk-inv-18aa2b',
      readAs: 'Invoicing problem',
    },
    TEAM,
  ],
  [
    'team: a public problem details body with a traceId of its own is read as RFC 9457, not as their envelope',
    body({
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
      title: 'One or more validation errors occurred.',
      status: 400,
      detail: 'The amount field is required.',
      instance: '/orders',
      traceId: '00-84c1fd4063c38d9f-01',
    }),
    { kind: 'json', requestId: '00-84c1fd4063c38d9f-01', instance: '/orders', readAs: 'RFC 9457 problem details' },
    TEAM,
  ],

  // Bad and hostile input.
  ['empty input', '   \n ', { kind: 'empty', nothing: true }],
  ['markup', '<img src=x onerror=alert(1)>', { kind: 'message', nothing: true }],
  ['prototype keys', 'constructor', { kind: 'message', nothing: true }],
  ['__proto__ as a name', '__proto__', { kind: 'message', nothing: true }],
  ['toString as a header-like line', 'toString: valueOf', { kind: 'message', nothing: true }],
  [
    'malformed JSON is matched as text',
    '{"errors":[{"code":"1101","message":"Customer cus_1 not found."',
    { kind: 'message', first: { kind: 'code', key: 'core:1101' }, notice: /not valid JSON/ },
  ],
  ['deeply nested JSON', `${'['.repeat(5000)}${']'.repeat(5000)}`, { kind: 'json', nothing: true }],
  ['input over 256 KB', 'a'.repeat(300 * 1024), { kind: 'too-large', nothing: true, notice: /256 KB/ }],
];

describe('lookup, one row per input', () => {
  test.each(rows)('%s', (_label, input, expected, dir) => {
    const answer = ask(input, dir);
    expect(answer.kind).toBe(expected.kind);
    const [first] = answer.explanations;
    if (expected.nothing) {
      expect(answer.explanations).toEqual([]);
    }
    if (expected.first) {
      expect(first, JSON.stringify(answer, null, 1).slice(0, 1500)).toBeDefined();
      expect(first!.kind).toBe(expected.first.kind);
      if (expected.first.key) expect(keyOf(first!)).toBe(expected.first.key);
      if (expected.first.status !== undefined) expect(first!.status).toBe(expected.first.status);
      if (expected.first.undocumented !== undefined)
        expect(Boolean(first!.undocumented)).toBe(expected.first.undocumented);
      expect(first!.title.length).toBeGreaterThan(0);
      expect(first!.url).not.toMatch(/^\//);
    }
    for (const key of expected.also ?? []) expect(answer.explanations.map(keyOf)).toContain(key);
    if (expected.values)
      expect(answer.explanations.find((explanation) => explanation.values)?.values).toEqual(expected.values);
    if (expected.fields) {
      const fields = answer.explanations
        .flatMap((explanation) => explanation.fieldErrors ?? [])
        .map((entry) => entry.field);
      expect(fields).toEqual(expect.arrayContaining(expected.fields));
    }
    if (expected.retryAfter !== undefined) expect(answer.http?.retryAfterSeconds).toBe(expected.retryAfter);
    if (expected.requestId) expect(answer.http?.requestId).toBe(expected.requestId);
    if (expected.readAs) expect(answer.readAs?.name).toBe(expected.readAs);
    if (expected.instance) expect(answer.http?.instance).toBe(expected.instance);
    if (expected.notice) expect(answer.notices.join(' ')).toMatch(expected.notice);
    if (expected.nothing && !['empty', 'too-large', 'json', 'headers', 'http'].includes(answer.kind))
      expect(answer.suggestions.length).toBeGreaterThan(0);
  });
});

describe('details the rows do not show', () => {
  test('an undocumented code is named once: its title gives the range, not the number again', () => {
    const [first] = ask('7150', 'examples/migo').explanations;
    expect(first).toMatchObject({ kind: 'range', code: '7150', title: 'Not documented: Users (7100–7199)' });
    expect(first!.title).not.toContain('7150');
  });

  test('a code of two spaces labels each with its own surfaces', () => {
    const answer = ask('1000');
    const bySpace = Object.fromEntries(
      answer.explanations.map((explanation) => [
        explanation.space?.id,
        explanation.surfaces.map((surface) => surface.name),
      ]),
    );
    expect(bySpace.core).toEqual(['Payments Gateway', 'Merchant Console API']);
    expect(bySpace.ledger).toEqual(['Ledger Service']);
  });

  test('a deprecated code says what replaced it, with a link', () => {
    const [first] = ask('1102').explanations;
    expect(first?.deprecated?.since).toBeTruthy();
    expect(first?.replacedBy).toEqual({ code: '1101', url: 'codes/core/1101/' });
  });

  test('an undocumented code lists the nearest documented codes of its range', () => {
    const [first] = ask('1150').explanations;
    expect(first?.nearby?.length).toBeGreaterThan(0);
    for (const entry of first!.nearby!) expect(Number(entry.code)).toBeGreaterThanOrEqual(1100);
    expect(first?.url).toBe('ranges/#core-1100-1199');
  });

  test('the status explanation of a surface with its own meaning is labelled with it', () => {
    const answer = ask('409');
    const ledger = answer.explanations.find((explanation) =>
      explanation.surfaces.some((surface) => surface.id === 'ledger'),
    );
    expect(ledger?.title).toBe('409 Conflict on Ledger Service');
  });

  test('rate-limit headers are explained in seconds and as a clock time', () => {
    const answer = ask('HTTP/1.1 429 Too Many Requests\nRetry-After: 30\nX-RateLimit-Reset: 1767261630');
    expect(answer.http?.retryAt).toBe('2026-01-01T10:00:30.000Z');
    const notes = Object.fromEntries(answer.http!.headerNotes.map((note) => [note.header, note.explanation]));
    expect(notes['Retry-After']).toContain('10:00:30 UTC');
    expect(notes['X-RateLimit-Reset']).toContain('10:00:30 UTC');
  });

  test('a Date header is the reference for Retry-After seconds (the paste may be old)', () => {
    const answer = ask('HTTP/1.1 429 Too Many Requests\nDate: Wed, 31 Dec 2025 23:00:00 GMT\nRetry-After: 60');
    expect(answer.http?.retryAt).toBe('2025-12-31T23:01:00.000Z');
  });

  test('the tracker catalog declares X-RateLimit-Reset in seconds, so 42 is a wait, not a 1970 date', () => {
    const answer = ask('HTTP/1.1 429 Too Many Requests\nX-RateLimit-Reset: 42', 'examples/tracker');
    expect(answer.http?.retryAfterSeconds).toBe(42);
  });

  test('loading shards on demand gives the same answers as a loaded index', async () => {
    const { files, index } = indexOf('catalog');
    for (const [, input, , dir] of rows.filter((row) => !row[3] && row[1].length < 10_000)) {
      const { answer: lazy, fetched } = await freshLookup(files, input, NOW);
      expect(lazy, input).toEqual(lookup(input, index, { now: NOW }));
      expect(new Set(fetched).size, `${input} fetched a shard twice`).toBe(fetched.length);
      void dir;
    }
  });

  test('every envelope example of every catalog is explained', () => {
    for (const dir of ['catalog', 'examples/migrayt', 'examples/cutover', 'examples/migo', 'examples/tracker', TEAM]) {
      for (const envelope of loadCatalog(dir).envelopes) {
        for (const example of envelope.examples) {
          const answer = ask(example.body, dir);
          expect(answer.kind).toBe('json');
          if (example.kind === 'success')
            expect(answer.explanations, `${dir} ${envelope.id} ${example.title}`).toEqual([]);
          else expect(answer.explanations.length, `${dir} ${envelope.id} ${example.title}`).toBeGreaterThan(0);
          if (example.kind === 'validation') {
            expect(
              answer.explanations.some((explanation) => explanation.fieldErrors?.length),
              `${dir} ${envelope.id} ${example.title}`,
            ).toBe(true);
          }
        }
      }
    }
  });

  test('every code of the default catalog is found by its code, its name and its message', () => {
    const catalog = loadCatalog('catalog');
    for (const code of catalog.codes) {
      const key = `${code.codeSpace}:${code.code}`;
      expect(ask(code.code).explanations.map(keyOf)).toContain(key);
      if (code.name) expect(ask(code.name).explanations.map(keyOf)).toContain(key);
      // A template made only of placeholders ("{field} {problem}") has no words to find it by.
      if (!/[A-Za-z]{2}/.test(code.message.replace(/\{[^{}]+\}/g, ''))) continue;
      const concrete = code.message.replace(/\{[^{}]+\}/g, 'x_1');
      expect(ask(concrete).explanations.slice(0, 5).map(keyOf), concrete).toContain(key);
    }
  });
});

describe("a team's own catalog (issue 17)", () => {
  test("a raw response with one surface's request-id header reads the id and says which surface documents it", () => {
    const answer = ask(
      'HTTP/1.1 404 Not Found\nLarkspur-Trace: lrk-ord-0a91f3\n\n{"error":{"code":"order_not_found","message":"No order ord_1 in this workspace.","request_id":"lrk-ord-0a91f3"}}',
      TEAM,
    );
    expect(answer.http?.requestId).toBe('lrk-ord-0a91f3');
    expect(answer.http?.headerNotes.find((note) => note.header === 'Larkspur-Trace')?.explanation).toBe(
      'The id of the request in the Orders logs; the body repeats it as error.request_id. Documented for Orders API only.',
    );
    expect(keyOf(answer.explanations[0]!)).toBe('orders:order_not_found');
  });
});
