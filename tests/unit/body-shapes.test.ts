/**
 * Which shape a pasted body is read as: an API's own envelope wins over the public shapes it
 * resembles whenever it fits, and loses only to a public shape that shows the body is not in it.
 */
import { describe, expect, test } from 'vitest';
import { readBody } from '../../src/lookup/body-shapes';
import type { EnvelopeEntry } from '../../src/lookup/index-format';

const envelope = (id: string, fields: EnvelopeEntry['fields'], mediaType = 'application/json'): EnvelopeEntry => ({
  id,
  name: id,
  mediaType,
  fields,
  surfaces: ['api'],
});

/** RFC 9457 members plus the API's own `code` and `request_id`, as issue 17's author sent them. */
const theirProblem = {
  type: 'https://docs.example.com/codes/billing/3102/',
  title: 'Invoice already paid',
  status: 409,
  detail: 'Invoice inv_3307 was paid.',
  instance: '/v1/invoices/inv_3307',
  code: '3102',
  request_id: 'req_55c0de',
};

describe('a declared envelope that fits wins over a public shape', () => {
  test('an RFC 9457 envelope that leaves type and instance undeclared still reads its own request_id', () => {
    const declared = envelope(
      'billing-problem',
      { status: 'status', code: 'code', title: 'title', message: 'detail', requestId: 'request_id' },
      'application/problem+json',
    );
    for (const contentType of [undefined, 'application/problem+json; charset=utf-8']) {
      const reading = readBody(theirProblem, [declared], contentType)!;
      expect(reading.shape).toMatchObject({ id: 'billing-problem', declared: true });
      expect(reading.requestId).toBe('req_55c0de');
      expect(reading.instance).toBeUndefined();
      expect(reading.items[0]).toMatchObject({ codes: ['3102'], title: 'Invoice already paid' });
    }
  });

  test('every RFC 9457 member can be declared: type is read as the type URI, instance as the occurrence', () => {
    const declared = envelope('billing-problem', {
      type: 'type',
      title: 'title',
      status: 'status',
      message: 'detail',
      instance: 'instance',
      code: 'code',
      requestId: 'request_id',
    });
    const reading = readBody(theirProblem, [declared])!;
    expect(reading.shape.id).toBe('billing-problem');
    expect(reading).toMatchObject({ status: 409, requestId: 'req_55c0de', instance: '/v1/invoices/inv_3307' });
    expect(reading.items[0]!.typeUrl).toBe(theirProblem.type);
  });

  test('a public problem details body of another API is read as RFC 9457, with its traceId as the request id', () => {
    const declared = envelope('billing-problem', {
      status: 'status',
      title: 'title',
      message: 'detail',
      requestId: 'request_id',
    });
    const reading = readBody(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'x is required',
        instance: '/a',
        traceId: 't-1',
      },
      [declared],
    )!;
    expect(reading.shape).toMatchObject({ id: 'problem-details', declared: false });
    expect(reading).toMatchObject({ requestId: 't-1', instance: '/a' });
  });

  test('a JSON:API body is JSON:API even when its errors[].code fits a declared errors[] envelope', () => {
    const declared = envelope('errors', {
      code: 'errors[].code',
      message: 'errors[].message',
      field: 'errors[].field',
    });
    const reading = readBody(
      {
        errors: [
          {
            status: '422',
            code: '1002',
            title: 'Invalid',
            detail: 'Too short',
            source: { pointer: '/data/attributes/name' },
          },
        ],
      },
      [declared],
    )!;
    expect(reading.shape.id).toBe('json-api');
    expect(reading.items[0]!.fieldErrors).toEqual([{ field: 'name', messages: ['Too short'] }]);
  });

  test('an OAuth error is OAuth even when its error member fits a declared { error } envelope', () => {
    const declared = envelope('form', { message: 'error', fieldErrors: 'errors.<field>[]' });
    const reading = readBody({ error: 'invalid_grant', error_description: 'Expired key.' }, [declared])!;
    expect(reading.shape.id).toBe('oauth');
    expect(reading.items[0]).toMatchObject({ codes: ['invalid_grant'], message: 'Expired key.' });
  });

  test('of two declared envelopes, the one that explains more of the body wins', () => {
    const plain = envelope('plain', { message: 'error.message' });
    const full = envelope('full', { code: 'error.code', message: 'error.message', requestId: 'error.request_id' });
    const reading = readBody({ error: { code: 'order_not_found', message: 'No order 7.', request_id: 'r-1' } }, [
      plain,
      full,
    ])!;
    expect(reading.shape.id).toBe('full');
    expect(reading.requestId).toBe('r-1');
  });
});
