#!/usr/bin/env node
/**
 * Serves built test sites (tools/test-sites.mjs) for the end-to-end tests, all from one process:
 * Astro's own static preview server (`preview()` from 'astro', the server `astro preview` runs),
 * once per site, with the site's base path, `trailingSlash: 'always'` and the security headers.
 * Thirteen `astro preview` commands started one after another took about a minute before the first
 * test could run (each loads the project's config and catalog); this starts them all in well under
 * a second, with the same answers (pages, 404 page, trailing-slash and base-path rules, headers).
 *
 *   node tools/preview-sites.mjs NAME…     PREVIEW_HEADERS='{"Content-Security-Policy": "…"}'
 *
 * The first site named is started last, so once its URL answers, every site is being served.
 */
import { preview } from 'astro';
import { sites } from './test-sites.mjs';

const names = process.argv.slice(2);
const unknown = names.filter((name) => !sites.some((site) => site.name === name));
if (names.length === 0 || unknown.length > 0) {
  console.error(
    `preview-sites: ${names.length === 0 ? 'name at least one site' : `no test site named ${unknown.join(', ')}`}; ` +
      `the sites are ${sites.map((site) => site.name).join(', ')} (tools/test-sites.mjs).`,
  );
  process.exit(2);
}
/** @type {Record<string, string>} */
const headers = process.env.PREVIEW_HEADERS ? JSON.parse(process.env.PREVIEW_HEADERS) : {};

/** @param {import('./test-sites.mjs').Site} site */
async function serve(site) {
  const server = await preview({
    root: process.cwd(),
    // The config file would load the catalog again; a preview needs only what is set here, and the
    // `trailingSlash` and `build.format` are astro.config.mjs's own (they decide which URLs answer).
    configFile: false,
    logLevel: 'warn',
    base: site.basePath,
    outDir: site.outDir,
    trailingSlash: 'always',
    build: { format: 'directory' },
    server: { host: '127.0.0.1', port: site.port, headers },
  });
  // Vite moves to the next free port when one is taken; a test would then reach another server.
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : undefined;
  if (port !== site.port)
    throw new Error(
      `port ${site.port} for the ${site.name} site is taken (by an earlier test run?); stop it, or set E2E_PORT_BASE`,
    );
  return server;
}

const chosen = names.map((name) => sites.find((site) => site.name === name));
try {
  await Promise.all(chosen.slice(1).map(serve));
  await serve(chosen[0]);
} catch (error) {
  console.error(`preview-sites: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
