/** Long code tables split into parts (src/view/table-parts.ts): every row in exactly one part, part 1 at the table's URL. */
import { expect, test } from 'vitest';
import { partParam, partRoute, tableParts, TABLE_PART_ROWS } from '../../src/view/table-parts';

test('a table that fits in one part keeps its one page, even when empty', () => {
  expect(tableParts([])).toEqual([{ number: 1, count: 1, total: 0, first: 1, rows: [] }]);
  const rows = Array.from({ length: TABLE_PART_ROWS }, (_, index) => index);
  expect(tableParts(rows)).toHaveLength(1);
  expect(partParam(1)).toBeUndefined();
  expect(partRoute('codes/', 1)).toBe('codes/');
});

test('a long table is cut into parts that hold every row once, in order, and link to each other by route', () => {
  const rows = Array.from({ length: 2 * TABLE_PART_ROWS + 7 }, (_, index) => index);
  const parts = tableParts(rows);
  expect(parts.map((part) => [part.number, part.count, part.first, part.rows.length])).toEqual([
    [1, 3, 1, TABLE_PART_ROWS],
    [2, 3, TABLE_PART_ROWS + 1, TABLE_PART_ROWS],
    [3, 3, 2 * TABLE_PART_ROWS + 1, 7],
  ]);
  expect(parts.flatMap((part) => part.rows)).toEqual(rows);
  expect(parts.every((part) => part.total === rows.length)).toBe(true);
  expect(partParam(3)).toBe('part/3');
  expect(partRoute('codes/core/', 3)).toBe('codes/core/part/3/');
});
