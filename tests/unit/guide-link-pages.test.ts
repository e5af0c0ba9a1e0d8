/**
 * Guide links to the pages a catalog's site has beyond codes, statuses and guides: the operations
 * list and each operation's page, and the changes page with its version anchors, which exists
 * only when the catalog records history.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { checkCatalog } from '../../src/catalog/check-catalog';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the minimal catalog with one guide holding `links`; code 1001 added in `since` when given. */
function catalogWithGuide(links: string[], since?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'guide-links-'));
  dirs.push(dir);
  cpSync('tests/fixtures/minimal-catalog', dir, { recursive: true });
  const codes = join(dir, 'codes/shop.yaml');
  if (since)
    writeFileSync(
      codes,
      readFileSync(codes, 'utf8').replace('  - code: 1001\n', `  - code: 1001\n    since: "${since}"\n`),
    );
  mkdirSync(join(dir, 'guides'));
  const body = links.map((link, index) => `- [Link ${index + 1}](${link})`).join('\n');
  writeFileSync(join(dir, 'guides/start.mdx'), `---\ntitle: Start\ndescription: Where to begin.\n---\n\n${body}\n`);
  return dir;
}

const messagesOf = (dir: string) => checkCatalog(dir).problems.map((problem) => problem.message);

test('a guide may link to the operations list and to an operation page', () => {
  const dir = catalogWithGuide(['../../operations/']);
  const { catalog } = checkCatalog(dir);
  const operation = catalog!.operations[0]!;
  const withOperation = catalogWithGuide([
    '../../operations/',
    `../../operations/${operation.surface}/${operation.slug}/`,
  ]);
  expect(messagesOf(withOperation)).toEqual([]);
  expect(messagesOf(catalogWithGuide(['../../operations/shop/no-such-operation/']))).toEqual([
    'the link ../../operations/shop/no-such-operation/ (column 3) leads to operations/shop/no-such-operation/, which is no page of the site',
  ]);
});

test('the changes page is a page only when the catalog records history, and its anchors are its versions', () => {
  expect(messagesOf(catalogWithGuide(['../../changes/']))).toEqual([
    'the link ../../changes/ (column 3) leads to changes/, which is no page of the site',
  ]);
  expect(messagesOf(catalogWithGuide(['../../changes/', '../../changes/#v-2026-05'], '2026-05'))).toEqual([]);
  const { problems } = checkCatalog(catalogWithGuide(['../../changes/#v-2025-05'], '2026-05'));
  expect(problems.map(({ message, fix }) => [message, fix])).toEqual([
    [
      'the link ../../changes/#v-2025-05 (column 3) leads to changes/, which has no #v-2025-05',
      'did you mean #v-2026-05?',
    ],
  ]);
});
