/**
 * `error-catalog import openapi <spec>`: adds what an OpenAPI 3.0/3.1 description says about errors
 * to a catalog (or starts one): statuses, envelopes, codes. Merging never destroys: see
 * merge-catalog.ts. Every entry written passes `check`.
 */
import { basename } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { catalogOption, createCommand, dryRunOption, withExamples, type CommandContext } from './command';
import { withProblems } from './edit-catalog';
import { EXIT, InputError } from './errors';
import { mergeChecked, openImportTarget, printImportReport } from './import-flow';
import type { ImportedOperation, MergeInput } from './merge-catalog';
import { pathOfUrl } from '../shared/path-template';
import { derive, UNDOCUMENTED, type Derived } from './openapi/derive';
import { DEFAULT_MAX_MB, readSpec } from './openapi/read-spec';

interface ImportOpenApiOptions {
  catalog: string;
  surface?: string;
  space?: string;
  dryRun?: boolean;
  maxSize: number;
  validate: boolean;
}

export function importOpenApiCommand(context: CommandContext): Command {
  const command = createCommand('openapi', context)
    .description('add the statuses, error envelopes and codes of an OpenAPI 3.0/3.1 description (YAML or JSON)')
    .argument('<spec>', 'the OpenAPI description file')
    .addOption(catalogOption())
    .option('--surface <id>', 'the surface these operations belong to (default: from info.title)')
    .option('-s, --space <id>', "the code space of its codes (default: the surface's)")
    .addOption(
      new Option('--max-size <MB>', 'largest description read, in megabytes')
        .default(DEFAULT_MAX_MB)
        .argParser((value) => {
          const size = Number(value);
          if (!(size > 0)) throw new InvalidArgumentError('give a number of megabytes, e.g. 60.');
          return size;
        }),
    )
    .option('--no-validate', 'import even when the description does not validate')
    .addOption(dryRunOption('a diff of the catalog changes'))
    .action(async (spec: string, options: ImportOpenApiOptions) =>
      context.exit(await withProblems(context.terminal, () => importOpenApi(spec, options, context))),
    );
  return withExamples(command, [
    ['error-catalog import openapi openapi.yaml --dry-run', 'show the changes as a diff'],
    ['error-catalog import openapi openapi.json --catalog docs/errors', 'start or extend another catalog'],
    ['error-catalog import openapi ledger.yaml --surface ledger --space ledger', 'one surface of several'],
  ]).addHelpText(
    'after',
    `
What it reads: each operation's 4xx, 5xx and default responses; their JSON schemas (oneOf, allOf
and $refs resolved) give the envelope's field paths; example/examples give its examples; codes come
from an enum (or const) on the code property, or from x-error-codes on the document, an operation
or a response ([{ code, status, name, message, description, resolution }]). Prose the description
does not give is written as "${UNDOCUMENTED}" for you to replace.
`,
  );
}

async function importOpenApi(
  path: string,
  options: ImportOpenApiOptions,
  { terminal }: CommandContext,
): Promise<number> {
  const spec = await readSpec(path, { maxMegabytes: options.maxSize, validate: options.validate });
  const inspected = openImportTarget(options.catalog, terminal);
  const derived = derive(spec, { ...(options.surface ? { surface: options.surface } : {}), specName: basename(path) });
  if (derived.envelopes.length === 0 && derived.codes.length === 0) {
    const circular = spec.circular.length
      ? ` It has a circular $ref (${[...new Set(spec.circular)].slice(0, 3).join(', ')}): a schema that refers to itself describes no body that can be read.`
      : '';
    const reasons =
      derived.leftOut.length && !circular ? ` What was found: ${derived.leftOut.slice(0, 3).join('; ')}.` : '';
    throw new InputError(
      `${path} describes no error response error-catalog can import: no 4xx, 5xx or default response with a JSON body that has a code or a message, and no x-error-codes.${circular}${reasons} Nothing was written.`,
    );
  }
  const existingSurface = inspected?.catalog?.surfaces.find((surface) => surface.id === derived.surface.id);
  const space = options.space ?? existingSurface?.codeSpace ?? derived.surface.id;
  const input: MergeInput = {
    api: derived.api,
    surface: { ...derived.surface, codeSpace: space },
    envelopes: derived.envelopes.map((envelope) => ({
      id: envelope.id,
      name: envelope.name,
      mediaType: envelope.mediaType,
      description: envelope.description,
      ...(envelope.declaration ? { declaration: envelope.declaration } : {}),
      fields: envelope.fields as Record<string, string>,
      examples: envelope.examples,
    })),
    statuses: derived.statuses.map((status) => ({ ...status, action: UNDOCUMENTED })),
    codes: derived.codes.map(({ source, ...entry }) => ({ space, entry, label: `the description (${source})` })),
    operations: {
      surface: derived.surface.id,
      space,
      list: operationsOf(derived, existingSurface?.baseUrl ?? derived.surface.baseUrl),
    },
    placeholders: [UNDOCUMENTED],
  };
  const describe = (key: string) => {
    const [kind, ...rest] = key.split(':');
    if (kind === 'operation') return `operation ${rest.join(':')}`;
    if (kind === 'code') return `code ${rest.slice(1).join(':')}`;
    if (kind === 'status') return `status ${rest[0]}`;
    if (kind === 'envelope') return `envelope ${rest[0]}`;
    return key.split(':').slice(0, 3).join(' ');
  };
  const outcome = mergeChecked(options.catalog, inspected, input, terminal, describe);
  for (const envelope of derived.envelopes)
    for (const [part, fieldPath] of envelope.unreached)
      outcome.report.leftOut.push(
        `envelope ${envelope.id}: the ${part} (${fieldPath}) is in the schema but in none of its examples, so the build could not check it; add an example that has it`,
      );
  outcome.report.leftOut.push(...derived.leftOut);
  const errorResponses = derived.operations.reduce((sum, operation) => sum + operation.responses.length, 0);
  const heading = `${options.dryRun ? 'Dry run of the import' : 'Imported'} ${path} (OpenAPI ${spec.version}: ${derived.operations.length} operation${derived.operations.length === 1 ? '' : 's'} with ${errorResponses} error response${errorResponses === 1 ? '' : 's'}) into ${options.catalog}/:`;
  if (options.dryRun) terminal.out(outcome.changes.diff());
  else outcome.changes.apply();
  const undocumented = [...outcome.report.added].filter(
    (item) => item.startsWith('code ') || item.startsWith('status '),
  ).length;
  printImportReport(outcome, { terminal, dryRun: Boolean(options.dryRun), heading });
  if (undocumented > 0 && outcome.changes.size > 0)
    terminal.out(
      `  Where the description gives no words, the catalog says "${UNDOCUMENTED}": search for it and write what the API means.\n`,
    );
  return EXIT.ok;
}

/**
 * The operations as the catalog writes them: the path with the surface's base path in front, every
 * numeric status, the imported codes a response of that status returns, and the envelope of a
 * status whose body differs from the surface's default.
 */
function operationsOf(derived: Derived, baseUrl: string | undefined): ImportedOperation[] {
  const basePath = baseUrl ? pathOfUrl(baseUrl).replace(/\/+$/, '') : '';
  const statusOf = new Map(derived.codes.map((code) => [code.code, code.status]));
  const defaultEnvelope = derived.surface.envelopes[0];
  return derived.operations.map((operation) => {
    const statuses = [...new Set(operation.statuses)].sort((a, b) => a - b);
    const codes: string[] = [];
    const envelopes: Record<string, string> = {};
    for (const response of operation.responses) {
      for (const code of response.codes) {
        const status = statusOf.get(code);
        const answers = /^\d+$/.test(response.status)
          ? Number(response.status) === status
          : status !== undefined && statuses.includes(status);
        if (status !== undefined && answers && statuses.includes(status) && !codes.includes(code)) codes.push(code);
      }
      const envelope = response.envelopes[0];
      if (/^\d+$/.test(response.status) && envelope && envelope !== defaultEnvelope)
        envelopes[response.status] = envelope;
    }
    const id =
      operation.operationId && /^[A-Za-z][A-Za-z0-9_.-]*$/.test(operation.operationId)
        ? operation.operationId
        : undefined;
    return {
      method: operation.method,
      path: `${basePath}${operation.path}`,
      ...(id ? { id } : {}),
      ...(operation.summary?.trim() ? { summary: operation.summary.trim() } : {}),
      statuses,
      codes,
      envelopes,
    };
  });
}
