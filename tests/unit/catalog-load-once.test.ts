/**
 * The catalog is parsed once per build process, even though Astro loads the catalog modules twice
 * (once with the config, once in the bundled pages): both reach the same process-wide model, and an
 * edited file still gets a fresh one.
 */
import { appendFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { generateCatalog } from '../../tools/generate-catalog.mjs';
import { loadCatalogOnce } from '../../src/catalog/index';

const dir = resolve(`.cache/load-once-${process.pid}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a catalog folder that did not change is parsed once and then shared', () => {
  generateCatalog({ codes: 40, outDir: dir, seed: 3 });
  const first = loadCatalogOnce(dir);
  expect(first.codes).toHaveLength(40);
  expect(loadCatalogOnce(dir)).toBe(first);
});

test('editing any file of the folder makes the next load read it again', () => {
  const before = loadCatalogOnce(dir);
  appendFileSync(join(dir, 'api.yaml'), '# edited\n');
  const after = loadCatalogOnce(dir);
  expect(after).not.toBe(before);
  expect(after.codes.map((code) => code.key)).toEqual(before.codes.map((code) => code.key));
});
