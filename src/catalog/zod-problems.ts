/**
 * Turns zod issues into catalog problems that say what is wrong with the value actually written
 * and how to fix it, with "did you mean" for misspelt field names and enum values.
 */
import { z } from 'astro/zod';
import { formatFieldPath, type CatalogProblem, type Path } from './problems';
import type { SourceFile } from './read-catalog';
import { misplacedKey } from './misplaced-keys';
import { closest, suggestName } from './suggest';

/**
 * All issues of one file as problems. A misspelt field is reported once, as "unknown field …,
 * rename it", not a second time as the required field it was meant to be.
 */
export function zodIssuesToProblems(
  issues: readonly z.ZodIssue[],
  source: SourceFile,
  schema: z.ZodTypeAny,
): CatalogProblem[] {
  const renamedTo = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== z.ZodIssueCode.unrecognized_keys) continue;
    const allowed = allowedKeys(schema, issue.path);
    for (const key of issue.keys) {
      const near = closest(key, allowed);
      if (near) renamedTo.add(formatFieldPath([...issue.path, near]));
    }
  }
  const problems: CatalogProblem[] = [];
  for (const issue of issues) {
    const missing = issue.code === z.ZodIssueCode.invalid_type && issue.received === 'undefined';
    if (missing && renamedTo.has(formatFieldPath(issue.path))) continue;
    problems.push(...zodIssueToProblems(issue, source, schema));
  }
  return problems;
}

/** One zod issue as one or more problems (one per unknown key), located in its file. */
export function zodIssueToProblems(issue: z.ZodIssue, source: SourceFile, schema: z.ZodTypeAny): CatalogProblem[] {
  const at = (path: Path) => ({ file: source.file, line: source.lineOf(path), field: formatFieldPath(path) });
  const base = at(issue.path);
  const name = fieldName(issue.path);
  const value = source.valueAt(issue.path);
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === 'undefined') {
        return [
          {
            ...base,
            message: `the required field "${name}" is missing`,
            fix: `add ${name}: ${placeholderFor(issue.expected)} to this ${issue.path.length > 1 ? 'entry' : 'file'}`,
          },
        ];
      }
      return [
        {
          ...base,
          message: `${name} must be ${article(issue.expected)}, but it is ${describe(value)}`,
          fix: isCustom(issue.message)
            ? issue.message.replace(/^must be /, 'write ')
            : `write ${article(issue.expected)} here, e.g. ${name}: ${placeholderFor(issue.expected)}`,
        },
      ];
    case z.ZodIssueCode.unrecognized_keys: {
      const allowed = allowedKeys(schema, issue.path);
      const covered = new Set<string>();
      const problems: CatalogProblem[] = [];
      for (const key of issue.keys) {
        if (covered.has(key)) continue;
        const owners = allowed.filter((field) => allowedKeys(schema, [...issue.path, field]).includes(key));
        const misplaced = misplacedKey(source, issue.path, key, owners);
        if (misplaced) {
          misplaced.alsoCovers.forEach((other) => covered.add(other));
          problems.push({
            ...at([...issue.path, misplaced.field ?? key]),
            message: misplaced.message,
            fix: misplaced.fix,
          });
          continue;
        }
        const near = closest(key, allowed);
        const alreadySet = near !== undefined && source.valueAt([...issue.path, near]) !== undefined;
        problems.push({
          ...at([...issue.path, key]),
          message: near ? `unknown field "${key}" (did you mean "${near}"?)` : `unknown field "${key}"`,
          fix:
            near && !alreadySet
              ? `rename "${key}" to "${near}"`
              : `remove "${key}"${allowed.length ? `; the fields allowed here are ${allowed.join(', ')}` : ''}`,
        });
      }
      return problems;
    }
    case z.ZodIssueCode.invalid_enum_value:
      return [
        {
          ...base,
          message: `"${String(issue.received)}" is not an allowed value of ${name}`,
          fix: suggestName(String(issue.received), issue.options.map(String), 'allowed values'),
        },
      ];
    case z.ZodIssueCode.invalid_union:
      return unionProblems(issue, source, schema, base, name, value);
    case z.ZodIssueCode.too_small:
    case z.ZodIssueCode.too_big: {
      if (isCustom(issue.message)) {
        const [what, fix] = splitFix(issue.message);
        return [{ ...base, message: what, fix }];
      }
      const small = issue.code === z.ZodIssueCode.too_small;
      if (issue.type === 'string' && small)
        return [{ ...base, message: `${name} is empty`, fix: `write some text, or remove ${name}: if it is optional` }];
      const bound = String(small ? issue.minimum : issue.maximum);
      if (issue.type === 'array')
        return [
          {
            ...base,
            message: `${name} needs ${small ? 'at least' : 'at most'} ${bound} item(s)`,
            fix: small ? `add items to ${name}` : `remove items from ${name}`,
          },
        ];
      return [
        {
          ...base,
          message: `${name} is ${describe(value)}, ${small ? 'below the minimum' : 'above the maximum'} of ${bound}`,
          fix: `write a value ${small ? 'of at least' : 'of at most'} ${bound}`,
        },
      ];
    }
    default: {
      const [what, fix] = splitFix(issue.message);
      if (/^(must|a |an )/.test(what) && value !== undefined && typeof value !== 'object') {
        return [{ ...base, message: `${describe(value)} is not valid for ${name}: ${what}`, fix }];
      }
      return [{ ...base, message: what, fix }];
    }
  }
}

/**
 * A union failed. When one alternative got past the type check and failed deeper (a list with a
 * bad item), its issues say more; otherwise the value has none of the accepted types.
 */
function unionProblems(
  issue: z.ZodInvalidUnionIssue,
  source: SourceFile,
  schema: z.ZodTypeAny,
  base: Omit<CatalogProblem, 'message' | 'fix'>,
  name: string,
  value: unknown,
): CatalogProblem[] {
  const depth = issue.path.length;
  const deeper = issue.unionErrors.find((error) =>
    error.issues.every((inner) => inner.path.length > depth || inner.code !== z.ZodIssueCode.invalid_type),
  );
  if (deeper) return zodIssuesToProblems(deeper.issues, source, schema);
  const expected = [
    ...new Set(
      issue.unionErrors.flatMap((error) =>
        error.issues.flatMap((inner) => (inner.code === z.ZodIssueCode.invalid_type ? [inner.expected] : [])),
      ),
    ),
  ];
  const what = expected.length ? expected.map(article).join(' or ') : 'another type';
  const example = /^(code|replacedBy|related|formerly)$/.test(name)
    ? 'e.g. 7100 or "not_found"'
    : `e.g. ${name}: ${placeholderFor(expected[0] ?? 'string')}`;
  return [
    { ...base, message: `${name} must be ${what}, but it is ${describe(value)}`, fix: `write ${what}, ${example}` },
  ];
}

/** Zod's own messages start with a capital ("Expected…", "String must…"); ours do not. */
function isCustom(message: string): boolean {
  return !/^(Required|Expected|Invalid|String must|Array must|Number must|Too (small|big))/.test(message);
}

/** Custom messages are written "what is wrong; how to fix" or "what…, e.g. example". */
function splitFix(message: string): [string, string] {
  const at = message.indexOf('; ');
  if (at > 0) return [message.slice(0, at), message.slice(at + 2)];
  const example = message.indexOf('e.g.');
  return [
    message,
    example >= 0 ? `write it like this: ${message.slice(example + 5)}` : 'correct the value as described',
  ];
}

/** The key a path ends in: `status` for `codes[3].status`, `related` for `codes[3].related[1]`. */
function fieldName(path: Path): string {
  for (let index = path.length - 1; index >= 0; index -= 1)
    if (typeof path[index] === 'string') return String(path[index]);
  return 'the file';
}

function article(type: string): string {
  const words: Record<string, string> = {
    string: 'a text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping of fields',
    null: 'empty',
  };
  return words[type] ?? `a ${type}`;
}

function placeholderFor(type: string): string {
  const examples: Record<string, string> = {
    string: '<text>',
    number: '<number>',
    integer: '<number>',
    boolean: 'true',
    array: '[ … ]',
    object: '(indented fields below it)',
  };
  return examples[type] ?? `<${type}>`;
}

/** A written value, as an author would recognise it. */
function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty (null)';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number' || typeof value === 'boolean')
    return `${typeof value === 'number' ? 'the number' : ''} ${String(value)}`.trim();
  if (Array.isArray(value)) return `a list of ${value.length} item(s)`;
  return 'a mapping of fields';
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
export function allowedKeys(schema: z.ZodTypeAny, path: Path): string[] {
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
