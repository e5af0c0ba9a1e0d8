/**
 * End-to-end tests: Debian's Chromium (never a downloaded browser) against the built sites of
 * tools/test-sites.mjs, served by Astro's preview server on 127.0.0.1 (tools/preview-sites.mjs);
 * plus the custom elements on blank pages (tests/e2e/elements/) and the authoring loop in `astro dev`
 * (tests/e2e/dev/). Run one spec with `npx playwright test tests/e2e/examples/migo.spec.ts`.
 */
import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sites } from './tools/test-sites.mjs';
import { chromiumArgs, findChromium } from './tools/chromium.mjs';
import { SECURITY_HEADERS } from './src/publishing/content-security-policy';

const executablePath = findChromium() ?? '/usr/bin/chromium';
/** Every built site is served (starting them all takes well under a second: tools/preview-sites.mjs). */
const built = sites.filter((site) => existsSync(site.outDir));
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
  // One project for every spec: each spec finds its site from its own path (tools/test-sites.mjs,
  // `siteOfSpec`), which sets its baseURL (tests/e2e/support/fixtures.ts). With a project per site,
  // Playwright started new workers, each with its own browser, whenever a worker went on to another
  // site's tests: 29 worker processes and about a minute of idle worker time a run.
  projects: [{ name: 'e2e', testMatch: ['**/*.spec.ts'] }],
  // One process serves every built site (Astro's static preview server, tools/preview-sites.mjs),
  // each with the Content-Security-Policy it must work under (no inline scripts;
  // src/publishing/content-security-policy.ts), so every test runs under it.
  webServer:
    built.length === 0
      ? []
      : {
          command: `node tools/preview-sites.mjs ${built.map((site) => site.name).join(' ')}`,
          url: built[0]!.url,
          env: { ASTRO_TELEMETRY_DISABLED: '1', PREVIEW_HEADERS: JSON.stringify(SECURITY_HEADERS) },
          reuseExistingServer: false,
          timeout: 60_000,
          stdout: 'ignore',
          stderr: 'pipe',
        },
});
