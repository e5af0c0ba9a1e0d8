/**
 * Scale smoke test: a generated catalog of 200 codes loads without a single problem and builds
 * into a site with a page for every code. The full benchmark (`npm run bench`) is not part of
 * `npm test`; this keeps the generator, the loader and the build honest with each other.
 */
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { generateCatalog } from '../../tools/generate-catalog.mjs';
import { buildSiteAsync } from '../../tools/build-site.mjs';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { routes } from '../../src/view/routes';

// A folder of its own per run, so parallel runs (other checkouts, `npm test`) never collide.
const root = resolve(`.cache/scale-smoke-${process.pid}`);
const catalogDir = join(root, 'catalog');
const outDir = join(root, 'site');
let generated: ReturnType<typeof generateCatalog>;
beforeAll(() => {
  generated = generateCatalog({ codes: 200, outDir: catalogDir, seed: 11 });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('a generated 200-code catalog loads with no problems and covers every concept', () => {
  expect(generated.codes).toBe(200);
  const catalog = loadCatalog(catalogDir);
  expect(catalog.codes).toHaveLength(200);
  expect(catalog.surfaces.map((surface) => surface.id)).toEqual(['gateway', 'console', 'ledger', 'identity', 'events']);
  expect(catalog.codeSpaces.flatMap((space) => space.ranges).some((range) => range.state !== 'active')).toBe(true);
  expect(catalog.codes.some((code) => code.deprecated?.replacedBy)).toBe(true);
  expect(catalog.codes.some((code) => code.related.some((key) => !key.startsWith(`${code.codeSpace}:`)))).toBe(true);
  expect(catalog.messageAreas.length).toBeGreaterThan(1);
  expect(catalog.codes.some((code) => !/^\d+$/.test(code.code))).toBe(true);
});

test('the generator writes the same catalog for the same seed and another for another seed', () => {
  const again = generateCatalog({ codes: 200, outDir: join(root, 'again'), seed: 11 });
  const other = generateCatalog({ codes: 200, outDir: join(root, 'other'), seed: 12 });
  expect(again.samples).toEqual(generated.samples);
  expect(other.samples).not.toEqual(generated.samples);
});

test('the generated catalog builds into a site with a page for every code and every operation', async () => {
  const catalog = loadCatalog(catalogDir);
  const result = await buildSiteAsync({ catalogDir, outDir });
  expect(result.ok, result.output).toBe(true);
  const missing = catalog.codes.filter((code) => !existsSync(join(outDir, routes.code(code), 'index.html')));
  expect(missing.map((code) => code.key)).toEqual([]);
  const operationPages = catalog.operations.filter(
    (operation) => !existsSync(join(outDir, routes.operation(operation), 'index.html')),
  );
  expect(catalog.operations.length).toBeGreaterThan(0);
  expect(operationPages.map((operation) => `${operation.method} ${operation.path}`)).toEqual([]);
  expect(existsSync(join(outDir, routes.operations(), 'index.html'))).toBe(true);
}, 300_000);
