#!/usr/bin/env node
/**
 * Builds the end-to-end test sites named on the command line (all when none is named), one after
 * another in this one process, through Astro's own `build()` (the JavaScript API of `astro build`),
 * with the same root, config, environment and output folder as `astro build` gets from
 * tools/build-site.mjs. Node, Astro, Vite and Rollup load once and their code is already compiled for
 * the later builds: the 13 test sites took 77 s of wall time and 90 CPU seconds this way, against
 * 151 s and 206 CPU seconds as one `astro build` process each (same machine, nothing else running),
 * and every page, script and index file they write is byte for byte the same.
 */
import { build } from 'astro';
import { sites } from './test-sites.mjs';
import { planBuild } from './build-site.mjs';

const wanted = process.argv.slice(2);
const selected = wanted.length ? sites.filter((site) => wanted.includes(site.name)) : sites;
if (wanted.length && selected.length !== wanted.length) {
  console.error(`Unknown site; known sites: ${sites.map((site) => site.name).join(', ')}`);
  process.exit(2);
}
const environment = { ...process.env };
/** Makes `process.env` hold exactly `values`. */
function setEnvironment(values) {
  for (const key of Object.keys(process.env)) if (!(key in values)) delete process.env[key];
  Object.assign(process.env, values);
}
for (const site of selected) {
  setEnvironment(environment);
  const plan = planBuild({
    catalogDir: site.catalogDir,
    basePath: site.basePath,
    audience: site.audience,
    outDir: site.outDir,
  });
  // astro.config.mjs reads its options from the environment when Astro loads it, once per build.
  setEnvironment(plan.env);
  const started = performance.now();
  try {
    await build({ root: plan.root, configFile: plan.config, logLevel: 'error' });
  } catch (error) {
    // A bad catalog stops the build with Astro's user error: its message is the catalog's report
    // (file, line, fix) and its hint says what to do. Anything else is a fault of the build: its stack.
    const report = /^Astro(User)?Error$/.test(error?.type)
      ? `${error.message}${error.hint ? `\n${error.hint}` : ''}`
      : error instanceof Error
        ? error.stack
        : String(error);
    console.error(report);
    console.error(`Building the "${site.name}" test site failed (catalog ${site.catalogDir}).`);
    process.exit(1);
  }
  console.log(
    `Built test site "${site.name}" (${site.catalogDir} at ${site.basePath}) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
}
