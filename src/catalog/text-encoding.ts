/**
 * Catalog files are UTF-8. A file saved in another encoding is refused with the line of the first
 * byte that is not UTF-8 and the word around it, rather than read with replacement characters
 * that would end up on the site.
 */
import type { CatalogProblem } from './problems';

type Refusal = Omit<CatalogProblem, 'file' | 'field'>;

/** The text of `bytes` (a UTF-8 byte order mark dropped), or why it is not UTF-8 text. */
export function decodeText(bytes: Uint8Array): { text: string } | { problem: Refusal } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return {
      problem: {
        line: 1,
        message: 'the file is saved as UTF-16 text; catalog files are UTF-8',
        fix: 'save it again as UTF-8 (in your editor: "Save with encoding" → UTF-8)',
      },
    };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    const offset = firstInvalidByte(bytes);
    const before = bytes.subarray(0, offset);
    const line = before.filter((byte) => byte === 0x0a).length + 1;
    const lineStart = before.lastIndexOf(0x0a) + 1;
    const lineEnd = bytes.indexOf(0x0a, offset);
    // Read the line as Latin-1, the usual culprit, so the author recognises the word.
    const lineText = Buffer.from(bytes.subarray(lineStart, lineEnd < 0 ? bytes.length : lineEnd)).toString('latin1');
    const column = offset - lineStart;
    const word = /\S*$/.exec(lineText.slice(0, column))![0] + /^\S*/.exec(lineText.slice(column))![0];
    return {
      problem: {
        line,
        message: `the file is not UTF-8 text: byte 0x${bytes[offset]!.toString(16).toUpperCase()} on line ${line}, column ${column + 1} (in "${word.slice(0, 40)}") is not UTF-8`,
        fix: 'save the file as UTF-8 (in your editor: "Save with encoding" → UTF-8; or iconv -f latin1 -t utf-8); it was probably saved as Latin-1 or Windows-1252',
      },
    };
  }
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    const length =
      byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte < 0xf5 ? 4 : 0;
    if (byte >= 0x80 && byte < 0xc2) return index;
    if (length === 0) return index;
    // The second byte's range also rules out overlong forms and surrogates (RFC 3629, section 4).
    const [low, high] =
      byte === 0xe0
        ? [0xa0, 0xbf]
        : byte === 0xed
          ? [0x80, 0x9f]
          : byte === 0xf0
            ? [0x90, 0xbf]
            : byte === 0xf4
              ? [0x80, 0x8f]
              : [0x80, 0xbf];
    for (let next = 1; next < length; next += 1) {
      const continuation = bytes[index + next];
      const [min, max] = next === 1 ? [low, high] : [0x80, 0xbf];
      if (continuation === undefined || continuation < min || continuation > max) return index;
    }
    index += length;
  }
  return Math.max(0, bytes.length - 1);
}
