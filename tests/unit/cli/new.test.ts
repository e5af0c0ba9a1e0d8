/** `error-catalog new code` and `new range`, run as a user would on copies of real catalogs. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { copyCatalog, runCli } from './run-cli';

const MINIMAL = 'tests/fixtures/minimal-catalog';
const PROSE = ['--cause', 'The card expired.', '--resolution', 'Ask for another card.'];

beforeAll(async () => {
  await runCli(['--version']);
}, 60_000);

/** Lines of `after` that are not in `before`, in order; fails when a line of `before` was lost or changed. */
function addedLines(before: string, after: string): string[] {
  const old = before.split('\n');
  const added: string[] = [];
  let index = 0;
  for (const line of after.split('\n')) {
    if (index < old.length && line === old[index]) index += 1;
    else added.push(line);
  }
  expect(index, 'every original line is kept, in order').toBe(old.length);
  return added;
}

describe('new code', () => {
  test('takes the lowest free number of the range and writes it after the code before it, keeping every comment and blank line', async () => {
    const dir = copyCatalog('catalog');
    const before = readFileSync(`${dir}/codes/core.yaml`, 'utf8');
    const result = await runCli([
      'new',
      'code',
      '--catalog',
      dir,
      '--in',
      'Customers',
      '--name',
      'CARD_EXPIRED',
      '--status',
      '402',
      '--message',
      'Card {cardId} expired.',
      '--placeholder',
      'cardId=The card id you sent.',
      '--related',
      '1101,ledger:4100',
      ...PROSE,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const after = readFileSync(`${dir}/codes/core.yaml`, 'utf8');
    // The line it reports is the line the code was written at (the default catalog grows).
    const written = after.split('\n').indexOf('  - code: 1107') + 1;
    expect(written).toBeGreaterThan(0);
    expect(result.stdout).toBe(
      `Added code 1107 (CARD_EXPIRED) to ${dir}/codes/core.yaml:${written}.\nIts page: /codes/core/1107/ (under the site's base path)\n`,
    );
    expect(addedLines(before, after)).toEqual([
      '  - code: 1107',
      '    name: CARD_EXPIRED',
      '    status: 402',
      '    message: Card {cardId} expired.',
      '    placeholders:',
      '      cardId: The card id you sent.',
      '    cause: The card expired.',
      '    resolution: Ask for another card.',
      '    related: ["1101", "ledger:4100"]',
      '',
    ]);
    // It sits before the comment that opens the next range's section.
    expect(after.indexOf('  - code: 1107')).toBeLessThan(after.indexOf('# ── Charges'));
    expect((await runCli(['check', dir])).code).toBe(0);
    // The next one takes the next number.
    const next = await runCli([
      'new',
      'code',
      '-C',
      dir,
      '--in',
      'customers',
      '--status',
      '404',
      '-m',
      'Gone.',
      ...PROSE,
    ]);
    expect(next.stdout).toContain('Added code 1108 to');
  });

  test('--dry-run prints the YAML and where it would go, and writes nothing', async () => {
    const dir = copyCatalog(MINIMAL);
    const before = readFileSync(`${dir}/codes/shop.yaml`, 'utf8');
    const result = await runCli([
      'new',
      'code',
      '-C',
      dir,
      '--space',
      'shop',
      '--range',
      '1000',
      '--status',
      '404',
      '-m',
      'Cart {cartId} not found.',
      ...PROSE,
      '--dry-run',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `Would add code 1000 to ${dir}/codes/shop.yaml:3 (nothing was written):\n\n` +
        '  - code: 1000\n    status: 404\n    message: Cart {cartId} not found.\n    cause: The card expired.\n    resolution: Ask for another card.\n\n' +
        'Its page would be /codes/shop/1000/\n',
    );
    expect(readFileSync(`${dir}/codes/shop.yaml`, 'utf8')).toBe(before);
  });

  test('refuses unused and reserved ranges, a name already used and a code already taken (exit 2, nothing written)', async () => {
    const dir = copyCatalog('catalog');
    const before = readFileSync(`${dir}/codes/core.yaml`, 'utf8');
    const unused = await runCli([
      'new',
      'code',
      '-C',
      dir,
      '--space',
      'core',
      '--range',
      '1500',
      '--status',
      '404',
      '-m',
      'x',
      ...PROSE,
    ]);
    expect(unused.code).toBe(2);
    expect(unused.stderr.replaceAll(dir, '<dir>')).toMatchInlineSnapshot(`
      "error: range 1500-1599 (Payouts (unused)) of code space "core" is marked unused, so no code may be added to it; set state: active on it in <dir>/ranges/core.yaml:11 if it is now in use, or choose an active range.
      (add --help for usage)
      "
    `);
    const reserved = await runCli([
      'new',
      'code',
      '-C',
      dir,
      '--in',
      'Partner reserved',
      '--status',
      '404',
      '-m',
      'x',
      ...PROSE,
    ]);
    expect(reserved.stderr).toContain('is marked reserved, so no code may be added to it');
    const named = await runCli([
      'new',
      'code',
      '-C',
      dir,
      '--in',
      'Customers',
      '--name',
      'CUSTOMER_NOT_FOUND',
      '--status',
      '404',
      '-m',
      'x',
      ...PROSE,
    ]);
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(
      /^error: the name CUSTOMER_NOT_FOUND is already used by code 1101 \(.*codes\/core\.yaml:\d+\); choose another name\./,
    );
    const taken = await runCli([
      'new',
      'code',
      '-C',
      dir,
      '--space',
      'core',
      '--code',
      '1101',
      '--status',
      '404',
      '-m',
      'x',
      ...PROSE,
    ]);
    expect(taken.stderr).toContain('error: code 1101 exists already in code space "core"');
    expect(readFileSync(`${dir}/codes/core.yaml`, 'utf8')).toBe(before);
  });

  test('refuses a full range and names the active ranges that have room', async () => {
    const dir = copyCatalog(MINIMAL);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      `${dir}/ranges/shop.yaml`,
      'codeSpace: shop\nranges:\n  - { from: 1001, to: 1002, name: Orders, meaning: Orders. }\n  - { from: 1100, to: 1199, name: Later, meaning: Later. }\n',
    );
    const result = await runCli(['new', 'code', '-C', dir, '--in', 'orders', '--status', '404', '-m', 'x', ...PROSE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'error: range 1001-1002 (Orders) is full: every number from 1001 to 1002 is used (or was, by a code that moved). Add a range with error-catalog new range, or choose another active range (1100-1199 Later).',
    );
  });

  test("what the build would refuse (an undeclared status) is reported with the build's message, and nothing is written", async () => {
    const dir = copyCatalog(MINIMAL);
    const before = readFileSync(`${dir}/codes/shop.yaml`, 'utf8');
    const result = await runCli([
      'new',
      'code',
      '-C',
      dir,
      '--in',
      'Orders',
      '--status',
      '418',
      '-m',
      'Teapot.',
      ...PROSE,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout.replaceAll(dir, '<dir>')).toMatchInlineSnapshot(`
      "The error catalog in <dir> has 1 problem; nothing was written.

        <dir>/codes/shop.yaml:4  codes[0].status
          HTTP status 418 is not declared
          Fix: add it to <dir>/statuses/statuses.yaml (status: 418, reason:, meaning:, action:) or use one of: 404, 409, 500
      "
    `);
    expect(readFileSync(`${dir}/codes/shop.yaml`, 'utf8')).toBe(before);
  });

  test('a misspelt option gets a suggestion; missing required options are listed together', async () => {
    const typo = await runCli(['new', 'code', '--in', 'Customers', '--stauts', '404']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("error: unknown option '--stauts'\n(Did you mean --status?)");
    const missing = await runCli(['new', 'code', '--in', 'Customers', '--status', '404']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error: a code needs --message, --cause, --resolution');
    const status = await runCli(['new', 'code', '--in', 'Customers', '--status', '4040']);
    expect(status.stderr).toContain(
      "error: option '--status <status>' argument '4040' is invalid. an HTTP status is a number from 100 to 599, e.g. 404.",
    );
  });

  test('a catalog with problems is refused before anything is added (exit 1)', async () => {
    const result = await runCli([
      'new',
      'code',
      '-C',
      'tests/fixtures/bad-catalogs/several-problems-at-once',
      '--in',
      'Orders',
      '--status',
      '404',
      '-m',
      'x',
      ...PROSE,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^The error catalog in tests\/fixtures\/bad-catalogs\/several-problems-at-once has 4 problems; fix them first \(error-catalog changes only a catalog that passes check\)\./,
    );
  });
});

describe('new range', () => {
  test('adds a range in order, in the flow style of the file', async () => {
    const dir = copyCatalog('catalog');
    const before = readFileSync(`${dir}/ranges/core.yaml`, 'utf8');
    const result = await runCli([
      'new',
      'range',
      '-C',
      dir,
      '--space',
      'core',
      '--from',
      '1600',
      '--to',
      '1699',
      '--name',
      'Payouts',
      '--meaning',
      'Payouts and transfers.',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `Added range 1600-1699 (Payouts) to ${dir}/ranges/core.yaml.\nIt is listed on /ranges/#core-1600-1699 (under the site's base path)\n`,
    );
    const after = readFileSync(`${dir}/ranges/core.yaml`, 'utf8');
    expect(addedLines(before, after)).toEqual([
      '  - { from: 1600, to: 1699, name: Payouts, meaning: Payouts and transfers. }',
    ]);
    expect(after.indexOf('from: 1600')).toBeGreaterThan(after.indexOf('from: 1500'));
    expect(after.indexOf('from: 1600')).toBeLessThan(after.indexOf('from: 1900'));
    // A code can now go into it.
    const code = await runCli([
      'new',
      'code',
      '-C',
      dir,
      '--range',
      '1600',
      '--status',
      '404',
      '-m',
      'Payout not found.',
      ...PROSE,
    ]);
    expect(code.stdout).toContain('Added code 1600 to');
  });

  test("refuses an overlap with the build's message, writing nothing", async () => {
    const dir = copyCatalog('catalog');
    const before = readFileSync(`${dir}/ranges/core.yaml`, 'utf8');
    const result = await runCli([
      'new',
      'range',
      '-C',
      dir,
      '--space',
      'core',
      '--from',
      '1550',
      '--to',
      '1650',
      '--name',
      'X',
      '--meaning',
      'Y.',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout.replaceAll(dir, '<dir>')).toMatchInlineSnapshot(`
      "The error catalog in <dir> has 1 problem; nothing was written.

        <dir>/ranges/core.yaml:12  ranges[6].from
          range 1550-1650 (X) overlaps range 1500-1599 (Payouts (unused)) (line 11) in code space "core"
          Fix: start it after 1599 (from: 1600), or end 1500-1599 before 1550 (to: 1549)
      "
    `);
    expect(readFileSync(`${dir}/ranges/core.yaml`, 'utf8')).toBe(before);
  });

  test('--dry-run shows the change as a diff; an unknown space lists the spaces', async () => {
    const dir = copyCatalog(MINIMAL);
    const result = await runCli([
      'new',
      'range',
      '-C',
      dir,
      '--space',
      'shop',
      '--from',
      '1200',
      '--to',
      '1299',
      '--name',
      'Returns',
      '--meaning',
      'Returns.',
      '--state',
      'reserved',
      '--dry-run',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('+  - { from: 1200, to: 1299, name: Returns, meaning: Returns., state: reserved }');
    const unknown = await runCli([
      'new',
      'range',
      '-C',
      dir,
      '--space',
      'shoop',
      '--from',
      '1',
      '--to',
      '2',
      '--name',
      'X',
      '--meaning',
      'Y.',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('error: there is no code space "shoop"; the code spaces are: shop');
  });
});
