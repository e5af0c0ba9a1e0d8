/**
 * The two sites one catalog builds: `internal` (the support site: everything) and `public`
 * (everything but the internal fields). The public model is made here, once, before any page,
 * index or export reads the catalog, so no internal field can reach any output of a public build.
 * The internal fields: a code's `internal` notes and `support.escalate`, and api.yaml's `support`
 * (the teams and the links into the support tools).
 */
import type { Catalog, Code } from './model';

/** Which site a build makes. */
export type SiteAudience = 'public' | 'internal';

const publicCatalogs = new WeakMap<Catalog, Catalog>();

/** The catalog as the given site may show it; the public one is made once per catalog. */
export function catalogForAudience(catalog: Catalog, audience: SiteAudience): Catalog {
  if (audience === 'internal') return catalog;
  let made = publicCatalogs.get(catalog);
  if (!made) {
    made = publicCatalog(catalog);
    publicCatalogs.set(catalog, made);
  }
  return made;
}

/** A copy of the catalog without its internal fields (the original is left as it was). */
function publicCatalog(catalog: Catalog): Catalog {
  const { support: _desk, ...api } = catalog.api;
  return { ...catalog, api, codes: catalog.codes.map(publicCode) };
}

function publicCode(code: Code): Code {
  const { internal: _notes, support, ...rest } = code;
  if (!support) return rest;
  const { escalate: _escalate, ...publicSupport } = support;
  return { ...rest, support: publicSupport };
}
