#!/usr/bin/env node
/**
 * Runs `astro build` of one project through Astro's JavaScript API, as the benchmark's child
 * process, and writes when each phase ended to a JSON file. The same runner builds the site, the
 * bare baseline and the Starlight peer, so their phases are measured alike, from Astro's own hooks
 * (not from log lines): a timing integration is appended to the project's own integrations, and
 * adds the one that marks the end after those they added, so the last `astro:build:done` is ours
 * (after the site's and Starlight's Pagefind).
 *
 *   node tools/bench/timed-build.mjs --root DIR [--config FILE] --report FILE
 *
 * The report's marks are milliseconds since this process started:
 *   configDone   the config is loaded and every integration set up (the site checks its catalog here)
 *   buildStart   content synced, types generated: Astro starts the build
 *   bundled      the last Vite build (server, then client) closed its bundle
 *   generated    every page is rendered and written
 *   done         every integration's astro:build:done ran (sitemap, search index)
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
};
const root = resolve(option('--root') ?? '.');
const config = option('--config');
const report = option('--report');
if (!report) throw new Error('usage: timed-build.mjs --root DIR [--config FILE] --report FILE');

const marks = {};
const mark = (name) => {
  marks[name] = performance.now();
};

/** @type {import('astro').AstroIntegration} */
const timing = {
  name: 'bench-timing',
  hooks: {
    'astro:config:setup': ({ updateConfig }) => {
      updateConfig({
        // Added now, it comes after the integrations the project's own integrations added while
        // setting up (Starlight adds its Pagefind integration so), so its build:done runs last.
        integrations: [{ name: 'bench-timing-done', hooks: { 'astro:build:done': () => mark('done') } }],
        vite: {
          plugins: [
            {
              name: 'bench-timing',
              apply: 'build',
              closeBundle() {
                mark('bundled');
              },
            },
          ],
        },
      });
    },
    'astro:config:done': () => mark('configDone'),
    'astro:build:start': () => mark('buildStart'),
    'astro:build:generated': () => mark('generated'),
  },
};

// The project's own Astro (the Starlight peer has its own copy in its folder).
const astroEntry = createRequire(join(root, 'package.json')).resolve('astro');
const { build } = await import(pathToFileURL(astroEntry).href);
await build({
  root,
  // Astro joins configFile to the root, as its --config flag does: keep it relative.
  ...(config ? { configFile: relative(root, resolve(root, config)) } : {}),
  integrations: [timing],
});
mark('exit');
writeFileSync(report, `${JSON.stringify({ marks })}\n`);
// Astro leaves nothing to wait for after a build, but a stray handle must not stretch the timing.
process.exit(0);
