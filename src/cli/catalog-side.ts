/**
 * One side of `error-catalog diff`: a catalog folder, or `git:<ref>` — the catalog folder as it is
 * at that commit, read from git's object store (`git ls-tree`, `git cat-file`) into a temporary
 * folder, never by a checkout, then loaded by the same loader as the build. A side that cannot be
 * read or does not pass `check` is bad input (exit 2), said in one paragraph.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Catalog } from '../catalog/model';
import { formatProblems } from '../catalog/problems';
import { catalogFromExport, ExportReadError } from '../publishing/catalog-from-export';
import { inspectCatalog, requireCatalogFolder } from './catalog-folder';
import { InputError } from './errors';

export interface LoadedSide {
  /** How the user named it: `catalog`, `git:main`. */
  name: string;
  catalog: Catalog;
  /** True for a built catalog.json: the other side is then compared through the export too. */
  fromExport?: boolean;
}

const GIT_PREFIX = 'git:';

/**
 * Loads `side`. `folder` is the catalog folder a `git:<ref>` side reads at that commit (the other
 * side's folder, or `catalog`); `git:<ref>:<folder>` names it explicitly.
 */
export function loadSide(side: string, folder: string, cwd: string): LoadedSide {
  if (!side.startsWith(GIT_PREFIX)) {
    if (isExportFile(side)) return { name: side, catalog: readExport(side), fromExport: true };
    requireCatalogFolder(side, 'Each side of diff is a catalog folder or git:<ref> (e.g. git:main).');
    return { name: side, catalog: loadFolder(side, side) };
  }
  const spec = side.slice(GIT_PREFIX.length);
  const colon = spec.indexOf(':');
  const ref = colon === -1 ? spec : spec.slice(0, colon);
  const path = colon === -1 ? folder : spec.slice(colon + 1);
  if (!ref) throw new InputError(`"${side}" names no git ref; write git:<branch, tag or commit>, e.g. git:main.`);
  const temp = mkdtempSync(join(tmpdir(), 'error-catalog-diff-'));
  try {
    readFromGit(ref, path, cwd, temp, side);
    return { name: side, catalog: loadFolder(temp, side, `${ref}:${path}`) };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** The side the user named as a folder, for `git:<ref>` on the other side (not a git ref, not a catalog.json). */
export function folderOf(side: string): string | undefined {
  return side.startsWith(GIT_PREFIX) || isExportFile(side) ? undefined : side;
}

/** A file named `*.json`: a catalog.json written by a build. */
function isExportFile(side: string): boolean {
  return /\.json$/i.test(side) && existsSync(side) && statSync(side).isFile();
}

/** Reads a built catalog.json into the model (src/publishing/catalog-from-export.ts). */
function readExport(file: string): Catalog {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `${file} is not valid JSON (${(error as Error).message}); a side of diff is a catalog folder, a catalog.json written by a build, or git:<ref>.`,
    );
  }
  try {
    return catalogFromExport(parsed);
  } catch (error) {
    if (!(error instanceof ExportReadError)) throw error;
    throw new InputError(
      `${file} is not a catalog.json written by a build: ${error.message}. Build the site (it writes catalog.json at the site's root), or compare the catalog folder.`,
    );
  }
}

/** Loads a folder; `shownAs` names a temporary folder in messages (`main:catalog`). */
function loadFolder(dir: string, name: string, shownAs?: string): Catalog {
  const { files, catalog, problems } = inspectCatalog(dir);
  if (catalog && problems.length === 0) return catalog;
  let report = formatProblems(files.root, problems, { consequence: '' });
  if (shownAs) report = report.split(files.root).join(shownAs);
  throw new InputError(
    `${name} is not a sound catalog, so it cannot be compared; run \`error-catalog check\` on it and fix what it lists:\n\n${report}`,
  );
}

function git(args: string[], cwd: string, input?: string): { ok: boolean; stdout: Buffer; stderr: string } {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: 1024 * 1024 * 1024 });
  if (result.error) {
    throw new InputError(
      `git could not be run (${result.error.message}); install git, or compare two catalog folders instead of git:<ref>.`,
    );
  }
  return { ok: result.status === 0, stdout: result.stdout, stderr: result.stderr.toString().trim() };
}

/** Writes the files of `path` at commit `ref` into `target`. */
function readFromGit(ref: string, path: string, cwd: string, target: string, side: string): void {
  const top = git(['rev-parse', '--show-toplevel'], cwd);
  if (!top.ok)
    throw new InputError(
      `${side}: ${cwd} is not inside a git repository, so there is no ${ref} to read the catalog from.`,
    );
  const root = top.stdout.toString().trim();
  const commit = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  if (!commit.ok)
    throw new InputError(
      `${side}: git knows no commit "${ref}". Name a branch, tag or commit that exists (git branch -a, git log); in CI, fetch the base branch first (actions/checkout with fetch-depth: 0).`,
    );
  const prefix = relative(root, resolve(cwd, path)).split(sep).join('/');
  if (prefix.startsWith('..'))
    throw new InputError(`${side}: the catalog folder ${path} is outside the git repository at ${root}.`);
  const listing = git(['ls-tree', '-r', '-z', '--full-tree', commit.stdout.toString().trim(), '--', prefix], cwd);
  const entries = listing.stdout
    .toString()
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, file] = line.split('\t') as [string, string];
      const [, type, oid] = meta.split(' ') as [string, string, string];
      return { type, oid, file };
    })
    .filter((entry) => entry.type === 'blob');
  if (!listing.ok || entries.length === 0)
    throw new InputError(
      `${side}: there is no catalog folder ${prefix || '.'} at ${ref}. Name the folder with git:${ref}:<folder>, or check that the catalog existed at that commit.`,
    );
  // One git process for every file: `cat-file --batch` answers "<oid> blob <size>\n<bytes>\n" per line asked.
  const batch = git(['cat-file', '--batch'], cwd, entries.map((entry) => entry.oid).join('\n') + '\n');
  let offset = 0;
  for (const entry of entries) {
    const newline = batch.stdout.indexOf(0x0a, offset);
    const header = batch.stdout.subarray(offset, newline).toString();
    const size = Number(header.split(' ')[2]);
    const bytes = batch.stdout.subarray(newline + 1, newline + 1 + size);
    offset = newline + 1 + size + 1;
    const file = join(target, relative(prefix, entry.file));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }
}
