/**
 * Times the lookup engine in Chromium on a lookup index held in memory (no built site): bundles
 * src/lookup/engine.ts with esbuild, loads it and every shard into a blank page, then runs each
 * input `repetitions` times and reports the median per kind. Used by `npm run bench:lookup` for
 * the inputs that are too large to go through a site's lookup page by hand, such as a HAR file.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../chromium.mjs';

/**
 * @param {{ core: unknown, shards: Record<string, unknown> }} files
 * @param {Record<string, string[]>} inputs kind → inputs
 * @returns {Promise<{ unavailable?: string, byKind?: Record<string, { medianMs: number, p95Ms: number, runs: number, answerKinds: string[] }> }>}
 */
export async function timeEngineInChromium(files, inputs, { repetitions = 9 } = {}) {
  const executablePath = findChromium();
  if (!executablePath) return { unavailable: 'no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)' };
  const bundle = await build({
    entryPoints: [resolve('src/lookup/engine.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'LookupEngine',
    minify: true,
    write: false,
    platform: 'browser',
    target: 'es2022',
  });
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>engine bench</title>');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    const byKind = await page.evaluate(
      ({ files, inputs, repetitions }) => {
        const engine = window.LookupEngine;
        const index = { core: files.core, shards: new Map(Object.entries(files.shards)) };
        const results = {};
        for (const [kind, list] of Object.entries(inputs)) {
          const times = [];
          const kinds = new Set();
          for (const input of list) {
            kinds.add(engine.lookup(input, index, { now: 0 }).kind); // warm-up
            for (let round = 0; round < repetitions; round += 1) {
              const started = performance.now();
              engine.lookup(input, index, { now: 0 });
              times.push(performance.now() - started);
            }
          }
          times.sort((a, b) => a - b);
          results[kind] = {
            medianMs: times[Math.floor(times.length / 2)],
            p95Ms: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))],
            runs: times.length,
            answerKinds: [...kinds],
          };
        }
        return results;
      },
      { files, inputs, repetitions },
    );
    return { byKind };
  } finally {
    await browser.close();
  }
}
