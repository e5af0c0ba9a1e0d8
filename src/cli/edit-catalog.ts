/**
 * Steps every command that changes a catalog shares: refuse a catalog that does not pass `check`
 * (what is added could not be checked on its own), start new files the way the catalog's own
 * files start, check the changed catalog, and write it, or print what would change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblems, type CatalogProblem } from '../catalog/problems';
import type { CatalogChanges } from './catalog-changes';
import { inspectCatalog, requireCatalogFolder, type InspectedCatalog } from './catalog-folder';
import { EXIT } from './errors';
import type { Terminal } from './terminal';

/** Thrown to end a command with the problems found (exit 1); the message is the report. */
export class ProblemsFound extends Error {
  override name = 'ProblemsFound';
}

/** The catalog to change, which must exist and pass `check`. */
export function openSoundCatalog(
  dir: string,
  terminal: Terminal,
): InspectedCatalog & { catalog: NonNullable<InspectedCatalog['catalog']> } {
  requireCatalogFolder(dir, 'Pass the folder with --catalog <dir> (default: catalog).');
  const inspected = inspectCatalog(dir);
  if (!inspected.catalog) {
    throw new ProblemsFound(
      report(
        dir,
        inspected.problems,
        terminal,
        'fix them first (error-catalog changes only a catalog that passes check)',
      ),
    );
  }
  return inspected as InspectedCatalog & { catalog: NonNullable<InspectedCatalog['catalog']> };
}

/** The problem report, coloured for the terminal. */
export function report(dir: string, problems: CatalogProblem[], terminal: Terminal, consequence: string): string {
  const { cyan, green } = terminal.colours;
  return formatProblems(dir, problems, { consequence, style: { where: cyan, fix: green } });
}

/**
 * The first line of a new catalog file: the `# yaml-language-server: $schema=…` line the catalog's
 * other files start with, pointed at this file's schema; nothing when they have none.
 */
export function schemaLine(dir: string, schema: string): string {
  for (const folder of ['codes', 'ranges', 'statuses', 'envelopes', 'surfaces']) {
    let names: string[] = [];
    try {
      names = readdirSync(join(dir, folder)).filter((name) => /\.ya?ml$/.test(name));
    } catch {
      continue;
    }
    for (const name of names) {
      const first = readFileSync(join(dir, folder, name), 'utf8').split('\n', 1)[0] ?? '';
      if (/^# yaml-language-server: \$schema=.*\/[a-z]+\.schema\.json$/.test(first))
        return `${first.replace(/[a-z]+\.schema\.json$/, `${schema}.schema.json`)}\n`;
    }
  }
  return '';
}

/**
 * Checks the catalog with the changes applied; when sound, writes them (or, with `dryRun`, writes
 * nothing). Throws ProblemsFound with the build's report when the changes would break the catalog.
 */
export function checkAndWrite(
  changes: CatalogChanges,
  { dryRun, terminal }: { dryRun: boolean; terminal: Terminal },
): void {
  const problems = changes.problemsAfter();
  if (problems.length > 0) {
    throw new ProblemsFound(report(changes.dir, problems, terminal, 'nothing was written'));
  }
  if (!dryRun) changes.apply();
}

/** Runs a command body, turning ProblemsFound into its report and exit status 1. */
export async function withProblems(terminal: Terminal, body: () => Promise<number> | number): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof ProblemsFound) {
      terminal.out(error.message);
      return EXIT.problems;
    }
    throw error;
  }
}
