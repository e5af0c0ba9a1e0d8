/**
 * Issue 16: nothing is presented as an API's policy beyond what its catalog states. Two fixture
 * catalogs go through the model, the lookup engine (index and answers) and catalog.json: one that
 * states almost nothing (tests/fixtures/silent-catalog), whose every filled-in value must be marked
 * general practice or left out, and one that states everything (tests/fixtures/stating-catalog),
 * whose every statement must come out as stated and nothing as general practice. The built pages
 * are checked by tests/e2e/provenance/.
 */
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog';
import type { Catalog } from '../../src/catalog/model';
import { buildLookupIndex } from '../../src/lookup/build-index';
import { lookup, type LookupIndex } from '../../src/lookup/engine';
import type { Explanation } from '../../src/lookup/types';
import { catalogExport } from '../../src/publishing/catalog-export';
import { GENERAL_PRACTICE_LEAD } from '../../src/view/retry-text';

const NOW = Date.parse('2026-01-01T10:00:00Z');
const SILENT = 'tests/fixtures/silent-catalog';
const STATING = 'tests/fixtures/stating-catalog';

const loaded = new Map<string, { catalog: Catalog; index: LookupIndex; files: ReturnType<typeof buildLookupIndex> }>();
function load(dir: string) {
  let entry = loaded.get(dir);
  if (!entry) {
    const catalog = loadCatalog(dir);
    const files = buildLookupIndex(catalog);
    entry = { catalog, files, index: { core: files.core, shards: new Map(Object.entries(files.shards)) } };
    loaded.set(dir, entry);
  }
  return entry;
}
const ask = (dir: string, input: string) => lookup(input, load(dir).index, { now: NOW });
/** The first explanation of the answer to `input`. */
const first = (dir: string, input: string): Explanation => {
  const [explanation] = ask(dir, input).explanations;
  if (!explanation) throw new Error(`no explanation for ${input}`);
  return explanation;
};
const exported = (dir: string) => catalogExport(load(dir).catalog, (route) => `https://example.test/${route}`);
/** Every string of a JSON-like value, for sweeps over what the site publishes. */
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(strings)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(strings)
        : [];

/** Words that would add a limit, a number, a unit or a guarantee no silent catalog states. */
const INVENTED = [
  /\bonce\b/i,
  /fix the request first/i,
  /jitter/i,
  /tries in all/i,
  /try limit/i,
  /\d\s?(ms|s|min)\b/,
  /safe to repeat/i,
  /not at fault/i,
  /report it with the request id/i,
];

describe('a catalog that states almost nothing', () => {
  test('the model fills in only retry advice, marked general practice, and leaves every other field unset', () => {
    const { catalog } = load(SILENT);
    expect(catalog.api.retryPolicy).toBeUndefined();
    expect(catalog.api.version).toBeUndefined();
    expect(catalog.statuses.map((status) => [status.status, status.action, status.retry.source])).toEqual(
      [200, 304, 401, 404, 409, 429, 500, 501, 503].map((number) => [number, undefined, 'general-practice']),
    );
    expect(catalog.codes.map((code) => [code.code, code.resolution, code.retryInherited, code.retry.source])).toEqual([
      ['Q404', undefined, true, 'general-practice'],
      ['Q500', undefined, true, 'general-practice'],
    ]);
    expect(catalog.messageAreas[0]!.messages[0]!.resolution).toBeUndefined();
    expect(catalog.headers.map((header) => header.format)).toEqual([undefined, undefined, undefined]);
    expect(catalog.envelopes[0]!.mediaType).toBeUndefined();
  });

  test.each(['200', '304', '401', '404', '409', '429', '500', '501', '503'])(
    'the lookup tells status %s as general practice, with nothing to do and no number',
    (status) => {
      const explanation = first(SILENT, status);
      expect(explanation.kind).toBe('status');
      expect(explanation.resolution).toBeUndefined();
      expect(explanation.retry?.startsWith(`${GENERAL_PRACTICE_LEAD} `)).toBe(true);
      for (const claim of INVENTED) expect(explanation.retry).not.toMatch(claim);
    },
  );

  test('a 500 names the idempotent methods as HTTP’s, not the API’s', () => {
    expect(first(SILENT, '500').retry).toBe(
      `${GENERAL_PRACTICE_LEAD} for GET, HEAD, OPTIONS, PUT and DELETE (idempotent by HTTP's definition), retry with exponential backoff; honour Retry-After when sent. Other methods: do not retry.`,
    );
  });

  test('a code and a message without resolution or retry rule: no resolution, general practice for retry', () => {
    const code = first(SILENT, 'Q500');
    expect([code.kind, code.code, code.resolution]).toEqual(['code', 'Q500', undefined]);
    expect(code.retry?.startsWith(GENERAL_PRACTICE_LEAD)).toBe(true);
    const message = first(SILENT, 'Item is locked');
    expect([message.kind, message.resolution, message.meaning]).toEqual([
      'message',
      undefined,
      'Another request holds the item.',
    ]);
    expect(message.retry).toBe(`${GENERAL_PRACTICE_LEAD} do not retry.`);
  });

  test('a status the catalog does not document gets general practice only, and no invented step', () => {
    const explanation = first(SILENT, '502');
    expect(explanation.meaning).toMatch(/This API does not document status 502\./);
    expect(explanation.resolution).toBeUndefined();
    expect(explanation.retry?.startsWith(GENERAL_PRACTICE_LEAD)).toBe(true);
  });

  test('rate-limit headers whose unit the catalog does not give are read as readings, not as the API’s word', () => {
    const answer = ask(SILENT, 'Retry-After: 30\nX-RateLimit-Limit: 10\nX-RateLimit-Reset: 1767225600');
    const notes = Object.fromEntries((answer.http?.headerNotes ?? []).map((note) => [note.header, note.explanation]));
    // Retry-After's unit is HTTP's (RFC 9110), not a guess.
    expect(notes['Retry-After']).toMatch(/^Wait 30 s before the next request/);
    expect(notes['X-RateLimit-Limit']).toBe(
      'You may send 10 requests in the current window. That is the usual reading of this header; the API does not state what it counts.',
    );
    expect(notes['X-RateLimit-Reset']).toMatch(
      /^The window refills at .* \(Unix time 1767225600, .*\)\. Read as a Unix time; the API does not state the unit\.$/,
    );
  });

  test('the lookup index and catalog.json hold no invented limit, number, unit or guarantee', () => {
    const { files } = load(SILENT);
    for (const text of [...strings(files.core), ...strings(Object.values(files.shards)), ...strings(exported(SILENT))])
      for (const claim of INVENTED) expect(text, text).not.toMatch(claim);
  });

  test('catalog.json says null where the catalog is silent, and marks filled-in advice', () => {
    const json = exported(SILENT);
    expect(json.formatVersion).toBe(2);
    expect(json.api).toMatchObject({ version: null, retryPolicy: null });
    expect(json.statuses.map((status) => [status.action, status.retry.source])).toEqual(
      json.statuses.map(() => [null, 'general-practice']),
    );
    expect(json.statuses.find((status) => status.status === 500)!.retry).toEqual({
      source: 'general-practice',
      policy: 'backoff',
      methods: 'idempotent',
      otherwise: 'never',
      honorHeaders: ['Retry-After'],
      backoff: null,
      note: null,
    });
    expect(json.codes.map((code) => [code.resolution, code.retry.source])).toEqual([
      [null, 'general-practice'],
      [null, 'general-practice'],
    ]);
    expect(json.messages[0]).toMatchObject({ resolution: null, retry: null });
    expect(json.headers.map((header) => header.format)).toEqual([null, null, null]);
    expect(json.envelopes[0]!.mediaType).toBeNull();
  });
});

describe('a catalog that states everything', () => {
  test('the model keeps every statement and marks all advice as the API’s', () => {
    const { catalog } = load(STATING);
    expect(catalog.api.version).toBe('2026-02');
    expect(catalog.api.retryPolicy).toEqual({
      backoff: { initialMs: 250, factor: 3, maxDelayMs: 20_000, maxAttempts: 5, jitter: true },
      idempotentMethods: ['GET', 'PUT'],
      rules: ['Retry GET and PUT on 500 with backoff; never retry POST.'],
    });
    expect(catalog.statuses.every((status) => status.action && status.retry.source === 'api')).toBe(true);
    expect(catalog.codes.map((code) => [code.code, code.retryInherited, code.retry.source])).toEqual([
      ['L404', true, 'api'],
      ['L500', false, 'api'],
    ]);
  });

  test.each([
    ['200', 'Read the body.', 'The request succeeded; there is nothing to retry.'],
    // The API's own "once" is quoted as its word; the site adds none.
    ['401', 'Get a new token, then retry once.', 'Re-authenticate before any retry. Retry once with the new token.'],
    ['404', 'Check the id.', 'Do not retry. Fix the request first.'],
    [
      '429',
      'Wait for Retry-After.',
      'Wait for the time given by Retry-After or X-RateLimit-Reset, then retry; without the header, back off (start at 1 s, ×2 each try, capped at 8 s, at most 3 tries in all, without jitter).',
    ],
    [
      '500',
      'Retry GET and PUT with backoff.',
      'For GET and PUT: retry with exponential backoff (start at 250 ms, ×3 each try, capped at 20 s, at most 5 tries in all, with random jitter). Other methods: do not retry.',
    ],
    [
      '503',
      'Retry GET after the wait.',
      'For GET: retry with exponential backoff (start at 250 ms, ×3 each try, capped at 20 s, at most 5 tries in all, with random jitter); honour Retry-After when sent. Other methods: wait for the time given by Retry-After, then retry.',
    ],
  ])('the lookup tells status %s as stated', (status, action, retry) => {
    const explanation = first(STATING, status);
    expect([explanation.resolution, explanation.retry]).toEqual([action, retry]);
  });

  test('codes and messages keep their own resolution and numbers', () => {
    expect(first(STATING, 'L500')).toMatchObject({
      resolution: 'Retry with backoff, then report it.',
      retry:
        'Retry with exponential backoff (start at 100 ms, ×2 each try, capped at 400 ms, at most 4 tries in all, without jitter).',
    });
    expect(first(STATING, 'L404')).toMatchObject({
      resolution: 'Check the item id.',
      retry: 'Do not retry. Fix the request first.',
    });
    expect(first(STATING, 'Item is locked')).toMatchObject({
      resolution: 'Wait for the lock to clear.',
      retry: 'Retry with exponential backoff (start at 2 s).',
    });
  });

  test('headers whose unit the catalog states are read in that unit, without a hedge', () => {
    const answer = ask(STATING, 'X-RateLimit-Limit: 100\nX-RateLimit-Reset: 1767225600');
    const notes = Object.fromEntries((answer.http?.headerNotes ?? []).map((note) => [note.header, note.explanation]));
    expect(notes['X-RateLimit-Limit']).toBe('You may send 100 requests in the current window.');
    expect(notes['X-RateLimit-Reset']).toMatch(/^The window refills at .* \(Unix time 1767225600, .*\)\.$/);
  });

  test('nothing in the lookup index or catalog.json is labelled general practice', () => {
    const { files } = load(STATING);
    for (const text of [...strings(files.core), ...strings(Object.values(files.shards))])
      expect(text).not.toMatch(/general HTTP practice|states no retry rule/i);
    expect(exported(STATING).statuses.map((status) => status.retry.source)).toEqual(
      exported(STATING).statuses.map(() => 'api'),
    );
  });

  test('catalog.json carries every statement as stated', () => {
    const json = exported(STATING);
    expect(json.api).toMatchObject({
      version: '2026-02',
      retryPolicy: {
        backoff: { initialMs: 250, factor: 3, maxDelayMs: 20_000, maxAttempts: 5, jitter: true },
        idempotentMethods: ['GET', 'PUT'],
        rules: ['Retry GET and PUT on 500 with backoff; never retry POST.'],
      },
    });
    expect(json.statuses.find((status) => status.status === 429)).toMatchObject({
      action: 'Wait for Retry-After.',
      retry: {
        source: 'api',
        policy: 'retry-after',
        methods: 'all',
        otherwise: null,
        honorHeaders: ['Retry-After', 'X-RateLimit-Reset'],
        backoff: { initialMs: 1000, factor: 2, maxDelayMs: 8000, maxAttempts: 3, jitter: false },
        note: null,
      },
    });
    expect(json.headers.map((header) => header.format)).toEqual(['seconds', 'count', 'epoch-seconds']);
    expect(json.envelopes[0]!.mediaType).toBe('application/json');
    expect(json.messages[0]!.retry).toEqual({
      source: 'api',
      policy: 'backoff',
      methods: 'all',
      otherwise: null,
      honorHeaders: [],
      backoff: { initialMs: 2000, factor: null, maxDelayMs: null, maxAttempts: null, jitter: null },
      note: null,
    });
  });
});
