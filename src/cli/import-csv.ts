/**
 * `error-catalog import csv <file>`: a spreadsheet of codes (a header row, one code per row) becomes
 * catalog codes in the right code space. Columns are found by name (`--map` for other headers);
 * each row is checked by the build's own code schema and then, in the catalog, by its cross-checks.
 * Invalid rows are listed with their row number and column, and nothing is written unless every
 * row is valid (or --skip-invalid leaves them out).
 */
import { CsvError, parse } from 'csv-parse/sync';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { codeSchema } from '../schemas/code';
import { zodIssuesToProblems } from '../catalog/zod-problems';
import type { SourceFile } from '../catalog/read-catalog';
import { catalogOption, createCommand, dryRunOption, withExamples, type CommandContext } from './command';
import { ProblemsFound, withProblems } from './edit-catalog';
import { EXIT, InputError, UsageError } from './errors';
import { mergeChecked, openImportTarget, printImportReport } from './import-flow';
import type { CodeEntry } from './merge-catalog';
import { decodeUtf8, readInputFile } from './read-input';

/** Catalog fields a column can fill, and the header names (normalised) that find each. */
const COLUMNS = {
  space: ['space', 'codespace'],
  code: ['code', 'errorcode', 'id'],
  name: ['name', 'constant', 'identifier', 'constantname'],
  title: ['title'],
  status: ['status', 'httpstatus', 'statuscode', 'http', 'httpcode'],
  message: ['message', 'messagetemplate', 'errormessage', 'text'],
  cause: ['cause', 'why', 'reason'],
  resolution: ['resolution', 'fix', 'howtofix', 'whattodo', 'action'],
  surfaces: ['surfaces', 'surface'],
  since: ['since', 'introduced', 'version'],
  related: ['related', 'relatedcodes', 'seealso'],
  tags: ['tags', 'keywords'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['code', 'status', 'message', 'cause', 'resolution'];
const LISTS = new Set<Column>(['surfaces', 'related', 'tags']);
const MAX_MB = 50;

interface ImportCsvOptions {
  catalog: string;
  space?: string;
  map: Record<string, string>;
  skipInvalid?: boolean;
  dryRun?: boolean;
}

export function importCsvCommand(context: CommandContext): Command {
  const command = createCommand('csv', context)
    .description('add the codes of a spreadsheet (CSV with a header row, one code per row)')
    .argument('<file>', 'the CSV file (UTF-8; comma- or semicolon-separated)')
    .addOption(catalogOption())
    .option('-s, --space <id>', 'the code space of every row (or give each row a space column)')
    .addOption(
      new Option(
        '--map <header=field>',
        `read a column with another header as a field (repeatable or comma-separated); fields: ${Object.keys(COLUMNS).join(', ')}`,
      )
        .argParser(parseMap)
        .default({}),
    )
    .option(
      '--skip-invalid',
      'write the valid rows and list the invalid ones (default: write nothing when a row is invalid)',
    )
    .addOption(dryRunOption('a diff of the catalog changes'))
    .action(async (file: string, options: ImportCsvOptions) =>
      context.exit(await withProblems(context.terminal, () => importCsv(file, options, context))),
    );
  return withExamples(command, [
    [
      'error-catalog import csv codes.csv --space core',
      'columns code, status, message, cause, resolution (name, title, tags… optional)',
    ],
    ['error-catalog import csv export.csv --map "Error code=code,HTTP=status,Fix=resolution"', 'other headers'],
    ['error-catalog import csv codes.csv --space core --skip-invalid --dry-run', 'see what the valid rows would add'],
  ]);
}

function parseMap(value: string, previous: Record<string, string>): Record<string, string> {
  const result = { ...previous };
  for (const pair of value.split(',')) {
    const equals = pair.lastIndexOf('=');
    const header = pair.slice(0, equals).trim();
    const field = pair.slice(equals + 1).trim();
    if (equals <= 0 || !header) throw new InvalidArgumentError('write "Header=field", e.g. "Error code=code".');
    if (!(field in COLUMNS))
      throw new InvalidArgumentError(
        `"${field}" is no field a column can fill; use one of: ${Object.keys(COLUMNS).join(', ')}.`,
      );
    result[header] = field;
  }
  return result;
}

const normal = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

interface Row {
  /** 1-based number of the data row (the header is row 0), and the line it starts on. */
  number: number;
  line: number;
  cells: string[];
}

async function importCsv(path: string, options: ImportCsvOptions, { terminal }: CommandContext): Promise<number> {
  const text = decodeUtf8(
    readInputFile(path, 'CSV file', MAX_MB * 1024 * 1024, 'Split the file and import the parts one by one.'),
    path,
    'CSV file',
  );
  const { header, rows } = readRows(text, path);
  const columns = mapColumns(header, options.map, path);
  const inspected = openImportTarget(options.catalog, terminal);
  if (!inspected)
    throw new InputError(
      `There is no catalog at ${options.catalog} to add the codes to; pass its folder with --catalog <dir>. (A CSV file holds codes only; import openapi, or a copy of catalog/, starts a catalog.)`,
    );
  const invalid: string[] = [];
  const codes: Array<{ space: string; entry: CodeEntry; label: string }> = [];
  const rowOf = new Map<string, Row>();
  const label = (row: Row) => `row ${row.number} (line ${row.line})`;

  for (const row of rows) {
    const cell = (field: Column) => {
      const index = columns.get(field);
      return index === undefined ? '' : (row.cells[index] ?? '').trim();
    };
    if (row.cells.every((value) => !value.trim())) continue;
    const space = cell('space') || options.space;
    const raw: Record<string, unknown> = {};
    for (const field of Object.keys(COLUMNS) as Column[]) {
      const value = cell(field);
      if (!value || field === 'space') continue;
      if (LISTS.has(field)) raw[field] = value.split(/\s*[;,]\s*/).filter(Boolean);
      else if (field === 'status') raw[field] = /^\d+$/.test(value) ? Number(value) : value;
      else raw[field] = value;
    }
    const columnOf = (field: string) => header[columns.get(field as Column) ?? -1] ?? field;
    const problems: string[] = [];
    if (!space) problems.push(`no code space: give the file a space column, or pass --space <id>`);
    const parsed = codeSchema.safeParse(raw);
    if (!parsed.success) {
      const source: SourceFile = {
        file: path,
        lineOf: () => row.line,
        valueAt: (fieldPath) => raw[String(fieldPath[0])],
      };
      for (const problem of zodIssuesToProblems(parsed.error.issues, source, codeSchema)) {
        const field = problem.field.split(/[.[]/)[0]!;
        problems.push(
          `column "${columnOf(field)}": ${problem.message.replace(/^the required field "(\w+)" is missing$/, 'empty; every code needs its $1')}`,
        );
      }
    }
    const key = `${space}:${String(raw['code'] ?? '')}`;
    const earlier = rowOf.get(key);
    if (earlier && raw['code'] !== undefined)
      problems.push(`column "${columnOf('code')}": code ${String(raw['code'])} is on ${label(earlier)} already`);
    if (problems.length > 0) {
      invalid.push(...problems.map((problem) => `${label(row)}, ${problem}`));
      continue;
    }
    rowOf.set(key, row);
    codes.push({ space: space!, entry: raw as CodeEntry, label: `${path} ${label(row)}` });
  }

  const describe = (key: string) => {
    const [, space, ...code] = key.split(':');
    const row = rowOf.get(`${space}:${code.join(':')}`);
    return row ? `${label(row)} (code ${code.join(':')})` : key;
  };
  const outcome = mergeChecked(options.catalog, inspected, { codes, placeholders: [] }, terminal, describe);
  const rowNumber = (text: string) => Number(/^row (\d+)/.exec(text)?.[1] ?? Number.MAX_SAFE_INTEGER);
  const refused = [...invalid, ...outcome.report.leftOut].sort((a, b) => rowNumber(a) - rowNumber(b));
  const { red, bold } = terminal.colours;
  if (refused.length > 0 && !options.skipInvalid) {
    throw new ProblemsFound(
      `${bold(`${refused.length} invalid row${refused.length === 1 ? '' : 's'}`)} in ${path}; nothing was written (fix ${refused.length === 1 ? 'it' : 'them'}, or pass --skip-invalid to import the valid rows):\n` +
        refused.map((problem) => `  ${red('✖')} ${problem}`).join('\n') +
        '\n',
    );
  }
  outcome.report.leftOut.splice(0, outcome.report.leftOut.length, ...refused);
  if (options.dryRun) terminal.out(outcome.changes.diff());
  else outcome.changes.apply();
  printImportReport(outcome, {
    terminal,
    dryRun: Boolean(options.dryRun),
    heading: `${options.dryRun ? 'Dry run of the import' : 'Imported'} ${path} (${rows.length} row${rows.length === 1 ? '' : 's'}) into ${options.catalog}/:`,
  });
  return EXIT.ok;
}

/** The header and the data rows, with the line each row starts on; ragged rows are bad input. */
function readRows(text: string, path: string): { header: string[]; rows: Row[] } {
  // csv-parse counts a CR LF inside a quoted cell as two lines; line numbers need LF only.
  const normalised = text.replace(/\r\n?/g, '\n');
  const firstLine = normalised.split('\n', 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(normalised, {
      delimiter,
      relax_column_count: true,
      info: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new InputError(
        `${path} is not valid CSV${line ? ` (line ${line})` : ''}: ${error.message.replace(/ at line \d+$/, '')}. Nothing was imported; quote cells that hold the separator, a quote or a line break ("like, this").`,
      );
    }
    throw error;
  }
  const [head, ...data] = records;
  if (!head)
    throw new InputError(
      `${path} has no header row; its first line must name the columns, e.g. code,status,message,cause,resolution.`,
    );
  const header = head.record.map((name) => name.trim());
  const rows = data.map((item, index) => ({
    number: index + 1,
    line: item.info.lines - (item.record.join('').split('\n').length - 1),
    cells: item.record,
  }));
  const ragged = rows.filter((row) => row.cells.length !== header.length);
  if (ragged.length > 0) {
    const shown = ragged
      .slice(0, 5)
      .map((row) => `line ${row.line} has ${row.cells.length}`)
      .join(', ');
    throw new InputError(
      `${path} has rows with a different number of cells than its header (${header.length}): ${shown}${ragged.length > 5 ? ` and ${ragged.length - 5} more rows` : ''}. ` +
        `Nothing was imported. A cell that holds the separator ("${delimiter}") must be quoted, and every row needs a cell for each column (an empty one is fine).`,
    );
  }
  return { header, rows };
}

/** Which column holds each field: --map first, then the header's own name. */
function mapColumns(header: string[], map: Record<string, string>, path: string): Map<Column, number> {
  const columns = new Map<Column, number>();
  const byHeader = new Map(header.map((name, index) => [normal(name), index]));
  for (const [name, field] of Object.entries(map)) {
    const index = byHeader.get(normal(name));
    if (index === undefined)
      throw new UsageError(
        `--map names the column "${name}", but ${path} has no such header; its headers are: ${header.join(', ')}.`,
      );
    columns.set(field as Column, index);
  }
  header.forEach((name, index) => {
    const key = normal(name);
    const field = (Object.keys(COLUMNS) as Column[]).find((candidate) =>
      (COLUMNS[candidate] as readonly string[]).includes(key),
    );
    if (field && !columns.has(field) && ![...columns.values()].includes(index)) columns.set(field, index);
  });
  const missing = REQUIRED.filter((field) => !columns.has(field));
  if (missing.length > 0)
    throw new InputError(
      `${path} has no column for ${missing.join(', ')} (its headers are: ${header.join(', ')}). Nothing was imported. ` +
        `Name the columns code, status, message, cause and resolution, or map yours: --map "${header[0] ?? 'Header'}=${missing[0]}".`,
    );
  return columns;
}
