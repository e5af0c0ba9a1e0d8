/**
 * Stage: the support desk — api.yaml's support links use only the values a lookup fills and keep
 * the URL's origin fixed; each reply uses only its message's placeholders; each escalation goes to
 * a team api.yaml declares.
 */
import { SUPPORT_LINK_VALUES } from '../../schemas/support';
import { placeholderNames, templateProblems } from '../placeholders';
import type { Path } from '../problems';
import type { SourceFile } from '../read-catalog';
import { suggestName } from '../suggest';
import type { ModelContext, Report } from './context';

export function checkSupportDesk(context: ModelContext): void {
  const { files, codes, codeSources, report } = context;
  const api = files.api;
  const teams = Object.keys(api?.data.support?.teams ?? {});
  api?.data.support?.links.forEach((link, index) =>
    checkSupportLink(link.label, link.url, api.source, ['support', 'links', index, 'url'], report),
  );
  for (const [key, code] of codes) {
    const where = codeSources.get(key);
    if (!where) continue;
    if (code.reply !== undefined)
      checkReply(code.reply, code.placeholderNames, where.source, [...where.path, 'reply'], report);
    const team = code.support?.escalate?.team;
    if (team !== undefined && !teams.includes(team))
      report(
        where.source,
        [...where.path, 'support', 'escalate', 'team'],
        `escalation to team "${team}", which api.yaml does not declare`,
        teams.length
          ? suggestName(team, teams, 'teams in api.yaml support.teams')
          : `declare it in api.yaml: support: { teams: { ${team}: { name: …, channel: … } } }`,
      );
  }
}

/**
 * A reply may use only the placeholders of its message: those are the values a lookup can fill
 * from the pasted error.
 */
export function checkReply(reply: string, messageNames: string[], source: SourceFile, path: Path, report: Report) {
  const broken = templateProblems(reply);
  for (const problem of broken) {
    const [message, fix] = problem.split('; ');
    report(source, path, message!, fix ?? 'write placeholders as {name}');
  }
  if (broken.length > 0) return;
  for (const name of placeholderNames(reply))
    if (!messageNames.includes(name))
      report(
        source,
        path,
        `the reply uses {${name}}, which the message does not have`,
        messageNames.length
          ? `use the message's placeholders only: ${suggestName(name, messageNames, 'placeholders of the message')}`
          : 'the message has no placeholders: write the reply without {…}',
      );
}

/** A support link: known placeholders, in the path, query or fragment of an absolute http(s) URL. */
function checkSupportLink(label: string, url: string, source: SourceFile, path: Path, report: Report) {
  const broken = templateProblems(url);
  for (const problem of broken) {
    const [message, fix] = problem.split('; ');
    report(source, path, `support link "${label}": ${message!}`, fix ?? 'write placeholders as {name}');
  }
  if (broken.length > 0) return;
  const known: readonly string[] = SUPPORT_LINK_VALUES;
  for (const name of placeholderNames(url))
    if (!known.includes(name))
      report(
        source,
        path,
        `support link "${label}" uses {${name}}, which a lookup never fills`,
        suggestName(name, SUPPORT_LINK_VALUES, 'the values a link may use'),
      );
  // The origin must be written out: a pasted value placed there could send the agent elsewhere.
  const bare = url.replace(/\{[^{}]*\}/g, 'x');
  let parsed: URL | undefined;
  try {
    parsed = new URL(bare);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:'))
    report(
      source,
      path,
      `support link "${label}" is not an absolute http(s) URL`,
      'write the whole address, e.g. https://logs.example.com/search?request_id={requestId}',
    );
  else if (/^[^:]*:\/\/[^/?#]*\{/.test(url))
    report(
      source,
      path,
      `support link "${label}" has a placeholder in its scheme or host`,
      'write the scheme and host out (https://logs.example.com/…) and put placeholders in the path or the query',
    );
}
