/**
 * `error-catalog coverage --observed <log>`: which codes a running API sent that the catalog does
 * not document, which documented codes never appear, and which came with another status. The log
 * is streamed (JSON lines read with --path, or plain lines with a --pattern); only one count per
 * distinct code is kept, so a log of any size fits in memory.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { evaluateFieldPath, fieldPathProblem } from '../schemas/field-path-grammar';
import { coverageOf, ObservedCodes, type CoverageReport } from '../changes/coverage';
import { loadSide } from './catalog-side';
import { createCommand, withExamples, type CommandContext } from './command';
import { EXIT, InputError, UsageError } from './errors';
import { forEachLine } from './read-lines';
import type { Colours } from './terminal';

const FAIL_ON = ['undocumented', 'never', 'mismatch'] as const;
type FailOn = (typeof FAIL_ON)[number];
const FORMATS = ['text', 'markdown', 'json'] as const;
type CoverageFormat = (typeof FORMATS)[number];

interface CoverageOptions {
  observed: string;
  catalog: string;
  path?: string;
  statusPath?: string;
  pattern?: string;
  space?: string;
  failOn: FailOn[];
  maxLine: number;
  format: CoverageFormat;
}

function parseFailOn(value: string): FailOn[] {
  const kinds = value
    .split(',')
    .map((kind) => kind.trim())
    .filter(Boolean);
  if (kinds.length === 1 && kinds[0] === 'none') return [];
  const wrong = kinds.filter((kind) => !(FAIL_ON as readonly string[]).includes(kind));
  if (wrong.length > 0 || kinds.length === 0)
    throw new InvalidArgumentError(`write one or more of ${FAIL_ON.join(', ')} separated by commas, or none.`);
  return kinds as FailOn[];
}

function parseMegabytes(value: string): number {
  const megabytes = Number(value);
  if (!Number.isFinite(megabytes) || megabytes <= 0) throw new InvalidArgumentError('write a size in MB, e.g. 4.');
  return Math.round(megabytes * 1024 * 1024);
}

export function coverageCommand(context: CommandContext): Command {
  const command = createCommand('coverage', context)
    .description('compare the codes a running API sent (a log) with the catalog')
    .requiredOption('--observed <file>', 'the log: JSON lines (with --path) or plain text lines (with --pattern)')
    .option('-C, --catalog <dir>', 'the catalog folder', 'catalog')
    .option('--path <field-path>', 'where the code is in each JSON line, e.g. error.code or errors[].code')
    .option('--status-path <field-path>', 'where the HTTP status is in each JSON line, e.g. status or http.status_code')
    .option(
      '--pattern <regex>',
      'a regular expression finding the code in a plain line: group "code" (or the first group), optional group "status"',
    )
    .option('--space <id>', 'compare with the codes of one code space only')
    .addOption(
      new Option('--fail-on <kinds>', 'exit 1 when any of these appear: undocumented, never, mismatch (or none)')
        .argParser(parseFailOn)
        .default(['undocumented'], 'undocumented'),
    )
    .addOption(
      new Option('--max-line <MB>', 'longest line accepted').argParser(parseMegabytes).default(1024 * 1024, '1'),
    )
    .addOption(new Option('-f, --format <format>', 'how to print the report').choices([...FORMATS]).default('text'))
    .action(async (options: CoverageOptions) => {
      context.exit(await runCoverage(options, context));
    });
  return withExamples(command, [
    ['error-catalog coverage --observed app.jsonl --path error.code --status-path status', 'JSON lines'],
    [
      `error-catalog coverage --observed access.log --pattern 'status=(?<status>\\d{3}) code=(?<code>\\w+)'`,
      'plain log lines',
    ],
    ['error-catalog coverage --observed app.jsonl --path code --fail-on undocumented,mismatch', 'fail CI on either'],
  ]);
}

async function runCoverage(options: CoverageOptions, { terminal }: CommandContext): Promise<number> {
  const read = lineReader(options);
  const catalog = loadSide(options.catalog, options.catalog, terminal.cwd).catalog;
  if (options.space && !catalog.codeSpaces.some((space) => space.id === options.space))
    throw new UsageError(
      `--space ${options.space}: the catalog has no such code space (code spaces: ${catalog.codeSpaces.map((space) => space.id).join(', ')}).`,
    );
  const observed = new ObservedCodes();
  const counts = { json: 0, matched: 0 };
  const started = performance.now();
  const reading = await forEachLine(options.observed, options.maxLine, (text) => read(text, observed, counts));
  const seconds = (performance.now() - started) / 1000;
  if (options.path && reading.lines > 0 && counts.json === 0)
    throw new InputError(
      `No line of ${options.observed} is a JSON object, so --path ${options.path} found nothing; for plain log lines, use --pattern instead.`,
    );
  const report = coverageOf(catalog, observed, options.space);
  const failing = options.failOn.filter((kind) => report[kind].length > 0);
  const facts = {
    file: options.observed,
    mode: (options.path ? 'json' : 'pattern') as Facts['mode'],
    lines: reading.lines,
    bytes: reading.bytes,
    seconds,
    counts,
    occurrences: observed.total,
  };
  if (options.format === 'json')
    terminal.out(`${JSON.stringify({ ...facts, ...report, failOn: options.failOn, failing }, null, 2)}\n`);
  else if (options.format === 'markdown') terminal.out(markdownReport(report, facts, failing));
  else terminal.out(textReport(report, facts, options.failOn, failing, terminal.colours));
  return failing.length > 0 ? EXIT.problems : EXIT.ok;
}

type Reader = (text: string, observed: ObservedCodes, counts: { json: number; matched: number }) => void;

/** How each line is read: JSON with field paths, or a regular expression. */
function lineReader(options: CoverageOptions): Reader {
  if (Boolean(options.path) === Boolean(options.pattern))
    throw new UsageError(
      options.path
        ? 'give --path (JSON lines) or --pattern (plain lines), not both.'
        : 'say where the code is: --path error.code for JSON lines, or --pattern "code=(\\w+)" for plain lines.',
    );
  if (options.statusPath && !options.path)
    throw new UsageError('--status-path reads JSON lines; with --pattern, capture the status in a group named status.');
  if (options.path) {
    const codePath = options.path;
    for (const [option, path] of [
      ['--path', codePath],
      ['--status-path', options.statusPath],
    ] as const) {
      const problem = path === undefined ? undefined : fieldPathProblem(path);
      if (problem) throw new UsageError(`${option}: ${problem}.`);
    }
    const statusPath = options.statusPath;
    return (text, observed, counts) => {
      const first = text.trimStart()[0];
      if (first !== '{') return;
      let entry: unknown;
      try {
        entry = JSON.parse(text);
      } catch {
        return;
      }
      counts.json += 1;
      const status = statusPath ? statusOf(evaluateFieldPath(entry, statusPath)[0]?.value) : undefined;
      for (const { value } of evaluateFieldPath(entry, codePath)) {
        if (typeof value !== 'string' && typeof value !== 'number') continue;
        counts.matched += 1;
        observed.add(String(value).trim(), status);
      }
    };
  }
  let pattern: RegExp;
  try {
    pattern = new RegExp(options.pattern!);
  } catch (error) {
    throw new UsageError(`--pattern is not a valid regular expression: ${(error as Error).message}.`);
  }
  return (text, observed, counts) => {
    const match = pattern.exec(text);
    if (!match) return;
    const code = match.groups?.['code'] ?? match[1] ?? match[0];
    if (!code) return;
    counts.matched += 1;
    observed.add(code.trim(), statusOf(match.groups?.['status']));
  };
}

function statusOf(value: unknown): number | undefined {
  const status = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(status) && status >= 100 && status <= 599 ? status : undefined;
}

interface Facts {
  file: string;
  /** Lines that were JSON (with --path), and codes found. */
  counts: { json: number; matched: number };
  /** The way lines are read: 'json' or 'pattern'. */
  mode: 'json' | 'pattern';
  lines: number;
  bytes: number;
  seconds: number;
  occurrences: number;
}

const number = (n: number) => n.toLocaleString('en');
/** Entries listed per section in text and markdown; JSON lists every one. */
const LISTED = 50;
const more = (total: number) =>
  total > LISTED ? [`  … and ${number(total - LISTED)} more (--format json lists every one)`] : [];
const plural = (n: number, word: string) => `${number(n)} ${word}${n === 1 ? '' : 's'}`;

function rangeWords(range: CoverageReport['undocumented'][number]['range']): string {
  if (!range) return 'in no range';
  return `in range ${range.codeSpace} ${range.slug} (${range.name}${range.state === 'active' ? '' : `, ${range.state}`})`;
}

function headline(report: CoverageReport, facts: Facts): string {
  const skipped = facts.mode === 'json' ? facts.lines - facts.counts.json : 0;
  return (
    `${facts.file}: ${plural(facts.lines, 'line')}${skipped ? ` (${number(skipped)} not JSON, skipped)` : ''}, ${plural(facts.occurrences, 'code')} seen; ` +
    `${number(report.seenDocumented)} of ${plural(report.documented, 'documented code')} seen`
  );
}

function textReport(
  report: CoverageReport,
  facts: Facts,
  failOn: FailOn[],
  failing: FailOn[],
  colours: Colours,
): string {
  const lines = [headline(report, facts)];
  const section = (title: string, kind: FailOn, count: number) => {
    const mark =
      failOn.includes(kind) && count > 0 ? colours.red('✖') : count > 0 ? colours.yellow('!') : colours.green('✔');
    lines.push('', `${mark} ${colours.bold(title)} (${number(count)})`);
  };
  section('Undocumented codes', 'undocumented', report.undocumented.length);
  const listed = report.undocumented.slice(0, LISTED);
  const width = Math.max(0, ...listed.map((entry) => entry.code.length));
  for (const entry of listed)
    lines.push(`  ${entry.code.padEnd(width)}  ×${number(entry.count).padEnd(8)} ${rangeWords(entry.range)}`);
  lines.push(...more(report.undocumented.length));
  section('Documented codes never seen', 'never', report.never.length);
  for (const entry of report.never.slice(0, LISTED))
    lines.push(`  ${entry.label}${entry.deprecated ? colours.dim(' (deprecated)') : ''}`);
  lines.push(...more(report.never.length));
  section('Codes seen with another status', 'mismatch', report.mismatch.length);
  for (const entry of report.mismatch.slice(0, LISTED))
    lines.push(
      `  ${entry.label}: documented ${entry.documented}, seen with ${entry.seen.map((seen) => `${seen.status} ×${number(seen.count)}`).join(', ')}`,
    );
  lines.push(...more(report.mismatch.length));
  lines.push('');
  lines.push(
    failing.length > 0
      ? `${colours.red('✖')} fails on ${failing.join(', ')} (--fail-on ${failOn.join(',')})`
      : `${colours.green('✔')} nothing to fail on (--fail-on ${failOn.length ? failOn.join(',') : 'none'})`,
  );
  return `${lines.join('\n')}\n`;
}

function markdownReport(report: CoverageReport, facts: Facts, failing: FailOn[]): string {
  const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
  const lines = ['### Error catalog coverage', '', `${headline(report, facts)}.`, ''];
  lines.push(`#### Undocumented codes (${report.undocumented.length})`, '');
  if (report.undocumented.length) {
    lines.push('| Code | Seen | Range |', '|---|---:|---|');
    for (const entry of report.undocumented.slice(0, LISTED))
      lines.push(`| ${code(entry.code)} | ${number(entry.count)} | ${rangeWords(entry.range).replace(/\|/g, '\\|')} |`);
  }
  lines.push(...more(report.undocumented.length).map((line) => `\n${line.trim()}`));
  lines.push('', `#### Documented codes never seen (${report.never.length})`, '');
  for (const entry of report.never.slice(0, LISTED))
    lines.push(`- ${code(entry.label)}${entry.deprecated ? ' (deprecated)' : ''}`);
  lines.push(...more(report.never.length).map((line) => `- ${line.trim()}`));
  lines.push('', `#### Codes seen with another status (${report.mismatch.length})`, '');
  for (const entry of report.mismatch.slice(0, LISTED))
    lines.push(
      `- ${code(entry.label)}: documented ${entry.documented}, seen with ${entry.seen.map((seen) => `${seen.status} ×${number(seen.count)}`).join(', ')}`,
    );
  lines.push('', failing.length ? `**Fails on ${failing.join(', ')}.**` : 'Nothing to fail on.');
  return `${lines.join('\n')}\n`;
}
