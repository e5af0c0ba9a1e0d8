/**
 * What every command shares: commander settings (errors thrown, not exited; suggestions for typos;
 * output through the Terminal), the examples block of its --help, and how an action reports its
 * exit status.
 */
import { Command, Option } from 'commander';
import type { Terminal } from './terminal';

/** Handed to each command's factory. */
export interface CommandContext {
  terminal: Terminal;
  /** Records the exit status of the action that ran. */
  exit(code: number): void;
}

/**
 * A commander Command configured like every other one. `exitOverride()` makes parsing errors
 * (unknown option, missing argument…) throw a CommanderError instead of calling process.exit, so
 * `run()` decides the exit status (2) and tests can run commands in-process.
 */
export function createCommand(name: string, context: CommandContext): Command {
  const { terminal } = context;
  return new Command(name)
    .exitOverride()
    .showSuggestionAfterError(true)
    .showHelpAfterError(terminal.errColours.dim('(add --help for usage)'))
    .configureOutput({
      writeOut: (text) => terminal.out(text),
      writeErr: (text) => terminal.err(text),
      outputError: (text, write) => write(terminal.errColours.red(text)),
      getOutHasColors: () => terminal.colours.enabled,
      getErrHasColors: () => terminal.errColours.enabled,
    })
    .configureHelp({
      styleTitle: (text) => terminal.colours.bold(text),
      styleCommandText: (text) => terminal.colours.cyan(text),
      styleOptionText: (text) => terminal.colours.cyan(text),
      styleArgumentText: (text) => terminal.colours.cyan(text),
      showGlobalOptions: true,
    });
}

/** Adds an "Examples:" block to the command's --help: each command line under what it does. */
export function withExamples(command: Command, examples: Array<[string, string]>): Command {
  const text = examples.map(([line, what]) => `${what ? `  # ${what}\n` : ''}  $ ${line}`).join('\n');
  return command.addHelpText('after', `\nExamples:\n${text}\n`);
}

/** The `--catalog <dir>` option of the commands that change a catalog. */
export function catalogOption(): Option {
  return new Option('-C, --catalog <dir>', 'the catalog folder to change').default('catalog');
}

/** The `--dry-run` option: show what would change, write nothing. */
export function dryRunOption(what: string): Option {
  return new Option('--dry-run', `print ${what} instead of writing; nothing is written`);
}
