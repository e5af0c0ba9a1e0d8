/**
 * End-to-end tests: Debian's Chromium (never a downloaded browser) against the built sites of
 * tools/test-sites.mjs, served by Astro's preview server on 127.0.0.1 (tools/preview-sites.mjs);
 * plus the custom elements on blank pages (`elements`) and the authoring loop in `astro dev` (`dev`).
 */
import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sites } from './tools/test-sites.mjs';
import { chromiumArgs, findChromium } from './tools/chromium.mjs';
import { SECURITY_HEADERS } from './src/publishing/content-security-policy';

const executablePath = findChromium() ?? '/usr/bin/chromium';
/** The projects named on the command line (`--project=a --project b`), if any: only their sites are served. */
const chosen = process.argv.flatMap((argument, index, all) =>
  argument.startsWith('--project=')
    ? [argument.slice('--project='.length)]
    : argument === '--project'
      ? [all[index + 1] ?? '']
      : [],
);
const built = sites.filter((site) => existsSync(site.outDir) && (chosen.length === 0 || chosen.includes(site.name)));
const resultsRoot = process.env.E2E_OUT_ROOT || '.cache';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  outputDir: join(resultsRoot, 'test-results'),
  reporter: [['list'], ['json', { outputFile: join(resultsRoot, 'results/e2e.json') }]],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath, args: chromiumArgs },
    trace: 'off',
  },
  projects: [
    ...sites.map((site) => ({
      name: site.name,
      testMatch: site.testMatch,
      use: { baseURL: `http://127.0.0.1:${site.port}${site.basePath}` },
    })),
    // Browser unit tests of src/elements/ on blank pages: no built site.
    { name: 'elements', testMatch: ['elements/**/*.spec.ts'] },
    // The authoring loop: the spec starts its own `astro dev` on a copy of a catalog.
    { name: 'dev', testMatch: ['dev/**/*.spec.ts'] },
  ],
  // One process serves every built site (Astro's static preview server, tools/preview-sites.mjs),
  // each with the Content-Security-Policy it must work under (no inline scripts;
  // src/publishing/content-security-policy.ts), so every test runs under it.
  webServer:
    built.length === 0
      ? []
      : {
          command: `node tools/preview-sites.mjs ${built.map((site) => site.name).join(' ')}`,
          url: `http://127.0.0.1:${built[0]!.port}${built[0]!.basePath}`,
          env: { ASTRO_TELEMETRY_DISABLED: '1', PREVIEW_HEADERS: JSON.stringify(SECURITY_HEADERS) },
          reuseExistingServer: false,
          timeout: 60_000,
          stdout: 'ignore',
          stderr: 'pipe',
        },
});
