/**
 * What a catalog gets besides problems: warnings for files the build does not read (the build
 * prints them and goes on), the same report in the build's log, and a file the system refuses
 * to read reported like any other problem.
 */
import * as fs from 'node:fs';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test, vi } from 'vitest';
import { freshModulesAfterMock } from './fresh-modules';

const STRAY = 'tests/fixtures/catalog-with-stray-files';

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  // Git cannot store a file mode of 000 (and root reads anything), so the refusal is simulated.
  const readFileSync = ((path: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
    if (String(path).endsWith('unreadable-file/codes/locked.yaml'))
      throw Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { code: 'EACCES' });
    return (actual.readFileSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readFileSync;
  return { ...actual, readFileSync, default: { ...actual, readFileSync } };
});
// What the file tests is imported after this, so it reads through the mock above.
freshModulesAfterMock('node:fs');
const { checkCatalog } = await import('../../src/catalog/check-catalog');
const { loadCatalog } = await import('../../src/catalog/load-catalog');
const { CatalogError, formatWarnings } = await import('../../src/catalog/problems');
const { errorCatalog } = await import('../../src/integration/index');

describe('files the build does not read', () => {
  test('a catalog with stray notes, backups and images builds, with one warning per stray file', () => {
    const { catalog, problems, warnings, root } = checkCatalog(STRAY);
    expect(problems).toEqual([]);
    expect(catalog?.codes.map((code) => code.key)).toEqual(['shop:1001', 'shop:1002']);
    expect(formatWarnings(root, warnings)).toMatchInlineSnapshot(`
      "The error catalog in tests/fixtures/catalog-with-stray-files has 4 warnings (files the build does not read; nothing of them reaches the site):

        tests/fixtures/catalog-with-stray-files/codes/notes.txt
          this file is not read: codes/ holds .yaml files, and nothing else of it reaches the site
          Fix: rename it to notes.yaml if it is meant for the site, or move it out of codes/

        tests/fixtures/catalog-with-stray-files/codes/shop.yaml.bak
          this file is not read: codes/ holds .yaml files, and nothing else of it reaches the site
          Fix: delete it if it is a backup or an editor file

        tests/fixtures/catalog-with-stray-files/guides/diagram.png
          this file is not read: guides/ holds .mdx guides, and nothing else of it reaches the site
          Fix: move it out of guides/ if it is not meant for the site

        tests/fixtures/catalog-with-stray-files/notes.txt
          this file is not read: nothing of it reaches the site
          Fix: move it out of the catalog folder if it is not a note for its authors
      "
    `);
  });

  test('README, LICENSE and hidden files are never reported', () => {
    const files = checkCatalog(STRAY).warnings.map((warning) => warning.file);
    expect(files.filter((file) => /README|LICENSE|\.gitkeep|\.DS_Store/.test(file))).toEqual([]);
  });

  test('the build prints the warnings and goes on', () => {
    const logged: Array<[string, string]> = [];
    const logger = {
      info: (message: string) => logged.push(['info', message]),
      warn: (message: string) => logged.push(['warn', message]),
      error: (message: string) => logged.push(['error', message]),
    };
    const integration = errorCatalog({ catalogDir: STRAY, search: false });
    const setup = integration.hooks['astro:config:setup'] as unknown as (options: object) => void;
    setup({
      config: {
        root: pathToFileURL(`${process.cwd()}/`),
        srcDir: pathToFileURL(`${process.cwd()}/src/`),
        outDir: pathToFileURL(`${process.cwd()}/dist/`),
        integrations: [],
      },
      command: 'build',
      updateConfig: () => undefined,
      logger,
    });
    expect(logged.map(([level]) => level)).toEqual(['info', 'warn']);
    expect(logged[1]![1]).toContain(`${STRAY}/codes/notes.txt`);
    expect(logged[1]![1]).toContain('4 warnings');
  });

  test('a refused build lists the warnings after the problems', () => {
    const dir = '.cache/unit/stray-and-broken';
    rmSync(dir, { recursive: true, force: true });
    cpSync(STRAY, dir, { recursive: true });
    const codes = join(dir, 'codes/shop.yaml');
    writeFileSync(codes, readFileSync(codes, 'utf8').replace('status: 409', 'status: 423'));
    let thrown: unknown;
    try {
      loadCatalog(dir);
    } catch (error) {
      thrown = error;
    }
    rmSync(dir, { recursive: true, force: true });
    expect(thrown).toBeInstanceOf(CatalogError);
    const { message, warnings } = thrown as InstanceType<typeof CatalogError>;
    expect(warnings).toHaveLength(4);
    expect(message.indexOf('has 1 problem; nothing was built')).toBeGreaterThanOrEqual(0);
    expect(message.indexOf('HTTP status 423 is not declared')).toBeLessThan(message.indexOf('has 4 warnings'));
  });
});

test('a file the system refuses to read is reported like any other problem, and what it held is not reported missing', () => {
  const dir = 'tests/fixtures/bad-catalogs/unreadable-file';
  const { catalog, problems } = checkCatalog(dir);
  expect(catalog).toBeUndefined();
  expect(problems.map(({ file, message, fix }) => ({ file: file.replace(`${dir}/`, ''), message, fix })))
    .toMatchInlineSnapshot(`
      [
        {
          "file": "codes/locked.yaml",
          "fix": "give yourself read permission (chmod u+r), or move the file out of the catalog folder",
          "message": "the file cannot be read: permission denied",
        },
      ]
    `);
});
