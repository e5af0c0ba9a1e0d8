/**
 * A set of file changes to one catalog folder, held in memory until it is known to be sound: the
 * changed catalog is checked (by the build's validation, on a temporary copy) before anything is
 * written; `--dry-run` shows the changes as a unified diff; writing goes to temporary files that
 * are then renamed over the originals, so a catalog is never left half-written.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { CatalogProblem } from '../catalog/problems';
import { inspectCatalog } from './catalog-folder';

interface FileChange {
  /** Text before the change; undefined for a new file. */
  before: string | undefined;
  after: string;
}

export class CatalogChanges {
  private readonly files = new Map<string, FileChange>();

  /** `dir` is the catalog folder as the user named it (relative to the working directory or absolute). */
  constructor(readonly dir: string) {}

  /** The current text of a catalog file (`codes/core.yaml`): as changed here, else as on disk. */
  read(file: string): string | undefined {
    const changed = this.files.get(file);
    if (changed) return changed.after;
    const path = join(this.dir, file);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  }

  /** Records the new text of a catalog file. */
  write(file: string, text: string): void {
    const before = this.files.has(file) ? this.files.get(file)!.before : this.read(file);
    if (before === text) this.files.delete(file);
    else this.files.set(file, { before, after: text });
  }

  get size(): number {
    return this.files.size;
  }

  /** Changed files, sorted, as paths relative to the working directory. */
  paths(): string[] {
    return [...this.files.keys()].sort().map((file) => this.display(file));
  }

  /** New files (created by these changes). */
  created(): string[] {
    return [...this.files.entries()]
      .filter(([, change]) => change.before === undefined)
      .map(([file]) => this.display(file));
  }

  /** The changes as a unified diff (`--- a/catalog/…` / `+++ b/catalog/…`), new files against /dev/null. */
  diff(): string {
    return [...this.files.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([file, change]) => {
        const path = this.display(file);
        return createTwoFilesPatch(
          change.before === undefined ? '/dev/null' : `a/${path}`,
          `b/${path}`,
          change.before ?? '',
          change.after,
          undefined,
          undefined,
          { context: 3 },
        ).replace(/^=+\n/m, '');
      })
      .join('');
  }

  /**
   * The problems the catalog would have with these changes, found by the build's own validation
   * on a temporary copy of the folder; paths in them name the real folder.
   */
  problemsAfter(): CatalogProblem[] {
    const copy = mkdtempSync(join(tmpdir(), 'error-catalog-check-'));
    try {
      if (existsSync(this.dir)) cpSync(this.dir, copy, { recursive: true });
      for (const [file, change] of this.files) {
        mkdirSync(dirname(join(copy, file)), { recursive: true });
        writeFileSync(join(copy, file), change.after);
      }
      const shown = displayPath(copy);
      const real = displayPath(resolve(this.dir));
      const rename = (text: string) => text.split(shown).join(real);
      return inspectCatalog(copy).problems.map((problem) => ({
        ...problem,
        file: rename(problem.file),
        message: rename(problem.message),
        fix: rename(problem.fix),
      }));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }

  /** Writes every change: each file to a temporary name beside it first, then all are renamed into place. */
  apply(): void {
    const staged: Array<{ temp: string; target: string }> = [];
    try {
      for (const [file, change] of this.files) {
        const target = join(this.dir, file);
        mkdirSync(dirname(target), { recursive: true });
        const temp = `${target}.${process.pid}.error-catalog-tmp`;
        writeFileSync(temp, change.after);
        staged.push({ temp, target });
      }
    } catch (error) {
      for (const { temp } of staged) rmSync(temp, { force: true });
      throw error;
    }
    for (const { temp, target } of staged) renameSync(temp, target);
  }

  private display(file: string): string {
    return displayPath(resolve(this.dir, file));
  }
}

/** A path as the catalog loader shows it: relative to the working directory, with forward slashes. */
export function displayPath(path: string): string {
  return relative(process.cwd(), path).split(sep).join('/') || '.';
}
