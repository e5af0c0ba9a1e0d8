/** Absolute URLs of routes, for what leaves the site: sitemap, canonical links, catalog.json. */
import { underBase } from '../shared/base-path';

/**
 * `site` + base path + base-relative route, e.g. (`codes/core/1000/`, `/docs/errors/`,
 * `https://example.com`) → `https://example.com/docs/errors/codes/core/1000/`.
 */
export function absoluteUrl(route: string, base: string, site: string): string {
  return new URL(underBase(route, base), site).href;
}
