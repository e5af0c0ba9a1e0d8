/**
 * The report of `check` in each output format: text for people, JSON for programs, GitHub
 * workflow commands (annotations on the pull request's lines) and a GitLab code-quality report.
 * Problems fail the check; warnings (files the build does not read) are reported as warnings in
 * every format and fail nothing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { formatProblems, formatWarnings, sortProblems, type CatalogProblem } from '../catalog/problems';
import type { Colours } from './terminal';

export const FORMATS = ['text', 'json', 'github', 'gitlab'] as const;
export type Format = (typeof FORMATS)[number];

/** What a report needs to know besides the problems. */
export interface ReportContext {
  /** The catalog folder as the user named it. */
  dir: string;
  /** A one-line summary of a sound catalog (counts), or undefined when it has problems. */
  summary?: string;
  /** Seconds the check took. */
  seconds: number;
  colours: Colours;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** What the check found: problems fail it, warnings do not. */
export interface Findings {
  problems: CatalogProblem[];
  warnings: CatalogProblem[];
}

export function formatReport(format: Format, findings: Findings, context: ReportContext): string {
  switch (format) {
    case 'json':
      return jsonReport(findings, context);
    case 'github':
      return githubReport(findings, context);
    case 'gitlab':
      return gitlabReport(findings, context);
    default:
      return textReport(findings, context);
  }
}

function count(number: number, noun: string): string {
  return `${number} ${noun}${number === 1 ? '' : 's'}`;
}

function textReport({ problems, warnings }: Findings, { dir, summary, seconds, colours }: ReportContext): string {
  const time = `(checked in ${seconds.toFixed(2)} s)`;
  const style = { where: (text: string) => colours.cyan(text), fix: (text: string) => colours.green(text) };
  const warned = warnings.length ? formatWarnings(dir, warnings, { style }) : '';
  const alsoWarned = warnings.length ? `, ${count(warnings.length, 'warning')}` : '';
  if (problems.length === 0) {
    const line = `${colours.green('✔')} ${dir}: no problems${alsoWarned}; ${summary ?? ''} ${colours.dim(time)}\n`;
    return warned ? `${warned}\n${line}` : line;
  }
  const report = formatProblems(dir, problems, { consequence: '', style });
  return `${report}\n${warned ? `${warned}\n` : ''}${colours.red('✖')} ${count(problems.length, 'problem')}${alsoWarned} ${colours.dim(time)}\n`;
}

function jsonReport({ problems, warnings }: Findings, { dir, summary }: ReportContext): string {
  const body = {
    catalog: dir,
    ok: problems.length === 0,
    summary: summary ?? null,
    problems: sortProblems(problems),
    warnings: sortProblems(warnings),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/**
 * GitHub workflow commands: `::error file=…,line=…,col=…,title=…::message` (`::warning` for a
 * warning). Paths are relative to the repository (GITHUB_WORKSPACE), so the annotation lands on the
 * pull request's line even when the check runs in a sub-folder. Values are escaped as the runner
 * expects (%, CR, LF; and : , in properties).
 */
function githubReport({ problems, warnings }: Findings, { dir, summary, env, cwd }: ReportContext): string {
  const workspace = env['GITHUB_WORKSPACE'];
  const annotate = (command: 'error' | 'warning') => (problem: CatalogProblem) => {
    const absolute = resolve(cwd, problem.file);
    const file = (workspace ? relative(workspace, absolute) : problem.file).split(sep).join('/');
    const properties = [`file=${escapeProperty(file)}`];
    if (problem.line) {
      properties.push(`line=${problem.line}`, `col=${columnOf(absolute, problem.line)}`);
    }
    properties.push(`title=${escapeProperty(`error-catalog${problem.field ? `: ${problem.field}` : ''}`)}`);
    return `::${command} ${properties.join(',')}::${escapeData(`${problem.message}\nFix: ${problem.fix}`)}`;
  };
  const lines = [...sortProblems(problems).map(annotate('error')), ...sortProblems(warnings).map(annotate('warning'))];
  const alsoWarned = warnings.length ? `, ${count(warnings.length, 'warning')}` : '';
  const tail =
    problems.length === 0
      ? `${dir}: no problems${alsoWarned}; ${summary ?? ''}`
      : `${dir}: ${count(problems.length, 'problem')}${alsoWarned} (each is an annotation above)`;
  return `${[...lines, tail].join('\n')}\n`;
}

/**
 * GitLab's code-quality report (a JSON array; `artifacts: reports: codequality:` shows it on the
 * merge request). The fingerprint is stable across runs, so GitLab can tell new problems from old.
 * Problems are `major`, warnings `minor`.
 */
function gitlabReport({ problems, warnings }: Findings, { env, cwd }: ReportContext): string {
  const projectDir = env['CI_PROJECT_DIR'];
  const entry = (severity: 'major' | 'minor') => (problem: CatalogProblem) => {
    const absolute = resolve(cwd, problem.file);
    const path = (projectDir ? relative(projectDir, absolute) : problem.file).split(sep).join('/');
    return {
      description: `${problem.field ? `${problem.field}: ` : ''}${problem.message}. Fix: ${problem.fix}`,
      check_name: 'error-catalog',
      fingerprint: createHash('sha256').update(`${path}\n${problem.field}\n${problem.message}`).digest('hex'),
      severity,
      location: { path, lines: { begin: problem.line ?? 1 } },
    };
  };
  const entries = [...sortProblems(problems).map(entry('major')), ...sortProblems(warnings).map(entry('minor'))];
  return `${JSON.stringify(entries, null, 2)}\n`;
}

/** Where the entry starts on that line (after indentation and a list dash), 1-based. */
function columnOf(file: string, line: number): number {
  try {
    const text = readFileSync(file, 'utf8').split('\n')[line - 1] ?? '';
    const match = /^[\s-]*/.exec(text);
    return (match?.[0].length ?? 0) + 1;
  } catch {
    return 1;
  }
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
