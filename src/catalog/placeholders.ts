/** Message templates: `{placeholder}` syntax, shared by the cross-checks, pages and lookup index. */

const PLACEHOLDER = /\{([^{}]*)\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** Names of the placeholders in a template, in order of first appearance. */
export function placeholderNames(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1]!.trim();
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** What is wrong with a template's placeholders, or an empty list. */
export function templateProblems(template: string): string[] {
  const problems: string[] = [];
  let depth = 0;
  for (const char of template) {
    if (char === '{') depth += 1;
    if (char === '}') depth -= 1;
    if (depth < 0 || depth > 1) {
      problems.push(`unbalanced braces in "${template}"; write each placeholder as {name}`);
      return problems;
    }
  }
  if (depth !== 0) {
    problems.push(`an unclosed "{" in "${template}"; write each placeholder as {name}`);
    return problems;
  }
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1]!.trim();
    if (!NAME.test(name)) {
      problems.push(`placeholder "{${match[1]}}" is not a name; use letters, digits and _, e.g. {userId}`);
    }
  }
  return problems;
}

/** A template cut into literal text and placeholder names, in order, for rendering it marked up. */
export function splitTemplate(template: string): Array<{ text: string; placeholder: boolean }> {
  const parts: Array<{ text: string; placeholder: boolean }> = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push({ text: template.slice(last, match.index), placeholder: false });
    parts.push({ text: match[1]!.trim(), placeholder: true });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last), placeholder: false });
  return parts;
}
