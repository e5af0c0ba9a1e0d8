/**
 * The lookup reading the request side, one row per input: what people copy from a terminal, a
 * browser, an HTTP client or a log, as a new user would paste it. Each row says what the answer
 * must name: the operation (with its path parameters), the first explanation, the retry advice
 * for the call's method and idempotency, and where the paste disagrees with the catalog.
 */
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { buildLookupIndex } from '../../src/lookup/build-index';
import { lookup, resolveLookup, type LookupIndex } from '../../src/lookup/engine';
import type { Explanation, LookupAnswer } from '../../src/lookup/types';

const NOW = Date.parse('2026-01-01T10:00:00Z');
const indexes = new Map<string, LookupIndex>();
function indexOf(dir: string): LookupIndex {
  let index = indexes.get(dir);
  if (!index) {
    const files = buildLookupIndex(loadCatalog(dir));
    index = { core: files.core, shards: new Map(Object.entries(files.shards)) };
    indexes.set(dir, index);
  }
  return index;
}
const ask = (input: string, dir = 'catalog') => lookup(input, indexOf(dir), { now: NOW });
const keyOf = (explanation: Explanation | undefined) =>
  explanation ? `${explanation.space?.id ?? ''}:${explanation.code ?? explanation.status ?? ''}` : undefined;

interface Expected {
  kind: LookupAnswer['kind'];
  source?: string;
  method?: string;
  /** `METHOD /template` of the operation matched, or null for none. */
  operation?: string | null;
  params?: Record<string, string>;
  /** `space:code`, or `:status` for a status, of the first explanation. */
  first?: string;
  /** Keys that must not be among the explanations (a code of the other space). */
  not?: string[];
  status?: number;
  keySent?: boolean;
  /** The retry advice of the first explanation. */
  retry?: RegExp;
  disagree?: RegExp[];
  agree?: true;
  transportError?: RegExp;
  /** Titles of the status explanations: the surface's own meaning replaces the general one. */
  statusTitles?: string[];
  statusRetry?: RegExp;
}

const problem = (code: string, status: number, detail: string) =>
  JSON.stringify({
    type: `https://errors.pajaro.example/codes/ledger/${code}/`,
    title: 'x',
    status,
    detail,
    code,
    traceId: '00-1',
  });
const pajaro = (code: string, status: number, message: string) =>
  JSON.stringify({ status, requestId: 'req_1', errors: [{ code, message }] });

const rows: Array<[string, string, Expected]> = [
  // Request lines.
  [
    'a request line names the operation and reads its path parameters',
    'POST /v2/charges/ch_1/capture',
    {
      kind: 'request',
      source: 'request line',
      operation: 'POST /v2/charges/{chargeId}/capture',
      params: { chargeId: 'ch_1' },
    },
  ],
  [
    'a full URL with a query string and a trailing slash',
    'GET https://api.pajaro.example/v2/customers/cus_1029/?expand=payment_methods',
    { kind: 'request', operation: 'GET /v2/customers/{customerId}', params: { customerId: 'cus_1029' } },
  ],
  [
    'a percent-encoded path parameter is read decoded',
    'GET /v2/refunds/re%2F7%20a',
    { kind: 'request', operation: 'GET /v2/refunds/{refundId}', params: { refundId: 're/7 a' } },
  ],
  [
    'a method the path is not documented for says which methods are',
    'GET /v2/charges/ch_1/capture',
    {
      kind: 'request',
      operation: null,
      disagree: [/^GET \/v2\/charges\/ch_1\/capture is not documented; the catalog documents POST for this path/],
    },
  ],
  [
    'a path no operation has says so',
    'DELETE /v2/payouts/po_1',
    {
      kind: 'request',
      operation: null,
      disagree: [/^The catalog documents no operation for DELETE \/v2\/payouts\/po_1\.$/],
    },
  ],
  [
    'a request line followed by a message matches the message too',
    'POST /v2/customers\nA customer with external id ext_9 already exists as cus_12.',
    { kind: 'exchange', operation: 'POST /v2/customers', first: 'core:1100' },
  ],

  // Raw exchanges.
  [
    'a raw exchange: operation, code from the body, key sent, retry for this POST',
    [
      'POST /v2/charges/ch_1/capture HTTP/1.1',
      'Host: api.pajaro.example',
      'Idempotency-Key: 5f0c6d2e-8a3b',
      '',
      'HTTP/1.1 409 Conflict',
      'Content-Type: application/json',
      '',
      pajaro('1206', 409, 'Charge ch_1 has already been captured.'),
    ].join('\n'),
    {
      kind: 'exchange',
      source: 'HTTP exchange',
      operation: 'POST /v2/charges/{chargeId}/capture',
      first: 'core:1206',
      status: 409,
      keySent: true,
      retry: /^For this POST \/v2\/charges\/\{chargeId\}\/capture: do not retry/,
      agree: true,
    },
  ],
  [
    'a POST without its idempotency key after a 500: do not retry blindly',
    [
      'POST /v2/charges HTTP/1.1',
      'Host: api.pajaro.example',
      'Content-Type: application/json',
      '',
      '{"amount":1050}',
      'HTTP/1.1 500 Internal Server Error',
      '',
      pajaro('1009', 500, 'An internal error occurred. Quote request id req_1 to support.'),
    ].join('\r\n'),
    {
      kind: 'exchange',
      operation: 'POST /v2/charges',
      first: 'core:1009',
      keySent: false,
      retry:
        /^For this POST \/v2\/charges: do not retry blindly: this POST carried no Idempotency-Key, so the first request may already have taken effect\./,
      disagree: [/^POST \/v2\/charges requires the Idempotency-Key header; the request did not send it\.$/],
    },
  ],
  [
    'the same POST with its key: retry with backoff, the same key',
    [
      'POST /v2/charges HTTP/1.1',
      'Idempotency-Key: k1',
      '',
      'HTTP/1.1 500 Internal Server Error',
      '',
      pajaro('1009', 500, 'An internal error occurred. Quote request id req_1 to support.'),
    ].join('\n'),
    {
      kind: 'exchange',
      first: 'core:1009',
      keySent: true,
      retry: /^For this POST \/v2\/charges: retry with exponential backoff \(start at 500 ms/,
    },
  ],
  [
    'a status the operation does not list, and a code documented with another status',
    [
      'POST /v2/charges/ch_1/capture',
      '',
      'HTTP/1.1 503 Service Unavailable',
      'Retry-After: 30',
      '',
      pajaro('1206', 503, 'Charge ch_1 has already been captured.'),
    ].join('\n'),
    {
      kind: 'exchange',
      operation: 'POST /v2/charges/{chargeId}/capture',
      status: 503,
      disagree: [
        /^Code 1206 is documented with 409 Conflict, but the response was 503\.$/,
        /^POST \/v2\/charges\/\{chargeId\}\/capture is not documented to return 503 Service Unavailable\.$/,
      ],
    },
  ],
  [
    'a code the operation is not documented to return',
    [
      'GET /v2/refunds/re_1 HTTP/1.1',
      '',
      'HTTP/1.1 404 Not Found',
      '',
      pajaro('1101', 404, 'Customer cus_1 not found.'),
    ].join('\n'),
    {
      kind: 'exchange',
      first: 'core:1101',
      disagree: [/^GET \/v2\/refunds\/\{refundId\} is not documented to return code 1101\.$/],
    },
  ],
  [
    'a number of two code spaces is the one the operation sends (ledger, not gateway)',
    [
      'PATCH https://ledger.pajaro.example/v1/accounts/acc_1 HTTP/1.1',
      'If-Match: "v1"',
      '',
      'HTTP/1.1 415 Unsupported Media Type',
      '',
      JSON.stringify({ status: 415, errors: [{ code: '1001', message: 'x' }] }),
    ].join('\n'),
    {
      kind: 'exchange',
      operation: 'PATCH /v1/accounts/{accountId}',
      first: 'ledger:1001',
      not: ['core:1001'],
      agree: true,
    },
  ],
  [
    'the ledger answers 503 with its own retry rule for its surface',
    [
      'POST /v1/movements HTTP/1.1',
      'Idempotency-Key: k',
      '',
      'HTTP/1.1 503 Service Unavailable',
      'Retry-After: 600',
      '',
      problem('4002', 503, 'Ledger led_1 is read-only until 00:10.'),
    ].join('\n'),
    {
      kind: 'exchange',
      operation: 'POST /v1/movements',
      first: 'ledger:4002',
      statusTitles: ['503 Service Unavailable on Ledger Service'],
      statusRetry: /^For this POST \/v1\/movements: wait for the time given by Retry-After, then retry/,
      agree: true,
    },
  ],

  // curl.
  [
    'curl -v output: request, response and body',
    [
      "$ curl -v -X PATCH https://ledger.pajaro.example/v1/accounts/acc_1 -H 'Content-Type: application/json' -d '{}'",
      '*   Trying 10.0.0.1:443...',
      '* Connected to ledger.pajaro.example (10.0.0.1) port 443',
      '> PATCH /v1/accounts/acc_1 HTTP/2',
      '> Host: ledger.pajaro.example',
      '> If-Match: "v42"',
      '> content-type: application/json',
      '>',
      '< HTTP/2 415',
      '< content-type: application/problem+json',
      '< x-request-id: req_2',
      '<',
      problem('1001', 415, 'PATCH requests must use Content-Type application/merge-patch+json.'),
      '* Connection #0 to host ledger.pajaro.example left intact',
    ].join('\n'),
    {
      kind: 'exchange',
      source: 'curl -v output',
      method: 'PATCH',
      operation: 'PATCH /v1/accounts/{accountId}',
      params: { accountId: 'acc_1' },
      first: 'ledger:1001',
      status: 415,
      agree: true,
    },
  ],
  [
    'a curl command with -i output, over several lines',
    [
      'curl -i https://api.pajaro.example/v2/refunds \\',
      "  -H 'Idempotency-Key: 7e1' \\",
      '  --json \'{"charge":"ch_1","amount":90000}\'',
      'HTTP/2 422',
      'content-type: application/json',
      '',
      pajaro('1300', 422, 'Refund of 90000 exceeds the 5000 still refundable on charge ch_1.'),
    ].join('\n'),
    {
      kind: 'exchange',
      source: 'curl command',
      method: 'POST',
      operation: 'POST /v2/refunds',
      first: 'core:1300',
      keySent: true,
      agree: true,
    },
  ],
  [
    "Chrome's Copy as cURL, with $'…' quoting and -X",
    "curl 'https://api.pajaro.example/v2/charges/ch_1/cancel' -X POST -H 'authorization: Bearer pk_test_12345678' --data-raw $'{}' --compressed",
    { kind: 'request', operation: 'POST /v2/charges/{chargeId}/cancel', params: { chargeId: 'ch_1' } },
  ],
  [
    'a curl command alone, with the body it printed',
    'curl https://api.pajaro.example/v2/charges/ch_404\n' + pajaro('1200', 404, 'Charge ch_404 not found.'),
    { kind: 'exchange', method: 'GET', operation: 'GET /v2/charges/{chargeId}', first: 'core:1200' },
  ],

  // Browsers.
  [
    "Chrome's console line",
    'POST https://api.pajaro.example/v2/charges 402 (Payment Required)',
    {
      kind: 'exchange',
      source: 'browser console',
      operation: 'POST /v2/charges',
      first: ':402',
      retry: /^For this POST \/v2\/charges: do not retry; fix the request first\. Retrying a declined card/,
    },
  ],
  [
    "Chrome's console line with the script location around it",
    'app.js:42  POST https://api.pajaro.example/v2/customers 409 (Conflict)\n(anonymous) @ app.js:42',
    { kind: 'exchange', operation: 'POST /v2/customers', first: ':409' },
  ],
  [
    "Firefox's console line",
    'XHRPOST https://api.pajaro.example/v2/refunds [HTTP/2 422 Unprocessable Entity 87ms]',
    { kind: 'exchange', operation: 'POST /v2/refunds', status: 422 },
  ],
  [
    '"Failed to load resource" with the URL before it',
    'api.pajaro.example/v2/customers/cus_9:1  Failed to load resource: the server responded with a status of 404 ()',
    { kind: 'exchange', source: 'browser console', operation: 'GET /v2/customers/{customerId}', first: ':404' },
  ],
  [
    "the network panel's headers, copied",
    'Request URL:\nhttps://api.pajaro.example/v2/charges\nRequest Method:\nPOST\nStatus Code:\n402 Payment Required\nRemote Address:\n10.0.0.1:443\nReferrer Policy:\nstrict-origin-when-cross-origin',
    { kind: 'exchange', source: 'network panel', operation: 'POST /v2/charges', status: 402 },
  ],
  [
    'HTTP/2 pseudo-headers from the network panel',
    ':authority: api.pajaro.example\n:method: DELETE\n:path: /v2/customers/cus_1\n:scheme: https\naccept: application/json',
    {
      kind: 'request',
      source: 'network panel',
      operation: 'DELETE /v2/customers/{customerId}',
      params: { customerId: 'cus_1' },
    },
  ],
  [
    "a browser's Copy as fetch: the key is missing",
    'fetch("https://api.pajaro.example/v2/refunds", {\n  "headers": { "content-type": "application/json" },\n  "body": "{\\"charge\\":\\"ch_1\\"}",\n  "method": "POST"\n});',
    {
      kind: 'request',
      source: 'fetch call',
      operation: 'POST /v2/refunds',
      keySent: false,
      disagree: [/requires the Idempotency-Key header/],
    },
  ],

  // HTTP clients.
  [
    'axios: the status of its message',
    'AxiosError: Request failed with status code 409\n    at settle (node_modules/axios/lib/core/settle.js:19:12)',
    { kind: 'exchange', first: ':409' },
  ],
  [
    'axios with its config printed: method and URL from it',
    "AxiosError: Request failed with status code 404\n  config: {\n    method: 'get',\n    url: '/v2/charges/ch_9',\n    baseURL: 'https://api.pajaro.example',\n  },\n  code: 'ERR_BAD_REQUEST'",
    { kind: 'exchange', operation: 'GET /v2/charges/{chargeId}', status: 404 },
  ],
  [
    'Python requests',
    'requests.exceptions.HTTPError: 409 Client Error: Conflict for url: https://api.pajaro.example/v2/charges/ch_1/capture',
    { kind: 'exchange', source: 'client error', operation: 'POST /v2/charges/{chargeId}/capture', status: 409 },
  ],
  [
    'Go: a request that got no response',
    'Post "https://api.pajaro.example/v2/charges": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
    { kind: 'exchange', operation: 'POST /v2/charges', transportError: /^context deadline exceeded/ },
  ],
  [
    'Spring WebClient: status, method and URL',
    'org.springframework.web.reactive.function.client.WebClientResponseException$Conflict: 409 Conflict from POST https://ledger.pajaro.example/v1/payouts',
    { kind: 'exchange', operation: 'POST /v1/payouts', status: 409 },
  ],
  [
    '.NET HttpClient',
    'System.Net.Http.HttpRequestException: Response status code does not indicate success: 429 (Too Many Requests).',
    { kind: 'exchange', first: ':429' },
  ],
  [
    'a Java exception with the body in it',
    `org.springframework.web.client.HttpClientErrorException$NotFound: 404 Not Found: "${pajaro('1101', 404, 'Customer cus_1029 not found.').replace(/"/g, '"')}"`,
    { kind: 'exchange', first: 'core:1101', status: 404 },
  ],

  // Logs.
  [
    'a key=value log line naming a status and a business code ranks the code first',
    '2026-01-01T10:00:00Z ERROR payment failed status=409 code=4201 request_id=req_9',
    { kind: 'exchange', first: 'ledger:4201', status: 409 },
  ],
  [
    'a logfmt line with method and path names the operation',
    'level=error msg="capture failed" method=POST path=/v2/charges/ch_9/capture status=409 code=1206',
    {
      kind: 'exchange',
      operation: 'POST /v2/charges/{chargeId}/capture',
      params: { chargeId: 'ch_9' },
      first: 'core:1206',
      agree: true,
    },
  ],
  [
    'a JSON log line',
    '{"level":"error","method":"POST","url":"/v1/movements","status":409,"code":"4201","msg":"movement refused"}',
    { kind: 'exchange', operation: 'POST /v1/movements', first: 'ledger:4201', agree: true },
  ],
  [
    'a JSON log line with the request nested',
    '{"severity":"ERROR","http":{"method":"PATCH","url":"/v1/accounts/acc_1","status_code":409},"error":{"code":"4003"}}',
    { kind: 'exchange', operation: 'PATCH /v1/accounts/{accountId}', first: 'ledger:4003' },
  ],
  [
    'an access log line',
    '10.1.2.3 - - [01/Jan/2026:10:00:00 +0000] "POST /v2/refunds HTTP/1.1" 422 312 "-" "python-requests/2.31"',
    { kind: 'exchange', source: 'access log', operation: 'POST /v2/refunds', first: ':422' },
  ],
  [
    'a method, a URL and a code in free text',
    'PATCH https://ledger.pajaro.example/v1/accounts/acc_1 -> 400 code=1000',
    { kind: 'exchange', operation: 'PATCH /v1/accounts/{accountId}', first: 'ledger:1000', not: ['core:1000'] },
  ],
  [
    'a status and a code in a sentence: the code first',
    'Error 409: code 4201 insufficient balance',
    { kind: 'message', first: 'ledger:4201' },
  ],

  // Headers and bodies without their blank line or status line.
  [
    'headers then a body, without the blank line',
    'content-type: application/json\nx-request-id: req_7Hq2LmX9\n' +
      pajaro('1101', 404, 'Customer cus_1029 not found.'),
    { kind: 'headers', first: 'core:1101' },
  ],
  [
    'a status line, headers and a body, without the blank line',
    'HTTP/1.1 404 Not Found\ncontent-type: application/json\n' + pajaro('1101', 404, 'Customer cus_1029 not found.'),
    { kind: 'http', first: 'core:1101' },
  ],
];

describe('the lookup reads a request and what came back', () => {
  test.each(rows)('%s', (_, input, expected) => {
    const answer = ask(input);
    expect(answer.kind).toBe(expected.kind);
    if (expected.source) expect(answer.request?.source).toBe(expected.source);
    if (expected.method) expect(answer.request?.method).toBe(expected.method);
    if (expected.operation === null) expect(answer.request?.operation).toBeUndefined();
    else if (expected.operation)
      expect(`${answer.request?.operation?.method} ${answer.request?.operation?.path}`).toBe(expected.operation);
    if (expected.params) expect(answer.request?.operation?.params).toEqual(expected.params);
    if (expected.first) expect(keyOf(answer.explanations[0])).toBe(expected.first);
    for (const key of expected.not ?? []) expect(answer.explanations.map(keyOf)).not.toContain(key);
    if (expected.status !== undefined) expect(answer.http?.status).toBe(expected.status);
    if (expected.keySent !== undefined) expect(answer.request?.keySent).toBe(expected.keySent);
    if (expected.retry) expect(answer.explanations[0]?.retry).toMatch(expected.retry);
    if (expected.disagree) {
      expect(answer.disagreements ?? []).toHaveLength(expected.disagree.length);
      expected.disagree.forEach((pattern, index) => expect(answer.disagreements![index]).toMatch(pattern));
    }
    if (expected.agree) expect(answer.disagreements).toBeUndefined();
    if (expected.transportError) expect(answer.request?.transportError).toMatch(expected.transportError);
    const statuses = answer.explanations.filter((explanation) => explanation.kind === 'status');
    if (expected.statusTitles) expect(statuses.map((explanation) => explanation.title)).toEqual(expected.statusTitles);
    if (expected.statusRetry) expect(statuses[0]?.retry).toMatch(expected.statusRetry);
    expect(answer.suggestions, 'nothing may answer "Nothing matched"').toEqual([]);
  });
});

describe('HAR files', () => {
  const entry = (method: string, url: string, status: number, body = '', headers: Array<[string, string]> = []) => ({
    startedDateTime: '2026-01-01T10:00:00.000Z',
    request: { method, url, headers: headers.map(([name, value]) => ({ name, value })), postData: undefined },
    response: {
      status,
      statusText: status === 200 ? 'OK' : '',
      headers: [{ name: 'content-type', value: 'application/json' }],
      content: { mimeType: 'application/json', text: body },
    },
  });
  const har = (entries: unknown[]) =>
    JSON.stringify({ log: { version: '1.2', creator: { name: 'x' }, entries } }, null, 2);

  test('each failed entry is explained with its operation, the others are counted', () => {
    const answer = ask(
      har([
        entry('GET', 'https://api.pajaro.example/v2/charges?limit=10', 200, '{"data":[]}'),
        entry(
          'POST',
          'https://api.pajaro.example/v2/charges',
          402,
          pajaro('1201', 402, 'The card was declined by the issuer (do_not_honor).'),
          [['Idempotency-Key', 'k1']],
        ),
        entry('GET', 'https://api.pajaro.example/v2/customers/cus_1', 200, '{}'),
        entry(
          'PATCH',
          'https://ledger.pajaro.example/v1/accounts/acc_1',
          409,
          problem('4003', 409, 'Account acc_1 changed while you were writing (version 3 expected, 4 found).'),
          [['If-Match', '"v3"']],
        ),
        entry('GET', 'https://api.pajaro.example/v2/refunds/re_9', 404, pajaro('1302', 404, 'Refund re_9 not found.')),
      ]),
    );
    expect(answer.kind).toBe('har');
    expect(answer.har).toEqual({ entries: 5, failed: 3, explained: 3, noResponse: 0 });
    expect(
      answer.entries!.map((item) => [item.index, item.method, item.status, keyOf(item.answer.explanations[0])]),
    ).toEqual([
      [1, 'POST', 402, 'core:1201'],
      [3, 'PATCH', 409, 'ledger:4003'],
      [4, 'GET', 404, 'core:1302'],
    ]);
    expect(answer.entries![1]!.answer.request?.operation?.params).toEqual({ accountId: 'acc_1' });
    expect(answer.entries![0]!.answer.explanations[0]!.retry).toMatch(/^For this POST \/v2\/charges: do not retry/);
    expect(answer.suggestions).toEqual([]);
  });

  test('one entry copied alone is an exchange', () => {
    const answer = ask(
      JSON.stringify(
        entry('GET', 'https://api.pajaro.example/v2/charges/ch_1', 404, pajaro('1200', 404, 'Charge ch_1 not found.')),
      ),
    );
    expect(answer.kind).toBe('exchange');
    expect(answer.request?.source).toBe('HAR entry');
    expect(keyOf(answer.explanations[0])).toBe('core:1200');
  });

  test('a base64 body and a request without response are read', () => {
    const encoded = entry('GET', 'https://api.pajaro.example/v2/charges/ch_1', 404);
    encoded.response.content = {
      mimeType: 'application/json',
      text: btoa(pajaro('1200', 404, 'Charge ch_1 not found.')),
      encoding: 'base64',
    } as never;
    const blocked = {
      ...entry('POST', 'https://api.pajaro.example/v2/charges', 0),
      _error: 'net::ERR_CONNECTION_RESET',
    };
    const answer = ask(har([encoded, blocked]));
    expect(answer.har).toEqual({ entries: 2, failed: 1, explained: 1, noResponse: 1 });
    expect(keyOf(answer.entries![0]!.answer.explanations[0])).toBe('core:1200');
  });

  test('a HAR file cut off in the middle still gives its complete entries, and says so', () => {
    const full = har([
      entry('GET', 'https://api.pajaro.example/v2/charges/ch_1', 404, pajaro('1200', 404, 'Charge ch_1 not found.')),
      entry('GET', 'https://api.pajaro.example/v2/refunds/re_1', 404, pajaro('1302', 404, 'Refund re_1 not found.')),
    ]);
    const cut = full.slice(0, full.lastIndexOf('"re_1"') - 40);
    const answer = ask(cut);
    expect(answer.kind).toBe('har');
    expect(answer.har?.failed).toBe(1);
    expect(answer.notices.join(' ')).toMatch(/cut off after 1 complete entry/);
  });

  test('a HAR file larger than a paste may be is still read (it has its own limit)', () => {
    const entries = Array.from({ length: 300 }, (_, index) =>
      entry(
        'GET',
        `https://api.pajaro.example/v2/charges/ch_${index}`,
        index % 100 === 7 ? 404 : 200,
        `{"id":"ch_${index}","padding":"${'x'.repeat(1200)}"}`,
      ),
    );
    const text = har(entries);
    expect(text.length).toBeGreaterThan(300 * 1024);
    const answer = ask(text);
    expect(answer.har).toEqual({ entries: 300, failed: 3, explained: 3, noResponse: 0 });
  });

  test('the shards an exchange needs are loaded as it asks for them', async () => {
    const files = buildLookupIndex(loadCatalog('catalog'));
    const loaded: string[] = [];
    const answer = await resolveLookup(
      ['PATCH /v1/accounts/acc_1 HTTP/1.1', '', 'HTTP/1.1 409 Conflict', '', problem('4003', 409, 'x')].join('\n'),
      { core: files.core, shards: new Map() },
      async (name) => {
        loaded.push(name);
        return files.shards[name];
      },
      { now: NOW },
    );
    expect(answer.request?.operation?.path).toBe('/v1/accounts/{accountId}');
    expect(keyOf(answer.explanations[0])).toBe('ledger:4003');
    expect(loaded.some((name) => name.startsWith('o'))).toBe(true);
  });
});

describe('the example catalogs', () => {
  test('Migrayt: the start endpoint is idempotent by design, its statuses are not stated, so none disagree', () => {
    const answer = ask(
      'POST /api/migrations/project/prj_7/start HTTP/1.1\n\nHTTP/1.1 500 Internal Server Error\n\n{"statusCode":500,"message":"Could not start migration worker","error":"Internal Server Error"}',
      'examples/migrayt',
    );
    expect(answer.request?.operation?.params).toEqual({ projectId: 'prj_7' });
    expect(answer.request?.operation?.idempotency).toBe('idempotent by design');
    expect(answer.request?.operation?.idempotencyNote).toContain('within a session');
    expect(answer.disagreements).toBeUndefined();
    const status = answer.explanations.find((explanation) => explanation.kind === 'status');
    expect(status?.retry).toMatch(
      /^For this POST \/api\/migrations\/project\/\{projectId\}\/start \(general HTTP practice: the API states no retry rule for this status\): retry with exponential backoff/,
    );
  });

  test('Migo: a code its seed shows only in an example body is known, by code, by body and by message', () => {
    for (const input of [
      '7100',
      '{"success":false,"message":"Validation failed","errors":[{"code":"7100","message":"User not found in the system."}]}',
      'User not found in the system.',
    ]) {
      const first = ask(input, 'examples/migo').explanations[0];
      expect(first?.code, input).toBe('7100');
      expect(first?.title).toBe('User not found in the system.');
      expect(first?.undocumented).toBe(true);
      expect(first?.meaning).toMatch(/only in its example body of CustomResponse/);
    }
  });
});

describe('what the answer shows of a request', () => {
  const secrets = ['sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'hunter22', 'pjk_live_Zq81LmX0'];
  const shown = (answer: LookupAnswer) => JSON.stringify({ ...answer, entries: answer.entries });

  test('secrets in the URL, the path and the request headers never reach the answer', () => {
    const answer = ask(
      [
        'POST https://ops:hunter22@api.pajaro.example/v2/charges/ch_1/capture?api_key=sk_live_4eC39HqLyjWDarjtT1zdp7dc HTTP/1.1',
        'Authorization: Bearer pjk_live_Zq81LmX0',
        'X-Api-Key: sk_live_4eC39HqLyjWDarjtT1zdp7dc',
        '',
        'HTTP/1.1 503 Service Unavailable',
        'Content-Type: application/json',
        '',
        '{"status":503,"errors":[{"code":"1009","message":"An internal error occurred."}]}',
      ].join('\n'),
    );
    // Still matched and explained: redaction changes what is shown, not what is read.
    expect(`${answer.request?.operation?.method} ${answer.request?.operation?.path}`).toBe(
      'POST /v2/charges/{chargeId}/capture',
    );
    expect(answer.request?.operation?.params).toEqual({ chargeId: 'ch_1' });
    expect(answer.request?.target).toBe(
      'https://[redacted basic credentials]@api.pajaro.example/v2/charges/ch_1/capture?api_key=[redacted secret value]',
    );
    for (const secret of secrets) expect(shown(answer)).not.toContain(secret);
  });

  test('a failed HAR entry shows its URL with its secrets redacted', () => {
    const har = JSON.stringify({
      log: {
        entries: [
          {
            request: {
              method: 'GET',
              url: 'https://api.pajaro.example/v2/customers/cus_404?access_token=sk_live_4eC39HqLyjWDarjtT1zdp7dc',
              headers: [{ name: 'Authorization', value: 'Bearer pjk_live_Zq81LmX0' }],
            },
            response: {
              status: 404,
              headers: [],
              content: { mimeType: 'application/json', text: pajaro('1101', 404, 'Customer cus_404 not found.') },
            },
          },
          {
            request: { method: 'GET', url: 'https://api.pajaro.example/v2/charges', headers: [] },
            response: { status: 200 },
          },
        ],
      },
    });
    const answer = ask(har);
    expect(answer.kind).toBe('har');
    expect(answer.entries?.[0]?.url).toBe(
      'https://api.pajaro.example/v2/customers/cus_404?access_token=[redacted secret value]',
    );
    expect(keyOf(answer.entries?.[0]?.answer.explanations[0])).toBe('core:1101');
    for (const secret of secrets) expect(shown(answer)).not.toContain(secret);
  });

  test('a path parameter that is a secret is shown redacted, and so is an unmatched path', () => {
    const matched = ask('GET /v2/customers/sk_live_4eC39HqLyjWDarjtT1zdp7dc');
    expect(matched.request?.operation?.path).toBe('/v2/customers/{customerId}');
    expect(matched.request?.operation?.params).toEqual({ customerId: '[redacted API key]' });
    for (const secret of secrets) expect(shown(matched)).not.toContain(secret);
    const answer = ask('DELETE /v2/keys/sk_live_4eC39HqLyjWDarjtT1zdp7dc');
    expect(answer.disagreements?.join(' ')).toMatch(/no operation for DELETE \/v2\/keys\/\[redacted/);
    for (const secret of secrets) expect(shown(answer)).not.toContain(secret);
  });
});
