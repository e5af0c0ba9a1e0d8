/**
 * `error-catalog new range`: adds a range of numeric codes to a code space, in order of its first
 * code, keeping the ranges file as written (flow entries stay flow entries). Overlaps and anything
 * else the build refuses are reported with the build's own message, and nothing is written.
 */
import { Option, type Command } from 'commander';
import { routes } from '../view/routes';
import { CatalogChanges } from './catalog-changes';
import { catalogOption, createCommand, dryRunOption, withExamples, type CommandContext } from './command';
import { checkAndWrite, openSoundCatalog, schemaLine, withProblems } from './edit-catalog';
import { EXIT, UsageError } from './errors';
import { relativeToCatalog } from './new-code';
import { parseCodeNumber } from './options';
import { YamlEditor } from './yaml-editor';

interface NewRangeOptions {
  catalog: string;
  space?: string;
  from?: number;
  to?: number;
  name?: string;
  meaning?: string;
  state: 'active' | 'unused' | 'reserved';
  dryRun?: boolean;
}

export function newRangeCommand(context: CommandContext): Command {
  const command = createCommand('range', context)
    .description('add a range of numeric codes to a code space (refused when it overlaps another)')
    .addOption(catalogOption())
    .option('-s, --space <id>', 'the code space; required')
    .addOption(new Option('--from <code>', 'first code of the range; required').argParser(parseCodeNumber))
    .addOption(new Option('--to <code>', 'last code of the range, included; required').argParser(parseCodeNumber))
    .option('-n, --name <text>', 'short name, e.g. "Payouts"; required')
    .option('--meaning <text>', 'what its codes are about; required')
    .addOption(
      new Option('--state <state>', 'active takes codes; unused and reserved do not')
        .choices(['active', 'unused', 'reserved'])
        .default('active'),
    )
    .addOption(dryRunOption('the YAML entry and where it would go'))
    .action(async (options: NewRangeOptions) =>
      context.exit(await withProblems(context.terminal, () => newRange(options, context))),
    );
  return withExamples(command, [
    [
      'error-catalog new range --space core --from 1600 --to 1699 --name Payouts --meaning "Payouts and transfers."',
      'an active range for new codes',
    ],
    [
      'error-catalog new range --space core --from 1800 --to 1899 --name Later --meaning "Kept for later." --state reserved',
      'a block kept aside: no code may be added to it',
    ],
  ]);
}

async function newRange(options: NewRangeOptions, { terminal }: CommandContext): Promise<number> {
  const missing = (['space', 'from', 'to', 'name', 'meaning'] as const).filter((key) => options[key] === undefined);
  if (missing.length > 0) throw new UsageError(`a range needs ${missing.map((key) => `--${key}`).join(', ')}.`);
  const { catalog, files } = openSoundCatalog(options.catalog, terminal);
  const space = catalog.codeSpaces.find((candidate) => candidate.id === options.space);
  if (!space)
    throw new UsageError(
      `there is no code space "${options.space}"; the code spaces are: ${catalog.codeSpaces.map((s) => s.id).join(', ')} (a surface's codeSpace:, or its file name).`,
    );
  const from = options.from!;
  const to = options.to!;
  const entry: Record<string, unknown> = { from, to, name: options.name, meaning: options.meaning };
  if (options.state !== 'active') entry['state'] = options.state;

  const changes = new CatalogChanges(options.catalog);
  const existing = files.ranges.find((parsed) => parsed.data.codeSpace === space.id);
  let file: string;
  if (existing) {
    file = relativeToCatalog(files.root, existing.source.file);
    const editor = new YamlEditor(changes.read(file)!);
    const index = existing.data.ranges.filter((range) => range.from < from).length;
    editor.insertInSeq(['ranges'], index, entry);
    changes.write(file, editor.toString());
  } else {
    file = `ranges/${space.id}.yaml`;
    const editor = new YamlEditor('ranges:\n  - x: 1\n');
    editor.insertInSeq(['ranges'], 0, entry);
    const list = editor.toString().replace(/ {2}- x: 1\n$/, '');
    changes.write(
      file,
      `${schemaLine(options.catalog, 'ranges')}codeSpace: ${space.id}\nname: ${JSON.stringify(space.name)}\n${list}`,
    );
  }
  const shown = changes.paths()[0] ?? file;
  const diff = changes.diff();
  checkAndWrite(changes, { dryRun: Boolean(options.dryRun), terminal });
  const { bold, cyan } = terminal.colours;
  const label = `${bold(`${from}-${to}`)} (${options.name}${options.state === 'active' ? '' : `, ${options.state}`})`;
  const page = `/${routes.range({ codeSpace: space.id, slug: `${from}-${to}` })}`;
  terminal.out(
    options.dryRun
      ? `Would add range ${label} to ${shown} (nothing was written):\n\n${diff}`
      : `Added range ${label} to ${shown}.\nIt is listed on ${cyan(page)} (under the site's base path)\n`,
  );
  return EXIT.ok;
}
