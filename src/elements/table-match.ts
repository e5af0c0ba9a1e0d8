/**
 * How a filterable table decides which rows to show and in which order: text normalisation,
 * filter terms, facet tokens and the sort comparison. Pure: no DOM, so it is unit-tested and
 * stays cheap for thousands of rows (rows are normalised once, queries once per change).
 */

import { foldText } from '../shared/fold-text';

/** Filter text → terms that must all appear in a row (in any order). Quotes are dropped, not matched. */
export function queryTerms(query: string): string[] {
  return foldText(query.replace(/["“”]/g, ' '))
    .split(' ')
    .filter((term) => term.length > 0);
}

/** A facet attribute holds one value or several separated by spaces (a code on two surfaces). */
export function facetTokens(attribute: string | null): string[] {
  return attribute ? attribute.split(/\s+/).filter(Boolean) : [];
}

/** One row, prepared once when the table is enhanced. */
export interface RowIndex {
  /** Normalised text of every cell. */
  text: string;
  /** Facet key → the row's values. */
  facets: Record<string, readonly string[]>;
}

/** True when every term is in the row text and every chosen facet value is among the row's values. */
export function rowMatches(row: RowIndex, terms: readonly string[], facets: Record<string, string>): boolean {
  for (const [key, value] of Object.entries(facets)) {
    if (!row.facets[key]?.includes(value)) return false;
  }
  for (const term of terms) {
    if (!row.text.includes(term)) return false;
  }
  return true;
}

const numberPattern = /^-?\d+(?:\.\d+)?$/;

/** A cell value read once for sorting (parsing per comparison would cost ~100k regex runs at 5,000 rows). */
interface SortKey {
  empty: boolean;
  numeric: boolean;
  number: number;
  text: string;
}

/**
 * Natural-order text key: case and accents ignored, digit runs zero-padded so "item 2" sorts
 * before "item 10" by plain string comparison (an Intl.Collator is ~20× slower at 5,000 rows).
 */
function naturalKey(text: string): string {
  return foldText(text).replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(16, '0'));
}

function sortKeyOf(value: string): SortKey {
  const trimmed = value.trim();
  const numeric = numberPattern.test(trimmed);
  return {
    empty: trimmed === '',
    numeric,
    number: numeric ? Number(trimmed) : 0,
    text: numeric ? '' : naturalKey(trimmed),
  };
}

/** Ascending order of two keys; empty values are placed by the caller. */
function compareKeys(a: SortKey, b: SortKey): number {
  if (a.numeric && b.numeric) return a.number - b.number;
  if (a.numeric !== b.numeric) return a.numeric ? -1 : 1;
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}

/**
 * Sort order of two cell values: numbers numerically (so code 900 comes before 1100), numbers
 * before words, words in natural order ("item 2" before "item 10"), empty cells last whatever
 * the direction is.
 */
export function compareSortValues(a: string, b: string, direction: 'asc' | 'desc' = 'asc'): number {
  const keyA = sortKeyOf(a);
  const keyB = sortKeyOf(b);
  if (keyA.empty || keyB.empty) return keyA.empty === keyB.empty ? 0 : keyA.empty ? 1 : -1;
  const order = compareKeys(keyA, keyB);
  return direction === 'asc' ? order : -order;
}

/**
 * Row positions in display order for a column: a stable sort (rows with equal values keep the
 * server's order), computed on the values alone so the DOM is touched once afterwards.
 */
export function sortedOrder(values: readonly string[], direction: 'asc' | 'desc'): number[] {
  const keys = values.map(sortKeyOf);
  const sign = direction === 'asc' ? 1 : -1;
  return keys
    .map((_, index) => index)
    .sort((i, j) => {
      const a = keys[i]!;
      const b = keys[j]!;
      if (a.empty || b.empty) return a.empty === b.empty ? i - j : a.empty ? 1 : -1;
      return sign * compareKeys(a, b) || i - j;
    });
}

/** Which rows to show: matching rows in display order, at most `limit` of them. */
export interface RowWindow {
  /** 1 where the row (by original position) is shown. */
  show: Uint8Array;
  /** Rows matching the filters. */
  matched: number;
  /** Rows shown: `min(matched, limit)`. */
  shown: number;
}

/**
 * The rows to show for `matches` (by original position) taken in display `order`, capped at
 * `limit`: laying out thousands of table rows costs the browser seconds, so a large table shows
 * its first rows and offers the rest on request.
 */
export function rowWindow(order: readonly number[], matches: readonly boolean[], limit: number): RowWindow {
  const show = new Uint8Array(matches.length);
  let matched = 0;
  let shown = 0;
  for (const position of order) {
    if (!matches[position]) continue;
    matched++;
    if (shown < limit) {
      show[position] = 1;
      shown++;
    }
  }
  return { show, matched, shown };
}

const numberFormat = new Intl.NumberFormat('en');

/** "12 of 340 codes" / "All 5,000 codes" — the live count's words. */
export function countLabel(visible: number, total: number, noun: string): string {
  if (visible === total) return `All ${numberFormat.format(total)} ${noun}`;
  return `${numberFormat.format(visible)} of ${numberFormat.format(total)} ${noun}`;
}

/** "Showing the first 250 of 1,527 codes." — the words of the row that offers the rest. */
export function moreLabel(shown: number, matched: number, noun: string): string {
  return `Showing the first ${numberFormat.format(shown)} of ${numberFormat.format(matched)} ${noun}.`;
}
