/**
 * Where the CLI writes and whether it colours: colour only on a terminal, never when NO_COLOR is
 * set (https://no-color.org) or TERM is dumb; FORCE_COLOR turns it on for a pipe.
 */

/** The streams a command writes to, and the environment it reads; tests and `run()` pass their own. */
export interface Terminal {
  out(text: string): void;
  err(text: string): void;
  /** Colours for standard output and for standard error (plain text when colour is off). */
  colours: Colours;
  errColours: Colours;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface Colours {
  enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

/** Whether output to a stream with this TTY flag should be coloured under `env`. */
export function wantsColour(isTty: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return Boolean(isTty) && env['TERM'] !== 'dumb';
}

export function colours(enabled: boolean): Colours {
  const wrap = (open: number, close: number) => (text: string) =>
    enabled && text ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    enabled,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
  };
}

/** The process's own terminal. */
export function processTerminal(): Terminal {
  const env = process.env;
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as other tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    colours: colours(wantsColour(process.stdout.isTTY, env)),
    errColours: colours(wantsColour(process.stderr.isTTY, env)),
    env,
    cwd: process.cwd(),
  };
}
