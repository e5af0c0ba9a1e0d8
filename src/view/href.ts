/** Turns a base-relative route (from `src/view/routes.ts`) into a link under the site's base path. */
import { underBase, withTrailingSlash } from '../shared/base-path';

export function href(route: string): string {
  return underBase(route, import.meta.env.BASE_URL);
}

/** The site's base path with its trailing slash, for scripts that build URLs themselves. */
export function basePath(): string {
  return withTrailingSlash(import.meta.env.BASE_URL);
}
