/**
 * A filterable table's view state (filter text, facet choices, sort) and its round trip through
 * the page URL's query string, so a filtered view can be shared and restored. Pure: no DOM.
 */

export type SortDirection = 'asc' | 'desc';

export interface TableSort {
  /** Column key (the header's `data-sort-key`). */
  column: string;
  direction: SortDirection;
}

export interface TableState {
  /** The filter box text, as typed. */
  query: string;
  /** Chosen value per facet key; a facet left at "all" is absent. */
  facets: Record<string, string>;
  /** Absent: the server's order. */
  sort?: TableSort;
}

/** What a table accepts, so that a hand-edited or stale URL cannot select something that does not exist. */
export interface TableStateShape {
  /** Prefix for the parameter names; empty when the table is alone on its page. */
  prefix: string;
  /** Facet keys and their allowed values. */
  facets: Record<string, readonly string[]>;
  /** Sortable column keys. */
  columns: readonly string[];
}

/** Parameter names are short (`q`, `sort`, facet keys) and prefixed only when a page holds several tables. */
export function tableParamName(shape: Pick<TableStateShape, 'prefix'>, name: string): string {
  return shape.prefix ? `${shape.prefix}.${name}` : name;
}

/** Reads `sort=code:desc`; an unknown column or direction gives no sort. */
export function parseSort(value: string | null, columns: readonly string[]): TableSort | undefined {
  if (!value) return undefined;
  const separator = value.lastIndexOf(':');
  const column = separator === -1 ? value : value.slice(0, separator);
  const direction = separator === -1 ? 'asc' : value.slice(separator + 1);
  if (!columns.includes(column) || (direction !== 'asc' && direction !== 'desc')) return undefined;
  return { column, direction };
}

export function formatSort(sort: TableSort): string {
  return `${sort.column}:${sort.direction}`;
}

/** The state a URL describes for one table, keeping only values the table knows. */
export function readTableState(params: URLSearchParams, shape: TableStateShape): TableState {
  const facets: Record<string, string> = {};
  for (const [key, allowed] of Object.entries(shape.facets)) {
    const value = params.get(tableParamName(shape, key));
    if (value !== null && allowed.includes(value)) facets[key] = value;
  }
  const state: TableState = { query: params.get(tableParamName(shape, 'q')) ?? '', facets };
  const sort = parseSort(params.get(tableParamName(shape, 'sort')), shape.columns);
  if (sort) state.sort = sort;
  return state;
}

/**
 * Writes one table's state into a copy of `params`, leaving other parameters (another table's,
 * the lookup's) alone and dropping defaults so an unfiltered table has a clean URL. The table's
 * parameters always come in one order (q, facets, sort), so one view has one URL.
 */
export function writeTableState(params: URLSearchParams, state: TableState, shape: TableStateShape): URLSearchParams {
  const next = new URLSearchParams(params);
  const entries: Array<[string, string | undefined]> = [
    ['q', state.query.trim() ? state.query : undefined],
    ...Object.keys(shape.facets).map((key): [string, string | undefined] => [key, state.facets[key]]),
    ['sort', state.sort ? formatSort(state.sort) : undefined],
  ];
  for (const [name] of entries) next.delete(tableParamName(shape, name));
  for (const [name, value] of entries) if (value) next.append(tableParamName(shape, name), value);
  return next;
}

/** Header click cycle: unsorted → ascending → descending → ascending… on the same column; a new column starts ascending. */
export function nextSort(current: TableSort | undefined, column: string): TableSort {
  if (current?.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: 'asc' };
}

/** True when the state filters anything out or reorders rows. */
export function isDefaultState(state: TableState): boolean {
  return !state.query.trim() && Object.keys(state.facets).length === 0 && !state.sort;
}
