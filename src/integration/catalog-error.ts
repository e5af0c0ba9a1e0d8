/** A catalog report as an AstroError: the terminal and the dev overlay show it with a hint. */
import { AstroError } from 'astro/errors';
import type { CatalogError } from '../catalog/problems';

/** The hint shown under a catalog report. */
const CATALOG_HINT =
  'Fix each problem in the file and line it names (its "Fix:" line says how), then build again. ' +
  'Every problem is listed at once; `npx error-catalog check` prints the same report without building.';

export function catalogAstroError(error: CatalogError): AstroError {
  const astroError = new AstroError(error.message, CATALOG_HINT);
  astroError.name = 'CatalogError';
  return astroError;
}
