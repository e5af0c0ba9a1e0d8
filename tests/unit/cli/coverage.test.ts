/** `error-catalog coverage`, run as a user would, on crafted logs against the minimal catalog. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { forEachLine } from '../../../src/cli/read-lines';
import { emptyFolder, runCli } from './run-cli';

const MINIMAL = 'tests/fixtures/minimal-catalog';
const JSONL = 'tests/fixtures/observed/app.jsonl';
const PLAIN = 'tests/fixtures/observed/access.txt';
const json = ['--catalog', MINIMAL, '--observed', JSONL, '--path', 'error.code', '--status-path', 'status'];

beforeAll(async () => {
  await runCli(['--version']);
}, 60_000);

describe('coverage', () => {
  test('JSON lines: undocumented codes with counts and range, never seen, another status; exit 1 on undocumented', async () => {
    const result = await runCli(['coverage', ...json]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatchInlineSnapshot(`
      "tests/fixtures/observed/app.jsonl: 10 lines (2 not JSON, skipped), 7 codes seen; 1 of 2 documented codes seen

      ✖ Undocumented codes (3)
        1050         ×2        in range shop 1000-1099 (Orders)
        1150         ×1        in range shop 1100-1199 (Later, unused)
        bad_request  ×1        in no range

      ! Documented codes never seen (1)
        shop:1002 ORDER_LOCKED

      ! Codes seen with another status (1)
        shop:1001 ORDER_NOT_FOUND: documented 404, seen with 500 ×1

      ✖ fails on undocumented (--fail-on undocumented)
      "
    `);
  });

  test('--fail-on chooses what fails: never, mismatch, none', async () => {
    expect((await runCli(['coverage', ...json, '--fail-on', 'none'])).code).toBe(0);
    const never = await runCli(['coverage', ...json, '--fail-on', 'never']);
    expect(never.code).toBe(1);
    expect(never.stdout).toContain('✖ fails on never (--fail-on never)');
    const mismatch = await runCli(['coverage', ...json, '--fail-on', 'mismatch,never']);
    expect(mismatch.stdout).toContain('✖ fails on mismatch, never (--fail-on mismatch,never)');
    const wrong = await runCli(['coverage', ...json, '--fail-on', 'undocumnted']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('write one or more of undocumented, never, mismatch separated by commas, or none.');
  });

  test('plain lines with --pattern (named groups code and status; CRLF line ends), as JSON', async () => {
    const result = await runCli([
      'coverage',
      '--catalog',
      MINIMAL,
      '--observed',
      PLAIN,
      '--pattern',
      'status=(?<status>\\d{3}) code=(?<code>\\w+)',
      '--format',
      'json',
    ]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      lines: 5,
      occurrences: 4,
      documented: 2,
      seenDocumented: 2,
      undocumented: [{ code: '9001', count: 1 }],
      never: [],
      mismatch: [
        {
          key: 'shop:1002',
          documented: 409,
          seen: [
            { status: 409, count: 1 },
            { status: 500, count: 1 },
          ],
        },
      ],
      failing: ['undocumented'],
    });
    // A pattern without groups counts what it matches.
    const whole = await runCli([
      'coverage',
      '-C',
      MINIMAL,
      '--observed',
      PLAIN,
      '--pattern',
      '\\b1\\d{3}\\b',
      '-f',
      'json',
    ]);
    expect(JSON.parse(whole.stdout)).toMatchObject({ occurrences: 3, undocumented: [], never: [] });
  });

  test('--format markdown', async () => {
    const result = await runCli(['coverage', ...json, '--format', 'markdown', '--space', 'shop']);
    expect(result.stdout).toMatchInlineSnapshot(`
      "### Error catalog coverage

      tests/fixtures/observed/app.jsonl: 10 lines (2 not JSON, skipped), 7 codes seen; 1 of 2 documented codes seen.

      #### Undocumented codes (3)

      | Code | Seen | Range |
      |---|---:|---|
      | \`1050\` | 2 | in range shop 1000-1099 (Orders) |
      | \`1150\` | 1 | in range shop 1100-1199 (Later, unused) |
      | \`bad_request\` | 1 | in no range |

      #### Documented codes never seen (1)

      - \`shop:1002 ORDER_LOCKED\`

      #### Codes seen with another status (1)

      - \`shop:1001 ORDER_NOT_FOUND\`: documented 404, seen with 500 ×1

      **Fails on undocumented.**
      "
    `);
  });

  describe('bad input: exit 2, one paragraph, no stack trace', () => {
    let dir: string;
    beforeAll(() => {
      dir = emptyFolder('observed-');
    });
    const run = async (...args: string[]) => {
      const result = await runCli(['coverage', '--catalog', MINIMAL, ...args]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toMatch(/\n\s+at /);
      return result.stderr.replaceAll(dir, 'DIR');
    };

    test('binary garbage, a 10 MB line', async () => {
      const gz = join(dir, 'app.jsonl.gz');
      writeFileSync(gz, gzipSync(Buffer.from('{"error":{"code":"1001"}}\n'.repeat(100))));
      expect(await run('--observed', gz, '--path', 'error.code')).toMatchInlineSnapshot(`
        "error: line 1 of DIR/app.jsonl.gz is not text (it holds NUL bytes): this looks like a binary or compressed file. Give the log as plain UTF-8 text (e.g. zcat app.log.gz > app.log).
        "
      `);
      const long = join(dir, 'long.log');
      writeFileSync(long, `{"error":{"code":"1001"}}\n{"blob":"${'x'.repeat(10 * 1024 * 1024)}"}\n`);
      expect(await run('--observed', long, '--path', 'error.code')).toMatchInlineSnapshot(`
        "error: line 2 of DIR/long.log is longer than 1.0 MB; a log line that long is not a log entry. Check that this is the right file, or raise the limit with --max-line <MB>.
        "
      `);
      // A higher limit reads it.
      const raised = await runCli([
        'coverage',
        '-C',
        MINIMAL,
        '--observed',
        long,
        '--path',
        'error.code',
        '--max-line',
        '11',
        '--fail-on',
        'none',
      ]);
      expect(raised.code).toBe(0);
      expect(raised.stdout).toContain('long.log: 2 lines, 1 code seen; 1 of 2 documented codes seen');
    });

    test('a missing log, no --path or --pattern, a wrong path or regex, no JSON line, an unknown space', async () => {
      expect(await run('--observed', 'no/such.log', '--path', 'code')).toMatchInlineSnapshot(`
        "error: There is no file at no/such.log. Give the path of a log file, e.g. --observed logs/app.jsonl.
        "
      `);
      expect(await run('--observed', JSONL)).toMatchInlineSnapshot(`
        "error: say where the code is: --path error.code for JSON lines, or --pattern "code=(\\w+)" for plain lines.
        (add --help for usage)
        "
      `);
      expect(await run('--observed', JSONL, '--path', 'errors[0].code')).toMatchInlineSnapshot(`
        "error: --path: "errors[0]" in field path errors[0].code is not a key, key[] (each element of a list) or <name> (each key of a map); write errors[].code.
        (add --help for usage)
        "
      `);
      expect(await run('--observed', PLAIN, '--pattern', 'code=(')).toMatchInlineSnapshot(`
        "error: --pattern is not a valid regular expression: Invalid regular expression: /code=(/: Unterminated group.
        (add --help for usage)
        "
      `);
      expect(await run('--observed', PLAIN, '--path', 'code')).toMatchInlineSnapshot(`
        "error: No line of tests/fixtures/observed/access.txt is a JSON object, so --path code found nothing; for plain log lines, use --pattern instead.
        "
      `);
      expect(await run('--observed', JSONL, '--path', 'error.code', '--space', 'shoop')).toMatchInlineSnapshot(`
        "error: --space shoop: the catalog has no such code space (code spaces: shop).
        (add --help for usage)
        "
      `);
      expect(await runCli(['coverage', '--path', 'code'])).toMatchObject({
        code: 2,
        stderr: expect.stringContaining("required option '--observed <file>' not specified"),
      });
    });
  });
});

describe('forEachLine', () => {
  test('lines that cross the 1 MB pieces come out whole, with their numbers', async () => {
    mkdirSync(resolve('.cache/cli-tests'), { recursive: true });
    const file = join(emptyFolder('lines-'), 'big.log');
    const lines = Array.from({ length: 7 }, (_, index) => String(index).repeat(300_000 + index));
    writeFileSync(file, lines.join('\n'));
    const seen: Array<[number, number]> = [];
    const reading = await forEachLine(file, 1024 * 1024, (text, line) => {
      expect(text).toBe(lines[line - 1]);
      seen.push([line, text.length]);
    });
    expect(seen.map(([line]) => line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(reading).toEqual({ lines: 7, bytes: lines.join('\n').length });
  });
});
