/** `error-catalog import csv`: a spreadsheet of codes, run as a user would on copies of a small catalog. */
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { copyCatalog, emptyFolder, runCli } from './run-cli';

const MINIMAL = 'tests/fixtures/minimal-catalog';

beforeAll(async () => {
  await runCli(['--version']);
}, 60_000);

function csvFile(content: string | Buffer, name = 'codes.csv'): string {
  const file = `${emptyFolder()}/${name}`;
  writeFileSync(file, content);
  return file;
}

const GOOD = [
  'Code,Name,HTTP status,Message,Cause,Resolution,Tags',
  '1003,ORDER_EXPIRED,409,Order {orderId} expired.,The order was not paid in time.,Place a new order.,orders;expiry',
  '1004,CART_EMPTY,409,The cart is empty.,"The cart has no items, so there is nothing to order.",Add an item first.,',
].join('\r\n');

describe('import csv', () => {
  test('columns found by their headers; rows become codes in code order; the catalog keeps its text and passes check', async () => {
    const dir = copyCatalog(MINIMAL);
    const before = readFileSync(`${dir}/codes/shop.yaml`, 'utf8');
    const file = csvFile(GOOD);
    const result = await runCli(['import', 'csv', file, '-C', dir, '--space', 'shop']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.replaceAll(dir, '<dir>').replaceAll(file, '<file>')).toMatchInlineSnapshot(`
      "Imported <file> (2 rows) into <dir>/:
        added (2):
          code 1003
          code 1004
        Wrote 1 file: <dir>/codes/shop.yaml. The catalog passes check.
      "
    `);
    const after = readFileSync(`${dir}/codes/shop.yaml`, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(parse(after).codes.slice(2)).toEqual([
      {
        code: 1003,
        name: 'ORDER_EXPIRED',
        status: 409,
        message: 'Order {orderId} expired.',
        cause: 'The order was not paid in time.',
        resolution: 'Place a new order.',
        tags: ['orders', 'expiry'],
      },
      {
        code: 1004,
        name: 'CART_EMPTY',
        status: 409,
        message: 'The cart is empty.',
        cause: 'The cart has no items, so there is nothing to order.',
        resolution: 'Add an item first.',
      },
    ]);
    expect((await runCli(['check', dir])).code).toBe(0);
  });

  test('--map reads other headers; a space column puts each row in its space', async () => {
    const dir = copyCatalog(MINIMAL);
    const file = csvFile(
      'Space;Error code;HTTP;Text;Why;Fix\nshop;1010;404;Cart {cartId} not found.;The cart expired.;Start a new cart.\n',
    );
    const result = await runCli([
      'import',
      'csv',
      file,
      '-C',
      dir,
      '--map',
      'Error code=code,Text=message',
      '--map',
      'Why=cause',
    ]);
    expect(result.code).toBe(0);
    expect(parse(readFileSync(`${dir}/codes/shop.yaml`, 'utf8')).codes[2]).toEqual({
      code: 1010,
      status: 404,
      message: 'Cart {cartId} not found.',
      cause: 'The cart expired.',
      resolution: 'Start a new cart.',
    });
  });

  test('invalid rows are listed with row, line and column, and nothing is written (exit 1)', async () => {
    const dir = copyCatalog(MINIMAL);
    const before = readFileSync(`${dir}/codes/shop.yaml`, 'utf8');
    const file = csvFile(
      [
        'code,status,message,cause,resolution',
        '1005,4O4,Order gone.,It was deleted.,Create it again.',
        '1006,404,,It was deleted.,Create it again.',
        '1007,418,"A teapot,\nreally.",It is a teapot.,Ask for coffee.',
        '1500,404,Out of range.,x,y',
        '1008,404,Fine.,x,y',
        '1008,404,Twice.,x,y',
      ].join('\n'),
    );
    const result = await runCli(['import', 'csv', file, '-C', dir, '--space', 'shop']);
    expect(result.code).toBe(1);
    expect(result.stdout.replaceAll(dir, '<dir>').replaceAll(file, '<file>')).toMatchInlineSnapshot(`
      "5 invalid rows in <file>; nothing was written (fix them, or pass --skip-invalid to import the valid rows):
        ✖ row 1 (line 2), column "status": status must be a number, but it is the text "4O4"
        ✖ row 2 (line 3), column "message": empty; every code needs its message
        ✖ row 3 (line 4) (code 1007): HTTP status 418 is not declared (add it to <dir>/statuses/statuses.yaml (status: 418, reason:, meaning:, action:) or use one of: 404, 409, 500)
        ✖ row 4 (line 6) (code 1500): code 1500 of code space "shop" lies in no declared range (add a range that holds it to <dir>/ranges/shop.yaml, or renumber the code into one of the active ranges: 1000-1099)
        ✖ row 6 (line 8), column "code": code 1008 is on row 5 (line 7) already
      "
    `);
    expect(readFileSync(`${dir}/codes/shop.yaml`, 'utf8')).toBe(before);
  });

  test('--skip-invalid writes the valid rows and lists the others', async () => {
    const dir = copyCatalog(MINIMAL);
    const file = csvFile(
      'code,status,message,cause,resolution\n1005,404,Gone.,Deleted.,Create it.\n1006,418,Teapot.,Tea.,Coffee.\n',
    );
    const result = await runCli(['import', 'csv', file, '-C', dir, '--space', 'shop', '--skip-invalid']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  added (1):\n    code 1005\n');
    expect(result.stdout).toContain('row 2 (line 3) (code 1006): HTTP status 418 is not declared');
    expect(
      parse(readFileSync(`${dir}/codes/shop.yaml`, 'utf8')).codes.map((code: { code: number }) => code.code),
    ).toEqual([1001, 1002, 1005]);
  });

  test('a code already in the catalog: what is missing is filled, a different value is a conflict and is kept', async () => {
    const dir = copyCatalog(MINIMAL);
    const file = csvFile(
      'code,status,message,cause,resolution,tags\n1001,410,Order {orderId} not found.,The order does not exist.,Check the order id.,orders\n',
    );
    const result = await runCli(['import', 'csv', file, '-C', dir, '--space', 'shop']);
    expect(result.code).toBe(0);
    expect(result.stdout.replaceAll(dir, '<dir>').replaceAll(file, '<file>')).toMatchInlineSnapshot(`
      "Imported <file> (1 row) into <dir>/:
        filled in (1):
          code 1001: tags
        conflicts, the catalog kept as written (1):
          code 1001 (<dir>/codes/shop.yaml:3): <file> row 1 (line 2) says status 410, the catalog says 404; the catalog's value was kept
        Wrote 1 file: <dir>/codes/shop.yaml. The catalog passes check.
      "
    `);
    expect(parse(readFileSync(`${dir}/codes/shop.yaml`, 'utf8')).codes[0]).toMatchObject({
      code: 1001,
      status: 404,
      tags: ['orders'],
    });
  });
});

describe('bad CSV input: one paragraph, exit 2, nothing written', () => {
  test.each([
    [
      'ragged rows',
      () => csvFile('code,status,message,cause,resolution\n1005,404,Gone.,Deleted.\n1006,404,A, B,c,d\n'),
      /has rows with a different number of cells than its header \(5\): line 2 has 4, line 3 has 6\. Nothing was imported\./,
    ],
    [
      'Windows-1252 text',
      () =>
        csvFile(
          Buffer.concat([
            Buffer.from('code,status,message,cause,resolution\n1005,404,Caf'),
            Buffer.from([0xe9]),
            Buffer.from(' closed.,x,y\n'),
          ]),
        ),
      /is not UTF-8 text: line 2 holds bytes that are not UTF-8/,
    ],
    [
      'UTF-16',
      () => csvFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('code,status\n', 'utf16le')])),
      /is encoded as UTF-16, not UTF-8/,
    ],
    [
      'a missing required column',
      () => csvFile('code,status,message\n1005,404,Gone.\n'),
      /has no column for cause, resolution \(its headers are: code, status, message\)/,
    ],
    ['a missing file', () => 'nope.csv', /^error: There is no file at nope\.csv/],
    [
      'an unclosed quote',
      () => csvFile('code,status,message,cause,resolution\n1005,404,"Gone.,x,y\n'),
      /is not valid CSV/,
    ],
  ])('%s', async (_name, makeFile, message) => {
    const dir = copyCatalog(MINIMAL);
    const before = readFileSync(`${dir}/codes/shop.yaml`, 'utf8');
    const result = await runCli(['import', 'csv', makeFile(), '-C', dir, '--space', 'shop']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(`${dir}/codes/shop.yaml`, 'utf8')).toBe(before);
  });

  test('--map with an unknown field is refused by the option parser', async () => {
    const result = await runCli(['import', 'csv', 'x.csv', '--map', 'Fix=resolutoin']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"resolutoin" is no field a column can fill');
  });
});
