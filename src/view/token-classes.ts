/**
 * Highlighted JSON bodies with a class per token colour instead of a style attribute per token:
 * Shiki writes `style="--shiki-light:#116329;--shiki-dark:#7EE787"` on every token (about a sixth of
 * an operation page's HTML); the few colour pairs the site's two themes give JSON are classes whose
 * rules (in src/styles/global.css, checked against this table by a unit test) set the same two
 * variables. A pair not in the table keeps its style attribute. Pure; no Astro.
 */

/** Class → the light and dark colours (github-light-default, github-dark-default) it stands for. */
export const TOKEN_CLASSES: Readonly<Record<string, readonly [light: string, dark: string]>> = {
  'tk-p': ['#1F2328', '#E6EDF3'],
  'tk-k': ['#116329', '#7EE787'],
  'tk-s': ['#0A3069', '#A5D6FF'],
  'tk-c': ['#0550AE', '#79C0FF'],
};

const classOfPair = new Map(
  Object.entries(TOKEN_CLASSES).map(([name, [light, dark]]) => [`${light};${dark}`.toUpperCase(), name]),
);
const TOKEN_STYLE = /<span style="--shiki-light:(#[0-9a-f]{3,8});--shiki-dark:(#[0-9a-f]{3,8})">/gi;

/** `html` with each token's colour style replaced by its class, where the table has one. */
export function compactTokenStyles(html: string): string {
  return html.replace(TOKEN_STYLE, (whole, light: string, dark: string) => {
    const name = classOfPair.get(`${light};${dark}`.toUpperCase());
    return name ? `<span class="${name}">` : whole;
  });
}
