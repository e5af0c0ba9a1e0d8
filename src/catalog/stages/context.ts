/**
 * The one context the model-building stages share (see ../build-model.ts): the validated files,
 * the entries resolved so far and the one problem list every stage appends to.
 */
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
import type { CatalogFiles, SourceFile } from '../read-catalog';

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
  /**
   * True when some codes could not be read (a file failed its schema, or named an unknown code
   * space): a reference to a code that is not found may point at one of them, so it is not reported.
   */
  codesUnknown: boolean;
  readonly envelopes: Map<string, Envelope>;
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
  return {
    files,
    problems,
    report: (source, path, message, fix) =>
      problems.push({ file: source.file, line: source.lineOf(path), field: formatFieldPath(path), message, fix }),
    codesUnknown: isUnreadable(files, 'codes'),
    envelopes: new Map(),
    surfaces: new Map(),
    spaces: new Map(),
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
 * Whether a file of `folder` failed its schema. It was reported already; what it held is unknown,
 * so references into its folder are not reported again as "does not exist".
 */
export function isUnreadable(files: CatalogFiles, folder: keyof CatalogFiles['unreadable']): boolean {
  return (files.unreadable[folder]?.length ?? 0) > 0;
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
