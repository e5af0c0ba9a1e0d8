/** Redaction before sharing: what is removed, what is kept, and that it holds on any input. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { describeRedaction, luhnValid, redact } from '../../src/lookup/redact';
import { expectWithinBound } from './time-bound';

describe('redact', () => {
  test.each([
    [
      'a bearer token',
      'Authorization: Bearer abcdef1234567890XYZ',
      'Authorization: Bearer [redacted bearer token]',
      'bearer token',
    ],
    [
      'basic credentials',
      'Authorization: Basic dXNlcjpwYXNzd29yZA==',
      'Authorization: Basic [redacted basic credentials]',
      'basic credentials',
    ],
    ['a Pajaro live key', 'key pjk_live_9aB3xY7zQw1 failed', 'key [redacted API key] failed', 'API key'],
    ['a Stripe-style secret key', 'sk_live_51HxYzAbCdEfGh was revoked', '[redacted API key] was revoked', 'API key'],
    ['a test key', 'rk_test_abcdef123456', '[redacted API key]', 'API key'],
    ['a GitHub token', `pushed with ghp_${'a1'.repeat(18)}`, 'pushed with [redacted API key]', 'API key'],
    [
      'any Authorization header',
      'Authorization: Token 0123456789abcdef',
      'Authorization: [redacted credentials]',
      'credentials',
    ],
    [
      'the word "token" in prose is kept',
      'The token expired yesterday afternoon',
      'The token expired yesterday afternoon',
      undefined,
    ],
    ['an AWS access key id', 'AKIAIOSFODNN7EXAMPLE', '[redacted API key]', 'API key'],
    [
      'a JWT',
      'id eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      'id [redacted JWT]',
      'JWT',
    ],
    [
      'a password in JSON',
      '{"password": "hunter22", "user": "x"}',
      '{"password": "[redacted secret value]", "user": "x"}',
      'secret value',
    ],
    [
      'an api_key query parameter',
      'GET /v2/charges?api_key=abc123def&limit=5',
      'GET /v2/charges?api_key=[redacted secret value]&limit=5',
      'secret value',
    ],
    ['a cookie header', 'Cookie: session=abc; theme=dark', 'Cookie: [redacted cookie]', 'cookie'],
    [
      'a card number with spaces',
      'card 4242 4242 4242 4242 declined',
      'card [redacted card number] declined',
      'card number',
    ],
    ['a card number with dashes', '5555-5555-5555-4444', '[redacted card number]', 'card number'],
    [
      'an e-mail address',
      'Contact jane.doe+test@example.co.uk now',
      'Contact [redacted e-mail address] now',
      'e-mail address',
    ],
  ])('%s', (_label, input, output, kind) => {
    const result = redact(input);
    expect(result.text).toBe(output);
    if (kind) expect(result.found.map((entry) => entry.kind)).toContain(kind);
    else expect(result.found).toEqual([]);
  });

  test.each([
    ['a 16-digit number that fails the Luhn check', 'order 4242424242424241'],
    ['a millisecond timestamp', 'at 1720001234000'],
    ['a Unix time', 'X-RateLimit-Reset: 1720001234'],
    ['a business code and a request id', '{"code":"1101","requestId":"req_7Hq2LmX9"}'],
    ['an "@" that is no e-mail', 'ping @team or a@b'],
    ['a message without secrets', 'Customer cus_1029 not found.'],
  ])('keeps %s', (_label, input) => {
    expect(redact(input)).toEqual({ text: input, found: [] });
  });

  test('counts what it removed and says it in words', () => {
    const result = redact('Bearer aaaaaaaaaaaa, a@b.io and c@d.io, 4111 1111 1111 1111');
    expect(result.found).toEqual([
      { kind: 'bearer token', count: 1 },
      { kind: 'card number', count: 1 },
      { kind: 'e-mail address', count: 2 },
    ]);
    expect(describeRedaction(result.found)).toBe('1 bearer token, 1 card number and 2 e-mail addresses');
  });

  test('the Luhn check', () => {
    expect(luhnValid('4242424242424242')).toBe(true);
    expect(luhnValid('4242424242424241')).toBe(false);
    expect(luhnValid('42')).toBe(false);
  });

  test('generated e-mails and card numbers never survive, and redacting twice changes nothing', () => {
    const card = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 14, maxLength: 14 }).map((digits) => {
      // A Visa-like number: 4, fourteen digits, and the Luhn check digit.
      const body = `4${digits.join('')}`;
      for (let check = 0; check <= 9; check += 1) if (luhnValid(`${body}${check}`)) return `${body}${check}`;
      return `${body}0`;
    });
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.emailAddress(),
        card,
        fc.string({ maxLength: 40 }),
        (before, email, number, after) => {
          const input = `${before} ${email} ${number} ${after}`;
          const once = redact(input);
          expect(once.text).not.toContain(email);
          expect(once.text).not.toContain(number);
          expect(redact(once.text).text).toBe(once.text);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('never throws and stays fast on hostile input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (input) => {
        expect(typeof redact(input).text).toBe('string');
      }),
      { numRuns: 300 },
    );
    for (const unit of ['a', '@', 'a@', '4', '4 ', 'Bearer ', 'password=', 'a.']) {
      const input = unit.repeat(Math.floor(256_000 / unit.length));
      expectWithinBound(() => redact(input), JSON.stringify(unit));
    }
  });
});
