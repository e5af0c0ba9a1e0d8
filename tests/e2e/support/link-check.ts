/**
 * Checks that every internal reference of the built site resolves: the file exists under the
 * output folder (directory URLs to their index.html, with the trailing slash the site uses) and
 * every `#fragment` names an id on the target page. Links are resolved the way a browser does,
 * against the page's URL under the base path, so a link that escapes the base path fails.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { BuiltSite } from './built-site';
import type { ScannedPage } from './html-scan';

/** Stands in for the host the site is served from; only the path matters. */
const LOCAL_ORIGIN = 'http://site.invalid';

export interface LinkReport {
  /** References followed to a file of the site (internal). */
  checked: number;
  /** Of those, how many also had a fragment checked against the target's ids. */
  anchorsChecked: number;
  /** Distinct internal targets (path + fragment). */
  uniqueTargets: number;
  /** References to other origins, not followed. */
  external: number;
  problems: string[];
}

function allFiles(outDir: string): Set<string> {
  const files = new Set<string>();
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.add(relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  }
  return files;
}

/**
 * @param siteOrigin the SITE_URL origin: absolute URLs on it (canonical links, catalog.json) are
 *   internal too.
 * @param extra more URLs to check, e.g. those of catalog.json, with where they came from.
 */
export function checkLinks(
  site: BuiltSite,
  pages: readonly ScannedPage[],
  siteOrigin: string,
  extra: ReadonlyArray<{ from: string; url: string }> = [],
): LinkReport {
  const files = allFiles(site.outDir);
  const idsByFile = new Map(pages.map((page) => [page.file, new Set(page.ids)]));
  const report: LinkReport = { checked: 0, anchorsChecked: 0, uniqueTargets: 0, external: 0, problems: [] };
  const targets = new Set<string>();

  const check = (from: string, where: string, value: string, pageUrl: URL) => {
    const trimmed = value.trim();
    if (trimmed === '' || trimmed === '#') {
      report.problems.push(`${from}: ${where} is empty ("${value}"); link to a real target`);
      return;
    }
    if (/^javascript:/i.test(trimmed)) {
      report.problems.push(`${from}: ${where} is a javascript: URL`);
      return;
    }
    if (/^(mailto|tel|data):/i.test(trimmed)) return;
    let url: URL;
    try {
      url = new URL(trimmed, pageUrl);
    } catch {
      report.problems.push(`${from}: ${where} "${value}" is not a valid URL`);
      return;
    }
    if (url.origin === siteOrigin) url = new URL(`${url.pathname}${url.search}${url.hash}`, LOCAL_ORIGIN);
    else if (url.origin !== LOCAL_ORIGIN) {
      report.external += 1;
      return;
    }
    report.checked += 1;
    targets.add(`${url.pathname}${url.hash}`);
    if (!url.pathname.startsWith(site.basePath)) {
      report.problems.push(
        `${from}: ${where} "${value}" leaves the base path ${site.basePath} (resolves to ${url.pathname})`,
      );
      return;
    }
    const path = decodeURIComponent(url.pathname.slice(site.basePath.length));
    const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
    if (!files.has(file)) {
      const hint = files.has(`${path}/index.html`) ? ' (the page exists: add the trailing slash)' : '';
      report.problems.push(`${from}: ${where} "${value}" points at ${url.pathname}, which does not exist${hint}`);
      return;
    }
    // A fragment of key=value pairs (`lookup/#q=1005`) is state for the page's script, not an anchor.
    if (url.hash && url.hash !== '#' && !url.hash.includes('=')) {
      const ids = idsByFile.get(file);
      if (!ids) return;
      report.anchorsChecked += 1;
      const id = decodeURIComponent(url.hash.slice(1));
      if (!ids.has(id) && id !== 'top')
        report.problems.push(
          `${from}: ${where} "${value}" names #${id}, but ${url.pathname} has no element with that id`,
        );
    }
  };

  for (const page of pages) {
    const pageUrl = new URL(`${site.basePath}${page.route}`, LOCAL_ORIGIN);
    for (const reference of page.references) check(page.file, reference.where, reference.value, pageUrl);
  }
  for (const { from, url } of extra) check(from, 'URL', url, new URL(site.basePath, LOCAL_ORIGIN));
  report.uniqueTargets = targets.size;
  return report;
}
