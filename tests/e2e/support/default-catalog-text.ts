/**
 * Text of the default catalog (`catalog/`, "Pajaro Payments") that must never reach the site of
 * another catalog unless that catalog says it too: the API's name, its hosts, surface and envelope
 * names, code names and numbers, and the ids of its example bodies (`req_7Hq2LmX9`, `cus_1029`).
 * The list is read from the default catalog itself, so it follows that catalog as it grows.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { parse } from 'yaml';

/** One default-catalog string and how to find it in text. */
export interface DefaultCatalogToken {
  text: string;
  /** Codes are numbers: they count as whole words only, and only in pages and data files, not in scripts. */
  numeric: boolean;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return entry.endsWith('.yaml') ? [path] : [];
  });
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number') out.push(String(value));
  else if (Array.isArray(value)) for (const entry of value) strings(entry, out);
  else if (value && typeof value === 'object') for (const entry of Object.values(value)) strings(entry, out);
  return out;
}

/**
 * The distinctive strings of the catalog in `defaultDir`, less those `otherDir` (the catalog being
 * built) also contains: what the other catalog says, its site may show.
 */
export function defaultCatalogTokens(defaultDir: string, otherDir: string): DefaultCatalogToken[] {
  const files = yamlFiles(defaultDir).map((file) => ({
    file: relative(defaultDir, file),
    data: parse(readFileSync(file, 'utf8')),
  }));
  const found = new Map<string, DefaultCatalogToken>();
  const add = (text: unknown, numeric = false) => {
    if (typeof text === 'string' && text.trim().length >= 4) found.set(text.trim(), { text: text.trim(), numeric });
  };
  for (const { file, data } of files) {
    if (file === 'api.yaml') {
      add(data.name);
      // The API's own word in its name ("Pajaro"), and in its hosts and addresses.
      for (const word of String(data.name).split(/\s+/)) if (/^[A-Z][a-z]+$/.test(word)) add(word);
      add(data.supportContact);
    }
    if (file.startsWith('surfaces/')) {
      add(data.name);
      add(data.baseUrl);
    }
    if (file.startsWith('envelopes/')) add(data.name);
    if (file.startsWith('codes/')) {
      for (const code of data.codes ?? []) {
        add(code.name);
        add(String(code.code), /^\d+$/.test(String(code.code)));
      }
    }
    // Ids of the examples and placeholders: req_7Hq2LmX9, cus_1029, pjk_live_…
    for (const text of strings(data)) {
      for (const match of text.matchAll(/\b[a-z]{2,5}_(?:[a-z]+_)?[A-Za-z0-9]*\d[A-Za-z0-9]*\b/g)) add(match[0]);
      for (const match of text.matchAll(/\b[a-z]{3,5}_(?:live|test)_/g)) add(match[0]);
      for (const match of text.matchAll(/\b[\w-]+\.(?:[a-z]+)\.example\b/g)) add(match[0]);
    }
  }
  // Generic English words of an API name ("Payments", "API") are not the default catalog's own.
  for (const generic of ['Payments', 'Service', 'Console', 'Gateway', 'Ledger', 'Error', 'Errors'])
    found.delete(generic);
  const other = allFiles(otherDir)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n')
    .toLowerCase();
  return [...found.values()].filter((token) => !other.includes(token.text.toLowerCase()));
}

/** One default-catalog string found in the built site. */
export interface Leak {
  file: string;
  token: string;
  context: string;
}

const TEXT_FILES = new Set(['.html', '.js', '.json', '.xml', '.txt', '.css', '.svg', '']);

/** Attributes of drawings, whose numbers are coordinates. */
const SVG_GEOMETRY = /\s(?:viewBox|d|points|x|y|x1|x2|y1|y2|cx|cy|r|rx|ry|width|height|transform)="[^"]*"/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every default-catalog token in the text files of `outDir` (pages, scripts, data, feeds). */
export function findDefaultCatalogText(outDir: string, tokens: readonly DefaultCatalogToken[]): Leak[] {
  const leaks: Leak[] = [];
  const words = tokens.filter((token) => !token.numeric);
  const numbers = tokens.filter((token) => token.numeric);
  const wordPattern = new RegExp(words.map((token) => escapeRegExp(token.text)).join('|'), 'gi');
  const numberPattern = numbers.length
    ? new RegExp(`(?<![\\w.#-])(?:${numbers.map((token) => escapeRegExp(token.text)).join('|')})(?![\\w-])`, 'g')
    : undefined;
  for (const path of allFiles(outDir)) {
    const file = relative(outDir, path);
    // Pagefind's index is compressed and made from the pages scanned here.
    if (!TEXT_FILES.has(extname(path)) || file.startsWith('pagefind')) continue;
    const text = readFileSync(path, 'utf8');
    const scan = (pattern: RegExp, within = text) => {
      for (const match of within.matchAll(pattern)) {
        const at = match.index ?? 0;
        leaks.push({ file, token: match[0], context: within.slice(Math.max(0, at - 60), at + match[0].length + 40) });
      }
    };
    if (words.length) scan(wordPattern);
    // Scripts are full of numbers (timeouts, limits); codes are checked in pages and data files.
    // Drawing coordinates (an SVG viewBox of 0 0 1000 36) are not codes.
    if (numberPattern && !file.startsWith('_astro') && extname(path) !== '.js')
      scan(numberPattern, text.replace(SVG_GEOMETRY, ''));
  }
  return leaks;
}
