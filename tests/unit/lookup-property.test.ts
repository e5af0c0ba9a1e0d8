/**
 * Properties of the lookup engine on inputs nobody wrote by hand: random text, random JSON, random
 * HTTP-looking blocks and inputs built to make regular expressions and walkers work hard. The
 * engine must never throw, must answer in bounded time, and must answer in the contract's shape.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { buildLookupIndex } from '../../src/lookup/build-index';
import { MAX_INPUT_BYTES, lookup, resolveLookup } from '../../src/lookup/engine';
import type { LookupAnswer } from '../../src/lookup/types';
import { expectWithinBound } from './time-bound';

const files = buildLookupIndex(loadCatalog('catalog'));
const index = { core: files.core, shards: new Map<string, unknown>(Object.entries(files.shards)) };
const NOW = Date.parse('2026-01-01T10:00:00Z');
function timedLookup(input: string): LookupAnswer {
  return expectWithinBound(() => lookup(input, index, { now: NOW }), `${JSON.stringify(input.slice(0, 80))}…`);
}

/** The answer has the contract's shape: known kinds, strings where strings belong, relative links. */
function expectWellFormed(answer: LookupAnswer) {
  expect(['empty', 'status', 'code', 'name', 'message', 'json', 'http', 'headers', 'too-large']).toContain(answer.kind);
  expect(Array.isArray(answer.notices) && Array.isArray(answer.suggestions)).toBe(true);
  expect(answer.explanations.length).toBeLessThanOrEqual(20);
  for (const explanation of answer.explanations) {
    expect(['code', 'status', 'message', 'range']).toContain(explanation.kind);
    expect(typeof explanation.title).toBe('string');
    expect(typeof explanation.meaning).toBe('string');
    // What to do is optional: absent when the catalog gives nothing to do.
    expect(['string', 'undefined']).toContain(typeof explanation.resolution);
    expect(Number.isFinite(explanation.score)).toBe(true);
    expect(explanation.url).not.toMatch(/^(\/|[a-z]+:)/i);
    for (const value of Object.values(explanation.values ?? {})) expect(typeof value).toBe('string');
  }
  if (answer.http?.retryAt) expect(Number.isNaN(Date.parse(answer.http.retryAt))).toBe(false);
  expect(() => JSON.stringify(answer)).not.toThrow();
}

const httpBlock = fc
  .tuple(
    fc.integer({ min: 100, max: 599 }),
    fc.array(
      fc.tuple(
        fc.constantFrom(
          'Retry-After',
          'X-RateLimit-Reset',
          'X-RateLimit-Remaining',
          'RateLimit',
          'RateLimit-Policy',
          'Date',
          'X-Request-Id',
          'Content-Type',
          'X-Other',
        ),
        fc.string({ maxLength: 60 }),
      ),
      { maxLength: 12 },
    ),
    fc.option(
      fc.jsonValue().map((value) => JSON.stringify(value)),
      { nil: '' },
    ),
  )
  .map(([status, headers, body]) =>
    [
      `HTTP/1.1 ${status} Whatever`,
      ...headers.map(([name, value]) => `${name}: ${value.replace(/[\r\n]/g, ' ')}`),
      '',
      body,
    ].join('\n'),
  );

const envelopeLike = fc
  .record(
    {
      status: fc.option(fc.oneof(fc.integer({ min: 100, max: 599 }), fc.string()), { nil: undefined }),
      errors: fc.option(
        fc.oneof(
          fc.array(
            fc.record(
              {
                code: fc.oneof(
                  fc.string(),
                  fc.integer(),
                  fc.constantFrom('1101', '4201', '1150', '__proto__', 'constructor'),
                ),
                message: fc.oneof(fc.string(), fc.constant('Customer cus_1 not found.')),
                field: fc.string(),
              },
              { requiredKeys: [] },
            ),
            { maxLength: 30 },
          ),
          fc.dictionary(fc.string(), fc.array(fc.string(), { maxLength: 3 })),
        ),
        { nil: undefined },
      ),
      error: fc.option(
        fc.oneof(
          fc.string(),
          fc.record(
            {
              code: fc.oneof(fc.string(), fc.integer()),
              status: fc.string(),
              message: fc.string(),
              innererror: fc.jsonValue(),
            },
            { requiredKeys: [] },
          ),
        ),
        { nil: undefined },
      ),
      message: fc.option(fc.oneof(fc.string(), fc.array(fc.string())), { nil: undefined }),
      type: fc.option(fc.oneof(fc.webUrl(), fc.constant('https://x.example/codes/core/1101/')), { nil: undefined }),
      title: fc.option(fc.string(), { nil: undefined }),
      detail: fc.option(fc.string(), { nil: undefined }),
    },
    { requiredKeys: [] },
  )
  .map((value) => JSON.stringify(value));

describe('the lookup never throws and always answers in time', () => {
  test('random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (input) => expectWellFormed(timedLookup(input))),
      { numRuns: 400 },
    );
  });

  test('random unicode, including lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (input) => expectWellFormed(timedLookup(input))),
      { numRuns: 300 },
    );
  });

  test('random JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => expectWellFormed(timedLookup(JSON.stringify(value)))),
      { numRuns: 300 },
    );
  });

  test('bodies shaped like error envelopes', () => {
    fc.assert(
      fc.property(envelopeLike, (input) => expectWellFormed(timedLookup(input))),
      { numRuns: 300 },
    );
  });

  test('raw HTTP responses with random header values', () => {
    fc.assert(
      fc.property(httpBlock, (input) => expectWellFormed(timedLookup(input))),
      { numRuns: 300 },
    );
  });

  test('words of the catalog in random order, typed or not', () => {
    const vocabulary = [
      ...new Set(files.core.examples.message?.split(' ') ?? []),
      'customer',
      'not',
      'found',
      'card',
      'declined',
      'balance',
      '1101',
      'cus_1',
      '{',
      '}',
      ':',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { maxLength: 30 }), fc.boolean(), (words, typing) => {
        const answer = lookup(words.join(' '), index, { now: NOW, typing });
        expectWellFormed(answer);
      }),
      { numRuns: 300 },
    );
  });

  test('the on-demand loader reaches the same answer as a loaded index, in a few rounds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 80 }), envelopeLike, httpBlock), async (input) => {
        let rounds = 0;
        const lazy = await resolveLookup(
          input,
          { core: files.core, shards: new Map() },
          async (name) => {
            rounds += 1;
            return files.shards[name];
          },
          { now: NOW },
        );
        expect(lazy).toEqual(lookup(input, index, { now: NOW }));
        expect(rounds).toBeLessThan(60);
      }),
      { numRuns: 100 },
    );
  });
});

describe('inputs built to be slow', () => {
  const near = (unit: string) => unit.repeat(Math.floor((MAX_INPUT_BYTES - 64) / unit.length));
  const hostile: Array<[string, string]> = [
    ['one long word', near('a')],
    ['digits', near('7')],
    ['at signs', near('@')],
    ['e-mail look-alikes', near('a.b@c.d')],
    ['open braces', near('{')],
    ['unbalanced JSON', `{"errors":[${near('{"code":"1101",')}`],
    [
      'a wide array of errors',
      JSON.stringify({
        errors: Array.from({ length: 2000 }, (_, i) => ({
          code: String(1000 + (i % 500)),
          message: `Customer cus_${i} not found.`,
          field: `f${i}`,
        })),
      }),
    ],
    [
      'a wide field map',
      JSON.stringify({
        error: 'Validation failed',
        errors: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`field${i}`, ['is required']])),
      }),
    ],
    ['deep objects', `${'{"error":'.repeat(3000)}1${'}'.repeat(3000)}`],
    ['deep arrays', `${'['.repeat(20_000)}${']'.repeat(20_000)}`],
    ['many header lines', `HTTP/1.1 429 Too Many Requests\n${near('X-RateLimit-Reset: 1\n')}`],
    ['header-like lines', near('Retry-After: x\n')],
    ['snake case names', near('AB_')],
    ['placeholders', near('{id} ')],
    ['template-like text', near('Customer cus not found ')],
    ['a long message with many numbers', near('error 1101 status 404 ')],
    ['structured RateLimit field', `RateLimit: ${near('"a";r=0;t=1, ')}`],
  ];
  test.each(hostile)('%s', (_label, input) => {
    expect(new TextEncoder().encode(input).length <= MAX_INPUT_BYTES || input.length > 0).toBe(true);
    const answer = timedLookup(input);
    expectWellFormed(answer);
  });

  test('a body with thousands of errors explains a bounded number and says so', () => {
    const answer = timedLookup(
      JSON.stringify({ errors: Array.from({ length: 400 }, (_, i) => ({ code: `X${i}`, message: `odd ${i}` })) }),
    );
    expect(answer.explanations.length).toBeLessThanOrEqual(20);
    expect(answer.notices.join(' ')).toMatch(/first 50/);
  });
});
