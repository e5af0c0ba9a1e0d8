/**
 * `error-catalog import openapi`, run as a user would on OpenAPI fixtures written for these tests
 * (tests/fixtures/openapi/): 3.1 YAML with $refs across components, a oneOf error schema and a
 * `default` response; 3.0 JSON with problem+json bodies and x-error-codes. Checks what lands in the
 * catalog, the merge rules of a second import, --dry-run, and every kind of bad input.
 */
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { copyCatalog, emptyFolder, runCli } from './run-cli';

const SHOP = 'tests/fixtures/openapi/shop-3.1.yaml';
const LEDGER = 'tests/fixtures/openapi/ledger-3.0.json';
const UNDOCUMENTED = 'Not documented in the OpenAPI description yet.';

beforeAll(async () => {
  await runCli(['--version']);
}, 60_000);

const yamlOf = (path: string) => parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

describe('import openapi into a new catalog', () => {
  test('3.1 YAML: statuses, one envelope per error body format (oneOf), codes from the enum and x-error-codes; the result passes check', async () => {
    const dir = `${emptyFolder()}/errors`;
    const result = await runCli(['import', 'openapi', SHOP, '--catalog', dir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.replaceAll(dir, '<dir>')).toMatchInlineSnapshot(`
      "Imported tests/fixtures/openapi/shop-3.1.yaml (OpenAPI 3.1: 3 operations with 7 error responses) into <dir>/:
        added (18):
          api.yaml
          envelope error (Error)
          envelope validation-error (ValidationError)
          surface tiny-shop
          status 200
          status 201
          status 204
          status 404
          status 409
          status 422
          status 429
          status 500
          code internal
          code order_not_found
          code order_shipped
          code rate_limited
          code validation_failed
          3 operations of surface tiny-shop
        Wrote 7 files: <dir>/api.yaml, <dir>/codes/tiny-shop.yaml, <dir>/envelopes/error.yaml, <dir>/envelopes/validation-error.yaml, <dir>/operations/tiny-shop.yaml, <dir>/statuses/statuses.yaml, <dir>/surfaces/tiny-shop.yaml. The catalog passes check.
        Where the description gives no words, the catalog says "Not documented in the OpenAPI description yet.": search for it and write what the API means.
      "
    `);
    expect(yamlOf(`${dir}/api.yaml`)).toEqual({
      name: 'Tiny Shop API',
      description: 'Orders and carts of the tiny shop.',
      intro:
        'Every error of the Tiny Shop API is a JSON object with an error member (its code never changes; its message may) and a requestId to quote to support.\n\nValidation errors add error.fields, a map from each invalid field to its messages.',
    });
    expect(yamlOf(`${dir}/surfaces/tiny-shop.yaml`)).toEqual({
      name: 'Tiny Shop API',
      description: 'Orders and carts of the tiny shop.',
      baseUrl: 'https://api.shop.example/v2',
      envelopes: ['error', 'validation-error'],
    });
    // $ref across components: the 404 response (components/responses) → Error → ErrorDetail → ErrorCode.
    const error = yamlOf(`${dir}/envelopes/error.yaml`);
    expect(error['fields']).toEqual({ code: 'error.code', message: 'error.message', requestId: 'requestId' });
    expect(error['declaration']).toContain(
      'code: "order_not_found" | "order_shipped" | "validation_failed" | "rate_limited" | "internal";',
    );
    expect(
      (error['examples'] as Array<{ title: string; status: number }>).map((example) => [example.status, example.title]),
    ).toEqual([
      [404, 'The order does not exist.'],
      [409, 'Order already shipped'],
      [429, 'Too many requests; wait for the number of seconds in Retry-After.'],
    ]);
    // The oneOf branch with per-field errors is its own format, named after its component.
    const validation = yamlOf(`${dir}/envelopes/validation-error.yaml`);
    expect(validation['name']).toBe('ValidationError');
    expect(validation['fields']).toEqual({
      code: 'error.code',
      message: 'error.message',
      fieldErrors: 'error.fields.<field>[]',
      requestId: 'requestId',
    });
    expect(validation['examples']).toEqual([
      expect.objectContaining({ title: 'Invalid fields', kind: 'validation', status: 422 }),
    ]);
    const statuses = (yamlOf(`${dir}/statuses/statuses.yaml`)['statuses'] as Array<Record<string, unknown>>).map(
      (s) => [s['status'], s['reason'], s['meaning']],
    );
    expect(statuses).toEqual([
      [200, 'OK', 'The order.'],
      [201, 'Created', 'Created.'],
      [204, 'No Content', 'Cancelled.'],
      [404, 'Not Found', 'The order does not exist.'],
      [409, 'Conflict', 'The order can no longer be cancelled.'],
      [422, 'Unprocessable Content', 'The order is invalid.'],
      [429, 'Too Many Requests', 'Too many requests; wait for the number of seconds in Retry-After.'],
      [500, 'Internal Server Error', 'Something failed on our side.'],
    ]);
    const codes = yamlOf(`${dir}/codes/tiny-shop.yaml`)['codes'] as Array<Record<string, unknown>>;
    expect(codes.map((code) => [code['code'], code['status'], code['message'], code['cause']])).toEqual([
      ['internal', 500, 'Something went wrong on our side.', 'An unexpected failure in the shop service.'],
      ['order_not_found', 404, 'Order ord_404 not found.', 'No order has this id for your shop.'],
      ['order_shipped', 409, 'Order ord_7 has shipped and cannot be cancelled.', 'The order left the warehouse.'],
      ['rate_limited', 429, 'Slow down.', 'You sent more requests than your plan allows.'],
      ['validation_failed', 422, '2 fields of the order are invalid.', 'One or more fields break a rule.'],
    ]);
    expect(codes[0]).toMatchObject({
      name: 'INTERNAL',
      resolution: 'Retry with backoff; quote the requestId to support if it persists.',
    });
    expect(codes[1]!['resolution']).toBe(UNDOCUMENTED);
    // Operations: every status they answer with, the codes of those statuses, the envelope where it differs.
    expect(yamlOf(`${dir}/operations/tiny-shop.yaml`)).toEqual({
      surface: 'tiny-shop',
      operations: [
        {
          method: 'GET',
          path: '/v2/orders/{orderId}',
          id: 'getOrder',
          summary: 'Read an order',
          statuses: [200, 404],
          codes: ['order_not_found'],
        },
        {
          method: 'DELETE',
          path: '/v2/orders/{orderId}',
          id: 'cancelOrder',
          summary: 'Cancel an order',
          statuses: [204, 404, 409],
          codes: ['order_not_found', 'order_shipped'],
        },
        {
          method: 'POST',
          path: '/v2/orders',
          id: 'createOrder',
          summary: 'Place an order',
          statuses: [201, 422, 429],
          codes: ['validation_failed', 'rate_limited'],
          envelopes: { '422': 'validation-error' },
        },
      ],
    });
    expect((await runCli(['check', dir])).code).toBe(0);
  });

  test('3.0 JSON with problem+json bodies and x-error-codes, added beside another surface; a second import changes nothing', async () => {
    const dir = `${emptyFolder()}/errors`;
    await runCli(['import', 'openapi', SHOP, '-C', dir]);
    const result = await runCli(['import', 'openapi', LEDGER, '-C', dir, '--surface', 'ledger']);
    expect(result.code).toBe(0);
    expect(result.stdout.replaceAll(dir, '<dir>')).toMatchInlineSnapshot(`
      "Imported tests/fixtures/openapi/ledger-3.0.json (OpenAPI 3.0: 2 operations with 4 error responses) into <dir>/:
        added (6):
          envelope problem (Problem)
          surface ledger
          status 503
          code 4100
          code 4201
          2 operations of surface ledger
        left out (1):
          error bodies of type text/plain: only JSON bodies become envelopes
        already in the catalog: 4 entries
        Wrote 5 files: <dir>/codes/ledger.yaml, <dir>/envelopes/problem.yaml, <dir>/operations/ledger.yaml, <dir>/statuses/statuses.yaml, <dir>/surfaces/ledger.yaml. The catalog passes check.
        Where the description gives no words, the catalog says "Not documented in the OpenAPI description yet.": search for it and write what the API means.
      "
    `);
    const problem = yamlOf(`${dir}/envelopes/problem.yaml`);
    expect(problem).toMatchObject({
      name: 'Problem',
      mediaType: 'application/problem+json',
      fields: { code: 'code', status: 'status', message: 'detail', title: 'title', requestId: 'traceId' },
    });
    expect(yamlOf(`${dir}/surfaces/ledger.yaml`)).toMatchObject({
      envelopes: ['problem'],
      baseUrl: 'https://ledger.example/v1',
    });
    expect(yamlOf(`${dir}/codes/ledger.yaml`)['codes']).toEqual([
      {
        code: 4100,
        name: 'BALANCE_NOT_FOUND',
        status: 404,
        message: 'Balance {balanceId} not found.',
        cause: UNDOCUMENTED,
        resolution: UNDOCUMENTED,
      },
      {
        code: 4201,
        name: 'INSUFFICIENT_BALANCE',
        status: 409,
        message: 'Balance {balanceId} has {available} available, {requested} requested.',
        cause: 'The movement is larger than the available balance (holds are subtracted).',
        resolution: 'Post a smaller movement, or release a hold first.',
      },
    ]);
    expect(yamlOf(`${dir}/operations/ledger.yaml`)['operations']).toEqual([
      { method: 'GET', path: '/v1/balances/{balanceId}', id: 'getBalance', statuses: [200, 404], codes: ['4100'] },
      { method: 'POST', path: '/v1/movements', id: 'postMovement', statuses: [201, 409, 503], codes: ['4201'] },
    ]);
    expect((await runCli(['check', dir])).code).toBe(0);
    const snapshot = (files: string[]) => files.map((file) => readFileSync(`${dir}/${file}`, 'utf8'));
    const files = [
      'api.yaml',
      'codes/ledger.yaml',
      'codes/tiny-shop.yaml',
      'envelopes/problem.yaml',
      'statuses/statuses.yaml',
    ];
    const before = snapshot(files);
    const again = await runCli(['import', 'openapi', LEDGER, '-C', dir, '--surface', 'ledger']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing to change: the catalog already holds everything imported.');
    expect(snapshot(files)).toEqual(before);
  });
});

test("a schema in another file gets the file's name; an `id` that names the error is its code", async () => {
  const dir = `${emptyFolder()}/errors`;
  const result = await runCli(['import', 'openapi', 'tests/fixtures/openapi/multi-file/openapi.yaml', '-C', dir]);
  expect(result.code).toBe(0);
  expect(yamlOf(`${dir}/envelopes/error.yaml`)).toMatchObject({
    name: 'Error',
    fields: { code: 'id', message: 'message' },
  });
  // x-error-codes lists the code; the example gives it its message.
  expect(yamlOf(`${dir}/codes/multi-file.yaml`)['codes']).toEqual([
    { code: 'not_found', status: 404, message: 'Thing 7 not found.', cause: UNDOCUMENTED, resolution: UNDOCUMENTED },
  ]);
});

describe('merging never destroys', () => {
  test("keeps hand-written fields and comments, reports conflicts, fills what is missing and replaces only the import's own placeholder", async () => {
    const start = `${emptyFolder()}/errors`;
    await runCli(['import', 'openapi', LEDGER, '-C', start, '--surface', 'ledger']);
    const dir = copyCatalog(start);
    const codesFile = `${dir}/codes/ledger.yaml`;
    // An author edits the imported catalog: a comment, their own words, another status, a removed name.
    writeFileSync(
      codesFile,
      readFileSync(codesFile, 'utf8')
        .replace('codes:\n', 'codes:\n  # Ledger codes: reviewed by the payments team.\n')
        .replace(
          'resolution: Post a smaller movement, or release a hold first.',
          'resolution: Split the movement, or release a hold. (Ask finance first.)',
        )
        .replace('    name: INSUFFICIENT_BALANCE\n    status: 409', '    status: 404'),
    );
    const operationsFile = `${dir}/operations/ledger.yaml`;
    writeFileSync(
      operationsFile,
      readFileSync(operationsFile, 'utf8').replace('statuses: [201, 409, 503]', 'statuses: [201, 404, 409, 503]'),
    );
    // The description now documents why 4100 happens.
    const spec = JSON.parse(readFileSync(LEDGER, 'utf8'));
    spec.components.responses.BalanceNotFound['x-error-codes'][0].description =
      'No balance has this id in this ledger.';
    const specFile = `${emptyFolder()}/ledger.json`;
    writeFileSync(specFile, JSON.stringify(spec));
    const result = await runCli(['import', 'openapi', specFile, '-C', dir, '--surface', 'ledger']);
    expect(result.code).toBe(0);
    expect(result.stdout.replaceAll(dir, '<dir>').replaceAll(specFile, '<spec>')).toMatchInlineSnapshot(`
      "Imported <spec> (OpenAPI 3.0: 2 operations with 4 error responses) into <dir>/:
        filled in (2):
          code 4100: cause
          code 4201: name
        conflicts, the catalog kept as written (2):
          code 4201 (<dir>/codes/ledger.yaml:10): the description (x-error-codes of POST /movements 409) says status 409, the catalog says 404; the catalog's value was kept
          code 4201 (<dir>/codes/ledger.yaml:10): the description (x-error-codes of POST /movements 409) says resolution "Post a smaller movement, or release a hold first.", the catalog says "Split the movement, or release a hold. (Ask finance first.)"; the catalog's value was kept
        left out (1):
          error bodies of type text/plain: only JSON bodies become envelopes
        already in the catalog: 8 entries
        Wrote 1 file: <dir>/codes/ledger.yaml. The catalog passes check.
      "
    `);
    const text = readFileSync(codesFile, 'utf8');
    expect(text).toContain('  # Ledger codes: reviewed by the payments team.\n');
    expect(text).toContain('resolution: Split the movement, or release a hold. (Ask finance first.)');
    const codes = parse(text).codes as Array<Record<string, unknown>>;
    expect(codes[1]).toMatchObject({ code: 4201, status: 404, name: 'INSUFFICIENT_BALANCE' });
    expect(codes[0]).toMatchObject({
      code: 4100,
      cause: 'No balance has this id in this ledger.',
      resolution: UNDOCUMENTED,
    });
    expect((await runCli(['check', dir])).code).toBe(0);
  });

  test('--dry-run prints a unified diff and writes nothing', async () => {
    const dir = copyCatalog('tests/fixtures/minimal-catalog');
    const before = readFileSync(`${dir}/statuses/statuses.yaml`, 'utf8');
    const result = await runCli(['import', 'openapi', SHOP, '-C', dir, '--surface', 'shop', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`--- a/${dir}/statuses/statuses.yaml\n+++ b/${dir}/statuses/statuses.yaml\n`);
    expect(result.stdout).toContain(`--- /dev/null\n+++ b/${dir}/envelopes/error.yaml\n`);
    expect(result.stdout).toContain('+  - status: 422\n');
    expect(result.stdout).toContain('Dry run: nothing was written;');
    expect(readFileSync(`${dir}/statuses/statuses.yaml`, 'utf8')).toBe(before);
    expect(existsSync(`${dir}/envelopes/error.yaml`)).toBe(false);
  });

  test('codes the build would refuse are left out with its reason (a symbolic code in a numbered space)', async () => {
    const dir = copyCatalog('tests/fixtures/minimal-catalog');
    const result = await runCli(['import', 'openapi', SHOP, '-C', dir, '--surface', 'shop']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  left out (5):\n');
    expect(result.stdout).toContain('    operation POST /v2/orders\n');
    expect(result.stdout).toContain(
      'code order_not_found: code "order_not_found" is not numeric, but code space "shop" is divided into numeric ranges',
    );
    expect((await runCli(['check', dir])).code).toBe(0);
  });
});

describe('bad input: one paragraph on stderr, exit 2, nothing written', () => {
  const cases: Array<[string, () => string, RegExp]> = [
    [
      'a missing file',
      () => 'tests/fixtures/openapi/nope.yaml',
      /^error: There is no file at tests\/fixtures\/openapi\/nope\.yaml\. Check the path/,
    ],
    [
      'a file that is not OpenAPI',
      () => 'tests/fixtures/openapi/not-openapi.yaml',
      /is not an OpenAPI description: it has no openapi: field at its top/,
    ],
    [
      'a Swagger 2.0 description',
      () => 'tests/fixtures/openapi/swagger-2.json',
      /is a Swagger 2\.0 description; error-catalog imports OpenAPI 3\.0 and 3\.1\. Convert it first/,
    ],
    [
      'a $ref to nothing',
      () => 'tests/fixtures/openapi/missing-ref.yaml',
      /is not a valid OpenAPI 3\.0 description: Missing \$ref pointer "#\/components\/schemas\/Nope"/,
    ],
    [
      'a circular $ref',
      () => 'tests/fixtures/openapi/circular-error.yaml',
      /It has a circular \$ref \(.*#\/components\/schemas\/Loop.*\): a schema that refers to itself describes no body that can be read\./,
    ],
    [
      'a 50 MB description',
      () => {
        const file = `${emptyFolder()}/huge.yaml`;
        writeFileSync(file, '');
        truncateSync(file, 50 * 1024 * 1024);
        return file;
      },
      /is 50\.0 MB; error-catalog reads OpenAPI descriptions of up to 25\.0 MB, so nothing was read or written\. .*--max-size <MB>/,
    ],
    [
      'text that is not UTF-8',
      () => {
        const file = `${emptyFolder()}/latin1.yaml`;
        writeFileSync(
          file,
          Buffer.concat([
            Buffer.from('openapi: 3.1.0\ninfo: { title: "Caf'),
            Buffer.from([0xe9]),
            Buffer.from('", version: "1" }\n'),
          ]),
        );
        return file;
      },
      /is not UTF-8 text: line 2 holds bytes that are not UTF-8/,
    ],
    [
      'broken YAML',
      () => {
        const file = `${emptyFolder()}/broken.yaml`;
        writeFileSync(file, 'openapi: 3.1.0\ninfo: { title: "Oops, version: 1\n');
        return file;
      },
      /is not valid YAML \(line \d+, column \d+\)/,
    ],
  ];
  test.each(cases)('%s', async (_name, makeFile, message) => {
    const dir = `${emptyFolder()}/errors`;
    const result = await runCli(['import', 'openapi', makeFile(), '-C', dir]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(dir)).toBe(false);
  });
});
