/**
 * The default catalog loads, and the facts the model derives from it hold: code spaces, ranges
 * holding their codes, retry inheritance, resolved references, deprecations and placeholders.
 */
import { describe, expect, test } from 'vitest';
import { evaluateFieldPath } from '../../src/schemas/field-path';
import { loadCatalog } from '../../src/catalog/load-catalog';
import type { Catalog, Code } from '../../src/catalog/model';
import { closest, nearestCodes } from '../../src/catalog/suggest';

const catalog: Catalog = loadCatalog('catalog');
const byKey = new Map(catalog.codes.map((code) => [code.key, code]));
const code = (key: string): Code => {
  const found = byKey.get(key);
  if (!found) throw new Error(`no code ${key} in the default catalog`);
  return found;
};

describe('the default catalog', () => {
  test('has the size the foundation issue asks for', () => {
    const messages = catalog.messageAreas.flatMap((area) => area.messages);
    const ranges = catalog.codeSpaces.flatMap((space) => space.ranges);
    expect(catalog.surfaces.map((surface) => surface.id)).toEqual(['gateway', 'console', 'ledger']);
    expect(catalog.codes.length).toBeGreaterThanOrEqual(45);
    expect(messages.length).toBeGreaterThanOrEqual(18);
    expect(catalog.messageAreas.length).toBeGreaterThanOrEqual(3);
    expect(ranges.length).toBeGreaterThanOrEqual(5);
    expect(ranges.some((range) => range.state === 'unused')).toBe(true);
    expect(ranges.some((range) => range.state === 'reserved')).toBe(true);
    expect(messages.filter((message) => message.placeholderNames.length > 0).length).toBeGreaterThanOrEqual(5);
  });

  test('gives every surface its envelopes, with both validation shapes (array and field map)', () => {
    const envelopesOf = (id: string) => catalog.surfaces.find((surface) => surface.id === id)?.envelopes;
    expect(envelopesOf('gateway')).toEqual(['pajaro-error']);
    expect(envelopesOf('console')).toEqual(['pajaro-error', 'form-error']);
    expect(envelopesOf('ledger')).toEqual(['problem-details']);
    const envelope = (id: string) => catalog.envelopes.find((candidate) => candidate.id === id)!;
    expect(envelope('pajaro-error').surfaces).toEqual(['gateway', 'console']);
    expect(envelope('pajaro-error').fields.field).toBe('errors[].field');
    expect(envelope('form-error').fields.fieldErrors).toBe('errors.<field>[]');
  });

  test('every field path of every envelope reaches a value in one of its examples', () => {
    for (const envelope of catalog.envelopes) {
      const bodies = envelope.examples
        .filter((example) => example.kind !== 'success')
        .map((example) => JSON.parse(example.body) as unknown);
      for (const [part, path] of Object.entries(envelope.fields)) {
        const reached = bodies.some((body) => evaluateFieldPath(body, path!).length > 0);
        expect(reached, `${envelope.id} fields.${part} (${path})`).toBe(true);
      }
    }
  });

  test('reads the per-field messages of the console form error through its field map', () => {
    const formError = catalog.envelopes.find((envelope) => envelope.id === 'form-error')!;
    const body = JSON.parse(formError.examples[0]!.body) as unknown;
    const matches = evaluateFieldPath(body, formError.fields.fieldErrors!);
    expect(matches.map((match) => [match.bindings.field, match.value])).toEqual([
      ['displayName', 'The display name field is required'],
      ['payoutSchedule', 'The payout schedule must be one of: daily, weekly, monthly'],
    ]);
  });
});

describe('code spaces and ranges', () => {
  test('the gateway and the console share the core space; the ledger has its own', () => {
    expect(catalog.codeSpaces.map((space) => [space.id, space.surfaces])).toEqual([
      ['core', ['gateway', 'console']],
      ['ledger', ['ledger']],
    ]);
    expect(code('core:1101').surfaces).toEqual(['gateway', 'console']);
    expect(code('ledger:4201').surfaces).toEqual(['ledger']);
  });

  test('a code can narrow the surfaces of its space to those that send it', () => {
    expect(code('core:1405').surfaces).toEqual(['console']);
    expect(code('core:1409').surfaces).toEqual(['gateway']);
    expect(code('core:1101').surfaces).toEqual(['gateway', 'console']);
  });

  test('the same number can be a different code in each space', () => {
    expect(code('core:1001').name).toBe('MISSING_HEADER');
    expect(code('ledger:1001').name).toBe('MERGE_PATCH_REQUIRED');
    const shared = catalog.codes.filter((entry) => entry.code === '1000').map((entry) => entry.key);
    expect(shared).toEqual(['core:1000', 'ledger:1000']);
  });

  test('every range holds exactly the codes inside its bounds, and only active ranges hold codes', () => {
    for (const space of catalog.codeSpaces) {
      for (const range of space.ranges) {
        const inside = space.codes.filter((key) => {
          const value = Number(code(key).code);
          return value >= range.from && value <= range.to;
        });
        expect(range.codes, `${space.id} ${range.slug}`).toEqual(inside);
        if (range.state !== 'active') expect(range.codes, `${space.id} ${range.slug} is ${range.state}`).toEqual([]);
      }
      expect(space.codes.every((key) => code(key).range !== undefined)).toBe(true);
    }
  });

  test('ranges are sorted and do not overlap', () => {
    for (const space of catalog.codeSpaces) {
      space.ranges.forEach((range, index) => {
        const previous = space.ranges[index - 1];
        if (previous) expect(range.from, `${space.id} ${range.slug}`).toBeGreaterThan(previous.to);
      });
    }
  });

  test('a code knows the slug of its range', () => {
    expect(code('core:1201').range).toBe('1200-1299');
    expect(code('ledger:1000').range).toBe('1000-1099');
  });

  test('codes are listed numerically within each space', () => {
    const core = catalog.codeSpaces.find((space) => space.id === 'core')!;
    const values = core.codes.map((key) => Number(code(key).code));
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });
});

describe('retry advice', () => {
  test('a code without its own advice inherits its status advice, and whose word it is', () => {
    const notFound = code('core:1101');
    expect(notFound.retryInherited).toBe(true);
    expect(notFound.retry).toMatchObject({ policy: 'never', source: 'api' });
    const rateLimited = code('core:1006');
    expect(rateLimited.retryInherited).toBe(true);
    expect(rateLimited.retry).toMatchObject({
      policy: 'retry-after',
      honorHeaders: ['Retry-After', 'X-RateLimit-Reset'],
    });
  });

  test('a code with its own advice keeps it, numbers included', () => {
    const inProgress = code('core:1005');
    expect(inProgress.status).toBe(409);
    expect(inProgress.retryInherited).toBe(false);
    expect(inProgress.retry).toEqual({
      source: 'api',
      policy: 'backoff',
      methods: 'all',
      honorHeaders: [],
      // Jitter is not stated for this code, so none is filled in.
      backoff: { initialMs: 1000, factor: 2, maxDelayMs: 8000, maxAttempts: 5 },
      note: 'Safe for POST because the Idempotency-Key guarantees the charge is made at most once.',
    });
  });

  test('statuses without advice get general practice for their class, marked as such', () => {
    const status = (value: number) => catalog.statuses.find((entry) => entry.status === value)!;
    expect(status(200).retry).toMatchObject({ policy: 'not-needed', source: 'general-practice' });
    expect(status(404).retry).toMatchObject({ policy: 'never', source: 'api' });
    expect(status(500).retry).toMatchObject({
      policy: 'backoff',
      methods: 'idempotent',
      otherwise: 'never',
      source: 'api',
    });
  });

  test('a status can advise differently on one surface', () => {
    const unavailable = catalog.statuses.find((entry) => entry.status === 503)!;
    expect(unavailable.retry.policy).toBe('backoff');
    expect(unavailable.surfaces.ledger?.retry?.policy).toBe('retry-after');
  });

  test('the API-wide policy carries the backoff numbers the guides quote', () => {
    expect(catalog.api.retryPolicy?.backoff).toEqual({
      initialMs: 500,
      factor: 2,
      maxDelayMs: 30_000,
      maxAttempts: 6,
      jitter: true,
    });
  });
});

describe('references', () => {
  test('related codes resolve to keys, across spaces too', () => {
    expect(code('core:1000').related).toEqual(['core:1003', 'core:1002', 'ledger:1000']);
    expect(code('ledger:1000').related).toEqual(['core:1000', 'ledger:1001']);
  });

  test('referencedBy lists every code that names this one', () => {
    expect(code('ledger:1000').referencedBy).toContain('core:1000');
    expect(code('core:1101').referencedBy).toEqual(expect.arrayContaining(['core:1100', 'core:1102', 'core:1403']));
  });

  test('every reference points at a code that exists', () => {
    for (const entry of catalog.codes) {
      for (const key of [
        ...entry.related,
        ...entry.referencedBy,
        ...(entry.deprecated?.replacedBy ? [entry.deprecated.replacedBy] : []),
      ]) {
        expect(byKey.has(key), `${entry.key} → ${key}`).toBe(true);
      }
    }
  });

  test('deprecated codes keep their page data and name their replacement', () => {
    const deprecated = catalog.codes
      .filter((entry) => entry.deprecated)
      .map((entry) => [entry.key, entry.deprecated!.replacedBy]);
    expect(deprecated).toEqual([
      ['core:1008', 'core:1002'],
      ['core:1102', 'core:1101'],
      ['ledger:4104', 'ledger:4101'],
    ]);
    expect(code('core:1102').deprecated).toMatchObject({ since: '2026-01' });
    expect(code('core:1002').referencedBy).toContain('core:1008');
  });

  test('messages link to their code by key, bare or qualified', () => {
    const messages = catalog.messageAreas.flatMap((area) => area.messages);
    expect(messages.find((message) => message.message === 'Charge {chargeId} not found.')?.code).toBe('core:1200');
    expect(messages.find((message) => message.message.startsWith('Balance {balanceId}'))?.code).toBe('ledger:4201');
  });
});

describe('placeholders', () => {
  test('a template yields its placeholder names in order', () => {
    expect(code('core:1204').placeholderNames).toEqual(['amount', 'min', 'max', 'currency']);
    expect(code('core:1000').placeholderNames).toEqual([]);
  });

  test('every described placeholder of the default catalog appears in its message', () => {
    for (const entry of catalog.codes) {
      for (const name of Object.keys(entry.placeholders))
        expect(entry.placeholderNames, `${entry.key} {${name}}`).toContain(name);
    }
  });

  test('common messages have their placeholder names too', () => {
    const area = catalog.messageAreas.find((candidate) => candidate.slug === 'payments')!;
    expect(area.messages[0]).toMatchObject({
      message: 'Charge {chargeId} not found.',
      placeholderNames: ['chargeId'],
      status: 404,
    });
  });
});

describe('catalog quality', () => {
  test('every code says since when it exists, and support notes appear with questions and an escalation', () => {
    expect(catalog.codes.filter((entry) => !entry.since).map((entry) => entry.key)).toEqual([]);
    const withSupport = catalog.codes.filter(
      (entry) => (entry.support?.ask.length ?? 0) > 0 && entry.support?.escalate,
    );
    expect(withSupport.length).toBeGreaterThanOrEqual(10);
  });

  test('every code has a constant name, unique within its space', () => {
    for (const space of catalog.codeSpaces) {
      const names = space.codes.map((key) => code(key).name);
      expect(names.every(Boolean), space.id).toBe(true);
      expect(new Set(names).size, space.id).toBe(names.length);
    }
  });
});

describe('did-you-mean helpers', () => {
  test('closest finds a typo and ignores unrelated words', () => {
    expect(closest('resolutoin', ['cause', 'resolution', 'retry'])).toBe('resolution');
    expect(closest('colour', ['cause', 'resolution'])).toBeUndefined();
  });

  test('nearestCodes suggests numeric neighbours, not the first codes of the file', () => {
    expect(nearestCodes('1209', ['1000', '1001', '1200', '1208', '1210', '1300'])).toEqual(['1200', '1208', '1210']);
    expect(nearestCodes('not_fond', ['not_found', 'conflict', 'invalid'], 1)).toEqual(['not_found']);
  });
});

test('the minimal fixture catalog that every bad fixture is copied from is itself sound', () => {
  const minimal = loadCatalog('tests/fixtures/minimal-catalog');
  expect(minimal.codes.map((entry) => entry.key)).toEqual(['shop:1001', 'shop:1002']);
});
