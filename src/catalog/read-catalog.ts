/**
 * Reads a catalog folder: finds the files of each concept, parses their YAML and validates each
 * file against its schema. Problems are collected, never thrown one by one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { apiSchema, type ApiData } from '../schemas/api';
import { codeFileSchema } from '../schemas/code';
import { envelopeSchema, type EnvelopeData } from '../schemas/envelope';
import { headerFileSchema } from '../schemas/header';
import { messageFileSchema } from '../schemas/message';
import { rangeFileSchema } from '../schemas/range';
import { statusFileSchema } from '../schemas/status';
import { surfaceSchema, type SurfaceData } from '../schemas/surface';
import type { CatalogProblem } from './problems';
import { zodIssueToProblem } from './zod-problems';

/** A parsed file: its display path and a way to find the line of any field in it. */
export interface SourceFile {
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  /** 1-based line of the value at `path`, or of the nearest parent that exists. */
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
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
} as const;
type Folder = keyof typeof FOLDER_SCHEMAS;

/** Folders that hold something other than YAML; they are read elsewhere. */
const OTHER_FOLDERS = new Set(['guides']);
const YAML_FILE = /\.ya?ml$/;
const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** Reads and validates every file of the catalog folder `dir`. */
export function readCatalogFiles(dir: string): CatalogFiles {
  const result: CatalogFiles = {
    surfaces: [],
    envelopes: [],
    statuses: [],
    ranges: [],
    codes: [],
    messages: [],
    headers: [],
    problems: [],
  };
  const display = (path: string) => relative(process.cwd(), path).split(sep).join('/') || '.';

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
      const parsed = parseFile(path, display(path), apiSchema, result.problems);
      if (parsed) result.api = parsed;
    } else if (name in FOLDER_SCHEMAS && statSync(path).isDirectory()) {
      const folder = name as Folder;
      for (const filePath of listYamlFiles(path)) {
        const parsed = parseFile(filePath, display(filePath), FOLDER_SCHEMAS[folder], result.problems);
        if (!parsed) continue;
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
      result.problems.push({
        file: display(path),
        field: '',
        message: `"${name}" is not part of a catalog, so it would be ignored`,
        fix: `move its content into api.yaml or one of the folders ${[...Object.keys(FOLDER_SCHEMAS), ...OTHER_FOLDERS].join(', ')}`,
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
  return result;
}

function listYamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => YAML_FILE.test(name))
    .sort()
    .map((name) => join(dir, name));
}

function parseFile<S extends z.ZodTypeAny>(
  path: string,
  file: string,
  schema: S,
  problems: CatalogProblem[],
): Parsed<z.output<S>> | undefined {
  const text = readFileSync(path, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const source: SourceFile = { file, lineOf: (fieldPath) => lineOfPath(doc, lineCounter, fieldPath) };
  const id = (path.split(/[\\/]/).pop() ?? '').replace(YAML_FILE, '');
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      problems.push({
        file,
        line: error.linePos?.[0]?.line,
        field: '',
        message: `this is not valid YAML: ${error.message.split('\n')[0]}`,
        fix: 'check the indentation and quoting on that line; quote values that contain ": " or start with { [ * & ! | > % @',
      });
    }
    return undefined;
  }
  const outcome = schema.safeParse(doc.toJS());
  if (!outcome.success) {
    for (const issue of outcome.error.issues) problems.push(zodIssueToProblem(issue, source, schema));
    return undefined;
  }
  return { id, data: outcome.data, source };
}

function lineOfPath(doc: Document, counter: LineCounter, path: ReadonlyArray<string | number>): number | undefined {
  for (let length = path.length; length >= 0; length -= 1) {
    const node = doc.getIn(path.slice(0, length), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}
