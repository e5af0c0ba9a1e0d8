/**
 * Reads the codes of a catalog folder with a plain YAML parse: no schemas, no cross-checks. The
 * baseline renders its pages from this, and the benchmark uses it to know which pages to expect.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Same rule as src/catalog/codes.ts `codeSlug`, so both sites have the same page addresses. */
export function codeSlug(code) {
  return (
    String(code)
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'code'
  );
}

/** Every code of the catalog in `dir`, with its code space and page slug. */
export function readCodes(dir) {
  const folder = join(dir, 'codes');
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  return files.flatMap((name) => {
    const file = parse(readFileSync(join(folder, name), 'utf8'));
    return file.codes.map((code) => ({
      ...code,
      code: String(code.code),
      codeSpace: file.codeSpace,
      slug: codeSlug(code.code),
    }));
  });
}

/**
 * Every operation of the catalog in `dir` (`operations/<surface>.yaml`), with its surface, the code
 * space its codes belong to (the surface's `codeSpace`).
 */
export function readOperations(dir) {
  const folder = join(dir, 'operations');
  if (!existsSync(folder)) return [];
  const files = readdirSync(folder, { encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  return files.flatMap((name) => {
    const file = parse(readFileSync(join(folder, name), 'utf8'));
    const surfaceFile = join(dir, 'surfaces', name);
    const codeSpace = existsSync(surfaceFile) ? parse(readFileSync(surfaceFile, 'utf8')).codeSpace : file.surface;
    return (file.operations ?? []).map((operation) => ({
      ...operation,
      surface: file.surface,
      codeSpace,
    }));
  });
}
