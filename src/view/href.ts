/** Turns a base-relative route (from `src/catalog/routes.ts`) into a link under the site's base path. */
export function href(route: string): string {
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  return `${base}${route}`;
}
