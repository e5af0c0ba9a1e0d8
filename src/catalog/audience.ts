/**
 * The two sites one catalog builds: `internal` (the support site: everything) and `public`
 * (everything but the internal fields). The public model is made here, once, before any page,
 * index or export reads the catalog, so no internal field can reach any output of a public build.
 * The internal fields: a code's `internal` notes and `support.escalate`, and api.yaml's `support`
 * (the teams and the links into the support tools).
 */
import type { Catalog, Code } from './model';

/** The internal fields of a code, as dotted field paths (what publicCode() below drops). */
export const INTERNAL_CODE_FIELDS = ['internal', 'support.escalate'] as const;

/**
 * `change` (a field path and its values, as `diff` reports it) as the public may read it: undefined
 * when the field is internal, and internal parts taken out of a value that holds them (a whole
 * `support` added or removed). For `diff --record`, whose history the public site publishes.
 */
export function publicFieldChange<T extends { field: string; before?: unknown; after?: unknown }>(
  concept: string,
  change: T,
): T | undefined {
  if (concept !== 'code') return change;
  if (INTERNAL_CODE_FIELDS.some((path) => change.field === path || change.field.startsWith(`${path}.`)))
    return undefined;
  const inside = INTERNAL_CODE_FIELDS.filter((path) => path.startsWith(`${change.field}.`)).map((path) =>
    path.slice(change.field.length + 1).split('.'),
  );
  if (inside.length === 0) return change;
  const strip = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const copy = structuredClone(value) as Record<string, unknown>;
    for (const parts of inside) {
      let node: Record<string, unknown> | undefined = copy;
      for (const part of parts.slice(0, -1))
        node = node?.[part] && typeof node[part] === 'object' ? (node[part] as Record<string, unknown>) : undefined;
      if (node) delete node[parts[parts.length - 1]!];
    }
    return Object.keys(copy).length > 0 ? copy : undefined;
  };
  const before = strip(change.before);
  const after = strip(change.after);
  if (before === undefined && after === undefined) return undefined;
  if (JSON.stringify(before) === JSON.stringify(after)) return undefined;
  const { before: _b, after: _a, ...rest } = change;
  return { ...rest, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) } as T;
}

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
