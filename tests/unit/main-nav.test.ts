import { expect, test } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { activeNavIndex, mainNavigation } from '../../src/view/main-nav';

const labels = (items: { label: string }[]) => items.map((item) => item.label);

test('the header links to Operations only when the catalog documents an operation', () => {
  expect(labels(mainNavigation(loadCatalog('catalog'), { internal: false }))).toContain('Operations');
  const migo = loadCatalog('examples/migo');
  expect(migo.operations).toHaveLength(0);
  expect(labels(mainNavigation(migo, { internal: false }))).toEqual([
    'Codes',
    'Status codes',
    'Ranges',
    'Messages',
    'Headers',
    'Guides',
    'Lookup',
  ]);
});

test('the support desk is in the navigation of the internal site only', () => {
  const catalog = loadCatalog('catalog');
  expect(labels(mainNavigation(catalog, { internal: false }))).not.toContain('Support desk');
  expect(labels(mainNavigation(catalog, { internal: true })).at(-1)).toBe('Support desk');
});

test('the current section is the item whose address the page is at or under', () => {
  const items = mainNavigation(loadCatalog('catalog'), { internal: false });
  const link = (route: string) => `/docs/${route}`;
  expect(items[activeNavIndex(items, '/docs/codes/core/1101/', link)]?.label).toBe('Codes');
  expect(items[activeNavIndex(items, '/docs/statuses/', link)]?.label).toBe('Status codes');
  expect(activeNavIndex(items, '/docs/', link)).toBe(-1);
});
