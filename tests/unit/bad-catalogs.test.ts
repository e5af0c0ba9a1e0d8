/**
 * One malformed catalog per error path (tests/fixtures/bad-catalogs/<case>/, each a copy of
 * tests/fixtures/minimal-catalog/ with one fault). Each case pins what the author is told: the
 * file and line, the field, what is wrong and how to fix it.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildModel } from '../../src/catalog/build-model';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { CatalogError } from '../../src/catalog/problems';
import { readCatalogFiles } from '../../src/catalog/read-catalog';
import { buildSiteAsync } from '../../tools/build-site.mjs';

const ROOT = 'tests/fixtures/bad-catalogs';

/** The problems of one fixture, one block each: where (file:line  field), what, and the fix. */
function problemsOf(name: string): string {
  const dir = `${ROOT}/${name}`;
  const { catalog, problems } = buildModel(readCatalogFiles(dir));
  expect(catalog, `${name} must not build`).toBeUndefined();
  expect(problems.length, `${name} must report a problem`).toBeGreaterThan(0);
  return problems
    .map((problem) => {
      const where = `${problem.file.replace(`${dir}/`, '')}${problem.line ? `:${problem.line}` : ''}${problem.field ? `  ${problem.field}` : ''}`;
      return `${where}\n  ${problem.message}\n  Fix: ${problem.fix}`;
    })
    .join('\n\n');
}

const CASES = [
  'yaml-syntax',
  'missing-required-field',
  'unknown-field-typo',
  'wrong-type',
  'code-is-a-list',
  'bad-enum',
  'unknown-envelope',
  'unknown-status',
  'code-surface-outside-space',
  'status-override-unknown-surface',
  'duplicate-code',
  'duplicate-status',
  'duplicate-header',
  'overlapping-ranges',
  'range-from-after-to',
  'code-outside-ranges',
  'code-in-unused-range',
  'symbolic-code-in-ranged-space',
  'unknown-related',
  'related-to-itself',
  'unknown-replaced-by',
  'bad-placeholder',
  'unused-placeholder',
  'unknown-code-space',
  'message-unknown-code',
  'ambiguous-message-code',
  'bad-field-path',
  'example-not-json',
  'field-path-matches-nothing',
  'unknown-top-level-folder',
  'missing-api-yaml',
];

test('every fixture folder has its test, and every test its fixture', () => {
  const folders = readdirSync(ROOT)
    .filter((name) => name !== 'several-problems-at-once')
    .sort();
  expect(folders).toEqual([...CASES].sort());
});

describe('each malformed catalog is refused with a message naming file, line, field and fix', () => {
  test('reports only the first YAML error of a file, with its line and column', () => {
    expect(problemsOf('yaml-syntax')).toMatchInlineSnapshot(`
      "codes/shop.yaml:9
        this is not valid YAML: missing closing quote (line 9, column 38)
        Fix: close the quoted text on the same line, or use a block scalar (key: |) for text over several lines"
    `);
  });

  test('names a missing required field and the entry it belongs to', () => {
    expect(problemsOf('missing-required-field')).toMatchInlineSnapshot(`
      "codes/shop.yaml:3  codes[0].cause
        the required field "cause" is missing
        Fix: add cause: <text> to this entry"
    `);
  });

  test('reports a misspelt field once, with the name it was meant to be', () => {
    expect(problemsOf('unknown-field-typo')).toMatchInlineSnapshot(`
      "codes/shop.yaml:10  codes[0].resolutoin
        unknown field "resolutoin" (did you mean "resolution"?)
        Fix: rename "resolutoin" to "resolution""
    `);
  });

  test('quotes the value written when it has the wrong type', () => {
    expect(problemsOf('wrong-type')).toMatchInlineSnapshot(`
      "codes/shop.yaml:5  codes[0].status
        status must be a number, but it is the text "404"
        Fix: write an HTTP status number such as 404 (no quotes)"
    `);
  });

  test('says which types a code accepts when it is given a list', () => {
    expect(problemsOf('code-is-a-list')).toMatchInlineSnapshot(`
      "codes/shop.yaml:11  codes[1].code
        code must be a text or a number, but it is a list of 2 item(s)
        Fix: write a text or a number, e.g. 7100 or "not_found""
    `);
  });

  test('suggests the nearest allowed value for a misspelt enum value', () => {
    expect(problemsOf('bad-enum')).toMatchInlineSnapshot(`
      "ranges/shop.yaml:4  ranges[1].state
        "unsed" is not an allowed value of state
        Fix: did you mean "unused"? (allowed values: active, unused, reserved)"
    `);
  });

  test('suggests the nearest envelope for a surface that names an unknown one', () => {
    expect(problemsOf('unknown-envelope')).toMatchInlineSnapshot(`
      "surfaces/shop.yaml:3  envelopes[0]
        envelope "simpel" does not exist
        Fix: did you mean "simple"? (envelopes: simple) or create tests/fixtures/bad-catalogs/unknown-envelope/envelopes/simpel.yaml"
    `);
  });

  test('lists the declared statuses for a code with an undeclared status', () => {
    expect(problemsOf('unknown-status')).toMatchInlineSnapshot(`
      "codes/shop.yaml:13  codes[1].status
        HTTP status 418 is not declared
        Fix: add it to tests/fixtures/bad-catalogs/unknown-status/statuses/statuses.yaml (status: 418, reason:, meaning:, action:) or use one of: 404, 409, 500"
    `);
  });

  test('rejects a code that names a surface outside its code space', () => {
    expect(problemsOf('code-surface-outside-space')).toMatchInlineSnapshot(`
      "codes/shop.yaml:14  codes[1].surfaces[0]
        surface "admin" does not send codes of code space "shop"
        Fix: name only surfaces of code space "shop" (shop); a code that admin sends belongs in the codes of its space "admin""
    `);
  });

  test('rejects a per-surface status override for a surface that does not exist', () => {
    expect(problemsOf('status-override-unknown-surface')).toMatchInlineSnapshot(`
      "statuses/statuses.yaml:12  statuses[1].surfaces.shops
        surface "shops" does not exist
        Fix: did you mean "shop"? (surface ids (file names in surfaces/): shop)"
    `);
  });

  test('reports a code declared in two files of one code space, with the first place', () => {
    expect(problemsOf('duplicate-code')).toMatchInlineSnapshot(`
      "codes/shop.yaml:3  codes[0].code
        code 1001 is declared twice in code space "shop" (first at tests/fixtures/bad-catalogs/duplicate-code/codes/shop-more.yaml:3)
        Fix: give one of them a new code; codes are permanent, so deprecate an old one instead of reusing it"
    `);
  });

  test('reports a status declared twice, with the first place', () => {
    expect(problemsOf('duplicate-status')).toMatchInlineSnapshot(`
      "statuses/statuses.yaml:10  statuses[2].status
        status 404 is declared twice (first at tests/fixtures/bad-catalogs/duplicate-status/statuses/statuses.yaml:2)
        Fix: keep one entry per status; put what differs on one surface under surfaces: <surface id>"
    `);
  });

  test('treats header names case-insensitively when looking for duplicates', () => {
    expect(problemsOf('duplicate-header')).toMatchInlineSnapshot(`
      "headers/headers.yaml:7  headers[1].name
        header retry-after is declared twice (first as Retry-After at tests/fixtures/bad-catalogs/duplicate-header/headers/headers.yaml:2; header names ignore case)
        Fix: keep one entry per header"
    `);
  });

  test('reports overlapping ranges with the bounds that would separate them', () => {
    expect(problemsOf('overlapping-ranges')).toMatchInlineSnapshot(`
      "ranges/shop.yaml:4  ranges[1].from
        range 1050-1199 (Later) overlaps range 1000-1099 (Orders) (line 3) in code space "shop"
        Fix: start it after 1099 (from: 1100), or end 1000-1099 before 1050 (to: 1049)"
    `);
  });

  test('reports a range whose bounds are swapped', () => {
    expect(problemsOf('range-from-after-to')).toMatchInlineSnapshot(`
      "ranges/shop.yaml:4  ranges[1].to
        the range ends before it starts (to is lower than from)
        Fix: swap the two bounds so that from is the first code, e.g. from: 7100, to: 7199"
    `);
  });

  test('reports a code outside every range and lists the active ranges', () => {
    expect(problemsOf('code-outside-ranges')).toMatchInlineSnapshot(`
      "codes/shop.yaml:11  codes[1].code
        code 1500 of code space "shop" lies in no declared range
        Fix: add a range that holds it to tests/fixtures/bad-catalogs/code-outside-ranges/ranges/shop.yaml, or renumber the code into one of the active ranges: 1000-1099"
    `);
  });

  test('reports a code inside a range marked unused', () => {
    expect(problemsOf('code-in-unused-range')).toMatchInlineSnapshot(`
      "codes/shop.yaml:11  codes[1].code
        code 1102 lies in range 1100-1199 (Later), which is marked unused
        Fix: set state: active on range 1100-1199 (tests/fixtures/bad-catalogs/code-in-unused-range/ranges/shop.yaml:4) if the range is now in use, or renumber the code into an active range"
    `);
  });

  test('reports a symbolic code in a space divided into numeric ranges', () => {
    expect(problemsOf('symbolic-code-in-ranged-space')).toMatchInlineSnapshot(`
      "codes/shop.yaml:11  codes[1].code
        code "order_locked" is not numeric, but code space "shop" is divided into numeric ranges
        Fix: use a numeric code, or put symbolic codes in a code space without ranges"
    `);
  });

  test('suggests the numerically nearest codes for an unknown related code', () => {
    expect(problemsOf('unknown-related')).toMatchInlineSnapshot(`
      "codes/shop.yaml:17  codes[1].related[1]
        related code "1009" does not exist
        Fix: name a declared code of code space "shop", e.g. "1001", "1002"; write "<space>:<code>" for a code of another space"
    `);
  });

  test('reports a code that names itself as related', () => {
    expect(problemsOf('related-to-itself')).toMatchInlineSnapshot(`
      "codes/shop.yaml:17  codes[1].related[0]
        code 1002 names itself as related
        Fix: name a different code"
    `);
  });

  test('reports a deprecated code whose replacement does not exist', () => {
    expect(problemsOf('unknown-replaced-by')).toMatchInlineSnapshot(`
      "codes/shop.yaml:19  codes[1].deprecated.replacedBy
        replacement code "1003" does not exist
        Fix: name a declared code of code space "shop", e.g. "1001", "1002"; write "<space>:<code>" for a code of another space"
    `);
  });

  test('reports an unclosed placeholder and how to close it, without follow-on problems', () => {
    expect(problemsOf('bad-placeholder')).toMatchInlineSnapshot(`
      "codes/shop.yaml:6  codes[0].message
        an unclosed "{" in "Order {orderId not found."
        Fix: close it after the name: {orderId}"
    `);
  });

  test('reports a described placeholder that the message does not use', () => {
    expect(problemsOf('unused-placeholder')).toMatchInlineSnapshot(`
      "codes/shop.yaml:9  codes[0].placeholders.orderNumber
        placeholder "orderNumber" is described but the message has no {orderNumber}
        Fix: describe only {orderId}, or add {orderNumber} to the message"
    `);
  });

  test('suggests the nearest code space, without follow-on problems for the codes it held', () => {
    expect(problemsOf('unknown-code-space')).toMatchInlineSnapshot(`
      "codes/shop.yaml:1  codeSpace
        code space "shops" belongs to no surface
        Fix: did you mean "shop"? (code spaces: shop); a surface's code space is its codeSpace: or, when unset, its file name"
    `);
  });

  test('reports a common message linked to a code that does not exist', () => {
    expect(problemsOf('message-unknown-code')).toMatchInlineSnapshot(`
      "messages/general.yaml:6  messages[0].code
        code "1010" does not exist
        Fix: name a declared code of code space "shop", e.g. "1001", "1002"; write "<space>:<code>" for a code of another space, or remove code:"
    `);
  });

  test('asks which space a bare code means when several spaces have it', () => {
    expect(problemsOf('ambiguous-message-code')).toMatchInlineSnapshot(`
      "messages/general.yaml:6  messages[0].code
        code "1001" exists in several code spaces (admin, shop)
        Fix: say which one: "admin:1001" or "shop:1001""
    `);
  });

  test('suggests the corrected field path for an index copied from a body', () => {
    expect(problemsOf('bad-field-path')).toMatchInlineSnapshot(`
      "envelopes/simple.yaml:4  fields.code
        "errors[0]" in field path errors[0].code is not a key, key[] (each element of a list) or <name> (each key of a map)
        Fix: write errors[].code"
    `);
  });

  test('locates a JSON error inside an example body', () => {
    expect(problemsOf('example-not-json')).toMatchInlineSnapshot(`
      "envelopes/simple.yaml:10  examples[0].body
        example "Not found" is not valid JSON: expected double-quoted property name at line 1, column 88 of the body
        Fix: paste the body exactly as the API sends it: keys in double quotes, no trailing commas, no comments, e.g. { "error": "Not found" }"
    `);
  });

  test('reports a field path that reaches nothing in the examples', () => {
    expect(problemsOf('field-path-matches-nothing')).toMatchInlineSnapshot(`
      "envelopes/simple.yaml:6  fields.requestId
        field path meta.requestId (requestId) reaches nothing in any of the 1 error example(s)
        Fix: correct the path (e.g. errors[].code, error.ownCode, errors.<field>[]) or add an example body that has this field"
    `);
  });

  test('suggests the folder name an unknown top-level folder was meant to be', () => {
    expect(problemsOf('unknown-top-level-folder')).toMatchInlineSnapshot(`
      "header
        "header" is not part of a catalog, so its content would be silently ignored
        Fix: rename it to headers/ (a catalog holds api.yaml and the folders surfaces, envelopes, statuses, ranges, codes, messages, headers, guides)"
    `);
  });

  test('reports a catalog without api.yaml', () => {
    expect(problemsOf('missing-api-yaml')).toMatchInlineSnapshot(`
      "api.yaml
        the catalog has no api.yaml
        Fix: create api.yaml with at least name:, description: and intro:"
    `);
  });
});

test('reports every problem of a catalog together, sorted by file and line', () => {
  const dir = `${ROOT}/several-problems-at-once`;
  let thrown: unknown;
  try {
    loadCatalog(dir);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(CatalogError);
  const error = thrown as CatalogError;
  expect(new Set(error.problems.map((problem) => problem.file)).size).toBe(4);
  expect(error.message).toMatchInlineSnapshot(`
    "The error catalog in tests/fixtures/bad-catalogs/several-problems-at-once has 4 problems; nothing was built.

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
    "
  `);
});

test('a build of a bad catalog exits non-zero, prints the file and field, and writes no site', async () => {
  const outDir = resolve('.cache/h-a/bad-build');
  rmSync(outDir, { recursive: true, force: true });
  const build = await buildSiteAsync({ catalogDir: `${ROOT}/unknown-status`, outDir });
  expect(build.ok, build.output).toBe(false);
  expect(build.output).toContain(`${ROOT}/unknown-status/codes/shop.yaml:13  codes[1].status`);
  expect(build.output).toContain('HTTP status 418 is not declared');
  expect(build.output).toContain('nothing was built');
  expect(existsSync(outDir)).toBe(false);
}, 180_000);
