/** A catalog report as an AstroError: the terminal and the dev overlay show it with a hint. */
import { AstroError } from 'astro/errors';
import { resolve } from 'node:path';
import type { CatalogError } from '../catalog/problems';

/** The hint shown under a catalog report: a build is run again, the dev server reloads the page itself. */
function catalogHint(command: 'build' | 'dev'): string {
  const then = command === 'dev' ? 'then save the file: the page reloads by itself' : 'then build again';
  return (
    `Fix each problem in the file and line it names (its "Fix:" line says how), ${then}. ` +
    'Every problem is listed at once; `npx error-catalog check` prints the same report without building.'
  );
}

export function catalogAstroError(error: CatalogError, command: 'build' | 'dev' = 'build'): AstroError {
  const astroError = new AstroError(error.message, catalogHint(command));
  astroError.name = 'CatalogError';
  // The author's mistake is in the catalog, not in this code: point at the first problem's file
  // and line, and print no stack trace of ours.
  const first = error.problems[0];
  // (`loc` is what Astro's own errors carry; the overlay shows that file's lines around it.)
  if (first) Object.assign(astroError, { loc: { file: resolve(first.file), line: first.line ?? 1, column: 1 } });
  // Astro and Vite rewrite `stack` on the way out, so it is pinned empty rather than assigned.
  Object.defineProperty(astroError, 'stack', { get: () => '', set: () => {}, configurable: true });
  return astroError;
}
