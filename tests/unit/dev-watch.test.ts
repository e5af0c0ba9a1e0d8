import { describe, expect, it } from 'vitest';
import { devWatchIgnored } from '../../src/integration/dev-watch';

describe('what astro dev does not watch', () => {
  it('skips the build outputs of the project run from its own folder, and watches the rest', () => {
    const ignored = devWatchIgnored('/p', '/p', '/p/dist/');
    expect(ignored('/p/.cache')).toBe(true);
    expect(ignored('/p/.cache/e2e/default/dist/codes/core/1101/index.html')).toBe(true);
    expect(ignored('/p/dist/index.html')).toBe(true);
    expect(ignored('/p/src/pages/index.astro')).toBe(false);
    expect(ignored('/p/.astro/data-store.json')).toBe(false);
    expect(ignored('/p/catalog/codes/core.yaml')).toBe(false);
    // Names that only start like the heavy folders.
    expect(ignored('/p/.cache-notes/a.yaml')).toBe(false);
    expect(ignored('/p/distribution/a.yaml')).toBe(false);
  });

  it('keeps a tool root under .cache watched where Astro reloads guides: its .astro data store', () => {
    const ignored = devWatchIgnored('/p', '/p/.cache/astro-roots/dev-x', '/p/dist');
    expect(ignored('/p/.cache/astro-roots/dev-x/.astro/data-store.json')).toBe(false);
    // The folders chokidar walks through to reach it.
    expect(ignored('/p/.cache')).toBe(false);
    expect(ignored('/p/.cache/astro-roots')).toBe(false);
    expect(ignored('/p/.cache/astro-roots/dev-x')).toBe(false);
    // The rest of .cache stays ignored, its own Vite cache and the other roots included.
    expect(ignored('/p/.cache/astro-roots/dev-x/vite-cache/deps/x.js')).toBe(true);
    expect(ignored('/p/.cache/astro-roots/other/.astro/data-store.json')).toBe(true);
    expect(ignored('/p/.cache/e2e/default/dist/index.html')).toBe(true);
  });

  it('never skips the whole project, even when the output folder is the project', () => {
    const ignored = devWatchIgnored('/p', '/p', '/p/');
    expect(ignored('/p/src/pages/index.astro')).toBe(false);
    expect(ignored('/p/.cache/e2e/default/dist/index.html')).toBe(true);
  });

  it('skips an output folder outside the project', () => {
    const ignored = devWatchIgnored('/p', '/p', '/out/site/');
    expect(ignored('/out/site/codes/index.html')).toBe(true);
    expect(ignored('/out/other.txt')).toBe(false);
  });
});
