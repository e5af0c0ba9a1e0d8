/**
 * The public build leaks nothing internal (issue 13). Every internal field of the default catalog
 * carries the sentinel "zq7" (checked here from the catalog itself, so a new internal note without
 * it fails); every byte of every file of the public build — pages, the Pagefind index (gzip,
 * decompressed first), the lookup index, catalog.json, feeds, scripts and source maps alike — is
 * searched for it. The internal build of the same catalog is searched too: the sentinel must be
 * found there, so the search is known to see what the pages render.
 */
import { expect, test } from '../support/fixtures';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadCatalog } from '../../../src/catalog/load-catalog';
import { sites } from '../../../tools/test-sites.mjs';

const SENTINEL = 'zq7';

function builtSite(name: string) {
  const site = sites.find((candidate) => candidate.name === name)!;
  if (!existsSync(site.outDir))
    throw new Error(`site "${name}" is not built: run node tools/build-test-sites.mjs ${name}`);
  return site;
}

/** Every file under `dir`, recursively (dot-files included). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** A file's bytes as searched: gzip members (Pagefind's index and fragments) decompressed. */
function searchableBytes(file: string): Buffer {
  const bytes = readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return Buffer.concat([bytes, gunzipSync(bytes)]);
    } catch {
      return bytes;
    }
  }
  return bytes;
}

/** The files of a build holding the sentinel (any case), and how much was searched. */
function scan(dir: string) {
  const files = filesUnder(dir);
  let bytes = 0;
  const hits: string[] = [];
  for (const file of files) {
    const searched = searchableBytes(file);
    bytes += searched.length;
    if (searched.toString('latin1').toLowerCase().includes(SENTINEL)) hits.push(relative(dir, file));
  }
  return { files: files.length, bytes, hits };
}

test('every internal field of the default catalog carries the sentinel', () => {
  const catalog = loadCatalog('catalog');
  const desk = catalog.api.support;
  const values: Array<[string, string | undefined]> = [
    ...catalog.codes.flatMap((code): Array<[string, string | undefined]> => [
      [`${code.key} internal`, code.internal],
      [`${code.key} support.escalate.team`, code.support?.escalate?.team],
      [`${code.key} support.escalate.when`, code.support?.escalate?.when],
      [`${code.key} support.escalate.channel`, code.support?.escalate?.channel],
    ]),
    ...Object.entries(desk?.teams ?? {}).flatMap(([id, team]): Array<[string, string | undefined]> => [
      [`team ${id} id`, id],
      [`team ${id} name`, team.name],
      [`team ${id} channel`, team.channel],
    ]),
    ...(desk?.links ?? []).flatMap((link, index): Array<[string, string | undefined]> => [
      [`link ${index} label`, link.label],
      [`link ${index} url`, link.url],
    ]),
  ];
  const present = values.filter(([, value]) => value !== undefined);
  expect(present.filter(([where]) => where.endsWith(' internal')).length).toBeGreaterThan(5);
  expect(present.filter(([where]) => where.includes('escalate.when')).length).toBeGreaterThan(10);
  expect(present.filter(([where]) => where.startsWith('team ')).length).toBeGreaterThan(5);
  expect(present.filter(([where]) => where.startsWith('link ')).length).toBeGreaterThan(3);
  expect(present.filter(([, value]) => !value!.toLowerCase().includes(SENTINEL)).map(([where]) => where)).toEqual([]);
});

test('no byte of the public build holds an internal field; the internal build shows them', async ({}, testInfo) => {
  const published = scan(builtSite('default').outDir);
  const internal = scan(builtSite('internal').outDir);
  testInfo.annotations.push({
    type: 'coverage',
    description: `public build: ${published.files} files, ${published.bytes} bytes searched (gzip decompressed); internal build: ${internal.hits.length} of ${internal.files} files hold the sentinel`,
  });
  console.log(testInfo.annotations.at(-1)!.description);
  expect(published.files).toBeGreaterThan(100);
  expect(published.hits).toEqual([]);
  // The search sees what the internal site renders: its pages, its catalog.json, its search index.
  expect(internal.hits).toEqual(
    expect.arrayContaining(['catalog.json', 'codes/core/1009/index.html', 'codes/ledger/4101/index.html']),
  );
  expect(internal.hits.some((file) => file.startsWith('pagefind/'))).toBe(true);
});
