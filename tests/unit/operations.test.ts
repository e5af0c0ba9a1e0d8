/**
 * Operations in the model: what the schema accepts and fills in, what the default catalog and the
 * examples declare (the examples only what their seed states), how the model resolves references,
 * the queries pages use ("Returned by", the envelope of a status) and the catalog.json entries.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog';
import type { Catalog, Operation } from '../../src/catalog/model';
import {
  codeStatusesForOperation,
  envelopeOfOperation,
  operationByKey,
  operationCodesOfStatus,
  operationLabel,
  operationsOfCode,
  operationsOfStatus,
  operationsOfSurface,
} from '../../src/catalog/queries';
import { absoluteUrl } from '../../src/publishing/absolute-url';
import { codeSchema } from '../../src/schemas/code';
import { catalogExport } from '../../src/publishing/catalog-export';
import {
  idempotencyDetailSchema,
  operationDeprecationSchema,
  operationSchema,
  requestHeaderDetailSchema,
} from '../../src/schemas/operation';

const catalog = loadCatalog('catalog');
const find = (from: Catalog, label: string): Operation => {
  const found = from.operations.find((operation) => operationLabel(operation) === label);
  if (!found) throw new Error(`no operation ${label}`);
  return found;
};

describe('the operation schema', () => {
  test('fills in what an author may leave out, and expands the short forms', () => {
    const parsed = operationSchema.parse({
      method: 'POST',
      path: '/v2/charges',
      idempotency: 'key',
      requestHeaders: ['Pajaro-Version', { name: 'Idempotency-Key', required: true }],
      codes: [1201, '1202'],
    });
    expect(parsed).toEqual({
      method: 'POST',
      path: '/v2/charges',
      idempotency: { kind: 'key' },
      statuses: [],
      codes: ['1201', '1202'],
      envelopes: {},
      requestHeaders: [
        { name: 'Pajaro-Version', required: false },
        { name: 'Idempotency-Key', required: true },
      ],
      changes: [],
    });
  });

  test('refuses a lower-case method, an unknown field and a malformed path', () => {
    expect(operationSchema.safeParse({ method: 'post', path: '/a' }).success).toBe(false);
    expect(operationSchema.safeParse({ method: 'GET', path: '/a', verb: 'GET' }).success).toBe(false);
    const malformed = operationSchema.safeParse({ method: 'GET', path: '/a/:id' });
    expect(malformed.success).toBe(false);
    expect(malformed.error?.issues[0]?.message).toBe(
      'path "/a/:id" writes a parameter as ":id"; write parameters in braces: {id} (/a/{id})',
    );
  });
});

describe('the default catalog', () => {
  test('declares at least 15 operations on each of its three surfaces', () => {
    expect(catalog.operations.length).toBeGreaterThanOrEqual(15);
    for (const surface of catalog.surfaces) expect(operationsOfSurface(catalog, surface.id).length).toBeGreaterThan(3);
  });

  test('uses every field of the operation files, and every idempotency kind', () => {
    const raw = readdirSync('catalog/operations').flatMap(
      (name) =>
        (
          parse(readFileSync(join('catalog/operations', name), 'utf8')) as {
            operations: Array<Record<string, unknown>>;
          }
        ).operations,
    );
    const used = (key: string) => raw.some((entry) => entry[key] !== undefined);
    for (const key of Object.keys(operationSchema.shape)) expect(used(key), key).toBe(true);
    const details = raw.flatMap((entry) => (typeof entry.idempotency === 'object' ? [entry.idempotency] : []));
    for (const key of Object.keys(idempotencyDetailSchema.shape))
      expect(
        details.some((detail) => (detail as Record<string, unknown>)[key] !== undefined),
        key,
      ).toBe(true);
    const headers = raw.flatMap((entry) => (entry.requestHeaders as unknown[] | undefined) ?? []);
    expect(headers.some((header) => typeof header === 'string')).toBe(true);
    for (const key of Object.keys(requestHeaderDetailSchema.shape))
      expect(
        headers.some((header) => typeof header === 'object' && (header as Record<string, unknown>)[key] !== undefined),
        key,
      ).toBe(true);
    const deprecations = raw.flatMap((entry) =>
      entry.deprecated ? [entry.deprecated as Record<string, unknown>] : [],
    );
    for (const key of Object.keys(operationDeprecationSchema.shape))
      expect(
        deprecations.some((entry) => entry[key] !== undefined),
        key,
      ).toBe(true);
    const kinds = new Set(catalog.operations.filter((op) => op.idempotency.stated).map((op) => op.idempotency.kind));
    expect([...kinds].sort()).toEqual(['always', 'key', 'method', 'none']);
  });

  test('orders operations by surface, then path, then method', () => {
    const gateway = operationsOfSurface(catalog, 'gateway').map(operationLabel);
    expect(gateway.slice(0, 3)).toEqual(['GET /v2/charges', 'POST /v2/charges', 'GET /v2/charges/{chargeId}']);
    expect(catalog.operations.map((operation) => operation.surface)).toEqual(
      [...catalog.operations]
        .sort(
          (a, b) =>
            catalog.surfaces.findIndex((s) => s.id === a.surface) -
            catalog.surfaces.findIndex((s) => s.id === b.surface),
        )
        .map((operation) => operation.surface),
    );
  });

  test('resolves codes to keys, sorted by status and code, and sorts the statuses', () => {
    const capture = find(catalog, 'POST /v2/charges/{chargeId}/capture');
    expect(capture.key).toBe('gateway/capturecharge');
    expect(capture.id).toBe('captureCharge');
    expect(capture.statuses).toEqual([200, 401, 404, 409, 429, 500, 502, 504]);
    expect(capture.codes).toEqual([
      'core:1400',
      'core:1401',
      'core:1200',
      'core:1004',
      'core:1005',
      'core:1206',
      'core:1207',
      'core:1006',
      'core:1009',
      'core:1208',
      'core:1209',
    ]);
    expect(operationCodesOfStatus(catalog, capture, 409).map((code) => code.code)).toEqual([
      '1004',
      '1005',
      '1206',
      '1207',
    ]);
  });

  test('a bare code on the ledger surface is a ledger code, not the gateway code of the same number', () => {
    expect(find(catalog, 'PATCH /v1/accounts/{accountId}').codes).toContain('ledger:1001');
    expect(find(catalog, 'PATCH /v1/accounts/{accountId}').codes).not.toContain('core:1001');
  });

  test('fills in the idempotency of operations that state none, and the default key header', () => {
    expect(find(catalog, 'GET /v2/charges/{chargeId}').idempotency).toEqual({ kind: 'method', stated: false });
    expect(find(catalog, 'POST /v2/charges/{chargeId}/capture').idempotency).toEqual({
      kind: 'key',
      header: 'Idempotency-Key',
      stated: true,
    });
    expect(find(catalog, 'POST /v2/charges/{chargeId}/cancel').idempotency.kind).toBe('always');
  });

  test('answers each status in its own envelope where it differs from the surface default', () => {
    const invite = find(catalog, 'POST /api/team/invitations');
    expect(invite.envelopes).toEqual({ 422: 'form-error' });
    expect(envelopeOfOperation(catalog, invite, 422).id).toBe('form-error');
    expect(envelopeOfOperation(catalog, invite, 409).id).toBe('pajaro-error');
    expect(envelopeOfOperation(catalog, find(catalog, 'POST /v1/movements'), 409).id).toBe('problem-details');
  });

  test('resolves a deprecated operation to its replacement', () => {
    const old = find(catalog, 'POST /v2/charges/{chargeId}/refund');
    expect(old.deprecated).toEqual({
      since: '2025-09',
      replacedBy: 'gateway/createrefund',
      note: expect.stringContaining('2027-01'),
    });
    expect(operationLabel(operationByKey(catalog, old.deprecated!.replacedBy!))).toBe('POST /v2/refunds');
  });

  test('knows which operations return a code and which list a status ("Returned by")', () => {
    expect(operationsOfCode(catalog, 'core:1201').map(operationLabel)).toEqual(['POST /v2/charges']);
    expect(operationsOfCode(catalog, 'core:1405').every((operation) => operation.surface === 'console')).toBe(true);
    expect(operationsOfCode(catalog, 'ledger:4201').map(operationLabel)).toEqual([
      'POST /v1/holds/{holdId}/capture',
      'POST /v1/movements',
      'POST /v1/payouts',
    ]);
    expect(operationsOfStatus(catalog, 423).map(operationLabel)).toEqual(['POST /v1/movements']);
    expect(operationsOfStatus(catalog, 304)).toEqual([]);
  });
});

describe('the example catalogs declare operations only where their seed states them', () => {
  test('Migrayt: the three endpoints of seed 000, with no statuses or codes the seed does not give', () => {
    const migrayt = loadCatalog('examples/migrayt');
    expect(migrayt.operations.map(operationLabel)).toEqual([
      'POST /api/auth/login',
      'POST /api/auth/refresh',
      'POST /api/migrations/project/{projectId}/start',
    ]);
    for (const operation of migrayt.operations) {
      expect(operation.statuses).toEqual([]);
      expect(operation.codes).toEqual([]);
    }
    const start = find(migrayt, 'POST /api/migrations/project/{projectId}/start');
    expect(start.idempotency.kind).toBe('always');
    expect(start.idempotency.note).toContain('within a session');
    expect(start.summary).toBeUndefined();
    expect(find(migrayt, 'POST /api/auth/refresh').idempotency.stated).toBe(false);
  });

  test.each(['cutover', 'migo', 'tracker'])('%s: none, as its seed names no method and path', (name) => {
    expect(loadCatalog(`examples/${name}`).operations).toEqual([]);
  });
});

test('catalog.json lists every operation with its envelope per status and absolute URL', () => {
  const exported = catalogExport(catalog, (route) => absoluteUrl(route, '/docs/errors/', 'https://docs.example.com'));
  expect(exported.operations).toHaveLength(catalog.operations.length);
  const invite = exported.operations.find((operation) => operation.key === 'console/inviteteammember')!;
  expect(invite).toMatchObject({
    method: 'POST',
    path: '/api/team/invitations',
    id: 'inviteTeamMember',
    idempotency: { kind: 'method', header: null, note: null, stated: false },
    envelopes: { '201': 'pajaro-error', '422': 'form-error' },
    deprecated: null,
    url: 'https://docs.example.com/docs/errors/operations/console/inviteteammember/',
  });
  const json = JSON.parse(JSON.stringify(exported));
  for (const operation of json.operations) expect(Object.keys(operation)).toEqual(Object.keys(json.operations[0]));
  expect(exported.urls.operations).toBe('https://docs.example.com/docs/errors/operations/');
});

describe('a status context limited to operations (statuses[].operations)', () => {
  // tests/fixtures/graphql-catalog: PERSISTED_QUERY_NOT_FOUND comes with 200 from POST /graphql and
  // with 404 from GET /graphql/persisted/{hash}; UNAUTHENTICATED's contexts name no operation.
  const graph = loadCatalog('tests/fixtures/graphql-catalog');
  const code = (name: string) => graph.codes.find((entry) => entry.code === name)!;
  const post = find(graph, 'POST /graphql');
  const get = find(graph, 'GET /graphql/persisted/{hash}');
  const codesOf = (operation: Operation, status: number) =>
    operationCodesOfStatus(graph, operation, status).map((entry) => entry.code);

  test('the schema takes operation references, and refuses an empty list', () => {
    const base = { code: 'X', message: 'M.', cause: 'C.' };
    const parsed = codeSchema.parse({ ...base, statuses: [{ status: 404, operations: [' GET /a '] }] });
    expect(parsed.statuses?.[0]?.operations).toEqual(['GET /a']);
    const refused = codeSchema.safeParse({ ...base, statuses: [{ status: 404, operations: [] }] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('name at least one operation, or leave operations: out for all');
  });

  test('the model resolves each reference to its operation key, and leaves unlimited contexts unlimited', () => {
    expect(code('PERSISTED_QUERY_NOT_FOUND').statuses.map((entry) => [entry.status, entry.operations])).toEqual([
      [200, [post.key]],
      [404, [get.key]],
    ]);
    expect(code('UNAUTHENTICATED').statuses.every((entry) => entry.operations === undefined)).toBe(true);
  });

  test('a context naming an operation makes it return the code, listed under that status only', () => {
    expect(post.codes).toContain('graph:PERSISTED_QUERY_NOT_FOUND');
    expect(operationsOfCode(graph, 'graph:PERSISTED_QUERY_NOT_FOUND').map(operationLabel)).toEqual([
      'POST /graphql',
      'GET /graphql/persisted/{hash}',
    ]);
    expect(codesOf(post, 200)).toContain('PERSISTED_QUERY_NOT_FOUND');
    expect(codesOf(get, 200)).not.toContain('PERSISTED_QUERY_NOT_FOUND');
    expect(codesOf(get, 404)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    // A context limited to no operation applies to every operation of its surfaces.
    expect(codesOf(get, 401)).toEqual(['UNAUTHENTICATED']);
    expect(codeStatusesForOperation(code('UNAUTHENTICATED'), post).map((entry) => entry.status)).toEqual([401, 200]);
  });

  test('catalog.json names the operations of each status context', () => {
    const exported = catalogExport(graph, (route) => absoluteUrl(route, '/', 'https://docs.example.com'));
    const entry = exported.codes.find((candidate) => candidate.code === 'PERSISTED_QUERY_NOT_FOUND')!;
    expect(entry.statuses.map((context) => context.operations)).toEqual([[post.key], [get.key]]);
    const unlimited = exported.codes.find((candidate) => candidate.code === 'UNAUTHENTICATED')!;
    expect(unlimited.statuses.map((context) => context.operations)).toEqual([null, null]);
  });
});
