/**
 * Reads a text file line by line as a stream, so a log of any size is read in pieces of 1 MB and
 * never held whole in memory. A line longer than `maxLineBytes` or one that is not text (a NUL
 * byte, bytes that are not UTF-8) stops the reading with an InputError naming the line.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream, statSync } from 'node:fs';
import { formatBytes, InputError } from './errors';

export interface LineReading {
  /** Lines read. */
  lines: number;
  /** Bytes read. */
  bytes: number;
}

/** Calls `onLine(text, lineNumber)` for each line of `path` (without its \n or \r\n). */
export async function forEachLine(
  path: string,
  maxLineBytes: number,
  onLine: (text: string, line: number) => void,
): Promise<LineReading> {
  requireFile(path);
  let carry: Buffer | undefined;
  let line = 0;
  let bytes = 0;
  const emit = (piece: Buffer) => {
    line += 1;
    let end = piece.length;
    if (end > 0 && piece[end - 1] === 0x0d) end -= 1;
    const bytesOfLine = piece.subarray(0, end);
    if (bytesOfLine.indexOf(0) !== -1 || !isUtf8(bytesOfLine))
      throw new InputError(
        `line ${line} of ${path} is not text (it holds ${bytesOfLine.indexOf(0) !== -1 ? 'NUL bytes' : 'bytes that are not UTF-8'}): ` +
          'this looks like a binary or compressed file. Give the log as plain UTF-8 text (e.g. zcat app.log.gz > app.log).',
      );
    onLine(bytesOfLine.toString('utf8'), line);
  };
  const tooLong = () =>
    new InputError(
      `line ${line + 1} of ${path} is longer than ${formatBytes(maxLineBytes)}; a log line that long is not a log entry. ` +
        'Check that this is the right file, or raise the limit with --max-line <MB>.',
    );
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      const data = carry ? Buffer.concat([carry, chunk]) : chunk;
      let start = 0;
      for (let newline = data.indexOf(0x0a, start); newline !== -1; newline = data.indexOf(0x0a, start)) {
        if (newline - start > maxLineBytes) throw tooLong();
        emit(data.subarray(start, newline));
        start = newline + 1;
      }
      carry = start < data.length ? data.subarray(start) : undefined;
      if (carry && carry.length > maxLineBytes) throw tooLong();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Only the file system's own errors (EACCES, EISDIR, EIO…) are about the file.
    if (error instanceof InputError || typeof code !== 'string' || !code.startsWith('E')) throw error;
    throw new InputError(`${path} could not be read (${code}); check that it is a readable file.`);
  }
  if (carry && carry.length > 0) emit(carry);
  return { lines: line, bytes };
}

function requireFile(path: string): void {
  let isFile = false;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new InputError(`There is no file at ${path}. Give the path of a log file, e.g. --observed logs/app.jsonl.`);
  }
  if (!isFile) throw new InputError(`${path} is a folder; give the path of one log file.`);
}
