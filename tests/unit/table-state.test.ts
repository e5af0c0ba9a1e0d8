import { describe, expect, it } from 'vitest';
import {
  isDefaultState,
  nextSort,
  parseSort,
  readTableState,
  tableParamName,
  writeTableState,
  type TableStateShape,
} from '../../src/elements/table-state';

const shape: TableStateShape = {
  prefix: '',
  facets: { surface: ['gateway', 'console', 'ledger'], 'status-class': ['4xx', '5xx'] },
  columns: ['code', 'name', 'status'],
};

describe('table state in the URL', () => {
  it('reads the filter text, known facet values and the sort', () => {
    const state = readTableState(new URLSearchParams('q=card&surface=gateway&status-class=4xx&sort=code:desc'), shape);
    expect(state).toEqual({
      query: 'card',
      facets: { surface: 'gateway', 'status-class': '4xx' },
      sort: { column: 'code', direction: 'desc' },
    });
  });

  it('ignores facet values, columns and directions the table does not have', () => {
    const state = readTableState(new URLSearchParams('surface=wallet&sort=colour:asc&status-class=4xx'), shape);
    expect(state).toEqual({ query: '', facets: { 'status-class': '4xx' } });
    expect(readTableState(new URLSearchParams('sort=code:sideways'), shape).sort).toBeUndefined();
  });

  it('round-trips any state it wrote', () => {
    const state = {
      query: 'not found "customer"',
      facets: { surface: 'ledger' },
      sort: { column: 'status', direction: 'asc' as const },
    };
    const params = writeTableState(new URLSearchParams(), state, shape);
    expect(readTableState(params, shape)).toEqual(state);
  });

  it('writes one view as one URL, whatever order the parameters had', () => {
    const state = {
      query: 'card',
      facets: { surface: 'console' },
      sort: { column: 'code', direction: 'desc' as const },
    };
    const fromShuffled = writeTableState(new URLSearchParams('sort=code:asc&utm=mail&q=x'), state, shape);
    expect(fromShuffled.toString()).toBe('utm=mail&q=card&surface=console&sort=code%3Adesc');
  });

  it('drops defaults and keeps parameters that belong to something else', () => {
    const params = writeTableState(
      new URLSearchParams('q=old&surface=gateway&utm=mail'),
      { query: '  ', facets: {} },
      shape,
    );
    expect(params.toString()).toBe('utm=mail');
  });

  it('prefixes parameter names with the table id when a page holds several tables', () => {
    const prefixed = { ...shape, prefix: 'codes-core' };
    const params = writeTableState(
      new URLSearchParams('q=kept'),
      { query: 'card', facets: { surface: 'console' } },
      prefixed,
    );
    expect(params.get('q')).toBe('kept');
    expect(params.get('codes-core.q')).toBe('card');
    expect(params.get(tableParamName(prefixed, 'surface'))).toBe('console');
    expect(readTableState(params, prefixed).query).toBe('card');
  });

  it('parses a sort without a direction as ascending', () => {
    expect(parseSort('name', shape.columns)).toEqual({ column: 'name', direction: 'asc' });
    expect(parseSort(null, shape.columns)).toBeUndefined();
  });

  it('cycles a header between ascending and descending, and starts a new column ascending', () => {
    expect(nextSort(undefined, 'code')).toEqual({ column: 'code', direction: 'asc' });
    expect(nextSort({ column: 'code', direction: 'asc' }, 'code')).toEqual({ column: 'code', direction: 'desc' });
    expect(nextSort({ column: 'code', direction: 'desc' }, 'code')).toEqual({ column: 'code', direction: 'asc' });
    expect(nextSort({ column: 'code', direction: 'desc' }, 'name')).toEqual({ column: 'name', direction: 'asc' });
  });

  it('tells a default state from a filtered or sorted one', () => {
    expect(isDefaultState({ query: ' ', facets: {} })).toBe(true);
    expect(isDefaultState({ query: 'x', facets: {} })).toBe(false);
    expect(isDefaultState({ query: '', facets: {}, sort: { column: 'code', direction: 'asc' } })).toBe(false);
  });
});
