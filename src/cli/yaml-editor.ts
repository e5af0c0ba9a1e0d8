/**
 * Edits a YAML file the way a person would: the yaml Document API finds where each entry starts
 * and ends, and only the new or changed text is spliced in, so every comment, blank line, quote,
 * key order and folded line of the file stays exactly as written (re-serialising the document
 * would reflow it). Edits are collected against one parse and applied together.
 */
import { Document, isCollection, isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';

type Path = ReadonlyArray<string | number>;

interface Splice {
  start: number;
  end: number;
  text: string;
  order: number;
}

export class YamlEditor {
  private readonly doc;
  private readonly splices: Splice[] = [];
  private readonly pendingFlow = new Map<Node, unknown>();

  constructor(private readonly text: string) {
    this.doc = parseDocument(text, { keepSourceTokens: false });
    if (this.doc.errors.length > 0) throw new Error(`cannot edit YAML with errors: ${this.doc.errors[0]!.message}`);
  }

  /** The plain data of the file, as parsed before any edit. */
  data(): unknown {
    return this.doc.toJS();
  }

  /** Inserts `value` as item `index` of the sequence at `path` (the end when index is its length). */
  insertInSeq(path: Path, index: number, value: unknown): void {
    const seq = this.doc.getIn(path, true);
    if (!isSeq(seq) || !seq.range) throw new Error(`no sequence at ${path.join('.')}`);
    const items = seq.items as Node[];
    if (seq.flow || items.length === 0) {
      // Several edits of one flow list ([a, b]) add up to one replacement.
      const data = [...((this.pendingFlow.get(seq) as unknown[] | undefined) ?? (seq.toJSON() as unknown[]))];
      data.splice(index, 0, value);
      this.pendingFlow.set(seq, data);
      return;
    }
    const first = items[0]!;
    const prefix = this.dashPrefix(first);
    const separated = items.slice(1).some((item) => (item as { spaceBefore?: boolean }).spaceBefore);
    const flow = isCollection(first) && Boolean(first.flow);
    const body = indentBlock(stringifyBlock(value, flow), prefix.length, prefix);
    if (index === 0) {
      const start = lineStart(this.text, first.range![0]);
      this.splice(start, start, `${body}${separated ? '\n' : ''}`);
    } else {
      const previous = items[Math.min(index, items.length) - 1]!;
      const end = this.endOfLine(previous.range![2]);
      this.splice(end.offset, end.offset, `${end.newline}${separated ? '\n' : ''}${body}`);
    }
  }

  /** Appends `value` at the end of the sequence at `path`. */
  appendToSeq(path: Path, value: unknown): void {
    const seq = this.doc.getIn(path, true);
    if (!isSeq(seq)) throw new Error(`no sequence at ${path.join('.')}`);
    this.insertInSeq(path, seq.items.length, value);
  }

  /** Adds `key: value` at the end of the mapping at `path` (the key must be new). */
  addToMap(path: Path, key: string, value: unknown): void {
    const map = path.length === 0 ? this.doc.contents : this.doc.getIn(path, true);
    if (!isMap(map) || !map.range) throw new Error(`no mapping at ${path.join('.')}`);
    if (map.has(key)) throw new Error(`${[...path, key].join('.')} exists already`);
    const pairs = map.items as Array<Pair<Node, Node | null>>;
    if (map.flow || pairs.length === 0) {
      const data = (this.pendingFlow.get(map) as object | undefined) ?? (map.toJSON() as object);
      this.pendingFlow.set(map, { ...data, [key]: value });
      return;
    }
    const firstKey = pairs[0]!.key;
    const column = firstKey.range![0] - lineStart(this.text, firstKey.range![0]);
    const last = pairs[pairs.length - 1]!;
    const lastEnd = (last.value ?? last.key).range![2];
    const end = this.endOfLine(lastEnd);
    const body = indentBlock(stringifyBlock({ [key]: value }, false), column, ' '.repeat(column));
    this.splice(end.offset, end.offset, `${end.newline}${body}`);
  }

  /** Sets `key` of the mapping at `path`: replaces its value, or adds the pair. */
  setInMap(path: Path, key: string, value: unknown): void {
    const node = this.doc.getIn([...path, key], true) as Node | undefined;
    if (node && node.range) this.replaceNode(node, value);
    else this.addToMap(path, key, value);
  }

  /** The edited text. Throws when the result would not parse (a bug here, never written). */
  toString(): string {
    for (const [node, data] of this.pendingFlow) this.replaceNode(node, data);
    this.pendingFlow.clear();
    const ordered = [...this.splices].sort((a, b) => b.start - a.start || b.order - a.order);
    let text = this.text;
    let floor = Number.POSITIVE_INFINITY;
    for (const splice of ordered) {
      if (splice.end > floor) throw new Error('overlapping YAML edits');
      text = text.slice(0, splice.start) + splice.text + text.slice(splice.end);
      floor = splice.start;
    }
    const check = parseDocument(text);
    if (check.errors.length > 0) throw new Error(`an edit produced invalid YAML: ${check.errors[0]!.message}`);
    return text;
  }

  private splice(start: number, end: number, text: string): void {
    this.splices.push({ start, end, text, order: this.splices.length });
  }

  /** Replaces a scalar or flow collection in place, keeping what follows it on the line. */
  private replaceNode(node: Node, value: unknown): void {
    const [start, valueEnd] = node.range!;
    const original = this.text.slice(start, valueEnd);
    if (isCollection(node) && !node.flow) {
      throw new Error('replacing a block collection is not supported');
    }
    const padded = /^[[{] /.test(original);
    this.splice(start, valueEnd, stringifyInline(value, padded));
  }

  /** `  - ` before a block sequence item (its indentation and dash). */
  private dashPrefix(item: Node): string {
    const start = lineStart(this.text, item.range![0]);
    const prefix = this.text.slice(start, item.range![0]);
    return /^ *- +$/.test(prefix) ? prefix : `${' '.repeat(Math.max(0, prefix.search(/\S|$/)))}- `;
  }

  /** The start of the line after `offset` (where a new line can go), and whether a newline must come first. */
  private endOfLine(offset: number): { offset: number; newline: string } {
    if (offset > 0 && this.text[offset - 1] === '\n') return { offset, newline: '' };
    const next = this.text.indexOf('\n', offset);
    if (next < 0) return { offset: this.text.length, newline: '\n' };
    return { offset: next + 1, newline: '' };
  }
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Block YAML for a new entry: short lists of scalars in flow style ([a, b]) as the catalogs write them. */
export function stringifyBlock(value: unknown, flow: boolean): string {
  const doc = new Document(value);
  markShortLists(doc.contents);
  if (flow && isCollection(doc.contents)) doc.contents.flow = true;
  // The catalogs write flow maps padded ({ from: 1000, … }) and lists tight (["1100", "1101"]).
  return doc.toString({ lineWidth: 0, flowCollectionPadding: flow });
}

function stringifyInline(value: unknown, padded: boolean): string {
  const doc = new Document(value);
  if (isCollection(doc.contents)) doc.contents.flow = true;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: padded, blockQuote: false }).trimEnd();
}

function markShortLists(node: unknown): void {
  // Code references ("1101", "ledger:4100") are quoted, as the README asks, so YAML keeps them as written.
  if (isScalar(node) && typeof node.value === 'string' && /^[\w.-]+:[\w.-]+$/.test(node.value))
    node.type = 'QUOTE_DOUBLE';
  if (isSeq(node)) {
    node.items.forEach(markShortLists);
    if (node.items.every((item) => isScalar(item) && String(item.value).length < 60) && node.items.length <= 8)
      node.flow = true;
  } else if (isMap(node)) {
    for (const pair of node.items) markShortLists(pair.value);
  }
}

/** Indents every line of `block` by `width` spaces, the first with `firstPrefix` instead. */
function indentBlock(block: string, width: number, firstPrefix: string): string {
  const lines = block.replace(/\n$/, '').split('\n');
  return `${lines.map((line, index) => (index === 0 ? firstPrefix + line : line ? ' '.repeat(width) + line : line)).join('\n')}\n`;
}
