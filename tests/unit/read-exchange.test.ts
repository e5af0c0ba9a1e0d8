/**
 * The request-side readers (src/lookup/read-exchange.ts, read-har.ts) on their own: shell words of
 * a curl command, each reader's shape, input cut off in the middle, and hostile input, which must
 * never throw, never hang and never read what is not there.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { exchangeOfLogObject, findEmbeddedJson, readExchange, shellWords } from '../../src/lookup/read-exchange';
import { readHar } from '../../src/lookup/read-har';
import { expectWithinBound } from './time-bound';

describe('shell words of a curl command', () => {
  test.each([
    [`curl -H 'A: b c' "x y" z`, ['curl', '-H', 'A: b c', 'x y', 'z']],
    [`curl a\\\n  -d '{"k":1}'`, ['curl', 'a', '-d', '{"k":1}']],
    [`curl --data-raw $'{"a":"b\\'c"}'`, ['curl', '--data-raw', `{"a":"b'c"}`]],
    [`curl "a\\"b" 'it'\\''s'`, ['curl', 'a"b', "it's"]],
    [`curl 'unclosed`, ['curl', 'unclosed']],
  ])('%s', (command, words) => {
    expect(shellWords(command)).toEqual(words);
  });
});

describe('each reader', () => {
  test('a curl command: method from -X, from a body, or HEAD from -I; headers; the URL wherever it is', () => {
    expect(readExchange(`curl -X DELETE https://a.example/v1/x/1 -H 'Authorization: Bearer t'`)?.request).toMatchObject(
      {
        method: 'DELETE',
        path: '/v1/x/1',
        host: 'a.example',
        headers: [{ name: 'Authorization', value: 'Bearer t' }],
      },
    );
    expect(readExchange(`curl -d 'a=1' https://a.example/v1/x`)?.request).toMatchObject({
      method: 'POST',
      body: 'a=1',
    });
    expect(readExchange(`curl -I https://a.example/v1/x`)?.request?.method).toBe('HEAD');
    expect(readExchange(`curl -G -d 'q=1' https://a.example/v1/x`)?.request?.method).toBe('GET');
    expect(readExchange(`curl --request=PATCH --url https://a.example/v1/x -o out.json`)?.request).toMatchObject({
      method: 'PATCH',
      path: '/v1/x',
    });
  });

  test('a raw exchange keeps the request headers and body apart from the response', () => {
    const exchange = readExchange(
      'PUT /v1/x HTTP/1.1\nHost: a.example\nX-K: 1\n\n{"a":1}\nHTTP/1.1 409 Conflict\nRetry-After: 5\n\n{"e":1}',
    );
    expect(exchange?.request).toMatchObject({
      method: 'PUT',
      target: 'https://a.example/v1/x',
      headers: [
        { name: 'Host', value: 'a.example' },
        { name: 'X-K', value: '1' },
      ],
      body: '{"a":1}',
    });
    expect(exchange?.response).toMatchObject({ status: 409, reason: 'Conflict', body: '{"e":1}' });
  });

  test('an error body is not a log line, however many status and code members it has', () => {
    expect(
      exchangeOfLogObject({ type: 'https://x/', title: 't', status: 409, code: '4201', detail: 'd' }),
    ).toBeUndefined();
    expect(exchangeOfLogObject({ status: 404, errors: [{ code: '1101' }] })).toBeUndefined();
    expect(exchangeOfLogObject({ method: 'GET', path: '/v1/x', status: 500 })?.request?.path).toBe('/v1/x');
  });

  test('plain messages, bodies and responses are left to the other readers', () => {
    for (const input of [
      'Customer cus_1029 not found.',
      '{"status":404,"errors":[{"code":"1101"}]}',
      'HTTP/1.1 429 Too Many Requests\nRetry-After: 30',
      '< HTTP/2 404\n< content-type: application/json',
      '429',
      'CUSTOMER_NOT_FOUND',
      'Retry-After: 30\nX-Request-Id: req_1',
    ])
      expect(readExchange(input), input).toBeUndefined();
  });

  test('finds a JSON body inside text, skipping brackets that are not JSON', () => {
    expect(findEmbeddedJson('at [main] error {"a":"}{","b":[1]} tail')?.value).toEqual({ a: '}{', b: [1] });
    expect(findEmbeddedJson('{not json} and {"ok":true}')?.value).toEqual({ ok: true });
    expect(findEmbeddedJson('{"open": ')).toBeUndefined();
  });
});

describe('input cut off in the middle', () => {
  test('a curl -v paste cut inside the response headers still gives the request and the status', () => {
    const exchange = readExchange(
      '> POST /v2/charges HTTP/1.1\n> Host: api.pajaro.example\n>\n< HTTP/1.1 402 Payment Req',
    );
    expect(exchange?.request?.method).toBe('POST');
    expect(exchange?.response?.status).toBe(402);
  });

  test('a raw exchange cut inside its JSON body keeps the status and the cut body as text', () => {
    const exchange = readExchange(
      'POST /v2/charges HTTP/1.1\n\nHTTP/1.1 409 Conflict\n\n{"status":409,"errors":[{"code":"10',
    );
    expect(exchange?.response).toMatchObject({ status: 409, body: '{"status":409,"errors":[{"code":"10' });
  });

  test('a request line cut inside its path is still a request, of that path', () => {
    expect(readExchange('POST /v2/cha')?.request?.path).toBe('/v2/cha');
  });

  test('a fetch call cut inside its options still gives the URL', () => {
    expect(readExchange('fetch("https://a.example/v1/x", {\n  "headers": {"a": "b"')?.request?.path).toBe('/v1/x');
  });

  test('a HAR file cut anywhere never throws, and never reads a partial entry', () => {
    const entry = (index: number) => ({
      request: { method: 'GET', url: `https://a.example/v1/x/${index}`, headers: [] },
      response: { status: 404, headers: [], content: { text: '{"code":"1"}' } },
    });
    const text = JSON.stringify({ log: { entries: [entry(0), entry(1), entry(2)] } }, null, 1);
    for (let cut = 1; cut < text.length; cut += 7) {
      const har = readHar(text.slice(0, cut), 1 << 20);
      if (!har) continue;
      expect(har.entries.length).toBeLessThanOrEqual(3);
      for (const item of har.entries) expect(item.exchange.request?.path).toMatch(/^\/v1\/x\/\d$/);
    }
  });
});

describe('hostile input', () => {
  const hostile = [
    '{'.repeat(200_000),
    '['.repeat(100_000) + ']'.repeat(100_000),
    '"'.repeat(150_000),
    '> POST / HTTP/1.1\n'.repeat(20_000),
    `curl ${'-H a:b '.repeat(30_000)}`,
    `POST /${'a/'.repeat(100_000)}`,
    'GET '.repeat(60_000),
    `${'a='.repeat(50_000)}status=500 code=1`,
    `{"log":{"entries":[${'{"request":{"url":1},"response":{"status":"x"}},'.repeat(5000)}{}]}}`,
    '{"log":{"entries":[{"request":{"url":"https://a/x","headers":[{"name":{"toString":1}}]},"response":{"status":500,"content":{"text":"QQ==","encoding":"base64"}}}]}}',
    '{"__proto__":{"method":"POST"},"constructor":{"path":"/x"},"method":"GET","path":"/v1/x","status":500}',
    'POST https://a.example/v1/x 500 (\u0000\u0007\u202e)',
    `Request URL:\n${'https://a/'.repeat(10_000)}`,
  ];
  test.each(hostile.map((input) => [input.slice(0, 40), input]))(
    '%s… is read fast and without throwing',
    (_, input) => {
      expectWithinBound(
        () => {
          expect(() => readExchange(input)).not.toThrow();
          expect(() => readHar(input, 1 << 25)).not.toThrow();
        },
        input.slice(0, 40),
      );
    },
  );

  test('prototype keys of a JSON log line set nothing on objects', () => {
    const exchange = exchangeOfLogObject(JSON.parse(hostile[10]!));
    expect(exchange?.request?.method).toBe('GET');
    expect(({} as Record<string, unknown>).method).toBeUndefined();
  });

  test('random text never makes a reader throw', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.constantFrom('', 'POST /v1/x\n', 'curl ', '> GET / HTTP/1.1\n', '{"log":{"entries":['),
        (text, prefix) => {
          readExchange(prefix + text);
          readHar(prefix + text, 1 << 20);
        },
      ),
      { numRuns: 400 },
    );
  });
});
