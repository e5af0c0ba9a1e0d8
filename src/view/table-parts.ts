/**
 * Long code tables are split into parts, so no page of a large catalog grows past a few hundred
 * KB of HTML (a code row is about 650 bytes: 10,000 codes in one table would be 6.5 MB). Part 1
 * keeps the table's own URL; part n is `<route>part/<n>/`. Every part links every other, so each
 * row stays reachable without JavaScript. A catalog with fewer codes than a part has one part,
 * and its pages are as they were.
 */

/** Rows of one part: keeps a part of a code table under about 300 KB of HTML. */
export const TABLE_PART_ROWS = 400;

export interface TablePart<T> {
  /** 1-based. */
  number: number;
  /** How many parts the table has. */
  count: number;
  /** Rows in all parts together, and the 1-based number of this part's first row. */
  total: number;
  first: number;
  rows: T[];
}

/** The parts of `rows` (one part, possibly empty, when they fit in one). */
export function tableParts<T>(rows: readonly T[], size = TABLE_PART_ROWS): TablePart<T>[] {
  const count = Math.max(1, Math.ceil(rows.length / size));
  return Array.from({ length: count }, (_, index) => ({
    number: index + 1,
    count,
    total: rows.length,
    first: index * size + 1,
    rows: rows.slice(index * size, (index + 1) * size),
  }));
}

/** The rest parameter of a part's route: `undefined` for part 1 (the table's own URL), `part/2` for part 2. */
export function partParam(number: number): string | undefined {
  return number === 1 ? undefined : `part/${number}`;
}

/** Route of part `number` of the table whose first part is at `route` (e.g. `codes/` → `codes/part/2/`). */
export function partRoute(route: string, number: number): string {
  return number === 1 ? route : `${route}part/${number}/`;
}
