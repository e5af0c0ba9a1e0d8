/**
 * The four example catalogs in examples/ (one per seed document in ../shared/seeds/) load with no
 * problem, and the model holds the facts each seed states: counts per concept and the facts that
 * needed the model extended (two envelopes on one API, error.ownCode, a message string or array,
 * a field→messages map, a symbolic code, retries by method, 304 use-cache, ranges without codes,
 * shared code spaces, statuses documented together, a shape without a sample body).
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { buildModel } from '../../src/catalog/build-model';
import { readCatalogFiles } from '../../src/catalog/read-catalog';
import type { Catalog } from '../../src/catalog/model';
import { retryContext } from '../../src/catalog/queries';
import { GENERAL_PRACTICE_LEAD, retrySentence } from '../../src/view/retry-text';
import { evaluateFieldPath } from '../../src/schemas/field-path';

const catalogs = new Map<string, Catalog>();
function example(name: string): Catalog {
  if (!catalogs.has(name)) catalogs.set(name, loadCatalog(`examples/${name}`));
  return catalogs.get(name)!;
}

const statusNumbers = (catalog: Catalog) => catalog.statuses.map((status) => status.status);
const status = (catalog: Catalog, number: number) => catalog.statuses.find((entry) => entry.status === number)!;
const envelope = (catalog: Catalog, id: string) => catalog.envelopes.find((entry) => entry.id === id)!;
const header = (catalog: Catalog, name: string) => catalog.headers.find((entry) => entry.name === name);
const parsedExamples = (catalog: Catalog, id: string) =>
  envelope(catalog, id).examples.map((entry) => JSON.parse(entry.body) as unknown);
const values = (body: unknown, path: string) => evaluateFieldPath(body, path).map((match) => match.value);

describe.each(['migrayt', 'cutover', 'migo', 'tracker'])('examples/%s', (name) => {
  test('loads with zero problems', () => {
    expect(() => example(name)).not.toThrow();
  });

  test('declares every envelope example as valid JSON that its field paths can read', () => {
    const catalog = example(name);
    for (const entry of catalog.envelopes) {
      const errorBodies = entry.examples
        .filter((sample) => sample.kind !== 'success')
        .map((sample) => JSON.parse(sample.body) as unknown);
      for (const path of Object.values(entry.fields)) {
        if (errorBodies.length > 0 && path)
          expect(
            errorBodies.some((body) => evaluateFieldPath(body, path).length > 0),
            `${entry.id}: ${path}`,
          ).toBe(true);
      }
    }
  });
});

describe('Migrayt (seed 000)', () => {
  test('has the eleven statuses of its table, 2xx included', () => {
    expect(statusNumbers(example('migrayt'))).toEqual([200, 201, 204, 400, 401, 403, 404, 409, 429, 500, 502]);
    expect(status(example('migrayt'), 404).meaning).toMatch(/another tenant/);
    expect(status(example('migrayt'), 502).meaning).toMatch(/ADO, Jira or AWS/);
  });

  test('reads message as a string or as an array of validation messages', () => {
    const catalog = example('migrayt');
    const [plain, validation] = parsedExamples(catalog, 'error-response');
    expect(envelope(catalog, 'error-response').fields).toEqual({
      status: 'statusCode',
      message: 'message',
      title: 'error',
    });
    expect(values(plain, 'message')).toEqual(['Human-readable description of the error']);
    expect(values(validation, 'message')).toEqual([
      ['email must be a valid email', 'password must be at least 8 characters'],
    ]);
    expect(values(validation, 'statusCode')).toEqual([400]);
  });

  test("groups its eleven messages in the seed's three areas, templates included", () => {
    const areas = example('migrayt').messageAreas;
    expect(areas.map((area) => [area.name, area.messages.length])).toEqual([
      ['Authentication', 3],
      ['Migrations', 4],
      ['Connectors', 4],
    ]);
    const notPaused = areas[1]!.messages.find((message) => message.message === 'Run {id} is not paused')!;
    expect(notPaused.placeholderNames).toEqual(['id']);
    expect(notPaused.resolution).toMatch(/PAUSED/);
  });

  test("keeps the rate-limit headers with the seed's example values and waits for Retry-After on 429", () => {
    const catalog = example('migrayt');
    expect(catalog.headers.map((entry) => [entry.name, entry.example])).toEqual([
      ['Retry-After', '30'],
      ['X-RateLimit-Limit', '10'],
      ['X-RateLimit-Reset', '1720001234'],
    ]);
    expect(status(catalog, 429).retry).toMatchObject({ policy: 'retry-after', honorHeaders: ['Retry-After'] });
  });

  test('marks retry advice it does not state as general practice', () => {
    const catalog = example('migrayt');
    expect(status(catalog, 429).retry.source).toBe('api');
    expect(status(catalog, 500).retry.source).toBe('general-practice');
    expect(status(catalog, 502).retry.source).toBe('general-practice');
  });

  test('has no codes and no ranges', () => {
    const catalog = example('migrayt');
    expect(catalog.codes).toEqual([]);
    expect(catalog.codeSpaces.flatMap((space) => space.ranges)).toEqual([]);
  });
});

describe('Cutover (seed 001)', () => {
  test('has the thirteen statuses it lists, with 405 pointing at 501', () => {
    const catalog = example('cutover');
    expect(statusNumbers(catalog)).toEqual([200, 201, 400, 401, 403, 404, 405, 422, 429, 500, 501, 503, 504]);
    expect(status(catalog, 405).related).toEqual([501]);
    expect(status(catalog, 429).retry).toMatchObject({ policy: 'backoff' });
    expect(status(catalog, 429).action).toMatch(/Customer Success Manager/);
  });

  test('states what each of its three status classes means', () => {
    expect(Object.keys(example('cutover').api.statusClasses)).toEqual(['2xx', '4xx', '5xx']);
    expect(example('cutover').api.statusClasses['5xx']).toMatch(/rare/);
  });

  test('documents the symbolic code not_found in a space without ranges', () => {
    const catalog = example('cutover');
    expect(catalog.codes.map((code) => [code.key, code.status, code.slug])).toEqual([
      ['cutover-api:not_found', 404, 'not_found'],
    ]);
    expect(catalog.codeSpaces[0]!.ranges).toEqual([]);
  });

  test("reads code, title and detail from each errors[] entry of the seed's 404 body", () => {
    const [body] = parsedExamples(example('cutover'), 'errors-array');
    expect(values(body, 'errors[].code')).toEqual(['not_found']);
    expect(values(body, 'errors[].title')).toEqual(['Not Found']);
    expect(values(body, 'errors[].detail')).toEqual([
      'This link is not valid. This may be because the item is archived or you do not have access to it.',
    ]);
  });
});

describe('Migo (seed 002)', () => {
  test('has three surfaces; the Wallet Gateway and the CMS Backoffice share one code space', () => {
    const catalog = example('migo');
    expect(catalog.surfaces.map((surface) => [surface.id, surface.codeSpace])).toEqual([
      ['wallet-gateway', 'wallet-cms'],
      ['cms-backoffice', 'wallet-cms'],
      ['middleware', 'middleware'],
    ]);
    expect(catalog.codeSpaces.map((space) => [space.id, space.surfaces])).toEqual([
      ['wallet-cms', ['wallet-gateway', 'cms-backoffice']],
      ['middleware', ['middleware']],
    ]);
  });

  test('has two envelopes with different field paths for the business code', () => {
    const catalog = example('migo');
    expect(envelope(catalog, 'custom-response').fields.code).toBe('errors[].code');
    expect(envelope(catalog, 'error-response-dto').fields.code).toBe('error.ownCode');
    expect(envelope(catalog, 'error-response-dto').fields.status).toBe('error.code');
    expect([...envelope(catalog, 'custom-response').surfaces].sort()).toEqual(['cms-backoffice', 'wallet-gateway']);
    expect(values(parsedExamples(catalog, 'custom-response')[1], 'errors[].code')).toEqual(['7100']);
  });

  test('documents ErrorResponseDto by its shape alone, inventing no example body', () => {
    const dto = envelope(example('migo'), 'error-response-dto');
    expect(dto.examples).toEqual([]);
    expect(dto.declaration).toMatch(/ownCode\?: string/);
  });

  test("divides the code spaces into the seed's ranges, unused ones included, with no codes", () => {
    const catalog = example('migo');
    const [walletCms, middleware] = catalog.codeSpaces;
    expect(walletCms!.ranges.map((range) => `${range.slug} ${range.state}`)).toEqual([
      '7000-7099 active',
      '7100-7199 active',
      '7200-7299 active',
      '7300-7399 active',
      '7400-7499 active',
      '7500-7599 active',
      '7600-7699 active',
      '7700-7799 active',
      '7800-7899 unused',
      '7900-7999 unused',
      '8000-8099 active',
    ]);
    expect(middleware!.ranges.map((range) => range.slug)).toEqual(['2000-2099', '5000-5099']);
    expect(catalog.codes).toEqual([]);
    const holding7150 = walletCms!.ranges.find((range) => range.from <= 7150 && 7150 <= range.to)!;
    expect([holding7150.slug, holding7150.name]).toEqual(['7100-7199', 'Users']);
  });

  test('keeps the retry table: 3 retries for 500, 502 and 504, and no number it does not give', () => {
    const catalog = example('migo');
    for (const number of [500, 502, 504]) {
      expect(status(catalog, number).retry).toMatchObject({ policy: 'backoff', methods: 'all' });
      expect(status(catalog, number).retry.backoff).toEqual({ maxAttempts: 4 });
    }
    expect(status(catalog, 503).retry.backoff).toBeUndefined();
    expect(status(catalog, 503).retry.note).toMatch(/up to 5 minutes/);
    expect(status(catalog, 401).retry.policy).toBe('reauthenticate');
    for (const number of [400, 422, 403, 404, 409]) expect(status(catalog, number).retry.policy).toBe('never');
    expect(catalog.api.retryPolicy?.rules[0]).toMatch(/Network timeouts/);
    expect(statusNumbers(catalog)).toEqual([200, 201, 204, 400, 401, 403, 404, 409, 422, 500, 502, 503, 504]);
  });
});

describe('Tracker (seed 003)', () => {
  test('has the fifteen statuses of its table, 304 meaning "use your cached copy"', () => {
    const catalog = example('tracker');
    expect(statusNumbers(catalog)).toEqual([200, 201, 204, 304, 400, 401, 403, 404, 405, 409, 422, 429, 500, 502, 503]);
    expect(status(catalog, 304).retry.policy).toBe('use-cache');
    expect(status(catalog, 304).action).toBe('Use your cached copy.');
  });

  test('documents 502 and 503 together', () => {
    const catalog = example('tracker');
    expect(status(catalog, 502).related).toEqual([503]);
    expect(status(catalog, 503).related).toEqual([502]);
    expect(status(catalog, 502).meaning).toBe(status(catalog, 503).meaning);
  });

  test('retries by method: idempotent methods on 5xx, every method on 429', () => {
    const catalog = example('tracker');
    expect(catalog.api.retryPolicy?.idempotentMethods).toEqual(['GET', 'HEAD', 'PUT', 'DELETE']);
    expect(catalog.api.retryPolicy?.backoff).toEqual({
      initialMs: 500,
      factor: 2,
      maxDelayMs: 30_000,
      maxAttempts: 6,
    });
    expect(status(catalog, 500).retry).toMatchObject({ policy: 'backoff', methods: 'idempotent', otherwise: 'never' });
    expect(status(catalog, 500).retry.note).toMatch(/POST/);
    expect(status(catalog, 429).retry).toMatchObject({
      policy: 'retry-after',
      methods: 'all',
      honorHeaders: ['X-RateLimit-Reset', 'Retry-After'],
    });
    expect(status(catalog, 409).retry.policy).toBe('never');
  });

  test('maps each field of a validation error to its messages', () => {
    const catalog = example('tracker');
    const [, validation] = parsedExamples(catalog, 'error');
    const matches = evaluateFieldPath(validation, envelope(catalog, 'error').fields.fieldErrors!);
    expect(matches.map((match) => [match.bindings.field, match.value])).toEqual([
      ['title', 'The title field is required'],
      ['priority', 'The priority must be one of: low, medium, high, urgent'],
    ]);
  });

  test('keeps its common errors with their statuses, and the headers they talk about', () => {
    const catalog = example('tracker');
    expect(
      catalog.messageAreas.flatMap((area) => area.messages.map((message) => `${message.status} ${message.message}`)),
    ).toEqual([
      '401 Authentication required',
      '403 API key bound to a different organization',
      '403 Not available for API key auth — use a user session',
      '422 Validation failed',
      '429 Rate limit exceeded. Try again later.',
    ]);
    expect(header(catalog, 'X-RateLimit-Reset')).toMatchObject({ in: 'response', format: 'seconds' });
    expect(header(catalog, 'X-RateLimit-Reset')?.example).toBeUndefined();
    expect(header(catalog, 'X-Org-Id')).toMatchObject({ in: 'request', statuses: [403, 404] });
  });
});

describe('retry advice is told with the numbers the seed states, and no others', () => {
  const sentence = (name: string, number: number) =>
    retrySentence(status(example(name), number).retry, retryContext(example(name)));

  test('an API that states no backoff numbers gets none quoted', () => {
    expect(sentence('cutover', 429)).toBe('Retry with exponential backoff.');
    expect(sentence('migrayt', 429)).toBe('Wait for the time given by Retry-After, then retry.');
  });

  test('the numbers a seed states are quoted as stated', () => {
    expect(sentence('migo', 502)).toBe('Retry with exponential backoff (at most 4 tries in all).');
    expect(sentence('migo', 503)).toBe(
      'Retry with exponential backoff. The ceiling is long — up to 5 minutes. Migo does not say whether it bounds each wait or the whole time spent retrying, nor how many tries to make.',
    );
    expect(sentence('tracker', 500)).toBe(
      'For GET, HEAD, PUT and DELETE: retry with exponential backoff (start at 500 ms, ×2 each try, capped at 30 s, at most 6 tries in all). ' +
        'Other methods: do not retry. Never retry a 500 on POST blindly — the resource may already exist.',
    );
  });
});

/** Every file of an example (YAML without its comments, and MDX), as one text: what its pages are made of. */
function exampleText(name: string): string {
  const dir = `examples/${name}`;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
      return entry.name.endsWith('.yaml') ? text.replace(/^\s*#.*$/gm, '') : text;
    })
    .join('\n')
    .replace(/\s+/g, ' ');
}
/** Fails, naming the claim, when the example's text makes it. */
function expectNoClaim(name: string, claims: readonly string[]): void {
  const text = exampleText(name);
  for (const claim of claims) expect(text.includes(claim), `examples/${name} says "${claim}"`).toBe(false);
}
const sentences = (name: string) =>
  new Map(
    example(name).statuses.map((entry) => [entry.status, retrySentence(entry.retry, retryContext(example(name)))]),
  );
const guide = (name: string, slug: string) =>
  readFileSync(`examples/${name}/guides/${slug}.mdx`, 'utf8').replace(/\s+/g, ' ');

describe('each example says only what its seed says (issue 16)', () => {
  test.each(['migrayt', 'cutover', 'migo', 'tracker'])(
    '%s: no retry sentence limits a retry to one, tells to fix a request the seed does not blame, or invents jitter',
    (name) => {
      for (const [number, text] of sentences(name)) {
        expect(text, `${name} ${number}`).not.toMatch(/\bonce\b|fix the request first|jitter|no fixed try limit/);
        // Advice the catalog does not state is told as general practice, and only that advice.
        expect(text.startsWith(GENERAL_PRACTICE_LEAD), `${name} ${number}`).toBe(
          status(example(name), number).retry.source === 'general-practice',
        );
      }
    },
  );

  test('Migrayt (S0): no action, fix step, unit or guarantee the seed does not give', () => {
    const catalog = example('migrayt');
    // S0:27-40 gives meanings only; S0:40 "contact support" and S0:75 "Wait for Retry-After seconds" are the actions.
    expect(catalog.statuses.filter((entry) => entry.action).map((entry) => entry.status)).toEqual([429, 500]);
    expect(catalog.api.retryPolicy).toBeUndefined();
    expect(catalog.api.version).toBeUndefined();
    // S0:62-63: the Resolution column holds a cause, and no step.
    const connectors = catalog.messageAreas.find((area) => area.name === 'Connectors')!.messages;
    expect(connectors.slice(0, 2).map((message) => [message.meaning, message.resolution])).toEqual([
      ['The ADO personal access token (PAT) is expired or has insufficient permissions.', undefined],
      ['The Jira API token lacks the Project Administrator role.', undefined],
    ]);
    // S0:71-73 show values only; S0:75 gives Retry-After's unit.
    expect(catalog.headers.map((entry) => [entry.name, entry.format])).toEqual([
      ['Retry-After', 'seconds'],
      ['X-RateLimit-Limit', undefined],
      ['X-RateLimit-Reset', undefined],
    ]);
    // S0:79, with its scope and its own words.
    expect(guide('migrayt', 'idempotency')).toContain(
      'If a migration is already running for the project, the existing run is returned rather than starting a new one. This prevents accidental duplicate migrations if a request is retried.',
    );
    expect(guide('migrayt', 'rate-limits')).not.toMatch(/\?\? '0'|return request\(\)/);
    expectNoClaim('migrayt', [
      'a new token for the same account will not help',
      'cannot create a duplicate',
      'rather than in your request',
      'not a problem with your request',
      'then repeat the request',
      'Grant the Project Administrator role',
      'Create a PAT',
      'Unix timestamp',
      'REST',
    ]);
  });

  test('Cutover (S1): no action for statuses whose line gives none, no guarantee about the code, hedges kept', () => {
    const catalog = example('cutover');
    // S1:9 (401) and S1:14 (429) are the only lines that say what to do.
    expect(catalog.statuses.filter((entry) => entry.action).map((entry) => entry.status)).toEqual([401, 429]);
    expect(status(catalog, 501).meaning).toBe('Usually a sign that the Core application is not up to date.');
    expect(catalog.codes[0]!.resolution).toBeUndefined();
    expect(catalog.envelopes[0]!.mediaType).toBeUndefined();
    expect(catalog.envelopes[0]!.description).toMatch(/Cutover recommends mapping errors by the code\.$/);
    expectNoClaim('cutover', [
      'not at fault',
      'not in your request',
      'the code will not',
      'never by the text',
      'which explains',
      'has been archived',
      'REST',
    ]);
  });

  test('Migo (S2): no idempotent methods, no API-wide backoff, the sample code’s waits only in the guides', () => {
    const catalog = example('migo');
    expect(catalog.api.retryPolicy?.idempotentMethods).toBeUndefined();
    expect(catalog.api.retryPolicy?.backoff).toBeUndefined();
    expect(catalog.envelopes.map((entry) => entry.mediaType)).toEqual([undefined, undefined]);
    expect(sentences('migo').get(401)).toBe('Re-authenticate before any retry. Refresh the token, then retry.');
    expect(sentences('migo').get(409)).toBe('Do not retry.');
    // S2:108 is ambiguous: the text says so instead of choosing a reading.
    expect(sentences('migo').get(503)).toMatch(
      /does not say whether it bounds each wait or the whole time spent retrying/,
    );
    expect(guide('migo', 'retries')).toMatch(
      /The table gives no wait times and no jitter, and does not distinguish HTTP methods/,
    );
    expectNoClaim('migo', [
      'retrying it unchanged will fail again',
      'maxDelayMs',
      'jitter: false',
      'worth repeating',
      'every code by its range',
      'wait out maintenance',
    ]);
  });

  test('Tracker (S3): no jitter, no unit for Retry-After, both rate-limit headers honoured', () => {
    const catalog = example('tracker');
    expect(catalog.api.retryPolicy?.backoff?.jitter).toBeUndefined();
    expect(header(catalog, 'Retry-After')?.format).toBeUndefined();
    expect(sentences('tracker').get(401)).toBe(
      'Re-authenticate before any retry. Do not retry blindly — repeated 401s look like a brute-force attack.',
    );
    expect(status(catalog, 403).action).toBe(
      "Check your role and the key's org binding. Read the message — it's specific.",
    );
    const rateLimited = catalog.messageAreas[0]!.messages.find((message) => message.status === 429)!;
    expect(rateLimited.resolution).toMatch(/^Honour X-RateLimit-Reset or Retry-After before the next request\./);
    // S3:34 "Honor X-RateLimit-Reset / Retry-After": the sample reads both.
    expect(guide('tracker', 'retry-policy')).toMatch(
      /headers\.get\('X-RateLimit-Reset'\)[\s\S]*headers\.get\('Retry-After'\)/,
    );
    expectNoClaim('tracker', [
      'names the exact reason',
      'safe to repeat for every method',
      'X-RateLimit-Reset gives the seconds',
      'jitter',
      'REST',
    ]);
  });
});

describe('model extensions the seeds needed report author mistakes', () => {
  // Inside the project, so the file names in the problems are the same on every machine.
  const scratch = '.cache/unit/examples';
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  /** Copies an example to `scratch/<label>`, rewrites one file and returns the problems the model reports. */
  function problemsAfter(label: string, name: string, file: string, edit: (text: string) => string) {
    const dir = join(scratch, label);
    rmSync(dir, { recursive: true, force: true });
    cpSync(`examples/${name}`, dir, { recursive: true });
    writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
    return buildModel(readCatalogFiles(dir)).problems.map(({ field, message, fix }) => ({ field, message, fix }));
  }

  test('a related status must be declared', () => {
    expect(
      problemsAfter('undeclared-related-status', 'tracker', 'statuses/statuses.yaml', (text) =>
        text.replace('related: [503]', 'related: [504]'),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "field": "statuses[13].related[0]",
          "fix": "declare status 504 (e.g. in .cache/unit/examples/undeclared-related-status/statuses/statuses.yaml) or remove it from related:",
          "message": "related status 504 is not declared",
        },
      ]
    `);
  });

  test('an envelope needs an example body or, failing that, a declaration of its shape', () => {
    const problems = problemsAfter('envelope-without-example', 'migo', 'envelopes/error-response-dto.yaml', (text) =>
      text.replace(/^declaration:[\s\S]*?^fields:/m, 'fields:'),
    );
    expect(problems.filter((problem) => problem.field === 'examples')).toMatchInlineSnapshot(`
      [
        {
          "field": "examples",
          "fix": "add examples: [{ title: Not found, body: ... }], or a declaration: when the API shows only the shape",
          "message": "the envelope has no example body and no declaration",
        },
      ]
    `);
  });
});
