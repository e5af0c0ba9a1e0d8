/**
 * JSON Schemas of the catalog files, generated from the zod schemas (the one source of truth) so
 * editors can complete and validate catalog YAML: a file that starts with
 * `# yaml-language-server: $schema=../../public/schemas/codes.schema.json` gets completion, hover
 * help and red squiggles in VS Code (YAML extension) and any editor using yaml-language-server.
 *
 * zod keeps no comments at run time, but the JSDoc on every schema field is exactly the hover
 * help an author needs, so the generator reads it from the schema sources with the TypeScript
 * parser and puts it into each property's `description`. Schemas describe what authors write
 * (zod's input side): fields with defaults are optional, transforms accept their input types.
 * Written to public/schemas/ by tools/generate-json-schemas.ts; a unit test keeps them current.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { z } from 'astro/zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import * as apiModule from '../schemas/api';
import * as codeModule from '../schemas/code';
import * as commonModule from '../schemas/common';
import * as envelopeModule from '../schemas/envelope';
import * as fieldPathModule from '../schemas/field-path';
import * as guideModule from '../schemas/guide';
import * as headerModule from '../schemas/header';
import * as historyModule from '../schemas/history';
import * as messageModule from '../schemas/message';
import * as operationModule from '../schemas/operation';
import * as rangeModule from '../schemas/range';
import * as retryModule from '../schemas/retry';
import * as statusModule from '../schemas/status';
import * as supportModule from '../schemas/support';
import * as surfaceModule from '../schemas/surface';

/** Where the generated files live, relative to the project root (served at `<base>schemas/`). */
export const JSON_SCHEMA_DIR = 'public/schemas';

/**
 * One JSON Schema per kind of catalog file. The names are what catalog files reference in their
 * `$schema` line; `folder` is the catalog folder whose YAML files use it (`api` is api.yaml).
 */
export const CATALOG_FILE_SCHEMAS = [
  { name: 'api', folder: '', title: 'Error catalog: api.yaml', schema: apiModule.apiSchema },
  {
    name: 'surface',
    folder: 'surfaces',
    title: 'Error catalog: a surface (surfaces/<id>.yaml)',
    schema: surfaceModule.surfaceSchema,
  },
  {
    name: 'envelope',
    folder: 'envelopes',
    title: 'Error catalog: an envelope (envelopes/<id>.yaml)',
    schema: envelopeModule.envelopeSchema,
  },
  {
    name: 'statuses',
    folder: 'statuses',
    title: 'Error catalog: HTTP statuses (statuses/*.yaml)',
    schema: statusModule.statusFileSchema,
  },
  {
    name: 'ranges',
    folder: 'ranges',
    title: 'Error catalog: code ranges of a code space (ranges/*.yaml)',
    schema: rangeModule.rangeFileSchema,
  },
  {
    name: 'codes',
    folder: 'codes',
    title: 'Error catalog: codes of a code space (codes/*.yaml)',
    schema: codeModule.codeFileSchema,
  },
  {
    name: 'messages',
    folder: 'messages',
    title: 'Error catalog: common messages of an area (messages/*.yaml)',
    schema: messageModule.messageFileSchema,
  },
  {
    name: 'headers',
    folder: 'headers',
    title: 'Error catalog: response headers (headers/*.yaml)',
    schema: headerModule.headerFileSchema,
  },
  {
    name: 'operations',
    folder: 'operations',
    title: 'Error catalog: operations of a surface (operations/*.yaml)',
    schema: operationModule.operationFileSchema,
  },
] as const;

/** The schema modules and their source files, to pair run-time schemas with their JSDoc. */
const SCHEMA_SOURCES: ReadonlyArray<[file: string, exports: Record<string, unknown>]> = [
  ['api.ts', apiModule],
  ['code.ts', codeModule],
  ['common.ts', commonModule],
  ['envelope.ts', envelopeModule],
  ['field-path.ts', fieldPathModule],
  ['guide.ts', guideModule],
  ['header.ts', headerModule],
  ['history.ts', historyModule],
  ['message.ts', messageModule],
  ['operation.ts', operationModule],
  ['range.ts', rangeModule],
  ['retry.ts', retryModule],
  ['status.ts', statusModule],
  ['support.ts', supportModule],
  ['surface.ts', surfaceModule],
];

interface SourceDocs {
  /** JSDoc of the exported constant. */
  description?: string;
  /** JSDoc of each key of its `z.object({...})`. */
  properties: Record<string, string>;
}

function jsDocText(node: ts.Node): string | undefined {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const last = docs.at(-1);
  const text = last ? ts.getTextOfJSDocComment(last.comment) : undefined;
  // Source comments wrap at ~100 columns; hover help should flow, but keep list items apart.
  return (
    text
      ?.replace(/\n(?!\s*- )\s*/g, ' ')
      .replace(/\n\s*/g, '\n')
      .trim() || undefined
  );
}

function isZodObjectCall(node: ts.Node): node is ts.CallExpression {
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 'object' &&
    ts.isIdentifier(node.expression.expression) &&
    node.expression.expression.text === 'z' &&
    node.arguments.length > 0 &&
    ts.isObjectLiteralExpression(node.arguments[0]!)
  );
}

/** JSDoc of every exported constant of a schema source file, and of its object's keys. */
export function readSourceDocs(sourceText: string, fileName = 'schema.ts'): Map<string, SourceDocs> {
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, true);
  const result = new Map<string, SourceDocs>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    if (!statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
      const docs: SourceDocs = { description: jsDocText(declaration), properties: {} };
      let objectCall: ts.CallExpression | undefined;
      const visit = (node: ts.Node): void => {
        if (objectCall) return;
        if (isZodObjectCall(node)) objectCall = node;
        else ts.forEachChild(node, visit);
      };
      visit(declaration.initializer);
      const literal = objectCall?.arguments[0] as ts.ObjectLiteralExpression | undefined;
      for (const property of literal?.properties ?? []) {
        if (!ts.isPropertyAssignment(property)) continue;
        const key =
          ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : undefined;
        const text = key ? jsDocText(property) : undefined;
        if (key && text) docs.properties[key] = text;
      }
      result.set(declaration.name.text, docs);
    }
  }
  return result;
}

/** Strips wrappers that do not change an object's keys (`.refine`, `.optional`, `.default`). */
function innerObject(schema: z.ZodTypeAny): z.AnyZodObject | undefined {
  let current: z.ZodTypeAny = schema;
  for (let depth = 0; depth < 10; depth++) {
    const def = current._def as { typeName?: string; schema?: z.ZodTypeAny; innerType?: z.ZodTypeAny };
    if (def.typeName === 'ZodObject') return current as z.AnyZodObject;
    const next = def.schema ?? def.innerType;
    if (!next) return undefined;
    current = next;
  }
  return undefined;
}

function isZodSchema(value: unknown): value is z.ZodTypeAny {
  return (
    typeof value === 'object' &&
    value !== null &&
    '_def' in value &&
    typeof (value as { safeParse?: unknown }).safeParse === 'function'
  );
}

/**
 * The JSDoc of the schema sources: descriptions keyed by zod definition (for a schema) and by
 * object shape (for its keys). Also read by the field reference (catalog-fields.ts).
 */
export function collectDescriptions(schemaDir: string) {
  const byDef = new Map<unknown, string>();
  const byShape = new Map<unknown, Record<string, string>>();
  for (const [file, exports] of SCHEMA_SOURCES) {
    const docs = readSourceDocs(readFileSync(join(schemaDir, file), 'utf8'), file);
    for (const [name, value] of Object.entries(exports)) {
      const doc = docs.get(name);
      if (!doc || !isZodSchema(value)) continue;
      if (doc.description) byDef.set(value._def, doc.description);
      const object = innerObject(value);
      if (object && Object.keys(doc.properties).length) byShape.set(object.shape, doc.properties);
    }
  }
  return { byDef, byShape };
}

type JsonSchema = Record<string, unknown>;

/** The default folder of the zod schema sources. */
export function defaultSchemaSourceDir(): string {
  return fileURLToPath(new URL('../schemas/', import.meta.url));
}

/**
 * Every catalog file's JSON Schema, keyed by name (`codes` → public/schemas/codes.schema.json),
 * as formatted JSON text ready to write or compare.
 */
export function generateJsonSchemas(schemaDir = defaultSchemaSourceDir()): Map<string, string> {
  const { byDef, byShape } = collectDescriptions(schemaDir);
  const result = new Map<string, string>();
  for (const entry of CATALOG_FILE_SCHEMAS) {
    const generated = zodToJsonSchema(entry.schema, {
      target: 'jsonSchema7',
      $refStrategy: 'none',
      effectStrategy: 'input',
      pipeStrategy: 'input',
      postProcess: (jsonSchema, def) => {
        if (!jsonSchema) return jsonSchema;
        const schema = jsonSchema as JsonSchema;
        const description = byDef.get(def);
        if (description && !schema.description) schema.description = description;
        const shape =
          (def as { typeName?: string; shape?: () => unknown }).typeName === 'ZodObject'
            ? (def as { shape: () => unknown }).shape()
            : undefined;
        const docs = shape ? byShape.get(shape) : undefined;
        const properties = schema.properties as Record<string, JsonSchema> | undefined;
        if (docs && properties) {
          for (const [key, text] of Object.entries(docs)) {
            const property = properties[key];
            if (!property) continue;
            // An enum's own JSDoc explains each value (e.g. the retry policies): keep it after the field's.
            const valuesDoc =
              Array.isArray(property.enum) && typeof property.description === 'string'
                ? property.description
                : undefined;
            property.description = valuesDoc && valuesDoc !== text ? `${text}\n${valuesDoc}` : text;
          }
        }
        return jsonSchema;
      },
    }) as JsonSchema;
    const { $schema, ...rest } = generated;
    const document = {
      $schema,
      title: entry.title,
      ...rest,
    };
    result.set(entry.name, `${JSON.stringify(document, null, 2)}\n`);
  }
  return result;
}
