/**
 * What reading each file of a folder gave, kept between reads so that only changed files are read
 * again: the dev server re-checks a 5,000-code catalog after an edit by parsing the one file that
 * changed. A file counts as unchanged while its path, modification time and size are.
 */
import { statSync } from 'node:fs';

interface Entry<T> {
  mtimeMs: number;
  size: number;
  value: T;
}

export class FileCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  #asked = new Set<string>();

  /** The value `read` gave for `path`, read again only when the file changed since. */
  get(path: string, read: () => T): T {
    this.#asked.add(path);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      // Gone or refused since the folder was listed: `read` reports what it finds, nothing is kept.
      this.#entries.delete(path);
      return read();
    }
    const { mtimeMs, size } = stats;
    const entry = this.#entries.get(path);
    if (entry && entry.mtimeMs === mtimeMs && entry.size === size) return entry.value;
    const value = read();
    this.#entries.set(path, { mtimeMs, size, value });
    return value;
  }

  /** Forgets the files not asked for since the last call (deleted or renamed), so they do not linger. */
  forgetUnasked(): void {
    for (const path of this.#entries.keys()) if (!this.#asked.has(path)) this.#entries.delete(path);
    this.#asked = new Set();
  }

  /** Number of files held (for tests). */
  get size(): number {
    return this.#entries.size;
  }
}
