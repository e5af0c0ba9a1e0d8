#!/usr/bin/env node
/** Builds the end-to-end test sites named on the command line (all when none is named). */
import { sites } from './test-sites.mjs';
import { buildSite } from './build-site.mjs';

const wanted = process.argv.slice(2);
const selected = wanted.length ? sites.filter((site) => wanted.includes(site.name)) : sites;
if (wanted.length && selected.length !== wanted.length) {
  console.error(`Unknown site; known sites: ${sites.map((site) => site.name).join(', ')}`);
  process.exit(2);
}
for (const site of selected) {
  const result = buildSite({
    catalogDir: site.catalogDir,
    basePath: site.basePath,
    audience: site.audience,
    outDir: site.outDir,
    quiet: true,
  });
  if (!result.ok) {
    console.error(result.output.slice(-20_000));
    console.error(`Building the "${site.name}" test site failed (catalog ${site.catalogDir}).`);
    process.exit(1);
  }
  console.log(
    `Built test site "${site.name}" (${site.catalogDir} at ${site.basePath}) in ${(result.ms / 1000).toFixed(1)} s.`,
  );
}
