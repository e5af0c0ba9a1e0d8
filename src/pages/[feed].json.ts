/**
 * `changes.json`: the catalog's changes as a JSON Feed 1.1 (src/publishing/change-feeds.ts). Built
 * only when the catalog records a dated history; otherwise there is no such file and no page links to it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../integration/catalog';
import { absoluteUrl } from '../publishing/absolute-url';
import { hasFeeds, jsonFeed } from '../publishing/change-feeds';

export const getStaticPaths = (() =>
  hasFeeds(getCatalog()) ? [{ params: { feed: 'changes' } }] : []) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site }) => {
  const origin = site?.href ?? 'http://localhost/';
  const body = jsonFeed(getCatalog(), (route) => absoluteUrl(route, import.meta.env.BASE_URL, origin));
  return new Response(body, { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
