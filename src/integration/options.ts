/**
 * The options of the `errorCatalog()` integration, validated at `astro:config:setup` like every
 * other Astro integration's user config. Environment variables are read in astro.config.mjs only.
 * Each option's JSDoc is its documentation (the README's table repeats it).
 */
import { AstroError } from 'astro/errors';
import { z } from 'astro/zod';
import { closest } from '../catalog/suggest';

export const errorCatalogOptionsSchema = z
  .object({
    /**
     * The catalog folder to build: api.yaml, surfaces/, codes/… Relative paths are resolved against
     * the project root (the folder holding astro.config.mjs).
     * @default 'catalog'
     */
    catalogDir: z.string().min(1, "the catalog folder cannot be empty, e.g. catalogDir: 'catalog'").default('catalog'),
    /**
     * Build the Pagefind full-text search index after the pages (`astro:build:done`), so that
     * `astro build` alone yields a site with search. Turn it off only for builds that never serve
     * search (the benchmark's page-rendering figure); the search dialog then lists exact matches only.
     * @default true
     */
    search: z.boolean().default(true),
    /**
     * Write a sitemap with `@astrojs/sitemap` (`sitemap-index.xml` and its parts, linked from every
     * page's head): every page as an absolute URL under Astro's `site` and `base`, except the 404
     * page and the redirect pages of old code URLs. Needs `site` in the Astro config. When the
     * project adds `@astrojs/sitemap` itself, its own configuration is used instead.
     * @default true
     */
    sitemap: z.boolean().default(true),
    /**
     * Which of the two sites one catalog builds: `public` (for customers and integrating
     * developers: no internal field reaches any page, index or export) or `internal` (the support
     * site: internal notes, escalations, the support links and desk, and a header saying it is
     * internal). astro.config.mjs sets it from `SITE_AUDIENCE`.
     * @default 'public'
     */
    audience: z
      .enum(['public', 'internal'], {
        errorMap: () => ({
          message: "audience is 'public' or 'internal' (SITE_AUDIENCE=internal builds the support site)",
        }),
      })
      .default('public'),
  })
  .strict()
  .default({});

/** What `astro.config.mjs` passes to `errorCatalog()`. */
export type ErrorCatalogUserOptions = z.input<typeof errorCatalogOptionsSchema>;

/** The options after validation, with `catalogDir` made absolute. */
export interface ErrorCatalogOptions extends z.output<typeof errorCatalogOptionsSchema> {
  /** Absolute path of the catalog folder. */
  catalogDir: string;
}

/** The option names, for messages about a mistyped one. */
const OPTION_NAMES = Object.keys(errorCatalogOptionsSchema.removeDefault().shape);

/**
 * The validated options with their defaults, or an AstroError that names each wrong option, what
 * is wrong with it and, for an unknown name, the option it was probably meant to be.
 */
export function parseErrorCatalogOptions(userOptions: unknown): z.output<typeof errorCatalogOptionsSchema> {
  const parsed = errorCatalogOptionsSchema.safeParse(userOptions);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => {
        const near = closest(key, OPTION_NAMES);
        return `- ${key}: not an option of errorCatalog()${near ? ` (did you mean ${near}?)` : ''}`;
      });
    return [`- ${issue.path.join('.') || 'the options'}: ${issue.message}`];
  });
  throw new AstroError(
    `Invalid errorCatalog() options in astro.config.mjs:\n${lines.join('\n')}`,
    `errorCatalog() takes an object with the options ${OPTION_NAMES.join(', ')}, each optional; the README's section "The Astro integration" describes them.`,
  );
}
