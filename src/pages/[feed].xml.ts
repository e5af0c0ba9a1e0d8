/**
 * `changes.xml`: the catalog's changes as an Atom feed (src/publishing/change-feeds.ts). Built only
 * when the catalog records a dated history; otherwise there is no such file and no page links to it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../integration/catalog';
import { absoluteUrl } from '../publishing/absolute-url';
import { atomFeed, hasFeeds } from '../publishing/change-feeds';

export const getStaticPaths = (() =>
  hasFeeds(getCatalog()) ? [{ params: { feed: 'changes' } }] : []) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site }) => {
  const origin = site?.href ?? 'http://localhost/';
  const body = atomFeed(getCatalog(), (route) => absoluteUrl(route, import.meta.env.BASE_URL, origin));
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
