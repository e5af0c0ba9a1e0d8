/**
 * Reads one guide (`guides/<id>.mdx`) the way the site will: its front matter against the guide
 * schema, its MDX syntax with the compiler Astro uses, and the links it holds, so that a mistake
 * is reported with the guide's file and line before Astro renders anything.
 */
import { readFileSync } from 'node:fs';
import { createProcessor } from '@mdx-js/mdx';
import { LineCounter, parseDocument, isMap } from 'yaml';
import { guideSchema, type GuideData } from '../schemas/guide';
import type { CatalogProblem } from './problems';
import { createSourceFile, type SourceFile } from './source-file';
import { decodeText } from './text-encoding';
import { toPlainData, yamlProblem } from './yaml-problems';
import { zodIssuesToProblems } from './zod-problems';

/** A link written in a guide: its target as written and where it is. */
export interface GuideLink {
  url: string;
  line: number;
  column: number;
}

export interface ParsedGuide {
  /** The guide's id: its file name without `.mdx`; its page is `guides/<id>/`. */
  id: string;
  file: string;
  /** The front matter, when it passed the guide schema. */
  data?: GuideData;
  /** The front matter's source, for the line of a field. */
  source?: SourceFile;
  links: GuideLink[];
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Reads the guide at `path` (shown as `file`); problems are every mistake found in it. */
export function parseGuide(path: string, file: string): { guide: ParsedGuide; problems: CatalogProblem[] } {
  const id = (path.split(/[\\/]/).pop() ?? '').replace(/\.mdx$/i, '');
  const guide: ParsedGuide = { id, file, links: [] };
  const problems: CatalogProblem[] = [];
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push({
      file,
      field: '',
      message: `the guide cannot be read (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code})`,
      fix: 'make the file readable, or move it out of the catalog folder',
    });
    return { guide, problems };
  }
  const decoded = decodeText(bytes);
  if ('problem' in decoded) return { guide, problems: [{ file, field: '', ...decoded.problem }] };
  const text = decoded.text;

  const frontMatter = FRONT_MATTER.exec(text);
  if (!frontMatter) {
    problems.push({
      file,
      line: 1,
      field: '',
      message: 'the guide has no front matter',
      fix: 'start the file with a front matter block: a line "---", then title: <title>, description: <one sentence>, order: <number>, then a line "---"',
    });
  } else {
    const yamlText = frontMatter[1]!;
    const lineCounter = new LineCounter();
    const doc = parseDocument(yamlText, { lineCounter, prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
      const problem = yamlProblem(doc.errors[0]!, yamlText, file);
      problems.push({ ...problem, line: problem.line === undefined ? 2 : problem.line + 1 });
    } else {
      const converted = toPlainData(doc, lineCounter, file);
      if ('problem' in converted) problems.push({ ...converted.problem, line: (converted.problem.line ?? 0) + 1 });
      else {
        const source = createSourceFile(file, yamlText, () => ({ doc, lineCounter }), converted.plain, 1);
        guide.source = source;
        const outcome = guideSchema.safeParse(isMap(doc.contents) ? converted.plain : {});
        if (outcome.success) guide.data = outcome.data;
        else problems.push(...zodIssuesToProblems(outcome.error.issues, source, guideSchema));
      }
    }
  }

  // The front matter's lines are blanked rather than cut, so MDX positions are the file's.
  const body = frontMatter ? frontMatter[0].replace(/[^\n]/g, '') + text.slice(frontMatter[0].length) : text;
  const mdx = readMdx(body, file);
  problems.push(...mdx.problems);
  guide.links = mdx.links;
  return { guide, problems };
}

interface MdxNode {
  type: string;
  name?: string | null;
  url?: string;
  value?: string;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  position?: { start: { line: number; column: number } };
  children?: MdxNode[];
}

const processor = createProcessor({ format: 'mdx' });

/** MDX syntax errors and the expressions and components that would fail when the page renders. */
function readMdx(body: string, file: string): { problems: CatalogProblem[]; links: GuideLink[] } {
  let tree: MdxNode;
  try {
    tree = processor.parse(body) as unknown as MdxNode;
  } catch (error) {
    return { problems: [mdxSyntaxProblem(error as MdxError, body, file)], links: [] };
  }
  const problems: CatalogProblem[] = [];
  const links: GuideLink[] = [];
  // A guide with imports or exports may define what its expressions and components use.
  let hasModuleCode = false;
  const nodes: MdxNode[] = [];
  const walk = (node: MdxNode) => {
    nodes.push(node);
    if (node.type === 'mdxjsEsm') hasModuleCode = true;
    node.children?.forEach(walk);
  };
  walk(tree);
  for (const node of nodes) {
    const start = node.position?.start ?? { line: 1, column: 1 };
    if ((node.type === 'link' || node.type === 'definition') && node.url)
      links.push({ url: node.url, line: start.line, column: start.column });
    if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'a') {
      const href = node.attributes?.find((attribute) => attribute.name === 'href')?.value;
      if (typeof href === 'string') links.push({ url: href, line: start.line, column: start.column });
    }
    if (hasModuleCode) continue;
    if ((node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') && !isComment(node.value ?? '')) {
      const written = `{${node.value ?? ''}}`;
      problems.push({
        file,
        line: start.line,
        field: '',
        message: `MDX reads ${written} (column ${start.column}) as a JavaScript expression, which fails when the page is built`,
        fix: `to show the braces, write \\${written}, or put it in a code span: \`${written}\``,
      });
    }
    if (
      (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') &&
      node.name &&
      /^[A-Z]/.test(node.name)
    ) {
      problems.push({
        file,
        line: start.line,
        field: '',
        message: `MDX reads <${node.name}> (column ${start.column}) as a component, and the guide imports none`,
        fix: `to show the text, write \\<${node.name}>, or put it in a code span: \`<${node.name}>\``,
      });
    }
  }
  return { problems, links };
}

interface MdxError {
  line?: number;
  column?: number;
  reason?: string;
  message?: string;
  ruleId?: string;
  source?: string;
}

/** An MDX syntax error at the character that starts it (the compiler often stops further on). */
function mdxSyntaxProblem(error: MdxError, body: string, file: string): CatalogProblem {
  const reason = (error.reason ?? error.message ?? String(error)).split('\n')[0]!;
  const lines = body.split('\n');
  const errorLine = error.line ?? 1;
  const column = error.column ?? 1;
  if (error.source === 'micromark-extension-mdx-expression') {
    // Find the "{" that opened the expression: the last one before the error position.
    for (let line = errorLine; line >= 1 && line > errorLine - 20; line -= 1) {
      const text = lines[line - 1] ?? '';
      const brace = (line === errorLine ? text.slice(0, Math.max(column - 1, 0)) : text).lastIndexOf('{');
      if (brace >= 0) {
        const excerpt = text.slice(brace, brace + 30).trimEnd();
        return {
          file,
          line,
          field: '',
          message: `MDX reads the "{" at column ${brace + 1} as the start of a JavaScript expression, but what follows is not JavaScript (${lowerFirst(reason)}): ${excerpt}…`,
          fix: 'to show the brace, escape it as \\{, or put the text in a code span between backticks',
        };
      }
    }
  }
  if (/tag|jsx|name/i.test(`${error.ruleId ?? ''} ${error.source ?? ''} ${reason}`)) {
    // The compiler names the tag's own position in its reason ("(7:12-7:16)"); prefer it.
    const named = /\((\d+):(\d+)-\d+:\d+\)/.exec(reason);
    const line = named ? Number(named[1]) : errorLine;
    const text = lines[line - 1] ?? '';
    const at = named ? Number(named[2]) : text.slice(0, Math.max(column, 1)).lastIndexOf('<') + 1 || column;
    const tag = /^<\/?[^\s>]*>?/.exec(text.slice(at - 1))?.[0] ?? '<';
    return {
      file,
      line,
      field: '',
      message: `MDX reads the "<" at column ${at} as the start of an HTML or JSX tag: ${lowerFirst(reason.replace(/\s*\(\d+:\d+-\d+:\d+\)/, '').replace(/`/g, ''))}`,
      fix: `to show it as text, write \\${tag} or put it in a code span between backticks; to use the tag, close it (${tag.replace(/>$/, ' />')})`,
    };
  }
  return {
    file,
    line: errorLine,
    field: '',
    message: `this is not valid MDX: ${lowerFirst(reason)} (column ${column})`,
    fix: 'check the Markdown on that line; write { and < as \\{ and \\<, or inside backticks',
  };
}

function isComment(expression: string): boolean {
  return /^\s*\/\*[\s\S]*\*\/\s*$/.test(expression);
}

function lowerFirst(text: string): string {
  return text.replace(/^[A-Z](?![A-Z])/, (first) => first.toLowerCase());
}
