#!/usr/bin/env node
/**
 * `npm test`: every test. Sets up what the tests need (Debian's Chromium headless shell), then runs the checks
 * that do not need each other two at a time (the machine has two cores and most of these steps use
 * one): the type check (astro check), the formatting check (Prettier), the unit tests (Vitest)
 * and the end-to-end sites' builds (all in one process). When every site is built, the end-to-end tests (Playwright)
 * run against them. Prints one closing line; exits non-zero when anything fails.
 *
 *   TEST_JOBS=1 npm test    one step at a time (default: 2, or the number of cores when lower)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { findChromium, HEADLESS_SHELL } from './chromium.mjs';
import { sites } from './test-sites.mjs';

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const node = process.execPath;

function ensureChromium() {
  const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', env }).status === 0;
  const found = findChromium();
  if (found === HEADLESS_SHELL || (found && process.env.CHROMIUM_PATH)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    // The headless shell runs the tests in half the time of the full browser (tools/chromium.mjs).
    console.log(`Installing Debian's chromium-headless-shell package${found ? ` (found only ${found})` : ''}…`);
    if (run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium-headless-shell']))
      if (findChromium()) return true;
    if (!found && run('apt-get', ['install', '-y', '-qq', 'chromium']) && findChromium()) return true;
  }
  if (found) {
    console.log(
      `Using ${found}. The tests run about twice as fast with the headless shell: sudo apt-get install -y chromium-headless-shell`,
    );
    return true;
  }
  console.error(
    'The end-to-end tests need Chromium and none was found.\n' +
      'Install it with:  sudo apt-get update && sudo apt-get install -y chromium-headless-shell\n' +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary. (Playwright cannot download a browser here, so the tests use the system Chromium.)',
  );
  return false;
}

/**
 * Runs one step. With `live`, its output goes straight to the terminal (the only step running);
 * otherwise it is kept and printed whole when the step ends, so two steps never interleave lines.
 */
function runStep(name, args, { live = false } = {}) {
  const started = performance.now();
  if (!live) console.log(`▶ ${name}`);
  return new Promise((done) => {
    const child = spawn(node, args, { env, stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    let output = '';
    if (!live) {
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
    }
    child.on('close', (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      if (!live) process.stdout.write(`\n── ${name} ──\n${output}`);
      console.log(`${code === 0 ? '✓' : '✗'} ${name} (${seconds} s)`);
      done(code === 0);
    });
  });
}

/** Runs the steps with at most `slots` at once, longest first; resolves to [name, ok] pairs. */
async function runPool(steps, slots) {
  const results = [];
  const queue = [...steps];
  const worker = async () => {
    for (let step = queue.shift(); step; step = queue.shift())
      results.push([step.name, await runStep(step.name, step.args)]);
  };
  await Promise.all(Array.from({ length: Math.min(slots, steps.length) }, worker));
  return results;
}

/** What `read` makes of a JSON report, or `fallback` when the report is missing or not as expected. */
function fromReport(file, read, fallback = { passed: 0, failed: 0 }) {
  try {
    return read(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return fallback;
  }
}

const started = performance.now();
rmSync('.cache/results', { recursive: true, force: true });
mkdirSync('.cache/results', { recursive: true });
const slots = Math.max(1, Number(process.env.TEST_JOBS) || Math.min(2, availableParallelism()));
const chromium = ensureChromium();

// Longest first, so the pool does not end on one long step. Vitest runs its files in one worker on
// a two-core machine (cores − 1); much of its time goes to the processes its CLI tests spawn.
const steps = [
  {
    name: 'unit',
    args: [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=.cache/results/unit.json',
    ],
  },
  // Every end-to-end site, one after another in one process (tools/build-test-sites.mjs).
  ...(chromium ? [{ name: `build ${sites.length} test sites`, args: ['tools/build-test-sites.mjs'] }] : []),
  { name: 'type check', args: ['node_modules/astro/astro.js', 'check'] },
  { name: 'format', args: ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level', 'warn', '.'] },
];
const results = await runPool(steps, slots);
if (!chromium) results.push(['chromium', false]);

const built = results.filter(([name]) => name.startsWith('build ')).every(([, ok]) => ok);
let e2eOk = false;
if (chromium && built) {
  e2eOk = await runStep('e2e', ['node_modules/@playwright/test/cli.js', 'test'], { live: true });
}
results.push(['e2e', e2eOk]);

const unit = fromReport('.cache/results/unit.json', (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0),
}));
const e2e = fromReport('.cache/results/e2e.json', (r) => ({
  passed: r.stats.expected,
  failed: r.stats.unexpected + r.stats.flaky,
}));
/** The names of the failed tests, so the closing lines say which (CI shows the end of the output). */
function failedNames() {
  const unitFailed = fromReport(
    '.cache/results/unit.json',
    (r) =>
      r.testResults.flatMap((file) => [
        ...(file.status === 'failed' && file.assertionResults.length === 0 ? [`${file.name}: ${file.message}`] : []),
        ...file.assertionResults
          .filter((test) => test.status === 'failed')
          .map((test) => `${file.name.replace(`${process.cwd()}/`, '')} › ${test.fullName}`),
      ]),
    [],
  );
  const e2eFailed = fromReport(
    '.cache/results/e2e.json',
    (r) => {
      const names = [];
      // The top suite is the spec file; a test a helper registers (the site gates, the checklists) is
      // written in another file, given after the title, and sits in a `[site]` describe block.
      const walk = (suite, titles) => {
        for (const spec of suite.specs ?? [])
          for (const test of spec.tests)
            if (test.status === 'unexpected' || test.status === 'flaky')
              names.push(`${[...titles, spec.title].join(' › ')} (${spec.file}:${spec.line})`);
        for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
      };
      for (const suite of r.suites) walk(suite, [suite.title]);
      return names;
    },
    [],
  );
  return [...unitFailed, ...e2eFailed];
}
const failedTests = failedNames();
if (failedTests.length)
  console.log(`\nFailed tests:\n${failedTests.map((name) => `  ✗ ${name.slice(0, 300)}`).join('\n')}`);

const minutes = ((performance.now() - started) / 60_000).toFixed(1);
console.log(
  `\nUnit: ${unit.passed} passed, ${unit.failed} failed. End-to-end: ${e2e.passed} passed, ${e2e.failed} failed. ${minutes} min.`,
);
const failedSteps = results.filter(([, ok]) => !ok).map(([name]) => name);
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(', ')}`);
console.log(
  `Tests: ${unit.passed + e2e.passed} passed, ${unit.failed + e2e.failed + (failedSteps.length && unit.failed + e2e.failed === 0 ? 1 : 0)} failed`,
);
process.exit(failedSteps.length ? 1 : 0);
