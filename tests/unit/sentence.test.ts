/**
 * Sentences around catalog text end once: catalog prose may or may not carry its own full stop,
 * and no sentence the site or the lookup builds may end in "..", "?." or "!.".
 */
import { describe, expect, test } from 'vitest';
import { endSentence, joinSentences } from '../../src/shared/sentence';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { buildLookupIndex } from '../../src/lookup/build-index';
import { lookup } from '../../src/lookup/engine';
import { announce } from '../../src/elements/lookup-render';
import { retrySentence } from '../../src/view/retry-text';

describe('ending a sentence', () => {
  test.each([
    ['Order not found', 'Order not found.'],
    ['Order not found.', 'Order not found.'],
    ['Why retry?', 'Why retry?'],
    ['Stop!', 'Stop!'],
    ['Wait…', 'Wait…'],
    ['He said "stop."', 'He said "stop."'],
    ['(see 3102.)', '(see 3102.)'],
    ['Retry after:', 'Retry after.'],
    ['trailing space.  ', 'trailing space.'],
    ['', ''],
  ])('%j → %j', (text, sentence) => {
    expect(endSentence(text)).toBe(sentence);
  });

  test('joins fragments and finished sentences, each ended once, leaving out empty parts', () => {
    expect(
      joinSentences([
        '1 explanation',
        'Best match: Order 7 not found.',
        undefined,
        false,
        ' ',
        'Retry after 5 seconds',
      ]),
    ).toBe('1 explanation. Best match: Order 7 not found. Retry after 5 seconds.');
  });
});

describe('sentences the site builds around catalog text', () => {
  const catalog = loadCatalog('tests/fixtures/team-catalog');
  const files = buildLookupIndex(catalog);
  const index = { core: files.core, shards: new Map(Object.entries(files.shards)) };

  test("the lookup's best-match announcement ends once when the best match is a message ending in a full stop", () => {
    const answer = lookup('Invoice inv_1 is locked while Ada edits it.', index, { now: 0 });
    const sentence = announce(answer);
    expect(sentence).toMatch(/Best match: Invoice \{invoiceId\} is locked while \{person\} edits it\.$/);
    expect(sentence).not.toMatch(/[.!?]\./);
  });

  test('a retry note that ends in its own punctuation is not given a second stop', () => {
    for (const note of ['Call us first!', 'Is the order still open?', 'Wait for the nightly run.'])
      expect(
        retrySentence(
          { policy: 'never', methods: 'all', otherwise: 'never', honorHeaders: [], note },
          { idempotentMethods: ['GET'], backoff: { initialMs: 1, factor: 2, maxDelayMs: 2, jitter: false } },
        ),
      ).toBe(`Do not retry. ${note}`);
  });
});
