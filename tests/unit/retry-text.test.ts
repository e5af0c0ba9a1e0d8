/**
 * The one wording of retry advice (src/view/retry-text.ts): what the API states is told with its
 * numbers and nothing more; what the model filled in is told as general HTTP practice.
 */
import { describe, expect, test } from 'vitest';
import { generalPracticeRetry } from '../../src/catalog/retry-defaults';
import {
  backoffSchedule,
  describeBackoff,
  formatDuration,
  GENERAL_PRACTICE_LEAD,
  headerFormatLabel,
  idempotencyWords,
  isRetryable,
  retryDetails,
  retryForCall,
  retrySentence,
  retrySummary,
  type RetryContext,
} from '../../src/view/retry-text';
import type { RetryAdvice } from '../../src/schemas/retry';

/** An API that states everything: its idempotent methods and every backoff number. */
const stating: RetryContext = {
  idempotentMethods: ['GET', 'HEAD', 'PUT', 'DELETE'],
  backoff: { initialMs: 500, factor: 2, maxDelayMs: 30_000, maxAttempts: 6, jitter: true },
};
/** An API that states neither idempotent methods nor backoff numbers. */
const silent: RetryContext = {};
const advice = (partial: Partial<RetryAdvice> & Pick<RetryAdvice, 'policy'>): RetryAdvice => ({
  methods: 'all',
  honorHeaders: [],
  ...partial,
});

describe('advice the API states', () => {
  test('backoff for idempotent methods names the API’s methods, every stated number and what other methods do', () => {
    expect(
      retrySentence(
        advice({ policy: 'backoff', methods: 'idempotent', otherwise: 'never', note: 'Send an Idempotency-Key.' }),
        stating,
      ),
    ).toBe(
      'For GET, HEAD, PUT and DELETE: retry with exponential backoff (start at 500 ms, ×2 each try, capped at 30 s, at most 6 tries in all, with random jitter). ' +
        'Other methods: do not retry. Send an Idempotency-Key.',
    );
    expect(retryDetails(advice({ policy: 'backoff', methods: 'idempotent' }), stating).methods).toBe(
      "GET, HEAD, PUT and DELETE (the API's idempotent methods)",
    );
  });

  test('"idempotent" in an API that lists no methods names HTTP’s list and says it is HTTP’s', () => {
    const sentence = retrySentence(advice({ policy: 'backoff', methods: 'idempotent' }), silent);
    expect(sentence).toBe(
      "For GET, HEAD, OPTIONS, PUT and DELETE (idempotent by HTTP's definition): retry with exponential backoff. " +
        'Other methods: the API states no rule for them.',
    );
    expect(retryDetails(advice({ policy: 'backoff', methods: 'idempotent' }), silent)).toMatchObject({
      methods: "GET, HEAD, OPTIONS, PUT and DELETE (idempotent by HTTP's definition)",
      otherwise: 'the API states no rule for them',
    });
  });

  test("retry-after names the headers to honour and the advice's own fallback numbers", () => {
    const rateLimited = advice({
      policy: 'retry-after',
      honorHeaders: ['Retry-After', 'X-RateLimit-Reset'],
      backoff: { initialMs: 1000, factor: 2, maxDelayMs: 60_000, maxAttempts: 5, jitter: false },
    });
    expect(retrySentence(rateLimited, stating)).toBe(
      'Wait for the time given by Retry-After or X-RateLimit-Reset, then retry; without the header, back off (start at 1 s, ×2 each try, capped at 1 min, at most 5 tries in all, without jitter).',
    );
    const details = retryDetails(rateLimited, stating);
    expect(details.backoff).toMatchObject({
      numbers: { initialMs: 1000 },
      fallback: true,
      complete: true,
      schedule: [1000, 2000, 4000, 8000],
    });
    expect(details.headers).toEqual(['Retry-After', 'X-RateLimit-Reset']);
    expect(details.otherwise).toBeUndefined();
  });

  test('advice without numbers of its own takes the API-wide ones', () => {
    expect(retryDetails(advice({ policy: 'backoff' }), stating).backoff).toMatchObject({
      numbers: { initialMs: 500, maxAttempts: 6 },
      fallback: false,
    });
  });

  test('only the stated numbers are told: a try limit alone gives no start, cap, schedule or jitter', () => {
    const limited = advice({ policy: 'backoff', backoff: { maxAttempts: 4 } });
    expect(retrySentence(limited, silent)).toBe('Retry with exponential backoff (at most 4 tries in all).');
    const details = retryDetails(limited, silent);
    expect(details.backoff).toMatchObject({ numbers: { maxAttempts: 4 }, complete: false });
    expect(details.backoff?.schedule).toBeUndefined();
    expect(details.backoffUnstated).toBe(false);
  });

  test('backoff without any number, its own or the API’s, is told without numbers and flagged unstated', () => {
    expect(retrySentence(advice({ policy: 'backoff' }), silent)).toBe('Retry with exponential backoff.');
    expect(retryDetails(advice({ policy: 'backoff' }), silent)).toMatchObject({ backoffUnstated: true });
    expect(retryDetails(advice({ policy: 'backoff', backoff: {} }), silent).backoff).toBeUndefined();
  });

  test.each([
    ['never', 401, 'Do not retry.'],
    ['reauthenticate', 401, 'Re-authenticate before any retry.'],
    ['use-cache', 304, 'Nothing failed; use the copy you already hold.'],
    ['not-needed', 200, 'The request succeeded; there is nothing to retry.'],
  ] as const)(
    'policy %s on %i reads %j: no retry count, no fix the API did not ask for',
    (policy, status, sentence) => {
      expect(retrySentence(advice({ policy }), stating, status)).toBe(sentence);
      expect(retryDetails(advice({ policy }), stating, status).backoff).toBeUndefined();
      expect(sentence).not.toMatch(/once|fix the request/);
    },
  );

  test('on an error status, or an unknown one, no policy claims that the request succeeded', () => {
    // An author put not-needed on a 409 (the order is already cancelled): that request did not succeed.
    expect(retrySentence(advice({ policy: 'not-needed' }), stating, 409)).toBe('There is nothing to retry.');
    expect(retryDetails(advice({ policy: 'not-needed' }), stating, 409)).toMatchObject({
      label: 'Nothing to retry',
      sentence: 'There is nothing to retry.',
    });
    expect(retrySentence(advice({ policy: 'not-needed' }), stating)).toBe('There is nothing to retry.');
    expect(retrySentence(advice({ policy: 'use-cache' }), stating, 503)).toBe('Use the copy you already hold.');
    expect(
      retrySentence(advice({ policy: 'backoff', methods: ['GET'], otherwise: 'not-needed' }), stating, 409),
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

describe('general HTTP practice the model fills in', () => {
  test.each([
    [
      500,
      "For GET, HEAD, OPTIONS, PUT and DELETE (idempotent by HTTP's definition), retry with exponential backoff; honour Retry-After when sent. Other methods: do not retry.",
    ],
    [401, 'Re-authenticate before any retry.'],
    [404, 'Do not retry.'],
    [501, 'Do not retry.'],
    [429, 'Wait for the time given by Retry-After, then retry.'],
    [304, 'Nothing failed; use the copy you already hold.'],
    [200, 'The request succeeded; there is nothing to retry.'],
  ])('status %i: the sentence starts by saying the API states no rule', (status, rest) => {
    const sentence = retrySentence(generalPracticeRetry(status), silent, status);
    expect(sentence.startsWith(`${GENERAL_PRACTICE_LEAD} `)).toBe(true);
    expect(sentence.slice(GENERAL_PRACTICE_LEAD.length + 1).toLowerCase()).toBe(rest.toLowerCase());
  });

  test('general practice adds no number of its own; the API-wide numbers and methods, being the API’s, apply', () => {
    const sentence = retrySentence(generalPracticeRetry(503), stating);
    expect(sentence).toBe(
      `${GENERAL_PRACTICE_LEAD} for GET, HEAD, PUT and DELETE, retry with exponential backoff (start at 500 ms, ×2 each try, capped at 30 s, at most 6 tries in all, with random jitter); honour Retry-After when sent. Other methods: do not retry.`,
    );
    expect(retrySentence(generalPracticeRetry(503), silent)).not.toMatch(/\d+ (ms|s)\b|tries|jitter/);
  });

  test('table cells and details say it is general practice', () => {
    expect(retrySummary(generalPracticeRetry(500))).toBe('Retry with backoff (idempotent only; general HTTP practice)');
    expect(retrySummary(generalPracticeRetry(404))).toBe('Do not retry (general HTTP practice)');
    expect(retryDetails(generalPracticeRetry(500), silent).source).toBe('general-practice');
    expect(retryDetails(advice({ policy: 'never' }), silent).source).toBe('api');
  });
});

describe('backoff numbers', () => {
  test('the schedule doubles from the start and stops at the cap, one wait per retry', () => {
    expect(backoffSchedule({ initialMs: 500, factor: 2, maxDelayMs: 3000, maxAttempts: 6 })).toEqual([
      500, 1000, 2000, 3000, 3000,
    ]);
  });

  test('without a stated try limit the schedule shows the first waits, and the words claim no limit either way', () => {
    const open = { initialMs: 1000, factor: 3, maxDelayMs: 300_000 };
    expect(backoffSchedule(open, 4)).toEqual([1000, 3000, 9000, 27000]);
    expect(describeBackoff(open)).toBe('start at 1 s, ×3 each try, capped at 5 min');
  });

  test('no schedule without a stated first wait and factor; no cap without a stated one', () => {
    expect(backoffSchedule({ maxAttempts: 4 })).toBeUndefined();
    expect(backoffSchedule({ initialMs: 500 })).toBeUndefined();
    expect(backoffSchedule({ initialMs: 500, factor: 2, maxAttempts: 4 })).toEqual([500, 1000, 2000]);
    expect(describeBackoff({})).toBe('');
    expect(describeBackoff({ jitter: false })).toBe('without jitter');
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

test('a header format the catalog does not give reads "Not stated"', () => {
  expect(headerFormatLabel('epoch-seconds')).toBe('Unix time in seconds');
  expect(headerFormatLabel(undefined)).toBe('Not stated');
});

describe('retry advice for one call: its method and idempotency', () => {
  const serverError = advice({
    policy: 'backoff',
    methods: 'idempotent',
    otherwise: 'never',
    backoff: { initialMs: 500, factor: 2, maxDelayMs: 30_000, maxAttempts: 6, jitter: true },
  });
  const call = (method: string, kind: 'method' | 'key' | 'always' | 'none', stated = true) => ({
    method,
    idempotency: { kind, stated, ...(kind === 'key' ? { header: 'Idempotency-Key' } : {}) },
  });

  test('an idempotent method gets the rule', () => {
    expect(retryForCall(serverError, call('GET', 'method'), stating)).toEqual({
      policy: 'backoff',
      applies: true,
      sentence:
        'Retry with exponential backoff (start at 500 ms, ×2 each try, capped at 30 s, at most 6 tries in all, with random jitter).',
    });
  });

  test('a POST is not retried blindly, and says why', () => {
    expect(retryForCall(serverError, call('POST', 'method'), stating).sentence).toBe(
      'Do not retry blindly: POST is not among the methods this API treats as idempotent, so the first request may already have taken effect.',
    );
    expect(retryForCall(serverError, call('PUT', 'none'), stating).sentence).toBe(
      'Do not retry blindly: this PUT is not idempotent, so the first request may already have taken effect.',
    );
  });

  test('an operation the API calls idempotent gets the rule whatever its method', () => {
    expect(retryForCall(serverError, call('POST', 'always'), stating).applies).toBe(true);
  });

  test('an idempotency key: both cases when it is not known whether one was sent, one case when it is', () => {
    const unknown = retryForCall(serverError, call('POST', 'key'), stating);
    expect(unknown.applies).toBe('with-key');
    expect(unknown.sentence).toBe(
      'With an Idempotency-Key: retry with exponential backoff (start at 500 ms, ×2 each try, capped at 30 s, at most 6 tries in all, with random jitter). ' +
        'Without one: do not retry blindly, the first request may already have taken effect; send the Idempotency-Key and retry with the same key.',
    );
    expect(retryForCall(serverError, call('POST', 'key'), stating, true).applies).toBe(true);
    expect(retryForCall(serverError, call('POST', 'key'), stating, false).sentence).toMatch(
      /^Do not retry blindly: this POST carried no Idempotency-Key/,
    );
  });

  test('a rule for every method applies to a POST too, and a rule that never retries says so', () => {
    expect(
      retryForCall(advice({ policy: 'retry-after', honorHeaders: ['Retry-After'] }), call('POST', 'method'), stating)
        .sentence,
    ).toMatch(/^Wait for the time given by Retry-After, then retry/);
    expect(retryForCall(advice({ policy: 'never' }), call('GET', 'method'), stating).sentence).toBe('Do not retry.');
  });

  test('idempotency in words, general practice for a method the catalog says nothing about', () => {
    expect(idempotencyWords(call('POST', 'key'), stating)).toBe(
      'idempotent with an Idempotency-Key header, not without one',
    );
    expect(idempotencyWords(call('DELETE', 'method', false), stating)).toBe('a DELETE is idempotent');
    expect(idempotencyWords(call('PATCH', 'method'), stating)).toBe('a PATCH is not idempotent');
    expect(idempotencyWords(call('POST', 'always'), stating)).toBe('idempotent');
  });

  test('in an API that lists no idempotent methods, a method is judged by HTTP’s definition, and said to be', () => {
    expect(idempotencyWords(call('POST', 'method'), silent)).toBe("a POST is not idempotent by HTTP's definition");
    expect(retryForCall(serverError, call('POST', 'method'), silent).sentence).toBe(
      "Do not retry blindly: POST is not idempotent by HTTP's definition, so the first request may already have taken effect.",
    );
  });

  test('advice the model filled in opens with the general-practice lead for one call too', () => {
    const filled = retryForCall(generalPracticeRetry(503), call('GET', 'method'), silent);
    expect(filled.sentence.startsWith(`${GENERAL_PRACTICE_LEAD} retry with exponential backoff`)).toBe(true);
    expect(filled.sentence).not.toMatch(/once|fix the request/);
    const rule = advice({ policy: 'backoff', methods: ['GET'] });
    expect(retryForCall(rule, call('POST', 'method'), silent)).toEqual({
      applies: false,
      sentence: 'The API states no retry rule for this method.',
    });
  });
});
