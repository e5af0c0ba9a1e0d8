/**
 * The field reference of the catalog format (docs/catalog-fields.md): one table per concept —
 * each file and each kind of entry — with every field's type, whether it is required, its default
 * and its meaning. Generated from the zod schemas and their JSDoc (the same source as the JSON
 * Schemas), so it cannot drift from what the build accepts; tools/generate-catalog-fields.ts
 * writes it and a unit test fails while the committed file is stale.
 */
import type { z } from 'astro/zod';
import * as apiModule from '../schemas/api';
import * as codeModule from '../schemas/code';
import * as commonModule from '../schemas/common';
import * as envelopeModule from '../schemas/envelope';
import * as fieldPathModule from '../schemas/field-path';
import * as guideModule from '../schemas/guide';
import * as headerModule from '../schemas/header';
import * as messageModule from '../schemas/message';
import * as operationModule from '../schemas/operation';
import * as rangeModule from '../schemas/range';
import * as retryModule from '../schemas/retry';
import * as statusModule from '../schemas/status';
import * as supportModule from '../schemas/support';
import * as surfaceModule from '../schemas/surface';
import { collectDescriptions, defaultSchemaSourceDir } from './json-schemas';

/** Where the reference is written, relative to the project root. */
export const CATALOG_FIELDS_FILE = 'docs/catalog-fields.md';

interface Concept {
  title: string;
  /** Where an author writes it. */
  where: string;
  schema: z.ZodTypeAny;
}

/**
 * Every concept that gets a table, in reading order. A field whose value is one of these links to
 * its table; any other nested object gets a table of its own after its parent's.
 */
const CONCEPTS: Concept[] = [
  { title: 'API', where: '`api.yaml`', schema: apiModule.apiSchema },
  { title: 'API retry policy', where: '`retryPolicy:` in `api.yaml`', schema: apiModule.retryPolicySchema },
  { title: 'Rate limit', where: 'each entry of `rateLimits:` in `api.yaml`', schema: apiModule.rateLimitSchema },
  { title: 'Support desk', where: '`support:` in `api.yaml` (internal)', schema: supportModule.supportDeskSchema },
  {
    title: 'Support team',
    where: 'each value of `support.teams:` in `api.yaml`',
    schema: supportModule.supportTeamSchema,
  },
  {
    title: 'Support link',
    where: 'each entry of `support.links:` in `api.yaml`',
    schema: supportModule.supportLinkSchema,
  },
  { title: 'Surface', where: '`surfaces/<id>.yaml`; the file name is the id', schema: surfaceModule.surfaceSchema },
  { title: 'Envelope', where: '`envelopes/<id>.yaml`; the file name is the id', schema: envelopeModule.envelopeSchema },
  { title: 'Envelope fields', where: '`fields:` of an envelope', schema: envelopeModule.envelopeFieldsSchema },
  {
    title: 'Envelope example',
    where: 'each entry of `examples:` of an envelope',
    schema: envelopeModule.envelopeExampleSchema,
  },
  { title: 'Statuses file', where: '`statuses/*.yaml`', schema: statusModule.statusFileSchema },
  { title: 'Status', where: 'each entry of `statuses:`', schema: statusModule.statusSchema },
  {
    title: 'Status on one surface',
    where: "each value of a status's `surfaces:`",
    schema: statusModule.statusOverrideSchema,
  },
  { title: 'Ranges file', where: '`ranges/<space>.yaml`', schema: rangeModule.rangeFileSchema },
  { title: 'Range', where: 'each entry of `ranges:`', schema: rangeModule.rangeSchema },
  {
    title: 'Codes file',
    where: '`codes/<space>.yaml` (several files per space are fine)',
    schema: codeModule.codeFileSchema,
  },
  { title: 'Code', where: 'each entry of `codes:`', schema: codeModule.codeSchema },
  {
    title: 'Status context',
    where: "each entry of a code's `statuses:` (a code that comes with several statuses)",
    schema: codeModule.codeStatusSchema,
  },
  { title: 'Support notes', where: '`support:` of a code', schema: codeModule.supportNotesSchema },
  {
    title: 'Escalation',
    where: '`support.escalate:` of a code, when written out',
    schema: supportModule.escalationDetailSchema,
  },
  { title: 'Deprecation', where: '`deprecated:` of a code', schema: codeModule.deprecationSchema },
  { title: 'Messages file', where: '`messages/<area>.yaml`', schema: messageModule.messageFileSchema },
  { title: 'Message', where: 'each entry of `messages:`', schema: messageModule.messageSchema },
  { title: 'Headers file', where: '`headers/*.yaml`', schema: headerModule.headerFileSchema },
  { title: 'Header', where: 'each entry of `headers:`', schema: headerModule.headerSchema },
  {
    title: 'Operations file',
    where: '`operations/*.yaml` (several files per surface are fine)',
    schema: operationModule.operationFileSchema,
  },
  { title: 'Operation', where: 'each entry of `operations:`', schema: operationModule.operationSchema },
  {
    title: 'Idempotency',
    where: '`idempotency:` of an operation, when written out',
    schema: operationModule.idempotencyDetailSchema,
  },
  {
    title: 'Request header',
    where: 'each entry of `requestHeaders:` of an operation, when written out',
    schema: operationModule.requestHeaderDetailSchema,
  },
  {
    title: 'Operation deprecation',
    where: '`deprecated:` of an operation',
    schema: operationModule.operationDeprecationSchema,
  },
  {
    title: 'Retry advice',
    where: '`retry:` of a status, a status on one surface, a code, a status context of a code or a message',
    schema: retryModule.retryAdviceSchema,
  },
  {
    title: 'Backoff',
    where: '`backoff:` of retry advice or of the API retry policy',
    schema: retryModule.backoffSchema,
  },
  { title: 'Guide', where: 'the front matter of `guides/*.mdx`', schema: guideModule.guideSchema },
];

/** Value types with a name of their own, by zod definition. */
const NAMED_TYPES = new Map<unknown, string>([
  [commonModule.slugSchema._def, 'id (`a-z`, `0-9`, `-`)'],
  [commonModule.proseSchema._def, 'text'],
  [commonModule.httpStatusSchema._def, 'HTTP status'],
  [commonModule.businessCodeSchema._def, 'code (`7100` or `not_found`)'],
  [commonModule.httpMethodSchema._def, 'HTTP method'],
  [codeModule.codeReferenceSchema._def, 'code reference (`"7100"` or `"space:7100"`)'],
  [fieldPathModule.fieldPathSchema._def, 'field path'],
  [operationModule.pathTemplateSchema._def, 'path template'],
  [retryModule.retryPolicySchema._def, 'retry policy'],
]);

type Def = {
  typeName?: string;
  innerType?: z.ZodTypeAny;
  schema?: z.ZodTypeAny;
  type?: z.ZodTypeAny;
  keyType?: z.ZodTypeAny;
  valueType?: z.ZodTypeAny;
  options?: z.ZodTypeAny[] | readonly z.ZodTypeAny[];
  values?: readonly string[];
  checks?: Array<{ kind: string }>;
  defaultValue?: () => unknown;
  shape?: () => Record<string, z.ZodTypeAny>;
};

const defOf = (schema: z.ZodTypeAny) => schema._def as Def;

/** The object a schema is, under `.refine`/`.transform` wrappers, or undefined. */
function objectOf(schema: z.ZodTypeAny): z.AnyZodObject | undefined {
  let current = schema;
  for (let depth = 0; depth < 10; depth += 1) {
    const def = defOf(current);
    if (def.typeName === 'ZodObject') return current as z.AnyZodObject;
    if (def.typeName !== 'ZodEffects' || !def.schema) return undefined;
    current = def.schema;
  }
  return undefined;
}

interface FieldType {
  text: string;
  optional: boolean;
  defaultValue?: unknown;
}

const anchorOf = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-');

function formatDefault(value: unknown): string {
  if (Array.isArray(value)) return value.length ? `\`[${value.join(', ')}]\`` : '`[]` (none)';
  if (value !== null && typeof value === 'object')
    return Object.keys(value).length ? `\`${JSON.stringify(value)}\`` : '`{}` (none)';
  return `\`${String(value)}\``;
}

/**
 * The JSDoc of the enum a field holds (under optional and default wrappers), when it explains each
 * value as a list (the retry policies, the idempotency kinds).
 */
function enumDoc(field: z.ZodTypeAny, byDef: Map<unknown, string>): string | undefined {
  let current = field;
  for (let depth = 0; depth < 10; depth += 1) {
    const def = defOf(current);
    if (def.typeName === 'ZodEnum') {
      const doc = byDef.get(current._def);
      return doc?.includes('\n- `') ? doc : undefined;
    }
    if (!def.innerType) return undefined;
    current = def.innerType;
  }
  return undefined;
}

/** Field reference tables in Markdown. */
export function catalogFieldsMarkdown(schemaDir = defaultSchemaSourceDir()): string {
  const { byDef, byShape } = collectDescriptions(schemaDir);
  const titled = new Map<unknown, Concept>();
  for (const concept of CONCEPTS) titled.set(objectOf(concept.schema)!.shape, concept);

  const typeOf = (schema: z.ZodTypeAny): FieldType => {
    const def = defOf(schema);
    const named = NAMED_TYPES.get(schema._def);
    if (named) return { text: named, optional: false };
    switch (def.typeName) {
      case 'ZodOptional':
        return { ...typeOf(def.innerType!), optional: true };
      case 'ZodDefault':
        return { ...typeOf(def.innerType!), optional: true, defaultValue: def.defaultValue!() };
      case 'ZodEffects':
        return typeOf(def.schema!);
      case 'ZodString':
        return { text: 'text', optional: false };
      case 'ZodNumber':
        return { text: def.checks?.some((check) => check.kind === 'int') ? 'integer' : 'number', optional: false };
      case 'ZodBoolean':
        return { text: '`true` or `false`', optional: false };
      case 'ZodEnum':
        return { text: (def.values ?? []).map((value) => `\`${value}\``).join(' \\| '), optional: false };
      case 'ZodArray':
        return { text: `list of ${typeOf(def.type!).text}`, optional: false };
      case 'ZodRecord':
        return { text: `map of ${typeOf(def.keyType!).text} → ${typeOf(def.valueType!).text}`, optional: false };
      case 'ZodUnion': {
        const texts = [...new Set((def.options ?? []).map((option) => typeOf(option).text))];
        return { text: texts.join(' or '), optional: false };
      }
      case 'ZodObject': {
        const concept = titled.get((schema as z.AnyZodObject).shape);
        return { text: concept ? `[${concept.title}](#${anchorOf(concept.title)})` : 'object', optional: false };
      }
      default:
        return { text: def.typeName?.replace(/^Zod/, '').toLowerCase() ?? 'value', optional: false };
    }
  };

  const explained = new Set<string>();
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
  const sections = CONCEPTS.map((concept) => {
    const object = objectOf(concept.schema)!;
    const docs = byShape.get(object.shape) ?? {};
    const rows = Object.entries(object.shape as Record<string, z.ZodTypeAny>).map(([key, field]) => {
      const type = typeOf(field);
      const required =
        type.defaultValue !== undefined
          ? `no; default ${formatDefault(type.defaultValue)}`
          : type.optional
            ? 'no'
            : '**yes**';
      const own = docs[key];
      if (!own) throw new Error(`${concept.title}: field "${key}" has no JSDoc; document it in src/schemas/`);
      // An enum with a JSDoc of its own (the retry policies) explains each value: shown after the
      // field's own text, the first time the enum appears.
      const values = enumDoc(field, byDef);
      const meaning = values && values !== own && !explained.has(values) ? `${own}\n${values}` : own;
      if (values) explained.add(values);
      return `| \`${key}\` | ${cell(type.text).replace(/\\\\\|/g, '\\|')} | ${required} | ${cell(meaning)} |`;
    });
    return [
      `## ${concept.title}`,
      '',
      `Where: ${concept.where}.`,
      '',
      '| Field | Type | Required | Meaning |',
      '|---|---|---|---|',
      ...rows,
    ].join('\n');
  });
  const index = CONCEPTS.map((concept) => `[${concept.title}](#${anchorOf(concept.title)})`).join(' · ');
  return `${[
    '<!-- Generated from the zod schemas in src/schemas/ and their JSDoc by tools/generate-catalog-fields.ts (npm run schemas). Do not edit by hand. -->',
    '',
    '# Catalog fields',
    '',
    'Every field of every catalog file: its type, whether it is required (and its default when not), and what it means. The [README](../README.md#writing-a-catalog) shows each file with an example.',
    '',
    index,
    '',
    ...sections.flatMap((section) => [section, '']),
  ]
    .join('\n')
    .trimEnd()}\n`;
}
