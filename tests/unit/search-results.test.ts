import { describe, expect, it } from 'vitest';
import type { Explanation, LookupAnswer } from '../../src/lookup/types';
import {
  decodeEntities,
  excerptSegments,
  explanationPassesFilters,
  hitFromExplanation,
  hitFromPagefind,
  isSearchShortcut,
  mergeHits,
  pinnedExplanations,
  resultCountLabel,
  urlKey,
  type SearchHit,
} from '../../src/elements/search-results';

const customerNotFound: Explanation = {
  kind: 'code',
  exact: true,
  score: 100,
  matchedBy: 'exact name',
  code: '1101',
  name: 'CUSTOMER_NOT_FOUND',
  title: 'Customer not found',
  surfaces: [
    { id: 'gateway', name: 'Payments Gateway' },
    { id: 'console', name: 'Merchant Console API' },
  ],
  status: 404,
  statusReason: 'Not Found',
  meaning: 'The customer id does not exist.',
  resolution: 'Check the id.',
  url: 'codes/core/1101/',
};

function hit(url: string, title = url): SearchHit {
  return { url, title, labels: [], excerpt: [], exact: false, sections: [] };
}

describe('Pagefind excerpts', () => {
  it('splits highlighted and plain text', () => {
    expect(excerptSegments('The <mark>customer</mark> id does <mark>not</mark> exist.')).toEqual([
      { text: 'The ', mark: false },
      { text: 'customer', mark: true },
      { text: ' id does ', mark: false },
      { text: 'not', mark: true },
      { text: ' exist.', mark: false },
    ]);
  });

  it('decodes escaped text and never keeps other tags', () => {
    expect(excerptSegments('&lt;img src=x onerror=alert(1)&gt; <b>bold</b> <mark>a&amp;b</mark>')).toEqual([
      { text: '<img src=x onerror=alert(1)> bold ', mark: false },
      { text: 'a&b', mark: true },
    ]);
    expect(decodeEntities('&#39;&#x2014;&quot;&unknown;&#0;')).toBe('\'—"&unknown;&#0;');
  });
});

describe('Pagefind results as rows', () => {
  const sub = (url: string, title: string) => ({ url, title, excerpt: '' });

  it('shows a code page as its entry: code, title without the repeated code, surface and status, no section links', () => {
    const result = hitFromPagefind({
      url: '/codes/core/1101/',
      excerpt: '<mark>Customer</mark> not found',
      meta: { title: '1101 Customer not found', code: '1101', surface: 'Payments Gateway', status: '404 Not Found' },
      sub_results: [sub('/codes/core/1101/#cause', 'Cause')],
    });
    expect(result).toMatchObject({
      code: '1101',
      title: 'Customer not found',
      labels: ['Payments Gateway', '404 Not Found'],
      sections: [],
    });
  });

  it("a code page's snippet is its cause with the query's words marked, not the page text; a deprecated code says so", () => {
    const result = hitFromPagefind(
      {
        url: '/codes/core/1102/',
        excerpt: '{ "errors": [ { "code": "1102" … Skip to content',
        meta: {
          title: '1102 Customer gone',
          code: '1102',
          summary: 'The customer was deleted.',
          deprecated: '2024-01',
        },
      },
      'deleted customer',
    );
    expect(result.excerpt).toEqual([
      { text: 'The ', mark: false },
      { text: 'customer', mark: true },
      { text: ' was ', mark: false },
      { text: 'deleted', mark: true },
      { text: '.', mark: false },
    ]);
    expect(result.deprecated).toBe('2024-01');
  });

  it('does not repeat the number of a status page as its label', () => {
    const result = hitFromPagefind({
      url: '/statuses/429/',
      excerpt: '',
      meta: { title: '429 Too Many Requests', code: '429', status: '429 Too Many Requests' },
    });
    expect(result).toMatchObject({ code: '429', title: 'Too Many Requests', labels: [] });
  });

  it('links a page of many entries to at most three matching sections, not to itself', () => {
    const result = hitFromPagefind({
      url: '/messages/',
      excerpt: '',
      meta: { title: 'Common messages' },
      sub_results: [
        sub('/messages/', 'Common messages'),
        sub('/messages/#authentication', 'Authentication'),
        sub('/messages/#payments', 'Payments'),
        sub('/messages/#refunds', 'Refunds'),
        sub('/messages/#ledger', 'Ledger'),
      ],
    });
    expect(result.code).toBeUndefined();
    expect(result.sections.map((section) => section.title)).toEqual(['Authentication', 'Payments', 'Refunds']);
  });
});

describe('exact matches first', () => {
  it('puts exact matches ahead and drops the same page from Pagefind results', () => {
    const exact = [hitFromExplanation(customerNotFound, '/docs/errors/')];
    const merged = mergeHits(exact, [
      hit('/docs/errors/codes/'),
      hit('/docs/errors/codes/core/1101/index.html'),
      hit('/docs/errors/codes/core/1102/'),
    ]);
    expect(merged.map((entry) => entry.url)).toEqual([
      '/docs/errors/codes/core/1101/',
      '/docs/errors/codes/',
      '/docs/errors/codes/core/1102/',
    ]);
    expect(merged[0]?.exact).toBe(true);
  });

  it('compares links by path and fragment only', () => {
    expect(urlKey('https://x.example/a/b/index.html')).toBe('/a/b/');
    expect(urlKey('/a/b')).toBe('/a/b/');
    expect(urlKey('/messages/#auth')).not.toBe(urlKey('/messages/'));
  });

  it('shows a code with its name, surfaces and status, under the base path', () => {
    const result = hitFromExplanation(customerNotFound, '/');
    expect(result).toMatchObject({
      url: '/codes/core/1101/',
      code: '1101',
      title: 'Customer not found (CUSTOMER_NOT_FOUND)',
      labels: ['Payments Gateway', 'Merchant Console API', '404 Not Found'],
      exact: true,
    });
  });

  it('shows a status with its number as the code', () => {
    const status: Explanation = {
      ...customerNotFound,
      kind: 'status',
      code: undefined,
      name: undefined,
      status: 429,
      title: 'Too Many Requests',
      url: 'statuses/429/',
    };
    expect(hitFromExplanation(status, '/')).toMatchObject({
      code: '429',
      title: 'Too Many Requests',
      url: '/statuses/429/',
    });
  });

  it('keeps an exact match only under filters it satisfies', () => {
    expect(explanationPassesFilters(customerNotFound, {})).toBe(true);
    expect(
      explanationPassesFilters(customerNotFound, { surface: 'Payments Gateway', status: '4xx', type: 'Code' }),
    ).toBe(true);
    expect(explanationPassesFilters(customerNotFound, { surface: 'Ledger Service' })).toBe(false);
    expect(explanationPassesFilters(customerNotFound, { status: '5xx' })).toBe(false);
    expect(explanationPassesFilters(customerNotFound, { type: 'Status code' })).toBe(false);
    expect(explanationPassesFilters(customerNotFound, { range: 'Customers (1100–1199)' })).toBe(false);
    const inRange = {
      ...customerNotFound,
      range: { name: 'Customers', from: 1100, to: 1199, state: 'active' as const, url: 'ranges/#core-1100-1199' },
    };
    expect(explanationPassesFilters(inRange, { range: 'Customers (1100–1199)' })).toBe(true);
    expect(explanationPassesFilters(inRange, { range: 'Charges (1200–1299)' })).toBe(false);
    expect(explanationPassesFilters(inRange, { area: 'Authentication' })).toBe(false);
    const status: Explanation = { ...customerNotFound, kind: 'status', code: undefined, status: 404 };
    expect(explanationPassesFilters(status, { status: '4xx', type: 'Status code' })).toBe(true);
    expect(explanationPassesFilters(status, { surface: 'Payments Gateway' })).toBe(false);
  });

  it('keeps an exact match under the audience filter only when the entry names that audience', () => {
    const forUsers: Explanation = { ...customerNotFound, support: { audience: ['end-user', 'developer'] } };
    expect(explanationPassesFilters(forUsers, { audience: 'End user' })).toBe(true);
    expect(explanationPassesFilters(forUsers, { audience: 'Integrating developer' })).toBe(true);
    expect(explanationPassesFilters(forUsers, { audience: 'Operations' })).toBe(false);
    // An entry that names no audience is ruled out by any audience filter.
    expect(explanationPassesFilters({ ...customerNotFound, support: undefined }, { audience: 'End user' })).toBe(false);
  });
});

describe('which lookup answers are pinned first', () => {
  const answer = (kind: LookupAnswer['kind'], explanations: Explanation[]): LookupAnswer => ({
    kind,
    explanations,
    notices: [],
    suggestions: [],
  });
  const fuzzy = (over: Partial<Explanation>): Explanation => ({
    ...customerNotFound,
    exact: false,
    matchedBy: 'words of the message',
    ...over,
  });

  it('pins what the engine marks exact', () => {
    expect(pinnedExplanations(answer('name', [customerNotFound]), 'CUSTOMER_NOT_FOUND')).toEqual([customerNotFound]);
  });

  it('pins an entry whose title, name or message is the query in other case or punctuation', () => {
    const byTitle = fuzzy({ message: 'Customer {customerId} not found.' });
    const other = fuzzy({
      code: '1200',
      name: 'CHARGE_NOT_FOUND',
      title: 'Charge not found',
      message: 'Charge {chargeId} not found.',
    });
    expect(pinnedExplanations(answer('message', [byTitle, other]), 'customer not found')).toEqual([byTitle]);
    expect(pinnedExplanations(answer('message', [byTitle, other]), 'Customer  not found!')).toEqual([byTitle]);
    const byMessage = fuzzy({
      code: '1400',
      name: 'API_KEY_INVALID',
      title: 'Api key invalid',
      message: 'Invalid or expired API key.',
    });
    expect(pinnedExplanations(answer('message', [byMessage]), 'invalid or expired api key')).toEqual([byMessage]);
  });

  it('pins a concrete message matched to its template, and a status by its reason phrase', () => {
    const concrete = fuzzy({ values: { customerId: 'cus_1029' }, matchedBy: 'message template' });
    expect(pinnedExplanations(answer('message', [concrete]), 'Customer cus_1029 not found.')).toEqual([concrete]);
    const status = fuzzy({
      kind: 'status',
      code: undefined,
      name: undefined,
      status: 429,
      statusReason: 'Too Many Requests',
      title: '429 Too Many Requests',
      message: undefined,
    });
    expect(pinnedExplanations(answer('message', [status]), 'too many requests')).toEqual([status]);
  });

  it('does not pin partial matches, fragments or what a pasted body merely mentions', () => {
    const partial = fuzzy({ message: 'Customer {customerId} not found.' });
    expect(pinnedExplanations(answer('message', [partial]), 'customer')).toEqual([]);
    expect(pinnedExplanations(answer('message', [partial]), 'not found')).toEqual([]);
    expect(
      pinnedExplanations(
        answer('json', [fuzzy({ matchedBy: 'errors[0].code in the pasted body' })]),
        '{"errors":[{"code":"1101"}]}',
      ),
    ).toEqual([]);
    expect(pinnedExplanations(answer('empty', []), '  ')).toEqual([]);
  });

  it('pins the range of an undocumented code only when the query was a code', () => {
    const range = fuzzy({
      kind: 'range',
      code: '1150',
      title: 'Not documented: Customers (1100–1199)',
      url: 'ranges/#core-1100-1199',
    });
    expect(pinnedExplanations(answer('code', [range]), '1150')).toEqual([range]);
    expect(pinnedExplanations(answer('message', [range]), 'customers')).toEqual([]);
    expect(hitFromExplanation(range, '/').badge).toBe('Range of this code');
  });
});

describe('search shortcut', () => {
  const key = (over: Partial<Parameters<typeof isSearchShortcut>[0]>) => ({
    key: '/',
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    inField: false,
    ...over,
  });

  it('opens with / outside fields only', () => {
    expect(isSearchShortcut(key({}))).toBe(true);
    expect(isSearchShortcut(key({ inField: true }))).toBe(false);
  });

  it('opens with Ctrl+K and Cmd+K anywhere, not with K alone or Alt', () => {
    expect(isSearchShortcut(key({ key: 'k', ctrlKey: true, inField: true }))).toBe(true);
    expect(isSearchShortcut(key({ key: 'K', metaKey: true }))).toBe(true);
    expect(isSearchShortcut(key({ key: 'k' }))).toBe(false);
    expect(isSearchShortcut(key({ key: 'k', ctrlKey: true, altKey: true }))).toBe(false);
  });

  it('words the live count', () => {
    expect(resultCountLabel(3, ' 429 ', false)).toBe('3 results for “429”');
    expect(resultCountLabel(1, '', true)).toBe('1 result in the chosen filters');
    expect(resultCountLabel(0, 'zzz', false)).toBe('No results for “zzz”');
  });
});
