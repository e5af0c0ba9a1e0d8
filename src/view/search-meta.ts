/**
 * What each kind of page tells Pagefind: metadata shown in search results (code, name, surface,
 * status) and filter values offered in the search dialog (type, surface, status class, range,
 * area). Pages pass the result to Base.astro as `searchMeta` / `searchFilters`, so the filter
 * names and values are decided here once; the dialog (src/elements/search-dialog.ts) labels them.
 */
import type { Catalog, Code, MessageArea, Operation, Range, Status } from '../catalog/model';
import { statusClassOf } from '../shared/status-class';
import { AUDIENCE_LABELS } from './support-text';

export interface SearchData {
  searchMeta: Record<string, string>;
  searchFilters: Record<string, string | string[]>;
}

/** Filter `type` values, one per kind of entry page. Kept in step with `pageTypeOfExplanation`. */
export const PAGE_TYPES = {
  code: 'Code',
  status: 'Status code',
  range: 'Range',
  message: 'Message',
  operation: 'Operation',
  guide: 'Guide',
} as const;

/** `Customers (1100–1199)`: a range's filter value, unique enough to tell ranges of two spaces apart. */
export function rangeLabel(range: Pick<Range, 'name' | 'from' | 'to'>): string {
  return range.from === range.to ? `${range.name} (${range.from})` : `${range.name} (${range.from}–${range.to})`;
}

/** `404 Not Found`. */
export function statusLabel(catalog: Catalog, status: number): string {
  const reason = catalog.statuses.find((entry) => entry.status === status)?.reason;
  return reason ? `${status} ${reason}` : String(status);
}

function surfaceNames(catalog: Catalog, ids: readonly string[]): string[] {
  return ids.map((id) => catalog.surfaces.find((surface) => surface.id === id)?.name ?? id);
}

/** A code's permalink page. */
export function codeSearchData(catalog: Catalog, code: Code): SearchData {
  const surfaces = surfaceNames(catalog, code.surfaces);
  const range = code.range
    ? catalog.codeSpaces.find((space) => space.id === code.codeSpace)?.ranges.find((entry) => entry.slug === code.range)
    : undefined;
  // A code with several statuses is found under each of their classes, and its result lists them all.
  const classes = [...new Set(code.statuses.map((entry) => statusClassOf(entry.status)))];
  const searchFilters: SearchData['searchFilters'] = {
    type: PAGE_TYPES.code,
    surface: surfaces,
    status: classes.length === 1 ? classes[0]! : classes,
  };
  if (range) searchFilters['range'] = rangeLabel(range);
  if (code.audience?.length) searchFilters['audience'] = code.audience.map((audience) => AUDIENCE_LABELS[audience]);
  const searchMeta: SearchData['searchMeta'] = {
    code: code.code,
    surface: surfaces.join(', '),
    status: code.statuses
      .map((entry) => `${statusLabel(catalog, entry.status)}${entry.errorsWithSuccess ? ' with errors' : ''}`)
      .join(', '),
  };
  if (code.name) searchMeta['name'] = code.name;
  // The result's snippet: what the code means, never the page's chrome or an example body.
  searchMeta['summary'] = snippetOf(code.cause || code.message);
  if (code.deprecated) searchMeta['deprecated'] = code.deprecated.since;
  return { searchMeta, searchFilters };
}

/** Longest snippet stored for a result (a cause is one or two sentences; a long one is cut at a word). */
const MAX_SNIPPET = 220;

/** `text` as a result snippet: whole when short, else cut at a word with an ellipsis. */
export function snippetOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_SNIPPET) return flat;
  const cut = flat.slice(0, MAX_SNIPPET);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_SNIPPET / 2))}…`;
}

/** An operation's page: found by its method, path and summary; filtered by surface and method. */
export function operationSearchData(catalog: Catalog, operation: Operation): SearchData {
  const [surface] = surfaceNames(catalog, [operation.surface]);
  // The method is shown as the result's code, the path (and summary) as its title.
  const searchMeta: SearchData['searchMeta'] = {
    code: operation.method,
    title: operation.summary ? `${operation.path} — ${operation.summary}` : operation.path,
  };
  if (surface) searchMeta['surface'] = surface;
  return {
    searchMeta,
    searchFilters: { type: PAGE_TYPES.operation, surface: surface ?? operation.surface, method: operation.method },
  };
}

/** An HTTP status page. */
export function statusSearchData(status: Pick<Status, 'status' | 'reason' | 'statusClass'>): SearchData {
  return {
    searchMeta: { code: String(status.status), status: `${status.status} ${status.reason}` },
    searchFilters: { type: PAGE_TYPES.status, status: status.statusClass },
  };
}

/** The ranges page lists every range, so it belongs under each range and surface filter. */
export function rangesPageSearchData(catalog: Catalog): SearchData {
  return {
    searchMeta: {},
    searchFilters: {
      type: PAGE_TYPES.range,
      range: catalog.codeSpaces.flatMap((space) => space.ranges.map(rangeLabel)),
      surface: catalog.surfaces.map((surface) => surface.name),
    },
  };
}

/** The messages page (or one area's page): under each of its message areas. */
export function messagesSearchData(areas: readonly Pick<MessageArea, 'name'>[]): SearchData {
  return { searchMeta: {}, searchFilters: { type: PAGE_TYPES.message, area: areas.map((area) => area.name) } };
}

/** A guide page. */
export function guideSearchData(): SearchData {
  return { searchMeta: {}, searchFilters: { type: PAGE_TYPES.guide } };
}
