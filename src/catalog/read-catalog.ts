/**
 * Reads a catalog folder: finds the files of each concept, reads each one (./parse-file.ts) and
 * each guide (./guides.ts), and reports every file it does not read — as a problem when the file
 * looks like content that would silently be left off the site, as a warning when it looks like a
 * note or a backup. Problems are collected, never thrown one by one.
 */
import { readdirSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ApiData } from '../schemas/api';
import type { CodeData } from '../schemas/code';
import type { EnvelopeData } from '../schemas/envelope';
import type { HeaderData } from '../schemas/header';
import type { MessageData } from '../schemas/message';
import type { RangeData } from '../schemas/range';
import type { StatusData } from '../schemas/status';
import type { SurfaceData } from '../schemas/surface';
import type { z } from 'astro/zod';
import type { codeFileSchema } from '../schemas/code';
import type { headerFileSchema } from '../schemas/header';
import type { messageFileSchema } from '../schemas/message';
import type { operationFileSchema, OperationData } from '../schemas/operation';
import type { rangeFileSchema } from '../schemas/range';
import type { statusFileSchema } from '../schemas/status';
import { FileCache } from './file-cache';
import { parseGuide, type ParsedGuide } from './guides';
import {
  FILE_KINDS,
  parseCatalogFile,
  type DroppedEntry,
  type FileKind,
  type FileOutcome,
  type Parsed,
} from './parse-file';
import type { CatalogProblem } from './problems';
import { closest } from './suggest';

export type { SourceFile } from './source-file';
export type { DroppedEntry, Entry, FileKind, FileOutcome, Parsed } from './parse-file';
export { parseCatalogFile } from './parse-file';
export { parseGuide, type ParsedGuide } from './guides';

/** Everything the folder held that could be used, plus every problem and warning found so far. */
export interface CatalogFiles {
  api?: Parsed<ApiData>;
  surfaces: Parsed<SurfaceData>[];
  envelopes: Parsed<EnvelopeData>[];
  statuses: Parsed<z.output<typeof statusFileSchema>, StatusData>[];
  ranges: Parsed<z.output<typeof rangeFileSchema>, RangeData>[];
  codes: Parsed<z.output<typeof codeFileSchema>, CodeData>[];
  messages: Parsed<z.output<typeof messageFileSchema>, MessageData>[];
  headers: Parsed<z.output<typeof headerFileSchema>, HeaderData>[];
  operations: Parsed<z.output<typeof operationFileSchema>, OperationData>[];
  guides: ParsedGuide[];
  /** The catalog folder as shown in messages, e.g. `catalog` or `tests/fixtures/x`. */
  root: string;
  /** What failed its schema and was left out, already reported (see `DroppedEntry`). */
  dropped: DroppedEntry[];
  problems: CatalogProblem[];
  /** Files the build does not read but that look harmless: printed, the build goes on. */
  warnings: CatalogProblem[];
}

export type Folder = Exclude<FileKind, 'api'>;
const FOLDERS = Object.keys(FILE_KINDS).filter((kind): kind is Folder => kind !== 'api');
/** Folders whose files may sit in subfolders; elsewhere the file name is an id or a URL. */
const NESTING_FOLDERS = new Set<string>(['statuses', 'ranges', 'codes', 'messages', 'headers', 'operations']);
const YAML_FILE = /\.ya?ml$/i;
const SLUG = /^[a-z0-9][a-z0-9-]*$/;
/** Files that are evidently notes for the catalog's authors, not content: never reported. */
const AUTHOR_NOTES = /^(readme|license|licence|changelog|contributing|codeowners)(\.[a-z]+)?$/i;

/** What reading one guide gave: the guide and the problems found in it. */
type GuideOutcome = ReturnType<typeof parseGuide>;

/**
 * Each file's outcome kept between reads of one folder (the dev server): only the files that
 * changed are read, parsed and validated again, since each file's outcome depends on that file
 * alone. The cross-checks always run over all of them. Outcomes are shared, so never changed.
 */
export class ParsedFileCache extends FileCache<FileOutcome | GuideOutcome> {}

/**
 * Reads and validates every file of the catalog folder `dir`. With a `cache`, files unchanged since
 * the last read with that cache are not read again.
 */
export function readCatalogFiles(dir: string, cache?: ParsedFileCache): CatalogFiles {
  const read = (path: string, file: string, kind: FileKind): FileOutcome =>
    cache
      ? (cache.get(path, () => parseCatalogFile(path, file, kind)) as FileOutcome)
      : parseCatalogFile(path, file, kind);
  const readGuide = (path: string, file: string): GuideOutcome =>
    cache ? (cache.get(path, () => parseGuide(path, file)) as GuideOutcome) : parseGuide(path, file);
  const result: CatalogFiles = {
    surfaces: [],
    envelopes: [],
    statuses: [],
    ranges: [],
    codes: [],
    messages: [],
    headers: [],
    operations: [],
    guides: [],
    root: '',
    dropped: [],
    problems: [],
    warnings: [],
  };
  const display = (path: string) => relative(process.cwd(), path).split(sep).join('/') || '.';
  result.root = display(dir);
  const problem = (path: string, message: string, fix: string) =>
    result.problems.push({ file: display(path), field: '', message, fix });
  const warning = (path: string, message: string, fix: string) =>
    result.warnings.push({ file: display(path), field: '', message, fix });
  const readInto = (path: string, kind: FileKind) => {
    const outcome = read(path, display(path), kind);
    result.problems.push(...outcome.problems);
    result.dropped.push(...outcome.dropped);
    return outcome.parsed;
  };

  let dirStats: Stats | undefined;
  try {
    dirStats = statSync(dir);
  } catch {
    // Reported below.
  }
  if (!dirStats?.isDirectory()) {
    problem(
      dir,
      dirStats
        ? `the catalog folder ${display(dir)} is a file, not a folder`
        : `the catalog folder ${display(dir)} does not exist`,
      'point CATALOG_DIR (or catalogDir in astro.config.mjs) at a folder holding api.yaml, surfaces/, envelopes/ and statuses/',
    );
    return result;
  }
  const topLevel = listFolder(dir, problem);
  if (!topLevel) return result;

  const apiFiles: string[] = [];
  for (const { name, path, stats } of topLevel) {
    if (name.startsWith('.')) continue;
    if (!stats) {
      problem(
        path,
        'this is a link to something that does not exist',
        'point the link at a file or folder, or delete it',
      );
    } else if (/^api\.ya?ml$/i.test(name)) {
      if (stats.isDirectory()) {
        problem(path, `this is a folder, but its name ends like a YAML file`, 'delete it and write api.yaml as a file');
        continue;
      }
      apiFiles.push(path);
      if (apiFiles.length > 1) {
        problem(
          path,
          `the catalog has two api files (${apiFiles.map((file) => file.split(sep).pop()).join(' and ')})`,
          'keep one api.yaml and delete the other',
        );
        continue;
      }
      const parsed = readInto(path, 'api');
      if (parsed) result.api = parsed as Parsed<ApiData>;
    } else if ((FOLDERS as string[]).includes(name) && stats.isDirectory()) {
      readConceptFolder(name as Folder, path);
    } else if (name === 'guides' && stats.isDirectory()) {
      readGuides(path);
    } else if (AUTHOR_NOTES.test(name) && stats.isFile()) {
      continue;
    } else {
      reportTopLevel(name, path, stats);
    }
  }
  if (apiFiles.length === 0) {
    problem(
      join(dir, 'api.yaml'),
      'the catalog has no api.yaml',
      'create api.yaml with at least name:, description: and intro:',
    );
  }
  cache?.forgetUnasked();
  return result;

  function readConceptFolder(folder: Folder, folderPath: string): void {
    const ids = new Map<string, string>();
    for (const { path, name, stats, depth } of walk(folderPath, problem)) {
      if (!stats) {
        problem(
          path,
          'this is a link to something that does not exist',
          'point the link at an existing file, or delete it',
        );
        continue;
      }
      if (stats.isDirectory()) {
        if (YAML_FILE.test(name))
          problem(
            path,
            'this is a folder, but its name ends like a YAML file',
            `rename the folder (without .yaml), or move its files up into ${folder}/`,
          );
        else if (!NESTING_FOLDERS.has(folder))
          problem(
            path,
            `${folder}/ holds a subfolder, but ${folder} are read only from ${folder}/ itself: a ${folder.slice(0, -1)}'s id is its file name`,
            `move its files up into ${folder}/ (e.g. ${folder}/<id>.yaml), or out of the catalog folder`,
          );
        continue;
      }
      if (depth > 0 && !NESTING_FOLDERS.has(folder)) continue;
      if (!YAML_FILE.test(name)) {
        reportUnreadFile(folder, name, path);
        continue;
      }
      const parsed = readInto(path, folder);
      if (!parsed) continue;
      if (folder === 'surfaces' || folder === 'envelopes') {
        if (!SLUG.test(parsed.id)) {
          problem(
            path,
            `the file name "${parsed.id}" is used as the ${folder.slice(0, -1)} id and must be a lowercase slug`,
            `rename the file to something like ${folder}/${parsed.id.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.yaml`,
          );
          result.dropped.push({ kind: folder, key: parsed.id });
          continue;
        }
        const other = ids.get(parsed.id);
        if (other) {
          problem(
            path,
            `${display(other)} and this file both give the ${folder.slice(0, -1)} id "${parsed.id}"`,
            'keep one of the two files (the id is the file name without .yaml or .yml)',
          );
          continue;
        }
        ids.set(parsed.id, path);
      }
      (result[folder] as Parsed<unknown, unknown>[]).push(parsed);
    }
  }

  function readGuides(folderPath: string): void {
    for (const { path, name, stats, depth } of walk(folderPath, problem)) {
      if (!stats) {
        problem(
          path,
          'this is a link to something that does not exist',
          'point the link at an existing file, or delete it',
        );
      } else if (stats.isDirectory()) {
        problem(
          path,
          'guides/ holds a subfolder, but guides are read only from guides/ itself: a guide’s file name is its URL',
          'move its guides up into guides/ (e.g. guides/<id>.mdx), or out of the catalog folder',
        );
      } else if (depth > 0) {
        continue;
      } else if (/\.mdx$/i.test(name)) {
        const id = name.replace(/\.mdx$/i, '');
        if (!SLUG.test(id) || !name.endsWith('.mdx')) {
          problem(
            path,
            `the file name "${name}" is the guide's URL (guides/${id}/) and must be a lowercase slug ending in .mdx`,
            `rename it to guides/${
              id
                .toLowerCase()
                .replace(/[^a-z0-9]+/g, '-')
                .replace(/^-|-$/g, '') || 'guide'
            }.mdx`,
          );
          continue;
        }
        const { guide, problems } = readGuide(path, display(path));
        result.problems.push(...problems);
        result.guides.push(guide);
      } else if (/\.(md|markdown)$/i.test(name)) {
        problem(
          path,
          'guides are MDX files, so this Markdown file is not read',
          `rename it to guides/${name.replace(/\.(md|markdown)$/i, '.mdx')} (Markdown is valid MDX, except that { and < must be escaped)`,
        );
      } else {
        warning(
          path,
          'this file is not read: guides/ holds .mdx guides, and nothing else of it reaches the site',
          'move it out of guides/ if it is not meant for the site',
        );
      }
    }
  }

  /** A file of a concept folder that is not YAML. */
  function reportUnreadFile(folder: Folder, name: string, path: string): void {
    if (AUTHOR_NOTES.test(name)) return;
    const base = name.replace(/\.[^.]+$/, '');
    if (/\.json$/i.test(name))
      problem(
        path,
        `catalog files are YAML, so this JSON file is not read and its ${folder} would be missing from the site`,
        `rename it to ${folder}/${base}.yaml: YAML reads JSON as it is written`,
      );
    else if (/\.mdx?$/i.test(name))
      problem(path, `guides belong in guides/, so this file is not read`, `move it to guides/${base}.mdx`);
    else
      warning(
        path,
        `this file is not read: ${folder}/ holds .yaml files, and nothing else of it reaches the site`,
        /\.(ya?ml)[.~]|\.(bak|orig|swp|tmp|old)$|~$/i.test(name)
          ? 'delete it if it is a backup or an editor file'
          : `rename it to ${base}.yaml if it is meant for the site, or move it out of ${folder}/`,
      );
  }

  /** Something at the top level that is neither api.yaml nor a concept folder. */
  function reportTopLevel(name: string, path: string, stats: Stats): void {
    const folders = [...FOLDERS, 'guides'];
    const known = `a catalog holds api.yaml and the folders ${folders.join(', ')}`;
    if (stats.isDirectory()) {
      const near = closest(name, folders);
      problem(
        path,
        `"${name}" is not part of a catalog, so its content would be silently ignored`,
        near
          ? `rename it to ${near}/ (${known})`
          : `move its files into the folders they belong to (${known}), or out of the catalog folder`,
      );
      return;
    }
    if ((folders as string[]).includes(name)) {
      problem(
        path,
        `${name} is a file, but it must be the folder ${name}/`,
        `make ${name}/ a folder and put ${name} files in it`,
      );
      return;
    }
    if (!YAML_FILE.test(name) && !/\.(json|mdx)$/i.test(name)) {
      warning(
        path,
        'this file is not read: nothing of it reaches the site',
        'move it out of the catalog folder if it is not a note for its authors',
      );
      return;
    }
    const base = name.replace(/\.[^.]+$/, '');
    const near = /\.mdx$/i.test(name) ? 'guides' : closest(base, [...folders, 'api']);
    if (near && near !== 'api') {
      // What it holds is unknown: references into that folder are not reported as missing.
      if (near !== 'guides') result.dropped.push({ kind: near as Folder });
      problem(path, `${name} is not read: ${near} go in the folder ${near}/`, `move it to ${near}/${name}`);
    } else
      problem(
        path,
        `"${name}" is not part of a catalog, so its content would be silently ignored`,
        near === 'api'
          ? 'rename it to api.yaml'
          : `move its content into api.yaml or a file of one of the folders (${known})`,
      );
  }
}

interface Listed {
  name: string;
  path: string;
  /** Undefined for a link to nothing. */
  stats?: Stats;
  /** 0 for the folder's own entries. */
  depth: number;
}

/** The entries of one folder, sorted by name; undefined (reported) when it cannot be read. */
function listFolder(
  dir: string,
  problem: (path: string, message: string, fix: string) => void,
  depth = 0,
): Listed[] | undefined {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problem(
      dir,
      `the folder cannot be read (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code})`,
      'give yourself read permission (chmod u+rx), or move it out of the catalog folder',
    );
    return undefined;
  }
  return names.map((name) => {
    const path = join(dir, name);
    let stats: Stats | undefined;
    try {
      stats = statSync(path);
    } catch {
      stats = undefined;
    }
    return { name, path, stats, depth };
  });
}

/** Every entry below `dir` (hidden ones left out), depth first; folders listed before their content. */
function* walk(
  dir: string,
  problem: (path: string, message: string, fix: string) => void,
  depth = 0,
): Generator<Listed> {
  // Ten levels is deeper than any catalog; the bound also stops a link that loops back up.
  if (depth > 10) return;
  for (const entry of listFolder(dir, problem, depth) ?? []) {
    if (entry.name.startsWith('.')) continue;
    yield entry;
    if (entry.stats?.isDirectory()) yield* walk(entry.path, problem, depth + 1);
  }
}
