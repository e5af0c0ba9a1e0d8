/**
 * Keeps what is valid of an entry that failed its schema, so that every later check still runs
 * on it: one bad enum value must not hide an undeclared status in the same entry. The problems
 * themselves were reported from the first validation; this only decides what the model keeps.
 */
import { z } from 'astro/zod';
import type { Path } from './problems';
import { closest } from './suggest';
import { allowedKeys } from './zod-problems';

/** Rounds of pruning before giving up; each round removes at least one value. */
const MAX_ROUNDS = 12;

/**
 * `value` parsed by `schema` after removing what its issues point at: an unknown key is renamed
 * to the field it is a typo of (when that field is unset) or removed, an invalid optional value is
 * removed (its default applies), and a value inside a list removes the whole list field (removing
 * one item would shift the positions later problems are reported at). Undefined when the entry
 * cannot stand without an invalid required field, such as its `code` or `status`.
 */
export function salvage<S extends z.ZodTypeAny>(schema: S, value: unknown): z.output<S> | undefined {
  let current: unknown = structuredClone(value);
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const outcome = schema.safeParse(current);
    if (outcome.success) return outcome.data;
    let changed = false;
    for (const issue of outcome.error.issues) changed = prune(schema, current, issue) || changed;
    if (!changed) return undefined;
  }
  return undefined;
}

function prune(schema: z.ZodTypeAny, root: unknown, issue: z.ZodIssue): boolean {
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    const holder = objectAt(root, issue.path);
    if (!holder) return false;
    const allowed = allowedKeys(schema, issue.path);
    for (const key of issue.keys) {
      const near = closest(key, allowed);
      if (near && holder[near] === undefined) holder[near] = holder[key];
      delete holder[key];
    }
    return true;
  }
  // A value inside a list takes the whole list field with it; a missing required value takes
  // the object that needs it.
  const listAt = issue.path.findIndex((part) => typeof part === 'number');
  let path: Path = listAt >= 0 ? issue.path.slice(0, listAt) : issue.path;
  if (listAt < 0 && valueAt(root, path) === undefined) path = path.slice(0, -1);
  return removeAt(root, path);
}

function objectAt(root: unknown, path: Path): Record<string, unknown> | undefined {
  const value = valueAt(root, path);
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function valueAt(root: unknown, path: Path): unknown {
  let current = root;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

/** Removes the key at `path` from its object; the root itself cannot be removed. */
function removeAt(root: unknown, path: Path): boolean {
  if (path.length === 0) return false;
  const holder = objectAt(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (!holder || !(key in holder)) return false;
  delete holder[key];
  return true;
}
