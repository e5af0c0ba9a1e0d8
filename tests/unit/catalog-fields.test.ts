/**
 * docs/catalog-fields.md, the field reference linked from the README, is generated from the zod
 * schemas and their JSDoc: it must be current, and it must hold every field the build accepts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CATALOG_FIELDS_FILE, catalogFieldsMarkdown } from '../../src/publishing/catalog-fields';
import { envelopeFieldsSchema } from '../../src/schemas/envelope';
import { headerSchema } from '../../src/schemas/header';
import { messageSchema } from '../../src/schemas/message';

const generated = catalogFieldsMarkdown();

/** The rows of one concept's table: field name → its cells. */
function table(title: string): Map<string, string[]> {
  const section = generated.split(`\n## ${title}\n`)[1]?.split('\n## ')[0];
  if (!section) throw new Error(`no section "${title}"`);
  return new Map(
    section
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => {
        const cells = line.slice(2, -2).split(' | ');
        return [cells[0]!.replace(/`/g, ''), cells.slice(1)];
      }),
  );
}

describe('the field reference', () => {
  test('is up to date with the schemas (run npm run schemas after changing src/schemas/)', () => {
    expect(readFileSync(CATALOG_FIELDS_FILE, 'utf8')).toBe(generated);
  });

  test('lists every field of a schema, in order, with its JSDoc', () => {
    expect([...table('Envelope fields').keys()]).toEqual(Object.keys(envelopeFieldsSchema.shape));
    expect([...table('Header').keys()]).toEqual(Object.keys(headerSchema.shape));
    expect([...table('Message').keys()]).toEqual(Object.keys(messageSchema.shape));
    expect(table('Envelope fields').get('instance')).toEqual([
      'field path',
      'no',
      'A URI of this occurrence of the problem, often the resource it is about: RFC 9457 `instance`.',
    ]);
  });

  test('says what is required, what the defaults are, and links nested concepts', () => {
    expect(table('Code').get('code')?.slice(0, 2)).toEqual(['code (`7100` or `not_found`)', '**yes**']);
    // A media type the API does not state is not filled in (issue 16): no default.
    expect(table('Envelope').get('mediaType')?.[1]).toBe('no');
    expect(table('Header').get('in')?.[1]).toBe('no; default `response`');
    expect(table('API').get('version')?.[1]).toBe('no');
    expect(table('Status').get('retry')?.[0]).toBe('[Retry advice](#retry-advice)');
    expect(table('Retry advice').get('policy')?.[2]).toContain(
      '- `not-needed`: nothing to retry: the request succeeded (2xx), or, on an error status',
    );
  });
});
