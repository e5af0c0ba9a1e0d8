/** Pairs of tiny catalogs for the diff tests: copies of tests/fixtures/minimal-catalog with edits. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadCatalog } from '../../../src/catalog/load-catalog';
import type { Catalog } from '../../../src/catalog/model';

export const MINIMAL = 'tests/fixtures/minimal-catalog';

/** Edits of one side: file → list of [text, replacement] (text must occur) or a text to append. */
export type Edits = Record<string, Array<[string, string] | string>>;

/** A third code, in both sides unless an edit says otherwise: room to change without touching others. */
export const CLOSED = `  - code: 1003
    name: ORDER_CLOSED
    status: 409
    message: Order {orderId} was closed on {date}.
    placeholders:
      orderId: The order id you sent.
      date: The day it was closed.
    cause: The order is closed.
    resolution: Open a new order.
`;

/** A copy of the minimal catalog (with ORDER_CLOSED) with `edits` applied; its path, relative. */
export function catalogCopy(edits: Edits = {}, withClosed = true): string {
  const base = resolve('.cache/diff-tests');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'side-'));
  cpSync(MINIMAL, dir, { recursive: true });
  if (withClosed) edits = { ...edits, 'codes/shop.yaml': [CLOSED, ...(edits['codes/shop.yaml'] ?? [])] };
  for (const [file, changes] of Object.entries(edits)) {
    const path = join(dir, file);
    let text = readFileSync(path, 'utf8');
    for (const change of changes) {
      if (typeof change === 'string') text += change;
      else {
        if (!text.includes(change[0])) throw new Error(`test edit: "${change[0]}" is not in ${file}`);
        text = text.replace(change[0], change[1]);
      }
    }
    writeFileSync(path, text);
  }
  return relative(process.cwd(), dir);
}

/** Loads two copies: the old one with `old` edits, the new one with `next` edits. */
export function pair(old: Edits, next: Edits): { before: Catalog; after: Catalog; dirs: [string, string] } {
  const dirs: [string, string] = [catalogCopy(old), catalogCopy(next)];
  return { before: loadCatalog(dirs[0]), after: loadCatalog(dirs[1]), dirs };
}
