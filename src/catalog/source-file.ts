/**
 * A parsed YAML file as problem messages need it: its display path, the line of any field, the
 * value written there, and the written form itself (flow or block style, offsets) for diagnoses
 * that depend on how a value was typed.
 */
import { isNode, LineCounter, type Document, type Node } from 'yaml';
import type { Path } from './problems';

export interface SourceFile {
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  /** 1-based line of the value at `path`, or of the nearest parent that exists. */
  lineOf(path: Path): number | undefined;
  /** The value written at `path` (plain data), or undefined; lets messages quote what was written. */
  valueAt(path: Path): unknown;
  /**
   * The YAML node at `path`, when it exists: its style and its offsets in `text`. Sources that
   * are not YAML (a CSV row being imported) have none, and lose only the diagnoses that need it.
   */
  nodeAt?(path: Path): Node | undefined;
  /** 1-based line and column of a character offset in `text`. */
  position?(offset: number): { line: number; col: number };
  /** The YAML text node offsets point into: the file's text, or a guide's front matter. */
  text?: string;
}

/**
 * The source of a YAML text whose data is `plain`. `documentOf` parses the text with the document
 * parser on first use: only a problem asks for lines and written forms. `lineOffset` shifts every
 * line, for YAML that does not start the file (a guide's front matter starts on line 2).
 */
export function createSourceFile(
  file: string,
  text: string,
  documentOf: () => { doc: Document; lineCounter: LineCounter },
  plain: unknown,
  lineOffset = 0,
): SourceFile {
  const nodeAt = (path: Path): Node | undefined => {
    const node: unknown = documentOf().doc.getIn(path, true);
    return isNode(node) ? node : undefined;
  };
  const position = (offset: number) => {
    const { line, col } = documentOf().lineCounter.linePos(offset);
    return { line: line + lineOffset, col };
  };
  return {
    file,
    text,
    nodeAt,
    position,
    lineOf(path) {
      for (let length = path.length; length >= 0; length -= 1) {
        const range = nodeAt(path.slice(0, length))?.range;
        if (range) return position(range[0]).line;
      }
      return undefined;
    },
    valueAt(path) {
      let current = plain;
      for (const part of path) {
        if (current === null || typeof current !== 'object') return undefined;
        current = (current as Record<string | number, unknown>)[part];
      }
      return current;
    },
  };
}
