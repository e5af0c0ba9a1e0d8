/**
 * The catalog loader reads YAML with js-yaml (fast) and falls back to the `yaml` document parser
 * for line numbers and syntax errors (src/catalog/read-catalog.ts). Both must read every file the
 * same way: the same data when both accept it, and a refusal by both when it is malformed, so the
 * fast path never accepts a file the authors' error messages would have rejected.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { parseDocument } from 'yaml';
import { expect, test } from 'vitest';

const FOLDERS = ['catalog', 'examples', 'tests/fixtures'];
const files = FOLDERS.flatMap((folder) =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => join(folder, name))
    // Fixtures of refusals by the file system (a folder named x.yaml, a link to nothing) hold no text.
    .filter(isFile),
);

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

test('the repository has YAML files of every kind to compare, malformed ones among them', () => {
  expect(files.length).toBeGreaterThan(100);
  expect(files.some((file) => parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: true }).errors.length > 0)).toBe(
    true,
  );
});

test('js-yaml and the document parser agree on every YAML file of the catalogs and fixtures', () => {
  const disagreements: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    // The loader refuses a blank file before either parser reads it (src/catalog/parse-file.ts).
    if (text.trim() === '') continue;
    const doc = parseDocument(text, { uniqueKeys: true });
    let fast: unknown;
    let refused = false;
    try {
      fast = load(text, { schema: CORE_SCHEMA });
    } catch {
      refused = true;
    }
    if (doc.errors.length > 0 && !refused) disagreements.push(`${file}: only the document parser refuses it`);
    else if (doc.errors.length === 0 && !refused && JSON.stringify(fast) !== JSON.stringify(doc.toJS()))
      disagreements.push(`${file}: the two parsers read different data`);
  }
  expect(disagreements).toEqual([]);
});
