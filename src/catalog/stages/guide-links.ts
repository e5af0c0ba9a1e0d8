/**
 * Stage: every link a guide holds leads to a page of the site. Guides live at `guides/<id>/`, so
 * a relative link to a code page starts with exactly two `../`; an absolute link breaks under a
 * base path. A link to a code that does not exist gets the nearest codes; a link with the wrong
 * number of `../` gets the right one.
 */
import { codeKey } from '../codes';
import type { ParsedGuide } from '../guides';
import { nearestCodes } from '../suggest';
import { closest } from '../suggest';
import { pageRoutes, type PageRoutes } from '../../view/page-routes';
import { routes } from '../../view/routes';
import { releaseAnchors } from '../../view/history';
import type { Catalog } from '../model';
import type { ModelContext } from './context';

/** What a guide's page URL is relative to: `guides/<id>/` is two folders below the site's root. */
const GUIDE_DEPTH = 2;
const UP = '../'.repeat(GUIDE_DEPTH);

/**
 * `catalog`: the model assembled from the same files, when every other check passed — the changes
 * page and its anchors exist only when it records history (src/catalog/history.ts). Without it,
 * links to the changes page are taken on trust.
 */
export function checkGuideLinks(context: ModelContext, catalog?: Catalog): void {
  const { files, spaces, codes, statuses, surfaces, envelopes, areas, headers, operations } = context;
  if (files.guides.length === 0) return;
  const pages = pageRoutes({
    codeSpaces: spaces.values(),
    codes: codes.values(),
    statuses: statuses.keys(),
    surfaces: surfaces.keys(),
    envelopes: envelopes.keys(),
    messageAreas: areas.keys(),
    headers: headers.map((header) => header.name),
    guides: files.guides.map((guide) => guide.id),
    operations,
    releaseAnchors: catalog ? releaseAnchors(catalog).values() : undefined,
  });
  for (const guide of files.guides)
    for (const link of guide.links) {
      const problem = linkProblem(context, pages, guide, link.url);
      if (problem)
        context.problems.push({
          file: guide.file,
          line: link.line,
          field: '',
          message: `the link ${link.url} (column ${link.column}) ${problem.message}`,
          fix: problem.fix,
        });
    }
}

function linkProblem(
  context: ModelContext,
  pages: PageRoutes,
  guide: ParsedGuide,
  url: string,
): { message: string; fix: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(url)) return undefined;
  const [beforeHash, fragment] = splitOnce(url, '#');
  const path = beforeHash.split('?')[0]!;
  if (path.startsWith('/'))
    return {
      message: 'is absolute, so it breaks when the site is served under a base path (e.g. /docs/errors/)',
      fix: `write it relative to the guide's page: ${UP}${path.slice(1)}${fragment ? `#${fragment}` : ''}`,
    };
  const resolved = resolve(guide.id, path);
  if (resolved.aboveRoot)
    return {
      message: `climbs ${resolved.ups} folders up, above the site's root (a guide's page is guides/${guide.id}/), so it works only when the site is served at /`,
      fix: withAdvice(pages, path, fragment),
    };
  const route = resolved.route;
  if (/\.mdx?$/i.test(route)) {
    const id = route.replace(/^guides\//, '').replace(/\.mdx?$/i, '');
    return {
      message: "links to a guide file; the site has the guide's page instead",
      fix: `write ../${id}/`,
    };
  }
  if (!pages.has(route) && pages.has(`${route}/`))
    return {
      message: `leads to ${route}, without the trailing slash the site's pages have`,
      fix: `write ${path}/${fragment ? `#${fragment}` : ''}`,
    };
  if (pages.has(route)) {
    const anchors = pages.get(route);
    if (fragment && anchors && !anchors.has(fragment)) {
      const near = closest(fragment, anchors);
      return {
        message: `leads to ${route || 'the home page'}, which has no #${fragment}`,
        fix: near ? `did you mean #${near}?` : `link to the page without #${fragment}`,
      };
    }
    return undefined;
  }
  return {
    message: `leads to ${route || '/'}, which is no page of the site`,
    fix: withAdvice(pages, path, fragment, context, route),
  };
}

/** The advice for a link to nowhere: the right number of `../`, the nearest code, or the nearest guide. */
function withAdvice(
  pages: PageRoutes,
  path: string,
  fragment: string | undefined,
  context?: ModelContext,
  route?: string,
): string {
  const hash = fragment ? `#${fragment}` : '';
  // Without its ../ and ./, the link's path read from the site's root.
  const fromRoot = path.replace(/^(\.\.?\/)+/, '');
  const ups = (path.match(/\.\.\//g) ?? []).length;
  if (pages.has(fromRoot) && ups !== GUIDE_DEPTH)
    return `a guide's page is two folders deep (guides/<id>/), so write ${UP}${fromRoot}${hash} (${GUIDE_DEPTH} "../", not ${ups})`;
  if (pages.has(`guides/${fromRoot}`) && ups !== 1)
    return `write ../${fromRoot}${hash} (another guide is one "../" away)`;
  const code = /^codes\/([^/]+)\/([^/]+)\/?$/.exec(fromRoot);
  if (code && context) {
    const [, spaceId, slug] = code;
    const space = context.spaces.get(spaceId!);
    if (!space) {
      const near = closest(spaceId!, context.spaces.keys());
      return near
        ? `"${spaceId}" is no code space; did you mean ${UP}codes/${near}/${slug}/?`
        : `"${spaceId}" is no code space`;
    }
    const near = nearestCodes(
      slug!,
      space.codes.map((key) => context.codes.get(key)!.code),
    );
    return near.length
      ? `code ${codeKey(space.id, slug!)} does not exist; link to a declared code, e.g. ${near.map((value) => `${UP}${routes.code({ codeSpace: space.id, slug: context.codes.get(codeKey(space.id, value))!.slug })}`).join(', ')}`
      : `code space "${space.id}" has no codes yet`;
  }
  const guideLink = /^guides\/([^/]+)\/?$/.exec(route ?? '');
  if (guideLink && context) {
    const near = closest(
      guideLink[1]!,
      context.files.guides.map((other) => other.id),
    );
    if (near) return `did you mean ../${near}/ (the guide guides/${near}.mdx)?`;
  }
  return `link to a page of the site, e.g. ${UP}codes/ or ../<guide id>/; links are relative to the guide's page, guides/<id>/`;
}

/** Resolves a relative path against `guides/<id>/`; says when it climbs above the root. */
function resolve(id: string, path: string): { route: string; aboveRoot: boolean; ups: number } {
  const segments = ['guides', id];
  let ups = 0;
  let aboveRoot = false;
  const parts = path.split('/');
  parts.forEach((part, index) => {
    if (part === '..') {
      ups += 1;
      if (segments.length === 0) aboveRoot = true;
      else segments.pop();
    } else if (part !== '.' && !(part === '' && index < parts.length - 1)) segments.push(part);
  });
  // A path ending in "/" leaves an empty last segment: the route ends with a slash.
  return { route: segments.join('/'), aboveRoot, ups };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
