/** `error-catalog check`: the build's validation, run as a user would, in each output format. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { CatalogError } from '../../../src/catalog/problems';
import { loadCatalog } from '../../../src/catalog/load-catalog';
import { copyCatalog, runCli, stable } from './run-cli';

const BAD = 'tests/fixtures/bad-catalogs/several-problems-at-once';
const STRAY = 'tests/fixtures/catalog-with-stray-files';

beforeAll(async () => {
  // The first run compiles the CLI; later runs in parallel test files find it built.
  await runCli(['--version']);
}, 60_000);

describe('check', () => {
  test('a sound catalog: exit 0 and a one-line summary', async () => {
    const result = await runCli(['check']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(stable(result.stdout)).toMatchInlineSnapshot(`
      "✔ catalog: no problems; 65 codes in 2 code spaces, 3 surfaces, 3 envelopes, 19 statuses, 26 messages, 24 operations (checked in … s)
      "
    `);
  });

  test('every problem at once, with file:line, field and fix, exit 1: the same problems the build reports', async () => {
    const result = await runCli(['check', BAD]);
    expect(result.code).toBe(1);
    expect(stable(result.stdout)).toMatchInlineSnapshot(`
      "The error catalog in tests/fixtures/bad-catalogs/several-problems-at-once has 4 problems.

        tests/fixtures/bad-catalogs/several-problems-at-once/codes/shop.yaml:10  codes[0].resolutoin
          unknown field "resolutoin" (did you mean "resolution"?)
          Fix: rename "resolutoin" to "resolution"

        tests/fixtures/bad-catalogs/several-problems-at-once/messages/general.yaml:6
          the key "resolution" appears twice in the same mapping (line 6, column 5)
          Fix: keep one of the two; if they belong to different entries, start the second entry with "- "

        tests/fixtures/bad-catalogs/several-problems-at-once/ranges/shop.yaml:4  ranges[1].from
          range 1050-1199 (Later) overlaps range 1000-1099 (Orders) (line 3) in code space "shop"
          Fix: start it after 1099 (from: 1100), or end 1000-1099 before 1050 (to: 1049)

        tests/fixtures/bad-catalogs/several-problems-at-once/surfaces/shop.yaml:3  envelopes[0]
          envelope "simpel" does not exist
          Fix: did you mean "simple"? (envelopes: simple) or create tests/fixtures/bad-catalogs/several-problems-at-once/envelopes/simpel.yaml

      ✖ 4 problems (checked in … s)
      "
    `);
    // The build's loader finds exactly these problems.
    let built: CatalogError | undefined;
    try {
      loadCatalog(BAD);
    } catch (error) {
      built = error as CatalogError;
    }
    const json = JSON.parse((await runCli(['check', BAD, '--format', 'json'])).stdout) as { problems: unknown[] };
    expect(new Set(json.problems)).toEqual(new Set(built!.problems));
  });

  test('--format json: the problems as data', async () => {
    const result = await runCli(['check', BAD, '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      catalog: string;
      problems: Array<Record<string, unknown>>;
    };
    expect(report.ok).toBe(false);
    expect(report.catalog).toBe(BAD);
    expect(report.problems[0]).toEqual({
      file: `${BAD}/codes/shop.yaml`,
      line: 10,
      field: 'codes[0].resolutoin',
      message: 'unknown field "resolutoin" (did you mean "resolution"?)',
      fix: 'rename "resolutoin" to "resolution"',
    });
    const sound = JSON.parse((await runCli(['check', '-f', 'json'])).stdout) as { ok: boolean; problems: unknown[] };
    expect(sound).toMatchObject({ ok: true, problems: [] });
  });

  test('--format github: one workflow annotation per problem on its file, line and column, escaped', async () => {
    const result = await runCli(['check', BAD, '--format', 'github']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatchInlineSnapshot(`
      "::error file=tests/fixtures/bad-catalogs/several-problems-at-once/codes/shop.yaml,line=10,col=5,title=error-catalog%3A codes[0].resolutoin::unknown field "resolutoin" (did you mean "resolution"?)%0AFix: rename "resolutoin" to "resolution"
      ::error file=tests/fixtures/bad-catalogs/several-problems-at-once/messages/general.yaml,line=6,col=5,title=error-catalog::the key "resolution" appears twice in the same mapping (line 6, column 5)%0AFix: keep one of the two; if they belong to different entries, start the second entry with "- "
      ::error file=tests/fixtures/bad-catalogs/several-problems-at-once/ranges/shop.yaml,line=4,col=5,title=error-catalog%3A ranges[1].from::range 1050-1199 (Later) overlaps range 1000-1099 (Orders) (line 3) in code space "shop"%0AFix: start it after 1099 (from: 1100), or end 1000-1099 before 1050 (to: 1049)
      ::error file=tests/fixtures/bad-catalogs/several-problems-at-once/surfaces/shop.yaml,line=3,col=1,title=error-catalog%3A envelopes[0]::envelope "simpel" does not exist%0AFix: did you mean "simple"? (envelopes: simple) or create tests/fixtures/bad-catalogs/several-problems-at-once/envelopes/simpel.yaml
      tests/fixtures/bad-catalogs/several-problems-at-once: 4 problems (each is an annotation above)
      "
    `);
    // The column points at the entry on that line.
    const line = readFileSync(`${BAD}/codes/shop.yaml`, 'utf8').split('\n')[9]!;
    expect(line.slice(4)).toMatch(/^resolutoin:/);
  });

  test('--format github names files relative to the repository when run from a sub-folder', async () => {
    const result = await runCli(['check', 'several-problems-at-once', '--format', 'github'], {
      cwd: 'tests/fixtures/bad-catalogs',
      env: { GITHUB_WORKSPACE: process.cwd() },
    });
    expect(result.stdout.split('\n')[0]).toMatch(
      /^::error file=tests\/fixtures\/bad-catalogs\/several-problems-at-once\/codes\/shop\.yaml,line=10,/,
    );
  });

  test('--format gitlab: a code-quality report with stable fingerprints', async () => {
    const first = await runCli(['check', BAD, '--format', 'gitlab']);
    const second = await runCli(['check', BAD, '--format', 'gitlab']);
    expect(first.code).toBe(1);
    const report = JSON.parse(first.stdout) as Array<Record<string, unknown>>;
    expect(report).toHaveLength(4);
    expect(report[0]).toEqual({
      description:
        'codes[0].resolutoin: unknown field "resolutoin" (did you mean "resolution"?). Fix: rename "resolutoin" to "resolution"',
      check_name: 'error-catalog',
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      severity: 'major',
      location: { path: `${BAD}/codes/shop.yaml`, lines: { begin: 10 } },
    });
    expect(second.stdout).toBe(first.stdout);
    expect(new Set(report.map((entry) => entry['fingerprint'])).size).toBe(4);
    expect(JSON.parse((await runCli(['check', '--format', 'gitlab'])).stdout)).toEqual([]);
  });

  test('a problem fixed in a copy disappears from the report', async () => {
    const dir = copyCatalog(BAD);
    const file = `${dir}/codes/shop.yaml`;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, readFileSync(file, 'utf8').replace('resolutoin', 'resolution'));
    const report = JSON.parse((await runCli(['check', dir, '-f', 'json'])).stdout) as { problems: unknown[] };
    expect(report.problems).toHaveLength(3);
  });

  test('files the build does not read are warnings in every format, and fail nothing (exit 0)', async () => {
    const text = await runCli(['check', STRAY]);
    expect(text.code).toBe(0);
    expect(stable(text.stdout)).toMatchInlineSnapshot(`
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

      ✔ tests/fixtures/catalog-with-stray-files: no problems, 4 warnings; 2 codes in 1 code space, 1 surface, 1 envelope, 3 statuses, 1 message, 0 operations (checked in … s)
      "
    `);
    const json = JSON.parse((await runCli(['check', STRAY, '-f', 'json'])).stdout) as {
      ok: boolean;
      problems: unknown[];
      warnings: Array<{ file: string }>;
    };
    expect(json.ok).toBe(true);
    expect(json.problems).toEqual([]);
    expect(json.warnings.map((warning) => warning.file)).toEqual([
      `${STRAY}/codes/notes.txt`,
      `${STRAY}/codes/shop.yaml.bak`,
      `${STRAY}/guides/diagram.png`,
      `${STRAY}/notes.txt`,
    ]);
    const github = await runCli(['check', STRAY, '-f', 'github']);
    expect(github.code).toBe(0);
    expect(github.stdout.split('\n').filter((line) => line.startsWith('::warning file='))).toHaveLength(4);
    expect(github.stdout).not.toContain('::error');
    expect(github.stdout).toContain(
      `::warning file=${STRAY}/notes.txt,title=error-catalog::this file is not read: nothing of it reaches the site%0AFix: move it out of the catalog folder if it is not a note for its authors`,
    );
    const gitlab = JSON.parse((await runCli(['check', STRAY, '-f', 'gitlab'])).stdout) as Array<{ severity: string }>;
    expect(gitlab.map((entry) => entry.severity)).toEqual(['minor', 'minor', 'minor', 'minor']);
    // With problems too, the warnings follow them and only the problems fail the check.
    const both = JSON.parse((await runCli(['check', BAD, '-f', 'gitlab'])).stdout) as Array<{ severity: string }>;
    expect(both.every((entry) => entry.severity === 'major')).toBe(true);
  });

  test('a missing folder is a usage error (exit 2), in one paragraph', async () => {
    const result = await runCli(['check', 'no/such/catalog']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatchInlineSnapshot(`
      "error: There is no catalog folder at no/such/catalog. Pass the folder that holds api.yaml, e.g. \`error-catalog check path/to/catalog\`.
      "
    `);
  });

  test('an unknown format is refused with the allowed ones', async () => {
    const result = await runCli(['check', '--format', 'sarif']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "error: option '-f, --format <format>' argument 'sarif' is invalid. Allowed choices are text, json, github, gitlab.",
    );
  });

  test('colour only when asked for on a pipe (FORCE_COLOR), never with NO_COLOR', async () => {
    const plain = await runCli(['check', BAD]);
    expect(plain.stdout).not.toContain('\u001b[');
    const forced = await runCli(['check', BAD], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain(
      '\u001b[36mtests/fixtures/bad-catalogs/several-problems-at-once/codes/shop.yaml:10  codes[0].resolutoin\u001b[39m',
    );
    const refused = await runCli(['check', BAD], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(refused.stdout).not.toContain('\u001b[');
  });
});

describe('the tool', () => {
  test('--help of the tool and of each command shows its examples; --version prints the version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: error-catalog [options] [command]');
    expect(help.stdout).toContain(
      'Exit status: 0 done · 1 problems were found (and listed) · 2 wrong command line or unusable input file.',
    );
    for (const command of [['check'], ['new', 'code'], ['new', 'range'], ['import', 'openapi'], ['import', 'csv']]) {
      const result = await runCli([...command, '--help']);
      expect(result.code, command.join(' ')).toBe(0);
      expect(result.stdout, command.join(' ')).toMatch(
        new RegExp(`Usage: error-catalog ${command.join(' ')} \\[options\\]`),
      );
      expect(result.stdout, command.join(' ')).toMatch(/\nExamples:\n {2}# .+\n {2}\$ error-catalog /);
    }
    const version = await runCli(['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test('an unknown command gets a suggestion and exit 2; a command group without its command shows its help', async () => {
    const typo = await runCli(['chek']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("error: unknown command 'chek'\n(Did you mean check?)");
    const group = await runCli(['new', 'rnage']);
    expect(group.stderr).toContain("error: unknown command 'rnage'\n(Did you mean range?)");
    const bare = await runCli(['import']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('Usage: error-catalog import [options] [command]');
  });
});
