/**
 * The one context the model-building stages share (see ../build-model.ts): the validated files,
 * the entries resolved so far and the one problem list every stage appends to.
 */
import type { CodeData } from '../../schemas/code';
import type { ExampleBody } from '../envelope-examples';
import type {
  CodeSpace,
  Code,
  Envelope,
  Header,
  MessageArea,
  Operation,
  Origin,
  Range,
  Status,
  Surface,
} from '../model';
import { formatFieldPath, type CatalogProblem, type Path } from '../problems';
import type { CatalogFiles, DroppedEntry, FileKind, SourceFile } from '../read-catalog';

/** Reports one problem at `path` of `source`: what is wrong and how to fix it. */
export type Report = (source: SourceFile, path: Path, message: string, fix: string) => void;

/** A place in a file: its source and the path of the entry in it. */
export interface Located {
  source: SourceFile;
  path: Path;
}

/** A code reference waiting for every code to be known: `related` or `deprecated.replacedBy`. */
export interface PendingReference extends Located {
  /** Key of the code that holds the reference. */
  key: string;
  /** The reference as written, e.g. `"1101"` or `"ledger:4100"`. */
  ref: string;
  kind: 'related' | 'replacedBy';
}

export interface ModelContext {
  readonly files: CatalogFiles;
  /** Every problem found, the readers' first (schema and YAML problems) included. */
  readonly problems: CatalogProblem[];
  readonly report: Report;
  /** What failed its schema or could not be placed (a codes file of an unknown space), already reported. */
  readonly dropped: DroppedEntry[];
  /**
   * Whether something left out may be what a reference names: a key or scope left unsaid matches
   * anything, and so does a scope that is no code space (the file named the wrong one). A reference
   * that finds nothing is then not reported a second time as "does not exist".
   */
  mayHold(kind: FileKind, key?: string, scope?: string): boolean;
  readonly envelopes: Map<string, Envelope>;
  /** The example bodies of each envelope that parsed, with the envelope's source. */
  readonly exampleBodies: Map<string, { source: SourceFile; bodies: ExampleBody[] }>;
  readonly surfaces: Map<string, Surface>;
  /** Code spaces by id, one per distinct `surface.codeSpace`. */
  readonly spaces: Map<string, CodeSpace>;
  readonly statuses: Map<number, Status>;
  /** Where each range was declared, for overlap messages. */
  readonly rangeLocations: Map<Range, Located>;
  /** Codes by key (`space:code`). */
  readonly codes: Map<string, Code>;
  /** Where each code was declared, by key. */
  readonly codeSources: Map<string, Located>;
  /** Code of each page address in a space, by `space/slug`. */
  readonly slugs: Map<string, string>;
  readonly pendingReferences: PendingReference[];
  /** Message areas by slug. */
  readonly areas: Map<string, MessageArea>;
  readonly headers: Header[];
  readonly operations: Operation[];
}

export function createModelContext(files: CatalogFiles): ModelContext {
  const problems: CatalogProblem[] = [...files.problems];
  const dropped = [...files.dropped];
  const spaces = new Map<string, CodeSpace>();
  return {
    files,
    problems,
    report: (source, path, message, fix) =>
      problems.push({ file: source.file, line: source.lineOf(path), field: formatFieldPath(path), message, fix }),
    dropped,
    mayHold: (kind, key, scope) =>
      dropped.some(
        (entry) =>
          entry.kind === kind &&
          (entry.key === undefined || key === undefined || entry.key === key) &&
          (entry.scope === undefined || scope === undefined || entry.scope === scope || !spaces.has(entry.scope)),
      ),
    envelopes: new Map(),
    exampleBodies: new Map(),
    surfaces: new Map(),
    spaces,
    statuses: new Map(),
    rangeLocations: new Map(),
    codes: new Map(),
    codeSources: new Map(),
    slugs: new Map(),
    pendingReferences: [],
    areas: new Map(),
    headers: [],
    operations: [],
  };
}

/**
 * Where an entry was declared, for the model. The line is found only when something asks for it:
 * finding lines takes the slower YAML document parse (see ../read-catalog.ts), which a sound
 * catalog never needs.
 */
export function originOf(source: SourceFile, path: Path): Origin {
  return {
    file: source.file,
    get line() {
      return source.lineOf(path);
    },
  };
}

/** `file:line`, or `file` when the line is unknown. */
export function describeOrigin(where: Origin): string {
  return `${where.file}${where.line ? `:${where.line}` : ''}`;
}

/** A code as written and as the model holds it, with where it was written. */
export interface CodeEntry extends Located {
  entry: CodeData;
  code: Code;
}

/** Every code entry that made it into the model, in file order, with its model code. */
export function codeEntries({ files, codes, codeSources }: ModelContext): CodeEntry[] {
  const keyAt = new Map<string, string>();
  for (const [key, where] of codeSources) keyAt.set(`${where.source.file}#${where.path.join('.')}`, key);
  return files.codes.flatMap(({ entries, source }) =>
    entries.flatMap(({ value: entry, path }) => {
      const code = codes.get(keyAt.get(`${source.file}#${path.join('.')}`) ?? '');
      return code ? [{ entry, code, source, path }] : [];
    }),
  );
}
