/**
 * Stage: every key a reader or the lookup finds an entry by is unique where it must be. The
 * lookup reads numeric codes as numbers, and symbolic codes and names case-insensitively with
 * `-`, `.` and spaces taken for `_` (src/lookup/resolve-code.ts); it matches messages by their
 * words, whatever the placeholders are called (src/lookup/text.ts). Readers tell surfaces,
 * envelopes, examples and guides apart by their names and titles.
 */
import { templateParts } from '../../lookup/text';
import { isNumericCode, textSlug } from '../codes';
import type { Path } from '../problems';
import type { SourceFile } from '../read-catalog';
import { describeOrigin, type ModelContext } from './context';

/**
 * A name already taken: who took it and where. `where` is asked only when a second owner clashes:
 * a line number needs the file's document parse, which a catalog without clashes never pays for.
 */
interface Taken {
  what: string;
  where: () => string;
}

/** Remembers keys per scope and reports the second owner of one. */
function claims(context: ModelContext) {
  const taken = new Map<string, Taken>();
  return (key: string, owner: Taken, source: SourceFile, path: Path, clash: (first: Taken) => [string, string]) => {
    const first = taken.get(key);
    if (!first) {
      taken.set(key, owner);
      return;
    }
    const [message, fix] = clash(first);
    context.report(source, path, message, fix);
  };
}

/** The token the lookup finds a symbolic code or a name by. */
function lookupToken(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[-.\s]+/g, '_');
}

/** Codes: distinct numbers, distinct letters whatever their case; names distinct from each other and from codes. */
export function checkCodeKeys(context: ModelContext): void {
  const { codes, codeSources } = context;
  const claim = claims(context);
  for (const code of codes.values()) {
    const { source, path } = codeSources.get(code.key)!;
    const owner = { what: `code ${code.code}`, where: () => at(source, path) };
    if (isNumericCode(code.code)) {
      const number = code.code.replace(/^0+(?=\d)/, '');
      claim(`${code.codeSpace}#${number}`, owner, source, [...path, 'code'], (first) => [
        `${owner.what} is the same number as ${first.what} (${first.where()}): the lookup reads both as ${number} and cannot tell them apart`,
        'give one of them another number; codes are permanent, so deprecate the old one instead of reusing it',
      ]);
    }
    const tokens: Array<[string, Path, string]> = [];
    if (!isNumericCode(code.code)) tokens.push([lookupToken(code.code), [...path, 'code'], `code "${code.code}"`]);
    if (code.name && lookupToken(code.name) !== tokens[0]?.[0])
      tokens.push([lookupToken(code.name), [...path, 'name'], `the name ${code.name} of code ${code.code}`]);
    for (const [token, tokenPath, described] of tokens) {
      claim(`${code.codeSpace}@${token}`, { what: described, where: owner.where }, source, tokenPath, (first) => [
        `${described} is also ${first.what} (${first.where()}) once case and - . _ are ignored, as the lookup ignores them, so looking up "${token}" cannot tell the two apart`,
        `give each code its own ${tokenPath[tokenPath.length - 1]} in code space "${code.codeSpace}"`,
      ]);
    }
  }
}

/** Messages of one area with the same words (placeholders aside) are one message written twice. */
export function checkMessageKeys(context: ModelContext): void {
  const claim = claims(context);
  for (const { data, entries, source } of context.files.messages) {
    for (const { value: message, path } of entries) {
      const shape = templateParts(message.message).literals.join(' {} ');
      claim(
        `${textSlug(data.area)}\n${shape}`,
        { what: `"${message.message}"`, where: () => at(source, path) },
        source,
        [...path, 'message'],
        (first) => [
          `the message "${message.message}" is already in area "${data.area}" as ${first.what} (${first.where()}): the lookup matches a message by its words, whatever the placeholders are called, so it would find both`,
          'keep one entry and merge their resolutions; if the two really differ, make their wording differ too',
        ],
      );
    }
  }
}

/** Surfaces and envelopes by display name, the examples of one envelope by title, guides by title. */
export function checkNames(context: ModelContext): void {
  const { files } = context;
  const surfaceNames = claims(context);
  for (const { id, data, source } of files.surfaces)
    surfaceNames(
      data.name.toLowerCase(),
      { what: `surface "${id}"`, where: () => source.file },
      source,
      ['name'],
      (first) => [
        `surface "${id}" has the same name, "${data.name}", as ${first.what} (${first.where()}): pages, lists and the lookup name surfaces by it`,
        'give each surface its own name',
      ],
    );
  const envelopeNames = claims(context);
  for (const { id, data, source } of files.envelopes) {
    envelopeNames(
      data.name.toLowerCase(),
      { what: `envelope "${id}"`, where: () => source.file },
      source,
      ['name'],
      (first) => [
        `envelope "${id}" has the same name, "${data.name}", as ${first.what} (${first.where()}): the lookup says which envelope it read a body as by this name`,
        'give each envelope its own name',
      ],
    );
    const titles = claims(context);
    data.examples.forEach((example, index) =>
      titles(
        example.title.toLowerCase(),
        { what: `example ${index + 1}`, where: () => at(source, ['examples', index]) },
        source,
        ['examples', index, 'title'],
        (first) => [
          `two examples of envelope "${id}" are titled "${example.title}" (the other: ${first.what}, ${first.where()}); readers pick an example by its title`,
          'give each example a title that says what it shows, e.g. "Validation error" or "Rate limited"',
        ],
      ),
    );
  }
  const guideTitles = claims(context);
  for (const { data, source } of files.guides) {
    if (!data || !source) continue;
    guideTitles(
      data.title.toLowerCase(),
      { what: 'another guide', where: () => at(source, ['title']) },
      source,
      ['title'],
      (first) => [
        `the guide title "${data.title}" is also the title of ${first.what} (${first.where()}): the guide list and search show guides by title`,
        'give each guide its own title',
      ],
    );
  }
}

function at(source: SourceFile, path: Path): string {
  return describeOrigin({ file: source.file, line: source.lineOf(path) });
}
