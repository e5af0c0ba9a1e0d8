/**
 * The two ways a command refuses: a usage mistake (a wrong option value) and bad input (a file
 * that is missing, unreadable or not what it should be). Both end the run with exit status 2 and
 * one paragraph that says what is wrong and what to do, never a stack trace.
 */

/** Exit statuses of every command. */
export const EXIT = {
  /** Done; nothing wrong. */
  ok: 0,
  /** The catalog (or the rows or entries to add) has problems; they were listed. */
  problems: 1,
  /** The command line or an input file is wrong; one paragraph says why. */
  usage: 2,
} as const;

/** A wrong option or argument value; commander reports its own parsing errors the same way. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An input file that cannot be used: missing, too large, wrong encoding, not OpenAPI, ragged CSV… */
export class InputError extends Error {
  override name = 'InputError';
}

/** `1.5 MB`, `820 kB`: sizes in messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}
