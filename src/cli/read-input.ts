/**
 * Reading an input file the user named (a spec, a CSV): it must exist, be a file, fit the size
 * limit and be UTF-8. Each refusal is one paragraph that says what to do (InputError, exit 2).
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { formatBytes, InputError } from './errors';

/** The file's bytes, checked; `what` names it in messages ("OpenAPI description", "CSV file"). */
export function readInputFile(path: string, what: string, maxBytes: number, sizeHint: string): Buffer {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new InputError(`${path} is a folder; give the path of the ${what} itself.`);
    size = stats.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      `There is no file at ${path}. Check the path of the ${what} (it is read relative to ${process.cwd()}).`,
    );
  }
  if (size > maxBytes)
    throw new InputError(
      `${path} is ${formatBytes(size)}; error-catalog reads ${what}s of up to ${formatBytes(maxBytes)}, so nothing was read or written. ${sizeHint}`,
    );
  const bytes = readFileSync(path);
  if (bytes.length === 0) throw new InputError(`${path} is empty; nothing was imported.`);
  return bytes;
}

/** The text of a UTF-8 file (a byte-order mark dropped); other encodings are refused with the first bad line. */
export function decodeUtf8(bytes: Buffer, path: string, what: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new InputError(
      `${path} is encoded as UTF-16, not UTF-8; nothing was imported. Save the ${what} as UTF-8 (in a spreadsheet: "CSV UTF-8") and run the command again.`,
    );
  if (!isUtf8(bytes)) {
    const line = firstInvalidLine(bytes);
    throw new InputError(
      `${path} is not UTF-8 text: line ${line} holds bytes that are not UTF-8 (the file was probably saved as Latin-1 or Windows-1252); nothing was imported. ` +
        `Save the ${what} as UTF-8 (in a spreadsheet: "CSV UTF-8"; or iconv -f WINDOWS-1252 -t UTF-8) and run the command again.`,
    );
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function firstInvalidLine(bytes: Buffer): number {
  let line = 1;
  let start = 0;
  for (let index = 0; index <= bytes.length; index += 1) {
    if (index === bytes.length || bytes[index] === 0x0a) {
      if (!isUtf8(bytes.subarray(start, index))) return line;
      line += 1;
      start = index + 1;
    }
  }
  return line;
}
