/** Turns zod issues into catalog problems that say how to fix them, with "did you mean" for typos. */
import { z } from 'astro/zod';
import { formatFieldPath, type CatalogProblem } from './problems';
import type { SourceFile } from './read-catalog';

/** One zod issue, located in its file, with a fix an author can follow. */
export function zodIssueToProblem(issue: z.ZodIssue, source: SourceFile, schema: z.ZodTypeAny): CatalogProblem {
  const field = formatFieldPath(issue.path);
  const line = source.lineOf(issue.path);
  const base = { file: source.file, line, field };
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === 'undefined') {
        return { ...base, message: `the required field "${String(last)}" is missing`, fix: `add ${String(last)}: with a ${issue.expected} value` };
      }
      return {
        ...base,
        message: `expected ${issue.expected}, got ${issue.received}`,
        fix: issue.message.startsWith('must') ? issue.message : `write a ${issue.expected} value here`,
      };
    case z.ZodIssueCode.unrecognized_keys: {
      const allowed = allowedKeys(schema, issue.path);
      const hints = issue.keys.map((key) => {
        const near = closest(key, allowed);
        return near ? `rename "${key}" to "${near}"` : `remove "${key}"`;
      });
      return {
        ...base,
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
        fix: `${hints.join('; ')}${allowed.length ? ` (allowed here: ${allowed.join(', ')})` : ''}`,
      };
    }
    case z.ZodIssueCode.invalid_enum_value:
      return {
        ...base,
        message: `"${String(issue.received)}" is not an allowed value`,
        fix: `use one of: ${issue.options.map(String).join(', ')}`,
      };
    case z.ZodIssueCode.too_small:
      return { ...base, message: issue.message, fix: issue.type === 'array' ? `add at least ${String(issue.minimum)} item(s)` : 'give a longer or larger value' };
    case z.ZodIssueCode.invalid_union:
      return { ...base, message: 'this value has the wrong type', fix: 'write a number such as 7100 or a text such as "not_found"' };
    default: {
      const [what, fix] = splitFix(issue.message);
      return { ...base, message: what, fix };
    }
  }
}

/** Custom messages are written "what is wrong; how to fix" or "what…, e.g. example". */
function splitFix(message: string): [string, string] {
  const at = message.indexOf('; ');
  if (at > 0) return [message.slice(0, at), message.slice(at + 2)];
  return [message, message.includes('e.g.') ? message.slice(message.indexOf('e.g.')) : 'correct the value as described'];
}

function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodEffects) current = current.innerType();
    else if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap();
    else if (current instanceof z.ZodDefault) current = current.removeDefault();
    else return current;
  }
}

/** Keys allowed by the object schema found at `path` inside `schema`. */
export function allowedKeys(schema: z.ZodTypeAny, path: ReadonlyArray<string | number>): string[] {
  let current = unwrap(schema);
  for (const part of path) {
    if (current instanceof z.ZodArray) current = unwrap(current.element);
    else if (current instanceof z.ZodRecord) current = unwrap(current.valueSchema);
    else if (current instanceof z.ZodObject) {
      const next = (current.shape as Record<string, z.ZodTypeAny>)[String(part)];
      if (!next) return [];
      current = unwrap(next);
    } else return [];
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape as object) : [];
}

function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const temp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = temp;
    }
  }
  return row[b.length]!;
}
