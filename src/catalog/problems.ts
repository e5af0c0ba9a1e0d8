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

/** Marks catalog errors, so that `instanceof` holds across copies of this module (see below). */
const CATALOG_ERROR = Symbol.for('error-catalog-site:catalog-error');

/** Thrown when a catalog has problems; `problems` holds all of them, not just the first. */
export class CatalogError extends Error {
  /**
   * The dev server loads this module twice (with the config, and for the pages), and a report made
   * by one copy reaches the other through the process-wide catalog registry (src/catalog/index.ts).
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && CATALOG_ERROR in value;
  }
  readonly [CATALOG_ERROR] = true;
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

/** How a report marks its parts; the CLI colours them on a terminal. Plain text by default. */
export interface ProblemStyle {
  /** The `file:line  field` line of a problem. */
  where(text: string): string;
  /** The `Fix:` label. */
  fix(text: string): string;
}

const PLAIN: ProblemStyle = { where: (text) => text, fix: (text) => text };

/**
 * The report printed when a build (or `error-catalog check`) fails: one block per problem, sorted
 * by file and line. `consequence` ends the first sentence ("nothing was built"; empty for none).
 */
export function formatProblems(
  catalogDir: string,
  problems: CatalogProblem[],
  { consequence = 'nothing was built', style = PLAIN }: { consequence?: string; style?: ProblemStyle } = {},
): string {
  const ending = consequence ? `; ${consequence}` : '';
  return `The error catalog in ${catalogDir} has ${count(problems.length, 'problem')}${ending}.\n\n${blocks(problems, style)}`;
}

/** The report of files a build does not read: printed, and the build (or the check) goes on. */
export function formatWarnings(
  catalogDir: string,
  warnings: CatalogProblem[],
  { style = PLAIN }: { style?: ProblemStyle } = {},
): string {
  return `The error catalog in ${catalogDir} has ${count(warnings.length, 'warning')} (files the build does not read; nothing of them reaches the site):\n\n${blocks(warnings, style)}`;
}

/** Problems in report order: by file, then line, then field. */
export function sortProblems(problems: readonly CatalogProblem[]): CatalogProblem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.field.localeCompare(b.field),
  );
}

function count(number: number, noun: string): string {
  return `${number} ${noun}${number === 1 ? '' : 's'}`;
}

/** One block per problem, sorted by file and line: where (file:line  field), what, and the fix. */
function blocks(problems: CatalogProblem[], style: ProblemStyle): string {
  const lines = sortProblems(problems).map((problem) => {
    const where = `${problem.file}${problem.line ? `:${problem.line}` : ''}`;
    const field = problem.field ? `  ${problem.field}` : '';
    return `  ${style.where(`${where}${field}`)}\n    ${problem.message}\n    ${style.fix('Fix:')} ${problem.fix}`;
  });
  return `${lines.join('\n\n')}\n`;
}
