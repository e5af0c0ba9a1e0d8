/** The options of errorCatalog(): defaults, and the message a mistake in astro.config.mjs gets. */
import { describe, expect, test } from 'vitest';
import { parseErrorCatalogOptions } from '../../src/integration/options';

const mistakeIn = (options: unknown) => {
  try {
    parseErrorCatalogOptions(options);
  } catch (error) {
    const { message, hint } = error as { message: string; hint?: string };
    return `${message}\nHint: ${hint}`;
  }
  throw new Error('the options were accepted');
};

describe('errorCatalog() options', () => {
  test('every option has a default', () => {
    expect(parseErrorCatalogOptions(undefined)).toEqual({
      catalogDir: 'catalog',
      search: true,
      sitemap: true,
      audience: 'public',
    });
    expect(parseErrorCatalogOptions({ catalogDir: 'examples/migo', search: false, audience: 'internal' })).toEqual({
      catalogDir: 'examples/migo',
      search: false,
      sitemap: true,
      audience: 'internal',
    });
  });

  test('a mistyped option is named with the option it was meant to be', () => {
    expect(mistakeIn({ catalogdir: 'catalog', sitemaps: false })).toMatchInlineSnapshot(`
      "Invalid errorCatalog() options in astro.config.mjs:
      - catalogdir: not an option of errorCatalog() (did you mean catalogDir?)
      - sitemaps: not an option of errorCatalog() (did you mean sitemap?)
      Hint: errorCatalog() takes an object with the options catalogDir, search, sitemap, audience, each optional; the README's section "The Astro integration" describes them."
    `);
  });

  test('a value of the wrong type says what was expected', () => {
    expect(mistakeIn({ search: 'yes', catalogDir: '' })).toMatchInlineSnapshot(`
      "Invalid errorCatalog() options in astro.config.mjs:
      - catalogDir: the catalog folder cannot be empty, e.g. catalogDir: 'catalog'
      - search: Expected boolean, received string
      Hint: errorCatalog() takes an object with the options catalogDir, search, sitemap, audience, each optional; the README's section "The Astro integration" describes them."
    `);
  });

  test('an unknown audience (SITE_AUDIENCE=staff) names the two sites there are', () => {
    expect(mistakeIn({ audience: 'staff' })).toMatchInlineSnapshot(`
      "Invalid errorCatalog() options in astro.config.mjs:
      - audience: audience is 'public' or 'internal' (SITE_AUDIENCE=internal builds the support site)
      Hint: errorCatalog() takes an object with the options catalogDir, search, sitemap, audience, each optional; the README's section "The Astro integration" describes them."
    `);
  });
});
