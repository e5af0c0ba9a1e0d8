/** Stage: common messages by area — a declared status, a sound template, and a code that exists. */
import { textSlug } from '../codes';
import { checkTemplate } from '../cross-check';
import type { MessageArea } from '../model';
import type { Path } from '../problems';
import type { SourceFile } from '../read-catalog';
import { describeOrigin, originOf, type ModelContext } from './context';
import { referenceFix, resolveReference } from './code-references';
import { checkStatusDeclared } from './statuses';
import { checkReply } from './support';

export function collectMessages(context: ModelContext): void {
  const { files, areas, spaces, report } = context;
  for (const { data, entries, source } of files.messages) {
    const slug = textSlug(data.area);
    if (areas.has(slug)) {
      report(
        source,
        ['area'],
        `area "${data.area}" is declared twice (also in ${areas.get(slug)!.origin.file})`,
        'merge the two files or give the areas different names',
      );
      continue;
    }
    const area: MessageArea = {
      slug,
      name: data.area,
      description: data.description,
      order: data.order,
      messages: [],
      origin: originOf(source, []),
    };
    for (const { value: entry, path } of entries) {
      const index = path[1] as number;
      checkStatusDeclared(context, source, [...path, 'status'], entry.status);
      const placeholderNames = checkTemplate(entry.message, entry.placeholders, source, [...path, 'message'], report);
      if (entry.reply !== undefined) checkReply(entry.reply, placeholderNames, source, [...path, 'reply'], report);
      let code: string | undefined;
      if (entry.code !== undefined) {
        const [first] = spaces.keys();
        // A message belongs to no code space, so a bare code is looked up in every space.
        const found = entry.code.includes(':')
          ? [resolveReference(context, first ?? '', entry.code)].filter(Boolean)
          : [...spaces.keys()].map((space) => resolveReference(context, space, entry.code!)).filter(Boolean);
        code = found.length === 1 ? found[0] : undefined;
        if (found.length > 1)
          report(
            source,
            [...path, 'code'],
            `code "${entry.code}" exists in several code spaces (${found.map((key) => key!.split(':')[0]).join(', ')})`,
            `say which one: ${found.map((key) => `"${key}"`).join(' or ')}`,
          );
        else if (!code && !context.mayHold('codes', entry.code.split(':').pop()))
          report(
            source,
            [...path, 'code'],
            `code "${entry.code}" does not exist`,
            `${referenceFix(context, entry.code, entry.code.includes(':') ? (first ?? '') : undefined)}, or remove code:`,
          );
      }
      if (code && entry.status !== undefined)
        checkMessageStatus(context, code, entry.status, source, [...path, 'status']);
      area.messages.push({
        ...entry,
        id: `${slug}/${index + 1}`,
        area: slug,
        code,
        placeholderNames,
        origin: originOf(source, path),
      });
    }
    areas.set(slug, area);
  }
}

/** A message that names a code and a status: the status is one the code is documented with. */
function checkMessageStatus(context: ModelContext, key: string, status: number, source: SourceFile, path: Path): void {
  const code = context.codes.get(key)!;
  const documented = code.statuses.map((entry) => entry.status);
  if (documented.includes(status)) return;
  context.report(
    source,
    path,
    `the message comes with status ${status}, but code ${code.code} comes with ${documented.join(' and ')}`,
    `list ${status} in the statuses: of code ${code.code} (${describeOrigin(code.origin)}), or correct the message's status`,
  );
}
