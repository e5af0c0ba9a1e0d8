/**
 * `error-catalog check [dir]`: the build's validation without building the site. Lists every
 * problem at once (file:line, field, what is wrong, how to fix it) and exits 1 when there is one;
 * files the build does not read are listed as warnings, which fail nothing.
 */
import { Option, type Command } from 'commander';
import type { Catalog } from '../catalog/model';
import { inspectCatalog, requireCatalogFolder } from './catalog-folder';
import { createCommand, withExamples, type CommandContext } from './command';
import { EXIT } from './errors';
import { FORMATS, formatReport, type Format } from './report-formats';

export function checkCommand(context: CommandContext): Command {
  const command = createCommand('check', context)
    .description('validate a catalog folder exactly as the build does, without building the site')
    .argument('[dir]', 'the catalog folder', 'catalog')
    .addOption(new Option('-f, --format <format>', 'how to print the problems').choices([...FORMATS]).default('text'))
    .action((dir: string, options: { format: Format }) => {
      context.exit(runCheck(dir, options.format, context));
    });
  return withExamples(command, [
    ['error-catalog check', 'check ./catalog'],
    ['error-catalog check examples/migo', 'check another folder'],
    ['error-catalog check --format github', 'annotations on a pull request (GitHub Actions)'],
    ['error-catalog check --format gitlab > gl-code-quality.json', 'a GitLab code-quality report'],
    ['error-catalog check --format json | jq .problems', 'the problems as data'],
  ]);
}

function runCheck(dir: string, format: Format, { terminal }: CommandContext): number {
  requireCatalogFolder(dir, 'Pass the folder that holds api.yaml, e.g. `error-catalog check path/to/catalog`.');
  const started = performance.now();
  const { catalog, problems, warnings } = inspectCatalog(dir);
  const seconds = (performance.now() - started) / 1000;
  const report = formatReport(
    format,
    { problems, warnings },
    {
      dir,
      ...(catalog ? { summary: summarise(catalog) } : {}),
      seconds,
      colours: terminal.colours,
      env: terminal.env,
      cwd: terminal.cwd,
    },
  );
  terminal.out(report);
  return problems.length === 0 ? EXIT.ok : EXIT.problems;
}

/** `65 codes in 2 code spaces, 3 surfaces, 3 envelopes, 19 statuses, 26 messages, 24 operations`. */
export function summarise(catalog: Catalog): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [
    `${count(catalog.codes.length, 'code')} in ${count(catalog.codeSpaces.length, 'code space')}`,
    count(catalog.surfaces.length, 'surface'),
    count(catalog.envelopes.length, 'envelope'),
    count(catalog.statuses.length, 'status').replace('statuss', 'statuses'),
    count(
      catalog.messageAreas.reduce((sum, area) => sum + area.messages.length, 0),
      'message',
    ),
    count(catalog.operations.length, 'operation'),
  ].join(', ');
}
