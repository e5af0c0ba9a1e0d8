/**
 * Each breaking-change rule of `error-catalog diff` on a pair of tiny catalogs (the minimal
 * catalog and a copy with one change), with the message a user reads pinned.
 */
import { describe, expect, test } from 'vitest';
import { BREAKING_RULES } from '../../../src/changes/breaking-rules';
import { diffCatalogs } from '../../../src/changes/diff-catalogs';
import { CLOSED, pair, type Edits } from './catalog-pair';

/** The breaking findings of the diff from `old` to `next`, as `rule: message` lines. */
function findings(old: Edits, next: Edits): string[] {
  const { before, after } = pair(old, next);
  return diffCatalogs(before, after).changes.flatMap((change) =>
    change.breaking.map((finding) => `${finding.rule}: ${finding.message}`),
  );
}

const closed = (replacement: string): Edits => ({ 'codes/shop.yaml': [['  - code: 1003', replacement]] });

describe('breaking-change rules', () => {
  test('code-removed: a code is gone without formerly', () => {
    // The old side has ORDER_CLOSED, the new side has not.
    const { before, after } = pair({}, { 'codes/shop.yaml': [[CLOSED, '']] });
    expect(before.codes.length - after.codes.length).toBe(1);
    expect(findings({}, { 'codes/shop.yaml': [[CLOSED, '']] })).toMatchInlineSnapshot(`
      [
        "code-removed: shop:1003 ORDER_CLOSED was removed: clients that match it no longer get it; deprecate it instead (deprecated: { since, replacedBy }), or name it under \`formerly\` of the code that replaces it",
      ]
    `);
  });

  test('code-renumbered: the same name under a new number, without formerly; with formerly it is a change that breaks nothing', () => {
    expect(findings({}, closed('  - code: 1004'))).toMatchInlineSnapshot(`
      [
        "code-renumbered: shop:1003 ORDER_CLOSED is now shop:1004 (same name), without \`formerly\`: clients that match shop:1003 miss it; add formerly: ["shop:1003"] to shop:1004, or keep the old number",
      ]
    `);
    const { before, after } = pair({}, closed('  - code: 1004\n    formerly: ["1003"]'));
    const diff = diffCatalogs(before, after);
    expect(diff.changes).toEqual([
      expect.objectContaining({
        concept: 'code',
        kind: 'changed',
        key: 'shop:1004',
        formerKey: 'shop:1003',
        fields: [
          { field: 'key', before: 'shop:1003', after: 'shop:1004' },
          { field: 'code', before: '1003', after: '1004' },
        ],
        breaking: [],
      }),
    ]);
  });

  test('status-changed: a code comes with another HTTP status', () => {
    expect(
      findings(
        {},
        {
          'codes/shop.yaml': [
            ['status: 409\n    message: Order {orderId} was', 'status: 404\n    message: Order {orderId} was'],
          ],
        },
      ),
    ).toMatchInlineSnapshot(`
        [
          "status-changed: shop:1003 ORDER_CLOSED now comes with HTTP status 404 instead of 409: clients that branch on the status handle it differently",
        ]
      `);
  });

  test('placeholder-removed: a placeholder is gone from the template', () => {
    const next: Edits = {
      'codes/shop.yaml': [
        ['was closed on {date}.', 'was closed.'],
        ['      date: The day it was closed.\n', ''],
      ],
    };
    expect(findings({}, next)).toMatchInlineSnapshot(`
      [
        "placeholder-removed: shop:1003 ORDER_CLOSED: placeholder {date} was removed from the message: clients that read it find nothing",
      ]
    `);
  });

  test('placeholder-renamed: as many placeholders gone as new ones', () => {
    const next: Edits = {
      'codes/shop.yaml': [
        ['was closed on {date}.', 'was closed on {closedOn}.'],
        ['      date: The day', '      closedOn: The day'],
      ],
    };
    expect(findings({}, next)).toMatchInlineSnapshot(`
      [
        "placeholder-renamed: shop:1003 ORDER_CLOSED: placeholder {date} is now {closedOn}: clients that read {date} from the message's values find nothing",
      ]
    `);
  });

  test('envelope-field-moved: a part of the body at another path, or at none', () => {
    const next: Edits = {
      'envelopes/simple.yaml': [
        ['  requestId: requestId\n', '  requestId: meta.requestId\n'],
        ['  message: errors[].message\n', ''],
        ['{ "requestId": "req_1",', '{ "meta": { "requestId": "req_1" },'],
      ],
    };
    expect(findings({}, next)).toMatchInlineSnapshot(`
      [
        "envelope-field-moved: envelope simple (Simple error): the message is no longer at errors[].message: clients that read it there find nothing",
        "envelope-field-moved: envelope simple (Simple error): the requestId moved from requestId to meta.requestId: clients that read requestId find nothing",
      ]
    `);
    // A new part where there was none breaks nothing.
    expect(findings({ 'envelopes/simple.yaml': [['  requestId: requestId\n', '']] }, {})).toEqual([]);
  });

  test('range-shrunk: a code falls out of the range that held it', () => {
    const next: Edits = {
      'ranges/shop.yaml': [
        [
          '  - { from: 1000, to: 1099, name: Orders, meaning: Orders and their states. }',
          '  - { from: 1000, to: 1001, name: Orders, meaning: Orders and their states. }\n' +
            '  - { from: 1002, to: 1099, name: Order states, meaning: Locked and closed orders. }',
        ],
      ],
    };
    expect(findings({}, next)).toMatchInlineSnapshot(`
      [
        "range-shrunk: range shop 1000-1099 (Orders) shrank from 1000-1099 to 1000-1001: codes 1002, 1003 fall out of it; clients that map ranges to handling lose them",
      ]
    `);
    // A range removed while its codes remain: they fall out. Renamed with the same bounds: nothing breaks.
    const orders = '  - { from: 1000, to: 1099, name: Orders, meaning: Orders and their states. }';
    const renamed: Edits = { 'ranges/shop.yaml': [[orders, orders.replace('name: Orders', 'name: Purchases')]] };
    expect(findings({}, renamed)).toEqual([]);
    const split: Edits = {
      'ranges/shop.yaml': [
        [
          orders,
          '  - { from: 1000, to: 1049, name: Open orders, meaning: Orders. }\n  - { from: 1050, to: 1099, name: Old orders, meaning: Orders. }',
        ],
      ],
    };
    expect(findings({}, split)).toMatchInlineSnapshot(`
      [
        "range-shrunk: range shop 1000-1099 (Orders) was removed: codes 1001, 1002, 1003 fall out of it; clients that map ranges to handling lose them",
      ]
    `);
    // Growing a range breaks nothing.
    const grown: Edits = {
      'ranges/shop.yaml': [
        ['from: 1100, to: 1199', 'from: 1150, to: 1199'],
        ['to: 1099', 'to: 1149'],
      ],
    };
    expect(findings({}, grown)).toEqual([]);
  });

  test('retry-stricter: never instead of a retry, fewer methods, fewer attempts, a longer first delay', () => {
    const retry = (advice: string): Edits => ({
      'codes/shop.yaml': [
        ['    resolution: Open a new order.\n', `    resolution: Open a new order.\n    retry: ${advice}\n`],
      ],
    });
    expect(findings(retry('{ policy: backoff }'), retry('{ policy: never }'))).toMatchInlineSnapshot(`
      [
        "retry-stricter: shop:1003 ORDER_CLOSED: retry advice is stricter: policy backoff is now never; clients that follow the old advice retry where they should not",
      ]
    `);
    expect(
      findings(
        retry('{ policy: backoff, backoff: { initialMs: 500, maxAttempts: 5 } }'),
        retry('{ policy: backoff, methods: idempotent, backoff: { initialMs: 2000, maxAttempts: 3 } }'),
      ),
    ).toMatchInlineSnapshot(`
      [
        "retry-stricter: shop:1003 ORDER_CLOSED: retry advice is stricter: POST, PATCH may no longer be retried; at most 3 attempts instead of 5; the first retry waits 2000 ms instead of 500 ms; clients that follow the old advice retry where they should not",
      ]
    `);
    // Looser advice breaks nothing.
    expect(findings(retry('{ policy: never }'), retry('{ policy: backoff }'))).toEqual([]);
  });

  test('additions, deprecations and wording changes break nothing', () => {
    const next: Edits = {
      'codes/shop.yaml': [
        [
          '    resolution: Open a new order.\n',
          '    resolution: Open a new order, or reopen this one.\n    deprecated: { since: v2, replacedBy: "1004" }\n',
        ],
        '  - code: 1004\n    name: ORDER_ARCHIVED\n    status: 409\n    message: Order archived.\n    cause: Archived.\n    resolution: Open a new order.\n',
      ],
    };
    const { before, after } = pair({}, next);
    const diff = diffCatalogs(before, after);
    expect(diff.changes.map((change) => [change.kind, change.key, change.breaking])).toEqual([
      ['deprecated', 'shop:1003', []],
      ['added', 'shop:1004', []],
    ]);
    expect(diff.changes[0]!.fields.map((field) => field.field)).toEqual(['resolution', 'deprecated']);
    const back = diffCatalogs(after, before);
    expect(back.changes.find((change) => change.key === 'shop:1003')?.kind).toBe('undeprecated');
  });

  test('every rule has an id and a summary, and the README explains each one', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync('README.md', 'utf8');
    for (const [id, summary] of Object.entries(BREAKING_RULES)) {
      expect(summary.length).toBeGreaterThan(20);
      expect(readme).toContain(`| \`${id}\` |`);
    }
  });
});
