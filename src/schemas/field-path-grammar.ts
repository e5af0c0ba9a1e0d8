/**
 * Field paths, without zod (the browser's lookup engine imports this, and zod would triple its
 * bundle): the grammar check and the evaluator. The catalog schema is in `field-path.ts`.
 *
 * Field paths: where a value lives inside an error body, written as data so the lookup engine can
 * decode pasted responses. Grammar: dot-separated keys; `[]` after a key means "each element of
 * this array"; a `<name>` segment means "each key of this object" (the key becomes `name`).
 * Examples: `statusCode`, `errors[].code`, `error.ownCode`, `errors.<field>[]`.
 */
const SEGMENT = /^(?:[A-Za-z_$][\w$-]*(?:\[\])?|<[a-z]+>(?:\[\])?)$/;

/** Splits and checks a field path; returns the error text, or undefined when it is valid. */
export function fieldPathProblem(path: string): string | undefined {
  const segments = path.split('.');
  for (const segment of segments) {
    if (!SEGMENT.test(segment)) {
      // The usual slip is an index copied from a body: errors[0].code means "each" here, errors[].
      const suggestion = path.replace(/\[\d+\]/g, '[]').replace(/\[['"]?([\w$-]+)['"]?\]/g, '.$1');
      const fix =
        suggestion !== path && !fieldPathProblem(suggestion)
          ? `write ${suggestion}`
          : 'write paths like errors[].code or errors.<field>[]';
      return `"${segment}" in field path ${path} is not a key, key[] (each element of a list) or <name> (each key of a map); ${fix}`;
    }
  }
  return undefined;
}

/** One value found at a field path, with the array indexes and map keys it was reached through. */
export interface FieldPathMatch {
  /** The value found. */
  value: unknown;
  /** Indexes of each `[]` and keys of each `<name>` on the way, in order, e.g. `[0]` or `['title', 0]`. */
  trail: Array<number | string>;
  /** Keys bound by `<name>` segments, e.g. `{ field: 'title' }`. */
  bindings: Record<string, string>;
}

/**
 * Every value a field path reaches in a parsed body. Never throws: a path that does not fit the
 * body simply reaches nothing. `errors[]` over a non-array reaches the value itself, because
 * APIs often send one object where their docs promise a list.
 */
export function evaluateFieldPath(body: unknown, path: string): FieldPathMatch[] {
  let current: FieldPathMatch[] = [{ value: body, trail: [], bindings: {} }];
  for (const segment of path.split('.')) {
    const each = segment.endsWith('[]');
    const key = each ? segment.slice(0, -2) : segment;
    const next: FieldPathMatch[] = [];
    for (const match of current) {
      if (match.value === null || typeof match.value !== 'object') continue;
      if (key.startsWith('<')) {
        const name = key.slice(1, -1);
        for (const [mapKey, value] of Object.entries(match.value as Record<string, unknown>)) {
          next.push({ value, trail: [...match.trail, mapKey], bindings: { ...match.bindings, [name]: mapKey } });
        }
      } else if (Object.prototype.hasOwnProperty.call(match.value, key)) {
        next.push({ ...match, value: (match.value as Record<string, unknown>)[key] });
      }
    }
    current = each ? next.flatMap(spreadArray) : next;
    if (current.length === 0) break;
  }
  return current.filter((match) => match.value !== undefined);
}

function spreadArray(match: FieldPathMatch): FieldPathMatch[] {
  if (!Array.isArray(match.value)) return [match];
  return match.value.map((value, index) => ({ value, trail: [...match.trail, index], bindings: match.bindings }));
}
