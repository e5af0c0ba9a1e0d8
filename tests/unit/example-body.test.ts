import { describe, expect, test } from 'vitest';
import {
  buildExampleBody,
  envelopeFitsCode,
  fillTemplate,
  placeholderSample,
  setAtPath,
  type Json,
} from '../../src/view/example-body';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { codeTitle, envelopesOfSurfaces, statusByNumber } from '../../src/catalog/queries';
import type { Envelope } from '../../src/catalog/model';
import { evaluateFieldPath } from '../../src/schemas/field-path';

type EnvelopeShape = Pick<Envelope, 'fields' | 'examples'>;

const errorsArray: EnvelopeShape = {
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
      kind: 'error',
      status: 404,
      body: '{ "status": 404, "requestId": "req_7Hq2LmX9", "errors": [ { "code": "1101", "message": "Customer cus_1029 not found." } ] }',
    },
  ],
};

const reasons: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Content',
};
const reasonOf = (status: number) => reasons[status];

describe('buildExampleBody', () => {
  test('fills an errors[] envelope with the code as a string, the filled message and the sample request id, in the example key order', () => {
    const { body, json } = buildExampleBody(errorsArray, {
      code: '1101',
      title: 'Customer not found',
      status: 404,
      message: 'Customer {customerId} not found.',
      placeholders: { customerId: 'The customer id you sent, e.g. cus_1029.' },
    });
    expect(body).toEqual({
      status: 404,
      requestId: 'req_7Hq2LmX9',
      errors: [{ code: '1101', message: 'Customer cus_1029 not found.' }],
    });
    expect(Object.keys(body as object)).toEqual(['status', 'requestId', 'errors']);
    expect(JSON.parse(json)).toEqual(body);
  });

  test("a GraphQL body keeps the examples' data, path and locations, and puts no field placeholder in them", () => {
    const graphql: EnvelopeShape = {
      fields: {
        code: 'errors[].extensions.code',
        message: 'errors[].message',
        path: 'errors[].path',
        locations: 'errors[].locations',
      },
      examples: [
        {
          title: 'Field needs sign-in',
          kind: 'partial',
          status: 200,
          body: '{ "errors": [ { "message": "Not signed in", "locations": [ { "line": 3, "column": 5 } ], "path": [ "viewer", "email" ], "extensions": { "code": "UNAUTHENTICATED" } } ], "data": { "viewer": { "email": null } } }',
        },
      ],
    } as unknown as EnvelopeShape;
    const { body } = buildExampleBody(graphql, {
      code: 'FORBIDDEN',
      title: 'Forbidden',
      status: 200,
      message: 'You may not read {field}.',
      placeholders: { field: 'The field, e.g. email' },
    });
    expect(body).toEqual({
      errors: [
        {
          message: 'You may not read email.',
          locations: [{ line: 3, column: 5 }],
          path: ['viewer', 'email'],
          extensions: { code: 'FORBIDDEN' },
        },
      ],
      data: { viewer: { email: null } },
    });
  });

  test('adds the field member only when the message names a field', () => {
    const input = {
      code: '1002',
      title: 'Validation failed',
      status: 422,
      message: '{field} {problem}',
      placeholders: { field: 'Field name, e.g. amount' },
    };
    const { body } = buildExampleBody(errorsArray, input);
    expect(body).toMatchObject({ errors: [{ code: '1002', field: 'amount', message: 'amount {problem}' }] });
  });

  test('writes per-field messages into a field map at errors.<field>[]', () => {
    const formError: EnvelopeShape = {
      fields: { message: 'error', fieldErrors: 'errors.<field>[]', requestId: 'requestId' },
      examples: [
        {
          title: 'Validation',
          kind: 'validation',
          status: 422,
          body: '{ "error": "Validation failed", "requestId": "req_c0nS0le1", "errors": { "title": ["required"] } }',
        },
      ],
    };
    const { body } = buildExampleBody(formError, {
      code: '1002',
      title: 'Validation failed',
      status: 422,
      message: '{field} must be positive',
      placeholders: { field: 'e.g. amount' },
    });
    expect(body).toEqual({
      error: 'amount must be positive',
      requestId: 'req_c0nS0le1',
      errors: { amount: ['amount must be positive'] },
    });
  });

  test('leaves the field map out for a code that is not about a field', () => {
    const formError: EnvelopeShape = {
      fields: { message: 'error', fieldErrors: 'errors.<field>[]' },
      examples: [{ title: 'Error', kind: 'error', body: '{ "error": "Not found" }' }],
    };
    expect(
      buildExampleBody(formError, { code: '1101', title: 'Not found', status: 404, message: 'Customer not found.' })
        .body,
    ).toEqual({ error: 'Customer not found.' });
  });

  test("puts the code's own title in a problem-details title, since the examples' titles are not reason phrases", () => {
    const problem: EnvelopeShape = {
      fields: { status: 'status', code: 'code', title: 'title', message: 'detail', requestId: 'traceId' },
      examples: [
        {
          title: 'Insufficient balance',
          kind: 'error',
          status: 409,
          body: '{ "type": "x", "title": "Insufficient balance", "status": 409, "detail": "No.", "code": "4201", "traceId": "00-4bf9" }',
        },
      ],
    };
    const { body } = buildExampleBody(
      problem,
      { code: '4100', title: 'Account closed', status: 409, reason: 'Conflict', message: 'Account {id} is closed.' },
      { reasonOf },
    );
    expect(body).toEqual({
      title: 'Account closed',
      status: 409,
      detail: 'Account {id} is closed.',
      code: '4100',
      traceId: '00-4bf9',
    });
  });

  test('gives a problem+json body the code page as its RFC 9457 type, first as in the example', () => {
    const problem = {
      mediaType: 'application/problem+json',
      fields: { status: 'status', code: 'code' },
      examples: [
        {
          title: 'x',
          kind: 'error' as const,
          body: '{ "type": "https://e.example/codes/ledger/4201/", "status": 409, "code": "4201" }',
        },
      ],
    };
    const { json } = buildExampleBody(
      problem,
      { code: '4100', title: 't', status: 409, message: 'm' },
      { typeUri: 'https://e.example/codes/ledger/4100/' },
    );
    expect(JSON.parse(json)).toEqual({ type: 'https://e.example/codes/ledger/4100/', status: 409, code: '4100' });
    expect(json.indexOf('"type"')).toBeLessThan(json.indexOf('"status"'));
    expect(
      buildExampleBody(
        { ...problem, mediaType: 'application/json' },
        { code: '4100', title: 't', status: 409, message: 'm' },
        { typeUri: 'x' },
      ).body,
    ).not.toHaveProperty('type');
  });

  test("writes the code page at the envelope's declared type part, in any media type, and keeps the examples' instance", () => {
    const envelope = {
      mediaType: 'application/json',
      fields: { type: 'problem.type', instance: 'problem.instance', code: 'problem.code', requestId: 'request_id' },
      examples: [
        {
          title: 'x',
          kind: 'error' as const,
          body: '{ "problem": { "type": "https://docs.example/codes/billing/3102/", "code": "3102", "instance": "/v1/invoices/inv_3307" }, "request_id": "lrk-1" }',
        },
      ],
    };
    const { body } = buildExampleBody(
      envelope,
      { code: '3101', title: 'Invoice not found', status: 404, message: 'No invoice.' },
      { typeUri: 'https://docs.example/codes/billing/3101/' },
    );
    expect(body).toEqual({
      problem: {
        type: 'https://docs.example/codes/billing/3101/',
        code: '3101',
        instance: '/v1/invoices/inv_3307',
      },
      request_id: 'lrk-1',
    });
  });

  test('fills per-field members of problem details only for a code about a field', () => {
    const problem: EnvelopeShape = {
      fields: {
        status: 'status',
        code: 'code',
        message: 'detail',
        detail: 'errors[].detail',
        field: 'errors[].pointer',
      },
      examples: [
        {
          title: 'Invalid',
          kind: 'validation',
          status: 422,
          body: '{ "status": 422, "detail": "Invalid.", "code": "4001", "errors": [ { "pointer": "/amount", "detail": "must be positive" } ] }',
        },
      ],
    };
    const plain = buildExampleBody(problem, { code: '4201', title: 't', status: 409, message: 'Balance too low.' });
    expect(plain.body).toEqual({ status: 409, detail: 'Balance too low.', code: '4201' });
    const perField = buildExampleBody(problem, {
      code: '4001',
      title: 't',
      status: 422,
      message: '{field} is invalid',
      placeholders: { field: 'e.g. /amount' },
    });
    expect(perField.body).toEqual({
      status: 422,
      detail: '/amount is invalid',
      code: '4001',
      errors: [{ pointer: '/amount', detail: '/amount is invalid' }],
    });
  });

  test('puts the reason phrase in a title member whose examples hold reason phrases, and keeps a string message when examples mix shapes', () => {
    const nest: EnvelopeShape = {
      fields: { status: 'statusCode', message: 'message', title: 'error' },
      examples: [
        {
          title: 'Error',
          kind: 'error',
          status: 404,
          body: '{ "statusCode": 404, "message": "Not here", "error": "Not Found" }',
        },
        {
          title: 'Validation',
          kind: 'validation',
          status: 400,
          body: '{ "statusCode": 400, "message": ["a", "b"], "error": "Bad Request" }',
        },
      ],
    };
    const { body } = buildExampleBody(
      nest,
      { code: 'x', title: 'Run missing', status: 404, reason: 'Not Found', message: 'Run {id} not found' },
      { reasonOf },
    );
    expect(body).toEqual({ statusCode: 404, message: 'Run {id} not found', error: 'Not Found' });
  });

  test('sends the message as an array when every example does', () => {
    const arrays: EnvelopeShape = {
      fields: { message: 'message' },
      examples: [{ title: 'Validation', kind: 'validation', body: '{ "message": ["a"] }' }],
    };
    expect(
      buildExampleBody(arrays, { code: 'x', title: 't', status: 400, message: 'email must be valid' }).body,
    ).toEqual({ message: ['email must be valid'] });
  });

  test('keeps constant flags such as success: false and nested numeric codes such as error.ownCode', () => {
    const middleware: EnvelopeShape = {
      fields: { code: 'error.ownCode', message: 'error.message' },
      examples: [
        {
          title: 'Error',
          kind: 'error',
          body: '{ "success": false, "error": { "ownCode": 2002, "message": "Timeout" } }',
        },
      ],
    };
    expect(
      buildExampleBody(middleware, { code: '2005', title: 't', status: 504, message: 'Upstream timed out' }).body,
    ).toEqual({
      success: false,
      error: { ownCode: 2005, message: 'Upstream timed out' },
    });
  });

  test('survives an envelope whose examples are not JSON', () => {
    const text: EnvelopeShape = {
      fields: { code: 'code' },
      examples: [{ title: 'Plain', kind: 'error', body: 'not json' }],
    };
    expect(buildExampleBody(text, { code: '7', title: 't', status: 500, message: 'm' }).body).toEqual({ code: '7' });
  });
});

describe('envelopeFitsCode', () => {
  const validationOnly = { examples: [{ title: 'V', kind: 'validation' as const, status: 422, body: '{}' }] };
  test('a validation-only envelope carries codes about a field or with its status, and no others', () => {
    expect(envelopeFitsCode(validationOnly, { message: '{field} is required', status: 400 })).toBe(true);
    expect(envelopeFitsCode(validationOnly, { message: 'Validation failed', status: 422 })).toBe(true);
    expect(envelopeFitsCode(validationOnly, { message: 'Customer {customerId} was deleted.', status: 404 })).toBe(
      false,
    );
  });
  test('an envelope with a plain error example carries every code', () => {
    expect(
      envelopeFitsCode({ examples: [{ title: 'E', kind: 'error', body: '{}' }] }, { message: 'Gone', status: 404 }),
    ).toBe(true);
  });
});

describe('template helpers', () => {
  test.each([
    ['The customer id you sent, e.g. cus_1029.', 'cus_1029'],
    ['e.g. "EUR"', 'EUR'],
    ['Amount in cents, e.g., 5000; never negative', '5000'],
    ['The name of the field that failed.', '{name}'],
    ['The rule it broke, e.g. "must be a positive integer".', 'must be a positive integer'],
    ['The header the endpoint needs, e.g. Idempotency-Key or Pajaro-Version.', 'Idempotency-Key'],
    ['The window length, e.g. 60 seconds.', '60 seconds'],
    ['The URL, e.g. http://localhost:3000/hooks.', 'http://localhost:3000/hooks'],
    [
      'When writes resume, in ISO 8601 UTC, e.g. 2026-11-20T10:05:00Z; Retry-After holds it too.',
      '2026-11-20T10:05:00Z',
    ],
    ['The amount, e.g. 10.50 EUR.', '10.50 EUR'],
    [undefined, '{name}'],
  ])('the sample of a placeholder described as %j is %j', (description, sample) => {
    expect(placeholderSample('name', description)).toBe(sample);
  });

  test('fillTemplate replaces described placeholders and keeps the others', () => {
    expect(fillTemplate('Run {id} of {project} failed', { id: 'e.g. 8f3a-22' })).toBe(
      'Run 8f3a-22 of {project} failed',
    );
  });

  test('setAtPath shares one array element between paths with the same prefix', () => {
    const body: Record<string, Json> = {};
    setAtPath(body, 'errors[].code', '1');
    setAtPath(body, 'errors[].message', 'm');
    setAtPath(body, 'meta.trace.id', 't');
    expect(body).toEqual({ errors: [{ code: '1', message: 'm' }], meta: { trace: { id: 't' } } });
  });
});

test('every code of the default catalog, in every envelope of its surfaces, decodes back to its code and status through the same field paths', () => {
  const catalog = loadCatalog('catalog');
  let checked = 0;
  for (const code of catalog.codes) {
    const status = statusByNumber(catalog, code.status);
    for (const envelope of envelopesOfSurfaces(catalog, code.surfaces)) {
      const { body } = buildExampleBody(
        envelope,
        {
          code: code.code,
          title: codeTitle(code),
          status: code.status,
          reason: status?.reason,
          message: code.message,
          placeholders: code.placeholders,
        },
        { reasonOf: (n) => statusByNumber(catalog, n)?.reason },
      );
      if (envelope.fields.code)
        expect(evaluateFieldPath(body, envelope.fields.code).map((m) => String(m.value))).toEqual([code.code]);
      if (envelope.fields.status)
        expect(evaluateFieldPath(body, envelope.fields.status).map((m) => Number(m.value))).toEqual([code.status]);
      checked += 1;
    }
  }
  expect(checked).toBeGreaterThan(catalog.codes.length);
});
