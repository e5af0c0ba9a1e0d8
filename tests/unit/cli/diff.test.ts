/** `error-catalog diff`, run as a user would: folders and git refs, each format, each exit status. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../src/catalog/load-catalog';
import { catalogExport } from '../../../src/publishing/catalog-export';
import { catalogCopy, CLOSED, MINIMAL } from '../changes/catalog-pair';
import { runCli } from './run-cli';

beforeAll(async () => {
  await runCli(['--version']);
}, 60_000);

/** The old side: the minimal catalog with ORDER_CLOSED; the new: ORDER_CLOSED moved to 404, a code added. */
function sides(): [string, string] {
  const old = catalogCopy();
  const next = catalogCopy({
    'codes/shop.yaml': [
      ['status: 409\n    message: Order {orderId} was', 'status: 404\n    message: Order {orderId} was'],
      '  - code: 1004\n    name: ORDER_ARCHIVED\n    status: 409\n    message: Order archived.\n    cause: Archived.\n    resolution: Open a new order.\n',
    ],
  });
  return [old, next];
}

const noTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

describe('diff', () => {
  test('text: what changed, field by field, and the breaking change with its rule; exit 1', async () => {
    const [old, next] = sides();
    const result = await runCli(['diff', old, next]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout.replaceAll(old, 'OLD').replaceAll(next, 'NEW')).toMatchInlineSnapshot(`
      "OLD → NEW: 1 added, 1 changed

      Codes
        ~ changed shop:1003 ORDER_CLOSED
            status: 409 → 404
            ✖ breaking [status-changed] shop:1003 ORDER_CLOSED now comes with HTTP status 404 instead of 409: clients that branch on the status handle it differently
        + added shop:1004 ORDER_ARCHIVED

      ✖ 1 breaking change (status-changed); exit 1. Fix them, or pass --allow-breaking when they are intended (announce them to clients)
      "
    `);
  });

  test('--allow-breaking: the same list, exit 0', async () => {
    const [old, next] = sides();
    const result = await runCli(['diff', old, next, '--allow-breaking']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✖ breaking [status-changed]');
    expect(result.stdout).toContain('1 breaking change (status-changed); allowed by --allow-breaking');
  });

  test('--format markdown: a pull-request comment, breaking changes first', async () => {
    const [old, next] = sides();
    const result = await runCli(['diff', old, next, '--format', 'markdown']);
    expect(result.code).toBe(1);
    expect(result.stdout.replaceAll(old, 'OLD').replaceAll(next, 'NEW')).toMatchInlineSnapshot(`
      "### Error catalog changes

      \`OLD\` → \`NEW\`: 1 added, 1 changed.

      #### ⚠️ 1 breaking change

      - \`status-changed\` shop:1003 ORDER\\_CLOSED now comes with HTTP status 404 instead of 409: clients that branch on the status handle it differently

      #### Codes

      - **changed** \`shop:1003 ORDER_CLOSED\`
        - \`status: 409 → 404\`
      - **added** \`shop:1004 ORDER_ARCHIVED\`
      "
    `);
  });

  test('--format json: the changes as data', async () => {
    const [old, next] = sides();
    const result = await runCli(['diff', old, next, '-f', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.summary).toEqual({ added: 1, changed: 1, deprecated: 0, undeprecated: 0, removed: 0 });
    expect(report.breaking).toBe(1);
    expect(Object.keys(report.rules)).toEqual(['status-changed']);
    expect(report.changes[0]).toMatchObject({
      concept: 'code',
      kind: 'changed',
      key: 'shop:1003',
      fields: [{ field: 'status', before: 409, after: 404 }],
      breaking: [{ rule: 'status-changed' }],
    });
  });

  test('--record writes the history into the new side: since on added codes, a changes entry on the others; twice adds nothing', async () => {
    const [old, next] = sides();
    const file = join(next, 'codes/shop.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '    resolution: Open a new order.\n  - code: 1004',
        '    resolution: Open a new order. # as support says\n  - code: 1004',
      ),
    );
    const result = await runCli(['diff', old, next, '--record', '--release', 'v2', '--allow-breaking']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Recorded version v2: since on 1 added code, a changes entry on 1 code (${file}).`);
    expect(readFileSync(file, 'utf8').split('  - code: 1003\n')[1]).toMatchInlineSnapshot(`
      "    name: ORDER_CLOSED
          status: 404
          message: Order {orderId} was closed on {date}.
          placeholders:
            orderId: The order id you sent.
            date: The day it was closed.
          cause: The order is closed.
          resolution: Open a new order. # as support says
          changes:
            - version: v2
              change: "status: 409 → 404"
              breaking: [status-changed]
        - code: 1004
          name: ORDER_ARCHIVED
          status: 409
          message: Order archived.
          cause: Archived.
          resolution: Open a new order.
          since: v2
      "
    `);
    // The recorded catalog still passes check, and a second run finds the history already there.
    expect((await runCli(['check', next])).code).toBe(0);
    const again = await runCli(['diff', old, next, '--record', '--release', 'v2', '--allow-breaking']);
    expect(again.stdout).toContain('Recorded version v2: since on 0 added codes, a changes entry on 0 codes.');
    // A git side cannot be written.
    const refused = await runCli(['diff', old, 'git:HEAD', '--record']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      '--record writes into the new side, so it must be a catalog folder, not git:HEAD.',
    );
  });

  test('--record writes history on statuses, envelopes, ranges, messages and operations too, comments kept, and never an internal field', async () => {
    const old = catalogCopy({
      'codes/shop.yaml': [
        ['    cause: The order is closed.\n', '    cause: The order is closed.\n    internal: Old staff note zq7.\n'],
      ],
    });
    const next = catalogCopy({
      'codes/shop.yaml': [
        ['    cause: The order is closed.\n', '    cause: The order is closed.\n    internal: New staff note zq7.\n'],
        ['    resolution: Open a new order.\n', '    resolution: Open a new order instead.\n'],
      ],
      'statuses/statuses.yaml': [
        [
          '    meaning: The resource does not exist.\n',
          '    meaning: The resource does not exist, or is not yours. # reworded\n',
        ],
        '  - status: 410\n    reason: Gone\n    meaning: It was deleted.\n    action: Stop asking.\n',
      ],
      'ranges/shop.yaml': [
        ['meaning: Kept for later., state: unused }', 'meaning: Kept for refunds., state: unused }'],
      ],
      'operations/shop.yaml': [['    summary: Read an order.\n', '    summary: Read one order.\n']],
      'envelopes/simple.yaml': [['description:', '# the only envelope\ndescription:']],
    });
    const result = await runCli(['diff', old, next, '--record', '--release', '2026-12', '--allow-breaking']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Recorded version 2026-12: since on 1 added status, a changes entry on 1 code, 1 status, 1 range and 1 operation',
    );
    const statuses = readFileSync(join(next, 'statuses/statuses.yaml'), 'utf8');
    expect(statuses).toContain('    meaning: The resource does not exist, or is not yours. # reworded\n');
    expect(statuses).toContain(
      '    changes:\n      - version: 2026-12\n        change: \'meaning: "The resource does not exist." → "The resource does not exist, or is not yours."\'\n',
    );
    expect(statuses).toMatch(/  - status: 410\n(    .*\n)*    since: 2026-12\n/);
    expect(readFileSync(join(next, 'ranges/shop.yaml'), 'utf8')).toContain(
      'changes: [ { version: 2026-12, change: \'meaning: "Kept for later." → "Kept for refunds."\' } ]',
    );
    expect(readFileSync(join(next, 'operations/shop.yaml'), 'utf8')).toContain(
      '    changes:\n      - version: 2026-12\n        change: \'summary: "Read an order." → "Read one order."\'\n',
    );
    // The code's entry names its public change only: its internal note stays out of the history.
    const codes = readFileSync(join(next, 'codes/shop.yaml'), 'utf8');
    const history = codes.slice(codes.indexOf('    changes:'));
    expect(history).toContain('resolution: "Open a new order." → "Open a new order instead."');
    expect(history).not.toContain('zq7');
    expect((await runCli(['check', next])).code).toBe(0);
  });

  test('no change: exit 0', async () => {
    const result = await runCli(['diff', MINIMAL, MINIMAL]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${MINIMAL} → ${MINIMAL}: no changes\n\n✔ no breaking change\n`);
  });

  describe('git:<ref>, read without a checkout', () => {
    let repo: string;
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
        cwd: repo,
      }).toString();

    beforeAll(() => {
      mkdirSync(resolve('.cache/diff-tests'), { recursive: true });
      repo = mkdtempSync(resolve('.cache/diff-tests/repo-'));
      git('init', '-q', '-b', 'main');
      cpSync(MINIMAL, join(repo, 'catalog'), { recursive: true });
      const codes = join(repo, 'catalog/codes/shop.yaml');
      writeFileSync(codes, readFileSync(codes, 'utf8') + CLOSED);
      git('add', '.');
      git('commit', '-qm', 'v1');
      git('tag', 'v1');
      // v2 removes ORDER_CLOSED (committed); the working tree then adds a code, uncommitted.
      writeFileSync(codes, readFileSync(codes, 'utf8').replace(CLOSED, ''));
      git('commit', '-qam', 'v2');
      writeFileSync(
        codes,
        readFileSync(codes, 'utf8') +
          '  - code: 1004\n    name: ORDER_ARCHIVED\n    status: 409\n    message: Order archived.\n    cause: Archived.\n    resolution: Open a new order.\n',
      );
    });

    test('git:<tag> against the working folder, and two refs', async () => {
      const result = await runCli(['diff', 'git:v1', 'catalog'], { cwd: repo });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('- removed shop:1003 ORDER_CLOSED');
      expect(result.stdout).toContain('+ added shop:1004 ORDER_ARCHIVED');
      expect(result.stdout).toContain('✖ breaking [code-removed]');
      const refs = await runCli(['diff', 'git:v1', 'git:main', '--format', 'json'], { cwd: repo });
      expect(JSON.parse(refs.stdout).summary).toMatchObject({ added: 0, removed: 1 });
      // Nothing was checked out: the working tree still holds the uncommitted code.
      expect(git('status', '--porcelain')).toBe(' M catalog/codes/shop.yaml\n');
      const since = await runCli(['diff', 'git:HEAD:catalog', 'catalog', '-f', 'json'], { cwd: repo });
      expect(since.code).toBe(0);
      expect(JSON.parse(since.stdout).summary).toMatchObject({ added: 1, removed: 0 });
    });

    test('a ref that does not exist, a folder absent at the ref: exit 2, one paragraph', async () => {
      const missing = await runCli(['diff', 'git:v9', 'catalog'], { cwd: repo });
      expect(missing.code).toBe(2);
      expect(missing.stdout).toBe('');
      expect(missing.stderr).toMatchInlineSnapshot(`
        "error: git:v9: git knows no commit "v9". Name a branch, tag or commit that exists (git branch -a, git log); in CI, fetch the base branch first (actions/checkout with fetch-depth: 0).
        "
      `);
      const folder = await runCli(['diff', 'git:v1:docs/errors', 'catalog'], { cwd: repo });
      expect(folder.code).toBe(2);
      expect(folder.stderr).toMatchInlineSnapshot(`
        "error: git:v1:docs/errors: there is no catalog folder docs/errors at v1. Name the folder with git:v1:<folder>, or check that the catalog existed at that commit.
        "
      `);
      noTrace(missing.stderr + folder.stderr);
    });
  });

  test('bad input: a missing side, a side that does not pass check, two different APIs: exit 2, no stack trace', async () => {
    const missing = await runCli(['diff', 'no/such/folder', MINIMAL]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatchInlineSnapshot(`
      "error: There is no catalog folder at no/such/folder. Each side of diff is a catalog folder or git:<ref> (e.g. git:main).
      "
    `);
    const broken = await runCli(['diff', MINIMAL, 'tests/fixtures/bad-catalogs/several-problems-at-once']);
    expect(broken.code).toBe(2);
    expect(broken.stderr.split('\n').slice(0, 3).join('\n')).toMatchInlineSnapshot(`
      "error: tests/fixtures/bad-catalogs/several-problems-at-once is not a sound catalog, so it cannot be compared; run \`error-catalog check\` on it and fix what it lists:

      The error catalog in tests/fixtures/bad-catalogs/several-problems-at-once has 4 problems."
    `);
    const built = await runCli(['diff', 'package.json', MINIMAL]);
    expect(built.code).toBe(2);
    expect(built.stderr).toContain(
      'package.json is not a catalog.json written by a build: its formatVersion is null, and this version of error-catalog reads format 2.',
    );
    const other = await runCli(['diff', 'catalog', MINIMAL]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatchInlineSnapshot(`
      "error: catalog is the catalog of "Pajaro Payments API" and tests/fixtures/minimal-catalog of "Tiny Shop API", with no code in common: they are two different APIs, so a diff would only list every code as removed and added. Compare two versions of the same catalog.
      "
    `);
    const format = await runCli(['diff', MINIMAL, MINIMAL, '--format', 'github']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("argument 'github' is invalid. Allowed choices are text, markdown, json.");
    noTrace(missing.stderr + broken.stderr + other.stderr + format.stderr);
  });

  test('a side can be a built catalog.json: compared with a folder as its export, bad files refused with exit 2', async () => {
    const [old, next] = sides();
    const dir = mkdtempSync(join(resolve('.cache/diff-tests'), 'json-'));
    const built = join(dir, 'catalog.json');
    writeFileSync(
      built,
      JSON.stringify(catalogExport(loadCatalog(old), (route) => `https://errors.example.com/${route}`)),
    );
    const same = await runCli(['diff', built, old]);
    expect(same.stdout).toContain('no changes');
    expect(same.code).toBe(0);
    const changed = await runCli(['diff', built, next, '--format', 'json']);
    expect(changed.code).toBe(1);
    const report = JSON.parse(changed.stdout) as { changes: Array<{ kind: string; key: string; fields: unknown[] }> };
    expect(report.changes.map((change) => `${change.kind} ${change.key}`)).toEqual([
      'changed shop:1003',
      'added shop:1004',
    ]);
    expect(report.changes[0]!.fields).toEqual([{ field: 'status', before: 409, after: 404 }]);

    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "formatVersion": 2, ');
    const notJson = await runCli(['diff', broken, old]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain(`${broken} is not valid JSON (`);
    noTrace(notJson.stderr);
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ formatVersion: 1, api: { name: 'X' } }));
    const wrongFormat = await runCli(['diff', other, old]);
    expect(wrongFormat.code).toBe(2);
    expect(wrongFormat.stderr).toContain(
      `${other} is not a catalog.json written by a build: its formatVersion is 1, and this version of error-catalog reads format 2.`,
    );
    noTrace(wrongFormat.stderr);
    const record = await runCli(['diff', old, built, '--record']);
    expect(record.code).toBe(2);
    expect(record.stderr).toContain(`--record writes into the new side, so it must be a catalog folder, not ${built}.`);
  });
});
