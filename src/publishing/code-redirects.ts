/**
 * Old URLs of renamed or moved codes. A code whose `formerly` lists `gateway:1005` once lived at
 * `codes/gateway/1005/`; that URL must keep working (codes are permanent, and their pages double as
 * RFC 9457 `type` URIs), so the site gets a static redirect page there and a `_redirects` line.
 * One function computes the pairs; the redirect pages, `_redirects` and the sitemap all use it.
 */
import type { Catalog } from '../catalog/model';
import { codeSlug } from '../catalog/codes';
import { withTrailingSlash } from '../shared/base-path';
import { routes } from '../view/routes';

/** One old URL and where it now points. Both routes are base-relative (see routes.ts). */
export interface CodeRedirect {
  /** Route of the old URL, e.g. `codes/gateway/1005/`. */
  from: string;
  /** Route of the code's page today, e.g. `codes/core/1005/`. */
  to: string;
  /** The former key as written in the catalog, e.g. `gateway:1005`. */
  formerKey: string;
  /** Key of the code today, e.g. `core:1005`. */
  codeKey: string;
}

/**
 * Every redirect the catalog asks for, sorted by old URL. Throws when an old URL is still the URL
 * of a live page (a code, a code space) or is claimed by two codes: either would silently shadow a
 * page, so the build must stop and say which `formerly` entry to change.
 */
export function codeRedirects(catalog: Pick<Catalog, 'codes' | 'codeSpaces'>): CodeRedirect[] {
  const live = new Map<string, string>();
  for (const code of catalog.codes) live.set(routes.code(code), `the page of code ${code.key}`);
  for (const space of catalog.codeSpaces) live.set(routes.codeSpace(space), `the page of code space "${space.id}"`);

  const byFrom = new Map<string, CodeRedirect>();
  const problems: string[] = [];
  for (const code of catalog.codes) {
    for (const formerKey of code.formerly) {
      const colon = formerKey.indexOf(':');
      const space = formerKey.slice(0, colon);
      const value = formerKey.slice(colon + 1);
      const from = routes.code({ codeSpace: space, slug: codeSlug(value) });
      const to = routes.code(code);
      if (from === to) continue;
      const clash = live.get(from);
      const earlier = byFrom.get(from);
      if (clash) {
        problems.push(
          `code ${code.key} lists formerly "${formerKey}", but ${from} is still ${clash}; remove "${formerKey}" from its formerly list (a code that still exists is not a former name)`,
        );
      } else if (earlier && earlier.codeKey !== code.key) {
        problems.push(
          `codes ${earlier.codeKey} and ${code.key} both list formerly "${formerKey}"; keep it on the code that really replaced it`,
        );
      } else {
        byFrom.set(from, { from, to, formerKey, codeKey: code.key });
      }
    }
  }
  if (problems.length)
    throw new Error(`The catalog's "formerly" entries cannot become redirects:\n- ${problems.join('\n- ')}`);
  return [...byFrom.values()].sort((a, b) => a.from.localeCompare(b.from));
}

/**
 * The `_redirects` file (Netlify and Cloudflare Pages format: `from to status` per line), with the
 * base path in both columns. Each old URL is listed with and without its trailing slash because
 * Cloudflare matches paths exactly. Netlify serves an existing file before a plain rule, so there
 * the static redirect page answers instead; both end on the code's page.
 */
export function redirectsFile(redirects: readonly CodeRedirect[], base: string): string {
  const root = withTrailingSlash(base);
  const lines = [
    '# Old URLs of renamed or moved error codes, generated from `formerly` in the catalog.',
    '# Format: Netlify / Cloudflare Pages `_redirects` (from, to, status).',
  ];
  for (const { from, to } of redirects) {
    const target = `${root}${to}`;
    lines.push(`${root}${from.replace(/\/$/, '')} ${target} 301`, `${root}${from} ${target} 301`);
  }
  return `${lines.join('\n')}\n`;
}
