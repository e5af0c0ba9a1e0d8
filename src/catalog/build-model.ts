/**
 * Assembles the validated files into the one catalog model, resolving every reference and
 * running the cross-checks no single file can do. Returns all problems together.
 */
import { codeKey, codeSlug, compareCodes, isNumericCode, textSlug } from './codes';
import { buildOperations } from './build-operations';
import { checkEnvelopeExamples, checkRanges, checkTemplate } from './cross-check';
import { statusClassOf } from '../shared/status-class';
import type { Catalog, Code, CodeSpace, Envelope, Header, MessageArea, Range, Status, Surface } from './model';
import { formatFieldPath, type CatalogProblem } from './problems';
import { nearestCodes, suggestName } from './suggest';
import type { CatalogFiles, SourceFile } from './read-catalog';
import { codeRetry, statusRetry } from './retry-defaults';

type Path = ReadonlyArray<string | number>;

/** Builds the model; `problems` is empty when the catalog is sound. */
export function buildModel(files: CatalogFiles): { catalog?: Catalog; problems: CatalogProblem[] } {
  const problems: CatalogProblem[] = [...files.problems];
  const report = (source: SourceFile, path: Path, message: string, fix: string) =>
    problems.push({ file: source.file, line: source.lineOf(path), field: formatFieldPath(path), message, fix });
  // The line is found only when a message asks for it: finding lines takes the slower YAML
  // document parse (src/catalog/read-catalog.ts), which a sound catalog never needs.
  const origin = (source: SourceFile, path: Path) => ({
    file: source.file,
    get line() {
      return source.lineOf(path);
    },
  });
  const at = (where: { file: string; line?: number }) => `${where.file}${where.line ? `:${where.line}` : ''}`;
  // A file that failed its schema was reported already; what it held is unknown, so references
  // into its folder are not reported again as "does not exist".
  const unreadable = (folder: keyof CatalogFiles['unreadable']) => (files.unreadable[folder]?.length ?? 0) > 0;
  let codesUnknown = unreadable('codes');

  // Envelopes and surfaces.
  const envelopes = new Map<string, Envelope>();
  for (const { id, data, source } of files.envelopes) {
    envelopes.set(id, { ...data, id, surfaces: [], origin: origin(source, []) });
    checkEnvelopeExamples(data, source, report);
  }
  const surfaces = new Map<string, Surface>();
  for (const { id, data, source } of files.surfaces) {
    data.envelopes.forEach((envelopeId, index) => {
      const envelope = envelopes.get(envelopeId);
      if (envelope) envelope.surfaces.push(id);
      else if (!files.unreadable.envelopes?.includes(envelopeId))
        report(source, ['envelopes', index], `envelope "${envelopeId}" does not exist`,
          [suggestName(envelopeId, [...envelopes.keys()], 'envelopes'), `or create ${files.root}/envelopes/${envelopeId}.yaml`].filter(Boolean).join(' '));
    });
    surfaces.set(id, { ...data, id, codeSpace: data.codeSpace ?? id, origin: origin(source, []) });
  }
  if (files.surfaces.length === 0 && files.api) {
    problems.push({ file: files.api.source.file.replace(/api\.ya?ml$/, 'surfaces/'), field: '', message: 'the catalog declares no surface', fix: 'add surfaces/<id>.yaml with name:, description: and envelopes:' });
  }

  // Code spaces: one per distinct surface.codeSpace.
  const spaces = new Map<string, CodeSpace>();
  for (const surface of [...surfaces.values()].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))) {
    const space = spaces.get(surface.codeSpace);
    if (space) space.surfaces.push(surface.id);
    else spaces.set(surface.codeSpace, { id: surface.codeSpace, name: surface.name, surfaces: [surface.id], ranges: [], codes: [] });
  }
  const spaceFor = (source: SourceFile, path: Path, id: string): CodeSpace | undefined => {
    const space = spaces.get(id);
    if (!space && !unreadable('surfaces'))
      report(source, path, `code space "${id}" belongs to no surface`,
        spaces.size ? `${suggestName(id, [...spaces.keys()], 'code spaces')}; a surface's code space is its codeSpace: or, when unset, its file name` : `add ${files.root}/surfaces/${id}.yaml first`);
    return space;
  };

  // Statuses.
  const statuses = new Map<number, Status>();
  for (const { data, source } of files.statuses) {
    data.statuses.forEach((status, index) => {
      const path = ['statuses', index];
      if (statuses.has(status.status)) {
        report(source, [...path, 'status'], `status ${status.status} is declared twice (first at ${at(statuses.get(status.status)!.origin)})`, 'keep one entry per status; put what differs on one surface under surfaces: <surface id>');
        return;
      }
      for (const surfaceId of Object.keys(status.surfaces)) {
        if (!surfaces.has(surfaceId) && !unreadable('surfaces'))
          report(source, [...path, 'surfaces', surfaceId], `surface "${surfaceId}" does not exist`, suggestName(surfaceId, [...surfaces.keys()], 'surface ids (file names in surfaces/)'));
      }
      statuses.set(status.status, {
        ...status,
        statusClass: statusClassOf(status.status),
        retry: statusRetry(status.status, status.retry),
        origin: origin(source, path),
      });
    });
  }
  // Related statuses can point forward in the file, so they are checked once all are known.
  for (const { data, source } of files.statuses) {
    data.statuses.forEach((status, index) => {
      status.related.forEach((related, relatedIndex) => {
        const path = ['statuses', index, 'related', relatedIndex];
        if (related === status.status) report(source, path, `status ${status.status} names itself as related`, 'name a different status or remove it');
        else if (!statuses.has(related))
          report(source, path, `related status ${related} is not declared`, `declare status ${related} (e.g. in ${source.file}) or remove it from related:`);
      });
    });
  }
  const checkStatus = (source: SourceFile, path: Path, status: number | undefined) => {
    if (status !== undefined && !statuses.has(status) && !unreadable('statuses'))
      report(source, path, `HTTP status ${status} is not declared`,
        `add it to ${files.statuses[0]?.source.file ?? `${files.root}/statuses/statuses.yaml`} (status: ${status}, reason:, meaning:, action:) or use one of: ${[...statuses.keys()].sort().join(', ')}`);
  };

  // Ranges.
  const rangeLocations = new Map<Range, { source: SourceFile; path: Path }>();
  for (const { data, source } of files.ranges) {
    const space = spaceFor(source, ['codeSpace'], data.codeSpace);
    if (!space) continue;
    if (data.name) space.name = data.name;
    if (data.description) space.description = data.description;
    space.origin ??= origin(source, []);
    data.ranges.forEach((range, index) => {
      const entry: Range = { ...range, slug: `${range.from}-${range.to}`, codeSpace: space.id, codes: [], origin: origin(source, ['ranges', index]) };
      space.ranges.push(entry);
      rangeLocations.set(entry, { source, path: ['ranges', index] });
    });
  }
  for (const space of spaces.values()) {
    space.ranges.sort((a, b) => a.from - b.from);
    checkRanges(space, (range) => rangeLocations.get(range), report);
  }

  // Codes.
  const codes = new Map<string, Code>();
  const slugs = new Map<string, string>();
  const codeSources = new Map<string, { source: SourceFile; path: Path }>();
  const pendingRefs: Array<{ key: string; source: SourceFile; path: Path; ref: string; kind: 'related' | 'replacedBy' }> = [];
  for (const { data, source } of files.codes) {
    const space = spaceFor(source, ['codeSpace'], data.codeSpace);
    if (!space) {
      codesUnknown = true;
      continue;
    }
    data.codes.forEach((entry, index) => {
      const path = ['codes', index];
      const key = codeKey(space.id, entry.code);
      const earlier = codeSources.get(key);
      if (earlier) {
        report(source, [...path, 'code'], `code ${entry.code} is declared twice in code space "${space.id}" (first at ${earlier.source.file}:${earlier.source.lineOf(earlier.path) ?? '?'})`,
          'give one of them a new code; codes are permanent, so deprecate an old one instead of reusing it');
        return;
      }
      const slug = codeSlug(entry.code);
      const slugOwner = slugs.get(`${space.id}/${slug}`);
      if (slugOwner) {
        report(source, [...path, 'code'], `code "${entry.code}" has the same page address (${slug}) as code "${slugOwner}"`, 'codes of one space must differ in letters or digits, not only in punctuation');
        return;
      }
      slugs.set(`${space.id}/${slug}`, entry.code);
      codeSources.set(key, { source, path });
      checkStatus(source, [...path, 'status'], entry.status);
      const placeholderNames = checkTemplate(entry.message, entry.placeholders, source, [...path, 'message'], report);
      let range: Range | undefined;
      if (space.ranges.length > 0) {
        if (!isNumericCode(entry.code)) {
          report(source, [...path, 'code'], `code "${entry.code}" is not numeric, but code space "${space.id}" is divided into numeric ranges`, 'use a numeric code, or put symbolic codes in a code space without ranges');
        } else {
          const value = Number(entry.code);
          range = space.ranges.find((candidate) => value >= candidate.from && value <= candidate.to);
          if (!range) {
            const rangesFile = files.ranges.find((file) => file.data.codeSpace === space.id)?.source.file ?? `${files.root}/ranges/${space.id}.yaml`;
            const active = space.ranges.filter((r) => r.state === 'active').map((r) => r.slug);
            report(source, [...path, 'code'], `code ${entry.code} of code space "${space.id}" lies in no declared range`,
              `add a range that holds it to ${rangesFile}${active.length ? `, or renumber the code into one of the active ranges: ${active.join(', ')}` : ''}`);
          } else if (range.state !== 'active') {
            report(source, [...path, 'code'], `code ${entry.code} lies in range ${range.slug} (${range.name}), which is marked ${range.state}`,
              `set state: active on range ${range.slug} (${at(range.origin)}) if the range is now in use, or renumber the code into an active range`);
          }
        }
      }
      (entry.surfaces ?? []).forEach((surfaceId, surfaceIndex) => {
        if (!space.surfaces.includes(surfaceId) && !unreadable('surfaces'))
          report(source, [...path, 'surfaces', surfaceIndex], `surface "${surfaceId}" does not send codes of code space "${space.id}"`,
            surfaces.has(surfaceId)
              ? `name only surfaces of code space "${space.id}" (${space.surfaces.join(', ')}); a code that ${surfaceId} sends belongs in the codes of its space "${surfaces.get(surfaceId)!.codeSpace}"`
              : suggestName(surfaceId, space.surfaces, `surfaces of code space "${space.id}"`));
      });
      const code: Code = {
        ...entry,
        key,
        codeSpace: space.id,
        slug,
        surfaces: entry.surfaces ? space.surfaces.filter((id) => entry.surfaces!.includes(id)) : space.surfaces,
        range: range?.slug,
        ...codeRetry(entry.status, entry.retry, statuses.get(entry.status)?.retry),
        placeholderNames,
        related: [],
        referencedBy: [],
        deprecated: entry.deprecated ? { since: entry.deprecated.since, note: entry.deprecated.note } : undefined,
        formerly: entry.formerly.map((ref) => (ref.includes(':') ? ref : codeKey(space.id, ref))),
        origin: origin(source, path),
      };
      codes.set(key, code);
      range?.codes.push(key);
      space.codes.push(key);
      entry.related.forEach((ref, refIndex) => pendingRefs.push({ key, source, path: [...path, 'related', refIndex], ref, kind: 'related' }));
      if (entry.deprecated?.replacedBy !== undefined)
        pendingRefs.push({ key, source, path: [...path, 'deprecated', 'replacedBy'], ref: entry.deprecated.replacedBy, kind: 'replacedBy' });
    });
  }
  const resolveRef = (fromSpace: string, ref: string): string | undefined => {
    const colon = ref.indexOf(':');
    if (colon < 0) return codes.has(codeKey(fromSpace, ref)) ? codeKey(fromSpace, ref) : undefined;
    const prefix = ref.slice(0, colon);
    const space = spaces.has(prefix) ? prefix : surfaces.get(prefix)?.codeSpace;
    const key = space ? codeKey(space, ref.slice(colon + 1)) : undefined;
    return key && codes.has(key) ? key : undefined;
  };
  /** How to fix a reference that resolved to nothing: the nearest codes of the space it points into. */
  const referenceFix = (ref: string, fromSpace: string): string => {
    const colon = ref.indexOf(':');
    const prefix = colon < 0 ? fromSpace : ref.slice(0, colon);
    const spaceId = spaces.has(prefix) ? prefix : surfaces.get(prefix)?.codeSpace;
    const space = spaceId ? spaces.get(spaceId) : undefined;
    if (!space) return `"${prefix}" is no code space; ${suggestName(prefix, [...spaces.keys()], 'code spaces')}`;
    const near = nearestCodes(colon < 0 ? ref : ref.slice(colon + 1), space.codes.map((key) => codes.get(key)!.code));
    const qualify = (value: string) => (space.id === fromSpace && colon < 0 ? value : `${space.id}:${value}`);
    return near.length
      ? `name a declared code of code space "${space.id}", e.g. ${near.map((value) => `"${qualify(value)}"`).join(', ')}; write "<space>:<code>" for a code of another space`
      : `code space "${space.id}" has no codes yet`;
  };
  for (const pending of pendingRefs) {
    const code = codes.get(pending.key)!;
    const target = resolveRef(code.codeSpace, pending.ref);
    if (!target) {
      if (!codesUnknown)
        report(pending.source, pending.path, `${pending.kind === 'related' ? 'related code' : 'replacement code'} "${pending.ref}" does not exist`, referenceFix(pending.ref, code.codeSpace));
      continue;
    }
    if (target === code.key) {
      report(pending.source, pending.path, `code ${code.code} names itself as ${pending.kind === 'related' ? 'related' : 'its replacement'}`, 'name a different code');
      continue;
    }
    if (pending.kind === 'related') code.related.push(target);
    else code.deprecated = { ...code.deprecated!, replacedBy: target };
    codes.get(target)!.referencedBy.push(code.key);
  }
  for (const space of spaces.values()) {
    space.codes.sort((a, b) => compareCodes(codes.get(a)!.code, codes.get(b)!.code));
    for (const range of space.ranges) range.codes.sort((a, b) => compareCodes(codes.get(a)!.code, codes.get(b)!.code));
  }

  // Messages.
  const areas = new Map<string, MessageArea>();
  for (const { data, source } of files.messages) {
    const slug = textSlug(data.area);
    if (areas.has(slug)) {
      report(source, ['area'], `area "${data.area}" is declared twice (also in ${areas.get(slug)!.origin.file})`, 'merge the two files or give the areas different names');
      continue;
    }
    const area: MessageArea = { slug, name: data.area, description: data.description, order: data.order, messages: [], origin: origin(source, []) };
    data.messages.forEach((entry, index) => {
      const path = ['messages', index];
      checkStatus(source, [...path, 'status'], entry.status);
      const placeholderNames = checkTemplate(entry.message, entry.placeholders, source, [...path, 'message'], report);
      let code: string | undefined;
      if (entry.code !== undefined) {
        const [first] = spaces.keys();
        // A message belongs to no code space, so a bare code is looked up in every space.
        const found = entry.code.includes(':') ? [resolveRef(first ?? '', entry.code)].filter(Boolean) : [...spaces.keys()].map((space) => resolveRef(space, entry.code!)).filter(Boolean);
        code = found.length === 1 ? found[0] : undefined;
        if (found.length > 1)
          report(source, [...path, 'code'], `code "${entry.code}" exists in several code spaces (${found.map((key) => key!.split(':')[0]).join(', ')})`,
            `say which one: ${found.map((key) => `"${key}"`).join(' or ')}`);
        else if (!code && !codesUnknown) report(source, [...path, 'code'], `code "${entry.code}" does not exist`, `${referenceFix(entry.code, first ?? '')}, or remove code:`);
      }
      area.messages.push({ ...entry, id: `${slug}/${index + 1}`, area: slug, code, placeholderNames, origin: origin(source, path) });
    });
    areas.set(slug, area);
  }

  // Headers.
  const headers: Header[] = [];
  for (const { data, source } of files.headers) {
    data.headers.forEach((header, index) => {
      const path = ['headers', index];
      const earlier = headers.find((other) => other.name.toLowerCase() === header.name.toLowerCase());
      if (earlier) {
        report(source, [...path, 'name'], `header ${header.name} is declared twice (first as ${earlier.name} at ${at(earlier.origin)}; header names ignore case)`, 'keep one entry per header');
        return;
      }
      header.statuses.forEach((status, statusIndex) => checkStatus(source, [...path, 'statuses', statusIndex], status));
      (header.surfaces ?? []).forEach((surfaceId, surfaceIndex) => {
        if (!surfaces.has(surfaceId) && !unreadable('surfaces'))
          report(source, [...path, 'surfaces', surfaceIndex], `surface "${surfaceId}" does not exist`, suggestName(surfaceId, [...surfaces.keys()], 'surface ids (file names in surfaces/)'));
      });
      headers.push({ ...header, origin: origin(source, path) });
    });
  }

  // Operations.
  const operations = buildOperations({
    files,
    report,
    origin,
    surfaces,
    envelopes,
    codes,
    checkStatus: (source, path, status) => checkStatus(source, path, status),
    resolveCode: resolveRef,
    codeReferenceFix: referenceFix,
    codesUnknown,
  });

  if (problems.length > 0 || !files.api) return { problems };
  const orderedSurfaces = [...surfaces.values()].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  const surfaceRank = new Map(orderedSurfaces.map((surface, index) => [surface.id, index]));
  for (const envelope of envelopes.values()) envelope.surfaces.sort((a, b) => surfaceRank.get(a)! - surfaceRank.get(b)!);
  const orderedSpaces = [...spaces.values()];
  return {
    problems,
    catalog: {
      api: files.api.data,
      surfaces: orderedSurfaces,
      envelopes: [...envelopes.values()].sort((a, b) => a.name.localeCompare(b.name)),
      statuses: [...statuses.values()].sort((a, b) => a.status - b.status),
      codeSpaces: orderedSpaces,
      codes: orderedSpaces.flatMap((space) => space.codes.map((key) => codes.get(key)!)),
      messageAreas: [...areas.values()].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name)),
      headers,
      operations,
    },
  };
}
