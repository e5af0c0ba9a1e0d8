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
  'message-unused-placeholder',
  'header-unknown-surface',
  'unknown-code-space',
  'message-unknown-code',
  'ambiguous-message-code',
  'bad-field-path',
  'example-not-json',
  'field-path-matches-nothing',
  'unknown-top-level-folder',
  'missing-api-yaml',
  'operation-unknown-surface',
  'operation-unknown-status',
  'operation-duplicate-status',
  'operation-unknown-code',
  'operation-duplicate-code',
  'operation-code-status-not-listed',
  'operation-code-of-other-surface',
  'operation-code-of-other-space',
  'operation-malformed-path',
  'operation-path-outside-base',
  'operation-duplicate-path',
  'operation-same-paths',
  'operation-ambiguous-paths',
  'operation-duplicate-id',
  'operation-envelope-key-not-status',
  'operation-envelope-status-not-listed',
  'operation-envelope-not-of-surface',
  'operation-unknown-envelope',
  'operation-duplicate-header',
  'operation-key-header-without-key',
  'operation-replacement-not-method-path',
  'operation-unknown-replacement',
  'operation-replaced-by-itself',
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

  test("rejects a common message's placeholder description that its message does not use", () => {
    expect(problemsOf('message-unused-placeholder')).toMatchInlineSnapshot(`
      "messages/general.yaml:6  messages[0].placeholders.orderID
        placeholder "orderID" is described but the message has no {orderID}
        Fix: describe only {orderId}, or add {orderID} to the message"
    `);
  });

  test('suggests the nearest surface for a header limited to a surface that does not exist', () => {
    expect(problemsOf('header-unknown-surface')).toMatchInlineSnapshot(`
      "headers/headers.yaml:7  headers[0].surfaces[0]
        surface "shops" does not exist
        Fix: did you mean "shop"? (surface ids (file names in surfaces/): shop)"
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
        Fix: rename it to headers/ (a catalog holds api.yaml and the folders surfaces, envelopes, statuses, ranges, codes, messages, headers, operations, guides)"
    `);
  });

  test('reports a catalog without api.yaml', () => {
    expect(problemsOf('missing-api-yaml')).toMatchInlineSnapshot(`
      "api.yaml
        the catalog has no api.yaml
        Fix: create api.yaml with at least name:, description: and intro:"
    `);
  });

  test('suggests the nearest surface for operations of an unknown one', () => {
    expect(problemsOf('operation-unknown-surface')).toMatchInlineSnapshot(`
      "operations/shop.yaml:1  surface
        surface "shpo" does not exist
        Fix: did you mean "shop"? (surface ids (file names in surfaces/): shop) or create tests/fixtures/bad-catalogs/operation-unknown-surface/surfaces/shpo.yaml"
    `);
  });

  test('lists the declared statuses for an operation that returns an undeclared one', () => {
    expect(problemsOf('operation-unknown-status')).toMatchInlineSnapshot(`
      "operations/shop.yaml:6  operations[0].statuses[1]
        HTTP status 418 is not declared
        Fix: add it to tests/fixtures/bad-catalogs/operation-unknown-status/statuses/statuses.yaml (status: 418, reason:, meaning:, action:) or use one of: 404, 409, 500"
    `);
  });

  test('refuses a status listed twice for one operation', () => {
    expect(problemsOf('operation-duplicate-status')).toMatchInlineSnapshot(`
      "operations/shop.yaml:6  operations[0].statuses[2]
        status 404 is listed twice
        Fix: list each status once"
    `);
  });

  test('suggests the nearest codes of the surface for an operation code that does not exist', () => {
    expect(problemsOf('operation-unknown-code')).toMatchInlineSnapshot(`
      "operations/shop.yaml:7  operations[0].codes[0]
        code "1009" does not exist
        Fix: name a declared code of code space "shop", e.g. "1001", "1002"; write "<space>:<code>" for a code of another space"
    `);
  });

  test('refuses a code listed twice for one operation, however it is written', () => {
    expect(problemsOf('operation-duplicate-code')).toMatchInlineSnapshot(`
      "operations/shop.yaml:7  operations[0].codes[1]
        code 1001 is listed twice
        Fix: list each code once"
    `);
  });

  test('refuses a code whose status the operation does not list, and shows the statuses to write', () => {
    expect(problemsOf('operation-code-status-not-listed')).toMatchInlineSnapshot(`
      "operations/shop.yaml:7  operations[0].codes[0]
        code 1001 comes with status 404, which GET /orders/{orderId} does not list in statuses
        Fix: add 404 to statuses (statuses: [404, 500]), or remove "1001" from codes"
    `);
  });

  test("refuses a code the operation's surface does not send", () => {
    expect(problemsOf('operation-code-of-other-surface')).toMatchInlineSnapshot(`
      "operations/shop.yaml:12  operations[1].codes[0]
        code 1002 is sent only by "admin", not by surface "shop"
        Fix: remove it from codes, or add shop to the surfaces: of code 1002 (tests/fixtures/bad-catalogs/operation-code-of-other-surface/codes/shop.yaml:11)"
    `);
  });

  test('refuses a code of another code space', () => {
    expect(problemsOf('operation-code-of-other-space')).toMatchInlineSnapshot(`
      "operations/shop.yaml:7  operations[0].codes[1]
        code billing:invoice_missing belongs to code space "billing", and surface "shop" sends codes of "shop"
        Fix: list only codes of code space "shop" here, or move the operation to a surface of "billing""
    `);
  });

  test('teaches braces for a path parameter written as :name', () => {
    expect(problemsOf('operation-malformed-path')).toMatchInlineSnapshot(`
      "operations/shop.yaml:9  operations[1].path
        path "/orders/:orderId/lock" writes a parameter as ":orderId"
        Fix: write parameters in braces: {orderId} (/orders/{orderId}/lock)"
    `);
  });

  test("asks for the full path when a template leaves out the surface's base path", () => {
    expect(problemsOf('operation-path-outside-base')).toMatchInlineSnapshot(`
      "operations/shop.yaml:9  operations[1].path
        path "/orders/{orderId}/lock" does not start with the base path /v1 of surface "shop" (https://shop.example/v1)
        Fix: write the path as it is sent in the request line: /v1/orders/{orderId}/lock"
    `);
  });

  test('refuses the same method and path twice on one surface', () => {
    expect(problemsOf('operation-duplicate-path')).toMatchInlineSnapshot(`
      "operations/shop.yaml:14  operations[2].path
        GET /orders/{orderId} is declared twice on surface "shop" (first at tests/fixtures/bad-catalogs/operation-duplicate-path/operations/shop.yaml:3)
        Fix: keep one entry per method and path, with every status and code of the operation in it"
    `);
  });

  test('refuses two templates that differ only in parameter names and a trailing slash', () => {
    expect(problemsOf('operation-same-paths')).toMatchInlineSnapshot(`
      "operations/shop.yaml:14  operations[2].path
        GET /orders/{id}/ matches the same paths as GET /orders/{orderId} (tests/fixtures/bad-catalogs/operation-same-paths/operations/shop.yaml:3) on surface "shop"
        Fix: keep one of the two: templates that differ only in parameter names are the same operation"
    `);
  });

  test('refuses two templates that share paths without one being narrower, with a path both match', () => {
    expect(problemsOf('operation-ambiguous-paths')).toMatchInlineSnapshot(`
      "operations/shop.yaml:14  operations[2].path
        GET /{collection}/latest and GET /orders/{orderId} (tests/fixtures/bad-catalogs/operation-ambiguous-paths/operations/shop.yaml:3) both match paths such as /orders/latest on surface "shop", and neither is more specific
        Fix: make one of them narrower (a literal segment where the other has a parameter, in every place they differ), or merge them into one operation"
    `);
  });

  test('refuses two operations whose ids differ only in case', () => {
    expect(problemsOf('operation-duplicate-id')).toMatchInlineSnapshot(`
      "operations/shop.yaml:11  operations[1].id
        operation id "order" is used twice on surface "shop" (first by GET /orders/{orderId} at tests/fixtures/bad-catalogs/operation-duplicate-id/operations/shop.yaml:3)
        Fix: give each operation its own id"
    `);
  });

  test('refuses an envelope keyed by something other than a status', () => {
    expect(problemsOf('operation-envelope-key-not-status')).toMatchInlineSnapshot(`
      "operations/shop.yaml:8  operations[0].envelopes.default
        envelopes are keyed by HTTP status here
        Fix: write the status, e.g. 422: form-error"
    `);
  });

  test('refuses an envelope for a status the operation does not return', () => {
    expect(problemsOf('operation-envelope-status-not-listed')).toMatchInlineSnapshot(`
      "operations/shop.yaml:8  operations[0].envelopes.409
        an envelope is given for status 409, which GET /orders/{orderId} does not list in statuses
        Fix: add 409 to statuses, or remove the entry 409: simple"
    `);
  });

  test('refuses an envelope the surface does not return', () => {
    expect(problemsOf('operation-envelope-not-of-surface')).toMatchInlineSnapshot(`
      "operations/shop.yaml:8  operations[0].envelopes.404
        envelope "plain" is not one of the envelopes of surface "shop" (simple)
        Fix: use one of simple, or add plain to envelopes: in tests/fixtures/bad-catalogs/operation-envelope-not-of-surface/surfaces/shop.yaml"
    `);
  });

  test('suggests the nearest envelope of the surface for an unknown one', () => {
    expect(problemsOf('operation-unknown-envelope')).toMatchInlineSnapshot(`
      "operations/shop.yaml:8  operations[0].envelopes.404
        envelope "simpel" does not exist
        Fix: did you mean "simple"? (envelopes of surface "shop": simple)"
    `);
  });

  test('refuses a request header listed twice, whatever its case', () => {
    expect(problemsOf('operation-duplicate-header')).toMatchInlineSnapshot(`
      "operations/shop.yaml:11  operations[1].requestHeaders[1]
        request header idempotency-key is listed twice
        Fix: list each header once"
    `);
  });

  test('refuses an idempotency key header on an operation not idempotent by key', () => {
    expect(problemsOf('operation-key-header-without-key')).toMatchInlineSnapshot(`
      "operations/shop.yaml:10  operations[1].idempotency.header
        an idempotency key header is named, but kind is "method"
        Fix: use kind: key when the header makes the operation idempotent, or remove header:"
    `);
  });

  test('asks for METHOD /path when a replacement is written otherwise', () => {
    expect(problemsOf('operation-replacement-not-method-path')).toMatchInlineSnapshot(`
      "operations/shop.yaml:13  operations[1].deprecated.replacedBy
        replacedBy "/orders/{orderId}/locks" is not written METHOD /path
        Fix: write the method in capitals and the path template, e.g. POST /v2/payment-intents, or surface:METHOD /path for another surface"
    `);
  });

  test('suggests the nearest operation for a replacement that does not exist', () => {
    expect(problemsOf('operation-unknown-replacement')).toMatchInlineSnapshot(`
      "operations/shop.yaml:15  operations[1].deprecated.replacedBy
        replacement operation "POST /orders/{orderId}/locks" does not exist on surface "shop"
        Fix: did you mean "POST /orders/{orderId}/lock"? (operations of surface "shop": GET /orders/{orderId}, POST /orders/{orderId}/lock)"
    `);
  });

  test('refuses an operation replaced by itself', () => {
    expect(problemsOf('operation-replaced-by-itself')).toMatchInlineSnapshot(`
      "operations/shop.yaml:15  operations[1].deprecated.replacedBy
        POST /orders/{orderId}/lock names itself as its replacement
        Fix: name a different operation"
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
