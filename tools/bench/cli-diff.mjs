#!/usr/bin/env node
/**
 * Times `error-catalog diff` as a user runs it (the bin, a new Node process each time, wall time
 * from spawn to exit, and its CPU time) on two synthetic catalogs of 5,000 codes generated from
 * different seeds: the same code numbers with other statuses, messages, retry advice and ranges,
 * so nearly every entry differs — the diff's worst case. Budget from issue 12: under 5 s.
 *   node tools/bench/cli-diff.mjs [--runs 3] [--codes 5000]          (npm run bench:diff)
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
const runs = Number(option('runs', '3'));
const codes = Number(option('codes', '5000'));
const BIN = resolve('bin/error-catalog.mjs');
const BUDGET_MS = 5000;

const dirs = [7, 8].map((seed) => {
  const dir = resolve(`.cache/bench-diff/synthetic-${codes}-seed-${seed}`);
  if (!existsSync(dir)) generateCatalog({ codes, outDir: dir, seed });
  return dir;
});

spawnSync(process.execPath, [BIN, '--version']);
const load = loadavg()
  .map((n) => n.toFixed(2))
  .join(' ');
const samples = [];
let summary = '';
for (let run = 0; run < runs; run += 1) {
  const cpu = childrenCpuMs();
  const started = performance.now();
  const result = spawnSync(process.execPath, [BIN, 'diff', ...dirs, '--format', 'json', '--allow-breaking'], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`diff exited ${result.status}: ${result.stderr}`);
  const report = JSON.parse(result.stdout);
  summary = `${Object.entries(report.summary)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(', ')}; ${report.breaking} breaking`;
  samples.push({ ms, cpuMs: childrenCpuMs() - cpu });
}
const times = samples.map((sample) => sample.ms).sort((a, b) => a - b);
const cpu = samples.map((sample) => sample.cpuMs).sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(
  `error-catalog diff, two catalogs of ${codes.toLocaleString('en')} codes, ${runs} runs, load average ${load}`,
);
console.log(`  ${summary}`);
console.log(
  `  median ${(median / 1000).toFixed(2)} s, slowest ${(times.at(-1) / 1000).toFixed(2)} s, CPU ${(cpu[Math.floor(cpu.length / 2)] / 1000).toFixed(2)} s  (budget ${BUDGET_MS / 1000} s${median > BUDGET_MS ? ': OVER' : ''})`,
);
process.exitCode = median > BUDGET_MS ? 1 : 0;
