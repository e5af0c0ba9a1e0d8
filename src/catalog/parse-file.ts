/**
 * Reads one catalog file: its bytes (refusals by the file system and bad encodings reported like
 * any other problem), its YAML, and its schema — entry by entry, so that one bad entry costs only
 * itself and the rest of the file is still checked. Pure per file, so a caller may cache outcomes.
 */
import { readFileSync } from 'node:fs';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'astro/zod';
import { apiSchema } from '../schemas/api';
import { businessCodeSchema } from '../schemas/common';
import { codeFileSchema, codeSchema } from '../schemas/code';
import { envelopeSchema } from '../schemas/envelope';
import { headerFileSchema, headerSchema } from '../schemas/header';
import { messageFileSchema, messageSchema } from '../schemas/message';
import { operationFileSchema, operationSchema } from '../schemas/operation';
import { rangeFileSchema, rangeSchema } from '../schemas/range';
import { statusFileSchema, statusSchema } from '../schemas/status';
import { surfaceSchema } from '../schemas/surface';
import type { CatalogProblem, Path } from './problems';
import { salvage } from './salvage';
import { createSourceFile, type SourceFile } from './source-file';
import { decodeText } from './text-encoding';
import { toPlainData, yamlProblem, yamlWarningProblem } from './yaml-problems';
import { zodIssuesToProblems } from './zod-problems';

/** A file holding a list of entries under one key, validated entry by entry. */
interface ListKind {
  /** The key of the list, e.g. `codes`. */
  list: string;
  entry: z.ZodTypeAny;
  /** What other files refer to an entry by (its code, its status…), read from the raw entry. */
  keyOf?: (entry: Record<string, unknown>) => string | undefined;
  /** The head field that scopes the keys, e.g. `codeSpace`. */
  scope?: string;
}

const codeValue = (entry: Record<string, unknown>) => {
  const parsed = businessCodeSchema.safeParse(entry.code);
  return parsed.success ? parsed.data : undefined;
};

/** Every kind of YAML file of a catalog: its schema, and for list files how entries are known. */
export const FILE_KINDS = {
  api: { schema: apiSchema, shape: 'name:, description: and intro:' },
  surfaces: { schema: surfaceSchema, shape: 'name:, description: and envelopes:' },
  envelopes: { schema: envelopeSchema, shape: 'name:, description:, fields: and examples:' },
  statuses: {
    schema: statusFileSchema,
    shape: 'statuses: and the list of statuses under it',
    list: { list: 'statuses', entry: statusSchema, keyOf: (entry) => numberKey(entry.status) },
  },
  ranges: {
    schema: rangeFileSchema,
    shape: 'codeSpace: and ranges:',
    list: { list: 'ranges', entry: rangeSchema, scope: 'codeSpace' },
  },
  codes: {
    schema: codeFileSchema,
    shape: 'codeSpace: and codes:',
    list: { list: 'codes', entry: codeSchema, keyOf: codeValue, scope: 'codeSpace' },
  },
  messages: {
    schema: messageFileSchema,
    shape: 'area: and messages:',
    list: { list: 'messages', entry: messageSchema },
  },
  headers: {
    schema: headerFileSchema,
    shape: 'headers: and the list of headers under it',
    list: {
      list: 'headers',
      entry: headerSchema,
      keyOf: (entry) => (typeof entry.name === 'string' ? entry.name.toLowerCase() : undefined),
    },
  },
  operations: {
    schema: operationFileSchema,
    shape: 'surface: and operations:',
    list: { list: 'operations', entry: operationSchema, scope: 'surface' },
  },
} satisfies Record<string, { schema: z.ZodTypeAny; shape: string; list?: ListKind }>;
export type FileKind = keyof typeof FILE_KINDS;

function numberKey(value: unknown): string | undefined {
  return typeof value === 'number' ? String(value) : undefined;
}

/** One valid entry of a list file and where it is: its index in the file as written. */
export interface Entry<E> {
  value: E;
  path: Path;
}

/** A file that passed its schema (entries that failed were left out), with its source for later messages. */
export interface Parsed<T, E = never> {
  /** The file's id: its name without extension (used for surfaces and envelopes). */
  id: string;
  /** The file's data; a list file's list holds only its valid entries. */
  data: T;
  /** A list file's valid entries, each with its path in the file as written. */
  entries: Entry<E>[];
  source: SourceFile;
}

/**
 * Something that failed its schema and was left out (already reported): what it stood for, when
 * that much could be read. A reference to it is not reported a second time as "does not exist".
 */
export interface DroppedEntry {
  kind: FileKind;
  /** Its key (a code, a status number, a lowercase header name, a file id), when readable. */
  key?: string;
  /** Its scope (the code space of a codes or ranges file), when readable. */
  scope?: string;
}

/** What reading one file gave: the file, unless nothing of it could be used, and what was wrong. */
export interface FileOutcome {
  parsed?: Parsed<unknown, unknown>;
  problems: CatalogProblem[];
  dropped: DroppedEntry[];
}

const YAML_EXTENSION = /\.ya?ml$/i;

/** Reads, parses and validates the file at `path` (shown as `file` in problems) as a file of `kind`. */
export function parseCatalogFile(path: string, file: string, kind: FileKind): FileOutcome {
  const id = (path.split(/[\\/]/).pop() ?? '').replace(YAML_EXTENSION, '');
  const refused = (problem: Omit<CatalogProblem, 'file' | 'field'>): FileOutcome => ({
    problems: [{ file, field: '', ...problem }],
    dropped: [{ kind, key: kind === 'surfaces' || kind === 'envelopes' ? id : undefined }],
  });
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return refused(fileSystemRefusal(error as NodeJS.ErrnoException));
  }
  const decoded = decodeText(bytes);
  if ('problem' in decoded) return refused(decoded.problem);
  const text = decoded.text;
  const { shape } = FILE_KINDS[kind];
  if (text.trim() === '')
    return refused({
      message: bytes.length === 0 ? 'the file is empty (0 bytes)' : 'the file holds nothing but blank lines',
      fix: `write its content (${shape}) or delete the file`,
    });

  // Two parsers, one meaning (YAML 1.2 core schema both). js-yaml reads a well-formed file about
  // ten times faster, which is most of the load time of a large catalog. The document parser, which
  // knows the line of every node and words syntax errors for authors, runs only when it is needed:
  // when js-yaml refuses the text (then its verdict and message are the ones reported) or when a
  // problem in this file asks for a line or for how a value was written.
  let parsed: { doc: Document; lineCounter: LineCounter } | undefined;
  const documentOf = () => {
    if (!parsed) {
      const lineCounter = new LineCounter();
      parsed = { doc: parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true }), lineCounter };
    }
    return parsed;
  };
  let plain: unknown;
  let warnings: CatalogProblem[] = [];
  try {
    plain = loadYaml(text, { schema: CORE_SCHEMA, filename: file });
  } catch {
    const { doc, lineCounter } = documentOf();
    if (doc.errors.length > 0) return { problems: [yamlProblem(doc.errors[0]!, text, file)], dropped: [{ kind }] };
    warnings = doc.warnings.map((warning) => yamlWarningProblem(warning, file));
    const converted = toPlainData(doc, lineCounter, file);
    if ('problem' in converted) return { problems: [converted.problem], dropped: [{ kind }] };
    plain = converted.plain;
  }
  const source = createSourceFile(file, text, documentOf, plain);
  if (plain === null || plain === undefined || typeof plain !== 'object' || Array.isArray(plain)) {
    const problem = notAMapping(plain, kind, shape);
    return { problems: [{ file, line: source.lineOf([]), field: '', ...problem }, ...warnings], dropped: [{ kind }] };
  }
  const outcome = validate(plain as Record<string, unknown>, kind, id, source);
  // A value misread because of its tag fails its schema too; the tag is the problem to fix.
  const misread = new Set(warnings.map((warning) => warning.line));
  outcome.problems = [...warnings, ...outcome.problems.filter((problem) => !misread.has(problem.line))];
  return outcome;
}

function fileSystemRefusal(error: NodeJS.ErrnoException): Omit<CatalogProblem, 'file' | 'field'> {
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
      return {
        message: 'the file cannot be read: permission denied',
        fix: 'give yourself read permission (chmod u+r), or move the file out of the catalog folder',
      };
    case 'ENOENT':
      return {
        message: 'the file is a link to a file that does not exist',
        fix: 'point the link at an existing file, or delete it',
      };
    case 'EISDIR':
      return {
        message: 'this is a folder, but its name ends like a YAML file',
        fix: 'rename the folder (without .yaml), or move its files up into the folder above',
      };
    default:
      return {
        message: `the file cannot be read (${error.code ?? error.message})`,
        fix: 'check the file can be opened, or move it out of the catalog folder',
      };
  }
}

function notAMapping(contents: unknown, kind: FileKind, shape: string): Omit<CatalogProblem, 'file' | 'field'> {
  const where = kind === 'api' ? 'api.yaml' : `a file of ${kind}/`;
  const spec = FILE_KINDS[kind];
  if (contents === null || contents === undefined)
    return {
      message: 'the file holds nothing but comments',
      fix: `write its content (${shape}) or delete the file`,
    };
  if (Array.isArray(contents)) {
    const list = 'list' in spec ? (spec.list as ListKind) : undefined;
    const scope = list?.scope ?? (kind === 'messages' ? 'area' : undefined);
    return {
      message: `the file is a list, but ${where} is a mapping of fields (${shape})`,
      fix: list
        ? `put the list under a "${list.list}:" line, indented by two spaces${scope ? `, with "${scope}: …" above it` : ''}`
        : `write the fields (${shape}) as "key: value" lines, without a leading "- "`,
    };
  }
  return {
    message: `the file holds a single value, but ${where} is a mapping of fields (${shape})`,
    fix: 'write each field as "key: value" on a line of its own',
  };
}

const headSchemas = new Map<FileKind, z.AnyZodObject>();

/** A list file's schema with its list taken as raw items: the entries are validated one by one. */
function headSchemaOf(kind: FileKind, schema: z.AnyZodObject, list: string): z.AnyZodObject {
  let head = headSchemas.get(kind);
  if (!head) headSchemas.set(kind, (head = schema.extend({ [list]: z.array(z.unknown()).min(1) })));
  return head;
}

/**
 * Validates a file's data. A list file's head (its fields other than the list) and each entry are
 * validated on their own: problems are reported from every one of them, an entry that fails is
 * salvaged (what is valid of it is kept) or dropped, and the others are kept.
 */
function validate(plain: Record<string, unknown>, kind: FileKind, id: string, source: SourceFile): FileOutcome {
  const spec = FILE_KINDS[kind];
  const schema: z.ZodTypeAny = spec.schema;
  if (!('list' in spec)) {
    const outcome = schema.safeParse(plain);
    if (outcome.success) return { parsed: { id, data: outcome.data, entries: [], source }, problems: [], dropped: [] };
    const problems = zodIssuesToProblems(outcome.error.issues, source, schema);
    const kept = salvage(schema, plain);
    const key = kind === 'surfaces' || kind === 'envelopes' ? id : undefined;
    return kept === undefined
      ? { problems, dropped: [{ kind, key }] }
      : { parsed: { id, data: kept, entries: [], source }, problems, dropped: [] };
  }
  const { list, entry: entrySchema, keyOf, scope } = spec.list as ListKind;
  const headSchema = headSchemaOf(kind, schema as z.AnyZodObject, list);
  const head = headSchema.safeParse(plain);
  const issues: z.ZodIssue[] = head.success ? [] : [...head.error.issues];
  const headKept: unknown = head.success ? head.data : salvage(headSchema, plain);
  const rawEntries = Array.isArray(plain[list]) ? (plain[list] as unknown[]) : [];
  const scopeValue = scope && typeof plain[scope] === 'string' ? (plain[scope] as string) : undefined;
  const entries: Entry<unknown>[] = [];
  const dropped: DroppedEntry[] = [];
  rawEntries.forEach((raw, index) => {
    const path = [list, index];
    const outcome = entrySchema.safeParse(raw, { path });
    if (outcome.success) {
      entries.push({ value: outcome.data, path });
      return;
    }
    issues.push(...outcome.error.issues);
    const kept = salvage(entrySchema, raw);
    if (kept !== undefined) entries.push({ value: kept, path });
    else {
      const rawEntry = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
      dropped.push({ kind, key: keyOf?.(rawEntry), scope: scopeValue });
    }
  });
  const problems = zodIssuesToProblems(issues, source, schema);
  if (headKept === undefined) {
    // Without a valid head (its code space, its area…) the entries cannot be placed.
    return { problems, dropped: [{ kind, scope: scopeValue }] };
  }
  const data = { ...(headKept as Record<string, unknown>), [list]: entries.map((entry) => entry.value) };
  return { parsed: { id, data, entries, source }, problems, dropped };
}
