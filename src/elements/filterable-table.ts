/**
 * `<error-catalog-table>`: enhances the server-rendered table inside FilterableTable.astro with a
 * filter box, facet selects, sortable headers, a live count, an empty state and URL state.
 * Fast at thousands of rows: rows are indexed once, a change only flips `hidden` on rows whose
 * visibility changed, re-sorting moves existing row nodes (no HTML is re-rendered), and at most
 * `data-page-size` rows are shown at once (the browser's table layout, not the script, is what
 * costs at 5,000 rows), with buttons for the rest.
 */
import { CatalogElement, define } from './catalog-element';
import {
  isDefaultState,
  nextSort,
  readTableState,
  writeTableState,
  type TableSort,
  type TableState,
  type TableStateShape,
} from './table-state';
import { foldText, slugOf } from '../shared/fold-text';
import {
  countLabel,
  facetTokens,
  moreLabel,
  queryTerms,
  rowMatches,
  rowWindow,
  sortedOrder,
  type RowIndex,
} from './table-match';

/** Long enough to skip the keystrokes of a word typed at speed, short enough to feel live. */
const FILTER_DEBOUNCE_MS = 120;
/** Rows shown at once unless the element's `data-page-size` says otherwise. */
const DEFAULT_PAGE_SIZE = 250;

interface Column {
  key: string;
  index: number;
  header: HTMLTableCellElement;
  button: HTMLButtonElement;
  /** Sort values by original row position, read on first use. */
  values?: string[];
}

/** `statusClass` and `status-class` both read `data-status-class`. */
function facetAttribute(key: string): string {
  return `data-${key.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;
}

function columnKey(header: HTMLTableCellElement, index: number): string {
  const explicit = header.dataset['sortKey'];
  if (explicit) return explicit;
  return slugOf(header.textContent ?? '') || `column-${index + 1}`;
}

class FilterableTable extends CatalogElement {
  private rows: HTMLTableRowElement[] = [];
  private index: RowIndex[] = [];
  private columns: Column[] = [];
  private shape!: TableStateShape;
  private state: TableState = { query: '', facets: {} };
  private appliedSortKey = '';
  private queryInput: HTMLInputElement | null = null;
  private facetSelects: HTMLSelectElement[] = [];
  private resetButton: HTMLButtonElement | null = null;
  private countOutput: HTMLElement | null = null;
  private emptyRow: HTMLTableRowElement | null = null;
  private moreRow: HTMLTableRowElement | null = null;
  private moreText: HTMLElement | null = null;
  private moreButton: HTMLButtonElement | null = null;
  private showAllButton: HTMLButtonElement | null = null;
  private clearButton: HTMLButtonElement | null = null;
  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  private pageSize = DEFAULT_PAGE_SIZE;
  /** Rows shown at most for the current filters; back to `pageSize` whenever they change. */
  private limit = DEFAULT_PAGE_SIZE;
  /** Original row positions in display order, for the applied sort. */
  private order: number[] = [];
  private noun = 'rows';

  protected connected(): void {
    const table = this.querySelector('table');
    if (!table) return;
    // The table is enhanced once; its controls are listened to each time it is in the page.
    if (!this.dataset['enhanced']) this.enhance(table);
    this.listenToControls();
  }

  private enhance(table: HTMLTableElement): void {
    this.dataset['enhanced'] = 'true';
    this.queryInput = this.querySelector<HTMLInputElement>('[data-ft-query]');
    this.facetSelects = [...this.querySelectorAll<HTMLSelectElement>('[data-ft-facet]')];
    this.resetButton = this.querySelector<HTMLButtonElement>('[data-ft-reset]');
    this.countOutput = this.querySelector<HTMLElement>('[data-ft-count]');

    this.rows = [...table.tBodies].flatMap((body) => [...body.rows]);
    const facetKeys = this.facetSelects.map((select) => select.dataset['ftFacet'] ?? '');
    this.index = this.rows.map((row) => ({
      text: foldText(row.textContent ?? ''),
      facets: Object.fromEntries(facetKeys.map((key) => [key, facetTokens(row.getAttribute(facetAttribute(key)))])),
    }));
    this.noun = this.dataset['noun'] ?? 'rows';
    this.pageSize = Math.max(1, Number(this.dataset['pageSize']) || DEFAULT_PAGE_SIZE);
    this.limit = this.pageSize;
    this.order = this.rows.map((_, index) => index);
    this.columns = this.enhanceHeaders(table);
    this.emptyRow = this.createEmptyRow(table);
    this.moreRow = this.createMoreRow(table);
    // A link to one row (ranges/#core-1100-1199) must find it shown.
    if (location.hash && this.rows.some((row) => row.id && `#${row.id}` === decodeURIComponent(location.hash)))
      this.limit = Infinity;

    const several = document.querySelectorAll(this.localName).length > 1;
    this.shape = {
      prefix: several ? this.id : '',
      facets: Object.fromEntries(
        this.facetSelects.map((select) => [
          select.dataset['ftFacet'] ?? '',
          [...select.options].map((o) => o.value).filter(Boolean),
        ]),
      ),
      columns: this.columns.map((column) => column.key),
    };
    this.state = readTableState(new URLSearchParams(location.search), this.shape);
    this.syncControls();
    this.apply(false);
    for (const control of [this.queryInput, ...this.facetSelects, this.resetButton]) {
      if (control) control.disabled = false;
    }
  }

  private listenToControls(): void {
    const queryInput = this.queryInput;
    if (queryInput) {
      this.listen(queryInput, 'input', () => {
        this.state.query = queryInput.value;
        this.limit = this.pageSize;
        this.cancel(this.debounceTimer);
        this.debounceTimer = this.later(() => this.apply(true), FILTER_DEBOUNCE_MS);
      });
      this.listen(queryInput, 'keydown', (event) => {
        // Escape in a non-empty box clears it; the native search clear fires `input` already.
        if (event.key === 'Escape' && queryInput.value) {
          event.preventDefault();
          queryInput.value = '';
          this.state.query = '';
          this.apply(true);
        }
      });
    }
    for (const select of this.facetSelects) {
      this.listen(select, 'change', () => {
        const key = select.dataset['ftFacet'] ?? '';
        if (select.value) this.state.facets[key] = select.value;
        else delete this.state.facets[key];
        this.limit = this.pageSize;
        this.apply(true);
      });
    }
    for (const column of this.columns) {
      this.listen(column.button, 'click', () => {
        this.state.sort = nextSort(this.state.sort, column.key);
        this.limit = this.pageSize;
        this.apply(true);
      });
    }
    for (const button of [this.resetButton, this.clearButton]) {
      if (button) this.listen(button, 'click', () => this.reset(this.queryInput));
    }
    if (this.moreButton) this.listen(this.moreButton, 'click', () => this.showMore());
    if (this.showAllButton) this.listen(this.showAllButton, 'click', () => this.showMore(Infinity));
  }

  /** Turns each header's content into a sort button; `data-sort="none"` opts a column out. */
  private enhanceHeaders(table: HTMLTableElement): Column[] {
    const headerRow = table.tHead?.rows[0];
    if (!headerRow) return [];
    const columns: Column[] = [];
    [...headerRow.cells].forEach((header, index) => {
      if (header.dataset['sort'] === 'none' || !(header instanceof HTMLTableCellElement)) return;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'ft-sort';
      button.append(...header.childNodes);
      const icon = document.createElement('span');
      icon.className = 'ft-sort__icon';
      icon.setAttribute('aria-hidden', 'true');
      button.append(icon);
      header.append(button);
      columns.push({ key: columnKey(header, index), index, header, button });
    });
    return columns;
  }

  /** A full-width row of the table's own (empty state, more rows), kept after the data rows. */
  private createNoteRow(
    table: HTMLTableElement,
    className: string,
  ): { row: HTMLTableRowElement; cell: HTMLTableCellElement } | null {
    const body = table.tBodies[table.tBodies.length - 1];
    if (!body) return null;
    const row = document.createElement('tr');
    row.className = className;
    row.hidden = true;
    const cell = document.createElement('td');
    cell.colSpan = Math.max(1, table.tHead?.rows[0]?.cells.length ?? 1);
    row.append(cell);
    body.append(row);
    return { row, cell };
  }

  private createEmptyRow(table: HTMLTableElement): HTMLTableRowElement | null {
    const note = this.createNoteRow(table, 'ft-empty');
    if (!note) return null;
    const text = document.createElement('span');
    text.textContent = `No ${this.noun} match these filters.`;
    const clear = document.createElement('button');
    clear.type = 'button';
    clear.textContent = 'Clear filters';
    this.clearButton = clear;
    note.cell.append(text, clear);
    return note.row;
  }

  private createMoreRow(table: HTMLTableElement): HTMLTableRowElement | null {
    if (this.rows.length <= this.pageSize) return null;
    const note = this.createNoteRow(table, 'ft-more');
    if (!note) return null;
    this.moreText = document.createElement('span');
    this.moreButton = document.createElement('button');
    this.moreButton.type = 'button';
    const all = document.createElement('button');
    all.type = 'button';
    all.textContent = 'Show all';
    this.showAllButton = all;
    note.cell.append(this.moreText, this.moreButton, all);
    return note.row;
  }

  /** Shows the next page of matching rows (or all of them) and moves focus to the first new one. */
  private showMore(count = this.pageSize): void {
    const before = this.rows.filter((row) => !row.hidden).length;
    this.limit = count === Infinity ? Infinity : before + count;
    this.apply(false);
    const firstNew = this.order.map((position) => this.rows[position]!).filter((row) => !row.hidden)[before];
    const target = firstNew?.querySelector<HTMLElement>('a[href], button') ?? this.queryInput;
    target?.focus();
  }

  private reset(focusAfter: HTMLElement | null): void {
    this.limit = this.pageSize;
    this.state = this.state.sort ? { query: '', facets: {}, sort: this.state.sort } : { query: '', facets: {} };
    this.syncControls();
    this.apply(true);
    focusAfter?.focus();
  }

  /** Puts the state into the controls (on load from the URL, and after a reset). */
  private syncControls(): void {
    if (this.queryInput) this.queryInput.value = this.state.query;
    for (const select of this.facetSelects) select.value = this.state.facets[select.dataset['ftFacet'] ?? ''] ?? '';
  }

  private apply(writeUrl: boolean): void {
    this.cancel(this.debounceTimer);
    const terms = queryTerms(this.state.query);
    const matches = this.index.map((row) => rowMatches(row, terms, this.state.facets));
    const reorder = this.updateSort(this.state.sort);
    const { show, matched, shown } = rowWindow(this.order, matches, this.limit);
    // Hide first, move while hidden, show last: rows without a layout box cost nothing to move.
    this.rows.forEach((row, i) => {
      if (!show[i] && !row.hidden) row.hidden = true;
    });
    if (reorder) {
      // Rows go back into their own tbody, so grouped tables stay grouped.
      for (const position of this.order) {
        const row = this.rows[position]!;
        row.parentElement?.append(row);
      }
      for (const note of [this.emptyRow, this.moreRow]) note?.parentElement?.append(note);
    }
    this.rows.forEach((row, i) => {
      if (show[i] && row.hidden) row.hidden = false;
    });
    if (this.emptyRow) this.emptyRow.hidden = matched > 0;
    if (this.moreRow) {
      this.moreRow.hidden = shown >= matched;
      if (this.moreText) this.moreText.textContent = moreLabel(shown, matched, this.noun);
      if (this.moreButton)
        this.moreButton.textContent = `Show ${Math.min(this.pageSize, matched - shown).toLocaleString('en')} more`;
    }
    const filtered = terms.length > 0 || Object.keys(this.state.facets).length > 0;
    if (this.resetButton) this.resetButton.hidden = !filtered;
    if (this.countOutput) this.countOutput.textContent = countLabel(matched, this.rows.length, this.noun);
    this.dataset['matched'] = String(matched);
    if (writeUrl) this.writeUrl();
  }

  /** Sets the headers' sort state and the display order; true when the order changed. */
  private updateSort(sort: TableSort | undefined): boolean {
    const sortKey = sort ? `${sort.column}:${sort.direction}` : '';
    for (const column of this.columns) {
      const active = sort?.column === column.key;
      if (active) column.header.setAttribute('aria-sort', sort.direction === 'asc' ? 'ascending' : 'descending');
      else column.header.removeAttribute('aria-sort');
      const icon = column.button.querySelector('.ft-sort__icon');
      if (icon) icon.textContent = active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕';
    }
    if (sortKey === this.appliedSortKey) return false;
    this.appliedSortKey = sortKey;
    const column = sort && this.columns.find((c) => c.key === sort.column);
    this.order = column ? sortedOrder(this.sortValues(column), sort.direction) : this.rows.map((_, index) => index);
    return true;
  }

  private sortValues(column: Column): string[] {
    column.values ??= this.rows.map((row) => {
      const cell = row.cells[column.index];
      return cell?.dataset['sortValue'] ?? cell?.textContent?.trim() ?? '';
    });
    return column.values;
  }

  private writeUrl(): void {
    const params = writeTableState(new URLSearchParams(location.search), this.state, this.shape);
    const search = params.toString();
    const url = `${location.pathname}${search ? `?${search}` : ''}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
    this.toggleAttribute('data-filtered', !isDefaultState(this.state));
  }
}

define('error-catalog-table', FilterableTable);
