/**
 * Assembles the validated files into the one catalog model, resolving every reference and
 * running the cross-checks no single file can do. Like Rust's tidy `check()`, it is a list of
 * small named stages over one shared context; each appends to one problem list, and all the
 * problems are returned together.
 */
import type { Catalog } from './model';
import type { CatalogProblem } from './problems';
import type { CatalogFiles } from './read-catalog';
import { resolveCodeReferences } from './stages/code-references';
import { collectCodes } from './stages/codes';
import { createModelContext, type ModelContext } from './stages/context';
import { checkGuideLinks } from './stages/guide-links';
import { collectHeaders } from './stages/headers';
import { collectMessages } from './stages/messages';
import { collectOperations } from './stages/operations';
import { collectRanges } from './stages/ranges';
import { resolveStatusOperations } from './stages/status-operations';
import { checkFormerKeys, checkReplacementChains } from './stages/replacements';
import { checkExampleStatuses, checkRelatedStatuses, collectStatuses } from './stages/statuses';
import { collectCodeSpaces, collectEnvelopes, collectSurfaces } from './stages/surfaces';
import { checkSupportDesk } from './stages/support';
import { checkEnvelopeStatuses, checkRetryFields } from './stages/status-contexts';
import { checkCodeKeys, checkMessageKeys, checkNames } from './stages/unique-keys';

/** The stages, in order: each may read what the stages before it collected. */
const STAGES: ReadonlyArray<(context: ModelContext) => void> = [
  collectEnvelopes,
  collectSurfaces,
  collectCodeSpaces,
  collectStatuses,
  checkRelatedStatuses,
  checkExampleStatuses,
  checkEnvelopeStatuses,
  collectRanges,
  collectCodes,
  checkCodeKeys,
  resolveCodeReferences,
  checkReplacementChains,
  checkFormerKeys,
  collectMessages,
  checkMessageKeys,
  collectHeaders,
  collectOperations,
  resolveStatusOperations,
  checkRetryFields,
  checkNames,
  checkSupportDesk,
];

/** Builds the model; `problems` is empty when the catalog is sound. */
export function buildModel(files: CatalogFiles): { catalog?: Catalog; problems: CatalogProblem[] } {
  const context = createModelContext(files);
  for (const stage of STAGES) stage(context);
  // Guide links last: a sound model tells which pages exist (the changes page only with history).
  const catalog = context.problems.length === 0 && files.api ? assembleCatalog(context, files.api.data) : undefined;
  checkGuideLinks(context, catalog);
  if (context.problems.length > 0 || !catalog) return { problems: context.problems };
  return { problems: context.problems, catalog };
}

/** The model pages read: every list in its display order. */
function assembleCatalog(context: ModelContext, api: Catalog['api']): Catalog {
  const { surfaces, envelopes, statuses, spaces, codes, areas, headers, operations } = context;
  const orderedSurfaces = [...surfaces.values()].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  const surfaceRank = new Map(orderedSurfaces.map((surface, index) => [surface.id, index]));
  for (const envelope of envelopes.values())
    envelope.surfaces.sort((a, b) => surfaceRank.get(a)! - surfaceRank.get(b)!);
  const orderedSpaces = [...spaces.values()];
  return {
    api,
    surfaces: orderedSurfaces,
    envelopes: [...envelopes.values()].sort((a, b) => a.name.localeCompare(b.name)),
    statuses: [...statuses.values()].sort((a, b) => a.status - b.status),
    codeSpaces: orderedSpaces,
    codes: orderedSpaces.flatMap((space) => space.codes.map((key) => codes.get(key)!)),
    messageAreas: [...areas.values()].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name)),
    headers,
    operations,
  };
}
