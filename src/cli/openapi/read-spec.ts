/**
 * Reads an OpenAPI 3.0 or 3.1 description (YAML or JSON) with @readme/openapi-parser: validated,
 * then every $ref resolved (across components and files; never over the network). Remembers which
 * component each resolved object came from, so envelopes keep the schema's own name.
 */
import { extname } from 'node:path';
import { parseDocument } from 'yaml';
import { InputError } from '../errors';
import { decodeUtf8, readInputFile } from '../read-input';

/** The parts of an OpenAPI document the import reads (3.0 and 3.1 share them). */
export interface SpecDocument {
  openapi: string;
  info?: { title?: string; summary?: string; description?: string; version?: string };
  servers?: Array<{ url?: string }>;
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [extension: `x-${string}`]: unknown;
}

export interface ReadSpec {
  api: SpecDocument;
  /** "3.0" or "3.1". */
  version: string;
  /** Component name of each object a $ref resolved to (`Error` for #/components/schemas/Error). */
  names: Map<object, string>;
  /** JSON pointers of $refs that loop back on themselves. */
  circular: string[];
}

export const DEFAULT_MAX_MB = 25;

export async function readSpec(
  path: string,
  { maxMegabytes, validate }: { maxMegabytes: number; validate: boolean },
): Promise<ReadSpec> {
  const bytes = readInputFile(
    path,
    'OpenAPI description',
    maxMegabytes * 1024 * 1024,
    `A description that large is usually a generated bundle; import the part with the error responses, or raise the limit with --max-size <MB>.`,
  );
  const text = decodeUtf8(bytes, path, 'OpenAPI description');
  const data = parseText(text, path);
  const version = openApiVersion(data, path);

  const parser = await import('@readme/openapi-parser');
  if (validate) {
    const result = await parser.validate(path, { resolve: { http: false } } as never);
    if (!result.valid) {
      const shown = result.errors
        .slice(0, 3)
        .map((error) => error.message.split('\n')[0]!.replace(/\s+/g, ' ').trim().replace(/\.+$/, ''));
      const more = result.errors.length + (result.additionalErrors ?? 0) - shown.length;
      throw new InputError(
        `${path} is not a valid OpenAPI ${version} description: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}. ` +
          'Nothing was imported. Fix the description (any OpenAPI validator shows where), or pass --no-validate to import what can be read anyway.',
      );
    }
  }
  const names = new Map<object, string>();
  const circular: string[] = [];
  let api: SpecDocument;
  try {
    api = (await parser.dereference(path, {
      resolve: { http: false },
      dereference: {
        circular: 'ignore',
        onCircular: (pointer: string) => circular.push(pointer.replace(/^.*#/, '#')),
        onDereference: (pointer: string, value: object) => {
          // A component (#/components/schemas/Error), or a whole file ($ref: ../models/error.yml → "Error").
          const component = /#\/components\/(?:schemas|responses|examples|headers|requestBodies)\/([^/]+)$/.exec(
            pointer,
          )?.[1];
          const file = /([^/\\#]+)\.(?:ya?ml|json)#?$/.exec(pointer)?.[1];
          const name = component
            ? decodeURIComponent(component.replace(/~1/g, '/').replace(/~0/g, '~'))
            : file && file.charAt(0).toUpperCase() + file.slice(1).replace(/[_-]+/g, ' ');
          if (name && value && typeof value === 'object' && !names.has(value)) names.set(value, name);
        },
      },
    } as never)) as unknown as SpecDocument;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    throw new InputError(
      `${path} has a $ref that cannot be resolved: ${message.replace(/^[A-Za-z]*Error: /, '')}. Nothing was imported. Point the $ref at a component that exists (refs to other files are read relative to the description; URLs are not fetched).`,
    );
  }
  return { api, version, names, circular };
}

function parseText(text: string, path: string): unknown {
  const json = extname(path).toLowerCase() === '.json' || /^\s*[{[]/.test(text);
  if (json) {
    try {
      return JSON.parse(text);
    } catch (error) {
      const position = /position (\d+)/.exec((error as Error).message)?.[1];
      const line = position ? text.slice(0, Number(position)).split('\n').length : undefined;
      throw new InputError(
        `${path} is not valid JSON${line ? ` (line ${line})` : ''}: ${(error as Error).message.replace(/ in JSON at position \d+.*$/, '')}. Nothing was imported; an OpenAPI description is YAML or JSON.`,
      );
    }
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const where = first.linePos?.[0] ? ` (line ${first.linePos[0].line}, column ${first.linePos[0].col})` : '';
    throw new InputError(
      `${path} is not valid YAML${where}: ${first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}. Nothing was imported; an OpenAPI description is YAML or JSON.`,
    );
  }
  return doc.toJS({ maxAliasCount: 1000 });
}

function openApiVersion(data: unknown, path: string): string {
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new InputError(
      `${path} is not an OpenAPI description: it holds ${Array.isArray(data) ? 'a list' : `a single ${typeof data === 'string' ? 'text' : 'value'}`}, not a document with openapi: 3.x at its top. Nothing was imported.`,
    );
  const document = data as Record<string, unknown>;
  if (typeof document['swagger'] === 'string')
    throw new InputError(
      `${path} is a Swagger ${document['swagger']} description; error-catalog imports OpenAPI 3.0 and 3.1. Convert it first (for example with swagger2openapi), then import the result. Nothing was imported.`,
    );
  const version = typeof document['openapi'] === 'string' ? document['openapi'] : undefined;
  if (!version)
    throw new InputError(
      `${path} is not an OpenAPI description: it has no openapi: field at its top (an OpenAPI description starts with openapi: 3.1.0 or 3.0.3, info: and paths:). Nothing was imported.`,
    );
  const match = /^3\.([01])\.\d+/.exec(version);
  if (!match)
    throw new InputError(
      `${path} is OpenAPI ${version}; error-catalog imports OpenAPI 3.0 and 3.1. Nothing was imported.`,
    );
  return `3.${match[1]}`;
}
