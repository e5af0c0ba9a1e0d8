/**
 * Writes the JSON Schemas of the catalog files (public/schemas/<name>.schema.json) from the zod
 * schemas. Run after changing anything in src/schemas/: `npm run schemas`
 * (tests/unit/json-schemas.test.ts fails while the committed files are out of date).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateJsonSchemas, JSON_SCHEMA_DIR } from '../src/publishing/json-schemas';

const outDir = resolve(JSON_SCHEMA_DIR);
mkdirSync(outDir, { recursive: true });
const schemas = generateJsonSchemas();
for (const [name, text] of schemas) writeFileSync(join(outDir, `${name}.schema.json`), text);
console.log(`Wrote ${schemas.size} JSON Schemas to ${JSON_SCHEMA_DIR}/: ${[...schemas.keys()].join(', ')}.`);
