/** The lookup's suggested inputs quote the catalog being built, never the default catalog. */
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { lookupExamples, lookupPlaceholder } from '../../src/view/lookup-examples';

describe('lookup examples and placeholders', () => {
  test("a team's catalog is quoted by its own numeric code, name and 429", () => {
    const examples = lookupExamples(loadCatalog('tests/fixtures/team-catalog'));
    expect(examples).toMatchObject({ code: '3001', name: 'INVOICE_FIELD_INVALID', status: 429 });
    expect(lookupPlaceholder(examples, true)).toBe('e.g. 3001, INVOICE_FIELD_INVALID, 429 or a message');
    expect(lookupPlaceholder(examples, false)).toBe(
      'Paste an error body, a raw HTTP response, headers, a message — or type a code such as 3001',
    );
  });

  test('a catalog of symbolic codes without names is quoted by a symbolic code', () => {
    const examples = lookupExamples(loadCatalog('examples/cutover'));
    expect(examples.code).toBe('not_found');
    expect(examples.name).toBeUndefined();
    expect(lookupPlaceholder(examples, true)).toMatch(/^e\.g\. not_found, \d{3} or a message$/);
  });

  test('a catalog without codes suggests no code at all', () => {
    const examples = lookupExamples(loadCatalog('examples/migrayt'));
    expect(examples.code).toBeUndefined();
    expect(lookupPlaceholder(examples, false)).toBe(
      'Paste an error body, a raw HTTP response, headers, a message — or type a code',
    );
    expect(lookupPlaceholder({}, true)).toBe('A code, a status or a message');
  });
});
