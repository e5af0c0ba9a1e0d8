#!/usr/bin/env node
/**
 * `npm test`: every test. Sets up what the tests need (Debian's Chromium), type-checks
 * (astro check), checks formatting (Prettier), runs the unit tests (Vitest), builds the end-to-end sites once, runs the end-to-end tests (Playwright), then
 * prints one closing line. Exits non-zero when anything fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './chromium.mjs';

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', env }).status === 0;

function ensureChromium() {
  if (findChromium()) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log("Chromium is missing; installing Debian's chromium package…");
    if (run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium']) && findChromium())
      return true;
  }
  console.error(
    'The end-to-end tests need Chromium and none was found.\n' +
      'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary. (Playwright cannot download a browser here, so the tests use the system Chromium.)',
  );
  return false;
}

function count(file, read) {
  try {
    return read(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return { passed: 0, failed: 0 };
  }
}

rmSync('.cache/results', { recursive: true, force: true });
mkdirSync('.cache/results', { recursive: true });
const steps = [];
steps.push(['type check', run(process.execPath, ['node_modules/astro/astro.js', 'check'])]);
steps.push([
  'format',
  run(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level', 'warn', '.']),
]);
const unitOk = run(process.execPath, [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=.cache/results/unit.json',
]);
steps.push(['unit', unitOk]);

let e2eOk = false;
if (ensureChromium()) {
  const buildOk = run(process.execPath, ['tools/build-test-sites.mjs']);
  steps.push(['build test sites', buildOk]);
  if (buildOk) e2eOk = run(process.execPath, ['node_modules/@playwright/test/cli.js', 'test']);
} else {
  steps.push(['chromium', false]);
}
steps.push(['e2e', e2eOk]);

const unit = count('.cache/results/unit.json', (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0),
}));
const e2e = count('.cache/results/e2e.json', (r) => ({
  passed: r.stats.expected,
  failed: r.stats.unexpected + r.stats.flaky,
}));
console.log(
  `\nUnit: ${unit.passed} passed, ${unit.failed} failed. End-to-end: ${e2e.passed} passed, ${e2e.failed} failed.`,
);
const failedSteps = steps.filter(([, ok]) => !ok).map(([name]) => name);
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(', ')}`);
console.log(
  `Tests: ${unit.passed + e2e.passed} passed, ${unit.failed + e2e.failed + (failedSteps.length && unit.failed + e2e.failed === 0 ? 1 : 0)} failed`,
);
process.exit(failedSteps.length ? 1 : 0);
