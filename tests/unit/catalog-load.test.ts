import { expect, test } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog';

test('the default catalog loads with its surfaces sharing the core code space', () => {
  const catalog = loadCatalog('catalog');
  const core = catalog.codeSpaces.find((space) => space.id === 'core');
  expect(core?.surfaces).toEqual(['gateway', 'console']);
});
