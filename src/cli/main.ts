/**
 * The `error-catalog` command line: check a catalog, add codes and ranges, import from OpenAPI and
 * CSV. `run()` parses the arguments with commander, runs one command and returns the exit status:
 * 0 done, 1 problems were found and listed, 2 the command line or an input file is wrong.
 */
import { CommanderError } from 'commander';
import packageJson from '../../package.json';
import { checkCommand } from './check';
import { createCommand, type CommandContext } from './command';
import { coverageCommand } from './coverage';
import { diffCommand } from './diff';
import { EXIT, InputError, UsageError } from './errors';
import { importCsvCommand } from './import-csv';
import { importOpenApiCommand } from './import-openapi';
import { newCodeCommand } from './new-code';
import { newRangeCommand } from './new-range';
import { processTerminal, type Terminal } from './terminal';

export async function run(argv: string[], terminal: Terminal = processTerminal()): Promise<number> {
  let status: number = EXIT.ok;
  const context: CommandContext = { terminal, exit: (code) => (status = code) };
  const program = createCommand('error-catalog', context)
    .description('Check, extend and import error catalogs (the YAML folders this site is built from).')
    .version(packageJson.version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help (also after any command: error-catalog new code --help)')
    .addHelpText(
      'after',
      `
Exit status: 0 done · 1 problems were found (and listed) · 2 wrong command line or unusable input file.
Colour is used on a terminal only; set NO_COLOR=1 to turn it off.

Examples:
  $ error-catalog check                                   validate ./catalog as the build does
  $ error-catalog check --format github                   the same, as pull-request annotations
  $ error-catalog new code --in Customers --name CARD_EXPIRED --status 402 \\
      --message "Card expired." --cause "…" --resolution "…"
  $ error-catalog import openapi openapi.yaml --dry-run   show what the description would add
  $ error-catalog import csv codes.csv --space core        add the codes of a spreadsheet
  $ error-catalog diff git:main catalog                   what changed since main; exit 1 if it breaks clients
  $ error-catalog coverage --observed app.jsonl --path error.code   codes the API sent that are not documented
`,
    );
  program.addCommand(checkCommand(context));
  const create = createCommand('new', context).description('add a code or a range to a catalog');
  create.addCommand(newCodeCommand(context)).addCommand(newRangeCommand(context));
  program.addCommand(create);
  const importer = createCommand('import', context).description('add what an OpenAPI description or a CSV file holds');
  importer.addCommand(importOpenApiCommand(context)).addCommand(importCsvCommand(context));
  program.addCommand(importer);
  program.addCommand(diffCommand(context));
  program.addCommand(coverageCommand(context));

  try {
    await program.parseAsync(argv, { from: 'user' });
    return status;
  } catch (error) {
    return failure(error, terminal);
  }
}

/** The exit status and message of a command that stopped; never a stack trace for a user's mistake. */
function failure(error: unknown, terminal: Terminal): number {
  const { red, dim } = terminal.errColours;
  if (error instanceof CommanderError) {
    // commander printed its message (with a suggestion for a typo) already.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
    return EXIT.usage;
  }
  if (error instanceof UsageError) {
    terminal.err(`${red('error:')} ${error.message}\n${dim('(add --help for usage)')}\n`);
    return EXIT.usage;
  }
  if (error instanceof InputError) {
    terminal.err(`${red('error:')} ${error.message}\n`);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  terminal.err(
    `${red('error:')} error-catalog stopped on an unexpected error: ${message}\n` +
      'This is a bug in error-catalog, not a problem of your catalog; nothing was written. ' +
      'Run again with ERROR_CATALOG_DEBUG=1 to see where it happened, and report it with that output.\n',
  );
  if (terminal.env['ERROR_CATALOG_DEBUG'] && error instanceof Error && error.stack) terminal.err(`${error.stack}\n`);
  return EXIT.problems;
}
