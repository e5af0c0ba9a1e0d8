/**
 * End to end: both OpenAPI fixtures imported into a new catalog, then the site built from the
 * result with `astro build`. The imported codes, envelopes and statuses get their pages.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { buildSiteAsync } from '../../../tools/build-site.mjs';
import { emptyFolder, runCli } from './run-cli';

test('a catalog imported from OpenAPI 3.1 and 3.0 descriptions builds into a site with their pages', async () => {
  const dir = `${emptyFolder('imported-')}/errors`;
  expect((await runCli(['import', 'openapi', 'tests/fixtures/openapi/shop-3.1.yaml', '-C', dir])).code).toBe(0);
  expect(
    (await runCli(['import', 'openapi', 'tests/fixtures/openapi/ledger-3.0.json', '-C', dir, '--surface', 'ledger']))
      .code,
  ).toBe(0);
  const outDir = resolve('.cache/cli-tests/imported-site');
  rmSync(outDir, { recursive: true, force: true });
  const build = await buildSiteAsync({ catalogDir: dir, outDir });
  expect(build.ok, build.output).toBe(true);
  const page = (path: string) => readFileSync(resolve(outDir, path, 'index.html'), 'utf8');
  expect(page('codes/tiny-shop/order_shipped')).toContain('Order ord_7 has shipped and cannot be cancelled.');
  expect(page('codes/ledger/4201')).toContain(
    'The movement is larger than the available balance (holds are subtracted).',
  );
  expect(page('envelopes/problem')).toContain('application/problem+json');
  expect(page('envelopes/validation-error')).toContain('must be at least 1');
  expect(page('statuses/422')).toContain('The order is invalid.');
  expect(existsSync(resolve(outDir, 'pagefind'))).toBe(true);
}, 300_000);
