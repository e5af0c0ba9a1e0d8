#!/usr/bin/env node
/**
 * Writes a synthetic API log for `error-catalog coverage`: JSON lines (or plain text lines with
 * --plain) of requests that failed with a code of the given catalog, with about 1% undocumented
 * codes (inside and outside the catalog's ranges) and 0.5% sent with another status than the
 * documented one. Streamed to disk, so any size can be written. Usage:
 *   node tools/generate-log.mjs --catalog .cache/synthetic-5000 --size 500 --out .cache/observed.jsonl [--plain]
 * (--size in MB). Deterministic.
 */
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { parse } from 'yaml';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const catalog = option('catalog', 'catalog');
const megabytes = Number(option('size', '500'));
const out = option('out', '.cache/observed.jsonl');
const plain = args.includes('--plain');

/** Every code of the catalog with its status. */
function codesOf(dir) {
  const codes = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry.name))
        for (const code of parse(readFileSync(path, 'utf8')).codes)
          codes.push({ code: String(code.code), status: code.status });
    }
  };
  walk(join(dir, 'codes'));
  return codes;
}

const codes = codesOf(catalog);
let state = 7;
const random = () => {
  state = (state * 1103515245 + 12345) >>> 0;
  return state / 4294967296;
};
const stream = createWriteStream(out);
const target = megabytes * 1024 * 1024;
let written = 0;
let line = 0;
const started = Date.now();
while (written < target) {
  let { code, status } = codes[Math.floor(random() * codes.length)];
  const dice = random();
  if (dice < 0.005)
    code = String(1090 + Math.floor(random() * 10)); // undocumented, inside a range
  else if (dice < 0.01)
    code = `9${Math.floor(random() * 900) + 100}`; // undocumented, outside every range
  else if (dice < 0.015) status = status === 500 ? 503 : 500; // another status
  line += 1;
  const time = new Date(started + line * 37).toISOString();
  const text = plain
    ? `${time} ERROR req=r${line.toString(36)} POST /v1/things status=${status} code=${code} msg="request failed"\n`
    : `${JSON.stringify({ time, level: 'error', requestId: `r${line.toString(36)}`, method: 'POST', path: '/v1/things', status, error: { code, message: 'The request failed.' } })}\n`;
  written += Buffer.byteLength(text);
  if (!stream.write(text)) await once(stream, 'drain');
}
stream.end();
await once(stream, 'finish');
console.log(`${out}: ${line.toLocaleString('en')} lines, ${(written / 1024 / 1024).toFixed(0)} MB`);
