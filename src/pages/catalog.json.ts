/**
 * `catalog.json`: the whole catalog for programs (SDK generators, support tools, linters), built
 * from the same model as the pages. Format: docs/catalog-json.md.
 */
import type { APIRoute } from 'astro';
import { getCatalog } from '../integration/catalog';
import { absoluteUrl } from '../publishing/absolute-url';
import { catalogExport } from '../publishing/catalog-export';

export const GET: APIRoute = ({ site }) => {
  const origin = site?.href ?? 'http://localhost/';
  const body = catalogExport(getCatalog(), (route) => absoluteUrl(route, import.meta.env.BASE_URL, origin));
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
