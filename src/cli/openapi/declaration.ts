/**
 * A TypeScript-like declaration of an error body's JSON Schema, shown on the envelope's page: the
 * shape as the description states it (required and optional members, enumerations, one comment
 * per described member), so an envelope without examples still says what it holds.
 */
import { flatten, type Schema } from './schema-walk';

const MAX_DEPTH = 3;
const MAX_ENUM = 6;

export function declarationOf(schema: Schema, name: string, names: Map<object, string>): string | undefined {
  const flat = flatten(schema);
  if (!flat['properties']) return undefined;
  const identifier = name.replace(/[^A-Za-z0-9_]/g, '') || 'ErrorBody';
  return `interface ${identifier} ${typeText(flat, 0, names, new Set([schema]))}`;
}

function typeText(schema: Schema, depth: number, names: Map<object, string>, path: Set<object>): string {
  const flat = flatten(schema);
  if ('$ref' in flat) return String(flat['$ref']).split('/').pop() ?? 'unknown';
  const alternatives = (flat['oneOf'] ?? flat['anyOf']) as Schema[] | undefined;
  if (Array.isArray(alternatives)) return alternatives.map((alt) => member(alt, depth, names, path)).join(' | ');
  if (Array.isArray(flat['enum'])) {
    const values = (flat['enum'] as unknown[]).map((value) => JSON.stringify(value));
    return values.length > MAX_ENUM ? `${values.slice(0, MAX_ENUM).join(' | ')} | …` : values.join(' | ');
  }
  const type = Array.isArray(flat['type']) ? (flat['type'] as string[]) : [flat['type'] as string | undefined];
  const nullable = type.includes('null') || flat['nullable'] === true ? ' | null' : '';
  const main =
    type.find((t) => t && t !== 'null') ?? (flat['properties'] ? 'object' : flat['items'] ? 'array' : undefined);
  if (main === 'array') return `${wrap(member(flat['items'] as Schema, depth, names, path))}[]${nullable}`;
  if (main === 'object') {
    const properties = Object.entries((flat['properties'] ?? {}) as Record<string, Schema>);
    const extra = flat['additionalProperties'];
    if (properties.length === 0 && extra && typeof extra === 'object')
      return `Record<string, ${member(extra as Schema, depth, names, path)}>${nullable}`;
    if (properties.length === 0 || depth >= MAX_DEPTH) return `object${nullable}`;
    const required = new Set((flat['required'] as string[] | undefined) ?? []);
    const indent = '  '.repeat(depth + 1);
    const lines = properties.map(([key, value]) => {
      const description = typeof value?.['description'] === 'string' ? value['description'].split('\n')[0]!.trim() : '';
      const comment = description
        ? `   // ${description.length > 70 ? `${description.slice(0, 69)}…` : description}`
        : '';
      const safeKey = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
      return `${indent}${safeKey}${required.has(key) ? '' : '?'}: ${member(value, depth + 1, names, path)};${comment}`;
    });
    return `{\n${lines.join('\n')}\n${'  '.repeat(depth)}}${nullable}`;
  }
  const scalar = main === 'integer' ? 'number' : (main ?? 'unknown');
  return `${scalar}${nullable}`;
}

/** A member's type: a named component by its name when it loops back, otherwise spelt out. */
function member(schema: Schema | undefined, depth: number, names: Map<object, string>, path: Set<object>): string {
  if (!schema || typeof schema !== 'object') return 'unknown';
  if (path.has(schema)) return names.get(schema) ?? 'object';
  const next = new Set(path).add(schema);
  return typeText(schema, depth, names, next);
}

function wrap(type: string): string {
  return type.includes(' | ') ? `(${type})` : type;
}
