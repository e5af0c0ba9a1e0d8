/** Runs the real `error-catalog` bin (bin/error-catalog.mjs) as a user would, and helpers for its tests. */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const BIN = resolve('bin/error-catalog.mjs');

/** Spawns the bin with `args` (no terminal, so no colour unless `env` asks for it). */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<CliResult> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    GITHUB_WORKSPACE: undefined,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? process.cwd(),
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** A fresh copy of a catalog folder in .cache/cli-tests/, as a path relative to the project. */
export function copyCatalog(source: string): string {
  const base = resolve('.cache/cli-tests');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'catalog-'));
  cpSync(source, dir, { recursive: true });
  return relative(process.cwd(), dir);
}

/** An empty folder in .cache/cli-tests/, relative to the project. */
export function emptyFolder(prefix = 'work-'): string {
  const base = resolve('.cache/cli-tests');
  mkdirSync(base, { recursive: true });
  return relative(process.cwd(), mkdtempSync(join(base, prefix)));
}

/** Output with the varying time of a check replaced. */
export function stable(text: string): string {
  return text.replace(/\(checked in [\d.]+ s\)/g, '(checked in … s)');
}
