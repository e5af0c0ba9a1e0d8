/**
 * Path templates of operations (`/v2/charges/{chargeId}/capture`): the grammar, matching a concrete
 * request path (with its parameters read), and comparing two templates. One rule for the catalog's
 * cross-checks, the lookup index and the browser's lookup engine, so it is zod-free and DOM-free.
 *
 * Grammar: the path as it appears in a request line, starting with `/`; segments separated by `/`;
 * a segment is literal text, `{name}` (one whole segment) or literal text around parameters
 * (`{fileName}.pdf`, `{name}:cancel`), never two parameters side by side. A parameter matches one
 * non-empty segment part, never a `/`. No query string, no fragment. A trailing slash is ignored:
 * `/v2/charges/` and `/v2/charges` are the same path, as clients and servers mostly treat them.
 */

/** One part of a segment: literal text, or a parameter. */
export type SegmentPart = { literal: string } | { param: string };

/** A parsed template. */
export interface PathTemplate {
  /** The template as written. */
  source: string;
  /** Segments without the leading slash and without a trailing empty one. */
  segments: SegmentPart[][];
  /** Parameter names, in order. */
  params: string[];
}

/** What is wrong with a template and how to fix it. */
export interface PathTemplateProblem {
  message: string;
  fix: string;
}

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** Characters a path segment may hold literally (RFC 3986 pchar), besides percent-escapes. */
const LITERAL = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*$/;

/** What is wrong with `path` as a template, or undefined when it is valid. */
export function pathTemplateProblem(path: string): PathTemplateProblem | undefined {
  const example = 'e.g. /v2/charges/{chargeId}/capture';
  if (!path.startsWith('/')) {
    const fix = /^https?:\/\//i.test(path)
      ? `write only the path, e.g. ${pathOfUrl(path) || '/v2/charges'}; the host belongs in the surface's baseUrl`
      : `start it with a slash: /${path.replace(/^\.?\/*/, '')}`;
    return { message: `path "${path}" does not start with "/"`, fix };
  }
  const query = path.search(/[?#]/);
  if (query >= 0)
    return {
      message: `path "${path}" holds a ${path[query] === '?' ? 'query string' : 'fragment'}`,
      fix: `write the path alone (${path.slice(0, query) || '/'}); query parameters do not select an operation`,
    };
  if (/\s/.test(path))
    return {
      message: `path "${path}" contains a space`,
      fix: `remove it, or write it as %20 if the API really has one`,
    };
  const body = path.replace(/\/$/, '');
  const segments = body === '' ? [] : body.slice(1).split('/');
  const names = new Set<string>();
  for (const segment of segments) {
    if (segment === '')
      return {
        message: `path "${path}" has an empty segment ("//")`,
        fix: `write single slashes: ${path.replace(/\/{2,}/g, '/')}`,
      };
    if (/^:[A-Za-z_]/.test(segment) || /^<[^>]*>$/.test(segment)) {
      const name = segment.replace(/^:|^<(?:\w+:)?|>$/g, '');
      return {
        message: `path "${path}" writes a parameter as "${segment}"`,
        fix: `write parameters in braces: {${name}} (${path.replace(segment, `{${name}}`)})`,
      };
    }
    const parsed = parseSegment(segment);
    if (typeof parsed === 'string')
      return { message: `path "${path}" has ${parsed} in segment "${segment}"`, fix: segmentFix(segment, example) };
    let previousParam = false;
    for (const part of parsed) {
      if ('param' in part) {
        if (previousParam)
          return {
            message: `path "${path}" has two parameters side by side in segment "${segment}", which cannot be told apart`,
            fix: 'put literal text between them, or make them one parameter',
          };
        if (names.has(part.param))
          return {
            message: `path "${path}" names parameter {${part.param}} twice`,
            fix: 'give each parameter its own name, e.g. {sourceId} and {targetId}',
          };
        names.add(part.param);
        previousParam = true;
      } else {
        if (!LITERAL.test(part.literal))
          return {
            message: `path "${path}" has a character in "${part.literal}" that a path cannot carry as is`,
            fix: 'percent-encode it (e.g. %20 for a space), or use letters, digits and - . _ ~',
          };
        previousParam = false;
      }
    }
  }
  return undefined;
}

function segmentFix(segment: string, example: string): string {
  if (segment.includes('{{') || segment.includes('}}')) return `write each parameter with single braces, ${example}`;
  return `write each parameter as {name} with a name made of letters, digits and _ (${example})`;
}

/** Parts of one segment, or the text of what is wrong with it. */
function parseSegment(segment: string): SegmentPart[] | string {
  const parts: SegmentPart[] = [];
  let rest = segment;
  while (rest.length) {
    const open = rest.indexOf('{');
    const close = rest.indexOf('}');
    if (open < 0 && close < 0) {
      parts.push({ literal: rest });
      break;
    }
    if (close >= 0 && (open < 0 || close < open)) return 'a "}" without its "{"';
    if (open > 0) parts.push({ literal: rest.slice(0, open) });
    const end = rest.indexOf('}', open);
    if (end < 0) return 'an unclosed "{"';
    const name = rest.slice(open + 1, end);
    if (name.includes('{')) return 'a "{" inside a parameter';
    if (!PARAM_NAME.test(name))
      return name === '' ? 'an empty parameter "{}"' : `a parameter name "${name}" that is not a name`;
    parts.push({ param: name });
    rest = rest.slice(end + 1);
  }
  return parts;
}

/** Parses a valid template (check it with `pathTemplateProblem` first; an invalid one throws). */
export function parsePathTemplate(path: string): PathTemplate {
  const problem = pathTemplateProblem(path);
  if (problem) throw new Error(`${problem.message}; ${problem.fix}`);
  const body = path.replace(/\/$/, '');
  const segments = (body === '' ? [] : body.slice(1).split('/')).map(
    (segment) => parseSegment(segment) as SegmentPart[],
  );
  return { source: path, segments, params: segments.flat().flatMap((part) => ('param' in part ? [part.param] : [])) };
}

/** The path of a URL or of a request target, without query and fragment: `https://x.io/a/b?c` → `/a/b`. */
export function pathOfUrl(target: string): string {
  let rest = target.trim();
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(rest);
  if (scheme) rest = rest.slice(scheme[0].length);
  const end = rest.search(/[?#]/);
  if (end >= 0) rest = rest.slice(0, end);
  if (!rest.startsWith('/')) rest = `/${rest}`;
  return rest;
}

/** Segments of a concrete path: query and fragment dropped, empty segments (`//`, a trailing `/`) skipped. */
export function concreteSegments(target: string): string[] {
  return pathOfUrl(target)
    .split('/')
    .filter((segment) => segment !== '');
}

/** A path segment percent-decoded, or as written when its encoding is broken. */
export function decodeSegment(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Escapes text for a regular expression. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const segmentPatterns = new WeakMap<SegmentPart[], RegExp>();

/** A segment with parameters as an anchored pattern: each parameter takes one or more characters, as few as fit. */
function segmentPattern(parts: SegmentPart[]): RegExp {
  let pattern = segmentPatterns.get(parts);
  if (!pattern) {
    pattern = new RegExp(
      `^${parts.map((part) => ('param' in part ? '(.+?)' : escapeRegExp(decodeSegment(part.literal)))).join('')}$`,
    );
    segmentPatterns.set(parts, pattern);
  }
  return pattern;
}

/**
 * The parameters of a concrete path (`/v2/charges/ch_1/capture`, a full URL, with or without a
 * query string or trailing slash) when it matches the template, else undefined. Segments are
 * compared percent-decoded, and values are returned decoded (`a%20b` → `a b`).
 */
export function matchPathTemplate(
  template: PathTemplate,
  target: string | readonly string[],
): Record<string, string> | undefined {
  const segments = typeof target === 'string' ? concreteSegments(target) : target;
  if (segments.length !== template.segments.length) return undefined;
  const values: Record<string, string> = {};
  for (let index = 0; index < segments.length; index += 1) {
    const parts = template.segments[index]!;
    const segment = decodeSegment(segments[index]!);
    const only = parts.length === 1 ? parts[0]! : undefined;
    if (only && 'literal' in only) {
      if (decodeSegment(only.literal) !== segment) return undefined;
      continue;
    }
    if (only && 'param' in only) {
      values[only.param] = segment;
      continue;
    }
    const match = segmentPattern(parts).exec(segment);
    if (!match) return undefined;
    let group = 1;
    for (const part of parts) if ('param' in part) values[part.param] = match[group++]!;
  }
  return values;
}

/** How two segments' sets of matching values relate. */
type Relation = 'same' | 'narrower' | 'wider' | 'overlap' | 'disjoint';

/** The literal text of a segment with `*` for each parameter: `{a}.pdf` → `*.pdf`. */
function shape(parts: SegmentPart[]): string {
  return parts.map((part) => ('param' in part ? '*' : decodeSegment(part.literal))).join('');
}

function compareSegments(a: SegmentPart[], b: SegmentPart[]): Relation {
  const shapeA = shape(a);
  const shapeB = shape(b);
  if (shapeA === shapeB) return 'same';
  const literalA = a.every((part) => 'literal' in part);
  const literalB = b.every((part) => 'literal' in part);
  if (literalA && literalB) return 'disjoint';
  if (shapeB === '*') return 'narrower';
  if (shapeA === '*') return 'wider';
  if (literalA) return segmentPattern(b).test(shapeA) ? 'narrower' : 'disjoint';
  if (literalB) return segmentPattern(a).test(shapeB) ? 'wider' : 'disjoint';
  // Two segments with parameters and different literals, e.g. `{a}.pdf` and `report.{b}`: they may
  // share values unless their fixed starts or ends differ. Containment between such patterns is not
  // decided here; sharing values is enough to call them ambiguous.
  const head = (text: string) => text.slice(0, text.indexOf('*'));
  const tail = (text: string) => text.slice(text.lastIndexOf('*') + 1);
  const compatible = (x: string, y: string, fits: (long: string, short: string) => boolean) =>
    x.length >= y.length ? fits(x, y) : fits(y, x);
  const sharesStart = compatible(head(shapeA), head(shapeB), (long, short) => long.startsWith(short));
  const sharesEnd = compatible(tail(shapeA), tail(shapeB), (long, short) => long.endsWith(short));
  return sharesStart && sharesEnd ? 'overlap' : 'disjoint';
}

/**
 * How two templates relate: `same` (they match exactly the same paths, e.g. they differ only in
 * parameter names), `disjoint` (no path matches both), `narrower`/`wider` (every path of the
 * first matches the second / the other way round: the narrower one wins, like `/users/me` over
 * `/users/{id}`), or `ambiguous` (some paths match both and neither is narrower, like `/{a}/b`
 * and `/a/{b}`, so a request cannot be told to one of them).
 */
export function compareTemplates(
  a: PathTemplate,
  b: PathTemplate,
): 'same' | 'disjoint' | 'narrower' | 'wider' | 'ambiguous' {
  if (a.segments.length !== b.segments.length) return 'disjoint';
  let narrower = false;
  let wider = false;
  for (let index = 0; index < a.segments.length; index += 1) {
    const relation = compareSegments(a.segments[index]!, b.segments[index]!);
    if (relation === 'disjoint') return 'disjoint';
    if (relation === 'overlap') return 'ambiguous';
    if (relation === 'narrower') narrower = true;
    if (relation === 'wider') wider = true;
  }
  if (narrower && wider) return 'ambiguous';
  return narrower ? 'narrower' : wider ? 'wider' : 'same';
}

/** A concrete path both templates match, to show an author why two templates are ambiguous. */
export function sharedExample(a: PathTemplate, b: PathTemplate): string {
  const sample = (parts: SegmentPart[], other: SegmentPart[]): string => {
    if (parts.every((part) => 'literal' in part)) return shape(parts);
    if (other.every((part) => 'literal' in part)) return shape(other);
    // Fill each parameter with a value that also fits the other segment's literals.
    const otherShape = shape(other);
    if (otherShape === '*') return shape(parts).replace(/\*/g, 'x');
    const mine = shape(parts);
    if (mine === '*') return otherShape.replace(/\*/g, 'x');
    const head = otherShape.slice(0, otherShape.indexOf('*'));
    const tail = otherShape.slice(otherShape.lastIndexOf('*') + 1);
    return `${head}${mine.replace(/\*/g, 'x')}${tail}`.replace(/\*/g, 'x');
  };
  return `/${a.segments.map((parts, index) => sample(parts, b.segments[index]!)).join('/')}`;
}

/** A URL-safe slug of a method and template: `POST /v2/charges/{chargeId}/capture` → `post-v2-charges-chargeid-capture`. */
export function operationSlug(method: string, path: string): string {
  const words = `${method} ${path}`
    .toLowerCase()
    .replace(/[{}]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return words || 'operation';
}
