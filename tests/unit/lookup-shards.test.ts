/**
 * How the lookup index is cut into shards, as a browser on a fresh page sees it: a message never
 * fetches the numeric codes or the ranges (they are in per-space shards, out of the core shard every
 * query fetches), a number fetches them, and words under a crowded three-letter prefix are sharded
 * by four letters without changing any answer.
 */
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { buildLookupIndex } from '../../src/lookup/build-index';
import { lookup } from '../../src/lookup/engine';
import { IndexReader } from '../../src/lookup/index-reader';
import { wordShardName, type LookupIndexFiles } from '../../src/lookup/index-format';
import { freshLookup } from './fresh-lookup';

const NOW = Date.parse('2026-01-01T10:00:00Z');
const catalog = loadCatalog('catalog');

const fresh = (files: LookupIndexFiles, input: string) => freshLookup(files, input, NOW);

const loaded = (files: LookupIndexFiles) => ({ core: files.core, shards: new Map(Object.entries(files.shards)) });

describe('code spaces out of the core shard', () => {
  const files = buildLookupIndex(catalog);

  test('the core shard names the spaces but holds neither their numeric codes nor their ranges', () => {
    const core = JSON.stringify(files.core);
    expect(files.core.spaces.map((space) => space.id)).toEqual(catalog.codeSpaces.map((space) => space.id));
    expect(core).not.toContain('"numeric"');
    expect(core).not.toContain('"ranges"');
    // The ranges' names are in the space shards, one per space.
    const range = catalog.codeSpaces[0]!.ranges[0]!;
    expect(core).not.toContain(JSON.stringify(range.meaning));
    expect(JSON.stringify(files.shards.s0)).toContain(JSON.stringify(range.meaning));
  });

  test("a code's message is answered without fetching any space shard, and its card still names its range", async () => {
    const code = catalog.codes.find((candidate) => candidate.range && candidate.message.length > 30)!;
    const { answer, fetched } = await fresh(files, code.message.replace(/\{[^}]+\}/g, 'x_1'));
    expect(fetched.filter((name) => name.startsWith('s'))).toEqual([]);
    const card = answer.explanations.find((explanation) => explanation.code === code.code)!;
    expect(card, code.message).toBeDefined();
    const range = catalog.codeSpaces
      .find((space) => space.id === code.codeSpace)!
      .ranges.find((candidate) => candidate.slug === code.range)!;
    expect(card.range).toMatchObject({ name: range.name, from: range.from, to: range.to });
  });

  test('a number fetches the space shards, finds its code and explains an undocumented one by its range', async () => {
    const documented = await fresh(files, '1101');
    expect(documented.fetched).toContain('s0');
    expect(documented.answer.explanations[0]).toMatchObject({ kind: 'code', code: '1101' });
    const space = catalog.codeSpaces.find((candidate) => candidate.ranges.some((range) => range.state === 'active'))!;
    const range = space.ranges.find((candidate) => candidate.state === 'active')!;
    const used = new Set(space.codes.map((key) => Number(key.split(':')[1])));
    let value = range.from;
    while (used.has(value)) value += 1;
    const undocumented = await fresh(files, String(value));
    expect(undocumented.answer.explanations.find((explanation) => explanation.kind === 'range')).toMatchObject({
      range: { name: range.name, from: range.from, to: range.to },
    });
  });

  test('a shard the reader needs but has not got is noted, never read as "no codes"', () => {
    const reader = new IndexReader({ core: files.core, shards: new Map() });
    expect(reader.numericPositions(1101)).toEqual([]);
    expect([...reader.missing].sort()).toEqual(files.core.spaces.map((_, index) => `s${index}`).sort());
  });
});

describe('words under a crowded prefix', () => {
  // Small word shards, so that some three-letter prefixes of the default catalog hold more
  // postings than one shard should and are split by four letters.
  const files = buildLookupIndex(catalog, { postingsPerShard: 10 });
  const split = files.core.sharding.splitPrefixes;

  test('are sharded by their first four letters, so they spread over several shards', () => {
    expect(split.length).toBeGreaterThan(0);
    expect([...split].sort()).toEqual(split);
    const reader = new IndexReader(loaded(files));
    const indexed = [
      ...new Set(
        Object.values(files.shards).flatMap((shard) => Object.keys((shard as { words?: object }).words ?? {})),
      ),
    ];
    const wordsOf = (prefix: string) => indexed.filter((word) => word.startsWith(prefix) && word.length >= 4);
    // The split prefix whose words have the most different fourth letters.
    const prefix = [...split].sort(
      (a, b) =>
        new Set(wordsOf(b).map((word) => word.slice(0, 4))).size -
        new Set(wordsOf(a).map((word) => word.slice(0, 4))).size,
    )[0]!;
    const words = wordsOf(prefix);
    expect(new Set(words.map((word) => wordShardName(files.core, word))).size).toBeGreaterThan(1);
    // A typed prefix is completed once it is as long as the shard key: four letters here.
    expect(reader.wordsWithPrefix(prefix, 24)).toEqual([]);
    const word = words[0]!;
    expect(reader.wordsWithPrefix(word.slice(0, 4), 24)).toContain(word);
  });

  test('and every message is still found, loaded on demand or not', async () => {
    for (const code of catalog.codes.filter((candidate) => candidate.message.replace(/\{[^}]+\}/g, '').length > 20)) {
      const input = code.message.replace(/\{[^}]+\}/g, 'x_1');
      const { answer } = await fresh(files, input);
      expect(answer, input).toEqual(lookup(input, loaded(files), { now: NOW }));
      expect(
        answer.explanations.map((explanation) => explanation.code),
        input,
      ).toContain(code.code);
    }
  });
});
