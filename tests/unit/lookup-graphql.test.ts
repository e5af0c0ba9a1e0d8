/**
 * Issue 18: the lookup on a GraphQL API behind a gateway (tests/fixtures/graphql-catalog/). One
 * code per meaning, several statuses per code: the pasted status picks the code's context and ranks,
 * each errors[] entry is explained once with its path, a wait carried in the body becomes
 * "retry after N s", and a status the code is not documented with is said to be so.
 */
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { buildLookupIndex } from '../../src/lookup/build-index';
import { lookup, type LookupIndex } from '../../src/lookup/engine';

const DIR = 'tests/fixtures/graphql-catalog';
const NOW = Date.parse('2026-01-01T10:00:00Z');
let index: LookupIndex | undefined;
function ask(input: string) {
  if (!index) {
    const files = buildLookupIndex(loadCatalog(DIR));
    index = { core: files.core, shards: new Map(Object.entries(files.shards)) };
  }
  return lookup(input, index, { now: NOW });
}

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
const TWO_ERRORS = JSON.stringify({
  errors: [
    {
      message: 'Order ord_42 not found.',
      locations: [{ line: 2, column: 3 }],
      path: ['order'],
      extensions: { code: 'NOT_FOUND' },
    },
    {
      message: 'You may not read customer.email.',
      locations: [{ line: 5, column: 5 }],
      path: ['viewer', 'customer', 'email'],
      extensions: { code: 'FORBIDDEN' },
    },
  ],
  data: { order: null, viewer: { customer: { email: null } } },
});
const BUDGET_200 = [
  'HTTP/1.1 200 OK',
  'Content-Type: application/json',
  '',
  '{ "errors": [ { "message": "Query cost budget spent; retry in 12 s.", "extensions": { "code": "RATE_LIMITED", "retryAfterSeconds": 12, "cost": 480 } } ], "data": null }',
].join('\n');

describe('a GraphQL catalog with statuses per code, in the lookup', () => {
  test('a raw 401 from the gateway: UNAUTHENTICATED in its transport context, read as the gateway envelope', () => {
    const answer = ask(RAW_401);
    const [first] = answer.explanations;
    expect(answer.readAs?.name).toBe('Gateway error');
    expect(first).toMatchObject({ kind: 'code', code: 'UNAUTHENTICATED', status: 401, statusReason: 'Unauthorized' });
    expect(first?.statusContext).toEqual({
      layer: 'transport',
      when: 'The gateway refuses the request because its access token is missing or expired.',
    });
    expect(first?.otherStatuses?.map((entry) => entry.status)).toEqual([200]);
    expect(first?.errorsWithSuccess).toBeUndefined();
    expect(first?.statusNotDocumented).toBeUndefined();
    expect(first?.retry).toBe('Re-authenticate before any retry.');
    expect(answer.disagreements ?? []).toEqual([]);
  });

  test('a raw 429 from the gateway: RATE_LIMITED with 429, the body wait as "retry after 30 s"', () => {
    const answer = ask(RAW_429);
    const [first] = answer.explanations;
    expect(first).toMatchObject({ kind: 'code', code: 'RATE_LIMITED', status: 429 });
    expect(first?.statusContext?.layer).toBe('transport');
    expect(first?.retryAfter).toEqual({ seconds: 30, from: 'error.retryAfterSeconds' });
    expect(first?.retry).toMatch(
      /^Retry after 30 s \(error\.retryAfterSeconds in the pasted body\)\. Wait for the time given by Retry-After or the body's error\.retryAfterSeconds \(seconds\), then retry\.$/,
    );
  });

  test('a two-error body: each errors[] entry explained once, with its path, and nothing else ranked above them', () => {
    const answer = ask(TWO_ERRORS);
    const codes = answer.explanations.filter((explanation) => explanation.kind === 'code');
    expect(answer.readAs?.name).toBe('GraphQL response');
    expect(codes.map((explanation) => explanation.code)).toEqual(['NOT_FOUND', 'FORBIDDEN']);
    expect(answer.explanations.slice(0, 2).map((explanation) => explanation.code)).toEqual(['NOT_FOUND', 'FORBIDDEN']);
    expect(codes[0]?.responsePaths).toEqual(['order (line 2, column 3)']);
    expect(codes[1]?.responsePaths).toEqual(['viewer.customer.email (line 5, column 5)']);
    expect(codes[1]?.values).toEqual({ field: 'customer.email' });
    // Errors with 200: never "the request succeeded".
    expect(codes.every((explanation) => explanation.errorsWithSuccess)).toBe(true);
    expect(answer.explanations.map((explanation) => explanation.retry ?? '').join(' ')).not.toMatch(/succeeded/);
  });

  test('RATE_LIMITED with 200 (execution): its own context and the wait from errors[].extensions', () => {
    const answer = ask(BUDGET_200);
    const [first] = answer.explanations;
    expect(first).toMatchObject({ code: 'RATE_LIMITED', status: 200, errorsWithSuccess: true });
    expect(first?.statusContext?.layer).toBe('execution');
    expect(first?.retryAfter).toEqual({ seconds: 12, from: 'errors[].extensions.retryAfterSeconds' });
  });

  test('a status the code is not documented with is said to be so, and ranks it below', () => {
    const answer = ask(RAW_401.replace('401 Unauthorized', '503 Service Unavailable'));
    const code = answer.explanations.find((explanation) => explanation.code === 'UNAUTHENTICATED');
    expect(code?.statusNotDocumented).toBe('UNAUTHENTICATED is documented with 401 and 200, not with 503.');
    expect(code?.status).toBe(401);
  });

  // A code whose status depends on the operation: PERSISTED_QUERY_NOT_FOUND comes with 200 from
  // POST /graphql and with 404 from GET /graphql/persisted/{hash} (statuses[].operations).
  const GATEWAY_BODY =
    '{ "error": { "code": "PERSISTED_QUERY_NOT_FOUND", "message": "PersistedQueryNotFound" }, "requestId": "gw_7c1d" }';
  const GRAPHQL_BODY =
    '{ "errors": [ { "message": "PersistedQueryNotFound", "extensions": { "code": "PERSISTED_QUERY_NOT_FOUND" } } ], "data": null }';
  test.each([
    {
      paste: `GET https://api.larkspur.example/graphql/persisted/9f86d081\n${GATEWAY_BODY}`,
      status: 404,
      when: 'The gateway has no persisted query under the hash in the path.',
      other: 200,
    },
    {
      paste: `GET /graphql/persisted/9f86d081 PERSISTED_QUERY_NOT_FOUND`,
      status: 404,
      when: 'The gateway has no persisted query under the hash in the path.',
      other: 200,
    },
    {
      paste: `POST https://api.larkspur.example/graphql\n${GRAPHQL_BODY}`,
      status: 200,
      when: 'A query sent by its hash alone is not registered yet.',
      other: 404,
    },
  ])('a pasted request line picks the status context limited to its operation: $status for $paste', (row) => {
    const answer = ask(row.paste);
    const [first] = answer.explanations;
    expect(answer.request?.operation).toBeDefined();
    expect(first).toMatchObject({ code: 'PERSISTED_QUERY_NOT_FOUND', status: row.status });
    expect(first?.statusContext?.when).toBe(row.when);
    expect(first?.otherStatuses?.map((entry) => entry.status)).toEqual([row.other]);
    expect(first?.statusNotDocumented).toBeUndefined();
  });

  test('without a request line, the main context is explained; the operation context ranks above it', () => {
    const alone = ask(GATEWAY_BODY).explanations.find((entry) => entry.code === 'PERSISTED_QUERY_NOT_FOUND');
    const withRequest = ask(`GET https://api.larkspur.example/graphql/persisted/9f86d081\n${GATEWAY_BODY}`)
      .explanations[0];
    expect(alone?.status).toBe(200);
    expect(withRequest?.status).toBe(404);
    // Retry for this call is the 404 context's advice, not the 200 context's note.
    expect(withRequest?.retry).toBe('For this GET /graphql/persisted/{hash}: do not retry.');
    expect(withRequest!.score).toBeGreaterThan(alone!.score);
  });

  // INTERNAL_SERVER_ERROR: queries may be retried with backoff, mutations not (forOperations: queries).
  const exchange = (body: string) =>
    [
      'POST /graphql HTTP/1.1',
      'Host: api.larkspur.example',
      'Content-Type: application/json',
      '',
      body,
      '',
      'HTTP/1.1 200 OK',
      'Content-Type: application/json',
      '',
      '{"errors":[{"message":"Unexpected error.","path":["order"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}',
    ].join('\n');
  test.each([
    {
      kind: 'a mutation',
      body: '{"query":"mutation CancelOrder { cancelOrder(id: \\"ord_1\\") { id } }"}',
      retry: 'For this POST /graphql (a mutation): do not retry.',
      retryable: false,
    },
    {
      kind: 'a query',
      body: '{"query":"{ order(id: 1) { id } }"}',
      retry:
        'For this POST /graphql (a query): retry with exponential backoff (start at 1 s, ×2 each try, at most 4 tries in all).',
      retryable: true,
    },
    {
      kind: 'a call whose document was not pasted',
      body: '',
      retry:
        'For this POST /graphql: for GraphQL queries: retry with exponential backoff (start at 1 s, ×2 each try, at most 4 tries in all). Mutations: do not retry.',
      retryable: true,
    },
  ])('the pasted request tells a query from a mutation: $kind', ({ body, retry, retryable }) => {
    const [first] = ask(exchange(body)).explanations;
    expect(first).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', status: 200, retry, retryable });
  });

  test('a context limited to no operation still applies to every one, and the pasted status picks it', () => {
    const answer = ask(RAW_401.replace('HTTP/1.1 401', 'POST https://api.larkspur.example/graphql\n\nHTTP/1.1 401'));
    expect(answer.request?.operation).toBeDefined();
    expect(answer.explanations[0]).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });
});
