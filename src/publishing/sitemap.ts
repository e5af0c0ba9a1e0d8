/**
 * The sitemap: every HTML page the build wrote, as absolute URLs (SITE_URL + base path), except
 * the 404 page and the redirect pages of old code URLs (those are `noindex`). Written after the
 * build from the list of pages Astro rendered, so every page any route adds is included without
 * anyone keeping a list. The sitemap protocol allows 50,000 URLs a file; bigger sites get a
 * sitemap index pointing at numbered parts.
 */
import { absoluteUrl } from './absolute-url';

/** Most URLs one sitemap file may hold (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000;

/** One file to write: its name (relative to the output folder) and content. */
export interface SitemapFile {
  name: string;
  content: string;
}

/** True for the route of an HTML page (directory format: `''` or ending in `/`), not a file endpoint. */
export function isPageRoute(route: string): boolean {
  return route === '' || route.endsWith('/');
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * The sitemap files for these page routes: `sitemap.xml` alone, or `sitemap.xml` as an index
 * plus `sitemap-1.xml`, `sitemap-2.xml`… when there are more than `limit` URLs.
 */
export function sitemapFiles(
  routes: readonly string[],
  base: string,
  site: string,
  limit = SITEMAP_LIMIT,
): SitemapFile[] {
  const urls = [...new Set(routes)].sort().map((route) => absoluteUrl(route, base, site));
  const urlset = (part: string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${part
      .map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`)
      .join('\n')}\n</urlset>\n`;
  if (urls.length <= limit) return [{ name: 'sitemap.xml', content: urlset(urls) }];

  const parts: SitemapFile[] = [];
  for (let start = 0; start < urls.length; start += limit) {
    parts.push({ name: `sitemap-${parts.length + 1}.xml`, content: urlset(urls.slice(start, start + limit)) });
  }
  const index = `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${parts
    .map((part) => `  <sitemap><loc>${escapeXml(absoluteUrl(part.name, base, site))}</loc></sitemap>`)
    .join('\n')}\n</sitemapindex>\n`;
  return [{ name: 'sitemap.xml', content: index }, ...parts];
}
