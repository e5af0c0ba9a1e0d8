/**
 * `error-catalog diff <old> <new>`: what changed between two versions of a catalog (folders or
 * `git:<ref>`), field by field, and which changes break clients (BREAKING_RULES). Exit 1 when one
 * does, unless --allow-breaking; 2 when a side cannot be read or the two are different APIs.
 */
import { Option, type Command } from 'commander';
import { BREAKING_RULES } from '../changes/breaking-rules';
import {
  CONCEPTS,
  diffCatalogs,
  type CatalogDiff,
  type ChangeKind,
  type Concept,
  type EntryChange,
} from '../changes/diff-catalogs';
import type { Catalog } from '../catalog/model';
import { folderOf, loadSide } from './catalog-side';
import { createCommand, withExamples, type CommandContext } from './command';
import { checkAndWrite, withProblems } from './edit-catalog';
import { EXIT, InputError, UsageError } from './errors';
import { catalogForAudience } from '../catalog/audience';
import { throughExport } from '../publishing/catalog-from-export';
import { RECORDED_CONCEPTS, recordHistory, type RecordOutcome } from './record-history';
import type { Colours } from './terminal';

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
type DiffFormat = (typeof DIFF_FORMATS)[number];

interface DiffOptions {
  format: DiffFormat;
  allowBreaking?: boolean;
  record?: boolean;
  release?: string;
}

export function diffCommand(context: CommandContext): Command {
  const command = createCommand('diff', context)
    .description('list what changed between two versions of a catalog, and the changes that break clients')
    .argument(
      '<old>',
      'the old catalog: a folder, a catalog.json written by a build, or git:<ref> (the catalog folder at that commit)',
    )
    .argument('<new>', 'the new catalog: a folder, a catalog.json, or git:<ref>')
    .addOption(
      new Option('-f, --format <format>', 'how to print the changes').choices([...DIFF_FORMATS]).default('text'),
    )
    .option('--allow-breaking', 'exit 0 even when a change breaks clients (they are still listed)')
    .option(
      '--record',
      "write the changes into the new side's history: since on added codes, statuses, envelopes, ranges, messages and operations, a changes entry on the others",
    )
    .option(
      '--release <version>',
      "the version --record writes (default: the new side's api.yaml version, else today's date)",
    )
    .action(async (old: string, next: string, options: DiffOptions) => {
      context.exit(await withProblems(context.terminal, () => runDiff(old, next, options, context)));
    });
  return withExamples(command, [
    ['error-catalog diff git:main catalog', 'what this branch changes in ./catalog, against main'],
    ['error-catalog diff git:v1.2.0 git:v1.3.0:docs/errors', 'two tagged versions of the catalog in docs/errors'],
    ['error-catalog diff old-catalog catalog --format markdown', 'a pull-request comment'],
    ['error-catalog diff git:main catalog --allow-breaking', 'list breaking changes without failing'],
    [
      'error-catalog diff git:v1.2.0 catalog --record --release 1.3.0',
      "write the changes into ./catalog's entries (their history)",
    ],
  ]);
}

function runDiff(oldSide: string, newSide: string, options: DiffOptions, { terminal }: CommandContext): number {
  if (options.record && !folderOf(newSide))
    throw new UsageError(`--record writes into the new side, so it must be a catalog folder, not ${newSide}.`);
  // A git side reads the folder the other side names, else ./catalog.
  const folder = folderOf(newSide) ?? folderOf(oldSide) ?? 'catalog';
  let before = loadSide(oldSide, folder, terminal.cwd);
  let after = loadSide(newSide, folder, terminal.cwd);
  // --record writes into the folder's own model (its files and lines), whatever the diff compared.
  const newModel = after.catalog;
  // A built catalog.json holds less than a folder: the other side is compared as its export would be.
  // A public site's export has no internal fields: the folder is then compared as the public site.
  if (before.fromExport !== after.fromExport) {
    const exported = before.fromExport ? before.catalog : after.catalog;
    const audience = exported.api.support ? 'internal' : 'public';
    if (!before.fromExport)
      before = { ...before, catalog: throughExport(catalogForAudience(before.catalog, audience)) };
    if (!after.fromExport) after = { ...after, catalog: throughExport(catalogForAudience(after.catalog, audience)) };
  }
  requireSameApi(before.catalog, after.catalog, oldSide, newSide);
  const diff = diffCatalogs(before.catalog, after.catalog);
  const breaking = diff.changes.some((change) => change.breaking.length > 0);
  const sides = { old: oldSide, new: newSide, allowBreaking: Boolean(options.allowBreaking) };
  let recorded: { version: string; since: string[]; entries: string[]; files: string[] } | undefined;
  let counts: { since: string; entries: string } | undefined;
  if (options.record) {
    const folder = folderOf(newSide)!;
    const version = options.release ?? after.catalog.api.version ?? new Date().toISOString().slice(0, 10);
    const outcome = recordHistory(folder, newModel, diff, version);
    checkAndWrite(outcome.changes, { dryRun: false, terminal });
    // Codes by their key (`shop:1003`), other entries by concept and key (`status 404`).
    const named = (list: RecordOutcome['since']) =>
      list.map(({ concept, key }) => (concept === 'code' ? key : `${concept} ${key}`));
    recorded = {
      version,
      since: named(outcome.since),
      entries: named(outcome.entries),
      files: outcome.changes.paths(),
    };
    counts = { since: countWords(outcome.since), entries: countWords(outcome.entries) };
  }
  if (options.format === 'json') terminal.out(jsonReport(diff, sides, recorded));
  else {
    terminal.out(
      options.format === 'markdown' ? markdownReport(diff, sides) : textReport(diff, sides, terminal.colours),
    );
    if (recorded && counts)
      terminal.out(
        `Recorded version ${recorded.version}: since on ${counts.since.replace(/^(\d+) /, '$1 added ')}, ` +
          `a changes entry on ${counts.entries}` +
          `${recorded.files.length ? ` (${recorded.files.join(', ')})` : ''}.\n`,
      );
  }
  return breaking && !options.allowBreaking ? EXIT.problems : EXIT.ok;
}

const CONCEPT_NOUNS: Record<RecordOutcome['since'][number]['concept'], [string, string]> = {
  code: ['code', 'codes'],
  status: ['status', 'statuses'],
  envelope: ['envelope', 'envelopes'],
  range: ['range', 'ranges'],
  message: ['message', 'messages'],
  operation: ['operation', 'operations'],
};

/** `2 codes and 1 status`; `0 codes` when nothing was recorded. */
function countWords(list: RecordOutcome['since']): string {
  if (list.length === 0) return '0 codes';
  const counts = new Map<RecordOutcome['since'][number]['concept'], number>();
  for (const { concept } of list) counts.set(concept, (counts.get(concept) ?? 0) + 1);
  const parts = RECORDED_CONCEPTS.filter((concept) => counts.has(concept)).map(
    (concept) => `${counts.get(concept)} ${CONCEPT_NOUNS[concept][counts.get(concept) === 1 ? 0 : 1]}`,
  );
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Two catalogs of different APIs (another name and not one code in common) cannot be compared. */
function requireSameApi(before: Catalog, after: Catalog, oldSide: string, newSide: string): void {
  if (before.api.name === after.api.name) return;
  const oldKeys = new Set(before.codes.map((code) => code.key));
  if (after.codes.some((code) => oldKeys.has(code.key))) return;
  throw new InputError(
    `${oldSide} is the catalog of "${before.api.name}" and ${newSide} of "${after.api.name}", with no code in common: ` +
      'they are two different APIs, so a diff would only list every code as removed and added. Compare two versions of the same catalog.',
  );
}

interface Sides {
  old: string;
  new: string;
  allowBreaking: boolean;
}

const CONCEPT_TITLES: Record<Concept, string> = {
  api: 'API',
  surface: 'Surfaces',
  envelope: 'Envelopes',
  status: 'Statuses',
  range: 'Ranges',
  code: 'Codes',
  message: 'Messages',
  header: 'Headers',
  operation: 'Operations',
};

const KINDS: ChangeKind[] = ['added', 'changed', 'deprecated', 'undeprecated', 'removed'];
const KIND_WORDS: Record<ChangeKind, string> = {
  added: 'added',
  changed: 'changed',
  deprecated: 'deprecated',
  undeprecated: 'un-deprecated',
  removed: 'removed',
};

/** `3 added, 4 changed, 1 deprecated, 1 removed`, or `no changes`. */
export function summaryLine(diff: CatalogDiff): string {
  const parts = KINDS.map((kind) => [kind, diff.changes.filter((change) => change.kind === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${KIND_WORDS[kind]}`);
  return parts.length ? parts.join(', ') : 'no changes';
}

function breakingCount(diff: CatalogDiff): number {
  return diff.changes.reduce((sum, change) => sum + change.breaking.length, 0);
}

function versionLine(diff: CatalogDiff): string {
  const { old, new: next } = diff.versions;
  if (!old && !next) return '';
  return ` (version ${old ?? 'unset'} → ${next ?? 'unset'})`;
}

/** A value in words: strings quoted (long ones cut), lists and objects as compact JSON. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 100 ? `${value.slice(0, 97)}…` : value);
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 120 ? `${json.slice(0, 117)}…` : json;
}

/** One field change in words: `status: 404 → 410`, `retry: added {…}`, `tags: removed (was ["x"])`. */
export function fieldWords(field: { field: string; before?: unknown; after?: unknown }): string {
  if (field.before === undefined) return `${field.field}: added ${showValue(field.after)}`;
  if (field.after === undefined) return `${field.field}: removed (was ${showValue(field.before)})`;
  return `${field.field}: ${showValue(field.before)} → ${showValue(field.after)}`;
}

function grouped(diff: CatalogDiff): Array<[Concept, EntryChange[]]> {
  return CONCEPTS.map(
    (concept) => [concept, diff.changes.filter((change) => change.concept === concept)] as [Concept, EntryChange[]],
  ).filter(([, changes]) => changes.length > 0);
}

const MARKS: Record<ChangeKind, string> = {
  added: '+',
  removed: '-',
  changed: '~',
  deprecated: '!',
  undeprecated: '~',
};

function textReport(diff: CatalogDiff, sides: Sides, colours: Colours): string {
  const lines = [`${colours.bold(`${sides.old} → ${sides.new}`)}${versionLine(diff)}: ${summaryLine(diff)}`];
  for (const [concept, changes] of grouped(diff)) {
    lines.push('', colours.bold(CONCEPT_TITLES[concept]));
    for (const change of changes) {
      const colour = change.kind === 'added' ? colours.green : change.kind === 'removed' ? colours.red : colours.yellow;
      const former = change.formerKey ? ` (was ${change.formerKey})` : '';
      lines.push(`  ${colour(`${MARKS[change.kind]} ${KIND_WORDS[change.kind]}`)} ${change.label}${former}`);
      for (const field of change.fields) lines.push(`      ${fieldWords(field)}`);
      for (const finding of change.breaking)
        lines.push(`      ${colours.red(`✖ breaking [${finding.rule}]`)} ${finding.message}`);
    }
  }
  const count = breakingCount(diff);
  lines.push('');
  if (count === 0) lines.push(`${colours.green('✔')} no breaking change`);
  else
    lines.push(
      `${colours.red('✖')} ${count} breaking change${count === 1 ? '' : 's'} (${rulesOf(diff).join(', ')})` +
        (sides.allowBreaking
          ? '; allowed by --allow-breaking'
          : '; exit 1. Fix them, or pass --allow-breaking when they are intended (announce them to clients)'),
    );
  return `${lines.join('\n')}\n`;
}

function rulesOf(diff: CatalogDiff): string[] {
  return [...new Set(diff.changes.flatMap((change) => change.breaking.map((finding) => finding.rule)))];
}

/** Markdown for a pull-request comment: breaking changes first, then each concept's changes. */
function markdownReport(diff: CatalogDiff, sides: Sides): string {
  const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
  const escape = (text: string) => text.replace(/[\\*_[\]<>|]/g, (char) => `\\${char}`);
  const count = breakingCount(diff);
  const lines = [
    '### Error catalog changes',
    '',
    `${code(sides.old)} → ${code(sides.new)}${versionLine(diff)}: ${summaryLine(diff)}.`,
    '',
  ];
  if (count > 0) {
    lines.push(`#### ⚠️ ${count} breaking change${count === 1 ? '' : 's'}`, '');
    for (const change of diff.changes)
      for (const finding of change.breaking) lines.push(`- ${code(finding.rule)} ${escape(finding.message)}`);
    lines.push('');
  } else lines.push('No breaking change.', '');
  for (const [concept, changes] of grouped(diff)) {
    lines.push(`#### ${CONCEPT_TITLES[concept]}`, '');
    for (const change of changes) {
      const former = change.formerKey ? ` (was ${code(change.formerKey)})` : '';
      lines.push(`- **${KIND_WORDS[change.kind]}** ${code(change.label)}${former}`);
      for (const field of change.fields) lines.push(`  - ${code(fieldWords(field))}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function jsonReport(diff: CatalogDiff, sides: Sides, recorded?: object): string {
  const body = {
    old: sides.old,
    new: sides.new,
    versions: { old: diff.versions.old ?? null, new: diff.versions.new ?? null },
    summary: Object.fromEntries(
      KINDS.map((kind) => [kind, diff.changes.filter((change) => change.kind === kind).length]),
    ),
    breaking: breakingCount(diff),
    rules: Object.fromEntries(rulesOf(diff).map((rule) => [rule, BREAKING_RULES[rule as keyof typeof BREAKING_RULES]])),
    changes: diff.changes,
    ...(recorded ? { recorded } : {}),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
