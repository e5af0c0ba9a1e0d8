/**
 * Highlighted JSON bodies carry a class per token colour: every class of the table has its rule in
 * the site's stylesheet with the same two colours, and a colour pair the table does not know keeps
 * its style attribute.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { TOKEN_CLASSES, compactTokenStyles } from '../../src/view/token-classes';

const css = readFileSync('src/styles/global.css', 'utf8');

describe('token classes', () => {
  test('each class sets, in global.css, the light and dark colours the table gives it', () => {
    for (const [name, [light, dark]] of Object.entries(TOKEN_CLASSES)) {
      const rule = new RegExp(`\\.${name}\\s*\\{([^}]*)\\}`).exec(css)?.[1] ?? '';
      expect(rule, name).toMatch(new RegExp(`--shiki-light:\\s*${light}\\s*;`, 'i'));
      expect(rule, name).toMatch(new RegExp(`--shiki-dark:\\s*${dark}\\s*;`, 'i'));
    }
  });

  test('known pairs become classes, in either case; unknown pairs and other markup stay as they are', () => {
    const html =
      '<pre class="astro-code" style="--shiki-light:#1f2328"><code><span class="line">' +
      '<span style="--shiki-light:#116329;--shiki-dark:#7EE787">  "code"</span>' +
      '<span style="--shiki-light:#1f2328;--shiki-dark:#e6edf3">: </span>' +
      '<span style="--shiki-light:#CF222E;--shiki-dark:#FF7B72">true</span></span></code></pre>';
    expect(compactTokenStyles(html)).toBe(
      '<pre class="astro-code" style="--shiki-light:#1f2328"><code><span class="line">' +
        '<span class="tk-k">  "code"</span>' +
        '<span class="tk-p">: </span>' +
        '<span style="--shiki-light:#CF222E;--shiki-dark:#FF7B72">true</span></span></code></pre>',
    );
  });
});
