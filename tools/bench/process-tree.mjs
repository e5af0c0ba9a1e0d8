/**
 * Runs a command and measures it as a whole: wall time, CPU time (user + system of the process and
 * everything it started, from /proc) and peak memory, sampled as the summed resident set size of
 * the process tree (Pagefind, for one, runs as a child process of the Astro build). Linux only;
 * elsewhere the CPU and memory figures are NaN.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { childrenCpuMs } from '../build-site.mjs';

const PAGE_BYTES = 4096;

function childrenOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Resident bytes of `pid` and all its descendants right now. */
function treeRssBytes(pid) {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const current = stack.pop();
    try {
      total += Number(readFileSync(`/proc/${current}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES;
    } catch {
      continue;
    }
    stack.push(...childrenOf(current));
  }
  return total;
}

/**
 * Runs `command args` with `options` (spawn's), sampling the tree's memory every `intervalMs`.
 * @returns {Promise<{ ok: boolean, ms: number, cpuMs: number, peakRssBytes: number, output: string }>}
 */
export function measureProcessTree(command, args, options = {}, intervalMs = 50) {
  const started = performance.now();
  const cpuBefore = childrenCpuMs();
  return new Promise((done) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-100_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let peak = 0;
    const sample = () => {
      peak = Math.max(peak, treeRssBytes(child.pid));
    };
    const timer = setInterval(sample, intervalMs);
    child.on('close', (code) => {
      clearInterval(timer);
      done({
        ok: code === 0,
        ms: performance.now() - started,
        cpuMs: childrenCpuMs() - cpuBefore,
        peakRssBytes: peak || Number.NaN,
        output,
      });
    });
  });
}
