/** Stages: envelopes, surfaces (and the envelopes they name), and the code spaces the surfaces make. */
import type { CodeSpace } from '../model';
import type { Path } from '../problems';
import type { SourceFile } from '../read-catalog';
import { suggestName } from '../suggest';
import { checkEnvelopeExamples } from '../envelope-examples';
import { originOf, type ModelContext } from './context';

/** Envelopes by id (their file name); their example bodies must parse and their field paths reach something. */
export function collectEnvelopes({ files, envelopes, exampleBodies, problems }: ModelContext): void {
  for (const { id, data, source } of files.envelopes) {
    envelopes.set(id, { ...data, id, surfaces: [], origin: originOf(source, []) });
    exampleBodies.set(id, { source, bodies: checkEnvelopeExamples(data, source, problems) });
  }
}

/** Surfaces by id (their file name); every envelope a surface names must exist. */
export function collectSurfaces({ files, envelopes, surfaces, problems, report, mayHold }: ModelContext): void {
  for (const { id, data, source } of files.surfaces) {
    data.envelopes.forEach((envelopeId, index) => {
      const envelope = envelopes.get(envelopeId);
      if (envelope) envelope.surfaces.push(id);
      else if (!mayHold('envelopes', envelopeId))
        report(
          source,
          ['envelopes', index],
          `envelope "${envelopeId}" does not exist`,
          [
            suggestName(envelopeId, [...envelopes.keys()], 'envelopes'),
            `or create ${files.root}/envelopes/${envelopeId}.yaml`,
          ]
            .filter(Boolean)
            .join(' '),
        );
    });
    surfaces.set(id, { ...data, id, codeSpace: data.codeSpace ?? id, origin: originOf(source, []) });
  }
  if (files.surfaces.length === 0 && files.api) {
    problems.push({
      file: files.api.source.file.replace(/api\.ya?ml$/, 'surfaces/'),
      field: '',
      message: 'the catalog declares no surface',
      fix: 'add surfaces/<id>.yaml with name:, description: and envelopes:',
    });
  }
}

/** One code space per distinct `surface.codeSpace`, named after its first surface in page order. */
export function collectCodeSpaces({ surfaces, spaces }: ModelContext): void {
  for (const surface of [...surfaces.values()].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))) {
    const space = spaces.get(surface.codeSpace);
    if (space) space.surfaces.push(surface.id);
    else
      spaces.set(surface.codeSpace, {
        id: surface.codeSpace,
        name: surface.name,
        surfaces: [surface.id],
        ranges: [],
        codes: [],
      });
  }
}

/** The code space `id` that a ranges or codes file names; reports it when no surface makes it. */
export function spaceFor(context: ModelContext, source: SourceFile, path: Path, id: string): CodeSpace | undefined {
  const { files, spaces, report, mayHold } = context;
  const space = spaces.get(id);
  if (!space && !mayHold('surfaces'))
    report(
      source,
      path,
      `code space "${id}" belongs to no surface`,
      spaces.size
        ? `${suggestName(id, [...spaces.keys()], 'code spaces')}; a surface's code space is its codeSpace: or, when unset, its file name`
        : `add ${files.root}/surfaces/${id}.yaml first`,
    );
  return space;
}
