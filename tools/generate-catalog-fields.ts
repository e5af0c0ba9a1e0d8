/**
 * Writes docs/catalog-fields.md, the field reference of the catalog format, from the zod schemas
 * and their JSDoc. Run by `npm run schemas` after changing anything in src/schemas/
 * (tests/unit/catalog-fields.test.ts fails while the committed file is out of date).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CATALOG_FIELDS_FILE, catalogFieldsMarkdown } from '../src/publishing/catalog-fields';

writeFileSync(resolve(CATALOG_FIELDS_FILE), catalogFieldsMarkdown());
console.log(`Wrote the field reference to ${CATALOG_FIELDS_FILE}.`);
