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
  let opened = -1;
  for (const [index, char] of [...template].entries()) {
    if (char === '{') [depth, opened] = [depth + 1, index];
    if (char === '}') depth -= 1;
    if (depth < 0) {
      problems.push(`a "}" without its "{" in "${template}"; write each placeholder as {name}`);
      return problems;
    }
    if (depth > 1) {
      problems.push(
        `a "{" inside another placeholder in "${template}"; placeholders cannot nest, write each one as {name}`,
      );
      return problems;
    }
  }
  if (depth !== 0) {
    // Suggest closing the brace after the word it opens, the usual slip: "{orderId not found".
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(template.slice(opened + 1))?.[0];
    problems.push(
      `an unclosed "{" in "${template}"; ${word ? `close it after the name: {${word}}` : 'write each placeholder as {name}'}`,
    );
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
