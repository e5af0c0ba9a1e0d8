import { describe, expect, test } from 'vitest';
import {
  backoffSchedule,
  describeBackoff,
  formatDuration,
  idempotencyWords,
  isRetryable,
  retryDetails,
  retryForCall,
  retrySentence,
  retrySummary,
  type RetryContext,
} from '../../src/view/retry-text';
import type { RetryAdvice } from '../../src/schemas/retry';

const context: RetryContext = {
  idempotentMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'],
  backoff: { initialMs: 500, factor: 2, maxDelayMs: 30_000, maxAttempts: 6, jitter: true },
};
const advice = (partial: Partial<RetryAdvice> & Pick<RetryAdvice, 'policy'>): RetryAdvice => ({
  methods: 'all',
  otherwise: 'never',
  honorHeaders: [],
  ...partial,
});

describe('retry advice in words', () => {
  test('backoff for idempotent methods names the methods, the numbers and what other methods do', () => {
    expect(
      retrySentence(advice({ policy: 'backoff', methods: 'idempotent', note: 'Send an Idempotency-Key.' }), context),
    ).toBe(
      'For GET, HEAD, OPTIONS, PUT and DELETE: retry with exponential backoff (start at 500 ms, ×2 each try, capped at 30 s, at most 6 tries in all, with random jitter). ' +
        'Other methods: do not retry; fix the request first. Send an Idempotency-Key.',
    );
  });

  test("retry-after names the headers to honour and the status's own fallback numbers", () => {
    const rateLimited = advice({
      policy: 'retry-after',
      honorHeaders: ['Retry-After', 'X-RateLimit-Reset'],
      backoff: { initialMs: 1000, factor: 2, maxDelayMs: 60_000, maxAttempts: 5, jitter: false },
    });
    expect(retrySentence(rateLimited, context)).toBe(
      'Wait for the time given by Retry-After or X-RateLimit-Reset, then retry; without the header, back off (start at 1 s, ×2 each try, capped at 1 min, at most 5 tries in all).',
    );
    const details = retryDetails(rateLimited, context);
    expect(details.backoff).toMatchObject({ initialMs: 1000, fallback: true, schedule: [1000, 2000, 4000, 8000] });
    expect(details.headers).toEqual(['Retry-After', 'X-RateLimit-Reset']);
    expect(details.otherwise).toBeUndefined();
  });

  test('advice without numbers falls back to the API-wide backoff', () => {
    expect(retryDetails(advice({ policy: 'backoff' }), context).backoff).toMatchObject({
      initialMs: 500,
      maxAttempts: 6,
      fallback: false,
    });
  });

  test.each([
    ['never', 401, 'Do not retry; fix the request first.'],
    ['reauthenticate', 401, 'Refresh or renew the credentials, then retry once.'],
    ['use-cache', 304, 'Nothing failed; use the copy you already hold.'],
    ['not-needed', 200, 'The request succeeded; there is nothing to retry.'],
  ] as const)('policy %s on %i reads %j', (policy, status, sentence) => {
    expect(retrySentence(advice({ policy }), context, status)).toBe(sentence);
    expect(retryDetails(advice({ policy }), context, status).backoff).toBeUndefined();
  });

  test('on an error status, or an unknown one, no policy claims that the request succeeded', () => {
    // An author put not-needed on a 409 (the order is already cancelled): that request did not succeed.
    expect(retrySentence(advice({ policy: 'not-needed' }), context, 409)).toBe('There is nothing to retry.');
    expect(retryDetails(advice({ policy: 'not-needed' }), context, 409)).toMatchObject({
      label: 'Nothing to retry',
      sentence: 'There is nothing to retry.',
    });
    expect(retrySentence(advice({ policy: 'not-needed' }), context)).toBe('There is nothing to retry.');
    expect(retrySentence(advice({ policy: 'use-cache' }), context, 503)).toBe('Use the copy you already hold.');
    expect(
      retrySentence(advice({ policy: 'backoff', methods: ['GET'], otherwise: 'not-needed' }), context, 409),
    ).toMatch(/Other methods: there is nothing to retry\.$/);
  });

  test('summaries for table cells say which methods a retry is limited to', () => {
    expect(retrySummary(advice({ policy: 'backoff', methods: 'idempotent' }))).toBe(
      'Retry with backoff (idempotent only)',
    );
    expect(retrySummary(advice({ policy: 'backoff', methods: ['POST', 'PATCH'] }))).toBe(
      'Retry with backoff (POST or PATCH only)',
    );
    expect(retrySummary(advice({ policy: 'never', methods: 'idempotent' }))).toBe('Do not retry');
    expect(isRetryable(advice({ policy: 'reauthenticate' }))).toBe(true);
    expect(isRetryable(advice({ policy: 'use-cache' }))).toBe(false);
  });
});

describe('backoff numbers', () => {
  test('the schedule doubles from the start and stops at the cap, one wait per retry', () => {
    expect(backoffSchedule({ initialMs: 500, factor: 2, maxDelayMs: 3000, maxAttempts: 6, jitter: true })).toEqual([
      500, 1000, 2000, 3000, 3000,
    ]);
  });

  test('without a try limit the schedule shows the first waits and the words say there is no limit', () => {
    const open = { initialMs: 1000, factor: 3, maxDelayMs: 300_000, jitter: false };
    expect(backoffSchedule(open, 4)).toEqual([1000, 3000, 9000, 27000]);
    expect(describeBackoff(open)).toBe('start at 1 s, ×3 each try, capped at 5 min, no fixed try limit');
  });

  test.each([
    [250, '250 ms'],
    [1500, '1.5 s'],
    [30_000, '30 s'],
    [90_000, '1.5 min'],
    [7_200_000, '2 h'],
  ])('%i ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('retry advice for one call: its method and idempotency', () => {
  const serverError = advice({
    policy: 'backoff',
    methods: 'idempotent',
    backoff: { initialMs: 500, factor: 2, maxDelayMs: 30_000, maxAttempts: 6, jitter: true },
  });
  const call = (method: string, kind: 'method' | 'key' | 'always' | 'none', stated = true) => ({
    method,
    idempotency: { kind, stated, ...(kind === 'key' ? { header: 'Idempotency-Key' } : {}) },
  });

  test('an idempotent method gets the rule', () => {
    expect(retryForCall(serverError, call('GET', 'method'), context)).toEqual({
      policy: 'backoff',
      applies: true,
      sentence:
        'Retry with exponential backoff (start at 500 ms, ×2 each try, capped at 30 s, at most 6 tries in all, with random jitter).',
    });
  });

  test('a POST is not retried blindly, and says why', () => {
    expect(retryForCall(serverError, call('POST', 'method'), context).sentence).toBe(
      'Do not retry blindly: POST is not among the methods this API treats as idempotent, so the first request may already have taken effect.',
    );
    expect(retryForCall(serverError, call('PUT', 'none'), context).sentence).toBe(
      'Do not retry blindly: this PUT is not idempotent, so the first request may already have taken effect.',
    );
  });

  test('an operation idempotent by design gets the rule whatever its method', () => {
    expect(retryForCall(serverError, call('POST', 'always'), context).applies).toBe(true);
  });

  test('an idempotency key: both cases when it is not known whether one was sent, one case when it is', () => {
    const unknown = retryForCall(serverError, call('POST', 'key'), context);
    expect(unknown.applies).toBe('with-key');
    expect(unknown.sentence).toBe(
      'With an Idempotency-Key: retry with exponential backoff (start at 500 ms, ×2 each try, capped at 30 s, at most 6 tries in all, with random jitter). ' +
        'Without one: do not retry blindly, the first request may already have taken effect; send the Idempotency-Key and retry with the same key.',
    );
    expect(retryForCall(serverError, call('POST', 'key'), context, true).applies).toBe(true);
    expect(retryForCall(serverError, call('POST', 'key'), context, false).sentence).toMatch(
      /^Do not retry blindly: this POST carried no Idempotency-Key/,
    );
  });

  test('a rule for every method applies to a POST too, and a rule that never retries says so', () => {
    expect(
      retryForCall(advice({ policy: 'retry-after', honorHeaders: ['Retry-After'] }), call('POST', 'method'), context)
        .sentence,
    ).toMatch(/^Wait for the time given by Retry-After, then retry/);
    expect(retryForCall(advice({ policy: 'never' }), call('GET', 'method'), context).sentence).toBe(
      'Do not retry; fix the request first.',
    );
  });

  test('idempotency in words, general practice for a method the catalog says nothing about', () => {
    expect(idempotencyWords(call('POST', 'key'), context)).toBe(
      'idempotent with an Idempotency-Key header, not without one',
    );
    expect(idempotencyWords(call('DELETE', 'method', false), context)).toBe('a DELETE is idempotent');
    expect(idempotencyWords(call('PATCH', 'method'), context)).toBe('a PATCH is not idempotent');
    expect(idempotencyWords(call('POST', 'always'), context)).toBe('idempotent by design');
  });
});
