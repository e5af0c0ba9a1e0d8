/**
 * The catalog's history (src/catalog/history.ts) and its feeds (src/publishing/change-feeds.ts):
 * the ordered release list every page and feed reads, version order and dates, catalogs without a
 * history or with versions that are not dates, and the feeds' ids, dates, links and escaping.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateCatalog } from '../../tools/generate-catalog.mjs';
import { CHANGES_PER_PAGE, INLINE_CHANGES, releaseAnchors, releasePages } from '../../src/view/history';
import { catalogHistory, compareVersions, historyOf, releasesOf, versionDate } from '../../src/catalog/history';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { diffCatalogs } from '../../src/changes/diff-catalogs';
import { atomFeed, hasFeeds, jsonFeed } from '../../src/publishing/change-feeds';
import { absoluteUrl } from '../../src/publishing/absolute-url';
import { catalogCopy, pair } from './changes/catalog-pair';

const urlOf = (route: string) => absoluteUrl(route, '/docs/errors/', 'https://errors.example.com');

describe('versions', () => {
  test('order numbers as numbers and dates as dates', () => {
    expect(['v10', 'v9', 'v2'].sort(compareVersions)).toEqual(['v2', 'v9', 'v10']);
    expect(['2026-11', '2026-02', '2025-12', '2026-02-15'].sort(compareVersions)).toEqual([
      '2025-12',
      '2026-02',
      '2026-02-15',
      '2026-11',
    ]);
    expect(['1.10.0', '1.9.2'].sort(compareVersions)).toEqual(['1.9.2', '1.10.0']);
  });

  test('are dated only when they are dates; nothing is invented for the others', () => {
    expect(versionDate('2026')).toBe('2026-01-01');
    expect(versionDate('2026-11')).toBe('2026-11-01');
    expect(versionDate('2026-11-03')).toBe('2026-11-03');
    expect(versionDate('2026-13')).toBeUndefined();
    expect(versionDate('2026-02-30')).toBeUndefined();
    expect(versionDate('v3')).toBeUndefined();
    expect(versionDate('<script>2026</script>')).toBeUndefined();
  });
});

describe('the default catalog', () => {
  const catalog = loadCatalog('catalog');
  const releases = releasesOf(catalog);

  test('has its releases newest first, the current version first, every one dated', () => {
    const versions = releases.map((release) => release.version);
    expect(versions.slice(0, 3)).toEqual(['2026-11', '2026-07', '2026-03']);
    expect([...versions].sort(compareVersions).reverse()).toEqual(versions);
    expect(releases[0]).toMatchObject({ current: true, date: '2026-11-01' });
    expect(releases.filter((release) => release.current)).toHaveLength(1);
    expect(catalogHistory(catalog).dated).toBe(true);
    expect(hasFeeds(catalog)).toBe(true);
  });

  test('its last three versions exercise every kind of change on every concept that has a history', () => {
    const recent = releases.slice(0, 3).flatMap((release) => release.entries);
    const all = releases.flatMap((release) => release.entries);
    expect(new Set(recent.map((entry) => entry.concept))).toEqual(
      new Set(['code', 'status', 'envelope', 'range', 'message', 'operation']),
    );
    expect(new Set(all.map((entry) => entry.kind))).toEqual(new Set(['added', 'changed', 'deprecated']));
    // Breaking changes of four rules, an un-deprecation and a renumbering with formerly.
    expect(new Set(recent.flatMap((entry) => entry.breaking))).toEqual(
      new Set(['status-changed', 'retry-stricter', 'placeholder-renamed', 'range-shrunk']),
    );
    expect(recent.some((entry) => entry.change?.startsWith('no longer deprecated'))).toBe(true);
    expect(all.find((entry) => entry.key === 'ledger:4205' && entry.kind === 'changed')?.change).toContain(
      'codeSpace: "core" → "ledger"',
    );
  });

  test("an entry's own history is oldest first, and a deprecation recorded as a change is said once", () => {
    expect(
      historyOf(catalog, 'code', 'core:1011').map(({ release, entry }) => `${release.version} ${entry.kind}`),
    ).toEqual(['2024-02 added', '2026-03 changed', '2026-07 changed']);
    expect(
      historyOf(catalog, 'code', 'ledger:4104').map(({ release, entry }) => `${release.version} ${entry.kind}`),
    ).toEqual(['2025-02 added', '2026-03 deprecated']);
    expect(historyOf(catalog, 'status', '404')).toEqual([]);
  });

  test('the feeds: one item per version, ids that are the version anchors under the base path, dates, absolute links', () => {
    const json = JSON.parse(jsonFeed(catalog, urlOf));
    expect(json).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      home_page_url: 'https://errors.example.com/docs/errors/changes/',
      feed_url: 'https://errors.example.com/docs/errors/changes.json',
      language: 'en',
    });
    expect(json.items).toHaveLength(releases.length);
    expect(json.items[0]).toMatchObject({
      id: 'https://errors.example.com/docs/errors/changes/#v-2026-11',
      url: 'https://errors.example.com/docs/errors/changes/#v-2026-11',
      title: 'Pajaro Payments API errors, version 2026-11',
      date_published: '2026-11-01T00:00:00.000Z',
    });
    expect(json.items[0].content_html).toContain(
      '<a href="https://errors.example.com/docs/errors/statuses/503/">status 503 Service Unavailable</a>: retry.backoff.maxDelayMs: 60000 → 300000',
    );
    const links = json.items.flatMap((item: { content_html: string }) =>
      [...item.content_html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]),
    );
    expect(links.length).toBeGreaterThan(50);
    expect(links.filter((link: string) => !link.startsWith('https://errors.example.com/docs/errors/'))).toEqual([]);
    // The same build twice gives the same feeds (no build time in them).
    expect(jsonFeed(catalog, urlOf)).toBe(jsonFeed(catalog, urlOf));
    const atom = atomFeed(catalog, urlOf);
    expect(atom).toBe(atomFeed(catalog, urlOf));
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(atom).toContain('<updated>2026-11-01T00:00:00.000Z</updated>');
    expect(atom).toContain('<link rel="self" href="https://errors.example.com/docs/errors/changes.xml"/>');
    expect([...atom.matchAll(/<entry>/g)]).toHaveLength(releases.length);
    expect([...atom.matchAll(/<id>([^<]+)<\/id>/g)].map((match) => match[1]).slice(1)).toEqual(
      json.items.map((item: { id: string }) => item.id),
    );
  });
});

describe('catalogs with little or odd history', () => {
  test('a catalog that records no history has no releases and no feeds, even with a version', () => {
    const team = loadCatalog('tests/fixtures/team-catalog');
    expect(releasesOf(team)).toEqual([]);
    expect(hasFeeds(team)).toBe(false);
    const versioned = loadCatalog(catalogCopy({ 'api.yaml': ['version: "3"\n'] }));
    expect(versioned.api.version).toBe('3');
    expect(releasesOf(versioned)).toEqual([]);
  });

  test('versions that are not dates make a changes page but no feeds; the current version is listed even when it records nothing', () => {
    const dir = catalogCopy({
      'api.yaml': ['version: v10\n'],
      'codes/shop.yaml': [['    name: ORDER_CLOSED\n', '    name: ORDER_CLOSED\n    since: v9\n']],
    });
    const catalog = loadCatalog(dir);
    expect(releasesOf(catalog).map((release) => [release.version, release.current, release.entries.length])).toEqual([
      ['v10', true, 0],
      ['v9', false, 1],
    ]);
    expect(releasesOf(catalog)[1]!.date).toBeUndefined();
    expect(hasFeeds(catalog)).toBe(false);
  });

  test('hostile text in a change is escaped in the feeds', () => {
    const dir = catalogCopy({
      'codes/shop.yaml': [
        [
          '    name: ORDER_CLOSED\n',
          '    name: ORDER_CLOSED\n    changes:\n      - { version: "2026-01", change: "<img src=x onerror=alert(1)> & more" }\n',
        ],
      ],
    });
    const catalog = loadCatalog(dir);
    const json = JSON.parse(jsonFeed(catalog, urlOf));
    expect(json.items[0].content_html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; more');
    expect(json.items[0].content_html).not.toContain('<img');
    expect(json.items[0].content_text).toContain('<img src=x onerror=alert(1)> & more');
    expect(atomFeed(catalog, urlOf)).not.toContain('<img');
  });
});

test('diff does not call history a change: adding since and changes to a status, a range or an operation changes nothing', () => {
  const { before, after } = pair(
    {},
    {
      'statuses/statuses.yaml': [['    reason: Not Found\n', '    reason: Not Found\n    since: "2025-01"\n']],
      'ranges/shop.yaml': [
        ['meaning: Orders and their states. }', 'meaning: Orders and their states., since: "2024-06" }'],
      ],
      'operations/shop.yaml': [
        [
          '    summary: Read an order.\n',
          '    summary: Read an order.\n    changes: [{ version: "2025-01", change: "summary: added" }]\n',
        ],
      ],
      'envelopes/simple.yaml': ['changes: [{ version: "2025-01", change: "fields.code: added" }]\n'],
    },
  );
  expect(
    releasesOf(after).map((release) => [
      release.version,
      release.entries.map((entry) => `${entry.kind} ${entry.concept} ${entry.key}`),
    ]),
  ).toEqual([
    ['2025-01', ['added status 404', 'changed envelope simple', 'changed operation shop/get-orders-orderid']],
    ['2024-06', ['added range shop/1000-1099']],
  ]);
  expect(diffCatalogs(before, after).changes).toEqual([]);
});

describe('a version with more changes than the changes page lists', () => {
  test('gets pages of its own that list every one of its changes once, in order; small versions get none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'history-pages-'));
    try {
      generateCatalog({ codes: 2000, outDir: dir, seed: 1 });
      const catalog = loadCatalog(dir);
      const { releases } = catalogHistory(catalog);
      const big = releases.filter((release) => release.entries.length > INLINE_CHANGES);
      expect(big.length).toBeGreaterThan(0);
      // Some version needs more than one page.
      expect(big.some((release) => release.entries.length > CHANGES_PER_PAGE)).toBe(true);
      const pages = releasePages(catalog);
      for (const release of releases) {
        const own = pages.filter((page) => page.release === release);
        if (release.entries.length <= INLINE_CHANGES) {
          expect(own).toEqual([]);
          continue;
        }
        expect(own.map((page) => page.part)).toEqual(own.map((_, index) => index + 1));
        expect(
          own.every(
            (page) => page.parts === own.length && page.anchor === releaseAnchors(catalog).get(release.version),
          ),
        ).toBe(true);
        expect(own.every((page) => page.entries.length > 0 && page.entries.length <= CHANGES_PER_PAGE)).toBe(true);
        expect(own.flatMap((page) => page.entries)).toEqual(release.entries);
        expect(own.map((page) => page.first)).toEqual(own.map((_, index) => index * CHANGES_PER_PAGE));
      }
      // The default catalog's versions are small: all of them stay on the changes page.
      expect(releasePages(loadCatalog('catalog'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
