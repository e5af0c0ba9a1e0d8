/**
 * `error-catalog new code`: allocates the lowest free number of an active range (or takes the code
 * given) and writes the entry into the right codes file, in code order, keeping the file as
 * written. Refuses unused, reserved and full ranges, a code or a name already used, and anything
 * the build would refuse (an undeclared status…).
 */
import { Option, type Command } from 'commander';
import { LineCounter, parseDocument } from 'yaml';
import { codeKey, codeSlug, compareCodes, isNumericCode } from '../catalog/codes';
import type { Catalog, CodeSpace, Range } from '../catalog/model';
import type { CatalogFiles } from '../catalog/read-catalog';
import { foldText } from '../shared/fold-text';
import { routes } from '../view/routes';
import { CatalogChanges } from './catalog-changes';
import { catalogOption, createCommand, dryRunOption, withExamples, type CommandContext } from './command';
import { checkAndWrite, openSoundCatalog, schemaLine, withProblems } from './edit-catalog';
import { EXIT, UsageError } from './errors';
import { parseCodeNumber, parseList, parsePair, parseStatus } from './options';
import { YamlEditor } from './yaml-editor';

interface NewCodeOptions {
  catalog: string;
  space?: string;
  range?: number;
  in?: string;
  code?: string;
  name?: string;
  title?: string;
  status?: number;
  message?: string;
  cause?: string;
  resolution?: string;
  surfaces?: string[];
  placeholder?: Record<string, string>;
  since?: string;
  related?: string[];
  tags?: string[];
  dryRun?: boolean;
}

export function newCodeCommand(context: CommandContext): Command {
  const command = createCommand('code', context)
    .description('add a business code: the lowest free number of an active range, written in code order')
    .addOption(catalogOption())
    .option('-s, --space <id>', 'the code space (needed when several spaces have a range so named)')
    .addOption(
      new Option('-r, --range <from>', 'the range, by its first code (or any code in it)').argParser(parseCodeNumber),
    )
    .option('-i, --in <name>', 'the range, by its name, e.g. "Customers"')
    .option('--code <code>', 'this exact code instead of the next free one (symbolic codes: not_found)')
    .option('-n, --name <NAME>', 'constant name, e.g. CARD_EXPIRED (must be new in the space)')
    .option('--title <text>', 'short title (default: the name in words)')
    .option('--status <status>', 'HTTP status it comes with (declared in statuses/); required', parseStatus)
    .option('-m, --message <text>', 'the message as sent, {placeholders} for what varies; required')
    .option('--cause <text>', 'why it happens; required')
    .option('--resolution <text>', 'what to do about it; required')
    .option('--surfaces <ids>', 'only these surfaces of the space send it (comma-separated)', parseList)
    .option('-p, --placeholder <name=text>', 'what a {placeholder} holds (repeatable)', parsePair)
    .option('--since <version>', 'version or date it was introduced, e.g. 2026-03')
    .option('--related <codes>', 'related codes, comma-separated ("1101", "ledger:4100")', parseList)
    .option('--tags <words>', 'search keywords, comma-separated', parseList)
    .addOption(dryRunOption('the YAML entry and where it would go'))
    .action(async (options: NewCodeOptions) =>
      context.exit(await withProblems(context.terminal, () => newCode(options, context))),
    );
  return withExamples(command, [
    [
      'error-catalog new code --in Customers --name CARD_EXPIRED --status 402 -m "Card {cardId} expired." -p cardId="The card id you sent." --cause "The card expired." --resolution "Ask for another card."',
      'the next free number of the range named Customers',
    ],
    [
      'error-catalog new code --space core --range 1100 --status 404 -m … --cause … --resolution … --dry-run',
      'the range that starts at 1100; show the entry, write nothing',
    ],
    [
      'error-catalog new code --space events --code refund_failed --status 409 -m … --cause … --resolution …',
      'a symbolic code',
    ],
  ]);
}

async function newCode(options: NewCodeOptions, { terminal }: CommandContext): Promise<number> {
  // Checked here rather than by commander, so that a misspelt option is reported (with its
  // suggestion) before the options it was meant to be, and every missing one at once.
  const missing = (['status', 'message', 'cause', 'resolution'] as const).filter((key) => options[key] === undefined);
  if (missing.length > 0)
    throw new UsageError(
      `a code needs ${missing.map((key) => `--${key}`).join(', ')} (every code states its status, message, cause and resolution).`,
    );
  const { catalog, files } = openSoundCatalog(options.catalog, terminal);
  const { space, range } = chooseRange(catalog, options);
  const code = options.code ?? allocate(catalog, space, range!);
  refuseTaken(catalog, space, code, options.name);
  if (range && options.code !== undefined) refuseOutside(range, code);

  const entry = codeEntry(code, options);
  const changes = new CatalogChanges(options.catalog);
  const { file, index } = placeCode(files, space.id, code);
  const before = changes.read(file);
  let text: string;
  if (before === undefined) {
    text = `${schemaLine(options.catalog, 'codes')}codeSpace: ${space.id}\ncodes:\n${indentEntry(entry)}`;
  } else {
    const editor = new YamlEditor(before);
    editor.insertInSeq(['codes'], index, entry);
    text = editor.toString();
  }
  changes.write(file, text);
  const shown = changes.paths()[0] ?? file;
  checkAndWrite(changes, { dryRun: Boolean(options.dryRun), terminal });

  const { bold, cyan } = terminal.colours;
  const line = lineOfEntry(text, index);
  const page = `/${routes.code({ codeSpace: space.id, slug: codeSlug(code) })}`;
  if (options.dryRun) {
    terminal.out(
      `Would add code ${bold(code)} to ${shown}:${line} (nothing was written):\n\n${indentEntry(entry)}\nIts page would be ${cyan(page)}\n`,
    );
  } else {
    terminal.out(
      `Added code ${bold(code)}${options.name ? ` (${options.name})` : ''} to ${shown}:${line}.\nIts page: ${cyan(page)} (under the site's base path)\n`,
    );
  }
  return EXIT.ok;
}

/** The code space and range the options name; refuses what cannot take a new code. */
function chooseRange(catalog: Catalog, options: NewCodeOptions): { space: CodeSpace; range?: Range } {
  const spaces = options.space ? catalog.codeSpaces.filter((space) => space.id === options.space) : catalog.codeSpaces;
  if (options.space && spaces.length === 0)
    throw new UsageError(
      `there is no code space "${options.space}"; the code spaces are: ${catalog.codeSpaces.map((s) => s.id).join(', ')}.`,
    );
  const describe = (range: Range) =>
    `${range.slug} ${range.name}${range.state === 'active' ? '' : ` (${range.state})`}`;
  let candidates: Range[] = [];
  if (options.range !== undefined) {
    const wanted = options.range;
    const all = spaces.flatMap((space) => space.ranges);
    candidates = all.filter((range) => range.from === wanted);
    if (candidates.length === 0) candidates = all.filter((range) => wanted >= range.from && wanted <= range.to);
    if (candidates.length === 0)
      throw new UsageError(
        `no range starts at or holds ${wanted}${options.space ? ` in code space "${options.space}"` : ''}; the ranges are: ${all.map(describe).join(', ') || 'none'}.`,
      );
  } else if (options.in !== undefined) {
    const wanted = foldText(options.in);
    const all = spaces.flatMap((space) => space.ranges);
    candidates = all.filter((range) => foldText(range.name) === wanted);
    // "Payouts" finds "Payouts (unused)" when no other range starts so.
    if (candidates.length === 0) candidates = all.filter((range) => foldText(range.name).startsWith(wanted));
    if (candidates.length === 0)
      throw new UsageError(
        `no range is named "${options.in}"${options.space ? ` in code space "${options.space}"` : ''}; the ranges are: ${all.map(describe).join(', ') || 'none'}.`,
      );
  } else {
    if (spaces.length !== 1)
      throw new UsageError(
        `say which code space and range: --space <id> with --range <first code> or --in <range name> (code spaces: ${catalog.codeSpaces.map((s) => s.id).join(', ')}).`,
      );
    const space = spaces[0]!;
    if (space.ranges.length > 0 && options.code === undefined)
      throw new UsageError(
        `say which range of code space "${space.id}": --range <first code> or --in <name>; its ranges are: ${space.ranges.map(describe).join(', ')}.`,
      );
    if (space.ranges.length === 0 && options.code === undefined)
      throw new UsageError(
        `code space "${space.id}" has no ranges, so there is no next number to take; give the code with --code, e.g. --code not_found.`,
      );
    if (space.ranges.length === 0) return { space };
    const numeric = Number(options.code);
    candidates = space.ranges.filter(
      (range) => isNumericCode(options.code!) && numeric >= range.from && numeric <= range.to,
    );
    if (candidates.length === 0)
      throw new UsageError(
        `code ${options.code} lies in no range of code space "${space.id}"; its ranges are: ${space.ranges.map(describe).join(', ')}.`,
      );
  }
  if (candidates.length > 1)
    throw new UsageError(
      `several code spaces have that range (${candidates.map((range) => `${range.codeSpace} ${range.slug}`).join(', ')}); add --space <id>.`,
    );
  const range = candidates[0]!;
  if (range.state !== 'active')
    throw new UsageError(
      `range ${range.slug} (${range.name}) of code space "${range.codeSpace}" is marked ${range.state}, so no code may be added to it; ` +
        `set state: active on it in ${range.origin.file}${range.origin.line ? `:${range.origin.line}` : ''} if it is now in use, or choose an active range.`,
    );
  return { space: catalog.codeSpaces.find((space) => space.id === range.codeSpace)!, range };
}

/** The lowest number of the range that no code of the space has, nor had (`formerly`). */
function allocate(catalog: Catalog, space: CodeSpace, range: Range): string {
  const taken = new Set<number>();
  const widths = new Set<number>();
  for (const code of catalog.codes) {
    if (code.codeSpace === space.id && isNumericCode(code.code)) {
      taken.add(Number(code.code));
      if (code.code.startsWith('0')) widths.add(code.code.length);
    }
    for (const former of code.formerly) {
      const [formerSpace, formerCode] = former.split(':');
      if (formerSpace === space.id && formerCode && isNumericCode(formerCode)) taken.add(Number(formerCode));
    }
  }
  for (let value = range.from; value <= range.to; value += 1) {
    if (!taken.has(value)) {
      // Zero-padded codes ("0042") stay padded to the width the space uses.
      const width = Math.max(0, ...widths);
      return String(value).padStart(width, '0');
    }
  }
  const roomy = space.ranges
    .filter((other) => other.state === 'active' && other !== range)
    .map((other) => `${other.slug} ${other.name}`);
  throw new UsageError(
    `range ${range.slug} (${range.name}) is full: every number from ${range.from} to ${range.to} is used (or was, by a code that moved). ` +
      `Add a range with error-catalog new range, or choose another active range${roomy.length ? ` (${roomy.join(', ')})` : ''}.`,
  );
}

function refuseTaken(catalog: Catalog, space: CodeSpace, code: string, name: string | undefined): void {
  const existing = catalog.codes.find((other) => other.codeSpace === space.id && other.code === code);
  if (existing)
    throw new UsageError(
      `code ${code} exists already in code space "${space.id}" (${existing.origin.file}:${existing.origin.line ?? 1}); codes are permanent, so choose another.`,
    );
  if (catalog.codes.some((other) => other.formerly.includes(codeKey(space.id, code))))
    throw new UsageError(
      `code ${code} was used before in code space "${space.id}" (a code lists it under formerly:); choose another.`,
    );
  if (name) {
    const named = catalog.codes.find((other) => other.codeSpace === space.id && other.name === name);
    if (named)
      throw new UsageError(
        `the name ${name} is already used by code ${named.code} (${named.origin.file}:${named.origin.line ?? 1}); choose another name.`,
      );
  }
}

function refuseOutside(range: Range, code: string): void {
  const value = Number(code);
  if (!isNumericCode(code) || value < range.from || value > range.to)
    throw new UsageError(
      `code ${code} is not in range ${range.slug} (${range.name}); leave --code out to take the next free number.`,
    );
}

/** The new entry, keys in the order the catalogs write them; numbers as numbers, like `code: 1101`. */
function codeEntry(code: string, options: NewCodeOptions): Record<string, unknown> {
  const entry: Record<string, unknown> = { code: /^[1-9]\d*$/.test(code) && code.length < 16 ? Number(code) : code };
  if (options.name) entry['name'] = options.name;
  if (options.title) entry['title'] = options.title;
  entry['status'] = options.status;
  if (options.surfaces?.length) entry['surfaces'] = options.surfaces;
  entry['message'] = options.message;
  if (options.placeholder && Object.keys(options.placeholder).length) entry['placeholders'] = options.placeholder;
  entry['cause'] = options.cause;
  entry['resolution'] = options.resolution;
  if (options.since) entry['since'] = options.since;
  if (options.related?.length) entry['related'] = options.related;
  if (options.tags?.length) entry['tags'] = options.tags;
  return entry;
}

/**
 * Which codes file of the space gets the code, and where in its list: after the nearest lower code
 * (so it lands in its range's section), in the file that holds that code; a new codes/<space>.yaml
 * when the space has no codes file.
 */
export function placeCode(files: CatalogFiles, space: string, code: string): { file: string; index: number } {
  const ofSpace = files.codes.filter((parsed) => parsed.data.codeSpace === space);
  if (ofSpace.length === 0) return { file: `codes/${space}.yaml`, index: 0 };
  let best: { file: string; index: number; code: string } | undefined;
  for (const parsed of ofSpace) {
    parsed.data.codes.forEach((entry, index) => {
      if (compareCodes(entry.code, code) < 0 && (!best || compareCodes(entry.code, best.code) > 0))
        best = { file: relativeToCatalog(files.root, parsed.source.file), index: index + 1, code: entry.code };
    });
  }
  if (best) return { file: best.file, index: best.index };
  return { file: relativeToCatalog(files.root, ofSpace[0]!.source.file), index: 0 };
}

/** `catalog/codes/core.yaml` → `codes/core.yaml`. */
export function relativeToCatalog(root: string, file: string): string {
  return root === '.' ? file : file.slice(root.length + 1);
}

/** The entry as a block under `codes:`. */
function indentEntry(entry: Record<string, unknown>): string {
  const editor = new YamlEditor('codes:\n  - x: 1\n');
  editor.insertInSeq(['codes'], 0, entry);
  return editor
    .toString()
    .replace(/^codes:\n/, '')
    .replace(/ {2}- x: 1\n$/, '');
}

function lineOfEntry(text: string, index: number): number {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const node = doc.getIn(['codes', index], true) as { range?: [number, number, number] } | undefined;
  return node?.range ? counter.linePos(node.range[0]).line : 1;
}
