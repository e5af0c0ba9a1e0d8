/**
 * Writes the Starlight peer's pages (tools/bench/starlight/src/content/docs/codes/): one Markdown
 * page per code of the generated catalog, with what the bare baseline's code page shows (code and
 * name, status, message, cause, resolution, what support asks, related codes), plus the codes
 * index page the sidebar links to.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeSlug } from './baseline/src/read-codes.mjs';

/** Markdown text: characters Markdown or HTML would read as syntax are escaped. */
const text = (value) => String(value ?? '').replace(/[\\`*_{}[\]<>#|!]/g, (char) => `\\${char}`);

/** @param {ReturnType<typeof import('./baseline/src/read-codes.mjs').readCodes>} codes */
export function writeStarlightPages(codes, docsDir = 'tools/bench/starlight/src/content/docs') {
  const dir = join(docsDir, 'codes');
  rmSync(dir, { recursive: true, force: true });
  for (const code of codes) {
    const related = (code.related ?? []).map((ref) => {
      const [space, value] = ref.includes(':') ? ref.split(':') : [code.codeSpace, ref];
      return `- [${text(ref)}](/codes/${space}/${codeSlug(value)}/)`;
    });
    const lines = [
      '---',
      `title: ${JSON.stringify(`${code.code} ${code.name ?? ''}`.trim())}`,
      '---',
      '',
      `HTTP ${code.status}`,
      '',
      `\`${String(code.message).replace(/`/g, "'")}\``,
      '',
      '## Cause',
      '',
      text(code.cause),
      '',
      '## Resolution',
      '',
      text(code.resolution),
      '',
      ...(code.support?.ask ?? []).map((ask) => `- ${text(ask)}`),
      '',
      ...related,
      '',
    ];
    mkdirSync(join(dir, code.codeSpace), { recursive: true });
    writeFileSync(join(dir, code.codeSpace, `${code.slug}.md`), lines.join('\n'));
  }
  writeFileSync(
    join(dir, 'index.md'),
    ['---', 'title: Codes', '---', '', `${codes.length} error codes, one page each.`, ''].join('\n'),
  );
}
