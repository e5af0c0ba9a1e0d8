/**
 * The JSON Schemas in public/schemas/ are generated from the zod schemas and must stay current,
 * and the catalog files must validate against the schema their `$schema` line names, because that
 * is what authors' editors check them with.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import {
  CATALOG_FILE_SCHEMAS,
  generateJsonSchemas,
  JSON_SCHEMA_DIR,
  readSourceDocs,
} from '../../src/publishing/json-schemas';

const generated = generateJsonSchemas();
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validators = new Map<string, ValidateFunction>(
  CATALOG_FILE_SCHEMAS.map(({ name }) => [name, ajv.compile(JSON.parse(generated.get(name)!))]),
);

/** Every YAML file of a catalog folder, with the schema name its folder calls for. */
function catalogYamlFiles(dir: string): Array<{ path: string; expected: string }> {
  const files: Array<{ path: string; expected: string }> = [];
  for (const entry of CATALOG_FILE_SCHEMAS) {
    if (entry.folder === '') {
      files.push({ path: join(dir, 'api.yaml'), expected: entry.name });
      continue;
    }
    let names: string[] = [];
    try {
      names = readdirSync(join(dir, entry.folder)).filter((name) => /\.ya?ml$/.test(name));
    } catch {
      // A catalog may leave out optional folders.
    }
    for (const name of names) files.push({ path: join(dir, entry.folder, name), expected: entry.name });
  }
  return files;
}

/** The schema file a catalog file's first-line `# yaml-language-server: $schema=…` comment names. */
function schemaLine(path: string): string | undefined {
  const match = /^# yaml-language-server: \$schema=(\S+)\s*$/m.exec(readFileSync(path, 'utf8').split('\n')[0] ?? '');
  return match?.[1];
}

function errorsOf(name: string, data: unknown): string[] {
  const validate = validators.get(name)!;
  return validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`);
}

describe('generated JSON Schemas', () => {
  test.each(CATALOG_FILE_SCHEMAS.map(({ name }) => name))(
    'public/schemas/%s.schema.json is up to date (run `npm run schemas` after changing src/schemas/)',
    (name) => {
      const committed = readFileSync(join(JSON_SCHEMA_DIR, `${name}.schema.json`), 'utf8');
      expect(committed).toBe(generated.get(name));
    },
  );

  test('every property of every schema carries its JSDoc as hover help', () => {
    const missing: string[] = [];
    const walk = (schema: Record<string, unknown>, path: string) => {
      for (const [key, value] of Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (typeof value.description !== 'string' || value.description.length === 0) missing.push(`${path}.${key}`);
        walk(value, `${path}.${key}`);
      }
      for (const key of ['items', 'additionalProperties']) {
        if (schema[key] && typeof schema[key] === 'object') walk(schema[key] as Record<string, unknown>, `${path}[]`);
      }
      for (const option of (schema.anyOf ?? []) as Record<string, unknown>[]) walk(option, path);
    };
    for (const [name, text] of generated) walk(JSON.parse(text), name);
    expect(missing).toEqual([]);
    const codes = JSON.parse(generated.get('codes')!);
    expect(codes.properties.codes.items.properties.cause.description).toBe('Why it happens.');
  });

  test('fields with defaults are optional for authors, and unknown keys are rejected', () => {
    const codes = JSON.parse(generated.get('codes')!);
    const code = codes.properties.codes.items;
    expect(code.required).toEqual(expect.arrayContaining(['code', 'message', 'cause']));
    // A code has status: (one) or statuses: (several, each in its context); the build requires one of them.
    expect(Object.keys(code.properties)).toEqual(expect.arrayContaining(['status', 'statuses']));
    expect(code.properties.statuses.items.required).toEqual(['status']);
    // What the API may not state is optional for authors, so nothing has to be invented for it.
    expect(code.required).not.toContain('resolution');
    expect(code.required).not.toContain('related');
    expect(code.properties.related.default).toEqual([]);
    expect(code.additionalProperties).toBe(false);
  });

  test('JSDoc is read from object keys and from the exported constant', () => {
    const docs = readSourceDocs(
      [
        '/** One thing. */',
        'export const thingSchema = z',
        '  .object({',
        '    /** Its name,',
        '     * wrapped over two lines. */',
        '    name: z.string(),',
        '    count: z.number(),',
        '  })',
        '  .strict();',
      ].join('\n'),
    );
    expect(docs.get('thingSchema')).toEqual({
      description: 'One thing.',
      properties: { name: 'Its name, wrapped over two lines.' },
    });
  });
});

const EXAMPLE_CATALOGS = ['examples/migrayt', 'examples/cutover', 'examples/migo', 'examples/tracker'];
describe.each(['catalog', 'tests/fixtures/hostile-catalog', ...EXAMPLE_CATALOGS])('catalog files of %s', (dir) => {
  const files = catalogYamlFiles(dir);

  test('name the schema of their folder in a `# yaml-language-server: $schema=` first line', () => {
    expect(files.length).toBeGreaterThanOrEqual(4); // at least api.yaml, a surface, an envelope and statuses
    const wrong = files.filter(({ path, expected }) => {
      const line = schemaLine(path);
      return !line || resolve(dirname(path), line) !== resolve(JSON_SCHEMA_DIR, `${expected}.schema.json`);
    });
    expect(
      wrong.map(
        ({ path, expected }) =>
          `${relative('.', path)} should start with # yaml-language-server: $schema=${relative(dirname(path), resolve(JSON_SCHEMA_DIR, `${expected}.schema.json`))}`,
      ),
    ).toEqual([]);
  });

  test('validate against their JSON Schema', () => {
    const failures = files.flatMap(({ path, expected }) =>
      errorsOf(expected, parse(readFileSync(path, 'utf8'))).map((error) => `${path}: ${error}`),
    );
    expect(failures).toEqual([]);
  });
});

test('the schemas reject what the catalog loader rejects: a misspelt key, a status out of range', () => {
  const base = { code: 1000, status: 400, message: 'Bad.', cause: 'Because.', resolution: 'Fix it.' };
  expect(errorsOf('codes', { codeSpace: 'core', codes: [base] })).toEqual([]);
  expect(errorsOf('codes', { codeSpace: 'core', codes: [{ ...base, resolutoin: 'typo' }] })).toEqual([
    '/codes/0 must NOT have additional properties',
  ]);
  expect(errorsOf('codes', { codeSpace: 'core', codes: [{ ...base, status: 700 }] })).toEqual([
    '/codes/0/status must be <= 599',
  ]);
  expect(errorsOf('codes', { codeSpace: 'Core Space', codes: [base] })).toEqual([
    '/codeSpace must match pattern "^[a-z0-9][a-z0-9-]*$"',
  ]);
});
