/**
 * Reads a catalog folder: finds the files of each concept, parses their YAML and validates each
 * file against its schema. Problems are collected, never thrown one by one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type { z } from 'astro/zod';
import { apiSchema, type ApiData } from '../schemas/api';
import { codeFileSchema } from '../schemas/code';
import { envelopeSchema, type EnvelopeData } from '../schemas/envelope';
import { headerFileSchema } from '../schemas/header';
import { messageFileSchema } from '../schemas/message';
import { operationFileSchema } from '../schemas/operation';
import { rangeFileSchema } from '../schemas/range';
import { statusFileSchema } from '../schemas/status';
import { surfaceSchema, type SurfaceData } from '../schemas/surface';
import { FileCache } from './file-cache';
import type { CatalogProblem } from './problems';
import { closest } from './suggest';
import { zodIssuesToProblems } from './zod-problems';

/** A parsed file: its display path and a way to find the line of any field in it. */
export interface SourceFile {
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  /** 1-based line of the value at `path`, or of the nearest parent that exists. */
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
  /** The value written at `path` (plain data), or undefined; lets messages quote what was written. */
  valueAt(path: ReadonlyArray<string | number>): unknown;
}

/** A validated file of one concept, with its source for later cross-check messages. */
export interface Parsed<T> {
  /** The file's id: its name without extension (used for surfaces and envelopes). */
  id: string;
  data: T;
  source: SourceFile;
}

/** Everything the folder held that passed its schema, plus every problem found so far. */
export interface CatalogFiles {
  api?: Parsed<ApiData>;
  surfaces: Parsed<SurfaceData>[];
  envelopes: Parsed<EnvelopeData>[];
  statuses: Parsed<z.output<typeof statusFileSchema>>[];
  ranges: Parsed<z.output<typeof rangeFileSchema>>[];
  codes: Parsed<z.output<typeof codeFileSchema>>[];
  messages: Parsed<z.output<typeof messageFileSchema>>[];
  headers: Parsed<z.output<typeof headerFileSchema>>[];
  operations: Parsed<z.output<typeof operationFileSchema>>[];
  /** The catalog folder as shown in messages, e.g. `catalog` or `tests/fixtures/x`. */
  root: string;
  /**
   * Ids (file names) of the files of each folder that could not be read, already reported.
   * References into a folder with such a file may point at what that file held, so the
   * cross-checks do not report them a second time as "does not exist".
   */
  unreadable: Partial<Record<Folder | 'api', string[]>>;
  problems: CatalogProblem[];
}

const FOLDER_SCHEMAS = {
  surfaces: surfaceSchema,
  envelopes: envelopeSchema,
  statuses: statusFileSchema,
  ranges: rangeFileSchema,
  codes: codeFileSchema,
  messages: messageFileSchema,
  headers: headerFileSchema,
  operations: operationFileSchema,
} as const;
export type Folder = keyof typeof FOLDER_SCHEMAS;

/** Folders that hold something other than YAML; they are read elsewhere. */
const OTHER_FOLDERS = new Set(['guides']);
const YAML_FILE = /\.ya?ml$/;
const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** What reading one file gave: the file, when it passed its schema, and the problems found in it. */
export interface FileOutcome {
  parsed?: Parsed<unknown>;
  problems: CatalogProblem[];
}

/**
 * Each file's outcome kept between reads of one folder (the dev server): only the files that
 * changed are parsed and validated again. The cross-checks always run over all of them.
 */
export class ParsedFileCache extends FileCache<FileOutcome> {}

/**
 * Reads and validates every file of the catalog folder `dir`. With a `cache`, files unchanged since
 * the last read with that cache are not read again (their outcome is shared, so it is never changed).
 */
export function readCatalogFiles(dir: string, cache?: ParsedFileCache): CatalogFiles {
  const result: CatalogFiles = {
    surfaces: [],
    envelopes: [],
    statuses: [],
    ranges: [],
    codes: [],
    messages: [],
    headers: [],
    operations: [],
    root: '',
    unreadable: {},
    problems: [],
  };
  const display = (path: string) => relative(process.cwd(), path).split(sep).join('/') || '.';
  result.root = display(dir);
  const markUnreadable = (folder: Folder | 'api', path: string) =>
    (result.unreadable[folder] ??= []).push((path.split(/[\\/]/).pop() ?? '').replace(YAML_FILE, ''));
  const read = <S extends z.ZodTypeAny>(path: string, schema: S): Parsed<z.output<S>> | undefined => {
    const file = display(path);
    const outcome = cache ? cache.get(path, () => parseFile(path, file, schema)) : parseFile(path, file, schema);
    result.problems.push(...outcome.problems);
    return outcome.parsed as Parsed<z.output<S>> | undefined;
  };

  let topLevel: string[];
  try {
    topLevel = readdirSync(dir).sort();
  } catch {
    result.problems.push({
      file: display(dir),
      field: '',
      message: `the catalog folder ${display(dir)} does not exist or cannot be read`,
      fix: 'point CATALOG_DIR at a folder holding api.yaml, surfaces/, envelopes/ and statuses/',
    });
    return result;
  }

  for (const name of topLevel) {
    const path = join(dir, name);
    if (name.startsWith('.') || name.toLowerCase() === 'readme.md') continue;
    if (name === 'api.yaml' || name === 'api.yml') {
      const parsed = read(path, apiSchema);
      if (parsed) result.api = parsed;
      else markUnreadable('api', path);
    } else if (name in FOLDER_SCHEMAS && statSync(path).isDirectory()) {
      const folder = name as Folder;
      for (const filePath of listYamlFiles(path)) {
        const parsed = read(filePath, FOLDER_SCHEMAS[folder]);
        if (!parsed) {
          markUnreadable(folder, filePath);
          continue;
        }
        if ((folder === 'surfaces' || folder === 'envelopes') && !SLUG.test(parsed.id)) {
          result.problems.push({
            file: parsed.source.file,
            field: '',
            message: `the file name "${parsed.id}" is used as the ${folder.slice(0, -1)} id and must be a lowercase slug`,
            fix: `rename the file to something like ${folder}/${parsed.id.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.yaml`,
          });
          continue;
        }
        (result[folder] as Parsed<unknown>[]).push(parsed);
      }
    } else if (!OTHER_FOLDERS.has(name)) {
      const known = [...Object.keys(FOLDER_SCHEMAS), ...OTHER_FOLDERS];
      const near = closest(name.replace(YAML_FILE, ''), [...known, 'api']);
      result.problems.push({
        file: display(path),
        field: '',
        message: `"${name}" is not part of a catalog, so its content would be silently ignored`,
        fix: near
          ? `rename it to ${near === 'api' ? 'api.yaml' : `${near}/`} (a catalog holds api.yaml and the folders ${known.join(', ')})`
          : `move its content into api.yaml or one of the folders ${known.join(', ')}, or move it out of the catalog folder`,
      });
    }
  }
  if (!result.api && !result.problems.some((p) => p.file.endsWith('api.yaml'))) {
    result.problems.push({
      file: display(join(dir, 'api.yaml')),
      field: '',
      message: 'the catalog has no api.yaml',
      fix: 'create api.yaml with at least name:, description: and intro:',
    });
  }
  cache?.forgetUnasked();
  return result;
}

function listYamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => YAML_FILE.test(name))
    .sort()
    .map((name) => join(dir, name));
}

function parseFile<S extends z.ZodTypeAny>(path: string, file: string, schema: S): FileOutcome {
  const text = readFileSync(path, 'utf8');
  // Two parsers, one meaning (YAML 1.2 core schema both). js-yaml reads a well-formed file about
  // ten times faster, which is most of the load time of a large catalog. The document parser, which
  // knows the line of every node and words syntax errors for authors, runs only when it is needed:
  // when js-yaml refuses the text (then its verdict and message are the ones reported) or when a
  // problem in this file asks for a line.
  let plain: unknown;
  let fast = true;
  try {
    plain = loadYaml(text, { schema: CORE_SCHEMA, filename: file });
  } catch {
    fast = false;
  }
  let parsed: { doc: Document; lineCounter: LineCounter } | undefined;
  const documentOf = () => {
    if (!parsed) {
      const lineCounter = new LineCounter();
      parsed = { doc: parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true }), lineCounter };
    }
    return parsed;
  };
  const source: SourceFile = {
    file,
    lineOf: (fieldPath) => lineOfPath(documentOf().doc, documentOf().lineCounter, fieldPath),
    valueAt: (fieldPath) => valueAtPath(plain, fieldPath),
  };
  const id = (path.split(/[\\/]/).pop() ?? '').replace(YAML_FILE, '');
  if (!fast) {
    const { doc } = documentOf();
    if (doc.errors.length > 0) {
      // Only the first error: after one YAML mistake the parser's later errors are its consequences.
      return { problems: [yamlProblem(doc.errors[0]!, text, file)] };
    }
    plain = doc.toJS();
  }
  const outcome = schema.safeParse(plain);
  if (!outcome.success) return { problems: zodIssuesToProblems(outcome.error.issues, source, schema) };
  return { parsed: { id, data: outcome.data, source }, problems: [] };
}

function lineOfPath(doc: Document, counter: LineCounter, path: ReadonlyArray<string | number>): number | undefined {
  for (let length = path.length; length >= 0; length -= 1) {
    const node = doc.getIn(path.slice(0, length), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

function valueAtPath(data: unknown, path: ReadonlyArray<string | number>): unknown {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

/** A YAML syntax error in words an author can act on, with the line and column it was found at. */
function yamlProblem(error: YAMLError, text: string, file: string): CatalogProblem {
  const position = error.linePos?.[0];
  const where = position ? ` (line ${position.line}, column ${position.col})` : '';
  // The parser's message ends with " at line L, column C:" and a code frame; keep the first clause.
  const what = error.message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/"quote/, 'quote')
    .replace(/^[A-Z](?![A-Z])/, (first) => first.toLowerCase());
  let message = `this is not valid YAML: ${what}${where}`;
  let fix = 'check the indentation and the quoting on that line; quote values that contain ": " or " #", or that start with { [ * & ! | > % @ or a quote';
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^\s*([^:\n]+?)\s*:/.exec(text.slice(error.pos[0]))?.[1];
    message = `the key ${key ? `"${key}" ` : ''}appears twice in the same mapping${where}`;
    fix = 'keep one of the two; if they belong to different entries, start the second entry with "- "';
  } else if (error.code === 'MISSING_CHAR' && /quote/i.test(what)) {
    fix = 'close the quoted text on the same line, or use a block scalar (key: |) for text over several lines';
  } else if (error.code === 'TAB_AS_INDENT') {
    fix = 'indent with spaces; YAML does not allow tabs for indentation';
  } else if (error.code === 'BAD_INDENT' || error.code === 'MISSING_CHAR') {
    fix = 'align the line with the other keys of its entry (spaces only), and check that brackets and quotes are closed';
  }
  return { file, line: position?.line, field: '', message, fix };
}
