/**
 * YAML syntax errors in words an author can act on. The parser often reports an indentation slip
 * where it noticed it (column 1 of the next line, or the key before), so indentation errors are
 * re-located to the key that is out of line, with the column it should start at.
 */
import { isAlias, visit, type Document, type LineCounter, type YAMLError } from 'yaml';
import type { CatalogProblem } from './problems';

/** Parser error codes that mean "something is not where its indentation says". */
const INDENTATION_ERRORS = new Set(['BAD_INDENT', 'MISSING_CHAR', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY']);

/** The first YAML error of a file as a problem: after one mistake, the parser's later errors are its consequences. */
export function yamlProblem(error: YAMLError, text: string, file: string): CatalogProblem {
  const position = error.linePos?.[0];
  if (position && INDENTATION_ERRORS.has(error.code) && !/quote/i.test(error.message)) {
    const slip = findIndentationSlip(text, position.line);
    if (slip) return { file, line: slip.line, field: '', ...slip.words };
  }
  const where = position ? ` (line ${position.line}, column ${position.col})` : '';
  // The parser's message ends with " at line L, column C:" and a code frame; keep the first clause.
  const what = error.message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/"quote/, 'quote')
    .replace(/^[A-Z](?![A-Z])/, (first) => first.toLowerCase());
  let message = `this is not valid YAML: ${what}${where}`;
  let fix =
    'check the indentation and the quoting on that line; quote values that contain ": " or " #", or that start with { [ * & ! | > % @ or a quote';
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^\s*([^:\n]+?)\s*:/.exec(text.slice(error.pos[0]))?.[1];
    message = `the key ${key ? `"${key}" ` : ''}appears twice in the same mapping${where}`;
    fix = 'keep one of the two; if they belong to different entries, start the second entry with "- "';
  } else if (error.code === 'MULTIPLE_DOCS') {
    message = `the file holds more than one YAML document: a "---" line${where} starts a second one`;
    fix = 'keep one document per file: remove that "---" line, or move what follows it into a file of its own';
  } else if (error.code === 'MISSING_CHAR' && /quote/i.test(what)) {
    fix = 'close the quoted text on the same line, or use a block scalar (key: |) for text over several lines';
  } else if (error.code === 'TAB_AS_INDENT') {
    fix = 'indent with spaces; YAML does not allow tabs for indentation';
  } else if (error.code === 'BAD_INDENT' || error.code === 'MISSING_CHAR') {
    fix =
      'align the line with the other keys of its entry (spaces only), and check that brackets and quotes are closed';
  }
  return { file, line: position?.line, field: '', message, fix };
}

/** A YAML warning (e.g. an unknown tag such as `!include`) as a problem: its value would be misread. */
export function yamlWarningProblem(warning: YAMLError, file: string): CatalogProblem {
  const position = warning.linePos?.[0];
  const tag = /Unresolved tag: (\S+)/.exec(warning.message)?.[1];
  if (tag)
    return {
      file,
      line: position?.line,
      field: '',
      message: `the YAML tag ${tag} is not supported, so the value after it would be read as plain text`,
      fix: `write the value itself in place of ${tag} …; to split a long list, put the rest in another file of the same folder`,
    };
  return {
    file,
    line: position?.line,
    field: '',
    message: `YAML reads this differently from how it looks: ${warning.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
    fix: 'rewrite the value in plain YAML: quote it if in doubt',
  };
}

interface KeyLine {
  line: number;
  /** 0-based column of the key (after any "- "). */
  column: number;
  key: string;
  /** True when nothing follows the colon: the key opens an indented block. */
  opens: boolean;
}

/**
 * The first key near `errorLine` that is out of line with its neighbours: further right than the
 * key above it without that key opening a block, or between two levels of indentation.
 */
function findIndentationSlip(
  text: string,
  errorLine: number,
): { line: number; words: { message: string; fix: string } } | undefined {
  const levels: KeyLine[] = [];
  let previous: KeyLine | undefined;
  for (const current of keyLines(text)) {
    if (current.line > errorLine + 2) break;
    const top = levels[levels.length - 1];
    let expected: KeyLine | undefined;
    if (!top || current.column === top.column) {
      if (!top) levels.push(current);
      else levels[levels.length - 1] = current;
    } else if (current.column > top.column) {
      if (previous?.opens) levels.push(current);
      else expected = top;
    } else {
      let deeper = levels.pop()!;
      while (levels.length && levels[levels.length - 1]!.column > current.column) deeper = levels.pop()!;
      const shallower = levels[levels.length - 1];
      if (shallower?.column === current.column) levels[levels.length - 1] = current;
      else {
        // Between two levels: the nearer one is meant; on a tie, the block the author was writing.
        expected = shallower && current.column - shallower.column < deeper.column - current.column ? shallower : deeper;
        levels.push(deeper);
      }
    }
    if (expected && current.line >= errorLine - 1) return { line: current.line, words: slipWords(current, expected) };
    if (!expected) previous = current;
  }
  return undefined;
}

function slipWords(current: KeyLine, expected: KeyLine): { message: string; fix: string } {
  const further = current.column > expected.column;
  const shift = Math.abs(current.column - expected.column);
  const spaces = `${shift} space${shift === 1 ? '' : 's'}`;
  const message = further
    ? `"${current.key}" on line ${current.line} starts at column ${current.column + 1}, further right than "${expected.key}" on line ${expected.line} (column ${expected.column + 1}), so YAML reads it as part of the value above it`
    : `"${current.key}" on line ${current.line} starts at column ${current.column + 1}, out of line with "${expected.key}" on line ${expected.line} (column ${expected.column + 1})`;
  return {
    message,
    fix: `start "${current.key}" at column ${expected.column + 1}, in line with "${expected.key}" (${further ? 'remove' : 'add'} ${spaces} before it)`,
  };
}

/** Lines that start a `key:` (after any "- "), skipping comments, block scalars and flow collections. */
function* keyLines(text: string): Generator<KeyLine> {
  const lines = text.split(/\r?\n/);
  let blockIndent = -1;
  let flowDepth = 0;
  for (const [index, raw] of lines.entries()) {
    const indent = raw.length - raw.trimStart().length;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    if (blockIndent >= 0) {
      if (indent > blockIndent) continue;
      blockIndent = -1;
    }
    if (flowDepth > 0) {
      flowDepth = Math.max(0, flowDepth + depthChange(raw));
      continue;
    }
    const match = /^(\s*(?:-\s+)*)((?:"[^"]*"|'[^']*'|[^\s#'"{[\-][^:#]*?|-[^\s:#][^:#]*?)):(?:\s+(.*))?$/.exec(raw);
    if (!match) {
      flowDepth = Math.max(0, depthChange(raw));
      continue;
    }
    const value = (match[3] ?? '').replace(/\s+#.*$/, '').trim();
    if (/^[|>][-+0-9]*$/.test(value)) blockIndent = match[1]!.length;
    else flowDepth = Math.max(0, depthChange(value));
    yield { line: index + 1, column: match[1]!.length, key: match[2]!.trim(), opens: value === '' };
  }
}

/** How many `[` and `{` a line opens and leaves open (quotes are not parsed: a rough count suffices). */
function depthChange(text: string): number {
  let depth = 0;
  for (const char of text.replace(/"[^"]*"|'[^']*'/g, '')) {
    if (char === '[' || char === '{') depth += 1;
    else if (char === ']' || char === '}') depth -= 1;
  }
  return depth;
}

/**
 * The plain data of a parsed document, or the problem that stopped the conversion: an alias
 * (`*name`) without its anchor — usually a value starting with "*", as Markdown emphasis does —
 * aliases expanded too many times, or a merge key (`<<:`) that names no mapping.
 */
export function toPlainData(
  doc: Document,
  lineCounter: LineCounter,
  file: string,
): { plain: unknown } | { problem: CatalogProblem } {
  try {
    return { plain: doc.toJS({ maxAliasCount: 1000 }) };
  } catch (error) {
    const reason = (error as Error).message;
    const unresolved = /Unresolved alias[^:]*: (.*)$/.exec(reason)?.[1];
    if (unresolved !== undefined) {
      let line: number | undefined;
      visit(doc, {
        Alias(_, node) {
          if (isAlias(node) && node.source === unresolved && node.range && line === undefined)
            line = lineCounter.linePos(node.range[0]).line;
        },
      });
      return {
        problem: {
          file,
          line,
          field: '',
          message: `YAML reads "*${unresolved}" as a reference to an anchor &${unresolved}, and the file has none before it`,
          fix: `if the "*" is meant as text, quote the whole value, e.g. "*${unresolved} …"`,
        },
      };
    }
    if (/alias count/i.test(reason))
      return {
        problem: {
          file,
          field: '',
          message: 'the file expands its aliases (*name) into more than 1000 copies',
          fix: 'write the values out, or reuse fewer nested aliases',
        },
      };
    return {
      problem: {
        file,
        field: '',
        message: `YAML cannot read the file: ${reason.replace(/^[A-Z](?![A-Z])/, (first) => first.toLowerCase())}`,
        fix: 'a merge key (<<: *name) must name a mapping; otherwise check the anchors (&name) and aliases (*name) of the file',
      },
    };
  }
}
