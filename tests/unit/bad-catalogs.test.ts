/**
 * One malformed catalog per error path (tests/fixtures/bad-catalogs/<case>/, each a copy of
 * tests/fixtures/minimal-catalog/ with one fault). Each case pins what the author is told: the
 * file and line, the field, what is wrong and how to fix it. Every case goes through
 * `checkCatalog`, the one validation the build and the command line share.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCatalog } from '../../src/catalog/check-catalog';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { CatalogError, type CatalogProblem } from '../../src/catalog/problems';
import { buildSiteAsync } from '../../tools/build-site.mjs';

const ROOT = 'tests/fixtures/bad-catalogs';

/** Problems one block each: where (file:line  field), what, and the fix; paths relative to `dir`. */
function describeProblems(dir: string, problems: CatalogProblem[]): string {
  return problems
    .map((problem) => {
      const where = `${problem.file.replace(`${dir}/`, '')}${problem.line ? `:${problem.line}` : ''}${problem.field ? `  ${problem.field}` : ''}`;
      return `${where}\n  ${problem.message}\n  Fix: ${problem.fix}`;
    })
    .join('\n\n');
}

/** The problems of one fixture, which must not build. */
function problemsOf(name: string): string {
  const dir = `${ROOT}/${name}`;
  const { catalog, problems } = checkCatalog(dir);
  expect(catalog, `${name} must not build`).toBeUndefined();
  expect(problems.length, `${name} must report a problem`).toBeGreaterThan(0);
  return describeProblems(dir, problems);
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
  // Operations.
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
  // Reference graphs end somewhere sensible.
  'replacement-chain-circle',
  'replacement-ends-at-retired-code',
  'formerly-still-a-code',
  'formerly-and-replaced-by',
  'formerly-claimed-twice',
  'reference-to-former-key',
  'surface-typo-in-reference',
  'message-code-first-space-empty',
  // Keys a reader or the lookup finds an entry by are unique.
  'duplicate-code-number',
  'duplicate-code-name',
  'duplicate-message',
  'duplicate-example-title',
  'duplicate-envelope-name',
  'duplicate-surface-name',
  'duplicate-guide-title',
  // Every status that appears anywhere is declared.
  'example-status-undeclared',
  'example-body-status-disagrees',
  // Refusals by the file system and the YAML parser, per file.
  'unreadable-file',
  'link-to-nothing',
  'not-utf8',
  'utf16-file',
  'folder-named-yaml',
  'empty-file',
  'list-instead-of-mapping',
  'multiple-documents',
  'yaml-unknown-tag',
  'yaml-star-value',
  // Files the build does not read, where content was meant.
  'json-file-in-folder',
  'markdown-guide',
  'nested-surface-folder',
  'api-yaml-and-yml',
  'surface-yaml-and-yml',
  'concept-file-at-top',
  'guide-name-not-slug',
  // One mistake hides no other; diagnoses point the right way.
  'invalid-enum-hides-nothing',
  'comma-in-flow-mapping',
  'misindented-key',
  'dedented-placeholder',
  'dedented-retry-field',
  // Guides.
  'guide-front-matter',
  'guide-raw-brace',
  'guide-placeholder-in-prose',
  'guide-unclosed-tag',
  'guide-link-unknown-code',
  'guide-link-wrong-depth',
  'guide-link-absolute',
  'guide-link-unknown-guide',
  // The support desk (pinned in support-desk.test.ts).
  'support-reply-unknown-placeholder',
  'support-message-reply-unknown-placeholder',
  'support-link-unknown-placeholder',
  'support-link-placeholder-in-host',
  'support-link-not-a-url',
  'support-escalation-undeclared-team',
  'support-bad-audience',
  // Several statuses per code, errors in the body, GraphQL retry advice.
  'code-status-listed-twice',
  'code-status-and-statuses',
  'code-without-status',
  'code-status-surface-not-sent',
  'wait-field-reaches-nothing',
  'wait-field-without-wait',
  'honor-header-body-path',
  'retry-operations-and-methods',
  'envelope-example-outside-statuses',
  'retry-idempotent-without-operations',
  'envelope-status-listed-twice',
  // Status contexts limited to operations; a message's status among its code's.
  'code-status-unknown-operation',
  'code-status-operation-of-other-surface',
  'code-status-operation-status-not-listed',
  'code-status-operations-leave-out-one',
  'message-status-not-of-code',
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
        Fix: no code space has a code 1010; name a declared code, e.g. "1001", "1002", or remove code:"
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
      "envelopes/simple.yaml:11  examples[0].body
        example "Not found" is not valid JSON: expected double-quoted property name at line 11, column 94
        Fix: paste the body exactly as the API sends it: keys in double quotes, no trailing commas, no comments, e.g. { "error": "Not found" }"
    `);
  });

  test('reports a field path that reaches nothing in the examples', () => {
    expect(problemsOf('field-path-matches-nothing')).toMatchInlineSnapshot(`
      "envelopes/simple.yaml:6  fields.requestId
        field path meta.requestId (requestId) reaches nothing in any of the 1 error example(s)
        Fix: did you mean requestId? The error examples have: requestId, errors[].code, errors[].message; correct the path, or add an example body that has this field"
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

describe('reference graphs end somewhere sensible', () => {
  test('reports a replacement chain that goes round in a circle', () => {
    expect(problemsOf('replacement-chain-circle')).toMatchInlineSnapshot(`
      "codes/shop.yaml:13  codes[0].deprecated.replacedBy
        the replacement chain 1001 → 1002 → 1001 goes round in a circle, so it never reaches a code to use
        Fix: point one replacedBy of the circle at a code that is not deprecated, or remove it"
    `);
  });

  test('reports a replacement that is itself retired without a replacement', () => {
    expect(problemsOf('replacement-ends-at-retired-code')).toMatchInlineSnapshot(`
      "codes/shop.yaml:13  codes[0].deprecated.replacedBy
        code 1001 is replaced by 1002, which is deprecated too (since 2025-06, tests/fixtures/bad-catalogs/replacement-ends-at-retired-code/codes/shop.yaml:14) and names no replacement, so the chain ends at a retired code
        Fix: point replacedBy at the code clients should use now; if nothing replaces 1001, remove replacedBy and say so in its deprecated.note"
    `);
  });

  test('refuses a former key that is still a code', () => {
    expect(problemsOf('formerly-still-a-code')).toMatchInlineSnapshot(`
      "codes/shop.yaml:18  codes[1].formerly[0]
        "shop:1001" is listed as a former key of shop:1002, but it is still a code (tests/fixtures/bad-catalogs/formerly-still-a-code/codes/shop.yaml:3), so its page cannot become a redirect
        Fix: remove "shop:1001" from formerly (a code that still exists is not a former name), or name its replacement with deprecated: { replacedBy: "shop:1002" } on shop:1001"
    `);
  });

  test('refuses a code that both moved (formerly) and was retired (replacedBy)', () => {
    expect(problemsOf('formerly-and-replaced-by')).toMatchInlineSnapshot(`
      "codes/shop.yaml:21  codes[1].formerly[0]
        "shop:1001" is listed as a former key of shop:1002, but shop:1001 is still declared (tests/fixtures/bad-catalogs/formerly-and-replaced-by/codes/shop.yaml:3), deprecated and replaced by shop:1002: a code either moved or was retired, not both
        Fix: if it moved, delete the entry of shop:1001 (its old URL then redirects here); if it was retired, keep it and remove "shop:1001" from formerly"
    `);
  });

  test('refuses a former key claimed by two codes', () => {
    expect(problemsOf('formerly-claimed-twice')).toMatchInlineSnapshot(`
      "codes/shop.yaml:19  codes[1].formerly[0]
        "shop:1050" is listed as a former key of both shop:1001 (tests/fixtures/bad-catalogs/formerly-claimed-twice/codes/shop.yaml:3) and shop:1002, and its old URL can redirect to one code only
        Fix: keep "shop:1050" under formerly of the code that really took its place"
    `);
  });

  test('tells a reference to a moved code its new key', () => {
    expect(problemsOf('reference-to-former-key')).toMatchInlineSnapshot(`
      "codes/shop.yaml:18  codes[1].related[0]
        related code "1050" does not exist
        Fix: 1050 has moved: code shop:1001 lists it under formerly; write "1001""
    `);
  });

  test('suggests the space a misspelt space:code reference meant', () => {
    expect(problemsOf('surface-typo-in-reference')).toMatchInlineSnapshot(`
      "codes/shop.yaml:17  codes[1].related[0]
        related code "shpo:1001" does not exist
        Fix: "shpo" is neither a code space nor a surface; did you mean "shop:1001"?"
    `);
  });

  test('looks for the code of a common message in every code space, not only the first', () => {
    expect(problemsOf('message-code-first-space-empty')).toMatchInlineSnapshot(`
      "messages/general.yaml:6  messages[0].code
        code "1010" does not exist
        Fix: no code space has a code 1010; name a declared code, e.g. "shop:1001", "shop:1002", or remove code:"
    `);
  });
});

describe('keys a reader or the lookup finds an entry by are unique', () => {
  test('refuses two codes that are the same number (1001 and 01001)', () => {
    expect(problemsOf('duplicate-code-number')).toMatchInlineSnapshot(`
      "codes/shop.yaml:11  codes[1].code
        code 01001 is the same number as code 1001 (tests/fixtures/bad-catalogs/duplicate-code-number/codes/shop.yaml:3): the lookup reads both as 1001 and cannot tell them apart
        Fix: give one of them another number; codes are permanent, so deprecate the old one instead of reusing it"
    `);
  });

  test('refuses two code names the lookup reads as one (ORDER_NOT_FOUND, Order.Not.Found)', () => {
    expect(problemsOf('duplicate-code-name')).toMatchInlineSnapshot(`
      "codes/shop.yaml:12  codes[1].name
        the name Order.Not.Found of code 1002 is also the name ORDER_NOT_FOUND of code 1001 (tests/fixtures/bad-catalogs/duplicate-code-name/codes/shop.yaml:3) once case and - . _ are ignored, as the lookup ignores them, so looking up "order_not_found" cannot tell the two apart
        Fix: give each code its own name in code space "shop""
    `);
  });

  test('refuses a message written twice in one area, whatever its placeholders are called', () => {
    expect(problemsOf('duplicate-message')).toMatchInlineSnapshot(`
      "messages/general.yaml:7  messages[1].message
        the message "Order {id} not found." is already in area "General" as "Order {orderId} not found." (tests/fixtures/bad-catalogs/duplicate-message/messages/general.yaml:3): the lookup matches a message by its words, whatever the placeholders are called, so it would find both
        Fix: keep one entry and merge their resolutions; if the two really differ, make their wording differ too"
    `);
  });

  test('refuses two examples of one envelope with the same title', () => {
    expect(problemsOf('duplicate-example-title')).toMatchInlineSnapshot(`
      "envelopes/simple.yaml:12  examples[1].title
        two examples of envelope "simple" are titled "Not found" (the other: example 1, tests/fixtures/bad-catalogs/duplicate-example-title/envelopes/simple.yaml:8); readers pick an example by its title
        Fix: give each example a title that says what it shows, e.g. "Validation error" or "Rate limited""
    `);
  });

  test('refuses two envelopes with the same name', () => {
    expect(problemsOf('duplicate-envelope-name')).toMatchInlineSnapshot(`
      "envelopes/simple.yaml:1  name
        envelope "simple" has the same name, "Simple error", as envelope "plain" (tests/fixtures/bad-catalogs/duplicate-envelope-name/envelopes/plain.yaml): the lookup says which envelope it read a body as by this name
        Fix: give each envelope its own name"
    `);
  });

  test('refuses two surfaces with the same name', () => {
    expect(problemsOf('duplicate-surface-name')).toMatchInlineSnapshot(`
      "surfaces/shop.yaml:1  name
        surface "shop" has the same name, "Shop API", as surface "admin" (tests/fixtures/bad-catalogs/duplicate-surface-name/surfaces/admin.yaml): pages, lists and the lookup name surfaces by it
        Fix: give each surface its own name"
    `);
  });

  test('refuses two guides with the same title', () => {
    expect(problemsOf('duplicate-guide-title')).toMatchInlineSnapshot(`
      "guides/retries.mdx:2  title
        the guide title "Retry policy" is also the title of another guide (tests/fixtures/bad-catalogs/duplicate-guide-title/guides/backoff.mdx:2): the guide list and search show guides by title
        Fix: give each guide its own title"
    `);
  });
});

describe('every status that appears anywhere is declared', () => {
  test('refuses an envelope example with an undeclared status', () => {
    expect(problemsOf('example-status-undeclared')).toMatchInlineSnapshot(`
      "envelopes/simple.yaml:9  examples[0].status
        HTTP status 410 is not declared
        Fix: add it to tests/fixtures/bad-catalogs/example-status-undeclared/statuses/statuses.yaml (status: 410, reason:, meaning:, action:) or use one of: 404, 409, 500"
    `);
  });

  test('refuses an example whose body repeats another status than it comes with', () => {
    expect(problemsOf('example-body-status-disagrees')).toMatchInlineSnapshot(`
      "envelopes/simple.yaml:11  examples[0].body
        example "Not found" comes with status 404, but its body says 400 (at status)
        Fix: make the two agree: status: is the HTTP status this body is sent with"
    `);
  });
});

describe('refusals by the file system and the YAML parser are reported per file', () => {
  test('reports a link to a file that does not exist', () => {
    expect(problemsOf('link-to-nothing')).toMatchInlineSnapshot(`
      "codes/old.yaml
        this is a link to something that does not exist
        Fix: point the link at an existing file, or delete it"
    `);
  });

  test('reports a file that is not UTF-8 with its line and the word around the byte', () => {
    expect(problemsOf('not-utf8')).toMatchInlineSnapshot(`
      "messages/general.yaml:5
        the file is not UTF-8 text: byte 0xE9 on line 5, column 46 (in "café") is not UTF-8
        Fix: save the file as UTF-8 (in your editor: "Save with encoding" → UTF-8; or iconv -f latin1 -t utf-8); it was probably saved as Latin-1 or Windows-1252"
    `);
  });

  test('reports a file saved as UTF-16', () => {
    expect(problemsOf('utf16-file')).toMatchInlineSnapshot(`
      "headers/headers.yaml:1
        the file is saved as UTF-16 text; catalog files are UTF-8
        Fix: save it again as UTF-8 (in your editor: "Save with encoding" → UTF-8)"
    `);
  });

  test('reports a folder whose name ends like a YAML file', () => {
    expect(problemsOf('folder-named-yaml')).toMatchInlineSnapshot(`
      "codes/more.yaml
        this is a folder, but its name ends like a YAML file
        Fix: rename the folder (without .yaml), or move its files up into codes/"
    `);
  });

  test('reports an empty file', () => {
    expect(problemsOf('empty-file')).toMatchInlineSnapshot(`
      "codes/more.yaml
        the file is empty (0 bytes)
        Fix: write its content (codeSpace: and codes:) or delete the file"
    `);
  });

  test('reports a file that is a list instead of a mapping, and where the list goes', () => {
    expect(problemsOf('list-instead-of-mapping')).toMatchInlineSnapshot(`
      "statuses/statuses.yaml:1
        the file is a list, but a file of statuses/ is a mapping of fields (statuses: and the list of statuses under it)
        Fix: put the list under a "statuses:" line, indented by two spaces"
    `);
  });

  test('reports a second YAML document in one file', () => {
    expect(problemsOf('multiple-documents')).toMatchInlineSnapshot(`
      "headers/headers.yaml:7
        the file holds more than one YAML document: a "---" line (line 7, column 1) starts a second one
        Fix: keep one document per file: remove that "---" line, or move what follows it into a file of its own"
    `);
  });

  test('reports an unsupported YAML tag once, without the type error it causes', () => {
    expect(problemsOf('yaml-unknown-tag')).toMatchInlineSnapshot(`
      "headers/headers.yaml:1
        the YAML tag !include is not supported, so the value after it would be read as plain text
        Fix: write the value itself in place of !include …; to split a long list, put the rest in another file of the same folder"
    `);
  });
  test('reports a value starting with * (an alias without its anchor) instead of crashing', () => {
    expect(problemsOf('yaml-star-value')).toMatchInlineSnapshot(`
      "statuses/statuses.yaml:12
        this is not valid YAML: unexpected scalar at node end (line 12, column 21)
        Fix: check the indentation and the quoting on that line; quote values that contain ": " or " #", or that start with { [ * & ! | > % @ or a quote"
    `);
  });
});

describe('files the build does not read are problems where content was meant', () => {
  test('refuses a JSON file in a concept folder', () => {
    expect(problemsOf('json-file-in-folder')).toMatchInlineSnapshot(`
      "codes/more.json
        catalog files are YAML, so this JSON file is not read and its codes would be missing from the site
        Fix: rename it to codes/more.yaml: YAML reads JSON as it is written"
    `);
  });

  test('refuses a Markdown guide', () => {
    expect(problemsOf('markdown-guide')).toMatchInlineSnapshot(`
      "guides/retries.md
        guides are MDX files, so this Markdown file is not read
        Fix: rename it to guides/retries.mdx (Markdown is valid MDX, except that { and < must be escaped)"
    `);
  });

  test('refuses surfaces in a subfolder, where the file name cannot be the id', () => {
    expect(problemsOf('nested-surface-folder')).toMatchInlineSnapshot(`
      "surfaces/old
        surfaces/ holds a subfolder, but surfaces are read only from surfaces/ itself: a surface's id is its file name
        Fix: move its files up into surfaces/ (e.g. surfaces/<id>.yaml), or out of the catalog folder"
    `);
  });

  test('refuses api.yaml and api.yml side by side', () => {
    expect(problemsOf('api-yaml-and-yml')).toMatchInlineSnapshot(`
      "api.yml
        the catalog has two api files (api.yaml and api.yml)
        Fix: keep one api.yaml and delete the other"
    `);
  });

  test('refuses two files that give one surface id', () => {
    expect(problemsOf('surface-yaml-and-yml')).toMatchInlineSnapshot(`
      "surfaces/shop.yml
        tests/fixtures/bad-catalogs/surface-yaml-and-yml/surfaces/shop.yaml and this file both give the surface id "shop"
        Fix: keep one of the two files (the id is the file name without .yaml or .yml)"
    `);
  });

  test('refuses a concept file at the top level, without follow-on problems', () => {
    expect(problemsOf('concept-file-at-top')).toMatchInlineSnapshot(`
      "statuses.yaml
        statuses.yaml is not read: statuses go in the folder statuses/
        Fix: move it to statuses/statuses.yaml"
    `);
  });

  test('refuses a guide file name that cannot be a URL', () => {
    expect(problemsOf('guide-name-not-slug')).toMatchInlineSnapshot(`
      "guides/Retry Policy.mdx
        the file name "Retry Policy.mdx" is the guide's URL (guides/Retry Policy/) and must be a lowercase slug ending in .mdx
        Fix: rename it to guides/retry-policy.mdx"
    `);
  });
});

describe('one mistake hides no other, and each diagnosis points at the fix', () => {
  test('reports an invalid enum value together with an undeclared status and a surface typo', () => {
    expect(problemsOf('invalid-enum-hides-nothing')).toMatchInlineSnapshot(`
      "statuses/statuses.yaml:6  statuses[0].retry.policy
        "re-authenticate" is not an allowed value of policy
        Fix: did you mean "reauthenticate"? (allowed values: never, backoff, retry-after, reauthenticate, use-cache, not-needed)

      statuses/statuses.yaml:9  statuses[0].surfaces.shpo
        surface "shpo" does not exist
        Fix: did you mean "shop"? (surface ids (file names in surfaces/): shop)

      codes/shop.yaml:13  codes[1].status
        HTTP status 423 is not declared
        Fix: add it to tests/fixtures/bad-catalogs/invalid-enum-hides-nothing/statuses/statuses.yaml (status: 423, reason:, meaning:, action:) or use one of: 404, 409, 500"
    `);
  });

  test('says to quote a value that a comma cut short in a one-line { … } mapping', () => {
    expect(problemsOf('comma-in-flow-mapping')).toMatchInlineSnapshot(`
      "ranges/shop.yaml:3  ranges[0].meaning
        the comma after "Orders" ends the value of meaning: in a one-line { … } mapping, so "carts and their states." became a field of its own
        Fix: quote the value: meaning: "Orders, carts and their states.""
    `);
  });

  test('places a mis-indented key at its own line and column', () => {
    expect(problemsOf('misindented-key')).toMatchInlineSnapshot(`
      "codes/shop.yaml:13
        "status" on line 13 starts at column 4, out of line with "name" on line 12 (column 5)
        Fix: start "status" at column 5, in line with "name" (add 1 space before it)"
    `);
  });

  test('says to indent a placeholder description that slipped out of placeholders:', () => {
    expect(problemsOf('dedented-placeholder')).toMatchInlineSnapshot(`
      "codes/shop.yaml:9  codes[0].region
        "region" is not a field of this entry, but the message has {region}: this looks like the description of that placeholder, written outside placeholders:
        Fix: indent it under placeholders:, in line with the other placeholder descriptions"
    `);
  });

  test('says to indent a retry field that slipped out of retry:', () => {
    expect(problemsOf('dedented-retry-field')).toMatchInlineSnapshot(`
      "statuses/statuses.yaml:16  statuses[2].methods
        "methods" is not a field here, but it is a field of retry:
        Fix: indent it under retry:, in line with the fields already there"
    `);
  });
});

describe('guides are checked like the rest of the catalog', () => {
  test('reports bad front matter at its line in the guide, with did-you-mean', () => {
    expect(problemsOf('guide-front-matter')).toMatchInlineSnapshot(`
      "guides/retries.mdx:2  tilte
        unknown field "tilte" (did you mean "title"?)
        Fix: rename "tilte" to "title""
    `);
  });

  test('reports a raw { in MDX at its line, with the escape', () => {
    expect(problemsOf('guide-raw-brace')).toMatchInlineSnapshot(`
      "guides/retries.mdx:8
        MDX reads the "{" at column 1 as the start of a JavaScript expression, but what follows is not JavaScript (could not parse expression with acorn): { "errors": [ { "code": "1001"…
        Fix: to show the brace, escape it as \\{, or put the text in a code span between backticks"
    `);
  });

  test('reports a {placeholder} in prose, which MDX would run as code', () => {
    expect(problemsOf('guide-placeholder-in-prose')).toMatchInlineSnapshot(`
      "guides/retries.mdx:7
        MDX reads {orderId} (column 26) as a JavaScript expression, which fails when the page is built
        Fix: to show the braces, write \\{orderId}, or put it in a code span: \`{orderId}\`"
    `);
  });

  test('reports an unclosed HTML tag at its column', () => {
    expect(problemsOf('guide-unclosed-tag')).toMatchInlineSnapshot(`
      "guides/retries.mdx:7
        MDX reads the "<" at column 12 as the start of an HTML or JSX tag: expected a closing tag for <br> before the end of paragraph
        Fix: to show it as text, write \\<br> or put it in a code span between backticks; to use the tag, close it (<br />)"
    `);
  });

  test('reports a link to a code that does not exist, with the nearest codes', () => {
    expect(problemsOf('guide-link-unknown-code')).toMatchInlineSnapshot(`
      "guides/retries.mdx:7
        the link ../../codes/shop/1009/ (column 24) leads to codes/shop/1009/, which is no page of the site
        Fix: code shop:1009 does not exist; link to a declared code, e.g. ../../codes/shop/1001/, ../../codes/shop/1002/"
    `);
  });

  test('reports a link with the wrong number of ../ and gives the right one', () => {
    expect(problemsOf('guide-link-wrong-depth')).toMatchInlineSnapshot(`
      "guides/retries.mdx:7
        the link ../codes/shop/1002/ (column 24) leads to guides/codes/shop/1002/, which is no page of the site
        Fix: a guide's page is two folders deep (guides/<id>/), so write ../../codes/shop/1002/ (2 "../", not 1)"
    `);
  });

  test('reports an absolute link, which breaks under a base path', () => {
    expect(problemsOf('guide-link-absolute')).toMatchInlineSnapshot(`
      "guides/retries.mdx:7
        the link /codes/shop/1002/ (column 24) is absolute, so it breaks when the site is served under a base path (e.g. /docs/errors/)
        Fix: write it relative to the guide's page: ../../codes/shop/1002/"
    `);
  });

  test('reports a link to a misspelt guide', () => {
    expect(problemsOf('guide-link-unknown-guide')).toMatchInlineSnapshot(`
      "guides/retries.mdx:7
        the link ../idempotancy/ (column 5) leads to guides/idempotancy/, which is no page of the site
        Fix: did you mean ../idempotency/ (the guide guides/idempotency.mdx)?"
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

describe('several statuses per code and waits carried in the body are checked', () => {
  test('refuses a status listed twice for one code, naming the first', () => {
    expect(problemsOf('code-status-listed-twice')).toMatchInlineSnapshot(`
      "codes/shop.yaml:18  codes[1].statuses[2].status
        status 409 is listed twice for code 1002 (first as statuses[0])
        Fix: list each status once; say what differs between contexts (surfaces, when:) in that one entry, or use another code"
    `);
  });

  test('refuses status: and statuses: together', () => {
    expect(problemsOf('code-status-and-statuses')).toMatchInlineSnapshot(`
      "codes/shop.yaml:15  codes[1].statuses
        the code has both status: 409 and statuses:
        Fix: write status: for one status, or statuses: (each with its status) for several, not both"
    `);
  });

  test('refuses a code with neither status: nor statuses:, showing both forms', () => {
    expect(problemsOf('code-without-status')).toMatchInlineSnapshot(`
      "codes/shop.yaml:11  codes[1].status
        the code has no status
        Fix: add status: <the HTTP status it comes with>, or statuses: [{ status: 200, layer: execution }, { status: 401, layer: transport }] when it comes with several"
    `);
  });

  test('refuses a status context on a surface that does not send the code', () => {
    expect(problemsOf('code-status-surface-not-sent')).toMatchInlineSnapshot(`
      "codes/shop.yaml:15  codes[1].statuses[0].surfaces[0]
        surface "shpo" does not send code 1002
        Fix: name only surfaces the code comes from (shop)"
    `);
  });

  test('refuses a body-field wait whose path reaches nothing in the envelope examples', () => {
    expect(problemsOf('wait-field-reaches-nothing')).toMatchInlineSnapshot(`
      "codes/shop.yaml:16  codes[1].retry.waitField
        waitField errors[].extensions.retryAfterSeconds reaches nothing in any example body of envelope "simple"
        Fix: write the path from the body's root (e.g. errors[].extensions.retryAfterSeconds), or add an example body that carries the wait"
    `);
  });

  test('refuses a body-field wait on a policy that does not wait', () => {
    expect(problemsOf('wait-field-without-wait')).toMatchInlineSnapshot(`
      "codes/shop.yaml:16  codes[1].retry.waitField
        waitField errors[].retryIn is given with policy never, which waits for nothing
        Fix: use policy: retry-after (wait for the time in that field, then retry), or remove waitField"
    `);
  });

  test('refuses a body path written as a header to honour', () => {
    expect(problemsOf('honor-header-body-path')).toMatchInlineSnapshot(`
      "statuses/statuses.yaml:16  statuses[2].retry.honorHeaders[1]
        "extensions.retryAfterSeconds" is not a header name: it looks like a field of the body
        Fix: write a wait the body carries as waitField: <its path from the body's root> (e.g. errors[].extensions.retryAfterSeconds), and keep honorHeaders for headers such as Retry-After"
    `);
  });

  test('refuses advice that names both methods and forOperations', () => {
    expect(problemsOf('retry-operations-and-methods')).toMatchInlineSnapshot(`
      "statuses/statuses.yaml:17  statuses[2].retry.forOperations
        retry advice names both methods and forOperations
        Fix: keep one: forOperations when the rule depends on the operation (GraphQL queries and mutations are all POSTs), methods when it depends on the HTTP method"
    `);
  });

  test('refuses advice for idempotent operations in a catalog that declares no operations', () => {
    expect(problemsOf('retry-idempotent-without-operations')).toMatchInlineSnapshot(`
      "statuses/statuses.yaml:16  statuses[2].retry.forOperations
        retry advice is for operations declared idempotent, but the catalog declares no operations
        Fix: declare the operations with their idempotency in operations/<surface>.yaml, or use forOperations: queries or methods:"
    `);
  });

  test('refuses an envelope status listed twice', () => {
    expect(problemsOf('envelope-status-listed-twice')).toMatchInlineSnapshot(`
      "envelopes/simple.yaml:3  statuses[2]
        status 409 is listed twice in statuses
        Fix: list each status once"
    `);
  });

  test('refuses an envelope example whose status lies outside the envelope statuses', () => {
    expect(problemsOf('envelope-example-outside-statuses')).toMatchInlineSnapshot(`
      "envelopes/simple.yaml:10  examples[0].status
        example "Not found" comes with status 404, but the envelope is limited to statuses 409, 500
        Fix: add 404 to statuses: [404, 409, 500], or move the example to the envelope of status 404"
    `);
  });
  test('refuses a status context naming an operation that does not exist, and suggests the nearest', () => {
    expect(problemsOf('code-status-unknown-operation')).toMatchInlineSnapshot(`
      "codes/shop.yaml:15  codes[1].statuses[0].operations[0]
        operation "POST /orders/{orderId}/lok" does not exist on surface "shop"
        Fix: did you mean "POST /orders/{orderId}/lock"? (operations that can return the code: GET /orders/{orderId}, POST /orders/{orderId}/lock), or declare it in operations/"
    `);
  });

  test('refuses a status context naming an operation of a surface that does not send the code', () => {
    expect(problemsOf('code-status-operation-of-other-surface')).toMatchInlineSnapshot(`
      "codes/shop.yaml:16  codes[1].statuses[0].operations[0]
        POST /admin/orders/{orderId}/lock is an operation of surface "admin", which does not send code 1002 (it comes from shop)
        Fix: name an operation of shop, or add admin to the surfaces: of code 1002"
    `);
  });

  test('refuses a status context naming an operation that does not list the status', () => {
    expect(problemsOf('code-status-operation-status-not-listed')).toMatchInlineSnapshot(`
      "codes/shop.yaml:15  codes[1].statuses[0].operations[0]
        GET /orders/{orderId} does not list status 409 in its statuses, so it cannot return code 1002 with it
        Fix: add 409 to the statuses: of GET /orders/{orderId} (tests/fixtures/bad-catalogs/code-status-operation-status-not-listed/operations/shop.yaml:3), or name another operation"
    `);
  });

  test('refuses an operation listing a code whose every status is limited to other operations', () => {
    expect(problemsOf('code-status-operations-leave-out-one')).toMatchInlineSnapshot(`
      "codes/shop.yaml:6  codes[0].statuses
        DELETE /orders/{orderId} lists code 1001 in its codes (tests/fixtures/bad-catalogs/code-status-operations-leave-out-one/operations/shop.yaml:13), but every status of the code is limited to other operations
        Fix: add "DELETE /orders/{orderId}" to the operations: of the status the code comes with there, or remove 1001 from its codes:"
    `);
  });

  test("refuses a common message whose status is not one of its code's statuses", () => {
    expect(problemsOf('message-status-not-of-code')).toMatchInlineSnapshot(`
      "messages/general.yaml:4  messages[0].status
        the message comes with status 500, but code 1001 comes with 404
        Fix: list 500 in the statuses: of code 1001 (tests/fixtures/bad-catalogs/message-status-not-of-code/codes/shop.yaml:3), or correct the message's status"
    `);
  });
});
