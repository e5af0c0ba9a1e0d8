#!/usr/bin/env node
/**
 * Times `error-catalog check` as a user runs it (the bin, a new Node process each time, wall time
 * from spawn to exit) on the default catalog and on synthetic catalogs of 500 and 5,000 codes.
 * Budgets from the CLI issue: the default catalog under 2 s, 5,000 codes under 10 s.
 *   node tools/bench/cli-check.mjs [--runs 5] [--sizes 500,5000]     (npm run bench:check)
 * Prints the median and the slowest run of each, with the load average at the start.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { childrenCpuMs } from '../build-site.mjs';
import { generateCatalog } from '../generate-catalog.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const runs = Number(option('runs', '5'));
const sizes = option('sizes', '500,5000').split(',').map(Number);
const BIN = resolve('bin/error-catalog.mjs');

/** Wall time and CPU time (user + system: what the run costs on an idle machine) of one check. */
function timeCheck(dir) {
  const cpu = childrenCpuMs();
  const started = performance.now();
  const result = spawnSync(process.execPath, [BIN, 'check', dir, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (result.status !== 0)
    throw new Error(`check ${dir} exited ${result.status}: ${result.stdout.slice(0, 500)}${result.stderr}`);
  return { ms, cpuMs: childrenCpuMs() - cpu };
}

// The first run compiles the CLI (once per source change); it is not what a user waits for each time.
spawnSync(process.execPath, [BIN, '--version']);
const targets = [{ label: 'default catalog (catalog/)', dir: 'catalog', budget: 2000 }];
for (const size of sizes) {
  const dir = resolve(`.cache/bench-check/synthetic-${size}`);
  if (!existsSync(dir)) generateCatalog({ codes: size, outDir: dir, seed: 7 });
  targets.push({
    label: `synthetic, ${size.toLocaleString('en')} codes`,
    dir,
    budget: size >= 5000 ? 10_000 : undefined,
  });
}
console.log(
  `error-catalog check, ${runs} runs each, load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
let failed = false;
for (const target of targets) {
  const samples = Array.from({ length: runs }, () => timeCheck(target.dir));
  const times = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const cpu = samples.map((sample) => sample.cpuMs).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const over = target.budget !== undefined && median > target.budget;
  failed ||= over;
  console.log(
    `  ${target.label.padEnd(30)} median ${(median / 1000).toFixed(2)} s, slowest ${(times.at(-1) / 1000).toFixed(2)} s, CPU ${(cpu[Math.floor(cpu.length / 2)] / 1000).toFixed(2)} s` +
      (target.budget ? `  (budget ${target.budget / 1000} s${over ? ': OVER' : ''})` : ''),
  );
}
process.exitCode = failed ? 1 : 0;
