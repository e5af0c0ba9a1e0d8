/** Catalog problems: what is wrong, where (file, line, field) and how to fix it, reported together. */

export interface CatalogProblem {
  /** File path relative to the working directory, e.g. `catalog/codes/gateway.yaml`. */
  file: string;
  /** 1-based line of the offending value, when known. */
  line?: number;
  /** Field path inside the file, e.g. `codes[3].status`; empty for the whole file. */
  field: string;
  /** What is wrong. */
  message: string;
  /** How to fix it, with an example. */
  fix: string;
}

/** Thrown when a catalog has problems; `problems` holds all of them, not just the first. */
export class CatalogError extends Error {
  readonly problems: CatalogProblem[];
  readonly warnings: CatalogProblem[];
  constructor(catalogDir: string, problems: CatalogProblem[], warnings: CatalogProblem[] = []) {
    super(formatProblems(catalogDir, problems) + (warnings.length ? `\n${formatWarnings(catalogDir, warnings)}` : ''));
    this.name = 'CatalogError';
    this.problems = problems;
    this.warnings = warnings;
  }
}

/** Where a value sits inside one file: its keys and list indexes, e.g. `['codes', 3, 'status']`. */
export type Path = ReadonlyArray<string | number>;

/** Formats a field path such as `['codes', 3, 'status']` as `codes[3].status`. */
export function formatFieldPath(path: Path): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

/** The report printed when a build fails: one block per problem, sorted by file and line. */
export function formatProblems(catalogDir: string, problems: CatalogProblem[]): string {
  return `The error catalog in ${catalogDir} has ${count(problems.length, 'problem')}; nothing was built.\n\n${blocks(problems)}`;
}

/** The report of files a build does not read: printed, and the build goes on. */
export function formatWarnings(catalogDir: string, warnings: CatalogProblem[]): string {
  return `The error catalog in ${catalogDir} has ${count(warnings.length, 'warning')} (files the build does not read; nothing of them reaches the site):\n\n${blocks(warnings)}`;
}

function count(number: number, noun: string): string {
  return `${number} ${noun}${number === 1 ? '' : 's'}`;
}

/** One block per problem, sorted by file and line: where (file:line  field), what, and the fix. */
function blocks(problems: CatalogProblem[]): string {
  const sorted = [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.field.localeCompare(b.field),
  );
  const lines = sorted.map((problem) => {
    const where = `${problem.file}${problem.line ? `:${problem.line}` : ''}`;
    const field = problem.field ? `  ${problem.field}` : '';
    return `  ${where}${field}\n    ${problem.message}\n    Fix: ${problem.fix}`;
  });
  return `${lines.join('\n\n')}\n`;
}
