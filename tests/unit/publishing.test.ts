/** Publishing artefacts built from the model: redirects of old code URLs, the sitemap's pages, catalog.json, theme script. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog';
import type { Catalog, Code } from '../../src/catalog/model';
import { absoluteUrl } from '../../src/publishing/absolute-url';
import { CATALOG_FORMAT_VERSION, catalogExport } from '../../src/publishing/catalog-export';
import { codeRedirects, redirectsFile } from '../../src/publishing/code-redirects';
import { CONTENT_SECURITY_POLICY } from '../../src/publishing/content-security-policy';
import { sitemapPageFilter } from '../../src/integration/publishing-hooks';
import {
  readThemeChoice,
  THEME_STORAGE_KEY,
  themeInitSource,
  writeThemeChoice,
} from '../../src/elements/theme-preference';

const catalog = loadCatalog('catalog');

function withFormerly(base: Catalog, key: string, formerly: string[]): Catalog {
  return { ...base, codes: base.codes.map((code): Code => (code.key === key ? { ...code, formerly } : code)) };
}

describe('redirects of old code URLs', () => {
  test('the default catalog redirects the gateway payout code 1501 to ledger 4205', () => {
    expect(codeRedirects(catalog)).toEqual([
      { from: 'codes/core/1501/', to: 'codes/ledger/4205/', formerKey: 'core:1501', codeKey: 'ledger:4205' },
    ]);
  });

  test('_redirects lists each old URL with and without its slash, under the base path', () => {
    expect(
      redirectsFile(codeRedirects(catalog), '/docs/errors/')
        .split('\n')
        .filter((line) => !line.startsWith('#')),
    ).toEqual([
      '/docs/errors/codes/core/1501 /docs/errors/codes/ledger/4205/ 301',
      '/docs/errors/codes/core/1501/ /docs/errors/codes/ledger/4205/ 301',
      '',
    ]);
  });

  test('an old key that is still a live code, or one claimed by two codes, stops the build with the fix', () => {
    expect(() => codeRedirects(withFormerly(catalog, 'ledger:4205', ['core:1101']))).toThrowError(
      /code ledger:4205 lists formerly "core:1101", but codes\/core\/1101\/ is still the page of code core:1101; remove "core:1101"/,
    );
    const twice = withFormerly(withFormerly(catalog, 'ledger:4205', ['core:1599']), 'ledger:4206', ['core:1599']);
    expect(() => codeRedirects(twice)).toThrowError(/codes ledger:4205 and ledger:4206 both list formerly "core:1599"/);
  });
});

describe('sitemap', () => {
  test('lists the pages, not the redirect pages of old code URLs nor files, under the base path', () => {
    const listed = sitemapPageFilter(catalog, '/docs/errors/', 'https://docs.example.com');
    const url = (route: string) => `https://docs.example.com/docs/errors/${route}`;
    expect(listed(url(''))).toBe(true);
    expect(listed(url('codes/ledger/4205/'))).toBe(true);
    // The gateway's payout code 1501 moved to ledger 4205: its old URL is a redirect page.
    expect(listed(url('codes/core/1501/'))).toBe(false);
    expect(listed(url('catalog.json'))).toBe(false);
    expect(listed('https://docs.example.com/codes/core/1501/')).toBe(true);
  });
});

describe('catalog.json', () => {
  const urlOf = (route: string) => absoluteUrl(route, '/docs/errors/', 'https://docs.example.com');
  const exported = catalogExport(catalog, urlOf);

  test('is versioned and holds every entry of the model', () => {
    expect(exported.formatVersion).toBe(CATALOG_FORMAT_VERSION);
    expect(exported.codes).toHaveLength(catalog.codes.length);
    expect(exported.statuses).toHaveLength(catalog.statuses.length);
    expect(exported.surfaces).toHaveLength(catalog.surfaces.length);
    expect(exported.envelopes).toHaveLength(catalog.envelopes.length);
    expect(exported.headers).toHaveLength(catalog.headers.length);
    expect(exported.ranges).toHaveLength(catalog.codeSpaces.flatMap((space) => space.ranges).length);
    expect(exported.messages).toHaveLength(catalog.messageAreas.flatMap((area) => area.messages).length);
  });

  test('gives each code its permanent absolute URL and its history', () => {
    const moved = exported.codes.find((code) => code.key === 'ledger:4205')!;
    expect(moved.url).toBe('https://docs.example.com/docs/errors/codes/ledger/4205/');
    expect(moved.formerly).toEqual(['core:1501']);
    const deprecated = exported.codes.find((code) => code.deprecated)!;
    expect(deprecated.deprecated).toEqual({
      since: expect.any(String),
      replacedBy: expect.stringMatching(/^[a-z0-9-]+:/),
      note: expect.anything(),
    });
  });

  test('writes unset optional values as null, so every field is always present', () => {
    const json = JSON.parse(JSON.stringify(exported));
    for (const code of json.codes) expect(Object.keys(code)).toEqual(Object.keys(json.codes[0]));
  });
});

describe('theme preference', () => {
  function runInit(stored: string | null, throws = false) {
    const attributes: Record<string, string> = {};
    const window = {
      localStorage: {
        getItem: (key: string) => {
          if (throws) throw new Error('blocked');
          return key === THEME_STORAGE_KEY ? stored : null;
        },
      },
    };
    const document = {
      documentElement: {
        setAttribute: (name: string, value: string) => {
          attributes[name] = value;
        },
      },
    };
    new Function('window', 'document', themeInitSource())(window, document);
    return attributes;
  }

  test('the early script applies a stored light or dark choice and nothing else', () => {
    expect(runInit('dark')).toEqual({ 'data-theme': 'dark' });
    expect(runInit('light')).toEqual({ 'data-theme': 'light' });
    expect(runInit(null)).toEqual({});
    expect(runInit('"><script>')).toEqual({});
    expect(runInit('dark', true)).toEqual({});
  });

  test('System forgets the choice; blocked storage reads as System', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
      removeItem: (key: string) => void store.delete(key),
    };
    writeThemeChoice(storage, 'dark');
    expect(readThemeChoice(storage)).toBe('dark');
    writeThemeChoice(storage, 'system');
    expect(store.size).toBe(0);
    expect(
      readThemeChoice({
        getItem: () => {
          throw new Error('blocked');
        },
      }),
    ).toBe('system');
  });
});

test('the README gives hosts the same Content-Security-Policy the tests serve', () => {
  const readme = readFileSync('README.md', 'utf8');
  expect(readme).toContain(`Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`);
  expect(readme).toContain(`Content-Security-Policy = "${CONTENT_SECURITY_POLICY}"`);
  expect(readme).toContain(`add_header Content-Security-Policy "${CONTENT_SECURITY_POLICY}" always;`);
});
