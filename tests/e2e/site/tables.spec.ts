/**
 * Filterable tables on the built site: each reference table (statuses, codes, ranges, messages, operations)
 * filters by text and facet, sorts by a column, shows a live count and an empty state, keeps its
 * state in the URL so a filtered view can be shared, and is complete without JavaScript.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { axeOn, WCAG_TAGS } from '../support/gates';

interface TableCase {
  name: string;
  path: string;
  /** The table's caption, which is also the name of its filter controls ("Filter <label>"). */
  label: string;
  noun: string;
  /** URL parameter prefix: tables sharing a page prefix theirs with their id. */
  prefix: string;
  query: string;
  facet: { label: string; key: string; value: string; attribute: string };
  sort: { header: string; key: string };
}

const cases: TableCase[] = [
  {
    name: 'status codes',
    path: 'statuses/',
    label: 'HTTP status codes',
    noun: 'statuses',
    prefix: '',
    query: 'retry',
    facet: { label: 'Class', key: 'status-class', value: '5xx', attribute: 'data-status-class' },
    sort: { header: 'Status', key: 'status' },
  },
  {
    name: 'codes',
    path: 'codes/',
    label: 'All error codes',
    noun: 'codes',
    prefix: '',
    query: 'not found',
    facet: { label: 'Surface', key: 'surface', value: 'gateway', attribute: 'data-surface' },
    sort: { header: 'Code', key: 'code' },
  },
  {
    name: 'ranges',
    path: 'ranges/',
    label: 'Ranges of Gateway and Console codes',
    noun: 'ranges',
    prefix: 'ranges-core.',
    query: 'and',
    facet: { label: 'State', key: 'state', value: 'active', attribute: 'data-state' },
    sort: { header: 'From–to', key: 'from' },
  },
  {
    name: 'messages',
    path: 'messages/',
    label: 'Payments messages',
    noun: 'messages',
    prefix: 'messages-payments.',
    query: 'charge',
    facet: { label: 'Status class', key: 'status-class', value: '4xx', attribute: 'data-status-class' },
    sort: { header: 'Status', key: 'status' },
  },
  {
    name: 'operations',
    path: 'operations/',
    label: 'All operations',
    noun: 'operations',
    prefix: '',
    query: 'charges',
    facet: { label: 'Method', key: 'method', value: 'POST', attribute: 'data-method' },
    sort: { header: 'Codes', key: 'codes' },
  },
];

const controlsOf = (page: Page, label: string) => page.getByRole('group', { name: `Filter ${label}` });
const tableOf = (page: Page, label: string) => page.getByRole('table', { name: label });
/** Body rows a reader can see (hidden rows leave the accessibility tree). */
const visibleRows = (table: Locator) => table.locator('tbody').getByRole('row');

/** Text, facet attribute and sort value of each visible row, in display order. */
async function rowFacts(table: Locator, sortHeader: string, attribute: string) {
  const column = await table
    .getByRole('columnheader')
    .evaluateAll(
      (headers, name) => headers.findIndex((header) => header.textContent?.replace(/[▲▼↕]/g, '').trim() === name),
      sortHeader,
    );
  expect(column, `no "${sortHeader}" column`).toBeGreaterThanOrEqual(0);
  return table.locator('tbody > tr:not([hidden]):not(.ft-empty):not(.ft-more)').evaluateAll(
    (rows, [index, attr]) =>
      rows.map((row) => {
        const cell = (row as HTMLTableRowElement).cells[index as number] as HTMLElement | undefined;
        return {
          text: (row.textContent ?? '').toLowerCase(),
          facet: (row.getAttribute(attr as string) ?? '').split(/\s+/),
          sortValue: cell?.dataset['sortValue'] ?? cell?.textContent?.trim() ?? '',
        };
      }),
    [column, attribute] as const,
  );
}

function expectDescending(values: string[]) {
  const numbers = values.map(Number);
  const numeric = numbers.every((value) => Number.isFinite(value));
  for (let i = 1; i < values.length; i++) {
    if (numeric)
      expect(numbers[i - 1]!, `row ${i} out of order: ${values.join(', ')}`).toBeGreaterThanOrEqual(numbers[i]!);
    else
      expect(
        values[i - 1]!.localeCompare(values[i]!, 'en', { numeric: true }),
        `row ${i} out of order`,
      ).toBeGreaterThanOrEqual(0);
  }
}

for (const table of cases) {
  test(`the ${table.name} table filters by text and ${table.facet.label.toLowerCase()}, sorts, and restores a shared URL`, async ({
    page,
    context,
  }) => {
    await page.goto(table.path);
    const controls = controlsOf(page, table.label);
    const grid = tableOf(page, table.label);
    const filter = controls.getByRole('searchbox', { name: 'Filter' });
    const count = controls.getByRole('status');
    await expect(filter).toBeEnabled();
    const total = await visibleRows(grid).count();
    expect(total).toBeGreaterThan(2);
    await expect(count).toHaveText(`All ${total} ${table.noun}`);

    await filter.fill(table.query);
    await expect(count).toHaveText(new RegExp(`^\\d+ of ${total} ${table.noun}$`));
    const afterQuery = await rowFacts(grid, table.sort.header, table.facet.attribute);
    expect(afterQuery.length).toBeGreaterThan(0);
    expect(afterQuery.length).toBeLessThan(total);
    for (const row of afterQuery) for (const term of table.query.split(' ')) expect(row.text).toContain(term);
    await expect(count).toHaveText(`${afterQuery.length} of ${total} ${table.noun}`);

    await controls.getByRole('combobox', { name: table.facet.label }).selectOption(table.facet.value);
    const afterFacet = await rowFacts(grid, table.sort.header, table.facet.attribute);
    expect(afterFacet.length).toBeGreaterThan(0);
    for (const row of afterFacet) expect(row.facet).toContain(table.facet.value);
    await expect(count).toHaveText(`${afterFacet.length} of ${total} ${table.noun}`);

    const sortButton = grid.getByRole('button', { name: table.sort.header, exact: true });
    await sortButton.click();
    await expect(grid.getByRole('columnheader', { name: table.sort.header })).toHaveAttribute('aria-sort', 'ascending');
    await sortButton.press('Enter');
    await expect(grid.getByRole('columnheader', { name: table.sort.header })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    const sorted = await rowFacts(grid, table.sort.header, table.facet.attribute);
    expectDescending(sorted.map((row) => row.sortValue));

    const url = new URL(page.url());
    expect(url.searchParams.get(`${table.prefix}q`)).toBe(table.query);
    expect(url.searchParams.get(`${table.prefix}${table.facet.key}`)).toBe(table.facet.value);
    expect(url.searchParams.get(`${table.prefix}sort`)).toBe(`${table.sort.key}:desc`);

    const shared = await context.newPage();
    await shared.goto(url.href);
    const sharedControls = controlsOf(shared, table.label);
    const sharedGrid = tableOf(shared, table.label);
    await expect(sharedControls.getByRole('searchbox', { name: 'Filter' })).toHaveValue(table.query);
    await expect(sharedControls.getByRole('combobox', { name: table.facet.label })).toHaveValue(table.facet.value);
    await expect(sharedGrid.getByRole('columnheader', { name: table.sort.header })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expect(sharedControls.getByRole('status')).toHaveText(`${sorted.length} of ${total} ${table.noun}`);
    expect(await rowFacts(sharedGrid, table.sort.header, table.facet.attribute)).toEqual(sorted);
  });
}

test('codes sort numerically, not as text', async ({ page }) => {
  await page.goto('codes/?sort=code:asc');
  const grid = tableOf(page, 'All error codes');
  await expect(grid.getByRole('columnheader', { name: 'Code' })).toHaveAttribute('aria-sort', 'ascending');
  const codes = (await rowFacts(grid, 'Code', 'data-surface')).map((row) => Number(row.sortValue));
  expect(codes.length).toBeGreaterThan(10);
  expect(codes).toEqual([...codes].sort((a, b) => a - b));
});

test('a filter that matches nothing shows an empty state whose button clears the filters', async ({ page }) => {
  await page.goto('codes/');
  const controls = controlsOf(page, 'All error codes');
  const grid = tableOf(page, 'All error codes');
  const total = await visibleRows(grid).count();
  await controls.getByRole('searchbox', { name: 'Filter' }).fill('zzqqxv');
  await expect(grid.getByRole('row', { name: /No codes match these filters/ })).toBeVisible();
  await expect(controls.getByRole('status')).toHaveText(`0 of ${total} codes`);
  await grid.getByRole('button', { name: 'Clear filters' }).click();
  await expect(controls.getByRole('status')).toHaveText(`All ${total} codes`);
  await expect(controls.getByRole('searchbox', { name: 'Filter' })).toBeFocused();
  await expect(controls.getByRole('searchbox', { name: 'Filter' })).toHaveValue('');
  expect(new URL(page.url()).search).toBe('');
});

test('Escape in the filter box clears it', async ({ page }) => {
  await page.goto('statuses/');
  const controls = controlsOf(page, 'HTTP status codes');
  const filter = controls.getByRole('searchbox', { name: 'Filter' });
  await filter.fill('gateway');
  await expect(controls.getByRole('status')).toContainText(' of ');
  await filter.press('Escape');
  await expect(filter).toHaveValue('');
  await expect(controls.getByRole('status')).toHaveText(/^All \d+ statuses$/);
});

test('tables sharing a page keep separate URL parameters', async ({ page }) => {
  await page.goto('ranges/?ranges-ledger.q=planned');
  const core = controlsOf(page, 'Ranges of Gateway and Console codes');
  const ledger = controlsOf(page, 'Ranges of Ledger codes');
  await expect(ledger.getByRole('searchbox', { name: 'Filter' })).toHaveValue('planned');
  await expect(ledger.getByRole('status')).toHaveText(/^1 of \d+ ranges$/);
  await core.getByRole('combobox', { name: 'State' }).selectOption('reserved');
  await expect(core.getByRole('status')).toHaveText(/^1 of \d+ ranges$/);
  await expect(tableOf(page, 'Ranges of Gateway and Console codes').locator('tbody').getByRole('row')).toContainText([
    'Partner reserved',
  ]);
  const params = new URL(page.url()).searchParams;
  expect(params.get('ranges-ledger.q')).toBe('planned');
  expect(params.get('ranges-core.state')).toBe('reserved');
  await expect(ledger.getByRole('status')).toHaveText(/^1 of \d+ ranges$/);
});

test('a shared URL with values the table does not know shows the whole table', async ({ page }) => {
  await page.goto('codes/?surface=wallet&sort=colour:up');
  const controls = controlsOf(page, 'All error codes');
  await expect(controls.getByRole('combobox', { name: 'Surface' })).toHaveValue('');
  await expect(controls.getByRole('status')).toHaveText(/^All \d+ codes$/);
});

test.describe('a table longer than its page size', () => {
  // The default catalog's tables are shorter than the page size (250), so the page size is
  // lowered to 20 before the element upgrades, as a big catalog's table would behave.
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes)
            if (node instanceof HTMLElement && node.localName === 'error-catalog-table')
              node.dataset['pageSize'] = '20';
        }
      }).observe(document, { childList: true, subtree: true });
    });
  });

  test('shows its first rows, counts every match, and shows more on request', async ({ page }) => {
    await page.goto('codes/');
    const controls = controlsOf(page, 'All error codes');
    const grid = tableOf(page, 'All error codes');
    await expect(controls.getByRole('searchbox', { name: 'Filter' })).toBeEnabled();
    const total = await grid.locator('tbody > tr:not(.ft-empty):not(.ft-more)').count();
    expect(total).toBeGreaterThan(40);
    await expect(controls.getByRole('status')).toHaveText(`All ${total} codes`);
    await expect(grid.getByRole('row', { name: `Showing the first 20 of ${total} codes.` })).toBeVisible();
    expect(await rowFacts(grid, 'Code', 'data-surface')).toHaveLength(20);

    await grid.getByRole('button', { name: 'Show 20 more' }).click();
    expect(await rowFacts(grid, 'Code', 'data-surface')).toHaveLength(40);
    await expect(page.locator(':focus')).toHaveText((await rowFacts(grid, 'Code', 'data-surface'))[20]!.sortValue);

    await grid.getByRole('button', { name: 'Show all' }).click();
    expect(await rowFacts(grid, 'Code', 'data-surface')).toHaveLength(total);
    await expect(grid.getByRole('row', { name: /Showing the first/ })).toBeHidden();
  });

  test('sorts all rows before taking the first page', async ({ page }) => {
    await page.goto('codes/?sort=code:desc');
    const grid = tableOf(page, 'All error codes');
    await expect(grid.getByRole('columnheader', { name: 'Code' })).toHaveAttribute('aria-sort', 'descending');
    const all = await grid
      .locator('tbody > tr:not(.ft-empty):not(.ft-more) > :first-child')
      .evaluateAll((cells) => cells.map((cell) => Number((cell as HTMLElement).dataset['sortValue'])));
    const shown = (await rowFacts(grid, 'Code', 'data-surface')).map((row) => Number(row.sortValue));
    expect(shown).toHaveLength(20);
    expect(shown).toEqual([...all].sort((a, b) => b - a).slice(0, 20));
  });

  test('its sorted, paged and empty states have no WCAG 2.2 AA violations', async ({ page }) => {
    test.slow(); // axe takes seconds per pass on a loaded machine
    await page.goto('codes/?sort=name:desc');
    const grid = tableOf(page, 'All error codes');
    await expect(grid.getByRole('row', { name: /Showing the first 20/ })).toBeVisible();
    const check = async () => {
      const results = await axeOn(page).include('error-catalog-table').withTags(WCAG_TAGS).analyze();
      expect(
        results.violations.map(
          (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`,
        ),
      ).toEqual([]);
    };
    await check();
    await controlsOf(page, 'All error codes').getByRole('searchbox', { name: 'Filter' }).fill('zzqqxv');
    await expect(grid.getByRole('row', { name: /No codes match/ })).toBeVisible();
    await check();
  });

  test('a filter with fewer matches than the page size shows them all, without the more row', async ({ page }) => {
    await page.goto('codes/?q=not+found');
    const grid = tableOf(page, 'All error codes');
    const matched = await rowFacts(grid, 'Code', 'data-surface');
    expect(matched.length).toBeGreaterThan(0);
    expect(matched.length).toBeLessThan(20);
    await expect(controlsOf(page, 'All error codes').getByRole('status')).toHaveText(
      new RegExp(`^${matched.length} of \\d+ codes$`),
    );
    await expect(grid.getByRole('row', { name: /Showing the first/ })).toBeHidden();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every table is complete and its controls are disabled', async ({ page }) => {
    await page.goto('codes/?q=customer');
    const grid = tableOf(page, 'All error codes');
    const rows = await visibleRows(grid).count();
    expect(rows).toBeGreaterThan(60);
    await expect(controlsOf(page, 'All error codes').getByRole('searchbox', { name: 'Filter' })).toBeDisabled();
    await expect(grid.getByRole('row', { name: /No codes match/ })).toHaveCount(0);
    await page.goto('./');
    await expect(page.getByRole('button', { name: 'Search' })).toBeDisabled();
  });
});
