/** The site's base path: one rule for links, the sitemap, redirects and the browser's fetches. */

/** `/docs/errors` → `/docs/errors/`; `/` stays `/`. */
export function withTrailingSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/** A base-relative route under the base path: (`codes/core/1000/`, `/docs/errors`) → `/docs/errors/codes/core/1000/`. */
export function underBase(route: string, base: string): string {
  return `${withTrailingSlash(base)}${route.replace(/^\/+/, '')}`;
}
