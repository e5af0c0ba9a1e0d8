import { describe, expect, it } from 'vitest';
import {
  compareSortValues,
  countLabel,
  facetTokens,
  moreLabel,
  queryTerms,
  rowMatches,
  rowWindow,
  sortedOrder,
} from '../../src/elements/table-match';
import { foldText } from '../../src/shared/fold-text';

describe('table filtering', () => {
  const row = {
    text: foldText('1101 CUSTOMER_NOT_FOUND Customer {customerId} not found. 404'),
    facets: { surface: ['gateway', 'console'], 'status-class': ['4xx'] },
  };

  it('normalises case, accents and whitespace', () => {
    expect(foldText('  Carte  Refusée\n')).toBe('carte refusee');
  });

  it('needs every term, in any order, and every chosen facet', () => {
    expect(rowMatches(row, queryTerms('not found customer'), {})).toBe(true);
    expect(rowMatches(row, queryTerms('customer deleted'), {})).toBe(false);
    expect(rowMatches(row, queryTerms('1101'), { surface: 'console' })).toBe(true);
    expect(rowMatches(row, [], { surface: 'ledger' })).toBe(false);
    expect(rowMatches(row, [], { 'status-class': '4xx', surface: 'gateway' })).toBe(true);
  });

  it('matches names typed in any case and ignores quotes', () => {
    expect(rowMatches(row, queryTerms('"customer_not_found"'), {})).toBe(true);
  });

  it('reads facet attributes as space-separated values', () => {
    expect(facetTokens('gateway  console')).toEqual(['gateway', 'console']);
    expect(facetTokens(null)).toEqual([]);
  });
});

describe('table sorting', () => {
  it('sorts codes numerically, not as text', () => {
    const values = ['1101', '900', '10000', '1002'];
    expect(sortedOrder(values, 'asc').map((i) => values[i])).toEqual(['900', '1002', '1101', '10000']);
    expect(sortedOrder(values, 'desc').map((i) => values[i])).toEqual(['10000', '1101', '1002', '900']);
  });

  it('puts numbers before words, words in natural order, and empty cells last both ways', () => {
    const values = ['not_found', '', '42', 'item 10', 'item 2'];
    expect(sortedOrder(values, 'asc').map((i) => values[i])).toEqual(['42', 'item 2', 'item 10', 'not_found', '']);
    expect(sortedOrder(values, 'desc').map((i) => values[i])).toEqual(['not_found', 'item 10', 'item 2', '42', '']);
  });

  it('keeps the server order of equal values (stable)', () => {
    expect(sortedOrder(['b', 'a', 'b', 'a'], 'asc')).toEqual([1, 3, 0, 2]);
    expect(compareSortValues('A', 'a')).toBe(0);
  });

  it('words the live count, with thousands separated', () => {
    expect(countLabel(12, 340, 'codes')).toBe('12 of 340 codes');
    expect(countLabel(340, 340, 'codes')).toBe('All 340 codes');
    expect(countLabel(1527, 5000, 'codes')).toBe('1,527 of 5,000 codes');
    expect(moreLabel(250, 1527, 'codes')).toBe('Showing the first 250 of 1,527 codes.');
  });
});

describe('row window', () => {
  it('shows the first matching rows in display order, up to the limit, and counts every match', () => {
    const matches = [true, false, true, true, true];
    const window = rowWindow([4, 3, 2, 1, 0], matches, 2);
    expect([...window.show]).toEqual([0, 0, 0, 1, 1]);
    expect(window).toMatchObject({ matched: 4, shown: 2 });
  });

  it('shows every match when the limit is infinite, and nothing when nothing matches', () => {
    expect(rowWindow([0, 1, 2], [true, true, true], Infinity).shown).toBe(3);
    expect(rowWindow([0, 1, 2], [false, false, false], 10)).toMatchObject({ matched: 0, shown: 0 });
  });
});
