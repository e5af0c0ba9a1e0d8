/**
 * The part of every import that is not about its source: open the catalog (or start a new one),
 * merge, let the build's validation judge the result, leave out each imported entry it refuses
 * (saying why), then write — or, with --dry-run, print the diff — and report what happened.
 */
import { existsSync, readdirSync } from 'node:fs';
import { CatalogChanges } from './catalog-changes';
import { inspectCatalog, type InspectedCatalog } from './catalog-folder';
import { ProblemsFound, report } from './edit-catalog';
import { InputError } from './errors';
import { CatalogMerger, type MergeInput, type MergeReport } from './merge-catalog';
import type { Terminal } from './terminal';

/** The catalog to import into: undefined when the folder is new or empty (a catalog is started). */
export function openImportTarget(dir: string, terminal: Terminal): InspectedCatalog | undefined {
  if (!existsSync(dir)) return undefined;
  let entries: string[];
  try {
    entries = readdirSync(dir).filter((name) => !name.startsWith('.'));
  } catch {
    throw new InputError(`${dir} is not a folder; pass the catalog folder with --catalog <dir>.`);
  }
  if (entries.length === 0) return undefined;
  const inspected = inspectCatalog(dir);
  if (!inspected.catalog)
    throw new ProblemsFound(
      report(
        dir,
        inspected.problems,
        terminal,
        'fix them first (error-catalog imports only into a catalog that passes check)',
      ),
    );
  return inspected;
}

export interface ImportOutcome {
  changes: CatalogChanges;
  report: MergeReport;
}

/** Merges `input` into the catalog at `dir`, leaving out what the build would refuse. */
export function mergeChecked(
  dir: string,
  inspected: InspectedCatalog | undefined,
  input: MergeInput,
  terminal: Terminal,
  describe: (key: string) => string,
): ImportOutcome {
  const skips = new Set<string>();
  const leftOut: string[] = [];
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const changes = new CatalogChanges(dir);
    const merger = new CatalogMerger(changes, inspected, skips);
    merger.merge(input);
    merger.finish();
    const problems = changes.size > 0 ? changes.problemsAfter() : [];
    if (problems.length === 0) {
      merger.report.leftOut.push(...leftOut);
      return { changes, report: merger.report };
    }
    const traced = merger.skipsFor(problems);
    if (!traced) throw new ProblemsFound(report(dir, problems, terminal, 'nothing was written'));
    for (const { key, problem } of traced) {
      if (skips.has(key)) continue;
      skips.add(key);
      leftOut.push(`${describe(key)}: ${problem.message} (${problem.fix})`);
    }
  }
  throw new Error('the import kept producing problems after leaving entries out');
}

/** The summary printed after an import (to stdout). */
export function printImportReport(
  outcome: ImportOutcome,
  { terminal, dryRun, heading }: { terminal: Terminal; dryRun: boolean; heading: string },
): void {
  const { bold, green, yellow, red, dim } = terminal.colours;
  const { changes, report: merged } = outcome;
  const lines: string[] = [heading];
  const list = (label: string, items: string[], colour: (text: string) => string) => {
    if (items.length === 0) return;
    lines.push(`  ${colour(label)} (${items.length}):`);
    for (const item of items) lines.push(`    ${item}`);
  };
  list(dryRun ? 'would add' : 'added', merged.added, green);
  list(dryRun ? 'would fill in' : 'filled in', merged.filled, green);
  list('conflicts, the catalog kept as written', merged.conflicts, yellow);
  list('left out', merged.leftOut, red);
  if (merged.kept.length)
    lines.push(
      `  ${dim(`already in the catalog: ${merged.kept.length} entr${merged.kept.length === 1 ? 'y' : 'ies'}`)}`,
    );
  if (changes.size === 0) lines.push(`  ${bold('Nothing to change')}: the catalog already holds everything imported.`);
  else if (dryRun)
    lines.push(
      `  ${bold('Dry run')}: nothing was written; ${changes.size} file${changes.size === 1 ? '' : 's'} would change (diff above).`,
    );
  else
    lines.push(
      `  Wrote ${changes.size} file${changes.size === 1 ? '' : 's'}: ${changes.paths().join(', ')}. The catalog passes check.`,
    );
  terminal.out(`${lines.join('\n')}\n`);
}
